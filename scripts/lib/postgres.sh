# shellcheck shell=bash
# Finds (or installs) PostgreSQL binaries and runs a private cluster on 127.0.0.1.
# Sourced by scripts/run and scripts/test; every function prints what it does to stderr.

pg_log() { printf '[postgres] %s\n' "$*" >&2; }

# Sets PG_BIN to a folder holding initdb, pg_ctl and postgres.
pg_find_binaries() {
  local candidate
  for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      PG_BIN=$(cd "$candidate" && pwd -P)
      # A symlink in /usr/local/bin points into the real folder; resolve it so postgres finds its share files.
      if [ -L "$candidate/initdb" ]; then PG_BIN=$(dirname "$(readlink -f "$candidate/initdb")"); fi
      return 0
    fi
  done
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    pg_log "PostgreSQL binaries not found: installing Debian's postgresql package"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || {
        pg_log "apt-get install postgresql failed"; return 1; }
    for candidate in /usr/lib/postgresql/*/bin; do
      if [ -x "$candidate/initdb" ]; then PG_BIN=$candidate; return 0; fi
    done
  fi
  pg_log "PostgreSQL 15 or newer is required. Install it with: sudo apt-get install postgresql"
  pg_log "or set ConnectionStrings__Analytics to an existing server (Npgsql format)."
  return 1
}

# Runs a command as the cluster owner: PostgreSQL refuses to run as root.
pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( (RANDOM % 20000) + 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# pg_start DIR [PORT]: initialises DIR on first use, starts the server, sets PG_PORT, PG_PASSWORD, PG_DIR.
pg_start() {
  PG_DIR=$1
  local wanted_port=${2:-}
  pg_find_binaries || return 1
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" = "0" ]; then
    chown postgres "$PG_DIR"
    if ! runuser -u postgres -- test -w "$PG_DIR"; then
      pg_log "the postgres user cannot write $PG_DIR (a parent folder is not traversable)"; return 1
    fi
  fi
  if [ ! -f "$PG_DIR/password" ]; then
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$PG_DIR/password"
  fi
  PG_PASSWORD=$(cat "$PG_DIR/password")
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    pg_log "initialising a new cluster in $PG_DIR/data"
    local pwfile="$PG_DIR/pwfile"
    printf '%s\n' "$PG_PASSWORD" > "$pwfile"
    [ "$(id -u)" = "0" ] && chown postgres "$pwfile"
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U analytics --pwfile="$pwfile" -A scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    rm -f "$pwfile"
    cat >> "$PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
timezone = 'UTC'
max_connections = 400
shared_buffers = 512MB
maintenance_work_mem = 512MB
work_mem = 32MB
max_wal_size = 4GB
checkpoint_timeout = 15min
CONF
  fi
  # A cluster that is already running (another script using the same folder) is shared, not restarted.
  if [ -f "$PG_DIR/port" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    PG_PORT=$(cat "$PG_DIR/port")
    PG_STARTED_HERE=0
    pg_log "server already running on 127.0.0.1:$PG_PORT (data in $PG_DIR/data); it is left running on exit"
    return 0
  fi
  if [ -z "$wanted_port" ] && [ -f "$PG_DIR/port" ]; then wanted_port=$(cat "$PG_DIR/port"); fi
  local attempt
  for attempt in 1 2 3; do
    if [ -z "$wanted_port" ] || (exec 3<>"/dev/tcp/127.0.0.1/$wanted_port") 2>/dev/null; then
      wanted_port=$(pg_free_port)
    fi
    PG_PORT=$wanted_port
    echo "$PG_PORT" > "$PG_DIR/port"
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "-p $PG_PORT" start >/dev/null; then
      break
    fi
    # A port can look free yet be taken by an outgoing connection: try another one.
    if [ "$attempt" = 3 ] || ! tail -n 5 "$PG_DIR/server.log" | grep -q 'Address already in use'; then
      tail -n 20 "$PG_DIR/server.log" >&2; return 1
    fi
    wanted_port=""
  done
  PG_STARTED_HERE=1
  pg_log "server on 127.0.0.1:$PG_PORT (data in $PG_DIR/data)"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -n "${PG_BIN:-}" ] && [ "${PG_STARTED_HERE:-0}" = 1 ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
}

# The Npgsql connection string for database $1 (default: analytics).
pg_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=analytics;Password=%s' "$PG_PORT" "${1:-analytics}" "$PG_PASSWORD"
}

#!/usr/bin/env bash
# Finds (or installs) redis-server and runs a private, memory-only instance on 127.0.0.1 for the Redis cache tests.
# Needs scripts/lib/postgres.sh sourced first (pg_free_port).
# redis_start DIR  -> sets REDIS_PORT and REDIS_PID (returns 1 when Redis cannot be had; the caller decides what that means)
# redis_stop
redis_log() { echo "[redis] $*" >&2; }

redis_find_binary() {
  if command -v redis-server >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    redis_log "redis-server not found: installing Debian's redis-server package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2 ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2; } || return 1
    command -v redis-server >/dev/null 2>&1
  else
    return 1
  fi
}

redis_start() {
  local dir=$1
  redis_find_binary || { redis_log "redis-server unavailable"; return 1; }
  mkdir -p "$dir"
  REDIS_PORT=$(pg_free_port)   # from postgres.sh, sourced first
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --daemonize no \
    >"$dir/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do
    if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  redis_log "redis-server did not start"; tail -n 20 "$dir/redis.log" >&2
  return 1
}

redis_stop() {
  if [ -n "${REDIS_PID:-}" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""; fi
}

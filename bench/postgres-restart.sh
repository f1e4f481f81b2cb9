#!/usr/bin/env bash
# PostgreSQL restarted under load: the mixed dashboard traffic of mixed-load.sh (paced users) runs against one instance on the
# demo store while PostgreSQL is stopped (`pg_ctl stop -m fast`) for OUTAGE seconds and started again on the same port. The
# service is not restarted. Reports the errors per second around the outage, whether errors happen only during it, when
# /health/ready (polled every 0.25 s) answers 200 again, how long after PostgreSQL is back the last error is, that the NOTIFY
# listeners reconnected, and /api/health at the end.
# Usage: bash bench/postgres-restart.sh   (DURATION s of the measured phase, default 70; STOP_AT s into it, 20; OUTAGE s, 10;
#   WARMUP s, 20; PACED_VUS 1000 with THINK_MS 4000 as in mixed-load.sh)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
# shellcheck source=lib/load.sh
source "$root/bench/lib/load.sh"
# shellcheck source=lib/tokens.sh
source "$root/bench/lib/tokens.sh"

duration=${DURATION:-70}
stop_at=${STOP_AT:-20}
outage=${OUTAGE:-10}
warmup=${WARMUP:-20}
paced_vus=${PACED_VUS:-1000}
think_ms=${THINK_MS:-4000}
work=$(mktemp -d /tmp/analytics-pg-restart.XXXXXX)
chmod 755 "$work"
APP_PID=""
poller_pid=""
cleanup() {
  [ -n "$poller_pid" ] && kill "$poller_pid" 2>/dev/null
  load_stop_service
  # The cluster may be stopped by the run itself when it fails half-way.
  [ -n "${PG_DIR:-}" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1 && pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
load_build

key=$(head -c 32 /dev/urandom | base64)
port=$(pg_free_port)
base="http://127.0.0.1:$port"
load_demo_service "$work" "$port" "$key"
load_users_file "$work/users.tsv"
app_pid_at_start=$APP_PID
# Whether the NOTIFY listeners are connected: a fresh token's jti sent on `auth_revoked` (as a logout on another instance does)
# must make the service answer 401 for that token. Prints the seconds it took (tries every 0.3 s for up to 30 s) or "never".
revocation_heard() {
  local begin=$SECONDS token payload jti exp
  while [ $((SECONDS - begin)) -lt 30 ]; do
    token=$(mint_token "$key" learner-123 learner org-123)
    payload=$(cut -d. -f2 <<<"$token" | tr '_-' '/+')
    while [ $(( ${#payload} % 4 )) -ne 0 ]; do payload="$payload="; done
    payload=$(base64 -d <<<"$payload")
    jti=$(sed -E 's/.*"jti":"([^"]+)".*/\1/' <<<"$payload")
    exp=$(sed -E 's/.*"exp":([0-9]+).*/\1/' <<<"$payload")
    if load_psql "NOTIFY auth_revoked, 'jti:$jti:$exp'" >/dev/null 2>&1; then
      sleep 0.3
      if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/ping")" = 401 ]; then
        date +%s.%3N
        return 0
      fi
    else
      sleep 0.3
    fi
  done
  echo never
}
[ "$(revocation_heard)" != never ] || { echo "[bench] the service does not hear NOTIFY auth_revoked before the run" >&2; exit 1; }
echo "[bench] users: $(load_users_summary "$work/users.tsv"); the NOTIFY listener hears a revocation" >&2

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
load_phase "$work/warmup" "$base" "$key" "$work/users.tsv" --vus "$paced_vus" --think-ms "$think_ms" --duration "$warmup" --label "warm-up"

# /health/ready every 0.25 s: "<unix time with ms> <status>".
(
  while true; do
    printf '%s %s\n' "$(date +%s.%3N)" "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$base/health/ready")"
    sleep 0.25
  done
) >"$work/ready.log" 2>/dev/null &
poller_pid=$!

before_cpu=$(load_cpu_seconds "$APP_PID")
dotnet "$LOADMIX_DLL" --base "$base" --users "$work/users.tsv" --key "$key" --out "$work/run" --vus "$paced_vus" --think-ms "$think_ms" \
  --duration "$duration" --label "PostgreSQL restart" &
mix_pid=$!
sleep "$stop_at"
stop_begin=$(date +%s.%3N)
echo "[bench] pg_ctl stop -m fast" >&2
pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
stopped=$(date +%s.%3N)
sleep "$outage"
start_begin=$(date +%s.%3N)
echo "[bench] pg_ctl start (port $PG_PORT)" >&2
pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "-p $PG_PORT" start >/dev/null
started=$(date +%s.%3N)
listener_back=$(revocation_heard)
wait "$mix_pid"
load_require_service
after_cpu=$(load_cpu_seconds "$APP_PID")
sleep 1
kill "$poller_pid" 2>/dev/null || true
wait "$poller_pid" 2>/dev/null || true
poller_pid=""

mkdir -p "$root/bench/out" && cp "$work/app.log" "$root/bench/out/postgres-restart-app.log"
same_process=no
kill -0 "$app_pid_at_start" 2>/dev/null && [ "$APP_PID" = "$app_pid_at_start" ] && same_process=yes
ready_end=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")
health_end=$(curl -s "$base/api/health")
# The first 200 of /health/ready after PostgreSQL was started again, and the last non-200 before it.
ready_back=$(awk -v t="$start_begin" '$1 >= t && $2 == 200 { print $1; exit }' "$work/ready.log")
unready_first=$(awk -v t="$stop_begin" '$1 >= t - 1 && $2 != 200 { print $1; exit }' "$work/ready.log")
# Errors per second (timeline.tsv: unix_second … status_5xx failed …).
timeline="$work/run/timeline.tsv"
first_error=$(awk -F'\t' 'NR > 1 && $7 + $8 > 0 { print $1; exit }' "$timeline")
last_error=$(awk -F'\t' 'NR > 1 && $7 + $8 > 0 { last = $1 } END { print last }' "$timeline")
errors_total=$(load_value "$work/run" errors)
errors_outside=$(awk -F'\t' -v a="$stop_begin" -v b="$started" 'NR > 1 && $7 + $8 > 0 && ($1 + 1 < a || $1 > b + 30) { n += $7 + $8 } END { print n + 0 }' "$timeline")
ok_after=$(awk -F'\t' -v b="$started" 'NR > 1 && $1 > b { n += $5 } END { print n + 0 }' "$timeline")
errors_after_back=$(awk -F'\t' -v b="$started" 'NR > 1 && $1 >= int(b) + 1 { n += $7 + $8 } END { print n + 0 }' "$timeline")
fmt() { awk -v x="$1" -v y="$2" 'BEGIN { if (x == "" || y == "" || x == "never") print "n/a"; else printf "%.1f", x - y }'; }
sfmt() { awk -v x="$1" -v y="$2" 'BEGIN { if (x == "" || y == "") print "n/a"; else printf "%+.1f", x - y }'; }
# Recovery: from PostgreSQL accepting connections again to the end of the last second with an error (0 if none after it).
recovery=$(awk -v last="$last_error" -v b="$started" 'BEGIN { r = (last == "" ? 0 : last + 1 - b); if (r < 0) r = 0; printf "%.1f", r }')
ready_recovery=$(fmt "$ready_back" "$started")
verdict="recovered without a restart"
if [ "$same_process" != yes ] || [ "$ready_end" != 200 ] || [ "$ok_after" = 0 ] || [ "$listener_back" = never ]; then verdict="NOT recovered"; fi
if awk -v last="$last_error" -v b="$started" 'BEGIN { exit !(last != "" && last > b + 30) }'; then verdict="errors continued after the restart"; fi

{
  echo "## PostgreSQL restarted under load"
  echo
  echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/postgres-restart.sh\` (DURATION=$duration STOP_AT=$stop_at OUTAGE=$outage"
  echo "  WARMUP=$warmup PACED_VUS=$paced_vus THINK_MS=$think_ms): $LOAD_STORE_STATE; one service process (Release, Production, memory"
  echo "  cache, rate limits raised as in mixed-load.sh), the paced mix of mixed-load.sh ($paced_vus virtual users, think time"
  echo "  0–$((2 * think_ms)) ms; users: $(load_users_summary "$work/users.tsv")) after a $warmup s warm-up; $stop_at s into the measured"
  echo "  phase \`pg_ctl stop -m fast\`, $outage s later \`pg_ctl start\` on the same port; /health/ready polled every 0.25 s."
  echo "- Machine: $(load_machine); load average before the run: $load_before."
  echo "- **Verdict: $verdict.** The service process was the same throughout ($same_process); after the run /health/ready answered"
  echo "  $ready_end. The NOTIFY listeners (revocations, refresh jobs and snapshots; one reconnecting base class) were listening again"
  echo "  $(fmt "$listener_back" "$started") s after PostgreSQL was back: a token revoked by \`NOTIFY auth_revoked\` from psql was refused (they retry every 5 s)."
  echo "- Times relative to \`pg_ctl stop -m fast\` (t = 0; it returned at t = $(sfmt "$stopped" "$stop_begin") s); \`pg_ctl start\` at"
  echo "  t = $(sfmt "$start_begin" "$stop_begin") s, accepting connections at t = $(sfmt "$started" "$stop_begin") s. Errors (5xx, failed connections, timeouts):"
  echo "  $errors_total of $(load_value "$work/run" requests) requests, the first in the second starting at t = $(sfmt "$first_error" "$stop_begin") s, the last in the"
  echo "  second starting at t = $(sfmt "$last_error" "$stop_begin") s; outside the outage (more than 1 s before the stop or more than 30 s after the"
  echo "  start): **$errors_outside**."
  echo "- **Recovery**: /health/ready answered 503 from t = $(sfmt "$unready_first" "$stop_begin") s and 200 again $ready_recovery s after PostgreSQL was"
  echo "  back; the last error came $recovery s after it (0 = none after PostgreSQL was back); $ok_after successful answers after it,"
  echo "  $errors_after_back errors from the next full second on. Service CPU in the phase: $(awk -v a="$before_cpu" -v b="$after_cpu" 'BEGIN { printf "%.1f", b - a }') s."
  echo
  echo "Per second, from 5 s before the stop to 15 s after the start (t = start of the second relative to the stop; p95 of the"
  echo "answers completed in that second, failures included):"
  echo
  echo "| t s | requests | 2xx | 4xx | 5xx | failed connections / timeouts | p95 ms | /health/ready | event |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---|---|"
  awk -F'\t' -v a="$stop_begin" -v b="$started" -v s="$start_begin" -v ready="$work/ready.log" '
    BEGIN { while ((getline line < ready) > 0) { split(line, f, " "); sec = int(f[1]); codes[sec] = (sec in codes) ? codes[sec] : ""; if (index(codes[sec], f[2]) == 0) codes[sec] = codes[sec] (codes[sec] == "" ? "" : "/") f[2] } }
    NR > 1 && $1 >= int(a) - 5 && $1 <= int(b) + 15 {
      event = ""
      if ($1 == int(a)) event = "pg_ctl stop"
      if ($1 == int(s)) event = (event == "" ? "" : event "; ") "pg_ctl start"
      if ($1 == int(b) && int(b) != int(s)) event = (event == "" ? "" : event "; ") "accepting connections"
      printf "| %+.0f | %d | %d | %d | %d | %d | %.0f | %s | %s |\n", $1 - int(a), $4, $5, $6, $7, $8, $10, codes[$1], event
    }' "$timeline"
  echo
  echo "The whole measured phase ($duration s, the outage included):"
  echo
  cat "$work/run/summary.md"
  echo
  echo "Failures the service logged (its log is kept in bench/out/postgres-restart-app.log):"
  echo
  load_failures "$work/app.log" | grep . || echo "- none"
  echo
  echo "/api/health after the run:"
  echo
  echo '```'
  echo "$health_end"
  echo '```'
  echo
  echo "<!-- headline 3-postgres: PostgreSQL down for $(fmt "$started" "$stop_begin") s (\`pg_ctl stop -m fast\`, started again $outage s after it was down) under the paced mix ($paced_vus users): errors only in the seconds from t = $(sfmt "$first_error" "$stop_begin") s to $(sfmt "$last_error" "$stop_begin") s of the stop ($errors_total of $(load_value "$work/run" requests) requests, $errors_outside outside the outage); **$verdict**: /health/ready 200 again $ready_recovery s, the last error $recovery s and the NOTIFY listeners $(fmt "$listener_back" "$started") s after PostgreSQL was back. -->"
  echo
} >"$work/section"
replace_results_section "## PostgreSQL restarted under load" "$work/section"
cat "$work/section"
load_headlines
[ "$verdict" = "recovered without a restart" ]

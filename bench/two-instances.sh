#!/usr/bin/env bash
# Two instances of the service on one database run the nightly recalculation once, and when the instance running it is killed
# (SIGKILL) mid-way the other one finishes it (PRODUCT.md decision 10, issue "Freshness at scale"). The store is the tiny demo
# preset; small chunks with a pause after each (Recalculation:ChunkSize, :ChunkDelayMilliseconds) stretch the run so it can be
# killed in the middle, and a short abandon threshold and check-in interval keep the demonstration short. Both instances get
# the same nightly cron a few seconds after they are up; the Quartz cluster fires it on one of them.
# Usage: bash bench/two-instances.sh   (prints a timeline and writes it into bench/RESULTS.md)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
work=$(mktemp -d /tmp/analytics-two.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
pg_start "$work/pg"
cs=$(pg_connection_string analytics)
psql_run() { PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U analytics -d analytics -qtAX -c "$1"; }
PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U analytics -d postgres -qc "CREATE DATABASE analytics"
dotnet build "$root/src/Analytics.Api.csproj" -c Release -v quiet -nologo >/dev/null
dll="$root/src/bin/Release/net10.0/Analytics.Api.dll"
ConnectionStrings__Analytics=$cs dotnet "$dll" generate --preset tiny --end-date 2025-03-14 >"$work/generate.log"

t0=$(date +%s.%N)
log() { printf '%6.1f s  %s\n' "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" "$*" | tee -a "$work/timeline"; }
: >"$work/timeline"

# The nightly cron fires 25 s from now (both instances declare the same trigger; the later declaration keeps its history).
fire=$(date -u -d '+25 seconds' '+%s')
cron="$(date -u -d "@$fire" '+%-S %-M %-H') * * ?"
key=$(head -c 32 /dev/urandom | base64)
start_instance() {
  local name=$1 port
  port=$(pg_free_port)
  env ConnectionStrings__Analytics="$cs" Sources__Mode=demo Sources__Demo__Preset=tiny Sources__Demo__EndDate=2025-03-14 \
    ASPNETCORE_ENVIRONMENT=Development Auth__SigningKey=$key Privacy__SubjectHashKey=$key ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Analytics.Api.Shared.Scheduling=Information \
    Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__SingleLine=true \
    "Logging__Console__FormatterOptions__TimestampFormat=HH:mm:ss.fff " Logging__Console__FormatterOptions__UseUtcTimestamp=true \
    Recalculation__Cron="$cron" Recalculation__ChunkSize=10 Recalculation__ChunkDelayMilliseconds=700 \
    Recalculation__AbandonAfterSeconds=12 Scheduler__CheckinIntervalSeconds=2 Scheduler__CheckinMisfireThresholdSeconds=4 \
    RateLimits__operator__Limit=1000 RateLimits__login__Limit=1000 \
    dotnet "$dll" >"$work/$name.log" 2>&1 &
  pids+=($!)
  eval "${name}_pid=$!; ${name}_port=$port"
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$!" 2>/dev/null || { tail -n 30 "$work/$name.log" >&2; exit 1; }
    sleep 0.5
  done
}
start_instance a
start_instance b
host=$(hostname)
log "instance A (pid $a_pid, port $a_port) and instance B (pid $b_pid, port $b_port) are ready on one database; nightly cron '$cron' UTC"

# Wait for the nightly run to start, and find out which instance runs it.
run=""
until [ -n "$run" ]; do
  run=$(psql_run "SELECT id || ' ' || instance FROM analytics.batch_runs WHERE trigger = 'nightly' AND status = 'running' AND total_subjects IS NOT NULL")
  sleep 0.2
done
read -r run_id instance <<<"$run"
case "$instance" in
  "$host:$a_pid") victim=a; victim_pid=$a_pid; survivor=b ;;
  "$host:$b_pid") victim=b; victim_pid=$b_pid; survivor=a ;;
  *) echo "the run belongs to neither instance: $instance" >&2; exit 1 ;;
esac
survivor_pid=$([ "$survivor" = a ] && echo "$a_pid" || echo "$b_pid")
survivor_port=$([ "$survivor" = a ] && echo "$a_port" || echo "$b_port")
total=$(psql_run "SELECT total_subjects FROM analytics.batch_runs WHERE id = '$run_id'")
log "run $run_id started on instance ${victim^^} ($instance): $total subjects"

# Kill the running instance once about 40 % is committed.
state() { psql_run "SELECT done_subjects || ' ' || coalesce(resume_after, '-') || ' ' || instance || ' ' || status FROM analytics.batch_runs WHERE id = '$run_id'"; }
while true; do
  read -r done_subjects resume_after owner status <<<"$(state)"
  [ "$done_subjects" -ge $((total * 2 / 5)) ] && break
  sleep 0.2
done
kill -9 "$victim_pid"
killed_at=$(date -u '+%Y-%m-%d %H:%M:%S.%N')
read -r done_at_kill resume_at_kill owner status <<<"$(state)"
log "kill -9 instance ${victim^^} (pid $victim_pid) at $done_at_kill/$total subjects done, resume_after $resume_at_kill"

# Watch the survivor take the run over and finish it.
last=""
while true; do
  read -r done_subjects resume_after owner status <<<"$(state)"
  line="$status, owner $owner, $done_subjects/$total done"
  if [ "$line" != "$last" ] && { [ "$owner" != "$instance" ] || [ "$status" != running ]; }; then
    log "run: $line (resume_after $resume_after)"
    last=$line
  fi
  [ "$status" = completed ] || [ "$status" = failed ] && break
  sleep 0.2
  if ! kill -0 "$survivor_pid" 2>/dev/null; then echo "the survivor died" >&2; tail -n 30 "$work/$survivor.log" >&2; exit 1; fi
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { exit !(b - a > 300) }' && { echo "no completion within 300 s" >&2; exit 1; }
done

nightly_rows=$(psql_run "SELECT count(*) FROM analytics.batch_runs WHERE trigger = 'nightly'")
snapshots=$(psql_run "SELECT count(*) FROM analytics.analytics_snapshots WHERE job_id = '$run_id'")
kept=$(psql_run "SELECT count(*) FROM analytics.analytics_snapshots WHERE job_id = '$run_id' AND computed_at < '$killed_at'")
token=$(curl -fsS "http://127.0.0.1:$survivor_port/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"operator@test.com","password":"password123"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
job=$(curl -fsS "http://127.0.0.1:$survivor_port/api/v1/admin/jobs/$run_id" -H "Authorization: Bearer $token")
log "one nightly row in batch_runs: $nightly_rows; $snapshots snapshots carry the run's id, $kept of them computed before the kill (kept, not recomputed)"
log "GET /api/v1/admin/jobs/$run_id on instance ${survivor^^}: $job"
# The instances' own lines about the run (UTC times), and how often an instance started on it.
{ grep -h 'Analytics.Api.Shared.Scheduling' "$work/$victim.log" | grep -v PartitionMaintenance | sed "s/^/${victim^^} /" || true
  grep -h 'Analytics.Api.Shared.Scheduling' "$work/$survivor.log" | grep -v PartitionMaintenance | sed "s/^/${survivor^^} /" || true; } \
  | sed -E 's/Analytics\.Api\.Shared\.Scheduling\.//' | sort -k2,2 >"$work/excerpt"
starts=$(grep -c 'starts after' "$work/excerpt" || true)

{
  echo "## Two instances, one nightly run, the running instance killed"
  echo
  echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/two-instances.sh\`: two service processes (Release, demo store \`tiny\`,"
  echo "  162 subjects) on one PostgreSQL database, one Quartz cluster (check-in every 2 s, a node is dead after 2 + 4 s), chunks of"
  echo "  10 subjects with a 0.7 s pause after each, abandon threshold 12 s, the same nightly cron on both."
  echo "- The cluster fired the nightly trigger on one instance; \`kill -9\` hit it at $done_at_kill/$total subjects; the other instance's"
  echo "  scheduler recovered the job (RequestRecovery), waited until the dead instance's heartbeat was older than the threshold, took"
  echo "  the run over and continued after \`resume_after\` ($resume_at_kill): the run was started $starts times in all (once by each"
  echo "  instance, the second time after the last committed chunk), one \`batch_runs\` row, $kept snapshots of the chunks committed"
  echo "  before the kill kept as they were."
  echo
  echo '```'
  cat "$work/timeline"
  echo
  echo "service logs (scheduling and recalculation lines, UTC):"
  cut -c1-260 "$work/excerpt"
  echo '```'
  echo
} >"$work/section"
replace_results_section "## Two instances, one nightly run, the running instance killed" "$work/section"
cat "$work/excerpt"
[ "$nightly_rows" = 1 ] && [ "$status" = completed ] && [ "$kept" -gt 0 ]

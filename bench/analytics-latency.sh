#!/usr/bin/env bash
# Uncached single-person analytics on the `scale` store (100,000 learners, 10 M activity rows): for each analytic, 500 random
# subjects, one request at a time, each (subject, analytic) read once so nothing comes from the cache. Reports p50/p95/max per
# analytic (client-side on loopback, which includes the loopback round trip) and the PostgreSQL plans of the three slowest.
# Usage: bench/analytics-latency.sh [subjects-per-analytic]   (keeps the generated store in /var/tmp/analytics-bench-scale-pg
# and reuses it; ONLY="course-health mastery" measures a subset). The shared intermediates (course facts, teaching peers) are
# measured as the last recalculation left them: run bench/nightly-recalculation.sh first, since this script deletes them at the end.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/tokens.sh
source "$root/bench/lib/tokens.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
subjects=${1:-500}
out="$root/bench/out"
mkdir -p "$out"
work=$(mktemp -d /tmp/analytics-latency.XXXXXX)
chmod 755 "$work"
pg_dir=/var/tmp/analytics-bench-scale-pg
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; pg_stop; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$pg_dir" && chmod 755 "$pg_dir"
pg_start "$pg_dir"
cs=$(pg_connection_string analytics)
psql_run() { PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U analytics -d "${2:-analytics}" -qtAX -c "$1"; }
dotnet build "$root/src/Analytics.Api.csproj" -c Release -v quiet -nologo >/dev/null
dll="$root/src/bin/Release/net10.0/Analytics.Api.dll"
if [ "$(psql_run "SELECT to_regclass('lrs.users') IS NOT NULL AND EXISTS (SELECT 1 FROM lrs.users OFFSET 100000)" 2>/dev/null || echo f)" != "t" ]; then
  echo "[bench] generating the scale preset (once; kept in $pg_dir)" >&2
  psql_run "CREATE DATABASE analytics" postgres 2>/dev/null || true
  ConnectionStrings__Analytics=$cs dotnet "$dll" generate --preset scale --end-date 2025-03-14 --replace >"$work/generate.log"
fi
# auto_explain's settings exist once the module is loaded in the session; ALTER SYSTEM runs one statement per transaction.
auto_explain() {
  local commands=(-c "LOAD 'auto_explain'")
  for statement in "$@"; do commands+=(-c "$statement"); done
  PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U analytics -d analytics -qtAX "${commands[@]}" -c "SELECT pg_reload_conf()" >/dev/null
}
auto_explain "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" "ALTER SYSTEM SET auto_explain.log_min_duration = -1" \
  "ALTER SYSTEM SET auto_explain.log_analyze = on" "ALTER SYSTEM SET auto_explain.log_buffers = on"

key=$(head -c 32 /dev/urandom | base64)
port=$(pg_free_port)
ConnectionStrings__Analytics=$cs Sources__Mode=upstream ASPNETCORE_ENVIRONMENT=Production Auth__SigningKey=$key Privacy__SubjectHashKey=$key \
  ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning RateLimits__read__Limit=1000000 \
  RateLimits__system__Limit=1000000 dotnet "$dll" >"$work/app.log" 2>&1 &
app_pid=$!
until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
  kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app.log"; exit 1; }
  sleep 1
done

psql_run "SELECT u.id || ' ' || u.organisation_id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
          WHERE EXISTS (SELECT 1 FROM lrs.enrolments e WHERE e.user_id = u.id) ORDER BY md5(u.id) LIMIT $((subjects + 1))" >"$work/learners"
psql_run "SELECT u.id || ' ' || u.organisation_id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'trainer'
          WHERE EXISTS (SELECT 1 FROM lrs.course_trainers ct WHERE ct.user_id = u.id) ORDER BY md5(u.id) LIMIT $((subjects + 1))" >"$work/trainers"

# analytic → "role path-template" ({id} = subject id)
analytics=(
  "velocity learner /api/v1/learner/analytics/velocity/{id}"
  "skill-gap learner /api/v1/learner/analytics/skill-gap/{id}"
  "engagement learner /api/v1/learner/analytics/engagement/{id}"
  "mastery learner /api/v1/learner/analytics/mastery/{id}"
  "performance learner /api/v1/learner/analytics/performance/{id}"
  "content-effectiveness learner /api/v1/learner/analytics/content-effectiveness/{id}"
  "course-performance trainer /api/v1/trainer/analytics/course-performance/{id}"
  "course-health trainer /api/v1/trainer/analytics/course-health/{id}"
  "student-distribution trainer /api/v1/trainer/analytics/student-distribution/{id}"
  "teaching-effectiveness trainer /api/v1/trainer/analytics/teaching-effectiveness/{id}"
)
# Organisations whose peer outcomes (for teaching effectiveness) the measured reads find stored, as the last recalculation left them.
peers_stored=$(psql_run "SELECT count(*) FROM analytics.analytics_snapshots WHERE subject_type = 'organisation' AND analytic = 'teaching-peers'")
: >"$work/summary"
for entry in "${analytics[@]}"; do
  read -r name role template <<<"$entry"
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then continue; fi
  list="$work/learners"; [ "$role" = trainer ] && list="$work/trainers"
  probe=$(head -n1 "$list" | cut -d' ' -f1)
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port${template//\{id\}/$probe}" \
    -H "Authorization: Bearer $(mint_token "$key" "$probe" "$role" "$(head -n1 "$list" | cut -d' ' -f2)")")
  if [ "$code" = 404 ]; then echo "[bench] $name: endpoint not built yet, skipped" >&2; continue; fi
  : >"$work/times-$name"
  # Uncached (PRODUCT.md Targets): no memory entry (each subject is read once) and no snapshot of this analytic for the
  # measured subjects; the other snapshots stay as the last recalculation left them.
  ids=$(cut -d' ' -f1 "$list" | paste -sd, -)
  psql_run "DELETE FROM analytics.analytics_snapshots WHERE analytic = '$name' AND subject_id = ANY (string_to_array('$ids', ','))" >/dev/null
  # Line 1 was the probe and the last line is kept for the plan capture, so every measured read is a first read.
  sed -n "2,${subjects}p" "$list" | while read -r id org; do
    token=$(mint_token "$key" "$id" "$role" "$org")
    result=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port${template//\{id\}/$id}" -H "Authorization: Bearer $token")
    echo "$result" >>"$work/times-$name"
  done
  summarise_times "$name" "$work/times-$name" "$work/summary"
done

# Shared intermediates: teaching effectiveness reads the organisation's peer outcomes and course health / course performance
# read each course's facts, kept once per organisation or course and data version (memory, and an internal snapshot row
# written by the nightly run or the first read). The reads above found them as the last recalculation left them; these rows
# measure the first read after they are gone (as after a sync): every such row deleted, the measured analytic's snapshots of
# the listed trainers deleted, and every instance's memory dropped (NOTIFY '*').
# measure_first NAME ANALYTIC INTERMEDIATE LIST: one read per trainer of LIST after the intermediate rows are deleted.
measure_first() {
  local name=$1 analytic=$2 intermediate=$3 list=$4 ids
  ids=$(cut -d' ' -f1 "$list" | paste -sd, -)
  psql_run "DELETE FROM analytics.analytics_snapshots WHERE (subject_type IN ('organisation', 'course') AND analytic = '$intermediate')
            OR (analytic = '$analytic' AND subject_id = ANY (string_to_array('$ids', ',')))" >/dev/null
  psql_run "NOTIFY analytics_snapshot, '*'" >/dev/null
  sleep 1
  : >"$work/times-$name"
  while read -r id org; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port/api/v1/trainer/analytics/$analytic/$id" \
      -H "Authorization: Bearer $(mint_token "$key" "$id" trainer "$org")" >>"$work/times-$name"
  done <"$list"
  summarise_times "$name" "$work/times-$name" "$work/first-reads"
}
: >"$work/first-reads"
if [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" teaching-effectiveness "* ]]; then
  psql_run "SELECT DISTINCT ON (u.organisation_id) u.id || ' ' || u.organisation_id FROM lrs.users u
            JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'trainer'
            WHERE EXISTS (SELECT 1 FROM lrs.course_trainers ct WHERE ct.user_id = u.id)
            ORDER BY u.organisation_id, md5(u.id) DESC" >"$work/first-trainers"
  measure_first teaching-effectiveness-first-of-organisation teaching-effectiveness teaching-peers "$work/first-trainers"
fi
sed -n "2,${subjects}p" "$work/trainers" >"$work/measured-trainers"
for analytic in course-health course-performance; do
  if [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $analytic "* ]]; then
    measure_first "$analytic-first-of-course" "$analytic" course-facts "$work/measured-trainers"
  fi
done

# Plans of the three slowest analytics (by p95): one more cold request each, with auto_explain logging every statement.
auto_explain "ALTER SYSTEM SET auto_explain.log_min_duration = 0"
sleep 1
: >"$work/plans"
sort -k5 -n -r "$work/summary" | head -n 3 | while read -r name _ _ _ p95 _; do
  for entry in "${analytics[@]}"; do
    read -r n role template <<<"$entry"
    [ "$n" = "$name" ] || continue
    list="$work/learners"; [ "$role" = trainer ] && list="$work/trainers"
    read -r id org <<<"$(tail -n1 "$list")"
    logstart=$(wc -l <"$pg_dir/server.log")
    curl -s -o /dev/null "http://127.0.0.1:$port${template//\{id\}/$id}?planProbe=1" -H "Authorization: Bearer $(mint_token "$key" "$id" "$role" "$org")"
    sleep 1
    { echo "### $name (p95 $p95 ms) — plans of its statements for subject $id"; echo; echo '```'
      tail -n +"$((logstart + 1))" "$pg_dir/server.log" | { grep -v 'auth_revoked' || true; } | sed -n '1,400p'
      echo '```'; echo; } >>"$work/plans"
  done
done
auto_explain "ALTER SYSTEM RESET auto_explain.log_min_duration" "ALTER SYSTEM RESET session_preload_libraries"

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
{
  echo "## Uncached single-person analytics on the scale store"
  echo
  echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/analytics-latency.sh $subjects\` — scale preset (100,000 learners, 10 M activity rows), Release build,"
  echo "  one request at a time, each (subject, analytic) read once (no memory entry; its snapshot deleted first, other snapshots as the"
  echo "  last recalculation left them: $(psql_run 'SELECT count(*) FROM analytics.analytics_snapshots') rows), latency measured by"
  echo "  curl on loopback (server time + loopback round trip). Target: p95 under 100 ms."
  echo "- Machine: $machine; PostgreSQL $(psql_run 'SHOW server_version')"
  echo
  echo "| analytic | requests | errors | p50 ms | p95 ms | max ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}' "$work/summary"
  echo
  if [ -s "$work/first-reads" ]; then
    echo "Teaching effectiveness reads the organisation's peer outcomes, course health and course performance each course's facts:"
    echo "shared intermediates kept once per organisation or course and data version (memory, and an internal snapshot row written"
    echo "by the nightly run or the first read). The reads above found them as the last recalculation left them (peers stored for"
    echo "$peers_stored organisations). The first read after they are gone (as after a sync) computes them; measured after deleting"
    echo "every such row and dropping the memory entries (teaching effectiveness: one trainer per organisation; course analytics:"
    echo "the trainers measured above):"
    echo
    echo "| analytic | requests | errors | p50 ms | p95 ms | max ms |"
    echo "|---|---:|---:|---:|---:|---:|"
    awk '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}' "$work/first-reads"
    echo
  fi
  echo "Plans of the three slowest (auto_explain, ANALYZE, BUFFERS):"
  echo
  echo "<details><summary>plans</summary>"
  echo
  cat "$work/plans"
  echo "</details>"
  echo
} >"$work/section"
replace_results_section "## Uncached single-person analytics on the scale store" "$work/section"
cat "$work/summary"

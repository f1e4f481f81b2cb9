#!/usr/bin/env bash
# The nightly recalculation of every stored analytic over the `scale` store (100,000 learners, 10 M activity rows): times
# `analytics recalculate --nightly` (the same Recalculation the scheduler runs at 02:00, history rows included) and reports the
# run's own figures per stage (subject type) and per analytic. Target (PRODUCT.md): under 15 minutes on this machine.
# Usage: bash bench/nightly-recalculation.sh
#   ORGANISATION=<id> limits the run to one organisation (a manual run: no history), to measure a slice when the machine is busy;
#   TIMEOUT=<s> (default 3600) interrupts the run (SIGINT: it stops at the next statement and prints what it did so far);
#   KEEP=1 keeps the run's snapshots, history rows and batch run (by default they are deleted again, so benchmarks that assume a
#   store without snapshots, like analytics-latency.sh, still find one).
# Uses the scale store of analytics-latency.sh in /var/tmp/analytics-bench-scale-pg (generated once if missing) and refuses to
# start while that cluster is running for another benchmark.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
pg_dir=/var/tmp/analytics-bench-scale-pg
run_date=2025-03-17 # a Monday after the store's end date: the closed week is 2025-03-10, the closed month February 2025
work=$(mktemp -d /tmp/analytics-nightly.XXXXXX)
chmod 755 "$work"
started_pg=""
cleanup() { [ -n "$started_pg" ] && pg_stop; rm -rf "$work"; }
trap cleanup EXIT

if [ -f "$pg_dir/data/postmaster.pid" ] && pg_find_binaries && pg_as_owner "$PG_BIN/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1; then
  echo "[bench] the scale store in $pg_dir is running for another benchmark; run this one when it is free" >&2
  exit 1
fi
mkdir -p "$pg_dir" && chmod 755 "$pg_dir"
pg_start "$pg_dir"
started_pg=1
cs=$(pg_connection_string analytics)
psql_run() { PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U analytics -d "${2:-analytics}" -qtAX -c "$1"; }
dotnet build "$root/src/Analytics.Api.csproj" -c Release -v quiet -nologo >/dev/null
dll="$root/src/bin/Release/net10.0/Analytics.Api.dll"
if [ "$(psql_run "SELECT to_regclass('lrs.users') IS NOT NULL AND EXISTS (SELECT 1 FROM lrs.users OFFSET 100000)" 2>/dev/null || echo f)" != "t" ]; then
  echo "[bench] generating the scale preset (once; kept in $pg_dir)" >&2
  psql_run "CREATE DATABASE analytics" postgres 2>/dev/null || true
  ConnectionStrings__Analytics=$cs dotnet "$dll" generate --preset scale --end-date 2025-03-14 --replace >"$work/generate.log"
fi
ConnectionStrings__Analytics=$cs dotnet "$dll" migrate >/dev/null 2>&1

# Earlier runs of this benchmark (KEEP=1, or one whose server went away) would leave nothing to do or block this one: start
# from a store without their results. On this store only this script runs recalculations (nightly of $run_date, or one organisation).
forget_run() {
  psql_run "DELETE FROM analytics.analytics_snapshots WHERE job_id = '$1'; DELETE FROM analytics.batch_runs WHERE id = '$1'"
}
for old in $(psql_run "SELECT id FROM analytics.batch_runs WHERE kind = 'recalculation'
                        AND ((trigger = 'nightly' AND run_date = '$run_date') OR parameters ? 'organisationId')"); do
  forget_run "$old"
done
psql_run "DELETE FROM analytics.analytics_history WHERE period_start IN ('2025-03-10', '2025-02-01')"
psql_run "ANALYZE" >/dev/null

if [ -n "${ORGANISATION:-}" ]; then
  args=(recalculate --organisation "$ORGANISATION")
  scope="organisation $ORGANISATION ($(psql_run "SELECT count(*) FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner' WHERE u.organisation_id = '$ORGANISATION'") learners), manual run (no history)"
else
  args=(recalculate --nightly --date "$run_date")
  scope="every organisation, nightly run of $run_date (with the closed week and month of history)"
fi
chunk=${CHUNK_SIZE:-500}
parallelism=${PARALLELISM:-2}
echo "[bench] dotnet Analytics.Api.dll ${args[*]} (chunks of $chunk, $parallelism parts at once); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
status=0
ConnectionStrings__Analytics=$cs ASPNETCORE_ENVIRONMENT=Production Privacy__SubjectHashKey="$(head -c 32 /dev/urandom | base64)" Logging__LogLevel__Default=Information \
  Recalculation__ChunkSize=$chunk Recalculation__Parallelism=$parallelism \
  timeout --signal=INT --kill-after=60 "${TIMEOUT:-3600}" /usr/bin/time -v -o "$work/time" \
  dotnet "$dll" "${args[@]}" >"$work/out" 2>"$work/log" || status=$?
finish=$(date +%s.%N)
wall=$(awk -v a="$start" -v b="$finish" 'BEGIN { printf "%.1f", b - a }')
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cat "$work/out" >&2
[ -s "$work/out" ] || tail -n 30 "$work/log" >&2
run_id=$(awk '/^run job_/ { print $2 }' "$work/out")
rss=$(awk -F: '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$work/time" 2>/dev/null || echo "?")
subjects=$(psql_run "SELECT total_subjects || ' subjects (' || done_subjects || ' done, ' || failed_subjects || ' failed), status ' || status FROM analytics.batch_runs WHERE id = '$run_id'" || echo "?")
history=$(psql_run "SELECT count(*) FROM analytics.analytics_history WHERE period_start IN ('2025-03-10', '2025-02-01')")
failures=$(psql_run "SELECT coalesce(string_agg(analytic || ': ' || n || ' (' || error || ')', '; '), 'none') FROM (SELECT analytic, count(*) AS n, min(error) AS error FROM analytics.batch_failures WHERE run_id = '$run_id' GROUP BY analytic) f")
if [ "${KEEP:-0}" != 1 ] && [ -n "$run_id" ]; then
  echo "[bench] removing the run's results (KEEP=1 keeps them)" >&2
  forget_run "$run_id"
  psql_run "DELETE FROM analytics.analytics_history WHERE period_start IN ('2025-03-10', '2025-02-01')"
fi
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
verdict="under the 15-minute target"
awk -v w="$wall" 'BEGIN { exit !(w > 900) }' && verdict="OVER the 15-minute target"
[ "$status" -eq 0 ] || verdict="$verdict; the command ended with exit code $status$([ "$status" -eq 130 ] && echo " (interrupted at TIMEOUT=${TIMEOUT:-3600} s)")"
{
  echo "## Nightly recalculation on the scale store"
  echo
  echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/nightly-recalculation.sh\`$([ -n "${ORGANISATION:-}" ] && echo " with ORGANISATION=$ORGANISATION"): \`dotnet Analytics.Api.dll ${args[*]}\`,"
  echo "  Release build, chunks of $chunk subjects, $parallelism parts of a chunk computed at once (each part runs its stage's analytics one after"
  echo "  the other through their \`ComputeAsync\`), one transaction per chunk."
  echo "- Scope: $scope; $subjects."
  echo "- Machine: $machine; PostgreSQL $(psql_run 'SHOW server_version'); load average before/after: $load_before / $load_after"
  echo "  (2 cores shared with other sessions: figures are only comparable within one run)."
  echo "- **Wall time $wall s** ($(awk -v w="$wall" 'BEGIN { printf "%.1f", w / 60 }') min, $verdict); peak RSS of the process $rss;"
  echo "  history rows written: $history; failed (subject, analytic) pairs: $failures."
  echo
  echo "The run's own figures (\`busy\` = time inside the analytic's ComputeAsync summed over the parts running at once, so the"
  echo "busy times of a stage add up to about $parallelism × its wall time; \`subjects/s\` per analytic = what one part computes per second):"
  echo
  echo '```'
  sed -n '/^elapsed/,$p' "$work/out"
  echo '```'
  echo
  echo "Where the time goes (share of each stage's busy time):"
  echo
  awk '/^analytic/ { split($2, id, "/"); busy[$2] = $6; total[id[1]] += $6 }
       END { for (a in busy) { split(a, id, "/"); printf "- %s: %.0f %% of the %s stage\n", a, 100 * busy[a] / total[id[1]], id[1] } }' "$work/out" | sort -t: -k2 -rn
  echo
} >"$work/section"
replace_results_section "## Nightly recalculation on the scale store" "$work/section"
exit "$status"

#!/usr/bin/env bash
# Set-based learner analytics on the `scale` store (100,000 learners, 10 M activity rows), the way the nightly run computes
# them: ISnapshotAnalytic.ComputeAsync per analytic over chunks of learner ids (organisations mixed), a few chunks at a time,
# timed by the console harness bench/LearnerBatch (which builds the service's container; no HTTP). Reports learners/s per
# analytic and extrapolates to 100,000 learners.
# Usage: bench/learner-batch.sh [learners] [chunk-size] [concurrent-chunks]   (defaults 5000 500 2; keeps the generated store
# in /var/tmp/analytics-bench-scale-pg and reuses it; ONLY="mastery engagement" measures a subset)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
learners=${1:-5000}
chunk=${2:-500}
concurrency=${3:-2}
work=$(mktemp -d /tmp/learner-batch.XXXXXX)
chmod 755 "$work"
pg_dir=/var/tmp/analytics-bench-scale-pg
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$pg_dir" && chmod 755 "$pg_dir"
pg_start "$pg_dir"
cs=$(pg_connection_string analytics)
psql_run() { PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U analytics -d "${2:-analytics}" -qtAX -c "$1"; }
dotnet build "$root/bench/LearnerBatch/LearnerBatch.csproj" -c Release -v quiet -nologo >/dev/null
bin="$root/bench/LearnerBatch/bin/Release/net10.0"
if [ "$(psql_run "SELECT to_regclass('lrs.users') IS NOT NULL AND EXISTS (SELECT 1 FROM lrs.users OFFSET 100000)" 2>/dev/null || echo f)" != "t" ]; then
  echo "[bench] generating the scale preset (once; kept in $pg_dir)" >&2
  psql_run "CREATE DATABASE analytics" postgres 2>/dev/null || true
  ConnectionStrings__Analytics=$cs dotnet "$bin/Analytics.Api.dll" generate --preset scale --end-date 2025-03-14 --replace >"$work/generate.log"
fi

analytics=${ONLY:-velocity skill-gap engagement mastery performance content-effectiveness}
load_before=$(cut -d' ' -f1 /proc/loadavg)
ConnectionStrings__Analytics=$cs ASPNETCORE_ENVIRONMENT=Production Privacy__SubjectHashKey="$(head -c 32 /dev/urandom | base64)" Sources__Mode=upstream Logging__LogLevel__Default=Warning \
  dotnet "$bin/LearnerBatch.dll" "$learners" "$chunk" "$concurrency" "${analytics// /,}" | tee "$work/summary" >&2
load_after=$(cut -d' ' -f1 /proc/loadavg)
total=$(awk '{s += $6} END {printf "%.0f", s}' "$work/summary")
measured=$(awk 'NR == 1 {print $2}' "$work/summary")

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
{
  echo "## Set-based learner analytics (nightly run) on the scale store"
  echo
  echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/learner-batch.sh $learners $chunk $concurrency\` — scale preset (100,000 learners,"
  echo "  10 M activity rows), Release build: \`ISnapshotAnalytic.ComputeAsync\` per analytic over $measured learners of every organisation"
  echo "  (fixed pseudo-random order) in chunks of $chunk, $concurrency chunks at a time, each in its own scope, after one unmeasured warm-up"
  echo "  chunk of other learners."
  echo "  Every chunk is one round trip per analytic; the pure calculators run per learner in the harness process."
  echo "- Machine: $machine; PostgreSQL $(psql_run 'SHOW server_version'); load average $load_before before, $load_after after"
  echo "- Extrapolated to 100,000 learners: **$total s** for the six analytics (target: under ~480 s, leaving the rest of the 15-minute"
  echo "  nightly budget of PRODUCT.md to the trainer analytics)."
  echo
  echo "| analytic | learners | errors | seconds | learners/s | 100,000 learners, s | harness CPU s |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  awk '{printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}' "$work/summary"
  echo
  echo "Harness CPU = reading the rows and running the calculators in the service's code; the rest of the wall time is PostgreSQL"
  echo "(on the same 2 cores)."
  echo
} >"$work/section"
replace_results_section "## Set-based learner analytics (nightly run) on the scale store" "$work/section"
cat "$work/summary"

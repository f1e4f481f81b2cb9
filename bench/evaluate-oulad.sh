#!/usr/bin/env bash
# The predictive quality of issue 6 on the shared OULAD training part (protocol "OULAD early warning", ../shared/data/README.md):
# imports ../shared/data/oulad into a private PostgreSQL it starts and removes itself, then runs
#   analytics evaluate dropoff --train *-2013B,*-2013J --test *-2014B --weeks 2,4,8,12            (dropout, at-risk, fail)
#   analytics evaluate dropoff --train *-2013B,*-2013J --test *-2014B --weeks 2,4,8,12 --target exam-score
# and records both tables, the command, the machine and the durations under "Drop-off evaluation (2014B)" in bench/RESULTS.md.
# Usage: bash bench/evaluate-oulad.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work=$(mktemp -d /tmp/analytics-bench.XXXXXX)
chmod 755 "$work"
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT
pg_start "$work/pg"
ConnectionStrings__Analytics=$(pg_connection_string analytics)
export ConnectionStrings__Analytics

echo "[bench] building the service (Release)" >&2
dotnet build "$root/src/Analytics.Api.csproj" -c Release -v quiet -nologo >&2
dll="src/bin/Release/net10.0/Analytics.Api.dll"
dotnet "$dll" import oulad ../shared/data/oulad >"$work/import.log" 2>&1 || { tail -n 20 "$work/import.log" >&2; exit 1; }

run() {
  local out=$1; shift
  local start finish
  start=$(date +%s.%N)
  dotnet "$dll" evaluate dropoff --train '*-2013B,*-2013J' --test '*-2014B' --weeks 2,4,8,12 "$@" >"$out"
  finish=$(date +%s.%N)
  awk -v s="$start" -v f="$finish" 'BEGIN { printf "%.1f", f - s }'
}
binary_seconds=$(run "$work/binary.txt")
exam_seconds=$(run "$work/exam.txt" --target exam-score)

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
{
  echo "## Drop-off evaluation (2014B)"
  echo
  echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/evaluate-oulad.sh\` on the imported training part (../shared/data/oulad)."
  echo "- Commands: \`dotnet $dll evaluate dropoff --train '*-2013B,*-2013J' --test '*-2014B' --weeks 2,4,8,12\` (${binary_seconds} s, the three"
  echo "  binary targets, both algorithms fitted per target) and the same with \`--target exam-score\` (${exam_seconds} s)."
  echo "- Machine: $machine"
  echo "- Protocol: fit on 2013B + 2013J (training rows at weeks 1, 2, 3, 4, 6, 8, 10, 12, 16, 20 of finished registrations; exam score at"
  echo "  4, 8, 12, 16, 20), evaluate on 2014B at the end of weeks 2, 4, 8, 12 over the registrations not withdrawn by the cutoff, features"
  echo "  only from rows dated before it. \`*\` marks the algorithm served (higher week-4 ROC-AUC; lower week-8 MAE for the exam score)."
  echo "  Development bar: at-risk ROC-AUC ≥ 0.70 at week 4 and ≥ 0.76 at week 8; exam-score MAE ≤ 14 at week 8 (mean predictor about 18)."
  echo
  echo '```'
  cat "$work/binary.txt"
  echo
  cat "$work/exam.txt"
  echo '```'
  echo
} >"$work/section"
replace_results_section "## Drop-off evaluation (2014B)" "$work/section"
cat "$work/binary.txt" "$work/exam.txt"

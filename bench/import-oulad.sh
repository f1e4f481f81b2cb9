#!/usr/bin/env bash
# Times the OULAD import (SOURCES.md §4.4: full dataset, 10.6 M click rows, in under 2 minutes) of the training part
# ../shared/data/oulad (6.5 M click rows) into an empty, migrated store, against a private PostgreSQL it starts and removes itself,
# and records the command, the machine, the row counts and the duration, with an estimate for the full dataset, under
# "OULAD import (training part)" in bench/RESULTS.md.
# Usage: bash bench/import-oulad.sh [extra import oulad options]   (OULAD_DIR=… imports another folder)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

data=${OULAD_DIR:-../shared/data/oulad}
full_click_rows=10655280

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

# The store must be empty and migrated before the clock starts (the budget excludes the migrations).
dotnet "$dll" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }

command=(dotnet "$dll" import oulad "$data" "$@")

echo "[bench] ${command[*]}" >&2
start=$(date +%s.%N)
status=0
"${command[@]}" >"$work/import.log" 2>&1 || status=$?
finish=$(date +%s.%N)
cat "$work/import.log" >&2
if [ "$status" -ne 0 ]; then echo "[bench] the import failed with exit code $status" >&2; exit "$status"; fi
wall=$(awk -v a="$start" -v b="$finish" 'BEGIN { printf "%.1f", b - a }')
echo "[bench] wall time ${wall} s" >&2

clicks=$(awk '$1 ~ /^studentVle\.csv/ { gsub(",", "", $2); print $2 }' "$work/import.log")
estimate=$(awk -v w="$wall" -v c="$clicks" -v f="$full_click_rows" 'BEGIN { printf "%.1f", w * f / c }')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
memory=$(free -g | awk '/^Mem:/ { print $2 " GiB" }')
postgres=$("$PG_BIN/postgres" --version)
report_line() { grep -E "$1" "$work/import.log" | head -n 1; }
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

section=$(mktemp)
{
  echo "## OULAD import (training part)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bash bench/import-oulad.sh\` on an empty, migrated store (the migrations are not timed)."
  echo
  echo "- Command: \`${command[*]}\`"
  echo "- Machine: $(nproc) cores ($cpu), $memory memory; $postgres with the settings of scripts/lib/postgres.sh; the machine was shared"
  echo "- Wall time of the command (process start, import, ANALYZE and validation included): **${wall} s** for $(thousands "$clicks") click rows"
  echo "- The importer's own report: $(report_line '^analysisDate')"
  echo "- Phases: $(grep -oE 'OULAD import: [a-z ,]+ after [0-9.]+ s' "$work/import.log" | sed 's/OULAD import: //' | paste -sd ';' - | sed 's/;/; /g')"
  echo "- Estimate for the full dataset ($(thousands "$full_click_rows") click rows), scaled linearly in click rows: **${estimate} s** (target < 120 s)"
  echo
  echo '```'
  sed -n '/^file /,/^analysisDate/p' "$work/import.log"
  echo '```'
  echo
} >"$section"

replace_results_section "## OULAD import (training part)" "$section"
rm -f "$section"

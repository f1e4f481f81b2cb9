#!/usr/bin/env bash
# Times `analytics generate --preset scale` on an empty, migrated store (SOURCES.md §2.5: budget < 120 s, including COPY, index
# builds, FK validation and ANALYZE) against a private PostgreSQL it starts and removes itself, and records the command, the
# machine, the row counts and the duration under "Demo generation (scale preset)" in bench/RESULTS.md.
# Usage: bash bench/generate-scale.sh [extra generate options]   (END_DATE=YYYY-MM-DD pins the end date; default today UTC)
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

# The store must be empty and migrated before the clock starts (the budget excludes the migrations).
dotnet "$dll" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }

end_date=${END_DATE:-$(date -u +%F)}
command=(dotnet "$dll" generate --preset scale --end-date "$end_date" "$@")
echo "[bench] ${command[*]}" >&2
start=$(date +%s.%N)
"${command[@]}" >"$work/generate.log" 2>&1 || { tail -n 40 "$work/generate.log" >&2; exit 1; }
finish=$(date +%s.%N)
wall=$(awk -v a="$start" -v b="$finish" 'BEGIN { printf "%.1f", b - a }')
grep -E '^(lrs\.|content hash|elapsed)' "$work/generate.log" >&2
echo "[bench] wall time ${wall} s" >&2

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
memory=$(free -g | awk '/^Mem:/ { print $2 " GiB" }')
postgres=$("$PG_BIN/postgres" --version)
total=$(grep -E '^lrs\.' "$work/generate.log" | awk '{ gsub(",", "", $2); s += $2 } END { print s }')

section=$(mktemp)
{
  echo "## Demo generation (scale preset)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bash bench/generate-scale.sh\` on an empty, migrated store (the migrations are not timed)."
  echo
  echo "- Command: \`${command[*]}\`"
  echo "- Machine: $(nproc) cores ($cpu), $memory memory; $postgres with the settings of scripts/lib/postgres.sh"
  echo "- Wall time of the command: **${wall} s** (budget < 120 s); the generator's own report: $(grep -E '^elapsed' "$work/generate.log" | sed 's/^elapsed //')"
  echo "- $(grep -E '^content hash' "$work/generate.log")"
  echo "- Phases: $(grep -oE 'Demo generation: [a-z ,-]+ after [0-9.]+ s' "$work/generate.log" | sed 's/Demo generation: //' | paste -sd ';' - | sed 's/;/; /g')"
  echo
  echo "| table | rows |"
  echo "|---|---:|"
  grep -E '^lrs\.' "$work/generate.log" | awk '{ printf "| %s | %s |\n", $1, $2 }'
  printf '| **total** | **%s** |\n' "$(printf "%'d" "$total" 2>/dev/null || echo "$total")"
  echo
} >"$section"

replace_results_section "## Demo generation (scale preset)" "$section"
rm -f "$section"

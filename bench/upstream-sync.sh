#!/usr/bin/env bash
# Times the upstream sync (SOURCES.md §3, §5) end to end on loopback: the demo generator fills a stub store (small preset by
# default), `stub upstreams` serves it as the nine platform services, and `sync upstreams` fills an empty store through the typed
# clients, the resilience pipeline and the idempotent writer. Three runs: the demo organisation (org-123) into an empty store,
# the same again (nothing changed: an incremental pass from the watermark), and every organisation of the preset. Records the
# command, the machine and the figures under "Upstream sync through the local stub" in bench/RESULTS.md.
# Usage: bash bench/upstream-sync.sh [preset]   (END_DATE=YYYY-MM-DD pins the generator's end date; default 2025-03-14)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

preset=${1:-small}
end_date=${END_DATE:-2025-03-14}
work=$(mktemp -d /tmp/analytics-bench.XXXXXX)
chmod 755 "$work"
stub_pid=
cleanup() { [ -n "$stub_pid" ] && kill "$stub_pid" 2>/dev/null; pg_stop; rm -rf "$work"; }
trap cleanup EXIT
pg_start "$work/pg"

echo "[bench] building the service (Release)" >&2
dotnet build "$root/src/Analytics.Api.csproj" -c Release -v quiet -nologo >&2
dll="src/bin/Release/net10.0/Analytics.Api.dll"

stub_store=$(pg_connection_string analytics_stub)
echo "[bench] generating the $preset preset into the stub's store" >&2
ConnectionStrings__Analytics=$stub_store dotnet "$dll" generate --preset "$preset" --end-date "$end_date" >"$work/generate.log" 2>&1 \
  || { tail -n 40 "$work/generate.log" >&2; exit 1; }
activity=$(grep -E '^lrs\.activity_days' "$work/generate.log" | awk '{ print $2 }')

token=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
port=$(pg_free_port)
env -u ASPNETCORE_URLS ConnectionStrings__Analytics="$stub_store" dotnet "$dll" stub upstreams --port "$port" --token "$token" \
  >"$work/stub.log" 2>&1 &
stub_pid=$!
for _ in $(seq 1 150); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.2
done

ConnectionStrings__Analytics=$(pg_connection_string analytics_synced)
export ConnectionStrings__Analytics Sources__Mode=upstream Sync__IncrementalMinutes=0
for service in Auth:auth Directory:directory CourseBuilder:course-builder ContentStudio:content-studio \
               Assessment:assessment SkillsEngine:skills-engine LearnerAI:learner-ai DevLab:devlab RagAssistant:rag-assistant; do
  export "Upstreams__${service%%:*}__BaseUrl=http://127.0.0.1:$port/${service#*:}"
  export "Upstreams__${service%%:*}__Token=$token"
done
dotnet "$dll" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }

# One sync run; prints its summary line and sets $wall.
run() {
  local label=$1; shift
  echo "[bench] $label: dotnet $dll sync upstreams $*" >&2
  local start finish
  start=$(date +%s.%N)
  dotnet "$dll" sync upstreams "$@" >"$work/sync.log" 2>"$work/sync.err" || { cat "$work/sync.log" "$work/sync.err" >&2; exit 1; }
  finish=$(date +%s.%N)
  wall=$(awk -v a="$start" -v b="$finish" 'BEGIN { printf "%.1f", b - a }')
  summary=$(grep -E '^sync ' "$work/sync.log" | sed -E 's/^sync job_[A-Z0-9]+: //')
  echo "[bench]   ${wall} s: $summary" >&2
}

run "demo organisation, empty store" --organisation org-123
first_wall=$wall first=$summary
run "demo organisation again, nothing changed" --organisation org-123
again_wall=$wall again=$summary
run "every organisation of the preset"
all_wall=$wall all=$summary

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
memory=$(free -g | awk '/^Mem:/ { print $2 " GiB" }')
postgres=$("$PG_BIN/postgres" --version)

section=$(mktemp)
{
  echo "## Upstream sync through the local stub"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bash bench/upstream-sync.sh $preset\`: the $preset preset (end date $end_date, $activity activity rows) generated into a store that \`stub upstreams\` serves as the nine services on loopback; \`sync upstreams\` (each command a new process, start-up included) fills an empty, migrated store through the typed clients (page size 500, resilience pipeline) and the idempotent writer."
  echo
  echo "- Machine: $(nproc) cores ($cpu), $memory memory; $postgres with the settings of scripts/lib/postgres.sh; stub, service and PostgreSQL on the same machine"
  echo
  echo "| run | command | wall time | outcome |"
  echo "|---|---|---:|---|"
  echo "| demo organisation into the empty store | \`sync upstreams --organisation org-123\` | **${first_wall} s** | $first |"
  echo "| the same again, nothing changed upstream | \`sync upstreams --organisation org-123\` | ${again_wall} s | $again |"
  echo "| every organisation of the preset (org-123 already synced) | \`sync upstreams\` | ${all_wall} s | $all |"
  echo
  echo "The second run asks each listing from its watermark minus the 300 s overlap; the stub's store was generated moments before, so that window still holds every item and they are all read again, and written 0 times (the \`IS DISTINCT FROM\` guard); the equivalence of the synced store with the generator's is checked by \`UpstreamDemoEquivalenceTests\` (every lrs table and eight analytics)."
  echo
} >"$section"
replace_results_section "## Upstream sync through the local stub" "$section"
rm -f "$section"

#!/usr/bin/env bash
# Measures the resident memory of the service at idle: Release build, demo store (small preset) generated at first start,
# then 20 s without traffic after the first authenticated read. Writes the figures to bench/RESULTS.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
work=$(mktemp -d /tmp/analytics-bench.XXXXXX)
chmod 755 "$work"
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; pg_stop; rm -rf "$work"; }
trap cleanup EXIT
pg_start "$work/pg"
dotnet build "$root/src/Analytics.Api.csproj" -c Release -v quiet -nologo >/dev/null
port=$(pg_free_port)
ConnectionStrings__Analytics=$(pg_connection_string analytics) Sources__Mode=demo ASPNETCORE_ENVIRONMENT=Production \
  Auth__SigningKey=$(head -c 32 /dev/urandom | base64) Privacy__SubjectHashKey=$(head -c 32 /dev/urandom | base64) ASPNETCORE_URLS="http://127.0.0.1:$port" \
  dotnet "$root/src/bin/Release/net10.0/Analytics.Api.dll" >"$work/app.log" 2>&1 &
app_pid=$!
started=$(date +%s)
until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
  kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app.log"; exit 1; }
  sleep 1
done
ready_seconds=$(( $(date +%s) - started ))
token=$(curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"learner@test.com","password":"password123"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
curl -fsS "http://127.0.0.1:$port/api/v1/learner/analytics/velocity/learner-123" -H "Authorization: Bearer $token" >/dev/null
sleep 20
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status")
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
{
  echo "## Idle memory of the service"
  echo
  echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/idle-memory.sh\` (Release build, Production environment, demo store of the small preset generated at first start)"
  echo "- Machine: $machine"
  echo "- Start to ready, including migrations and demo generation: ${ready_seconds} s"
  echo "- Resident memory 20 s after one login and one velocity read: **$((rss_kb / 1024)) MiB** (peak during start: $((hwm_kb / 1024)) MiB)"
  echo
} >"$work/section"
replace_results_section "## Idle memory of the service" "$work/section"
echo "idle RSS $((rss_kb / 1024)) MiB, peak $((hwm_kb / 1024)) MiB, ready in ${ready_seconds} s"

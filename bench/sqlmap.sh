#!/usr/bin/env bash
# sqlmap against a locally started instance (issue 9, "Done when"): PostgreSQL in a throwaway cluster, the service on loopback
# (demo mode, tiny preset, Production environment with a random signing key), a login as the demo learner, then sqlmap in batch
# mode against
#   1. POST /api/v1/auth/login                                  (JSON body: email, password)
#   2. GET  /api/v1/learner/analytics/velocity/{userId}?window=  (path id and query parameter; bearer token, X-Active-Role)
# The rate limits are raised for this run through environment variables (RateLimits__<class>__Limit), since sqlmap sends
# thousands of requests; nothing else differs from a normal start.
# Usage: bash bench/sqlmap.sh [--level N] [--risk N]   (defaults 3 and 2; prints a summary; raw output stays in $SQLMAP_OUT
#        or a temporary folder that is printed at the end)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/tokens.sh
source "$root/bench/lib/tokens.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
level=3
risk=2
while [ $# -gt 0 ]; do
  case "$1" in
    --level) level=$2; shift 2 ;;
    --risk) risk=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if ! command -v sqlmap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq sqlmap >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlmap >/dev/null; }
  else pip install --user sqlmap; fi
fi
out=${SQLMAP_OUT:-$(mktemp -d /tmp/analytics-sqlmap.XXXXXX)}
mkdir -p "$out"
work=$(mktemp -d /tmp/analytics-sqlmap-run.XXXXXX)
chmod 755 "$work"
service_pid=""
cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
pg_start "$work/pg"
cs=$(pg_connection_string analytics)
PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U analytics -d postgres -qc "CREATE DATABASE analytics"
dotnet build "$root/src/Analytics.Api.csproj" -c Release -v quiet -nologo >/dev/null
dll="$root/src/bin/Release/net10.0/Analytics.Api.dll"
key=$(head -c 32 /dev/urandom | base64)
port=$(pg_free_port)
base="http://127.0.0.1:$port"
env ConnectionStrings__Analytics="$cs" Sources__Mode=demo Sources__Demo__Preset=tiny Sources__Demo__EndDate=2025-03-14 \
  ASPNETCORE_ENVIRONMENT=Production Auth__SigningKey="$key" ASPNETCORE_URLS="$base" Logging__LogLevel__Default=Warning \
  RateLimits__login__Limit=1000000 RateLimits__loginEmail__Limit=1000000 RateLimits__read__Limit=1000000 \
  RateLimits__token__Limit=1000000 RateLimits__system__Limit=1000000 \
  dotnet "$dll" >"$out/service.log" 2>&1 &
service_pid=$!
until curl -fsS "$base/health/ready" >/dev/null 2>&1; do
  kill -0 "$service_pid" 2>/dev/null || { tail -n 30 "$out/service.log" >&2; exit 1; }
  sleep 0.5
done
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"email":"learner@test.com","password":"password123"}' "$base/api/v1/auth/login" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'X-Active-Role: learner' "$base/api/v1/learner/analytics/velocity/learner-123?window=30d"

common=(--batch --level "$level" --risk "$risk" --dbms=PostgreSQL --technique=BEUSTQ --threads=4 --disable-coloring
        --ignore-code=400,401,403,404 --flush-session --output-dir="$out/sessions")
started=$(date -u '+%Y-%m-%d %H:%M UTC')
t0=$(date +%s)
sqlmap -u "$base/api/v1/auth/login" --method=POST -H 'Content-Type: application/json' \
  --data='{"email":"learner@test.com","password":"wrong-password"}' "${common[@]}" >"$out/login.txt" 2>&1 || true
t1=$(date +%s)
sqlmap -u "$base/api/v1/learner/analytics/velocity/learner-123*?window=30d*" \
  -H "Authorization: Bearer $token" -H 'X-Active-Role: learner' "${common[@]}" >"$out/velocity.txt" 2>&1 || true
t2=$(date +%s)

summary() {
  local name=$1 file=$2 seconds=$3
  local tested injectable requests
  tested=$(grep -oE "testing for SQL injection on [A-Za-z ()]*parameter '[^']+'" "$file" | sed -E "s/.*on (.*)parameter '([^']+)'/\1\2/; s/\(custom\) //" | sort -u | paste -sd, -)
  injectable=$(grep -cE "parameter '[^']+' (is|seems to be) .*injectable" "$file" || true)
  requests=$(grep -oE "[0-9]+ HTTP\(s\) requests" "$file" | tail -n 1 || true)
  printf '%s: %s s; parameters tested: %s; injectable findings: %s\n' "$name" "$seconds" "${tested:-none}" "$injectable"
  grep -oE "all tested parameters do not appear to be injectable|is vulnerable|appears to be injectable|CRITICAL.*" "$file" | sed 's/^/    /' | head -n 3 || true
  if [ -n "$requests" ]; then echo "    $requests"; fi
}
echo "sqlmap $(sqlmap --version 2>/dev/null | head -n 1) on $(hostname) ($(uname -sr)), started $started; level $level, risk $risk, techniques BEUSTQ, DBMS PostgreSQL"
summary "POST /api/v1/auth/login" "$out/login.txt" $((t1 - t0))
summary "GET /api/v1/learner/analytics/velocity/{userId}?window=" "$out/velocity.txt" $((t2 - t1))
if grep -qE "parameter '[^']+' (is|seems to be) .*injectable|sqlmap identified the following injection point" "$out"/login.txt "$out"/velocity.txt; then
  echo "RESULT: injectable parameter found (see $out)"; exit 1
fi
echo "RESULT: no injectable parameter found (raw output: $out)"

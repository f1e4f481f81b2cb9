# shellcheck shell=bash
# Starts the built service (src/bin/Release) on a free loopback port with demo data, for the scripts that call it over HTTP
# (scripts/newman, scripts/check-openapi). Keys are random per start; every rate class is raised so a scripted run is never
# limited (API.md §5's defaults would stop a collection of ~100 requests: read 120/min, refresh 5/10 min, report 10/h,
# privacy 5/h). Sets SERVICE_URL and SERVICE_PID; service_stop ends that process only.

service_start() {
  local connection=$1 log=$2
  local dll="$root/src/bin/Release/net10.0/Analytics.Api.dll"
  [ -f "$dll" ] || { echo "[service] $dll is missing: build first" >&2; return 1; }
  local port
  port=$(pg_free_port)
  SERVICE_URL="http://127.0.0.1:$port"
  (
    export ConnectionStrings__Analytics="$connection"
    Auth__SigningKey=$(head -c 32 /dev/urandom | base64)
    Privacy__SubjectHashKey=$(head -c 32 /dev/urandom | base64)
    export Auth__SigningKey Privacy__SubjectHashKey
    export ASPNETCORE_ENVIRONMENT=Development Sources__Mode=demo ASPNETCORE_URLS="$SERVICE_URL" DOTNET_NOLOGO=1
    for class in login loginEmail token session read refresh report write privacy operator system; do
      export "RateLimits__${class}__Limit=1000000"
    done
    exec dotnet "$dll"
  ) >"$log" 2>&1 &
  SERVICE_PID=$!
  local waited=0
  until curl -sf -o /dev/null "$SERVICE_URL/health/ready"; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null || [ "$waited" -ge 240 ]; then
      echo "[service] did not become ready; last lines of $log:" >&2; tail -n 30 "$log" >&2; service_stop; return 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  echo "[service] ready on $SERVICE_URL (log: $log)" >&2
}

service_stop() {
  if [ -n "${SERVICE_PID:-}" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=""
}

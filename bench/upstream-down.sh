#!/usr/bin/env bash
# The mixed dashboard traffic with one upstream down: the service in upstream mode (SOURCES.md §3) against the local stub
# (`stub upstreams`, as `scripts/run --upstreams` starts it), after an initial sync of the demo organisation and the nightly
# run's snapshots. The Assessment service is served by a second stub process of its own; after a phase with every upstream up,
# that process is killed (connection refused from then on) and a sync is requested, as the scheduler would, so the failure is
# seen. Reports, per phase, throughput, latency and errors, and the share of analytics answers with `meta.degraded` — the reads
# keep answering from memory and snapshots while the coverage rule (SOURCES.md §3.6) stops recomputation.
# Usage: bash bench/upstream-down.sh   (UP_DURATION s with every upstream up, default 30; DURATION s with Assessment down, 60;
#   WARMUP s, 20; PACED_VUS 1000 with THINK_MS 4000 as in mixed-load.sh; END_DATE of the generated store, 2025-03-14)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
# shellcheck source=lib/load.sh
source "$root/bench/lib/load.sh"
# shellcheck source=lib/tokens.sh
source "$root/bench/lib/tokens.sh"

up_duration=${UP_DURATION:-30}
duration=${DURATION:-60}
warmup=${WARMUP:-20}
paced_vus=${PACED_VUS:-1000}
think_ms=${THINK_MS:-4000}
end_date=${END_DATE:-2025-03-14}
down=assessment # the stub path of the service taken down (Upstreams:Assessment)
work=$(mktemp -d /tmp/analytics-upstream-down.XXXXXX)
chmod 755 "$work"
APP_PID=""
stub_pid=""
down_pid=""
cleanup() {
  load_stop_service
  for pid in $stub_pid $down_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
load_build
pg_start "$work/pg"

stub_store=$(pg_connection_string analytics_stub)
echo "[bench] generating the small preset into the stub's store" >&2
ConnectionStrings__Analytics=$stub_store dotnet "$LOAD_DLL" generate --preset small --end-date "$end_date" >"$work/generate.log" 2>&1 \
  || { tail -n 40 "$work/generate.log" >&2; exit 1; }
stub_token=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
start_stub() { # start_stub PORT LOG → the pid
  env -u ASPNETCORE_URLS ConnectionStrings__Analytics="$stub_store" dotnet "$LOAD_DLL" stub upstreams --port "$1" --token "$stub_token" \
    >"$2" 2>&1 &
  echo $!
}
stub_port=$(pg_free_port)
down_port=$(pg_free_port)
stub_pid=$(start_stub "$stub_port" "$work/stub.log")
down_pid=$(start_stub "$down_port" "$work/stub-$down.log")
for port in "$stub_port" "$down_port"; do
  for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
done

key=$(head -c 32 /dev/urandom | base64)
settings=(ConnectionStrings__Analytics="$(pg_connection_string analytics)" Sources__Mode=upstream Sync__IncrementalMinutes=0
          Auth__SigningKey="$key" Privacy__SubjectHashKey="$key" ASPNETCORE_ENVIRONMENT=Production)
for service in Auth:auth Directory:directory CourseBuilder:course-builder ContentStudio:content-studio \
               Assessment:assessment SkillsEngine:skills-engine LearnerAI:learner-ai DevLab:devlab RagAssistant:rag-assistant; do
  target=$stub_port
  [ "${service#*:}" = "$down" ] && target=$down_port
  settings+=("Upstreams__${service%%:*}__BaseUrl=http://127.0.0.1:$target/${service#*:}" "Upstreams__${service%%:*}__Token=$stub_token")
done
load_psql "CREATE DATABASE analytics" postgres >/dev/null
env "${settings[@]}" dotnet "$LOAD_DLL" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
started=$SECONDS
echo "[bench] initial sync of org-123 from the stub" >&2
env "${settings[@]}" dotnet "$LOAD_DLL" sync upstreams --organisation org-123 >"$work/sync.out" 2>"$work/sync.log" \
  || { cat "$work/sync.out" "$work/sync.log" >&2; exit 1; }
sync_summary=$(grep -E '^sync ' "$work/sync.out" | sed -E 's/^sync job_[A-Z0-9]+: //')
sync_seconds=$((SECONDS - started))
started=$SECONDS
echo "[bench] the nightly recalculation" >&2
env "${settings[@]}" dotnet "$LOAD_DLL" recalculate --nightly >"$work/nightly.out" 2>"$work/nightly.log" \
  || { tail -n 20 "$work/nightly.log" >&2; exit 1; }
nightly_seconds=$((SECONDS - started))

port=$(pg_free_port)
base="http://127.0.0.1:$port"
load_start_service "$work/app.log" "$port" "${settings[@]}"
load_users_file "$work/users.tsv"
snapshots=$(load_snapshot_state)
echo "[bench] users: $(load_users_summary "$work/users.tsv"); snapshots: $snapshots" >&2
operator=$(mint_token "$key" operator-000 platform-admin org-123)
integration() { curl -fsS -H "Authorization: Bearer $operator" "$base/api/v1/integration/health"; }
upstream_state() { # "lastSyncStatus breaker" of the downed service
  integration | jq -r --arg name "$down" '.upstreams[] | select(.name == $name or .name == "Assessment") | "\(.lastSyncStatus) \(.breaker.state)"' | head -n1
}
echo "[bench] $down before: $(upstream_state)" >&2

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
mix=(--vus "$paced_vus" --think-ms "$think_ms" --login-share 0)
load_phase "$work/warmup" "$base" "$key" "$work/users.tsv" "${mix[@]}" --duration "$warmup" --label "warm-up"
load_phase "$work/up" "$base" "$key" "$work/users.tsv" "${mix[@]}" --duration "$up_duration" --label "every upstream up"

# Assessment goes away; the down phase starts at once, and a sync is requested as the scheduler's next pass would.
before_cpu=$(load_cpu_seconds "$APP_PID")
dotnet "$LOADMIX_DLL" --base "$base" --users "$work/users.tsv" --key "$key" --out "$work/down" "${mix[@]}" --duration "$duration" \
  --label "$down down" &
mix_pid=$!
sleep 1
killed_at=$(date +%s.%3N)
kill -9 "$down_pid"
wait "$down_pid" 2>/dev/null || true
down_pid=""
echo "[bench] the $down stub is down; requesting a sync of org-123" >&2
job=$(curl -fsS -X POST -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' -d '{"organisationId":"org-123"}' \
  "$base/api/v1/integration/sync" | jq -r '.jobId')
job_state=""
for _ in $(seq 1 120); do
  job_state=$(curl -fsS -H "Authorization: Bearer $operator" "$base/api/v1/admin/jobs/$job" | jq -r '.status')
  case $job_state in completed | failed | partial) break ;; esac
  sleep 0.5
done
job_done_at=$(date +%s.%3N)
job_json=$(curl -fsS -H "Authorization: Bearer $operator" "$base/api/v1/admin/jobs/$job" | jq -c '{status, counters, error}')
echo "[bench] sync $job: $job_json" >&2
wait "$mix_pid"
load_require_service
after_cpu=$(load_cpu_seconds "$APP_PID")
echo "service_cpu_s=$(awk -v a="$before_cpu" -v b="$after_cpu" 'BEGIN { printf "%.1f", b - a }')" >>"$work/down/result.env"
health=$(integration | jq -c --arg name "$down" '{status, upstream: (.upstreams[] | select(.name == $name or .name == "Assessment") | {name, breaker: .breaker.state, lastSyncStatus, lastError: .lastError.code})}')
api_health=$(curl -s "$base/api/health" | jq -c '{status, upstreams: .services.upstreams}')
ready=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")
# One read per role after the run: what its envelope says about the outage.
probe() { # probe ROLE USER PATH → "| path | status | degraded | degradedUpstreams | servedFrom |"
  local token body status
  token=$(mint_token "$key" "$2" "$1" org-123)
  body=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/$3")
  status=$(tail -n1 <<<"$body")
  sed '$d' <<<"$body" | jq -r --arg path "$3" --arg status "$status" \
    '"| \($path) | \($status) | \(.meta.degraded) | \(.meta.degradedUpstreams | join(", ")) | \(.meta.servedFrom) |"' 2>/dev/null \
    || echo "| $3 | $status | | | |"
}
probes=$(
  probe learner learner-123 learner/analytics/performance/learner-123
  probe learner learner-123 learner/analytics/velocity/learner-123
  probe trainer trainer-456 trainer/analytics/course-health/trainer-456
  probe trainer trainer-456 trainer/analytics/overview/trainer-456
  probe org-admin admin-789 org-admin/analytics/org-performance/org-123
  probe org-admin admin-789 predictive/at-risk/org-123
)
mkdir -p "$root/bench/out" && cp "$work/app.log" "$root/bench/out/upstream-down-app.log"
first_degraded=$(awk -F'\t' 'NR > 1 && $12 > 0 { print $1; exit }' "$work/down/timeline.tsv")
# From the first degraded answer on: the share of envelopes marked degraded.
after_share=$(awk -F'\t' -v f="$first_degraded" 'NR > 1 && f != "" && $1 >= f + 1 { d += $12; e += $13 } END { printf "%.1f", (e > 0 ? 100 * d / e : 0) }' "$work/down/timeline.tsv")
rel() { awk -v x="$1" -v y="$2" 'BEGIN { if (x == "" || y == "") print "n/a"; else printf "%.1f", x - y }'; }

{
  echo "## Mixed dashboard load with one upstream down"
  echo
  echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/upstream-down.sh\` (UP_DURATION=$up_duration DURATION=$duration WARMUP=$warmup"
  echo "  PACED_VUS=$paced_vus THINK_MS=$think_ms): the small preset (end date $end_date) generated into the stub's store and served by"
  echo "  \`stub upstreams\` as the nine services (the Assessment service by a second stub process of its own); the service in"
  echo "  upstream mode (Release, Production, memory cache, rate limits raised as in mixed-load.sh, no scheduled sync) on a store"
  echo "  filled by \`sync upstreams --organisation org-123\` ($sync_seconds s: $sync_summary), then \`recalculate --nightly\` ($nightly_seconds s);"
  echo "  snapshots: $snapshots."
  echo "- Users: the demo organisation org-123, $(load_users_summary "$work/users.tsv"); minted tokens only (no passwords in upstream"
  echo "  mode); the paced mix of mixed-load.sh ($paced_vus virtual users, think time 0–$((2 * think_ms)) ms) after a $warmup s warm-up."
  echo "- Machine: $(load_machine); load average before the run: $load_before."
  echo "- Then: $up_duration s with every upstream up; the Assessment stub killed (\`kill -9\`) 1 s into the next phase, and"
  echo "  \`POST /api/v1/integration/sync {organisationId: org-123}\` at once (the scheduler's pass, brought forward): the job ended"
  echo "  $(rel "$job_done_at" "$killed_at") s after the kill: \`$job_json\`; $duration s in all with Assessment down."
  echo "- **Reads kept answering**: the first \`meta.degraded: true\` answer in the second starting $(rel "$first_degraded" "$killed_at") s after"
  echo "  the kill (the coverage facts are re-read at most every 30 s per organisation); from the next second on $after_share % of the"
  echo "  analytics answers carried it (the others do not need Assessment). After the run: integration health \`$health\`; \`/api/health\`"
  echo "  \`$api_health\`; /health/ready $ready (an upstream outage does not make the instance unready)."
  echo
  echo "One read per role after the run (Assessment still down):"
  echo
  echo "| path | status | meta.degraded | meta.degradedUpstreams | meta.servedFrom |"
  echo "|---|---|---|---|---|"
  echo "$probes"
  echo
  echo "Failures the service logged (its log is kept in bench/out/upstream-down-app.log):"
  echo
  load_failures "$work/app.log" | grep . || echo "- none"
  echo
  echo "### Every upstream up ($up_duration s)"
  echo
  cat "$work/up/summary.md"
  echo
  echo "### Assessment down ($duration s, from 1 s before the kill)"
  echo
  cat "$work/down/summary.md"
  echo
  echo "CPU seconds of the service: $(load_value "$work/up" service_cpu_s) with every upstream up, $(load_value "$work/down" service_cpu_s) with Assessment"
  echo "down (the sync job included). Errors and degraded answers are counted as in mixed-load.sh."
  echo
  echo "<!-- headline 2-upstream: One upstream (Assessment) down under the paced mix ($paced_vus users, demo organisation, upstream mode): reads kept answering — $(load_value "$work/down" rps) req/s, **p95 $(load_value "$work/down" p95_ms) ms** (p95 $(load_value "$work/up" p95_ms) ms with every upstream up), **errors $(load_value "$work/down" errors) of $(load_value "$work/down" requests)** ($(load_value "$work/down" error_rate_pct) %); $after_share % of the analytics answers marked \`meta.degraded\` once the failed sync was seen. -->"
  echo
} >"$work/section"
replace_results_section "## Mixed dashboard load with one upstream down" "$work/section"
cat "$work/section"
load_headlines

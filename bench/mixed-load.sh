#!/usr/bin/env bash
# Mixed dashboard traffic of many users against one instance: virtual users (bench/LoadMix) run sessions of learners, trainers
# and org-admins — a token per user (minted with the signing key; 2 % of the sessions log in with POST /auth/login as the fixed
# demo user of their role), GET /auth/me, then 10–30 requests of what the web app calls for that role (overviews, single
# analytics, gamification, leaderboard, comparison, predictive, at-risk lists, the report list, /auth/me, now and then a refresh
# POST). Two phases after a warm-up: paced (many users with think time) and saturation (fewer users, no think time).
# Throughput, p50/p95/p99 and errors by status per route class go into RESULTS.md.
# Usage: bash bench/mixed-load.sh [demo|scale|both]   (default both)
#   demo:  the demo store of `scripts/run` (small preset, generated at the first start) in a throwaway cluster;
#   scale: the 100,000-learner store of the `scale` preset in /var/tmp/analytics-bench-scale-pg (generated once if missing,
#          shared with nightly-recalculation.sh and analytics-latency.sh; run `KEEP=1 bash bench/nightly-recalculation.sh` first
#          for snapshots of a nightly run — the section says which snapshots the store held).
#   DURATION (s, default 60) per phase, WARMUP (s, 20), PACED_VUS (1000) with THINK_MS (4000, mean; uniform 0–2×),
#   SATURATION_VUS (200), LEARNERS (scale store: how many distinct learners take part, default 20000).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/results.sh
source "$root/bench/lib/results.sh"
# shellcheck source=lib/load.sh
source "$root/bench/lib/load.sh"

which=${1:-both}
case $which in demo | scale | both) ;; *) echo "usage: bash bench/mixed-load.sh [demo|scale|both]" >&2; exit 2 ;; esac
duration=${DURATION:-60}
warmup=${WARMUP:-20}
paced_vus=${PACED_VUS:-1000}
think_ms=${THINK_MS:-4000}
saturation_vus=${SATURATION_VUS:-200}
scale_dir=/var/tmp/analytics-bench-scale-pg
work=$(mktemp -d /tmp/analytics-mixed.XXXXXX)
chmod 755 "$work"
APP_PID=""
cleanup() { load_stop_service; pg_stop; rm -rf "$work"; }
trap cleanup EXIT
load_build

# run_store NAME: one store from start to section.
run_store() {
  local name=$1 heading store_text state_before last_nightly state_after load_before port base key cs
  key=$(head -c 32 /dev/urandom | base64)
  port=$(pg_free_port)
  base="http://127.0.0.1:$port"
  if [ "$name" = demo ]; then
    heading="## Mixed dashboard load: demo store"
    echo "[bench] demo store: starting the service on $base" >&2
    load_demo_service "$work" "$port" "$key"
    store_text=$LOAD_STORE_STATE
    state_before=$(load_snapshot_state)
    last_nightly="the nightly run just before"
    load_users_file "$work/users-$name.tsv"
  else
    heading="## Mixed dashboard load: 100,000-learner store"
    if [ -f "$scale_dir/data/postmaster.pid" ] && pg_find_binaries && pg_as_owner "$PG_BIN/pg_ctl" -D "$scale_dir/data" status >/dev/null 2>&1; then
      echo "[bench] the scale store in $scale_dir is running for another benchmark; run this one when it is free" >&2
      return 1
    fi
    mkdir -p "$scale_dir" && chmod 755 "$scale_dir"
    pg_start "$scale_dir"
    cs=$(pg_connection_string analytics)
    if [ "$(load_psql "SELECT to_regclass('lrs.users') IS NOT NULL AND EXISTS (SELECT 1 FROM lrs.users OFFSET 100000)" 2>/dev/null || echo f)" != t ]; then
      echo "[bench] generating the scale preset (once; kept in $scale_dir)" >&2
      load_psql "CREATE DATABASE analytics" postgres 2>/dev/null || true
      ConnectionStrings__Analytics=$cs dotnet "$LOAD_DLL" generate --preset scale --end-date 2025-03-14 --replace >"$work/generate.log"
    fi
    ConnectionStrings__Analytics=$cs dotnet "$LOAD_DLL" migrate >/dev/null 2>&1
    state_before=$(load_snapshot_state)
    last_nightly=$(load_psql "SELECT coalesce((SELECT 'from the nightly run of ' || run_date || ' (' || status || ', finished ' ||
        to_char(finished_at, 'YYYY-MM-DD HH24:MI') || ' UTC)' FROM analytics.batch_runs WHERE kind = 'recalculation' AND trigger = 'nightly'
        ORDER BY started_at DESC LIMIT 1), 'no nightly run in the store')")
    echo "[bench] scale store: starting the service on $base" >&2
    load_start_service "$work/app-$name.log" "$port" ConnectionStrings__Analytics="$cs" Sources__Mode=demo Sources__Demo__Preset=scale \
      Auth__SigningKey="$key" Privacy__SubjectHashKey="$key"
    load_users_file "$work/users-$name.tsv" "${LEARNERS:-20000}"
    store_text="the \`scale\` preset store (40 organisations, 100,000 learners, 10 M activity rows) in $scale_dir"
  fi
  echo "[bench] users: $(load_users_summary "$work/users-$name.tsv"); snapshots: $state_before" >&2

  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  load_phase "$work/$name-warmup" "$base" "$key" "$work/users-$name.tsv" --vus "$saturation_vus" --duration "$warmup" --label "warm-up"
  load_metrics "$base" "$work/metrics-before"
  load_phase "$work/$name-paced" "$base" "$key" "$work/users-$name.tsv" --vus "$paced_vus" --think-ms "$think_ms" --duration "$duration" \
    --label "$name paced"
  load_phase "$work/$name-saturation" "$base" "$key" "$work/users-$name.tsv" --vus "$saturation_vus" --duration "$duration" \
    --label "$name saturation"
  state_after=$(load_snapshot_state)
  load_metrics "$base" "$work/metrics-after"
  local app_log="$work/app-$name.log"
  [ "$name" = demo ] && app_log="$work/app.log"
  mkdir -p "$root/bench/out" && cp "$app_log" "$root/bench/out/mixed-load-$name-app.log"
  local paced="$work/$name-paced" saturation="$work/$name-saturation" label
  [ "$name" = demo ] && label="Demo store (small preset)" || label="100,000-learner store (scale preset)"

  {
    echo "$heading"
    echo
    echo "- Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/mixed-load.sh $name\` (DURATION=$duration WARMUP=$warmup PACED_VUS=$paced_vus"
    echo "  THINK_MS=$think_ms SATURATION_VUS=$saturation_vus${LEARNERS:+ LEARNERS=$LEARNERS}): $store_text; one service process"
    echo "  (Release, Production, Sources:Mode=demo, memory cache), every rate class raised to 10⁹ per window for the run"
    echo "  (\`RateLimits__<class>__Limit\`), PostgreSQL, the service and the load generator on the same machine over loopback."
    echo "- Store state: snapshots before the run: $state_before ($last_nightly). After the run: $state_after"
    echo "  (first reads and the run's refresh POSTs store snapshots; later reads come from memory or the snapshot)."
    echo "- Users: $(load_users_summary "$work/users-$name.tsv") (org-admin stand-ins: an organisation's first trainer with an org-admin"
    echo "  token, where the store holds no org-admin); a token per user minted with the signing key, and 2 % of the sessions log in"
    echo "  with \`POST /auth/login\` as the fixed demo user of their role."
    echo "- Machine: $(load_machine); load average before the run: $load_before."
    echo "- Load generator: \`dotnet bench/LoadMix/bin/Release/net10.0/LoadMix.dll --vus N [--think-ms T] --duration $duration\`"
    echo "  (bench/LoadMix/Program.cs: sessions of 10–30 requests after \`/auth/me\`; weights per role there; latency = sending to the"
    echo "  last body byte). Warm-up: $warmup s with $saturation_vus virtual users, not counted."
    echo
    echo "### Paced: $paced_vus virtual users, think time 0–$((2 * think_ms)) ms between requests"
    echo
    cat "$paced/summary.md"
    echo
    echo "CPU seconds in the phase: service $(load_value "$paced" service_cpu_s), load generator $(load_value "$paced" client_cpu_s)."
    echo
    echo "### Saturation: $saturation_vus virtual users, no think time"
    echo
    cat "$saturation/summary.md"
    echo
    echo "CPU seconds in the phase: service $(load_value "$saturation" service_cpu_s), load generator $(load_value "$saturation" client_cpu_s)"
    echo "(the machine's 2 cores give at most $((2 * duration)) s; PostgreSQL takes most of the rest)."
    echo
    echo "Live computations in the two phases (\`analytics_compute_duration_seconds\` on /metrics; every other analytics answer came"
    echo "from memory or a stored snapshot), the most costly first:"
    echo
    echo "| analytic | computations | mean ms | total s |"
    echo "|---|---:|---:|---:|"
    load_compute_table "$work/metrics-before" "$work/metrics-after" | head -n 12
    echo
    echo "Failures the service logged (its log is kept in bench/out/mixed-load-$name-app.log):"
    echo
    load_failures "$app_log" | grep . || echo "- none"
    echo
    echo "Errors = 5xx answers, refused or broken connections and timeouts (10 s); other non-2xx are listed apart (a 409 on a refresh"
    echo "POST is \`REFRESH_IN_PROGRESS\`: a refresh of that subject is already queued). Degraded answers: analytics envelopes with"
    echo "\`meta.degraded: true\`, of all envelopes."
    echo
    echo "<!-- headline 1-$name: $label, mixed dashboard traffic: **$(load_value "$saturation" rps) req/s** at saturation ($saturation_vus virtual users, p95 $(load_value "$saturation" p95_ms) ms); $paced_vus paced users: $(load_value "$paced" rps) req/s, **p95 $(load_value "$paced" p95_ms) ms**, p99 $(load_value "$paced" p99_ms) ms; errors $(load_value "$paced" errors) + $(load_value "$saturation" errors) of $(( $(load_value "$paced" requests) + $(load_value "$saturation" requests) )) requests. -->"
    echo
  } >"$work/section-$name"
  replace_results_section "$heading" "$work/section-$name"
  cat "$work/section-$name"
  load_stop_service
  pg_stop
}

[ "$which" = scale ] || run_store demo
[ "$which" = demo ] || run_store scale
load_headlines

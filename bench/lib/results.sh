# shellcheck shell=bash
# Writes one benchmark's section into bench/RESULTS.md, replacing that benchmark's previous section and keeping the others.

# replace_results_section "## Heading" SECTION_FILE — SECTION_FILE holds the heading line and the body.
replace_results_section() {
  local heading=$1 section=$2 results
  results="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/RESULTS.md"
  [ -f "$results" ] || printf '# Benchmark results\n\n' >"$results"
  awk -v heading="$heading" '
    $0 == heading { skip = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }
  ' "$results" >"$results.tmp"
  cat "$section" >>"$results.tmp"
  mv "$results.tmp" "$results"
  echo "[bench] results written to bench/RESULTS.md" >&2
}

# summarise_times NAME TIMES_FILE SUMMARY_FILE — TIMES_FILE holds "<http status> <seconds>" per request (curl -w); appends
# "NAME requests errors p50 p95 max" (milliseconds, 200 answers only; nearest-rank percentiles) to SUMMARY_FILE and says it.
summarise_times() {
  local name=$1 times=$2 summary=$3 errors n p50 p95 max
  errors=$(awk '$1 != 200' "$times" | wc -l)
  awk '$1 == 200 {print $2 * 1000}' "$times" | sort -n >"$times.ms"
  n=$(wc -l <"$times.ms")
  p50=$(awk -v n="$n" 'NR == (int(n * 0.50 + 0.5) < 1 ? 1 : int(n * 0.50 + 0.5)) {printf "%.1f", $1}' "$times.ms")
  p95=$(awk -v n="$n" 'NR == (int(n * 0.95 + 0.5) < 1 ? 1 : int(n * 0.95 + 0.5)) {printf "%.1f", $1}' "$times.ms")
  max=$(tail -n1 "$times.ms")
  printf '%s %s %s %s %s %s\n' "$name" "$n" "$errors" "$p50" "$p95" "$max" >>"$summary"
  printf '[bench] %-24s n=%s errors=%s p50=%s ms p95=%s ms max=%s ms\n' "$name" "$n" "$errors" "$p50" "$p95" "$max" >&2
}

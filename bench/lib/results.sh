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

# shellcheck shell=bash
# Installs the pinned npm tools of the test command (newman, @redocly/cli) once into a cache folder outside the checkout.
# Sourced by scripts/newman and scripts/check-openapi. npm_tools_ready sets NPM_TOOLS_BIN, or returns 1 with the reason in
# NPM_TOOLS_SKIP when npm or its registry cannot be reached (the callers then skip with that message, they do not fail).

NPM_TOOLS=("newman@6.2.2" "@redocly/cli@2.77.0")

npm_tools_ready() {
  local dir=${ANALYTICS_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/analytics-tools}/npm
  NPM_TOOLS_BIN="$dir/node_modules/.bin"
  NPM_TOOLS_SKIP=""
  # The marker holds the pinned list, so a changed pin installs again.
  if [ -x "$NPM_TOOLS_BIN/newman" ] && [ -x "$NPM_TOOLS_BIN/redocly" ] && [ "$(cat "$dir/.pinned" 2>/dev/null)" = "${NPM_TOOLS[*]}" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    NPM_TOOLS_SKIP="node/npm is not installed"; return 1
  fi
  mkdir -p "$dir"
  printf '[npm] installing %s into %s\n' "${NPM_TOOLS[*]}" "$dir" >&2
  if ! npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "${NPM_TOOLS[@]}" >"$dir/install.log" 2>&1; then
    NPM_TOOLS_SKIP="npm install failed (registry unreachable?): see $dir/install.log"; return 1
  fi
  printf '%s' "${NPM_TOOLS[*]}" > "$dir/.pinned"
}

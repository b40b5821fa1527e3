#!/usr/bin/env bash
# Builds asepsis from the action's own checkout into a cached folder (the
# cache step restores it; an unchanged tree rebuilds nothing) and puts it on
# PATH for the following steps.
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${ASEPSIS_ACTION_BUILD:-$HOME/.cache/asepsis-action/build}
mkdir -p "$build"
"$src/scripts/fetch-grammar.sh"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DASEPSIS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)"
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$build/driver" >> "$GITHUB_PATH"
fi
"$build/driver/asepsis" version

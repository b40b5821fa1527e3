#!/bin/sh
# Configures and builds asepsis into build/ (or $ASEPSIS_BUILD_DIR).
# Extra arguments go to cmake's configure step, e.g. -DASEPSIS_SANITIZE=ON.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${ASEPSIS_BUILD_DIR:-$top/build}
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)"

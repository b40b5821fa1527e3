#!/bin/sh
# The whole test suite: installs the dependencies, builds with warnings as
# errors and with the address/undefined/leak sanitizers, and runs every test
# (unit, rule conformance, end to end, SARIF validation).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/setup-deps.sh"
build=${ASEPSIS_BUILD_DIR:-$top/build-test}
ASEPSIS_BUILD_DIR=$build "$top/scripts/build.sh" -DASEPSIS_WERROR=ON -DASEPSIS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

#!/usr/bin/env bash
# Time of `asepsis check --staged` (the pre-commit hook) on a one-line change
# in the demo firmware: a temporary git copy of testdata/demo-device with its
# compile database, one line changed and staged in src/dose.c, then RUNS
# timed runs (default 10) of each hook's command. Prints min, median and max
# wall time. Not a test: nothing is asserted.
#
# usage: scripts/bench/staged.sh [ASEPSIS_BINARY] [RUNS]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/driver/asepsis}
runs=${2:-10}
work=$(mktemp -d /tmp/asepsis-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$top/testdata/demo-device" "$work/repo"
cd "$work/repo"
export GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@example.org GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@example.org
echo build/ > .gitignore
git init -q . && git add -A && git commit -qm demo
cmake -S . -B build >/dev/null
sed -i '0,/return 0;/s//return 0; \/* checked *\//' src/dose.c
git add src/dose.c
git diff --cached --stat | tail -1
for mode in "--staged" "--staged --engine pattern"; do
  times=()
  for _ in $(seq "$runs"); do
    s=$(date +%s%N)
    # shellcheck disable=SC2086
    "$bin" check $mode --no-db --quiet --no-progress >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "asepsis check $mode: min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, max ${sorted[$((runs - 1))]} ms ($runs runs)"
done

#!/usr/bin/env bash
# Time of `asepsis check --staged` (the pre-commit hook) on a one-line change
# in the demo firmware: a temporary git copy of testdata/demo-device with its
# compile database, one line changed and staged in src/dose.c, then RUNS
# timed runs (default 10) of each hook's command. Prints the wall and CPU
# times. Not a test: nothing is asserted. Needs /usr/bin/time (package time).
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
# wall time depends on what else the machine runs; CPU time (user + system,
# of asepsis and the git it starts) much less so: both are printed
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in "--staged" "--staged --engine pattern"; do
  wall=() cpu=()
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    /usr/bin/time -o "$work/t" -f '%e %U %S' "$bin" check $mode --no-db --quiet --no-progress \
      >/dev/null 2>&1 || true
    read -r e u s < "$work/t"
    wall+=("$(awk -v e="$e" 'BEGIN { printf "%d", e * 1000 }')")
    cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')")
  done
  w=($(printf '%s\n' "${wall[@]}" | sort -n)); c=($(printf '%s\n' "${cpu[@]}" | sort -n))
  echo "asepsis check $mode: wall median ${w[$((runs / 2))]} ms (min ${w[0]}, max ${w[$((runs - 1))]}); CPU median ${c[$((runs / 2))]} ms ($runs runs)"
done

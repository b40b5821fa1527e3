#!/bin/bash
# The demo end to end: SARIF that passes the validator, traceability IDs that
# survive a re-run and unrelated edits, byte-identical reruns.
. "$(dirname "$0")/lib.sh"
cp -r "$SRC/testdata/demo-device" "$WORK/demo"
cmake -S "$WORK/demo" -B "$WORK/demo-build" >/dev/null || { fail "demo does not configure"; finish; }
cd "$WORK/demo" || exit 1

run_check() { # $1: where to keep the SARIF (written to one path, so the command line is the same)
	"$ASEPSIS" check -p "$WORK/demo-build" --db "$WORK/store.db" --sarif "$WORK/run.sarif" \
		--no-progress --no-color --fail-on error
	rc=$?
	cp "$WORK/run.sarif" "$1"
	return $rc
}

ids() { # "file rule ASF-n" per finding, sorted
	sed -n 's/^\([^ :]*\):[0-9]*:[0-9]*: [a-z]*: .* \[\(MDS-[A-Z]*-[0-9]*\)\] \(ASF-[0-9]*\)$/\1 \2 \3/p' "$1" | sort
}

expect_status 1 run_check "$WORK/1.sarif"
cp "$WORK/out" "$WORK/run1.txt"
n1=$(ids "$WORK/run1.txt" | wc -l)
[ "$n1" -gt 10 ] || fail "first run shows $n1 findings with traceability IDs"
expect_grep "asepsis: run 1 stored in $WORK/store.db" "$WORK/run1.txt" "run stored"

if ! "$SHARED/tools/sarif-validate" --srcroot "$WORK/demo" "$WORK/1.sarif" >"$WORK/validate.txt" 2>&1; then
	fail "SARIF does not validate"
	sed 's/^/  | /' "$WORK/validate.txt" | tail -30
fi

# the same code again: the same IDs, byte-identical SARIF but for timestamps
expect_status 1 run_check "$WORK/2.sarif"
cp "$WORK/out" "$WORK/run2.txt"
if ! diff <(ids "$WORK/run1.txt") <(ids "$WORK/run2.txt") >/dev/null; then
	fail "traceability IDs changed on a re-run"
	diff <(ids "$WORK/run1.txt") <(ids "$WORK/run2.txt") | head
fi
strip_times() { sed -E 's/"(startTimeUtc|endTimeUtc)": "[^"]*"/"\1": ""/' "$1"; }
if ! diff <(strip_times "$WORK/1.sarif") <(strip_times "$WORK/2.sarif") >/dev/null; then
	fail "SARIF differs between identical runs"
	diff <(strip_times "$WORK/1.sarif") <(strip_times "$WORK/2.sarif") | head
fi

# unrelated lines added above the findings: every finding keeps its ID
for f in src/cmd_parser.c src/telemetry.c; do
	{ printf '/* Revision note added above the code.\n * It moves every line down.\n */\n'; cat "$f"; } > "$f.new"
	mv "$f.new" "$f"
done
expect_status 1 run_check "$WORK/3.sarif"
if ! diff <(ids "$WORK/run1.txt") <(ids "$WORK/out") >/dev/null; then
	fail "traceability IDs changed after unrelated lines were added"
	diff <(ids "$WORK/run1.txt") <(ids "$WORK/out") | head
fi

# without a store: no IDs, nothing written
expect_status 1 "$ASEPSIS" check -p "$WORK/demo-build" --no-db --no-progress
expect_no_grep "ASF-" "$WORK/out" "--no-db output"
finish

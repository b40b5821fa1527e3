#!/bin/bash
# --shard I/N and merge: the shards' SARIF files merged equal the unsharded
# run byte for byte apart from timestamps (for 2 shards and for more shards than
# files); bad shard specs and files that do not belong together are usage
# errors that name the input.
. "$(dirname "$0")/lib.sh"
cp -r "$SRC/testdata/demo-device" "$WORK/demo"
cmake -S "$WORK/demo" -B "$WORK/build" >/dev/null || { fail "demo does not configure"; finish; }
cd "$WORK/demo" || exit 1
strip_times() { sed -E 's/"(startTimeUtc|endTimeUtc)": "[^"]*"/"\1": ""/' "$1"; }
# the same arguments but --shard, so the command lines agree once merged
run() { "$ASEPSIS" check -p "$WORK/build" --no-db --no-progress --fail-on none --quiet --sarif - "$@"; }

run >"$WORK/full.sarif" 2>/dev/null || fail "unsharded run"
"$SHARED/tools/sarif-validate" "$WORK/full.sarif" >"$WORK/v" 2>&1 || { fail "unsharded SARIF"; tail "$WORK/v"; }
for n in 2 7; do
	files=()
	for i in $(seq 1 $n); do
		run --shard "$i/$n" >"$WORK/s$i.sarif" 2>/dev/null || fail "shard $i/$n"
		files+=("$WORK/s$i.sarif")
	done
	# every TU in exactly one shard
	total=$(cat "${files[@]}" | grep -c '"sourceLanguage"')
	[ "$total" -ge 6 ] || fail "$n shards hold $total artifacts"
	expect_status 0 "$ASEPSIS" merge "${files[@]}" -o "$WORK/merged$n.sarif"
	if ! cmp -s <(strip_times "$WORK/full.sarif") <(strip_times "$WORK/merged$n.sarif"); then
		fail "$n shards merged differ from the unsharded run"
		diff <(strip_times "$WORK/full.sarif") <(strip_times "$WORK/merged$n.sarif") | head -20
	fi
	# the shards' order does not matter
	reversed=()
	for ((i = ${#files[@]} - 1; i >= 0; i--)); do reversed+=("${files[$i]}"); done
	"$ASEPSIS" merge "${reversed[@]}" -o "$WORK/rev$n.sarif" >/dev/null 2>&1
	cmp -s <(strip_times "$WORK/merged$n.sarif") <(strip_times "$WORK/rev$n.sarif") ||
		fail "merging $n shards in another order differs"
done
# shards really split the work: neither half has everything
a=$(grep -c '"ruleId"' "$WORK/s1.sarif"); b=$(grep -c '"ruleId"' "$WORK/full.sarif")
run --shard 1/2 >"$WORK/h1.sarif" 2>/dev/null; run --shard 2/2 >"$WORK/h2.sarif" 2>/dev/null
h1=$(grep -c '"ruleId"' "$WORK/h1.sarif"); h2=$(grep -c '"ruleId"' "$WORK/h2.sarif")
[ "$h1" -gt 0 ] && [ "$h2" -gt 0 ] && [ "$h1" -lt "$b" ] || fail "2 shards: $h1 and $h2 of $b results"
: "$a"
"$SHARED/tools/sarif-validate" "$WORK/merged2.sarif" >"$WORK/v" 2>&1 || { fail "merged SARIF"; tail "$WORK/v"; }
# merge gates on the merged results when asked
expect_status 1 "$ASEPSIS" merge "$WORK/h1.sarif" "$WORK/h2.sarif" -o "$WORK/g.sarif" --fail-on error
expect_status 0 "$ASEPSIS" merge "$WORK/h1.sarif" "$WORK/h2.sarif" -o - 
grep -q '"version": "2.1.0"' "$WORK/out" || fail "merge -o - writes to stdout"

# with a store: each shard records its run
"$ASEPSIS" check -p "$WORK/build" --db "$WORK/s.db" --no-progress --fail-on none --quiet --shard 1/2 >/dev/null 2>&1
"$ASEPSIS" check -p "$WORK/build" --db "$WORK/s.db" --no-progress --fail-on none --quiet --shard 2/2 >/dev/null 2>&1
expect_status 0 "$ASEPSIS" runs --db "$WORK/s.db" --format csv
[ "$(grep -c '^"\?[0-9]' "$WORK/out")" -eq 2 ] || fail "two shard runs stored"

# bad shard specs
for spec in 0/2 3/2 a/b 1/0 2 /2 1/ -1/2 "1/2/3"; do
	expect_status 2 "$ASEPSIS" check -p "$WORK/build" --no-db --shard "$spec"
	expect_grep "shard" "$WORK/err" "bad spec $spec named"
done
expect_status 2 "$ASEPSIS" check -p "$WORK/build" --no-db --shard 1/2 --diff HEAD

# files that do not belong together
run --profile class-a >"$WORK/classa.sarif" 2>/dev/null
expect_status 2 "$ASEPSIS" merge "$WORK/h1.sarif" "$WORK/classa.sarif" -o "$WORK/x.sarif"
expect_grep "classa.sarif" "$WORK/err" "the other rule set is named"
sed 's/"version": "0\.1\.0"/"version": "9.9.9"/; s/"semanticVersion": "0\.1\.0"/"semanticVersion": "9.9.9"/' \
	"$WORK/h2.sarif" > "$WORK/other-version.sarif"
expect_status 2 "$ASEPSIS" merge "$WORK/h1.sarif" "$WORK/other-version.sarif" -o "$WORK/x.sarif"
expect_grep "9.9.9" "$WORK/err" "another version is named"
echo '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "other"}}}]}' > "$WORK/other-tool.sarif"
expect_status 2 "$ASEPSIS" merge "$WORK/h1.sarif" "$WORK/other-tool.sarif" -o "$WORK/x.sarif"
echo 'not json' > "$WORK/garbage.sarif"
expect_status 2 "$ASEPSIS" merge "$WORK/garbage.sarif" -o "$WORK/x.sarif"
expect_grep "garbage.sarif" "$WORK/err" "a broken input is named"
expect_status 2 "$ASEPSIS" merge "$WORK/missing.sarif" -o "$WORK/x.sarif"
expect_status 2 "$ASEPSIS" merge "$WORK/h1.sarif"
[ -e "$WORK/x.sarif" ] && fail "a refused merge wrote its output"

# categories: one run per category
run --category asepsis/diff/ >"$WORK/diff.sarif" 2>/dev/null
expect_status 0 "$ASEPSIS" merge "$WORK/h1.sarif" "$WORK/diff.sarif" "$WORK/h2.sarif" -o "$WORK/cats.sarif"
[ "$(grep -c '"automationDetails"' "$WORK/cats.sarif")" -eq 2 ] || fail "two categories, two runs"
finish

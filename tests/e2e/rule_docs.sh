#!/bin/bash
# docs/rules is generated from the catalogue: it must match what the binary exports.
. "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/rules"
expect_status 0 "$ASEPSIS" rules export --format md --output-dir "$WORK/rules"
if ! diff -r "$WORK/rules" "$SRC/docs/rules" >"$WORK/diff" 2>&1; then
	fail "docs/rules is out of date: run scripts/update-rule-docs.sh"
	head -20 "$WORK/diff"
fi
n_yaml=$(find "$SRC/rules" -name 'MDS-*.yaml' | wc -l)
n_md=$(find "$SRC/docs/rules" -name 'MDS-*.md' | wc -l)
[ "$n_yaml" -eq "$n_md" ] || fail "$n_yaml rule files but $n_md rule pages"
finish

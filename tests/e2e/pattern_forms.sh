#!/bin/bash
# The pattern versions of semantic rules never report a defect twice: where
# clang parses a file only the checker reports (auto gives the same findings
# of those rules as clang alone); where it cannot, the pattern version
# reports it, once, with the checker's ID and message.
. "$(dirname "$0")/lib.sh"
cp -r "$SRC/testdata/demo-device" "$WORK/demo"
cmake -S "$WORK/demo" -B "$WORK/build" >/dev/null || { fail "demo does not configure"; finish; }
cd "$WORK/demo" || exit 1
ids='MDS-(BAN-00[123457]|FMT-001|INJ-001|SEC-001|CRY-00[12])'
pick() { grep -E "^[^ ]+:[0-9]+:[0-9]+: [a-z]+: .*\[$ids\]" "$1" | sort; }
"$ASEPSIS" check -p "$WORK/build" --no-db --no-progress --no-color --fail-on none --engine auto >"$WORK/auto" 2>/dev/null
"$ASEPSIS" check -p "$WORK/build" --no-db --no-progress --no-color --fail-on none --engine clang >"$WORK/clang" 2>/dev/null
[ "$(pick "$WORK/clang" | wc -l)" -gt 5 ] || fail "the demo shows too few findings of these rules"
if ! diff <(pick "$WORK/auto") <(pick "$WORK/clang") >"$WORK/d"; then
	fail "auto and clang differ on the rules with pattern versions"
	head "$WORK/d"
fi
dups=$(grep -oE '^[^ ]+:[0-9]+:[0-9]+: [a-z]+: .*\[MDS-[A-Z]+-[0-9]+\]' "$WORK/auto" |
	sed -E 's/^([^:]+:[0-9]+):[0-9]+: [a-z]+: .*(\[MDS-[A-Z]+-[0-9]+\])$/\1 \2/' | sort | uniq -d)
[ -z "$dups" ] || fail "reported twice: $dups"

# a file clang cannot parse: the pattern versions take over, once each
mkdir "$WORK/broken" && cd "$WORK/broken" || exit 1
cat > vendor.c <<'C'
char *gets(char *);
int system(const char *);
__vendor_keyword interrupt void isr(void) @ 0x20 { }
void console(char *line, const char *cmd)
{
    gets(line);
    system(cmd);
}
C
"$ASEPSIS" check --no-db --no-progress --no-color --fail-on none vendor.c >"$WORK/b" 2>"$WORK/b.err"
expect_grep '^vendor.c:6:5: error: gets() cannot limit how much it reads' "$WORK/b" "the pattern version of MDS-BAN-001"
expect_grep '^vendor.c:7:5: error: system() passes a built command string' "$WORK/b" "the pattern version of MDS-INJ-001"
[ "$(grep -c '\[MDS-BAN-001\]' "$WORK/b")" -eq 1 ] || fail "gets() reported $(grep -c '\[MDS-BAN-001\]' "$WORK/b") times"
finish

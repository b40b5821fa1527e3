#!/bin/bash
# The pattern engine on hostile input: a 10 MB single-line file, very deep
# nesting, binary and non-UTF-8 files. No crash, clear notifications.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
mkdir -p src

# 10 MB on one line (a string literal), and a 1 MB single-line table
{
	printf 'static const char banner[] = "'
	head -c 10485760 /dev/zero | tr '\0' 'x'
	printf '"; int main(void) { return banner[0]; }\n'
} > src/huge.c
[ "$(stat -c %s src/huge.c)" -gt 10000000 ] || fail "generated file is too small"
{
	printf 'static const unsigned char blob[] = {'
	head -c 340000 /dev/zero | tr '\0' '0' | sed 's/0/0,/g'
	printf '0};\n'
} > src/table.c

# nesting far deeper than any real code
{
	printf 'int deep(int x) {\n'
	for i in $(seq 1 3000); do printf 'if (x) {'; done
	for i in $(seq 1 3000); do printf '}'; done
	printf '\nreturn (((((((((((((((((((((((((((((((((((((((((x))))))))))))))))))))))))))))))))))))))));\n}\n'
	printf 'int deeper(int x) { return '
	for i in $(seq 1 20000); do printf '('; done
	printf 'x'
	for i in $(seq 1 20000); do printf ')'; done
	printf '; }\n'
} > src/deep.c

cp "$SRC/testdata/badinput/binary.c" src/
cp "$SRC/testdata/badinput/latin1.c" src/
printf 'int main(void) { return 0; }\n' > src/ok.c

expect_status 0 "$ASEPSIS" check --no-db --engine pattern --fail-on error src
expect_grep "6 files" "$WORK/out" "every file accounted for"
expect_grep "binary.c: contains NUL bytes" "$WORK/err" "binary file notified"
expect_grep "analysed by pattern rules only" "$WORK/err" "reduced coverage said"

# the same tree through the default engine (clang gives up on the deepest
# nesting with a parse error; the run still completes)
expect_status 0 "$ASEPSIS" check --no-db --fail-on error src/deep.c src/ok.c src/latin1.c
expect_grep "3 files" "$WORK/out" "auto engine on deep input"
finish

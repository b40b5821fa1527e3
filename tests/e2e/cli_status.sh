#!/bin/bash
# The command-line contract: exit statuses and messages for bad input.
. "$(dirname "$0")/lib.sh"
BAD=$SRC/testdata/badinput
cd "$WORK" || exit 1
cp "$BAD"/syntax_error.c "$BAD"/missing_header.c "$BAD"/binary.c "$BAD"/latin1.c .

# --fail-on gates: latin1.c has one note
expect_status 0 "$ASEPSIS" check --no-db latin1.c
expect_status 0 "$ASEPSIS" check --no-db --fail-on warning latin1.c
expect_status 1 "$ASEPSIS" check --no-db --fail-on note latin1.c
expect_grep "latin1.c:2:16: note: .*\[MDS-CTL-001\]" "$WORK/out" "diagnostic format"
expect_grep "^               \^" "$WORK/out" "caret under the column"
expect_status 0 "$ASEPSIS" check --no-db --fail-on none latin1.c
expect_status 2 "$ASEPSIS" check --no-db --fail-on fatal latin1.c
expect_grep "fail-on" "$WORK/err" "bad --fail-on value named"

# the default gate is error: an error-level finding fails the run
printf 'char *gets(char *);\nvoid f(char *b) { gets(b); }\n' > gets.c
expect_status 1 "$ASEPSIS" check --no-db gets.c
expect_grep "gets.c:2:19: error: .*\[MDS-BAN-001\]" "$WORK/out" "default gate"
expect_status 0 "$ASEPSIS" check --no-db --fail-on none gets.c

# usage errors
expect_status 2 "$ASEPSIS" check --bogus
expect_grep "\-\-bogus: unknown option" "$WORK/err" "bad option named"
expect_status 2 "$ASEPSIS" frobnicate
expect_status 2 "$ASEPSIS" check --no-db
expect_status 2 "$ASEPSIS" check --no-db -j 0 latin1.c
expect_status 2 "$ASEPSIS" check --no-db --profile class-z latin1.c
expect_status 2 "$ASEPSIS" check --no-db --enable MDS-NOPE-999 latin1.c

# a missing path is named, and the other files are still analysed and reported
expect_status 2 "$ASEPSIS" check --no-db --fail-on none nothere.c latin1.c
expect_grep "nothere.c: No such file or directory" "$WORK/err" "missing file named"
expect_grep "latin1.c:2:16" "$WORK/out" "other file still reported"

# syntax errors and missing headers: notifications, reduced coverage, findings kept
expect_status 1 "$ASEPSIS" check --no-db --fail-on note syntax_error.c missing_header.c
expect_grep "syntax_error.c:19:2: note" "$WORK/out" "finding after a syntax error"
expect_grep "missing_header.c:6:2: note" "$WORK/out" "finding despite a missing header"
expect_grep "syntax_error.c:5:18: expected ';'" "$WORK/err" "parse error notified"
expect_grep "vendor_hal_does_not_exist.h' file not found \[missing-header\]" "$WORK/err" "missing header notified"
expect_grep "2 with reduced coverage" "$WORK/out" "summary counts reduced coverage"

# binary input: no crash, a notification
expect_status 0 "$ASEPSIS" check --no-db binary.c
expect_grep "binary.c" "$WORK/err" "binary file notified"

# a broken compile database: named, exit 2
mkdir -p broken && cp "$BAD/broken_compdb/compile_commands.json" broken/
expect_status 2 "$ASEPSIS" check --no-db -p broken
expect_grep "broken/compile_commands.json:2: invalid JSON" "$WORK/err" "broken compile database named"
expect_status 2 "$ASEPSIS" check --no-db -p nosuchdir
expect_grep "nosuchdir: build folder does not exist" "$WORK/err" "missing build folder named"

# a compile database whose only file is gone: nothing analysed, exit 3
mkdir -p gone
printf '[{"directory": "%s", "file": "%s/vanished.c", "command": "cc -c vanished.c"}]\n' "$WORK" "$WORK" > gone/compile_commands.json
expect_status 3 "$ASEPSIS" check --no-db -p gone
expect_grep "no file could be analysed" "$WORK/err" "analysis failure explained"

# rules and version
expect_status 0 "$ASEPSIS" rules list
expect_grep "MDS-CTL-001" "$WORK/out" "rules list"
expect_status 0 "$ASEPSIS" rules show MDS-CTL-001
expect_grep "CWE-478" "$WORK/out" "rules show mappings"
expect_status 2 "$ASEPSIS" rules show MDS-NOPE-001
expect_status 0 "$ASEPSIS" version
expect_grep "rule catalogue: .* sha256 [0-9a-f]\{64\}" "$WORK/out" "catalogue hash"
finish

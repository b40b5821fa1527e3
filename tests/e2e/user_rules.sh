#!/bin/bash
# A project's own pattern rules: loaded from --rules-dir, reported under their
# own IDs in text and SARIF; a broken query or a reserved ID is a rule-file
# error (exit 2) that names the file.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
cp -r "$SRC/testdata/user-rules-case" case
RULES=$SRC/testdata/user-rules

# the example rule fires where its case says, and nowhere else
expect_status 0 "$BUILD/tests/rulecheck" "$ASEPSIS" "$WORK/case" --rules-dir "$RULES" --engine pattern .
expect_grep "1 expected, 1 reported, 0 mismatch" "$WORK/out" "example rule matches its case exactly"

# text output carries the user rule's ID; SARIF has its result and its rule
expect_status 1 "$ASEPSIS" check --no-db --no-progress --engine pattern --rules-dir "$RULES" \
	--fail-on warning --sarif "$WORK/user.sarif" case
expect_grep "valve.c:13:2: warning: HAL_Delay(50) blocks the CPU.*\[ACME-TIME-001\]" "$WORK/out" "text diagnostic"
expect_grep '"ruleId": *"ACME-TIME-001"' "$WORK/user.sarif" "SARIF result ruleId"
expect_grep '"id": *"ACME-TIME-001"' "$WORK/user.sarif" "SARIF rule descriptor"

# the rule also runs next to the semantic engine (auto mode)
expect_status 0 "$ASEPSIS" check --no-db --no-progress --rules-dir "$RULES" --fail-on none case
expect_grep "\[ACME-TIME-001\]" "$WORK/out" "user rule in auto mode"

# a query that does not compile: exit 2, the rule file, its line and the offset
mkdir -p badq
sed -e 's/^id: ACME-TIME-001/id: ACME-TIME-002/' -e 's/(identifier) @fn/(identifer) @fn/' \
	"$RULES/ACME-TIME-001.yaml" > badq/ACME-TIME-002.yaml
expect_status 2 "$ASEPSIS" check --no-db --no-progress --engine pattern --rules-dir badq case
expect_grep "badq/ACME-TIME-002.yaml:[0-9][0-9]*: rule ACME-TIME-002: query unknown node type at offset [0-9][0-9]*" \
	"$WORK/err" "bad query named with file, line and offset"

# a message that names a capture the query does not have
mkdir -p badm
sed -e 's/^id: ACME-TIME-001/id: ACME-TIME-003/' -e 's/{{delay}}/{{duration}}/' \
	"$RULES/ACME-TIME-001.yaml" > badm/ACME-TIME-003.yaml
expect_status 2 "$ASEPSIS" check --no-db --no-progress --engine pattern --rules-dir badm case
expect_grep "badm/ACME-TIME-003.yaml:[0-9][0-9]*: rule ACME-TIME-003: message names {{duration}}" \
	"$WORK/err" "unknown capture in the message named"

# the MDS- prefix belongs to the built-in catalogue
mkdir -p reserved
sed -e 's/^id: ACME-TIME-001/id: MDS-TIME-001/' "$RULES/ACME-TIME-001.yaml" > reserved/MDS-TIME-001.yaml
expect_status 2 "$ASEPSIS" check --no-db --no-progress --engine pattern --rules-dir reserved case
expect_grep "reserved/MDS-TIME-001.yaml:[0-9][0-9]*:[0-9][0-9]*: rule id 'MDS-TIME-001': the MDS- prefix is reserved" \
	"$WORK/err" "MDS- prefix refused"
finish

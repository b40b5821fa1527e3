#!/bin/bash
# Traceability end to end: run, triage with a justification, link, edit the
# code and re-run (fixed, new, reopened under the same ID), gate on a
# baseline with --new-only, inline suppressions, then tamper with the store
# and see `audit verify` name the entry. Bad input gets named errors.
. "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/proj/src" && cd "$WORK/proj" || exit 1
git init -q . && git config user.name "Ada Lovelace" && git config user.email ada@example.org
touch .asepsis.yml
DB=.asepsis/asepsis.db

write_src() { # $1: 1 when dose() handles every value
	{
		printf 'void enter_safe_state(int why);\n\n'
		printf 'void alarm(int a)\n{\n\tswitch (a) {\n\tcase 1: enter_safe_state(1); break;\n\t}\n}\n\n'
		if [ "$1" = 1 ]; then
			printf 'void dose(int d)\n{\n\tswitch (d) {\n\tcase 2: enter_safe_state(2); break;\n\tdefault: enter_safe_state(0); break;\n\t}\n}\n'
		else
			printf 'void dose(int d)\n{\n\tswitch (d) {\n\tcase 2: enter_safe_state(2); break;\n\t}\n}\n'
		fi
	} > src/pump.c
}
check() { "$ASEPSIS" check src --no-progress --no-color "$@"; }
validate() { # SARIF against the sources as they are now
	if ! "$SHARED/tools/sarif-validate" --srcroot "$WORK/proj" "$1" >"$WORK/validate" 2>&1; then
		fail "$(basename "$1") does not validate"
		tail -20 "$WORK/validate"
	fi
}
sql() { sqlite3 "$DB" "$1"; }

# ---- run 1: two findings, two IDs ---------------------------------------
write_src 0
expect_status 1 check --fail-on note
expect_grep "src/pump.c:5:2: note: .*\[MDS-CTL-001\] ASF-1$" "$WORK/out" "run 1 ASF-1"
expect_grep "src/pump.c:12:2: note: .*\[MDS-CTL-001\] ASF-2$" "$WORK/out" "run 1 ASF-2"
expect_grep "run 1 stored in $WORK/proj/.asepsis/asepsis.db" "$WORK/out" "default store under the root"

# ---- triage and links ----------------------------------------------------
expect_status 0 "$ASEPSIS" triage ASF-1 --state accepted-risk \
	--justification "alarm codes are validated by the HAL (RC-7)"
expect_grep "ASF-1: open -> accepted-risk (by Ada Lovelace <ada@example.org>)" "$WORK/out" "author from git"
expect_status 0 "$ASEPSIS" link ASF-1 RC-7 --kind risk-control
expect_status 0 "$ASEPSIS" link ASF-2 REQ-12
expect_status 0 "$ASEPSIS" link ASF-2 PR-3 --kind problem-report --author "QA"
expect_status 2 "$ASEPSIS" triage ASF-2 --state deferred
expect_grep "justification is required" "$WORK/err" "justification required"
expect_status 2 "$ASEPSIS" triage ASF-2 --state wontfix --justification x
expect_grep "'wontfix' is not accepted-risk" "$WORK/err" "bad state named"
expect_status 2 "$ASEPSIS" triage ASF-2 --state fixed --justification x
expect_status 2 "$ASEPSIS" triage ASF-99 --state deferred --justification later
expect_grep "ASF-99: no such finding" "$WORK/err" "unknown ASF named"
expect_status 2 "$ASEPSIS" link ASF-2 X-1 --kind wish
expect_status 0 "$ASEPSIS" findings
expect_grep "^ASF-1  accepted-risk" "$WORK/out" "findings shows the state"
expect_grep "accepted-risk by Ada Lovelace <ada@example.org> at .*: alarm codes" "$WORK/out" "findings shows who and why"
expect_grep "links: problem-report PR-3; requirement REQ-12" "$WORK/out" "findings shows links"
expect_status 0 "$ASEPSIS" findings --format csv
expect_grep '^"ASF-1","accepted-risk","note","MDS-CTL-001","src/pump.c","5",' "$WORK/out" "CSV quoted"
expect_status 0 "$ASEPSIS" findings --format json
[ "$(jq -r '.[1].links[1].ref' "$WORK/out")" = REQ-12 ] || fail "JSON links"

# the dispositioned finding no longer fails the gate; the open one does
expect_status 1 check --fail-on note --sarif "$WORK/2.sarif"
expect_grep "ASF-1 (accepted-risk)" "$WORK/out" "state shown in text"
[ "$(jq '.runs[0].results | length' "$WORK/2.sarif")" = 1 ] || fail "upload SARIF keeps the accepted-risk result"
[ "$(jq -r '.runs[0].results[0].properties.links[0].ref' "$WORK/2.sarif")" = PR-3 ] || fail "SARIF links"
expect_status 1 check --fail-on note --sarif "$WORK/2e.sarif" --sarif-include-suppressed
[ "$(jq -r '.runs[0].results[] | select(.properties.traceabilityId == "ASF-1") | .suppressions[0].kind' "$WORK/2e.sarif")" = external ] ||
	fail "evidence SARIF: accepted-risk as an external suppression"
expect_status 0 "$ASEPSIS" triage ASF-2 --state deferred --justification "fix in release 2.1" --author Bob
expect_status 0 check --fail-on note
expect_status 0 "$ASEPSIS" triage ASF-2 --state open --author Bob

# ---- edit: dose() fixed, a new finding in rate(); run 4 -------------------
write_src 1
printf '\nint rate(int r)\n{\n\tswitch (r) {\n\tcase 0: return 1;\n\t}\n\treturn 0;\n}\n' >> src/pump.c
expect_status 1 check --fail-on note
expect_grep "src/pump.c:20:2: note: .*ASF-3$" "$WORK/out" "new finding gets the next ID"
expect_no_grep "ASF-2" "$WORK/out" "fixed finding gone"
expect_grep "1 new, 1 fixed, 0 reopened" "$WORK/out" "run summary"
expect_status 0 "$ASEPSIS" findings --state fixed
expect_grep "^ASF-2  fixed" "$WORK/out" "ASF-2 fixed"
[ "$(sql "SELECT fixed_run FROM findings WHERE id = 2")" = 5 ] || fail "fixed_run"

# ---- the fix is undone: ASF-2 reopens under its ID -----------------------
write_src 0
printf '\nint rate(int r)\n{\n\tswitch (r) {\n\tcase 0: return 1;\n\t}\n\treturn 0;\n}\n' >> src/pump.c
expect_status 1 check --fail-on note --sarif "$WORK/6.sarif"
expect_grep "src/pump.c:12:2: note: .*ASF-2$" "$WORK/out" "reopened with the same ID"
expect_grep "0 new, 0 fixed, 1 reopened" "$WORK/out" "reopen counted"
[ "$(sql "SELECT group_concat(old_state || '>' || new_state, ' ') FROM (SELECT * FROM audit_log WHERE finding_id = 2 AND action = 'state' ORDER BY seq)")" = \
	"open>deferred deferred>open open>fixed fixed>open" ] || fail "state history of ASF-2"
expect_status 0 "$ASEPSIS" runs
expect_grep "^5 .* 1 .* 1 .* 1 .* 0 yes" "$WORK/out" "runs: new and fixed of run 5"
expect_status 0 "$ASEPSIS" runs --format json
[ "$(jq '.[5].reopened' "$WORK/out")" = 1 ] || fail "runs JSON"

# ---- baselines ------------------------------------------------------------
# against run 5 (ASF-1, ASF-3): ASF-2 is new, so --new-only still fails
expect_status 1 check --fail-on note --baseline 5 --new-only --sarif "$WORK/b5.sarif"
expect_grep "ASF-2 (new)" "$WORK/out" "new finding marked"
expect_no_grep "ASF-3 (new)" "$WORK/out" "known finding not marked"
[ "$(jq -r '.runs[0].results[] | select(.properties.traceabilityId == "ASF-2") | .baselineState' "$WORK/b5.sarif")" = new ] || fail "baselineState new"
[ "$(jq -r '.runs[0].results[] | select(.properties.traceabilityId == "ASF-3") | .baselineState' "$WORK/b5.sarif")" = updated ] || fail "baselineState updated (moved)"
validate "$WORK/b5.sarif"
# against run 6 nothing is new: --new-only passes although findings remain
expect_status 0 check --fail-on note --baseline 6 --new-only --sarif "$WORK/b6n.sarif" --sarif-include-suppressed
[ "$(jq -r '[.runs[0].results[].baselineState] | unique | join(",")' "$WORK/b6n.sarif")" = unchanged ] || fail "baselineState unchanged"
expect_status 1 check --fail-on note --baseline 6
# a SARIF baseline: the rate() finding fixed shows as absent, a moved one as updated
cp src/pump.c "$WORK/pump.c.keep"
write_src 0
sed -i 's/^void alarm/\n\nvoid alarm/' src/pump.c
expect_status 0 check --fail-on note --baseline "$WORK/6.sarif" --new-only --sarif "$WORK/b6.sarif"
[ "$(jq -r '.runs[0].results[] | select(.properties.traceabilityId == "ASF-3") | .baselineState' "$WORK/b6.sarif")" = absent ] || fail "baselineState absent"
[ "$(jq -r '.runs[0].results[] | select(.properties.traceabilityId == "ASF-2") | .baselineState' "$WORK/b6.sarif")" = updated ] || fail "baselineState updated"
validate "$WORK/b6.sarif"
expect_status 1 check --fail-on note --baseline "$WORK/6.sarif" --sarif-include-suppressed --sarif "$WORK/b6e.sarif"
[ "$(jq -r '.runs[0].results[] | select(.properties.traceabilityId == "ASF-1") | .baselineState' "$WORK/b6e.sarif")" = new ] || fail "ASF-1, not in the upload baseline, is new"
expect_grep "1 no longer found" "$WORK/out" "absent counted in text"
expect_status 2 check --baseline "$WORK/nothere.sarif"
expect_grep "nothere.sarif: cannot read the baseline" "$WORK/err" "missing baseline named"
expect_status 2 check --baseline 99
expect_grep "run 99: no such run" "$WORK/err" "unknown baseline run named"
expect_status 2 check --new-only
cp "$WORK/pump.c.keep" src/pump.c

# ---- inline suppressions --------------------------------------------------
sed -i 's|^\tswitch (r) {|\tswitch (r) { // asepsis-ignore(MDS-CTL-001): r is 0 or 1 by construction|' src/pump.c
sed -i 's|^\tswitch (d) {|\t/* asepsis-ignore(MDS-CTL-001) */\n\tswitch (d) {|' src/pump.c
expect_status 1 check --fail-on warning --sarif "$WORK/s.sarif"
expect_grep "no justification.*\[MDS-SUP-001\]" "$WORK/out" "reason-less suppression is a finding"
expect_grep "src/pump.c:13:2: note: .*ASF-2$" "$WORK/out" "reason-less suppression suppresses nothing"
expect_no_grep "ASF-3" "$WORK/out" "suppressed finding hidden"
expect_grep "1 suppressed in the source" "$WORK/out" "suppressed counted"
[ "$(jq '[.runs[0].results[] | select(.properties.traceabilityId == "ASF-3")] | length' "$WORK/s.sarif")" = 0 ] || fail "upload SARIF leaves the suppressed result out"
expect_status 1 check --fail-on warning --sarif "$WORK/se.sarif" --sarif-include-suppressed --show-suppressed
expect_grep "ASF-3 (suppressed: r is 0 or 1 by construction)" "$WORK/out" "--show-suppressed"
[ "$(jq -r '.runs[0].results[] | select(.properties.traceabilityId == "ASF-3") | .suppressions[0] | .kind + "/" + .status + "/" + .justification' "$WORK/se.sarif")" = \
	"inSource/accepted/r is 0 or 1 by construction" ] || fail "inSource suppression in the evidence SARIF"
[ "$(sql "SELECT suppression FROM occurrences WHERE finding_id = 3 ORDER BY run_id DESC LIMIT 1")" = "r is 0 or 1 by construction" ] || fail "justification stored"
validate "$WORK/se.sarif"

# ---- the audit log --------------------------------------------------------
expect_status 0 "$ASEPSIS" audit verify
expect_grep "audit log intact: [0-9]* entries, head [0-9a-f]\{64\}" "$WORK/out" "intact log"
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$DB" "$WORK/good.db"
restore() { cp "$WORK/good.db" "$DB"; rm -f "$DB-wal" "$DB-shm"; }

sql "UPDATE audit_log SET justification = 'looked fine' WHERE seq = 1"
expect_status 1 "$ASEPSIS" audit verify
expect_grep "entry 1 was changed" "$WORK/out" "edited justification named"
restore
sql "DELETE FROM audit_log WHERE seq = 3"
expect_status 1 "$ASEPSIS" audit verify
expect_grep "entry 3 was deleted" "$WORK/out" "deleted entry named"
restore
last=$(sql "SELECT max(seq) FROM audit_log")
sql "INSERT INTO audit_log (seq, at, author, action, finding_id, old_state, new_state, justification, prev_hash, hash)
     SELECT seq + 1, at, 'Mallory', 'state', 2, 'open', 'false-positive', 'trust me', hash, lower(hex(randomblob(32)))
     FROM audit_log WHERE seq = $last; UPDATE findings SET state = 'false-positive' WHERE id = 2"
expect_status 1 "$ASEPSIS" audit verify
expect_grep "entry $((last + 1))" "$WORK/out" "forged entry named"
restore
sql "UPDATE findings SET state = 'accepted-risk' WHERE id = 3"
expect_status 1 "$ASEPSIS" audit verify
expect_grep "ASF-3 is 'accepted-risk' but the audit log says" "$WORK/out" "state changed outside asepsis"
restore
expect_status 0 "$ASEPSIS" audit verify

# ---- bad stores: named, exit 3, nothing lost ------------------------------
expect_status 3 "$ASEPSIS" findings --db "$WORK/none.db"
expect_grep "none.db: no findings store here" "$WORK/err" "missing store named"
[ -e "$WORK/none.db" ] && fail "a reading command created a store"
head -c 5000 /dev/urandom > "$WORK/corrupt.db"
cp "$WORK/corrupt.db" "$WORK/corrupt.keep"
expect_status 3 check --db "$WORK/corrupt.db"
expect_grep "corrupt.db: not an asepsis database" "$WORK/err" "corrupt store named"
cmp -s "$WORK/corrupt.db" "$WORK/corrupt.keep" || fail "corrupt store was changed"
expect_status 3 "$ASEPSIS" audit verify --db "$WORK/corrupt.db"
runs_before=$(sql "SELECT count(*) FROM runs")
(echo "BEGIN EXCLUSIVE; SELECT count(*) FROM runs;"; sleep 9) | sqlite3 "$DB" >/dev/null &
locker=$!
sleep 1
expect_status 3 check
expect_grep "asepsis.db: .*another process holds the database" "$WORK/err" "locked store named"
kill "$locker" 2>/dev/null; wait "$locker" 2>/dev/null
[ "$(sql "SELECT count(*) FROM runs")" = "$runs_before" ] || fail "runs changed by a locked attempt"
expect_status 0 "$ASEPSIS" audit verify
if [ "$(id -u)" != 0 ]; then
	mkdir "$WORK/ro" && chmod 555 "$WORK/ro"
	expect_status 3 check --db "$WORK/ro/sub/x.db"
	expect_grep "ro/sub" "$WORK/err" "read-only folder named"
fi
finish

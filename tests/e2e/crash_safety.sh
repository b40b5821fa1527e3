#!/bin/bash
# Crash safety of the store: SIGKILL at random moments of runs over a
# 200-file project leaves every earlier run intact and the database passing
# integrity_check; SIGINT stops the run, stores nothing and exits 130.
. "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/big/src" && cd "$WORK/big" || exit 1
touch .asepsis.yml
DB=$WORK/big/.asepsis/asepsis.db

gen() { # $1: variant; every file has findings, some change with the variant
	local i
	for i in $(seq 1 200); do
		{
			printf 'void safe(int);\n'
			printf 'int f%d(int a)\n{\n\tswitch (a) {\n\tcase 1: return 1;\n\t}\n\treturn 0;\n}\n' "$i"
			if [ $(((i + $1) % 3)) = 0 ]; then
				printf 'int g%d(int b)\n{\n\tswitch (b) {\n\tcase 2: return 2;\n\t}\n\treturn 0;\n}\n' "$i"
			fi
			printf 'struct s%d { int v[%d]; };\n' "$i" "$((i + $1))"
		} > "src/f$i.c"
	done
}
check() { "$ASEPSIS" check src --no-progress --quiet -j 2 "$@"; }
sql() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }
# Rows of runs 1..$1 that no later run may change.
snapshot() {
	sqlite3 -cmd ".timeout 5000" "$DB" "SELECT * FROM runs WHERE id <= $1 ORDER BY id;
		SELECT * FROM files WHERE run_id <= $1 ORDER BY run_id, uri;
		SELECT * FROM run_rules WHERE run_id <= $1 ORDER BY run_id, rule_id;
		SELECT * FROM occurrences WHERE run_id <= $1 ORDER BY run_id, finding_id;
		SELECT seq, hash FROM audit_log WHERE seq <= (SELECT audit_seq FROM runs WHERE id = $1) ORDER BY seq;
		SELECT id, fingerprint, first_run FROM findings WHERE first_run <= $1 ORDER BY id;"
}

gen 0
start=$(date +%s%N)
expect_status 1 check --fail-on note
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
[ "$(sql "SELECT count(*) FROM runs")" = 1 ] || fail "first run not stored"
echo "one run takes ${elapsed_ms} ms"

# ---- SIGKILL at random moments ---------------------------------------------
kills=0
for round in 1 2 3 4 5 6 7 8 9 10; do
	gen "$round"
	runs=$(sql "SELECT count(*) FROM runs")
	snapshot "$runs" > "$WORK/before"
	# anywhere from the start to a little past the usual end, so some kills
	# land in the store's transaction and some after the commit
	delay_ms=$((RANDOM % (elapsed_ms * 11 / 10 + 1)))
	# the binary itself in the background, so the kill reaches it
	"$ASEPSIS" check src --no-progress --quiet -j 2 --fail-on none >/dev/null 2>&1 &
	pid=$!
	sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
	kill -KILL "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	ic=$(sql "PRAGMA integrity_check")
	[ "$ic" = ok ] || fail "round $round (kill after $delay_ms ms): integrity_check says $ic"
	snapshot "$runs" > "$WORK/after"
	cmp -s "$WORK/before" "$WORK/after" || fail "round $round (kill after $delay_ms ms): earlier runs changed"
	now=$(sql "SELECT count(*) FROM runs")
	case $now in
	"$runs"|"$((runs + 1))") ;;
	*) fail "round $round: $now runs after starting with $runs" ;;
	esac
	# a run that made it is whole: one occurrence per finding it counted
	if [ "$now" != "$runs" ]; then
		[ "$(sql "SELECT findings_total FROM runs WHERE id = $now")" = \
		  "$(sql "SELECT count(*) FROM occurrences WHERE run_id = $now")" ] || fail "round $round: partial run $now"
	fi
done
echo "$kills of 10 runs killed"
[ "$kills" -gt 0 ] || fail "no run was killed: the project is too small to test this"
expect_status 0 "$ASEPSIS" audit verify
# and the store goes on working
expect_status 1 check --fail-on note
expect_status 0 "$ASEPSIS" audit verify

# ---- SIGINT -----------------------------------------------------------------
gen 50
runs=$(sql "SELECT count(*) FROM runs")
snapshot "$runs" > "$WORK/before"
# A loaded machine may finish the run before the signal lands; that attempt
# says nothing, so it is repeated with an earlier signal (it stored a run,
# which becomes the new "before").
delay_ms=$((elapsed_ms / 3))
for attempt in 1 2 3 4; do
	"$ASEPSIS" check src --no-progress -j 1 >"$WORK/out" 2>"$WORK/err" &
	pid=$!
	sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
	kill -INT "$pid"
	wait "$pid"
	status=$?
	case $status in
	0|1)
		runs=$(sql "SELECT count(*) FROM runs")
		snapshot "$runs" > "$WORK/before"
		delay_ms=$((delay_ms / 3))
		continue ;;
	esac
	break
done
[ "$status" = 130 ] || fail "SIGINT: exit $status, wanted 130"
expect_grep "interrupted: the analysis was stopped and nothing was stored" "$WORK/err" "SIGINT message"
[ "$(sql "SELECT count(*) FROM runs")" = "$runs" ] || fail "SIGINT: a run was stored"
[ "$(sql "PRAGMA integrity_check")" = ok ] || fail "SIGINT: integrity_check"
snapshot "$runs" > "$WORK/after"
cmp -s "$WORK/before" "$WORK/after" || fail "SIGINT: earlier runs changed"
finish

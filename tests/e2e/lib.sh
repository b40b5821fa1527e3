# Helpers for the end-to-end tests (sourced). Each test gets:
#   $ASEPSIS  the binary   $SRC  the source tree   $WORK  an empty scratch folder
set -u
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect_status WANT CMD...: runs CMD with stdout/stderr to $WORK/out, $WORK/err
expect_status() {
	want=$1
	shift
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "exit $got, wanted $want: $*"
		sed 's/^/  out: /' "$WORK/out" | head -20
		sed 's/^/  err: /' "$WORK/err" | head -20
	fi
}

# expect_grep PATTERN FILE WHAT
expect_grep() {
	if ! grep -q -- "$1" "$2"; then
		fail "$3: no '$1' in $(basename "$2")"
		sed 's/^/  | /' "$2" | head -20
	fi
}

expect_no_grep() {
	if grep -q -- "$1" "$2"; then
		fail "$3: unexpected '$1' in $(basename "$2")"
	fi
}

finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures check(s) failed"
		exit 1
	fi
	echo "all checks passed"
	exit 0
}

# json_schema_check SCHEMA FILE: validates FILE against a JSON schema with
# ajv-cli, installed from the npm registry by name and version on first use
# into the build folder (shared by the tests, serialised by a lock).
json_schema_check() {
	tools=${BUILD:-$WORK}/npm-tools
	mkdir -p "$tools"
	(
		flock 9
		[ -x "$tools/node_modules/.bin/ajv" ] ||
			npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
				ajv-cli@5.0.0 ajv-formats@3.0.1 >"$tools/install.log" 2>&1
	) 9>"$tools/.lock"
	"$tools/node_modules/.bin/ajv" validate --spec=draft7 --strict=false -c ajv-formats \
		-s "$1" -d "$2"
}

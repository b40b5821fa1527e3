#!/bin/bash
# The outputs for CI systems on the demo, each checked by its client's rules:
# JUnit XML against the JUnit schema (xmllint), GitLab Code Quality JSON
# against GitLab's documented fields (ajv), SARIF on stdout (the SARIF
# validator), GitHub annotations and job summary, the problem matcher
# against the text output (node applies its regular expression), the upload
# limits, and the output-file rules (symbolic links, FIFOs, folders, modes).
. "$(dirname "$0")/lib.sh"
cp -r "$SRC/testdata/demo-device" "$WORK/demo"
cmake -S "$WORK/demo" -B "$WORK/build" >/dev/null || { fail "demo does not configure"; finish; }
cd "$WORK/demo" || exit 1
export GITHUB_WORKSPACE="$WORK/demo"
unset GITHUB_SERVER_URL GITHUB_REPOSITORY GITHUB_SHA GITHUB_STEP_SUMMARY CI_PROJECT_DIR

expect_status 1 "$ASEPSIS" check -p "$WORK/build" --no-db --no-progress --no-color \
	--json "$WORK/r.json" --gitlab "$WORK/gl.json" --junit "$WORK/junit.xml" \
	--github-summary "$WORK/summary.md" --github-annotations
cp "$WORK/out" "$WORK/text.txt"

# JUnit
if ! xmllint --noout --schema "$SRC/tests/schemas/junit.xsd" "$WORK/junit.xml" 2>"$WORK/xmllint"; then
	fail "JUnit XML does not validate"
	sed 's/^/  | /' "$WORK/xmllint" | head
fi
expect_grep '<testcase name="src/main.c" classname="MDS-BAN-001"' "$WORK/junit.xml" "JUnit case per rule and file"
expect_grep '<failure message="1 finding at or above error" type="MDS-BAN-001">' "$WORK/junit.xml" "JUnit failure"
# a warning is not a failure at --fail-on error: it is listed in system-out
expect_grep '<system-out>src/cmd_parser.c:' "$WORK/junit.xml" "JUnit lists findings below the gate"
# a schema that rejects a broken report, so the check above can fail
sed 's/<testsuite name="MDS-BAN-001"/<testsuite/' "$WORK/junit.xml" > "$WORK/broken.xml"
xmllint --noout --schema "$SRC/tests/schemas/junit.xsd" "$WORK/broken.xml" 2>/dev/null &&
	fail "the JUnit schema accepts a suite without a name"

# GitLab Code Quality
if ! json_schema_check "$SRC/tests/schemas/gitlab-code-quality.schema.json" "$WORK/gl.json" >"$WORK/ajv" 2>&1; then
	fail "GitLab report does not validate"
	sed 's/^/  | /' "$WORK/ajv" | head
fi
node -e '
const fs = require("fs");
const gl = JSON.parse(fs.readFileSync(process.argv[1]));
const r = JSON.parse(fs.readFileSync(process.argv[2]));
const open = r.findings.filter(f => !f.suppression);
const fail = m => { console.log(m); process.exit(1); };
if (gl.length !== open.length) fail(`GitLab issues ${gl.length}, findings ${open.length}`);
if (new Set(gl.map(i => i.fingerprint)).size !== gl.length) fail("fingerprints are not unique");
const sev = { error: ["critical", "blocker"], warning: ["major", "minor"], note: ["info"] };
gl.forEach((i, k) => {
  const f = open[k];
  if (i.check_name !== f.rule || i.location.path !== f.file || i.location.lines.begin !== f.line)
    fail(`issue ${k} does not match finding ${f.rule} ${f.file}:${f.line}`);
  if (!sev[f.level].includes(i.severity)) fail(`severity ${i.severity} for ${f.level}`);
});
if (r.summary.passed !== false || r.summary.blocking < 1) fail("JSON summary: gate not failed");
' "$WORK/gl.json" "$WORK/r.json" >"$WORK/node" 2>&1 || { fail "GitLab report and JSON disagree"; cat "$WORK/node"; }
echo '[{"description":"x","check_name":"y","fingerprint":"z","severity":"fatal","location":{"path":"a.c","lines":{"begin":1}}}]' > "$WORK/badgl.json"
json_schema_check "$SRC/tests/schemas/gitlab-code-quality.schema.json" "$WORK/badgl.json" >/dev/null 2>&1 &&
	fail "the GitLab schema accepts an unknown severity"

# GitHub annotations: relative to the workspace, at most 10 per level
expect_grep '^::error file=src/main.c,line=[0-9]*,col=[0-9]*,endLine=[0-9]*,endColumn=[0-9]*,title=MDS-BAN-001::gets() cannot limit' "$WORK/text.txt" "error annotation"
expect_grep '^::notice file=src/main.c' "$WORK/text.txt" "notice annotation for a note"
n=$(grep -c '^::error ' "$WORK/text.txt")
[ "$n" -eq 10 ] || fail "$n error annotations; GitHub shows 10 per step"
expect_grep 'more findings not annotated' "$WORK/text.txt" "the annotations left out are counted"

# job summary
expect_grep '^## asepsis: failed' "$WORK/summary.md" "summary verdict"
expect_grep '^| MDS-BAN-001 | Call to gets() | 1 | 0 | 0 |$' "$WORK/summary.md" "summary counts by rule"
expect_grep '^| error | 12 |$' "$WORK/summary.md" "summary counts by severity"
hash=$("$ASEPSIS" version | sed -n 's/^rule catalogue: .*sha256 \([0-9a-f]\{64\}\)$/\1/p')
[ -n "$hash" ] || fail "no rule-set hash in asepsis version"
expect_grep "$hash" "$WORK/summary.md" "summary names the rule-set hash"
# the summary is appended, as GitHub's step summary file expects
echo "earlier step" > "$WORK/appended.md"
GITHUB_SERVER_URL=https://github.example GITHUB_REPOSITORY=acme/pump GITHUB_SHA=abc123 \
	"$ASEPSIS" check -p "$WORK/build" --no-db --no-progress --fail-on none --quiet \
	--format github >/dev/null 2>&1
GITHUB_STEP_SUMMARY="$WORK/appended.md" GITHUB_SERVER_URL=https://github.example \
	GITHUB_REPOSITORY=acme/pump GITHUB_SHA=abc123 \
	"$ASEPSIS" check -p "$WORK/build" --no-db --no-progress --fail-on none --quiet \
	--format github >"$WORK/fmt.txt" 2>&1
expect_grep '^earlier step$' "$WORK/appended.md" "the summary appends"
expect_grep '(https://github.example/acme/pump/blob/abc123/src/main.c#L' "$WORK/appended.md" "links to the lines"
expect_grep '^::error file=' "$WORK/fmt.txt" "--format github annotates"

# the problem matcher reads the text output: every error and warning line,
# with its file, line, column, severity and rule; no path note
node -e '
const fs = require("fs");
const m = JSON.parse(fs.readFileSync(process.argv[1])).problemMatcher[0].pattern[0];
const re = new RegExp(m.regexp);
const r = JSON.parse(fs.readFileSync(process.argv[3]));
let hits = 0;
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
  const g = re.exec(line);
  if (!g) continue;
  hits++;
  const f = r.findings.find(x => x.file === g[m.file] && x.line === +g[m.line] &&
    x.column === +g[m.column] && x.rule === g[m.code] && x.level === g[m.severity]);
  if (!f) { console.log("matched, but no such finding: " + line); process.exit(1); }
  if (!g[m.message].startsWith(f.message.slice(0, 20))) { console.log("message: " + line); process.exit(1); }
}
const want = r.findings.filter(x => x.level !== "note" && !x.suppression).length;
if (hits !== want) { console.log(`matched ${hits} lines, want ${want}`); process.exit(1); }
' "$SRC/integrations/github-action/asepsis-matcher.json" "$WORK/text.txt" "$WORK/r.json" \
	>"$WORK/node" 2>&1 || { fail "problem matcher"; cat "$WORK/node"; }

# SARIF on stdout; the diagnostics move to stderr
"$ASEPSIS" check -p "$WORK/build" --no-db --no-progress --fail-on none --sarif - \
	>"$WORK/stdout.sarif" 2>"$WORK/stderr.txt" || fail "--sarif - failed"
expect_grep 'MDS-BAN-001' "$WORK/stderr.txt" "diagnostics on stderr with --sarif -"
"$SHARED/tools/sarif-validate" "$WORK/stdout.sarif" >"$WORK/v" 2>&1 || { fail "SARIF on stdout does not validate"; tail "$WORK/v"; }
expect_status 2 "$ASEPSIS" check -p "$WORK/build" --no-db --sarif - --json -
expect_grep 'only one output' "$WORK/err" "two outputs on stdout"

# upload limits: highest severity first, a notification, a warning
"$ASEPSIS" check -p "$WORK/build" --no-db --no-progress --fail-on none --quiet \
	--sarif "$WORK/capped.sarif" --sarif-max-results 5 >/dev/null 2>"$WORK/cap.err"
expect_grep 'keeps 5 of 31 results' "$WORK/cap.err" "warning about results left out"
node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1])).runs[0];
const lv = s.results.map(r => r.level);
if (s.results.length !== 5 || lv.some(l => l !== "error")) { console.log(lv); process.exit(1); }
const n = s.invocations[0].toolExecutionNotifications.filter(x => x.descriptor.id === "results-truncated");
if (n.length !== 1 || !/^26 of 31 results/.test(n[0].message.text)) process.exit(1);
' "$WORK/capped.sarif" || fail "capped SARIF"
"$SHARED/tools/sarif-validate" "$WORK/capped.sarif" >"$WORK/v" 2>&1 || { fail "capped SARIF does not validate"; tail "$WORK/v"; }

# output files: never through a symbolic link, into a FIFO or over a folder
echo keep > "$WORK/victim"
ln -s "$WORK/victim" "$WORK/link.sarif"
expect_status 2 "$ASEPSIS" check -p "$WORK/build" --no-db --fail-on none --sarif "$WORK/link.sarif"
expect_grep 'symbolic link' "$WORK/err" "symlink target refused"
[ "$(cat "$WORK/victim")" = keep ] || fail "the symlink's target was overwritten"
mkfifo "$WORK/fifo.json"
expect_status 2 timeout 60 "$ASEPSIS" check -p "$WORK/build" --no-db --fail-on none --json "$WORK/fifo.json"
expect_grep 'FIFO' "$WORK/err" "FIFO target refused"
mkdir "$WORK/dir.xml"
expect_status 2 "$ASEPSIS" check -p "$WORK/build" --no-db --fail-on none --junit "$WORK/dir.xml"
mkdir "$WORK/ro" && chmod 555 "$WORK/ro"
if [ "$(id -u)" -ne 0 ]; then
	expect_status 3 "$ASEPSIS" check -p "$WORK/build" --no-db --fail-on none --gitlab "$WORK/ro/gl.json"
fi
(umask 000 && "$ASEPSIS" check -p "$WORK/build" --no-db --fail-on none --quiet --sarif "$WORK/open.sarif" >/dev/null 2>&1)
mode=$(stat -c %a "$WORK/open.sarif")
[ $((0$mode & 2)) -eq 0 ] || fail "umask 000 made the SARIF file world-writable ($mode)"
ls -a "$WORK" | grep -q '\.tmp$' && fail "a temporary file was left behind"
finish

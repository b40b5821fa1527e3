#!/bin/bash
# The GitHub integration: every workflow and action file passes gha-lint
# (actionlint and the SchemaStore schemas); the action's shell steps run
# locally with the variables GitHub sets (GITHUB_WORKSPACE, GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY) in analysis, shard and merge modes; inputs never
# reach a shell as code; the gate fails the job as documented.
. "$(dirname "$0")/lib.sh"
A="$SRC/integrations/github-action"

files=("$SRC"/.github/workflows/*.yml "$A/action.yml" "$A"/examples/*.yml)
if ! "$SHARED/tools/gha-lint" "${files[@]}" >"$WORK/lint" 2>&1; then
	fail "gha-lint"
	sed 's/^/  | /' "$WORK/lint" | head -30
fi
# the linter can fail: a workflow with an unknown key and a bad expression
mkdir -p "$WORK/wf/.github/workflows"
printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo ${{ github.nope( }}\n' \
	> "$WORK/wf/.github/workflows/bad.yml"
"$SHARED/tools/gha-lint" "$WORK/wf/.github/workflows/bad.yml" >/dev/null 2>&1 &&
	fail "gha-lint accepts a broken workflow"
# the action's steps reference the scripts that exist
for s in install-deps.sh build.sh run.sh gate.sh; do
	grep -q "\$GITHUB_ACTION_PATH/$s" "$A/action.yml" || fail "action.yml does not run $s"
	[ -f "$A/$s" ] || fail "$s is missing"
	bash -n "$A/$s" || fail "$s does not parse"
done
ASEPSIS_DRY_RUN=1 LLVM=18 bash "$A/install-deps.sh" >"$WORK/deps" || fail "install-deps dry run"
expect_grep "libclang-18-dev" "$WORK/deps" "packages by name"
LLVM=12 bash "$A/install-deps.sh" >/dev/null 2>&1 && fail "an LLVM below 17 is accepted"

cp -r "$SRC/testdata/demo-device" "$WORK/demo"
cmake -S "$WORK/demo" -B "$WORK/demo/build" >/dev/null || { fail "demo does not configure"; finish; }
gh_env() { # a clean GitHub-like environment for one step
	env -i PATH="$PATH" HOME="$WORK" ASEPSIS="$ASEPSIS" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		GITHUB_ACTIONS=true GITHUB_WORKSPACE="$WORK/demo" GITHUB_OUTPUT="$WORK/gh_output" \
		GITHUB_STEP_SUMMARY="$WORK/gh_summary.md" GITHUB_SERVER_URL=https://github.com \
		GITHUB_REPOSITORY=acme/pump GITHUB_SHA=0123456789abcdef "$@"
}

# analysis mode
: >"$WORK/gh_output"; : >"$WORK/gh_summary.md"
gh_env INPUT_COMPILE_DATABASE=build INPUT_SARIF=asepsis.sarif INPUT_SUMMARY=true \
	INPUT_FAIL_ON=error bash "$A/run.sh" >"$WORK/run.out" 2>"$WORK/run.err" || fail "run.sh failed the step"
expect_grep '^status=1$' "$WORK/gh_output" "status output"
expect_grep '^sarif=asepsis.sarif$' "$WORK/gh_output" "sarif output"
expect_grep '^findings=31$' "$WORK/gh_output" "findings output"
expect_grep '^category=asepsis/full/$' "$WORK/gh_output" "category output"
expect_grep '^## asepsis: failed' "$WORK/gh_summary.md" "job summary"
expect_grep 'https://github.com/acme/pump/blob/0123456789abcdef/src/main.c#L' "$WORK/gh_summary.md" "links to lines"
expect_grep '^::error file=src/main.c,' "$WORK/run.out" "annotations"
"$SHARED/tools/sarif-validate" "$WORK/demo/asepsis.sarif" >"$WORK/v" 2>&1 || { fail "the action's SARIF"; tail "$WORK/v"; }

# the gate
STATUS=1 bash "$A/gate.sh" >"$WORK/gate" 2>&1 && fail "the gate passed status 1"
expect_grep '^::error title=asepsis::' "$WORK/gate" "the gate says why"
STATUS=0 bash "$A/gate.sh" >/dev/null 2>&1 || fail "the gate failed status 0"
STATUS=2 bash "$A/gate.sh" >/dev/null 2>&1 && fail "the gate passed a usage error"
STATUS= bash "$A/gate.sh" >/dev/null 2>&1 && fail "the gate passed when asepsis did not run"

# shard and merge modes, as the example workflow runs them
for i in 1 2; do
	: >"$WORK/gh_output"
	gh_env INPUT_COMPILE_DATABASE=build INPUT_SHARD=$i/2 INPUT_SARIF=shard-$i.sarif \
		INPUT_SUMMARY=false INPUT_FAIL_ON=none bash "$A/run.sh" >/dev/null 2>&1
	expect_grep '^status=0$' "$WORK/gh_output" "shard $i status"
done
: >"$WORK/gh_output"
gh_env INPUT_MERGE_FILES='shard-*.sarif' INPUT_SARIF=merged.sarif bash "$A/run.sh" >/dev/null 2>&1
expect_grep '^status=1$' "$WORK/gh_output" "the merged results fail the gate at error"
expect_grep '^findings=31$' "$WORK/gh_output" "the merged file has every finding"
strip_times() { sed -E 's/"(startTimeUtc|endTimeUtc)": "[^"]*"/"\1": ""/; /"commandLine"/d' "$1"; }
cmp -s <(strip_times "$WORK/demo/merged.sarif") <(strip_times "$WORK/demo/asepsis.sarif") ||
	fail "merged shards differ from the single run"

# inputs are data, never shell code
: >"$WORK/gh_output"
gh_env INPUT_PATHS='$(touch pwned) `touch pwned2`' INPUT_ARGS='--disable ;touch${IFS}pwned3' \
	INPUT_SARIF=x.sarif bash "$A/run.sh" >/dev/null 2>&1
ls "$WORK/demo" | grep -q pwned && fail "an input was run as a command"
expect_grep '^status=2$' "$WORK/gh_output" "a path that does not exist is a usage error"
finish

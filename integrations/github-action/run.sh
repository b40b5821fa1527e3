#!/usr/bin/env bash
# The action's analysis step: turns the INPUT_* variables into an argument
# vector for asepsis (never a string for a shell to parse), runs it, and
# records sarif, status, findings and category in $GITHUB_OUTPUT. It never
# fails the step itself: the gate step does, after the SARIF is uploaded.
set -uo pipefail
asepsis=${ASEPSIS:-asepsis}
out=${GITHUB_OUTPUT:-/dev/null}
sarif=${INPUT_SARIF:-asepsis.sarif}
category=${INPUT_CATEGORY:-}
cd "${GITHUB_WORKSPACE:-.}" || exit 1

split() { # splits words on whitespace into the array named $1, without globbing
  local -n into=$1
  local IFS=$' \t\n'
  set -f
  # shellcheck disable=SC2206
  into=($2)
  set +f
}

args=()
if [ -n "${INPUT_MERGE_FILES:-}" ]; then
  files=()
  for pattern in ${INPUT_MERGE_FILES}; do     # globs are wanted here
    for f in $pattern; do [ -f "$f" ] && files+=("$f"); done
  done
  if [ ${#files[@]} -eq 0 ]; then
    echo "asepsis: merge-files matched no file: ${INPUT_MERGE_FILES}" >&2
    echo "status=2" >> "$out"
    exit 0
  fi
  margs=(merge "${files[@]}" -o "$sarif")
  [ -n "${INPUT_FAIL_ON:-}" ] && margs+=(--fail-on "$INPUT_FAIL_ON")
  [ -z "${INPUT_FAIL_ON:-}" ] && margs+=(--fail-on error)
  "$asepsis" "${margs[@]}"
  status=$?
  [ -z "$category" ] && category=$(sed -n 's/.*"id": "\(asepsis\/[^"]*\)".*/\1/p' "$sarif" 2>/dev/null | head -1)
else
  args=(check --no-progress --sarif "$sarif")
  [ -n "${INPUT_COMPILE_DATABASE:-}" ] && args+=(-p "$INPUT_COMPILE_DATABASE")
  [ -n "${INPUT_PROFILE:-}" ] && args+=(--profile "$INPUT_PROFILE")
  [ -n "${INPUT_ENGINE:-}" ] && args+=(--engine "$INPUT_ENGINE")
  [ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
  [ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
  [ "${INPUT_NEW_ONLY:-false}" = true ] && args+=(--new-only)
  [ -n "${INPUT_DIFF_BASE:-}" ] && args+=(--diff "$INPUT_DIFF_BASE")
  [ -n "${INPUT_SHARD:-}" ] && args+=(--shard "$INPUT_SHARD")
  if [ -z "$category" ]; then
    category=asepsis/full/
    [ -n "${INPUT_DIFF_BASE:-}" ] && category=asepsis/diff/
  fi
  args+=(--category "$category")
  if [ "${INPUT_SUMMARY:-true}" = true ]; then
    args+=(--github-annotations)
    [ -n "${GITHUB_STEP_SUMMARY:-}" ] && args+=(--github-summary "$GITHUB_STEP_SUMMARY")
  fi
  extra=()
  split extra "${INPUT_ARGS:-}"
  args+=("${extra[@]}")
  paths=()
  split paths "${INPUT_PATHS:-}"
  [ ${#paths[@]} -gt 0 ] && args+=(--)
  args+=("${paths[@]}")
  "$asepsis" "${args[@]}"
  status=$?
fi
findings=0
if [ -f "$sarif" ]; then
  findings=$(grep -c '"ruleId":' "$sarif" || true)
  echo "sarif=$sarif" >> "$out"
fi
{
  echo "status=$status"
  echo "findings=$findings"
  echo "category=$category"
} >> "$out"
exit 0

#!/bin/bash
# The pre-commit framework (Debian's pre-commit) with the repository's
# .pre-commit-hooks.yaml, in a temporary project: a commit that adds a
# defect is blocked with the diagnostic shown; a clean commit, a commit whose
# only finding carries a justified asepsis-ignore, and a commit that touches
# a file with old findings on untouched lines all pass. Both hooks.
. "$(dirname "$0")/lib.sh"
if ! command -v pre-commit >/dev/null; then
	fail "pre-commit is not installed (scripts/setup-deps.sh installs it)"
	finish
fi
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK/home" PRE_COMMIT_HOME="$WORK/pre-commit-cache"
export PATH="$(dirname "$ASEPSIS"):$PATH"
unset PRE_COMMIT_ALLOW_NO_CONFIG
mkdir -p "$HOME"
git config --global init.defaultBranch main

# the hooks repository: this project's hook definitions, as a user's
# .pre-commit-config.yaml would fetch them at a revision
H="$WORK/hooks"
mkdir -p "$H" && cp "$SRC/.pre-commit-hooks.yaml" "$H/"
(cd "$H" && git init -q . && git add -A && git commit -qm hooks) || { fail "hooks repo"; finish; }
rev=$(git -C "$H" rev-parse HEAD)

P="$WORK/project"
cp -r "$SRC/testdata/demo-device" "$P"
cd "$P" || exit 1
echo "build/" > .gitignore
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $H
    rev: $rev
    hooks:
      - id: asepsis
        args: [-p, build]
YAML
git init -q . && git add -A && git commit -qm "demo with its known findings" --no-verify
cmake -S . -B build >/dev/null || { fail "demo does not configure"; finish; }
pre-commit install >/dev/null || { fail "pre-commit install"; finish; }

commit() { git commit -qm "$1" >"$WORK/out" 2>&1; }

# 1. a defect on an added line: blocked, with the diagnostic
cat >> src/main.c <<'C'
void read_service_pin(void)
{
    char pin[8];
    gets(pin);
}
C
git add src/main.c
if commit "read the PIN"; then
	fail "a commit adding gets() passed the hook"
else
	expect_grep "gets() cannot limit how much it reads" "$WORK/out" "the diagnostic is shown"
	expect_grep "\[MDS-BAN-001\]" "$WORK/out" "the rule is shown"
	expect_grep "asepsis (semantic rules, changed lines)" "$WORK/out" "the hook ran"
fi
[ "$(git rev-list --count HEAD)" -eq 1 ] || fail "the blocked commit was recorded"

# 2. the clean version passes
sed -i 's/    gets(pin);/    if (fgets(pin, sizeof pin, stdin) == NULL) return;/' src/main.c
git add src/main.c
commit "read the PIN safely" || { fail "a clean commit was blocked"; sed 's/^/  | /' "$WORK/out"; }

# 3. the only finding is suppressed with a reason
cat >> src/main.c <<'C'
void jig_console(char *line)
{
    gets(line); // asepsis-ignore(MDS-BAN-001): factory test jig only, never on a shipped unit
}
C
git add src/main.c
commit "jig console" || { fail "a justified suppression was blocked"; sed 's/^/  | /' "$WORK/out"; }

# 4. old findings on untouched lines of a touched file do not block
sed -i '1i /* IP-200 main loop */' src/cmd_parser.c
git add src/cmd_parser.c
commit "comment" || { fail "old findings on untouched lines blocked a commit"; sed 's/^/  | /' "$WORK/out"; }

# 5. the pattern hook, no build needed
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $H
    rev: $rev
    hooks:
      - id: asepsis-pattern
YAML
git add .pre-commit-config.yaml
commit "pattern hook" || { fail "switching hooks was blocked"; sed 's/^/  | /' "$WORK/out"; }
printf 'void rd(char *b) { system(b); }\n' >> src/hal_stub.c
git add src/hal_stub.c
if commit "shell out"; then
	fail "the pattern hook let system() with a built command through"
else
	expect_grep "\[MDS-INJ-001\]" "$WORK/out" "the pattern hook's diagnostic"
	expect_grep "asepsis (pattern rules, no build needed)" "$WORK/out" "the pattern hook ran"
fi
finish

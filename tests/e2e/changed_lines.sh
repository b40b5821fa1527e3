#!/bin/bash
# --staged and --diff: only findings on added or changed lines, the staged
# content of a partly staged file, TUs that include a changed header, the
# store's triage without writing to it, and the bad inputs of the issue:
# outside a repository, a path outside it, a missing revision, renames,
# deleted and binary files, a detached HEAD, an unborn branch.
. "$(dirname "$0")/lib.sh"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK/home"
mkdir -p "$HOME"
git config --global init.defaultBranch main
R="$WORK/repo"
cp -r "$SRC/testdata/demo-device" "$R"
cd "$R" || exit 1
echo "build/" > .gitignore
git init -q . && git add -A && git commit -qm demo
cmake -S . -B build >/dev/null || { fail "demo does not configure"; finish; }
check() { "$ASEPSIS" check --no-progress --no-color --no-db "$@"; }

expect_status 0 check --staged
expect_grep "0 changed files" "$WORK/out" "nothing staged"

# a defect added and staged blocks; the old defects of the file do not show
cat >> src/main.c <<'C'
void read_service_pin(void)
{
    char pin[8];
    gets(pin);
}
C
git add src/main.c
expect_status 1 check --staged
expect_grep "^src/main.c:$(grep -n 'gets(pin)' src/main.c | cut -d: -f1):5: error: .*\[MDS-BAN-001\]" "$WORK/out" "the new gets() is reported"
[ "$(grep -c 'MDS-' "$WORK/out")" -eq 1 ] || fail "only the changed line is reported: $(grep -c 'MDS-' "$WORK/out") findings"
expect_grep "using the compile database $R/build/compile_commands.json" "$WORK/err" "the compile database found is named"

# partly staged: the index has the defect, the work tree does not
sed -i 's/    gets(pin);/    if (fgets(pin, sizeof pin, stdin) == NULL) return;/' src/main.c
expect_status 1 check --staged
expect_grep "MDS-BAN-001" "$WORK/out" "the staged content is analysed, not the work tree"
expect_grep "^src/main.c:" "$WORK/out" "findings carry the real file name"
ls -a src | grep -q asepsis-staged && fail "the staged copy was left behind"
expect_status 0 check --diff HEAD
# and the other way round
git add src/main.c
echo 'void later(char *b) { gets(b); }' >> src/main.c
expect_status 0 check --staged
git checkout -q src/main.c

# a justified suppression on the changed line passes
git reset -q --hard
sed -i 's/^    while (gets(line) != NULL) {.*/    while (gets(line) != NULL) { \/\/ asepsis-ignore(MDS-BAN-001): console is the factory jig only/' src/main.c
git add src/main.c
expect_status 0 check --staged
git reset -q --hard

# an untouched finding in a touched file does not block
sed -i '1i /* revision note */' src/main.c
git add src/main.c
expect_status 0 check --staged
expect_no_grep "MDS-" "$WORK/out" "untouched lines"
git reset -q --hard

# a changed header brings back the TUs that include it
cat >> include/pump.h <<'C'
static inline void pump_copy_id(char *dst, const char *src) { extern char *strcpy(char *, const char *); strcpy(dst, src); }
C
git add include/pump.h
expect_status 1 check --staged --fail-on warning
expect_grep "^include/pump.h:.*\[MDS-BAN-002\]" "$WORK/out" "finding in the changed header"
[ "$(grep -c '\[MDS-BAN-002\]' "$WORK/out")" -eq 1 ] || fail "the header's finding is reported once"
tus=$(grep -l '#include "pump.h"' src/*.c | wc -l)
expect_grep "1 changed file, $tus translation units analysed" "$WORK/out" "every TU that includes the header"
git reset -q --hard

# triage in the store counts, and the store is only read
"$ASEPSIS" check --no-progress --db "$WORK/store.db" --fail-on none >"$WORK/full.txt" 2>&1
id=$(sed -n 's/^src\/main.c:[0-9]*:[0-9]*: error: .*\[MDS-BAN-001\] \(ASF-[0-9]*\)$/\1/p' "$WORK/full.txt")
[ -n "$id" ] || fail "no traceability ID for the gets() finding"
"$ASEPSIS" triage "$id" --db "$WORK/store.db" --state accepted-risk --justification "factory jig only" --author t >/dev/null
sed -i 's/^    while (gets(line) != NULL) {\(.*\)$/    while (gets(line) != NULL) {\1 \/* reviewed *\//' src/main.c
git add src/main.c
runs_before=$("$ASEPSIS" runs --db "$WORK/store.db" --format csv | wc -l)
sum_before=$(sha256sum "$WORK/store.db")
expect_status 0 "$ASEPSIS" check --staged --no-progress --db "$WORK/store.db"
expect_grep "\[MDS-BAN-001\] $id (accepted-risk)" "$WORK/out" "the stored triage is shown"
[ "$("$ASEPSIS" runs --db "$WORK/store.db" --format csv | wc -l)" -eq "$runs_before" ] || fail "--staged recorded a run"
[ "$(sha256sum "$WORK/store.db")" = "$sum_before" ] || fail "--staged changed the store"
git reset -q --hard

# renames, deletions and binary files
git mv src/hal_stub.c src/hal.c
git rm -q src/telemetry.c
head -c 300 /dev/urandom > firmware.bin
printf '\0\1\2' >> firmware.bin
git add firmware.bin
expect_status 0 check --staged --engine pattern
expect_no_grep "MDS-" "$WORK/out" "a pure rename adds no line"
echo 'void rd(char *b) { gets(b); }' >> src/hal.c
git add src/hal.c
expect_status 1 check --staged --engine pattern
expect_grep "^src/hal.c:.*\[MDS-BAN-001\]" "$WORK/out" "a renamed file is reported under its new name"
expect_grep "binary file" "$WORK/err" "binary files are named as not analysed"
git commit -qm "rename, delete, binary"

# detached HEAD
git checkout -q --detach
echo 'void rd2(char *b) { gets(b); }' >> src/hal.c
git add src/hal.c
expect_status 1 check --staged --engine pattern
git reset -q --hard

# --diff against a revision: the merge base, work tree included
git checkout -q -b feature main
echo 'void rd3(char *b) { gets(b); }' >> src/main.c
git commit -qam feature
expect_status 1 check --diff main --engine pattern
expect_grep "rd3" "$WORK/out" "the branch's change is reported"
expect_no_grep "rd(char" "$WORK/out" "what main already had is not"
expect_status 2 check --diff no-such-branch
expect_grep "no-such-branch" "$WORK/err" "a missing revision is named"
expect_status 2 check --diff --staged
expect_status 2 check --staged --diff main

# a path outside the repository
expect_status 2 check --staged "$WORK"
expect_grep "outside the git repository" "$WORK/err" "a path outside the repository"

# an unborn branch
mkdir "$WORK/fresh" && cd "$WORK/fresh" && git init -q .
printf 'char *gets(char *);\nvoid f(char *b) { gets(b); }\n' > a.c
git add a.c
expect_status 1 check --staged --engine pattern
expect_grep "^a.c:2:.*MDS-BAN-001" "$WORK/out" "an unborn branch: everything staged is new"

# outside any repository
mkdir "$WORK/plain" && cd "$WORK/plain" && cp "$WORK/fresh/a.c" .
GIT_CEILING_DIRECTORIES="$WORK" expect_status 2 check --staged
expect_grep "needs a git repository" "$WORK/err" "outside a repository"
GIT_CEILING_DIRECTORIES="$WORK" expect_status 2 check --diff main
finish

#!/bin/bash
# .asepsis.yml: every key applied, the command line over it, bad files refused.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
mkdir -p proj/src proj/vendor proj/rules
cp "$SRC/testdata/badinput/latin1.c" proj/src/a.c
cp "$SRC/testdata/badinput/latin1.c" proj/vendor/b.c
cd proj || exit 1

# no configuration: both files, a note, default gate error
expect_status 0 "$ASEPSIS" check --no-db src vendor
expect_grep "src/a.c:2:16: note" "$WORK/out" "no config"
expect_grep "vendor/b.c:2:16: note" "$WORK/out" "no config"

cat > .asepsis.yml <<'YML'
profile: class-c
fail_on: warning
exclude: ["vendor/*"]
severity:
  MDS-CTL-001: error
YML
expect_status 1 "$ASEPSIS" check --no-db src vendor
expect_grep "src/a.c:2:16: error: .*\[MDS-CTL-001\]" "$WORK/out" "severity override"
expect_no_grep "vendor/b.c" "$WORK/out" "exclude glob"
# the command line wins
expect_status 0 "$ASEPSIS" check --no-db --fail-on none src
expect_status 0 "$ASEPSIS" check --no-db --disable MDS-CTL-001 src
expect_no_grep "MDS-CTL-001" "$WORK/out" "--disable over config"

cat > .asepsis.yml <<'YML'
disable: [MDS-CTL-001]
YML
expect_status 0 "$ASEPSIS" check --no-db --fail-on note src
expect_no_grep "MDS-CTL-001" "$WORK/out" "disable in config"

# errors name the file, the line and the key
printf 'profile: all\nfail_onn: error\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db src
expect_grep "\.asepsis\.yml:2: unknown key 'fail_onn'" "$WORK/err" "unknown key"
printf 'profile: all\nexclude: vendor\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db src
expect_grep "\.asepsis\.yml:2: 'exclude' must be a list" "$WORK/err" "wrong type"
printf 'fail_on: fatal\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db src
expect_grep "\.asepsis\.yml:1: 'fail_on' must be" "$WORK/err" "bad value"
printf 'enable: [MDS-NOPE-001]\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db src
expect_grep "\.asepsis\.yml: 'MDS-NOPE-001'" "$WORK/err" "unknown rule in config"
printf 'profile: [unclosed\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db src
expect_grep "\.asepsis\.yml:.*invalid YAML" "$WORK/err" "invalid YAML"

# --config names another file; a missing one is an error
rm .asepsis.yml
printf 'fail_on: note\n' > other.yml
expect_status 1 "$ASEPSIS" check --no-db --config other.yml src
expect_status 2 "$ASEPSIS" check --no-db --config missing.yml src
expect_grep "missing.yml" "$WORK/err" "missing --config named"
finish

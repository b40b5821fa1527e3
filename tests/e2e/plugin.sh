#!/bin/bash
# Checker plugins: loaded when the user names them or allows the project's
# own; a plugin named only by the analysed repository's .asepsis.yml is
# refused, because analysing a repository must never run its code.
. "$(dirname "$0")/lib.sh"
PLUGIN=$BUILD/tests/example_plugin.so
[ -f "$PLUGIN" ] || { fail "example plugin not built at $PLUGIN"; finish; }
mkdir -p "$WORK/home" "$WORK/proj"
export HOME=$WORK/home
unset XDG_CONFIG_HOME ASEPSIS_USER_CONFIG
cd "$WORK/proj" || exit 1
cp "$SRC/testdata/plugin/case/isr.c" .
cp -r "$SRC/testdata/plugin/rules" rules
ROOT=$(pwd -P)

# the repository names a plugin: refused by default, with the reason and the way out
printf 'rules_dirs: [rules]\nplugins: ["%s"]\n' "$PLUGIN" > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db isr.c
expect_grep "\.asepsis\.yml:2: not loading the checker plugins this project's configuration names" "$WORK/err" "project plugin refused"
expect_grep "allow-plugins" "$WORK/err" "message names --allow-plugins"
expect_no_grep "ACME-ISR-001" "$WORK/out" "no plugin finding when refused"

# allowed on the command line
expect_status 0 "$ASEPSIS" check --allow-plugins --no-db --sarif out.sarif isr.c
expect_grep "isr.c:9:2: warning: HAL_Delay() blocks inside interrupt handler 'USART1_IRQHandler' \[ACME-ISR-001\]" "$WORK/out" "plugin finding"
expect_no_grep "isr.c:15" "$WORK/out" "call outside the handler"
expect_grep '"ruleId": "ACME-ISR-001"' out.sarif "plugin rule in SARIF"

# allowed by the user's own configuration, for this project only
mkdir -p "$HOME/.config/asepsis"
printf 'trusted_projects: ["%s"]\n' "$ROOT" > "$HOME/.config/asepsis/config.yml"
chmod 600 "$HOME/.config/asepsis/config.yml"
expect_status 0 "$ASEPSIS" check --no-db isr.c
expect_grep "\[ACME-ISR-001\]" "$WORK/out" "trusted project loads its plugin"
printf 'trusted_projects: ["/elsewhere"]\n' > "$HOME/.config/asepsis/config.yml"
expect_status 2 "$ASEPSIS" check --no-db isr.c
expect_grep "not loading the checker plugins" "$WORK/err" "another trusted project does not count"

# a user configuration that others may write is refused: it can load code
printf 'plugins: ["%s"]\n' "$PLUGIN" > "$HOME/.config/asepsis/config.yml"
chmod 622 "$HOME/.config/asepsis/config.yml"
printf 'rules_dirs: [rules]\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db isr.c
expect_grep "config.yml: the user configuration must be a regular file owned by you" "$WORK/err" "writable user configuration refused"
# plugins of the user configuration are loaded for every project
chmod 600 "$HOME/.config/asepsis/config.yml"
expect_status 0 "$ASEPSIS" check --no-db isr.c
expect_grep "\[ACME-ISR-001\]" "$WORK/out" "user configuration plugin"
expect_status 0 "$ASEPSIS" check --no-db --plugin "$PLUGIN" isr.c
expect_grep "\[ACME-ISR-001\]" "$WORK/out" "the same plugin named twice is loaded once"
rm "$HOME/.config/asepsis/config.yml"

# a user configuration inside the analysed repository is not the user's
mkdir -p cfg
printf 'plugins: ["%s"]\n' "$PLUGIN" > cfg/user.yml
chmod 600 cfg/user.yml
ASEPSIS_USER_CONFIG=$ROOT/cfg/user.yml expect_status 2 "$ASEPSIS" check --no-db isr.c
expect_grep "user.yml: the user configuration lies inside the analysed project" "$WORK/err" "in-tree user configuration refused"

# --plugin names a plugin on the command line
expect_status 0 "$ASEPSIS" check --no-db --plugin "$PLUGIN" isr.c
expect_grep "\[ACME-ISR-001\]" "$WORK/out" "--plugin loads"

# a file that is not a plugin, and a missing one, are named
printf 'plugins: ["%s"]\n' "$SRC/README.md" > .asepsis.yml
expect_status 2 "$ASEPSIS" check --allow-plugins --no-db isr.c
expect_grep "README.md: cannot load checker plugin" "$WORK/err" "bad plugin named"
printf 'plugins: [nothere.so]\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --allow-plugins --no-db isr.c
expect_grep "nothere.so: cannot load checker plugin" "$WORK/err" "missing plugin named"
# a rule naming the plugin's checker without the plugin: named rule file and line
printf 'rules_dirs: [rules]\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db isr.c
expect_grep "ACME-ISR-001.yaml:7: rule ACME-ISR-001 names checker 'acme_hal_delay_in_isr', which is not registered" "$WORK/err" "unregistered checker"
finish

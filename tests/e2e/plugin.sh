#!/bin/bash
# A checker plugin loaded through .asepsis.yml reports under its own rule.
. "$(dirname "$0")/lib.sh"
PLUGIN=$BUILD/tests/example_plugin.so
[ -f "$PLUGIN" ] || { fail "example plugin not built at $PLUGIN"; finish; }
cd "$WORK" || exit 1
cp "$SRC/testdata/plugin/case/isr.c" .
cp -r "$SRC/testdata/plugin/rules" rules
printf 'plugins: ["%s"]\nrules_dirs: [rules]\n' "$PLUGIN" > .asepsis.yml
expect_status 0 "$ASEPSIS" check --no-db --sarif out.sarif isr.c
expect_grep "isr.c:9:2: warning: HAL_Delay() blocks inside interrupt handler 'USART1_IRQHandler' \[ACME-ISR-001\]" "$WORK/out" "plugin finding"
expect_no_grep "isr.c:15" "$WORK/out" "call outside the handler"
expect_grep '"ruleId": "ACME-ISR-001"' out.sarif "plugin rule in SARIF"

# a file that is not a plugin, and a missing one, are named
printf 'plugins: ["%s"]\n' "$SRC/README.md" > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db isr.c
expect_grep "README.md: cannot load checker plugin" "$WORK/err" "bad plugin named"
printf 'plugins: [nothere.so]\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db isr.c
expect_grep "nothere.so: cannot load checker plugin" "$WORK/err" "missing plugin named"
# a rule naming the plugin's checker without the plugin: named rule file and line
printf 'rules_dirs: [rules]\n' > .asepsis.yml
expect_status 2 "$ASEPSIS" check --no-db isr.c
expect_grep "ACME-ISR-001.yaml:7: rule ACME-ISR-001 names checker 'acme_hal_delay_in_isr', which is not registered" "$WORK/err" "unregistered checker"
finish

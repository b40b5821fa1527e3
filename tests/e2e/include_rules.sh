#!/bin/bash
# Each third-party library stays behind its named files (docs/internals/architecture.md).
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1

only_in() { # HEADER-REGEX ALLOWED-FILE-REGEX
	grep -rlE "#include <$1" checkers driver | grep -vE "$2" > "$WORK/stray" || true
	if [ -s "$WORK/stray" ]; then
		fail "<$1> included outside its module: $(tr '\n' ' ' < "$WORK/stray")"
	fi
}

only_in 'clang-c/' '^(checkers/core/(walk_clang|node_clang|kind_clang)\.c|checkers/core/clang_front\.h|checkers/flow/cfg\.c|driver/compdb\.c)$'
only_in 'sqlite3\.h' '^driver/store/'
only_in 'jansson\.h' '^(driver/out/|driver/compdb\.c$)'
only_in 'yaml\.h' '^driver/(ruleset|config|soup_sig)\.c$'
only_in 'openssl/' '^driver/(fingerprint|evidence|store/store_audit)\.c$'
only_in 'tree_sitter/' '^checkers/pattern/'
only_in 'pcre2\.h' '^checkers/pattern/'
only_in 'zlib\.h' '^driver/out/out_sarif\.c$'

# checkers include only the ABI (and, for flow checks, the dataflow API)
for f in checkers/check_*.c; do
	grep -E '^#include "' "$f" | grep -vE '"asepsis/checker.h"|"flow/dataflow.h"' && fail "$f includes more than the checker ABI"
done
# base/ uses libc only
grep -hE '^#include "' checkers/base/*.c checkers/base/*.h | grep -v '"base/' && fail "checkers/base includes project headers outside base/"
# checkers/ itself is the list of checkers: nothing else lives at its top
ls checkers | grep -vE '^(check_[a-z0-9_]+\.c|checker_list\.h|CMakeLists\.txt|README\.md|base|core|flow|pattern|include)$' > "$WORK/extra"
[ -s "$WORK/extra" ] && fail "checkers/ holds more than checkers: $(tr '\n' ' ' < "$WORK/extra")"
# driver/ reaches the analysis only through core/analyze.h and core/registry.h
grep -rhE '^#include "core/' driver | grep -vE '"core/(analyze|registry)\.h"' && fail "driver/ includes core headers beyond analyze.h and registry.h"
# nothing in checkers/ reaches into driver/
grep -rlE '#include "(cmd_|store|out|ruleset|compdb|discover|workq|fingerprint|run)' checkers && fail "checkers/ includes driver headers"
finish

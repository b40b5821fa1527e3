#!/bin/sh
# Set-up and first run: installs the dependencies, builds asepsis, builds the
# bundled demo firmware to get its compile database, and analyses it, printing
# diagnostics and writing SARIF and the findings database.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/setup-deps.sh"
"$top/scripts/build.sh" -DASEPSIS_WERROR=ON
demo=$top/testdata/demo-device
cmake -S "$demo" -B "$top/build/demo-build" >/dev/null
cd "$demo"
set +e
"$top/build/driver/asepsis" check -p "$top/build/demo-build" \
	--sarif "$top/build/demo.sarif" --db "$top/build/demo.db" --fail-on error
status=$?
set -e
echo
echo "SARIF:    $top/build/demo.sarif"
echo "database: $top/build/demo.db"
echo "exit status $status (1 = findings at or above --fail-on error, as the demo intends)"
[ "$status" -le 1 ]

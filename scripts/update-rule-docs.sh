#!/bin/sh
# Regenerates docs/rules/ from rules/ (run after editing a rule YAML; a test
# fails while the committed pages differ from the catalogue).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${ASEPSIS:-$top/build/driver/asepsis}
rm -f "$top"/docs/rules/*.md
mkdir -p "$top/docs/rules"
"$bin" rules export --format md --output-dir "$top/docs/rules"

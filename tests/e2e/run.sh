#!/bin/bash
# Runs one end-to-end script with its own scratch folder, removed afterwards.
WORK=$(mktemp -d /tmp/asepsis-e2e.XXXXXX) || exit 1
export WORK
trap 'rm -rf "$WORK"' EXIT
bash "$1"

#!/bin/sh
# Installs asepsis's build and test dependencies on Debian 12 / Ubuntu 24.04,
# by package name. Run as root (or through sudo). Safe to run again.
set -eu

LLVM=${ASEPSIS_LLVM_VERSION:-19}
PKGS="build-essential cmake pkg-config git ca-certificates
  libclang-$LLVM-dev clang-$LLVM
  libsqlite3-dev sqlite3 libjansson-dev libyaml-dev libssl-dev libpcre2-dev
  libarchive-dev libtree-sitter-dev libcmocka-dev zlib1g-dev
  pre-commit libxml2-utils
  nodejs npm util-linux coreutils"

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
fi

missing=
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
# npm ships inside nodejs on some distributions' Node builds
if command -v npm >/dev/null 2>&1; then
	missing=$(printf '%s\n' $missing | grep -vx npm || true)
fi
if command -v node >/dev/null 2>&1; then
	missing=$(printf '%s\n' $missing | grep -vx nodejs || true)
fi

if [ -n "$(echo $missing)" ]; then
	echo "asepsis setup: installing:" $missing
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
	echo "asepsis setup: all packages present"
fi

# the pattern engine's C grammar, pinned by version and checksum
"$(cd "$(dirname "$0")" && pwd)/fetch-grammar.sh"

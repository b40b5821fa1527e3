#!/usr/bin/env bash
# Installs what building asepsis needs on an Ubuntu or Debian runner, by
# package name. LLVM selects libclang (17 to 22). ASEPSIS_DRY_RUN=1 prints
# the command instead of running it.
set -euo pipefail
llvm=${LLVM:-18}
case $llvm in 1[7-9]|2[0-2]) ;; *) echo "asepsis: llvm-version '$llvm' is not 17 to 22" >&2; exit 2 ;; esac
pkgs=(build-essential cmake pkg-config git ca-certificates "libclang-$llvm-dev" "clang-$llvm"
      libsqlite3-dev libjansson-dev libyaml-dev libssl-dev libpcre2-dev libarchive-dev
      libtree-sitter-dev zlib1g-dev nodejs npm)
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
if [ "${ASEPSIS_DRY_RUN:-0}" = 1 ]; then
  echo "${sudo[*]} apt-get install -y --no-install-recommends ${pkgs[*]}"
  exit 0
fi
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}"

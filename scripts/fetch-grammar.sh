#!/bin/sh
# Fetches the tree-sitter C grammar by package name from the npm registry,
# pinned by version and SHA-256, and unpacks only its generated parser
# sources into DEST (default: .deps/tree-sitter-c-<version>). No grammar
# source is kept in the repository.
set -eu
VERSION=0.23.6
SHA256=88175d4425037ec0026233a44f82064a676573b1fd748fc709ae607332151243
top=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$top/.deps/tree-sitter-c-$VERSION}
stamp="tree-sitter-c $VERSION $SHA256"

if [ -f "$dest/src/parser.c" ] && [ "$(cat "$dest/.stamp" 2>/dev/null)" = "$stamp" ]; then
	exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch-grammar: npm is needed (apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$tmp" && npm pack --silent --loglevel=error "tree-sitter-c@$VERSION" >/dev/null)
tgz=$tmp/tree-sitter-c-$VERSION.tgz
[ -f "$tgz" ] || { echo "fetch-grammar: npm did not produce $tgz" >&2; exit 1; }
got=$(sha256sum "$tgz" | cut -d' ' -f1)
if [ "$got" != "$SHA256" ]; then
	echo "fetch-grammar: checksum mismatch for tree-sitter-c $VERSION: $got" >&2
	exit 1
fi
# only these members, by exact name: nothing else from the archive is written
tar -xzf "$tgz" -C "$tmp" package/LICENSE package/src/parser.c \
	package/src/tree_sitter/parser.h package/src/tree_sitter/alloc.h \
	package/src/tree_sitter/array.h
rm -rf "$dest.new"
mkdir -p "$dest.new/src/tree_sitter"
cp "$tmp/package/LICENSE" "$dest.new/"
cp "$tmp/package/src/parser.c" "$dest.new/src/"
cp "$tmp/package/src/tree_sitter/"*.h "$dest.new/src/tree_sitter/"
echo "$stamp" > "$dest.new/.stamp"
rm -rf "$dest"
mv "$dest.new" "$dest"
echo "fetch-grammar: tree-sitter-c $VERSION in $dest"

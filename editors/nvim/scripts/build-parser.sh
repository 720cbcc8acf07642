#!/usr/bin/env bash
# Builds the tree-sitter parser for Neovim and copies the queries:
#
#   editors/nvim/scripts/build-parser.sh [DEST]
#
# makes DEST/parser/vpc.so (compiled from grammar/tree-sitter-vpc/src with cc) and
# DEST/queries/vpc/*.scm (copied from grammar/tree-sitter-vpc/queries). DEST defaults
# to editors/nvim, the plugin itself, where Neovim finds both on 'runtimepath'; both
# folders are git-ignored. Needs a C compiler (cc, or $CC).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(cd "$here/.." && pwd)"
grammar="$(cd "$plugin/../.." && pwd)/grammar/tree-sitter-vpc"
dest="${1:-$plugin}"
cc="${CC:-cc}"

if [[ ! -f "$grammar/src/parser.c" ]]; then
  echo "build-parser: $grammar/src/parser.c is missing (generate it with \`tree-sitter generate\` in $grammar)" >&2
  exit 1
fi
command -v "$cc" >/dev/null || { echo "build-parser: no C compiler ($cc)" >&2; exit 1; }

mkdir -p "$dest/parser" "$dest/queries/vpc"
sources=("$grammar/src/parser.c")
[[ -f "$grammar/src/scanner.c" ]] && sources+=("$grammar/src/scanner.c")
ext=so  # also on macOS: Neovim looks for parser/vpc.*
echo "build-parser: $cc -shared -fPIC -O2 -I src ${sources[*]##*/} -o $dest/parser/vpc.$ext"
"$cc" -shared -fPIC -O2 -std=c11 -I "$grammar/src" "${sources[@]}" -o "$dest/parser/vpc.$ext"
cp "$grammar"/queries/*.scm "$dest/queries/vpc/"
echo "build-parser: queries -> $dest/queries/vpc/ ($(cd "$dest/queries/vpc" && ls *.scm | tr '\n' ' '))"

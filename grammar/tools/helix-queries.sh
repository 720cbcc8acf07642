#!/usr/bin/env bash
# Derives the Helix queries that follow from the nvim-treesitter ones:
#   queries/helix/highlights.scm  from queries/highlights.scm (Helix capture names)
#   queries/helix/locals.scm      a copy of queries/locals.scm (same capture names)
#   helix-queries.sh          rewrite the Helix files
#   helix-queries.sh --check  fail if they are not up to date (grammar/test.sh)
set -euo pipefail
Q="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tree-sitter-vpc/queries" && pwd)"
derive_highlights() {
  sed -e 's/@number\b/@constant.numeric/' \
      -e 's/@string\.escape\b/@constant.character.escape/' \
      -e 's/@property\b/@variable.other.member/' \
      -e 's/@module\b/@namespace/' \
      -e '1s/.*/; Highlights for .vpc with Helix capture names: derived from ..\/highlights.scm by grammar\/tools\/helix-queries.sh./' \
      "$Q/highlights.scm"
}
derive_locals() {
  cat "$Q/locals.scm"
}
if [[ "${1:-}" == "--check" ]]; then
  for name in highlights locals; do
    if ! diff -u "$Q/helix/$name.scm" <("derive_$name"); then
      echo "FAIL: queries/helix/$name.scm is not derived from queries/$name.scm: run grammar/tools/helix-queries.sh" >&2
      exit 1
    fi
    echo "ok   queries/helix/$name.scm agrees with queries/$name.scm"
  done
else
  derive_highlights >"$Q/helix/highlights.scm"
  derive_locals >"$Q/helix/locals.scm"
fi

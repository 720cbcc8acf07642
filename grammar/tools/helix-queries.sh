#!/usr/bin/env bash
# Derives tree-sitter-vpc/queries/helix/highlights.scm (Helix capture names) from
# tree-sitter-vpc/queries/highlights.scm (nvim-treesitter capture names).
#   helix-queries.sh          rewrite the Helix file
#   helix-queries.sh --check  fail if it is not up to date (grammar/test.sh)
set -euo pipefail
Q="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tree-sitter-vpc/queries" && pwd)"
derive() {
  sed -e 's/@number\b/@constant.numeric/' \
      -e 's/@string\.escape\b/@constant.character.escape/' \
      -e 's/@property\b/@variable.other.member/' \
      -e 's/@module\b/@namespace/' \
      -e '1s/.*/; Highlights for .vpc with Helix capture names: derived from ..\/highlights.scm by grammar\/tools\/helix-queries.sh./' \
      "$Q/highlights.scm"
}
if [[ "${1:-}" == "--check" ]]; then
  if ! diff -u "$Q/helix/highlights.scm" <(derive); then
    echo "FAIL: queries/helix/highlights.scm is not derived from queries/highlights.scm: run grammar/tools/helix-queries.sh" >&2
    exit 1
  fi
  echo "ok   queries/helix/highlights.scm agrees with queries/highlights.scm"
else
  derive >"$Q/helix/highlights.scm"
fi

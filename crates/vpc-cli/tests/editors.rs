//! The grammars and the editor integrations, through their own test scripts:
//!
//! - `grammar/test.sh`: the tree-sitter grammar (generated parser up to date, corpus
//!   and highlight tests, every example parses without error nodes) and the TextMate
//!   grammar (vscode-tmgrammar-test). Installs tree-sitter-cli with `cargo install
//!   --locked` when missing (a few minutes, once).
//! - `editors/test.sh`: the VS Code extension (type check, `vsce package`, the
//!   packaged extension starting this binary's server) and the Neovim plugin
//!   (headless Neovim 0.11 with only the plugin: attach, diagnostics, hover,
//!   formatting, health check, tree-sitter highlighting).
//!
//! `VPC_EDITORS_E2E=skip` skips both (e.g. on a machine without node or python3);
//! CI runs them.

use std::path::Path;
use std::process::Command;

fn skipped() -> bool {
    let skip = std::env::var("VPC_EDITORS_E2E").is_ok_and(|v| v == "skip");
    if skip {
        eprintln!("skipped: VPC_EDITORS_E2E=skip");
    }
    skip
}

fn run(script: &str, marker: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(script);
    let out = Command::new("bash")
        .arg(&path)
        .env("VPC_BIN", env!("CARGO_BIN_EXE_vpc"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {script}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{script} failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
    assert!(stdout.contains(marker), "{script}: no `{marker}` in\n{stdout}");
}

#[test]
fn grammars() {
    if !skipped() {
        run("grammar/test.sh", "All grammar tests passed.");
    }
}

#[test]
fn editor_integrations() {
    if !skipped() {
        run("editors/test.sh", " 0 failed");
    }
}

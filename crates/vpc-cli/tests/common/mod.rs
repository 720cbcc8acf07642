//! Helpers shared by the tests that run the `vpc` binary.
#![allow(dead_code)] // each test binary uses its own share

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The repository's `examples/` folder.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").canonicalize().unwrap()
}

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("vpc").unwrap();
    // No colour; git (for `vpc diff` and `.gitignore`) without the user's configuration.
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(args);
    cmd
}

/// Run `vpc` in `dir`.
pub fn vpc(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().unwrap()
}

/// Run `vpc` in `dir`, killing it after a minute: for commands that used to hang
/// (a killed run has no exit code, which the caller's assertion then reports).
pub fn vpc_within_a_minute(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).timeout(std::time::Duration::from_secs(60)).output().unwrap()
}

/// Run `vpc` in `dir` as another user (the caller must be root).
pub fn vpc_as(uid: u32, dir: &Path, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("vpc"));
    cmd.current_dir(dir).env("NO_COLOR", "1").args(args).uid(uid).gid(uid);
    cmd.output().unwrap()
}

/// Is the test running as root (so that it may change owners, and act as another user)?
pub fn root() -> bool {
    rustix::process::geteuid().is_root()
}

/// Make a FIFO (a named pipe) at `path`.
pub fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Run `vpc` in `dir` with `stdin` as its standard input.
pub fn vpc_with_input(dir: &Path, args: &[&str], stdin: &str) -> Output {
    command(dir, args).write_stdin(stdin).output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

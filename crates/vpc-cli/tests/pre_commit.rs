//! The hooks of `.pre-commit-hooks.yaml` through the real pre-commit (from PyPI),
//! run with `pre-commit try-repo` on a temporary repository.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(cmd: &mut Command) -> std::process::Output {
    cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"))
}

/// A virtualenv with pre-commit, made once under target/.
fn pre_commit() -> PathBuf {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-venv");
    let bin = venv.join("bin/pre-commit");
    if !bin.exists() {
        let out = run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let out = run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", "pre-commit"]));
        assert!(out.status.success(), "pip install pre-commit: {}", String::from_utf8_lossy(&out.stderr));
    }
    bin
}

#[test]
fn hooks_run_through_pre_commit() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap();
    let vpc = PathBuf::from(env!("CARGO_BIN_EXE_vpc"));
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = run(Command::new("git").args(args).current_dir(dir.path()));
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    std::fs::write(
        dir.path().join("messy.vpc"),
        "canvas c \"C\"{\n segment s \"S\" { job j \"J\" }\n value-map {}\n}\n",
    )
    .unwrap();
    git(&["add", "."]);
    let path = format!("{}:{}", vpc.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let hook = |id: &str| {
        run(Command::new(pre_commit())
            .args(["try-repo", repo.to_str().unwrap(), id, "--all-files", "--verbose"])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", dir.path().join(".cache"))
            .env("NO_COLOR", "1"))
    };
    // vpc-check: the unranked job is a warning, so the hook passes.
    let out = hook("vpc-check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("unranked-job"), "{stdout}");
    // vpc-fmt rewrites the file, so pre-commit reports a failure, and the file is canonical.
    let out = hook("vpc-fmt");
    assert!(!out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let formatted = std::fs::read_to_string(dir.path().join("messy.vpc")).unwrap();
    assert!(formatted.starts_with("canvas c \"C\" {\n  segment s \"S\" {\n"), "{formatted}");
}

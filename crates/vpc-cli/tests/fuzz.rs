//! The fuzz targets of `fuzz/` (cargo-fuzz, libFuzzer; see docs/reliability.md, "Fuzzing"), each
//! run for a bounded time: 12 seconds each by default, `VPC_FUZZ_SECONDS=<n>` for
//! longer runs.
//!
//! Needs a nightly toolchain (`cargo +nightly`) and cargo-fuzz. When cargo-fuzz is
//! missing it is installed with `cargo install cargo-fuzz --locked` if `CI` is set
//! (about a minute); otherwise, as without nightly, the test prints a notice and
//! passes. `VPC_FUZZ=skip` skips it.
//!
//! Each target starts from a fresh corpus in a temporary folder, seeded by
//! `fuzz/seed.sh` with the examples and every `.vpc` file of the crates' test data. A
//! crash (a panic, a failed check, a timeout of one input or running out of memory)
//! fails the test and names the reproducer libFuzzer wrote under `fuzz/artifacts/`
//! with the command that replays it; every target runs even after another crashed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The targets, as named in `fuzz/Cargo.toml`.
const TARGETS: [&str; 5] = ["check", "format", "lsp_edits", "render", "diff"];

/// How the targets are built: without a sanitizer (the address sanitizer, cargo-fuzz's
/// default, finds memory errors in unsafe code; the code under test is safe Rust, and
/// without it the targets build and run faster), optimised, with debug assertions and
/// overflow checks (cargo-fuzz's default).
const BUILD_FLAGS: [&str; 2] = ["--sanitizer", "none"];

/// The cargo-fuzz project, `fuzz/`.
fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz").canonicalize().unwrap()
}

/// `cargo +nightly <args>` in `dir`, without the variables this test's own cargo set
/// for it (they name the stable toolchain and the workspace's target folder).
fn nightly_cargo(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg("+nightly").args(args).current_dir(dir);
    for var in ["CARGO", "RUSTC", "RUSTDOC", "RUSTUP_TOOLCHAIN", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET_DIR"] {
        cmd.env_remove(var);
    }
    cmd
}

fn succeeds(mut cmd: Command) -> bool {
    cmd.output().is_ok_and(|o| o.status.success())
}

fn text(output: &Output) -> String {
    format!(
        "--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Whether a nightly toolchain and cargo-fuzz are there, installing cargo-fuzz on CI.
fn tools_ready(fuzz: &Path) -> bool {
    if !succeeds(nightly_cargo(fuzz, &["--version"])) {
        eprintln!("skipped: no nightly toolchain (`rustup toolchain install nightly` to run the fuzz targets)");
        return false;
    }
    if succeeds(nightly_cargo(fuzz, &["fuzz", "--version"])) {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    if !ci {
        eprintln!("skipped: cargo-fuzz is not installed (`cargo install cargo-fuzz --locked` to run the fuzz targets)");
        return false;
    }
    eprintln!("installing cargo-fuzz (CI is set)");
    let mut install = Command::new("cargo");
    install.args(["install", "cargo-fuzz", "--locked"]);
    let output = install.output().expect("cannot run cargo install");
    assert!(output.status.success(), "cargo install cargo-fuzz --locked failed\n{}", text(&output));
    true
}

/// Seed a fresh corpus for each target in `dir` with `fuzz/seed.sh`.
fn seed(fuzz: &Path, dir: &Path) {
    let output = Command::new("bash").arg(fuzz.join("seed.sh")).arg(dir).output().expect("cannot run bash");
    assert!(output.status.success(), "fuzz/seed.sh failed\n{}", text(&output));
}

/// What libFuzzer printed last about the run: its final statistics and the line that
/// says where it wrote a crashing input.
fn summary(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("Done ") || l.contains("Test unit written to") || l.starts_with("stat::"))
        .collect()
}

/// The target's panic message (what failed, with the input for most checks), else
/// the end of libFuzzer's output (a timeout, running out of memory).
fn what_failed(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let shown = match lines.iter().position(|l| l.contains("panicked at")) {
        Some(start) => lines[start..]
            .iter()
            .take_while(|l| !l.starts_with("stack backtrace:") && !l.starts_with("note:") && !l.starts_with("=="))
            .take(40)
            .copied()
            .collect(),
        None => lines[lines.len().saturating_sub(40)..].to_vec(),
    };
    shown.join("\n")
}

#[test]
fn fuzz_targets_find_no_crash() {
    if std::env::var("VPC_FUZZ").is_ok_and(|v| v == "skip") {
        eprintln!("skipped: VPC_FUZZ=skip");
        return;
    }
    let fuzz = fuzz_dir();
    if !tools_ready(&fuzz) {
        return;
    }
    let seconds: u64 = match std::env::var("VPC_FUZZ_SECONDS") {
        Ok(s) => s.parse().unwrap_or_else(|_| panic!("VPC_FUZZ_SECONDS={s:?} is not a number of seconds")),
        Err(_) => 12,
    };
    // A fresh corpus each time: libFuzzer first runs every input of its corpus, so a
    // corpus kept from run to run would make the test slower and slower.
    let corpus = tempfile::tempdir().unwrap();
    seed(&fuzz, corpus.path());

    // `cargo fuzz build` has no `--locked`: fetching with it first checks that
    // fuzz/Cargo.lock is up to date, as `cargo test --locked` does for the workspace.
    let fetch = nightly_cargo(&fuzz, &["fetch", "--locked"]).output().expect("cannot run cargo fetch");
    assert!(
        fetch.status.success(),
        "fuzz/Cargo.lock is out of date (a crate's dependencies changed?): run `cargo fetch` in fuzz/ and commit \
         fuzz/Cargo.lock\n{}",
        text(&fetch)
    );
    let build = nightly_cargo(&fuzz, &["fuzz", "build"]).args(BUILD_FLAGS).output().expect("cannot run cargo fuzz");
    assert!(build.status.success(), "cargo +nightly fuzz build failed\n{}", text(&build));

    let mut crashes = Vec::new();
    for target in TARGETS {
        let max_total_time = format!("-max_total_time={seconds}");
        let output = nightly_cargo(&fuzz, &["fuzz", "run"])
            .args(BUILD_FLAGS)
            .arg(target)
            .arg(corpus.path().join(target))
            // One input taking 30 s is a hang: libFuzzer reports it as a crash.
            .args(["--", &max_total_time, "-timeout=30", "-rss_limit_mb=2048", "-print_final_stats=1"])
            .output()
            .expect("cannot run cargo fuzz");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let lines = summary(&stderr);
        eprintln!("{target}: {}", lines.join("\n  "));
        if output.status.success() {
            continue;
        }
        let reproducer =
            stderr.lines().find_map(|l| l.split_once("Test unit written to ").map(|(_, path)| fuzz.join(path.trim())));
        match reproducer {
            Some(path) => crashes.push(format!(
                "{target} crashed; reproducer: {path}\n  replay: cd fuzz && cargo +nightly fuzz run {flags} {target} \
                 {path}\n  show:   cd fuzz && cargo +nightly fuzz fmt {flags} {target} {path}\n{}",
                what_failed(&stderr),
                path = path.display(),
                flags = BUILD_FLAGS.join(" "),
            )),
            None => crashes.push(format!("{target} failed without a reproducer\n{}", text(&output))),
        }
    }
    assert!(crashes.is_empty(), "{}", crashes.join("\n\n"));
}

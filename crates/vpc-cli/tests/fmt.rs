//! `vpc fmt` from the outside: rewrites, `--check`, stdin, and never touching a broken file.

mod common;
use common::*;

use std::path::Path;

const MESSY: &str = "canvas c \"C\"{\n      segment s \"S\" { job j \"J\" { importance: high,kind:functional } }\n\n\n\n  value-map {}\n}\n";
const CANONICAL: &str = "canvas c \"C\" {\n  segment s \"S\" {\n    job j \"J\" { kind: functional, importance: high }\n  }\n\n  value-map {}\n}\n";
const BROKEN: &str = "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" { importance: } }\n";

#[test]
fn rewrites_files_in_place_and_then_leaves_them_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.vpc"), MESSY).unwrap();
    let out = vpc_with_input(dir.path(), &["fmt", "a.vpc"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.vpc")).unwrap(), CANONICAL);
    assert_eq!(text(&out.stderr), "1 file reformatted, 0 files unchanged\n");
    let out = vpc_with_input(dir.path(), &["fmt", "."], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "0 files reformatted, 1 file unchanged\n");
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["a.vpc"]);
}

#[test]
fn check_lists_what_would_change_with_a_diff_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.vpc"), MESSY).unwrap();
    std::fs::write(dir.path().join("b.vpc"), CANONICAL).unwrap();
    let out = vpc_with_input(dir.path(), &["fmt", "--check", "."], "");
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(text(&out.stdout));
    assert_eq!(text(&out.stderr), "1 file would be reformatted, 1 file unchanged\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("a.vpc")).unwrap(), MESSY);
    let out = vpc_with_input(dir.path(), &["fmt", "--check", "b.vpc"], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn a_file_with_syntax_errors_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.vpc"), BROKEN).unwrap();
    std::fs::write(dir.path().join("messy.vpc"), MESSY).unwrap();
    let out = vpc_with_input(dir.path(), &["fmt", "."], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(dir.path().join("broken.vpc")).unwrap(), BROKEN);
    // The other file is still formatted.
    assert_eq!(std::fs::read_to_string(dir.path().join("messy.vpc")).unwrap(), CANONICAL);
    let err = text(&out.stderr);
    assert!(err.contains("[syntax-error] Error: expected a value, found `}`"), "{err}");
    assert!(err.contains("./broken.vpc:2:43"), "{err}");
    assert!(err.contains("error: ./broken.vpc: not formatted: fix the syntax errors first"), "{err}");
    assert!(err.ends_with("1 file reformatted, 0 files unchanged, 1 file with syntax errors left alone\n"), "{err}");
}

#[test]
fn stdin_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = vpc_with_input(dir.path(), &["fmt", "-"], MESSY);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), CANONICAL);
    let out = vpc_with_input(dir.path(), &["fmt", "-"], BROKEN);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "", "nothing to stdout when the input cannot be read");
    assert!(text(&out.stderr).contains("<stdin>:2:43"));
    let out = vpc_with_input(dir.path(), &["fmt", "--check", "-"], MESSY);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("--- <stdin>\n+++ <stdin>\n"));
    let out = vpc_with_input(dir.path(), &["fmt", "-", "a.vpc"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_paths_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = vpc_with_input(dir.path(), &["fmt", "nope.vpc"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: nope.vpc: no such file or folder\n"));
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.vpc");
    std::fs::write(&path, MESSY).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(vpc_with_input(dir.path(), &["fmt", "a.vpc"], "").status.code(), Some(0));
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn the_examples_are_in_canonical_form() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let out = vpc_with_input(&examples, &["fmt", "--check", "."], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

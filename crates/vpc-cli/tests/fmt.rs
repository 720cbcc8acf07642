//! `vpc fmt` from the outside: rewrites, `--check`, stdin, and never touching a broken file.

mod common;
use common::*;

use std::os::unix::fs::FileTypeExt;
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

#[test]
fn a_fifo_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("pipe.vpc"));
    std::fs::write(dir.path().join("a.vpc"), MESSY).unwrap();
    let out = vpc_within_a_minute(dir.path(), &["fmt", "pipe.vpc", "a.vpc"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "error: pipe.vpc: not a regular file (a FIFO); name a regular file instead\n1 file reformatted, 0 files unchanged\n"
    );
    assert!(std::fs::symlink_metadata(dir.path().join("pipe.vpc")).unwrap().file_type().is_fifo());
    // In a folder, a FIFO is passed over like any file that is not a regular file.
    let out = vpc_within_a_minute(dir.path(), &["fmt", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn a_symlink_named_on_the_command_line_formats_its_target_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::write(dir.path().join("real/a.vpc"), MESSY).unwrap();
    std::os::unix::fs::symlink("real/a.vpc", dir.path().join("link.vpc")).unwrap();
    let out = vpc_with_input(dir.path(), &["fmt", "link.vpc"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "1 file reformatted, 0 files unchanged\n");
    let link = std::fs::symlink_metadata(dir.path().join("link.vpc")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced by a file");
    assert_eq!(std::fs::read_link(dir.path().join("link.vpc")).unwrap(), Path::new("real/a.vpc"));
    assert_eq!(std::fs::read_to_string(dir.path().join("real/a.vpc")).unwrap(), CANONICAL);
    // No temporary file left next to the target either.
    let names: Vec<_> = std::fs::read_dir(dir.path().join("real")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["a.vpc"]);
}

#[test]
fn hard_links_stay_one_file() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.vpc"), dir.path().join("b.vpc"));
    std::fs::write(&a, MESSY).unwrap();
    std::fs::hard_link(&a, &b).unwrap();
    let inode = std::fs::metadata(&a).unwrap().ino();
    let out = vpc_with_input(dir.path(), &["fmt", "a.vpc"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&b).unwrap(), CANONICAL, "the other name sees the new text");
    assert_eq!(std::fs::metadata(&a).unwrap().ino(), inode);
    assert_eq!(std::fs::metadata(&a).unwrap().nlink(), 2);
    // A shorter text leaves nothing of the longer one behind.
    std::fs::write(&a, format!("{CANONICAL}\n\n\n\n")).unwrap();
    assert_eq!(vpc_with_input(dir.path(), &["fmt", "b.vpc"], "").status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), CANONICAL);
}

#[test]
fn a_read_only_file_is_refused_and_not_counted_as_reformatted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.vpc");
    std::fs::write(&path, MESSY).unwrap();
    std::fs::write(dir.path().join("b.vpc"), MESSY).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = vpc_with_input(dir.path(), &["fmt", "a.vpc", "b.vpc"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: a.vpc: read-only file: not written; make it writable (`chmod u+w`) to change it\n\
         1 file reformatted, 0 files unchanged, 1 file not written\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), MESSY);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444);
    assert_eq!(std::fs::read_to_string(dir.path().join("b.vpc")).unwrap(), CANONICAL);
    // Only a file that would change needs to be writable.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::write(&path, CANONICAL).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    assert_eq!(vpc_with_input(dir.path(), &["fmt", "a.vpc"], "").status.code(), Some(0));
}

/// Root formatting somebody's file leaves it theirs. (Runs only as root, since only
/// root may give a file to another user; skipped otherwise.)
#[test]
fn owner_and_group_are_kept() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if !root() {
        eprintln!("skipped: needs root to give a file to another user");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.vpc");
    std::fs::write(&path, MESSY).unwrap();
    std::os::unix::fs::chown(&path, Some(1234), Some(1235)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o2640)).unwrap();
    let out = vpc_with_input(dir.path(), &["fmt", "a.vpc"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), CANONICAL);
    assert_eq!((meta.uid(), meta.gid()), (1234, 1235));
    assert_eq!(meta.permissions().mode() & 0o7777, 0o2640, "the mode is set after the owner, which clears set-id bits");
}

/// A user may not take over a file of root's in a folder everyone may write: neither
/// one that only root may write, nor one anyone may write (the rewritten file could
/// not keep root as its owner). Runs only as root, acting as user 1234.
#[test]
fn a_user_does_not_take_over_somebody_elses_file_in_a_shared_folder() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if !root() {
        eprintln!("skipped: needs root to act as another user");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    for (name, mode, expected) in [
        ("mine-only.vpc", 0o644, "error: mine-only.vpc: you may not write this file: not written\n"),
        (
            "anyones.vpc",
            0o666,
            "error: anyones.vpc: owned by user 0 (group 0), which the rewritten file could not keep: not written; \
             run vpc as its owner\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, MESSY).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        let out = vpc_as(1234, dir.path(), &["fmt", name]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stderr),
            format!("{expected}0 files reformatted, 0 files unchanged, 1 file not written\n")
        );
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (0, 0));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), MESSY);
    }
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
}

/// A write that fails names the user's file (not a temporary file) and is not counted
/// as done. Runs only as root, acting as user 1234 in a folder only root may write.
#[test]
fn a_failed_write_names_the_file_and_is_not_counted() {
    use std::os::unix::fs::PermissionsExt;
    if !root() {
        eprintln!("skipped: needs root to act as another user");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.path().join("a.vpc");
    std::fs::write(&path, MESSY).unwrap();
    std::os::unix::fs::chown(&path, Some(1234), Some(1234)).unwrap();
    let out = vpc_as(1234, dir.path(), &["fmt", "a.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: a.vpc: permission denied: cannot write it\n0 files reformatted, 0 files unchanged, 1 file not written\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), MESSY);
}

//! `vpc diff` from the outside: two files, git revisions, formats, warnings and errors.

mod common;
use common::*;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

const OLD: &str = r#"canvas wedding "Wedding planner" {
  segment couples "Engaged couples" {
    job organise "Organise a lovely wedding" { importance: crucial }
    pain no-time "Might not have time" { severity: moderate, job: organise }
    pain invites "Trouble sending invites" { severity: moderate }
    gain carefree "Someone takes care of everything" { relevance: essential }
  }
  value-map "Wedding planner app" {
    reliever esign "Contracts that are signable online" { relieves: no-time }
    creator one-stop "One planner handles every vendor" { creates: carefree }
  }
}
"#;

const NEW: &str = r#"canvas wedding "Wedding planner" {
  segment couples "Engaged couples" {
    job organise "Organise a lovely wedding" { importance: crucial }
    pain no-time "Might not have time" { severity: severe, job: organise }
    pain invites "Trouble sending invites" { severity: moderate }
    pain overpay "Paying too much" { severity: light }
    gain carefree "Someone takes care of everything" { relevance: essential }
  }
  value-map "Wedding planner app" {
    reliever esign "Contracts that are signable online" { relieves: [no-time, invites] }
  }
}
"#;

const OTHER: &str = r#"canvas lawn "Quiet mower" {
  segment owners "Homeowners" { pain noise "Noise" { severity: moderate } }
  value-map { reliever quiet "Quiet motor" { relieves: noise } }
}
"#;

fn two_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "old.vpc", OLD);
    write(dir.path(), "new.vpc", NEW);
    dir
}

// Two files.

#[test]
fn two_files_human() {
    let dir = two_files();
    let out = vpc(dir.path(), &["diff", "old.vpc", "new.vpc"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    insta::assert_snapshot!("two_files_human", stdout(&out));
}

#[test]
fn two_files_markdown_and_json() {
    let dir = two_files();
    let md = vpc(dir.path(), &["diff", "--format", "md", "old.vpc", "new.vpc"]);
    assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
    insta::assert_snapshot!("two_files_markdown", stdout(&md));
    let alias = vpc(dir.path(), &["diff", "old.vpc", "new.vpc", "--format", "markdown"]);
    assert_eq!(stdout(&alias), stdout(&md));

    let out = vpc(dir.path(), &["diff", "--format", "json", "old.vpc", "new.vpc"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["version"], 1);
    assert_eq!(v["old_revision"], Value::Null);
    let file = &v["files"][0];
    assert_eq!(file["path"], "new.vpc");
    assert_eq!(file["old_path"], "old.vpc");
    assert_eq!(file["status"], "modified");
    let canvas = &file["canvases"][0];
    assert_eq!(canvas["id"], "wedding");
    assert_eq!(canvas["fit"]["before"], 50);
    assert_eq!(canvas["fit"]["after"], 26);
    assert_eq!(
        canvas["verdict"],
        serde_json::json!({"before": "partial", "after": "weak", "newly_unaddressed": ["carefree"], "no_longer_unaddressed": []})
    );
    assert_eq!(canvas["added"][0]["id"], "overpay");
    assert_eq!(canvas["removed"][0]["id"], "one-stop");
    assert_eq!(canvas["coverage"][0]["id"], "invites");
    assert_eq!(canvas["coverage"][0]["after"], "relieved");
    assert_eq!(canvas["coverage"][1]["id"], "carefree");
    assert_eq!(canvas["coverage"][1]["after"], "uncreated");
}

#[test]
fn identical_files_are_no_change_and_exit_zero() {
    let dir = two_files();
    write(dir.path(), "same.vpc", &format!("// reformatted\n{}", OLD.replace("  ", "    ")));
    let out = vpc(dir.path(), &["diff", "old.vpc", "same.vpc"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "old.vpc → same.vpc\n  no changes to the canvases\n");
}

#[test]
fn syntax_errors_warn_and_the_diff_goes_on() {
    let dir = two_files();
    let broken = NEW.replace(
        "job organise \"Organise a lovely wedding\" { importance: crucial }",
        "job organise \"Organise a lovely wedding\" { importance:",
    );
    write(dir.path(), "broken.vpc", &broken);
    let out = vpc(dir.path(), &["diff", "old.vpc", "broken.vpc"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("warning: broken.vpc:3:59: syntax error (and 1 more), the diff may be incomplete: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(stdout(&out).contains("+ pain overpay"), "{}", stdout(&out));
}

#[test]
fn two_file_errors() {
    let dir = two_files();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    std::fs::write(dir.path().join("latin1.vpc"), b"canvas c \"Caf\xe9\" {}\n").unwrap();

    let out = vpc(dir.path(), &["diff", "old.vpc", "missing.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: missing.vpc: no such file\n");
    assert_eq!(stdout(&out), "");

    let out = vpc(dir.path(), &["diff", "old.vpc", "latin1.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: latin1.vpc: 1:14: not UTF-8 text (byte 0xe9); save the file as UTF-8\n");

    let out = vpc(dir.path(), &["diff", "old.vpc", "folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: folder: is a folder; `vpc diff OLD NEW` compares two files\n");

    // Outside a repository, a name that is not a file cannot be a revision.
    let out = vpc(dir.path(), &["diff", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: HEAD: no such file, and not a revision: not inside a git repository (`vpc diff OLD NEW` compares two files)\n"
    );

    let out = vpc(dir.path(), &["diff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Usage:"), "{}", stderr(&out));
}

// Git revisions.

/// A repository with two commits and changes in the working tree:
/// - commit 1: `wedding.vpc` (OLD), `lawn.vpc`, `same.vpc`, `notes.txt`
/// - commit 2: `wedding.vpc` → NEW, `lawn.vpc` deleted, `plans/shop.vpc` added
/// - working tree: `same.vpc` gets a new pain, `draft.vpc` is new and untracked,
///   `ignored.vpc` is ignored.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    write(root, "wedding.vpc", OLD);
    write(root, "lawn.vpc", OTHER);
    write(
        root,
        "same.vpc",
        "canvas same \"Same\" {\n  segment s \"S\" { job j \"J\" { importance: low } }\n  value-map {}\n}\n",
    );
    write(root, "notes.txt", "not a canvas\n");
    write(root, ".gitignore", "ignored.vpc\n");
    commit(root, "one");
    write(root, "wedding.vpc", NEW);
    std::fs::remove_file(root.join("lawn.vpc")).unwrap();
    write(
        root,
        "plans/shop.vpc",
        "canvas shop \"Shop\" {\n  segment s \"Shoppers\" { gain g \"Bargains\" { relevance: high } }\n  value-map {}\n}\n",
    );
    write(root, "notes.txt", "still not a canvas\n");
    commit(root, "two");
    write(
        root,
        "same.vpc",
        "canvas same \"Same\" {\n  segment s \"S\" {\n    job j \"J\" { importance: low }\n    pain p \"P\" { severity: light }\n  }\n  value-map {}\n}\n",
    );
    write(root, "draft.vpc", "canvas draft \"Draft\" {}\n");
    write(root, "ignored.vpc", "canvas ignored \"Ignored\" {}\n");
    dir
}

fn paths_and_statuses(v: &Value) -> Vec<(String, String)> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["status"].as_str().unwrap().to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn two_revisions() {
    let repo = repository();
    let out = vpc(repo.path(), &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let v = json(&out);
    assert_eq!(v["old_revision"], "HEAD~1");
    assert_eq!(v["new_revision"], "HEAD");
    assert_eq!(
        paths_and_statuses(&v),
        pairs(&[("lawn.vpc", "removed"), ("plans/shop.vpc", "added"), ("wedding.vpc", "modified")])
    );
    // A deleted file's canvases are removed, an added file's are added.
    assert_eq!(v["files"][0]["canvases"][0]["status"], "removed");
    assert_eq!(v["files"][0]["canvases"][0]["fit"]["before"], 100);
    assert_eq!(v["files"][1]["canvases"][0]["status"], "added");
    assert_eq!(v["files"][1]["canvases"][0]["added"][0]["id"], "g");
    assert_eq!(v["summary"]["canvases"]["added"], 1);
    assert_eq!(v["summary"]["canvases"]["removed"], 1);
    assert_eq!(v["summary"]["canvases"]["modified"], 1);

    let human = vpc(repo.path(), &["diff", "HEAD~1", "HEAD"]);
    insta::assert_snapshot!("two_revisions_human", stdout(&human));
    let md = vpc(repo.path(), &["diff", "--format", "md", "HEAD~1", "HEAD"]);
    insta::assert_snapshot!("two_revisions_markdown", stdout(&md));
}

#[test]
fn one_revision_against_the_working_tree() {
    let repo = repository();
    let out = vpc(repo.path(), &["diff", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["new_revision"], Value::Null);
    // Untracked canvases count as added; ignored ones do not.
    assert_eq!(paths_and_statuses(&v), pairs(&[("draft.vpc", "added"), ("same.vpc", "modified")]));
    assert_eq!(v["files"][1]["canvases"][0]["added"][0]["id"], "p");

    let out = vpc(repo.path(), &["diff", "HEAD~1", "--format", "json"]);
    let v = json(&out);
    assert_eq!(
        paths_and_statuses(&v),
        pairs(&[
            ("draft.vpc", "added"),
            ("lawn.vpc", "removed"),
            ("plans/shop.vpc", "added"),
            ("same.vpc", "modified"),
            ("wedding.vpc", "modified"),
        ])
    );

    let md = vpc(repo.path(), &["diff", "HEAD", "--format", "md"]);
    assert!(stdout(&md).contains("Comparing `HEAD` with the working tree: "), "{}", stdout(&md));
}

#[test]
fn paths_limit_the_files() {
    let repo = repository();
    let only = |args: &[&str]| {
        let out = vpc(repo.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        paths_and_statuses(&json(&out)).into_iter().map(|(p, _)| p).collect::<Vec<_>>()
    };
    assert_eq!(only(&["diff", "HEAD~1", "HEAD", "wedding.vpc", "--format", "json"]), ["wedding.vpc"]);
    assert_eq!(only(&["diff", "HEAD~1", "wedding.vpc", "lawn.vpc", "--format", "json"]), ["lawn.vpc", "wedding.vpc"]);
    assert_eq!(only(&["diff", "--format", "json", "HEAD~1", "--", "plans"]), ["plans/shop.vpc"]);
    // A path named but unchanged: nothing to report, and that is fine.
    assert!(only(&["diff", "HEAD", "wedding.vpc", "--format", "json"]).is_empty());
    // Paths are shown from the top of the repository, wherever vpc runs.
    let out = vpc(&repo.path().join("plans"), &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(paths_and_statuses(&json(&out)).len(), 3);
    let out = vpc(&repo.path().join("plans"), &["diff", "HEAD~1", "HEAD", "shop.vpc", "--format", "json"]);
    assert_eq!(paths_and_statuses(&json(&out)), pairs(&[("plans/shop.vpc", "added")]));
}

#[test]
fn renamed_files_are_followed() {
    let repo = repository();
    git(repo.path(), &["mv", "wedding.vpc", "plans/wedding.vpc"]);
    git(repo.path(), &["commit", "-q", "-m", "move"]);
    let out = vpc(repo.path(), &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    let v = json(&out);
    assert_eq!(paths_and_statuses(&v), pairs(&[("plans/wedding.vpc", "modified")]));
    assert_eq!(v["files"][0]["old_path"], "wedding.vpc");
    assert_eq!(v["files"][0]["canvases"][0]["status"], "unchanged");
    let human = vpc(repo.path(), &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(stdout(&human), "wedding.vpc → plans/wedding.vpc\n  no changes to the canvases\n");
}

#[test]
fn nothing_changed_between_revisions() {
    let repo = repository();
    let out = vpc(repo.path(), &["diff", "HEAD", "HEAD"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "no canvas files changed\n");
}

#[test]
fn syntax_errors_in_a_revision_are_named_with_it() {
    let repo = repository();
    write(repo.path(), "wedding.vpc", &NEW.replace("{ severity: light }", "{ severity: light"));
    commit(repo.path(), "broken");
    let out = vpc(repo.path(), &["diff", "HEAD", "HEAD~1", "wedding.vpc"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("warning: HEAD:wedding.vpc:6:53: syntax error"), "{}", stderr(&out));
}

#[test]
fn git_errors() {
    let repo = repository();
    let run = |args: &[&str]| {
        let out = vpc(repo.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        stderr(&out)
    };
    assert_eq!(run(&["diff", "nope"]), "error: nope: neither a file nor a revision of this repository\n");
    assert_eq!(
        run(&["diff", "wedding.vpc"]),
        "error: wedding.vpc: not a revision; to compare it with the last commit, write `vpc diff HEAD wedding.vpc`\n"
    );
    assert_eq!(run(&["diff", "HEAD", "nowhere.vpc"]), "error: nowhere.vpc: not in HEAD nor in the working tree\n");
    assert_eq!(run(&["diff", "HEAD~1", "HEAD", "draft.vpc"]), "error: draft.vpc: not in HEAD~1 nor in HEAD\n");

    // A name that is both a revision and a file.
    git(repo.path(), &["branch", "same.vpc"]);
    let err = run(&["diff", "HEAD", "same.vpc"]);
    assert!(err.starts_with("error: same.vpc: both a revision and a path; "), "{err}");
}

#[test]
fn a_file_that_is_not_utf8_in_a_revision_is_named_and_the_others_still_reported() {
    let repo = repository();
    std::fs::write(repo.path().join("latin1.vpc"), b"canvas c \"Caf\xe9\" {}\n").unwrap();
    write(repo.path(), "same.vpc", OTHER);
    git(repo.path(), &["add", "latin1.vpc", "same.vpc"]);
    git(repo.path(), &["commit", "-q", "-m", "latin-1"]);
    let out = vpc(repo.path(), &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: HEAD:latin1.vpc: 1:14: not UTF-8 text (byte 0xe9); save the file as UTF-8\n");
    assert_eq!(paths_and_statuses(&json(&out)), pairs(&[("same.vpc", "modified")]));
}

#[test]
fn a_committed_symlink_is_its_link_text_and_never_followed_out_of_the_repository() {
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "secret.vpc",
        "canvas secret \"Secret plans\" {\n  segment s \"S\" { job j \"Secret job\" { importance: low } }\n  value-map {}\n}\n",
    );
    let repo = repository();
    std::os::unix::fs::symlink(outside.path().join("secret.vpc"), repo.path().join("link.vpc")).unwrap();
    commit(repo.path(), "a link out");
    for args in [&["diff", "HEAD~1", "--format", "json"][..], &["diff", "HEAD~1", "HEAD", "--format", "json"]] {
        let out = vpc(repo.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(!stdout(&out).contains("Secret"), "{args:?}: the link was followed: {}", stdout(&out));
        let v = json(&out);
        let link = v["files"].as_array().unwrap().iter().find(|f| f["path"] == "link.vpc").unwrap();
        assert_eq!(link["status"], "added");
        assert_eq!(link["canvases"], serde_json::json!([]));
        let err = stderr(&out);
        assert!(err.contains("link.vpc: a symbolic link to \""), "{args:?}: {err}");
        assert!(err.contains("not followed: as in git, its content is the link text, which holds no canvas"), "{err}");
    }
    // A link in the working tree only (untracked) is not followed either.
    std::os::unix::fs::symlink(outside.path().join("secret.vpc"), repo.path().join("new-link.vpc")).unwrap();
    let out = vpc(repo.path(), &["diff", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("Secret"), "{}", stdout(&out));
}

#[test]
fn a_file_name_that_is_not_utf8_is_reported_escaped_and_the_others_kept() {
    use std::os::unix::ffi::OsStrExt;
    let repo = repository();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.vpc");
    std::fs::write(repo.path().join(name), OTHER).unwrap();
    write(repo.path(), "same.vpc", OTHER);
    std::fs::remove_file(repo.path().join("draft.vpc")).unwrap();
    commit(repo.path(), "latin-1 name");
    let out = vpc(repo.path(), &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "warning: \"caf\\351.vpc\": the file name is not UTF-8; it is shown with its other bytes escaped\n"
    );
    let v = json(&out);
    assert_eq!(paths_and_statuses(&v), pairs(&[("\"caf\\351.vpc\"", "added"), ("same.vpc", "modified")]));
    assert_eq!(v["files"][0]["canvases"][0]["status"], "added", "the file itself is read");

    // Changed, it is named once.
    std::fs::write(repo.path().join(name), OLD).unwrap();
    let out = vpc(repo.path(), &["diff", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert_eq!(paths_and_statuses(&json(&out)), pairs(&[("\"caf\\351.vpc\"", "modified")]));
}

#[test]
fn a_newline_in_a_file_name_is_escaped() {
    let repo = repository();
    write(repo.path(), "two\nlines.vpc", OTHER);
    commit(repo.path(), "newline");
    let out = vpc(repo.path(), &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let human = stdout(&out);
    assert!(human.contains("\n\"two\\nlines.vpc\" (new file)\n"), "{human}");
    assert!(!human.contains("two\nlines"), "{human}");
}

#[test]
fn a_renamed_file_named_alone_is_followed_to_its_old_name() {
    let repo = repository();
    git(repo.path(), &["mv", "wedding.vpc", "planner.vpc"]);
    for args in
        [&["diff", "HEAD", "planner.vpc", "--format", "json"][..], &["diff", "HEAD", "wedding.vpc", "--format", "json"]]
    {
        let out = vpc(repo.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let v = json(&out);
        assert_eq!(paths_and_statuses(&v), pairs(&[("planner.vpc", "modified")]), "{args:?}");
        assert_eq!(v["files"][0]["old_path"], "wedding.vpc");
        assert_eq!(v["files"][0]["canvases"][0]["status"], "unchanged", "{args:?}: not every item new");
    }
    git(repo.path(), &["commit", "-q", "-m", "rename"]);
    let out = vpc(repo.path(), &["diff", "HEAD~1", "HEAD", "planner.vpc", "--format", "json"]);
    assert_eq!(paths_and_statuses(&json(&out)), pairs(&[("planner.vpc", "modified")]));
}

#[test]
fn a_fifo_given_as_a_file_is_named_not_read() {
    let dir = two_files();
    mkfifo(&dir.path().join("pipe.vpc"));
    let out = vpc_within_a_minute(dir.path(), &["diff", "pipe.vpc", "new.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: pipe.vpc: not a regular file (a FIFO); name a regular file instead\n");
}

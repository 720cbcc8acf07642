//! `vpc init`: a starter canvas that asks the method's questions, is clean but for
//! the rank warnings a blank canvas should have, and never replaces a file.

mod common;
use common::*;

use serde_json::Value;
use vpc_syntax::ItemKind;

#[test]
fn the_starter_passes_check_with_only_the_rank_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let out = vpc(dir.path(), &["init", "Language app.vpc"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("created Language app.vpc"));
    let text = std::fs::read_to_string(dir.path().join("Language app.vpc")).unwrap();
    assert!(text.contains("canvas language-app \""), "the id comes from the file name");

    let out = vpc(dir.path(), &["check", "--format", "json", "Language app.vpc"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut codes: Vec<&str> =
        v["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    codes.sort();
    assert_eq!(codes, ["unranked-gain", "unranked-job", "unranked-pain"]);
    // In canonical form already.
    let out = vpc(dir.path(), &["fmt", "--check", "Language app.vpc"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn the_starter_asks_the_trigger_questions() {
    let dir = tempfile::tempdir().unwrap();
    let out = vpc(dir.path(), &["init", "-"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for kind in
        [ItemKind::Job, ItemKind::Pain, ItemKind::Gain, ItemKind::Product, ItemKind::Reliever, ItemKind::Creator]
    {
        let main = vpc_model::questions::for_kind(kind)[0];
        assert!(text.contains(&format!("// {main}")), "{kind}: {main}");
    }
    assert!(text.contains("allow: unrelieved-pain"), "it says how to let a minor item go");
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none(), "`-` writes no file");
}

#[test]
fn init_never_replaces_anything() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("canvas.vpc"), "// mine\n").unwrap();
    let out = vpc(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("canvas.vpc already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("canvas.vpc")).unwrap(), "// mine\n");

    // A dangling symlink is not followed: its target is not created.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("elsewhere.vpc"), dir.path().join("link.vpc")).unwrap();
        let out = vpc(dir.path(), &["init", "link.vpc"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(!dir.path().join("elsewhere.vpc").exists());
    }
    // A folder that does not exist: a clear error, exit 2.
    let out = vpc(dir.path(), &["init", "no/such/folder/canvas.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: no/such/folder/canvas.vpc: cannot create it"), "{}", stderr(&out));
}

//! `vpc` from the outside: formats, exit codes, file discovery, `vpc.toml`.

mod common;
use common::*;

use assert_cmd::Command;
use serde_json::{Value, json};

const SPEC_EXAMPLE: &str = include_str!("../../vpc-syntax/test_data/ok/0001_spec_example.vpc");

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

const CLEAN: &str = "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" { importance: high } }\n  value-map { product p \"P\" { serves: j } }\n}\n";
const WARNS: &str =
    "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" }\n  value-map { product p \"P\" { serves: j } }\n}\n";
const ERRS: &str = "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" { importance: \"high\" } }\n  value-map {}\n}\n";

/// Spec §8's JSON sample, as the spec writes it (the output for the example of §3).
const SPEC_JSON: &str = r#"{
  "files": [
    { "path": "examples/wedding.vpc",
      "fit": 78,
      "canvases": [
        { "id": "wedding", "title": "Wedding planner", "fit": 78, "verdict": "partial", "unaddressed": [] }
      ],
      "diagnostics": [
        { "code": "unserved-job", "severity": "warning",
          "message": "job `budget` (high) is not served by any product",
          "range": { "start": { "line": 6, "column": 9 }, "end": { "line": 6, "column": 15 } } },
        { "code": "unserved-job", "severity": "warning",
          "message": "job `impress` (medium) is not served by any product",
          "range": { "start": { "line": 7, "column": 9 }, "end": { "line": 7, "column": 16 } } },
        { "code": "unrelieved-pain", "severity": "warning",
          "message": "pain `invites` (moderate) is not relieved by any reliever",
          "range": { "start": { "line": 11, "column": 10 }, "end": { "line": 11, "column": 17 } } }
      ] }
  ],
  "summary": { "files": 1, "errors": 0, "warnings": 3, "infos": 0 }
}"#;

#[test]
fn json_of_the_spec_example_is_exactly_the_spec_output() {
    let dir = dir_with(&[("examples/wedding.vpc", SPEC_EXAMPLE)]);
    let out = vpc(dir.path(), &["check", "--format", "json", "examples/wedding.vpc"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let actual: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected: Value = serde_json::from_str(SPEC_JSON).unwrap();
    assert_eq!(actual, expected);
    // The spec's sample, byte for byte, once both are printed the same way: keys in
    // the spec's order (serde_json keeps the order it reads).
    assert_eq!(serde_json::to_string(&actual).unwrap(), serde_json::to_string(&expected).unwrap());
}

#[test]
fn json_lists_every_file_in_path_order_with_fits_per_canvas() {
    let two = "canvas a \"A\" { segment s \"S\" { pain p \"P\" { severity: light } } value-map { reliever r \"R\" { relieves: p } } }\ncanvas \"Untitled\" { segment s \"S\" {} value-map {} }\n";
    let dir = dir_with(&[("b.vpc", CLEAN), ("a/two.vpc", two), ("a/empty.vpc", "// nothing yet\n")]);
    let out = vpc(dir.path(), &["check", "--format", "json", "."]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["./a/empty.vpc", "./a/two.vpc", "./b.vpc"]);
    assert_eq!(v["files"][0]["fit"], Value::Null);
    assert_eq!(v["files"][1]["fits"], json!({"a": 100, "Untitled": null}));
    assert_eq!(
        v["files"][1]["canvases"],
        json!([
            {"id": "a", "title": "A", "fit": 100, "verdict": "fit", "unaddressed": []},
            {"id": null, "title": "Untitled", "fit": null, "verdict": "n/a", "unaddressed": []},
        ])
    );
    assert!(v["files"][1].get("fit").is_none());
    assert_eq!(v["files"][2]["fit"], 100);
    assert_eq!(v["summary"], json!({"files": 3, "errors": 0, "warnings": 0, "infos": 0}));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn json_fits_keys_never_collide() {
    // Two untitled canvases titled "Same" and one whose id is `Same`: three fits, none lost.
    let text = "canvas \"Same\" { segment s \"S\" { pain p \"P\" { severity: severe } } value-map {} }\n\
                canvas \"Same\" { segment s \"S\" {} value-map {} }\n\
                canvas Same \"Other\" { segment s \"S\" { pain p \"P\" { severity: severe } } value-map { reliever r \"R\" { relieves: p } } }\n";
    let dir = dir_with(&[("same.vpc", text)]);
    let out = vpc(dir.path(), &["check", "--format", "json", "same.vpc"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["fits"], json!({"Same": 0, "Same#2": null, "Same#3": 100}));
    let verdicts: Vec<&str> =
        v["files"][0]["canvases"].as_array().unwrap().iter().map(|c| c["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["weak", "n/a", "fit"]);
}

#[test]
fn human_format_ends_each_file_with_a_line_per_canvas() {
    let text = "canvas top \"Top pain open\" {\n segment s \"S\" {\n  pain p \"P\" { severity: extreme }\n  gain g \"G\" { relevance: essential }\n }\n value-map {\n  creator k \"K\" { creates: g }\n }\n}\ncanvas \"Nothing yet\" { segment s \"S\" {} value-map {} }\n";
    let dir = dir_with(&[("top.vpc", text), ("clean.vpc", CLEAN)]);
    let out = vpc(dir.path(), &["check", "clean.vpc", "top.vpc"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(": canvas ")).collect();
    assert_eq!(
        lines,
        [
            "clean.vpc: canvas c: fit 100, fit",
            "top.vpc: canvas top: fit 50, partial; unaddressed must-have: p",
            "top.vpc: canvas \"Nothing yet\": fit n/a (no jobs, pains or gains to fit)",
        ]
    );
}

#[test]
fn exit_codes() {
    let dir = dir_with(&[("clean.vpc", CLEAN), ("warns.vpc", WARNS), ("errs.vpc", ERRS)]);
    let code = |args: &[&str]| vpc(dir.path(), args).status.code();
    assert_eq!(code(&["check", "clean.vpc"]), Some(0));
    assert_eq!(code(&["check", "warns.vpc"]), Some(0));
    assert_eq!(code(&["check", "--deny-warnings", "warns.vpc"]), Some(1));
    assert_eq!(code(&["check", "--deny-warnings", "clean.vpc"]), Some(0));
    assert_eq!(code(&["check", "errs.vpc"]), Some(1));
    assert_eq!(code(&["check", "--format", "yaml", "clean.vpc"]), Some(2));
    assert_eq!(code(&["check", "--no-such-flag"]), Some(2));
    assert_eq!(code(&["frobnicate"]), Some(2));
    assert_eq!(code(&["--version"]), Some(0));
    assert_eq!(code(&["check", "--help"]), Some(0));
}

#[test]
fn no_path_means_the_current_folder() {
    let dir = dir_with(&[("errs.vpc", ERRS)]);
    let out = vpc(dir.path(), &["check", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["path"], "./errs.vpc");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unreadable_paths_exit_2_and_the_other_files_are_still_reported() {
    let dir = dir_with(&[("errs.vpc", ERRS), ("clean.vpc", CLEAN)]);
    std::fs::write(dir.path().join("latin1.vpc"), b"canvas c \"Caf\xe9\" {}\n").unwrap();
    let out = vpc(dir.path(), &["check", "--format", "json", "missing.vpc", "errs.vpc", "latin1.vpc", "clean.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            "error: missing.vpc: no such file or folder",
            "error: latin1.vpc: 1:14: not UTF-8 text (byte 0xe9); save the file as UTF-8",
        ]
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["clean.vpc", "errs.vpc"]);
    assert_eq!(v["summary"]["errors"], 1);
}

#[cfg(unix)]
#[test]
fn folders_honour_gitignore_skip_hidden_folders_and_symlinks_but_named_files_are_checked() {
    let dir = dir_with(&[
        ("project/.gitignore", "ignored/\nskip-me.vpc\n"),
        ("project/a.vpc", CLEAN),
        ("project/skip-me.vpc", ERRS),
        ("project/ignored/b.vpc", ERRS),
        ("project/.hidden/c.vpc", ERRS),
        ("project/sub/d.vpc", CLEAN),
        ("project/notes.txt", "not a canvas"),
        ("elsewhere/e.vpc", ERRS),
        ("project/canvas.txt", CLEAN),
    ]);
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), dir.path().join("project/linked")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("elsewhere/e.vpc"), dir.path().join("project/link.vpc")).unwrap();
    let out = vpc(dir.path(), &["check", "--format", "json", "project"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["project/a.vpc", "project/sub/d.vpc"]);
    assert_eq!(out.status.code(), Some(0));

    // Named explicitly, an ignored file, a file in a hidden folder and a file without the extension are checked.
    let out = vpc(
        dir.path(),
        &["check", "--format", "json", "project/skip-me.vpc", "project/.hidden/c.vpc", "project/canvas.txt"],
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 3);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn vpc_toml_levels_apply_from_the_nearest_one_upward() {
    let dir = dir_with(&[
        ("vpc.toml", "[lints]\nunranked-job = \"error\"\n"),
        ("top.vpc", WARNS),
        ("team/vpc.toml", "[lints]\nunranked-job = \"off\"\n"),
        ("team/deep/er/inner.vpc", WARNS),
    ]);
    let out = vpc(dir.path(), &["check", "--format", "json", "."]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["path"], "./team/deep/er/inner.vpc");
    assert_eq!(v["files"][0]["diagnostics"], json!([]));
    assert_eq!(v["files"][1]["diagnostics"][0]["severity"], "error");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_bad_vpc_toml_stops_with_exit_2_naming_file_and_key() {
    for (toml, expected) in [
        (
            "[lints]\nunrelieved-pains = \"error\"\n",
            "vpc.toml:2:1: `lints.unrelieved-pains`: unknown diagnostic code `unrelieved-pains`; did you mean `unrelieved-pain`?",
        ),
        (
            "[lints]\nunrelieved-pain = \"loud\"\n",
            "vpc.toml:2:19: `lints.unrelieved-pain`: unknown level `loud`; use \"error\", \"warning\", \"info\" or \"off\"",
        ),
        (
            "[lints]\nsyntax-error = \"off\"\n",
            "vpc.toml:2:1: `lints.syntax-error`: the level of `syntax-error` cannot be changed",
        ),
    ] {
        let dir = dir_with(&[("vpc.toml", toml), ("a.vpc", CLEAN)]);
        let out = vpc(dir.path(), &["check", "a.vpc"]);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.starts_with("error: ") && err.trim_end().ends_with(expected), "{err}");
        assert!(err.contains(&dir.path().canonicalize().unwrap().join("vpc.toml").display().to_string()), "{err}");
        assert_eq!(stdout(&out), "");
    }
    let dir = dir_with(&[("vpc.toml", "[lint]\n"), ("a.vpc", CLEAN)]);
    let out = vpc(dir.path(), &["check", "a.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("vpc.toml:1:"), "{}", stderr(&out));
}

#[test]
fn human_output_of_the_examples() {
    let out = vpc(&examples().join(".."), &["check", "examples"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn human_output_with_syntax_errors_unicode_and_crlf() {
    let text = "canvas c \"Mariage 💍\" {\r\n  segment s \"Fiancés 🎉\" {\r\n    job a \"Organiser le 💒\" { importance:\r\n    pain p \"Pas le temps ⏰\" { severity: light }\r\n  }\r\n  value-map { product x \"X\" { serves: a } reliever r \"R\" { relieves: p } }\r\n}\r\n";
    let dir = dir_with(&[("mariage.vpc", text)]);
    let out = vpc(dir.path(), &["check", "mariage.vpc"]);
    assert_eq!(out.status.code(), Some(1));
    let human = stdout(&out);
    assert!(!human.contains('\u{1b}'), "no colour off a terminal");
    insta::assert_snapshot!(human);
    let out = vpc(dir.path(), &["check", "--format", "json", "mariage.vpc"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ranges: Vec<&Value> = v["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| &d["range"]).collect();
    // After `importance:` on line 3: columns count characters, so the emoji is one column.
    assert_eq!(ranges[0], &json!({"start": {"line": 3, "column": 41}, "end": {"line": 3, "column": 41}}));
}

#[test]
fn the_clean_examples_pass_with_deny_warnings() {
    let dir = examples();
    for file in ["wedding.vpc", "ride-hailing.vpc", "marketplace.vpc", "outcomes.vpc"] {
        let out = vpc(&dir, &["check", "--deny-warnings", file]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stdout(&out));
    }
}

#[test]
fn the_flawed_example_shows_every_lint() {
    let out = vpc(&examples(), &["check", "--format", "json", "flawed.vpc"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut codes: Vec<&str> =
        v["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 20, "every code but syntax-error: {codes:?}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn explain() {
    let dir = examples();
    let out = vpc(&dir, &["explain"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).lines().count(), 21);
    assert!(stdout(&out).contains("unrelieved-pain        warning  A pain that no reliever relieves"));
    let out = vpc(&dir, &["explain", "unranked-gain"]);
    insta::assert_snapshot!(stdout(&out));
    let out = vpc(&dir, &["explain", "no-such-code"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: `no-such-code` is not a diagnostic code; `vpc explain` lists them\n");
}

/// Colour on a terminal (a pseudo-terminal made by `script` from util-linux), never
/// with `NO_COLOR`, never in a pipe.
#[cfg(target_os = "linux")]
#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = dir_with(&[("warns.vpc", WARNS)]);
    let vpc = assert_cmd::cargo::cargo_bin("vpc");
    let on_terminal = |no_color: bool| {
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", &format!("{} check warns.vpc", vpc.display()), "/dev/null"]).current_dir(dir.path());
        cmd.env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let coloured = on_terminal(false);
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    assert!(coloured.contains("unranked-job"));
    let plain = on_terminal(true);
    assert!(!plain.contains("\u{1b}["), "{plain}");
    assert!(plain.contains("unranked-job"));
    let piped = Command::cargo_bin("vpc")
        .unwrap()
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .args(["check", "warns.vpc"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(piped.stdout).unwrap().contains("\u{1b}["));
}

#[test]
fn a_fifo_or_a_device_named_on_the_command_line_is_an_error_not_a_hang() {
    let dir = dir_with(&[("clean.vpc", CLEAN)]);
    mkfifo(&dir.path().join("pipe.vpc"));
    // Before: `vpc check pipe.vpc` waited for a writer forever.
    let out = vpc_within_a_minute(dir.path(), &["check", "pipe.vpc", "clean.vpc"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: pipe.vpc: not a regular file (a FIFO); name a regular file instead\n",
        "one line naming it; the other file is still checked"
    );
    assert!(stdout(&out).contains("1 file checked"), "{}", stdout(&out));
    // Before: `/dev/zero` was read until the memory ran out.
    let out = vpc_within_a_minute(dir.path(), &["check", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: /dev/zero: not a regular file (a character device); name a regular file instead\n"
    );
}

#[test]
fn a_fifo_inside_a_folder_is_skipped() {
    let dir = dir_with(&[("project/clean.vpc", CLEAN)]);
    mkfifo(&dir.path().join("project/pipe.vpc"));
    let out = vpc_within_a_minute(dir.path(), &["check", "--format", "json", "project"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["files"][0]["path"], "project/clean.vpc");
}

#[test]
fn a_file_larger_than_64_mib_is_refused_without_reading_it_all() {
    let dir = dir_with(&[]);
    // Sparse: 65 MiB of zero bytes (valid UTF-8) that take no room on the disk.
    let file = std::fs::File::create(dir.path().join("huge.vpc")).unwrap();
    file.set_len(65 << 20).unwrap();
    let out = vpc_within_a_minute(dir.path(), &["check", "huge.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: huge.vpc: larger than 64 MiB, the most vpc reads; split it into smaller files\n");
}

#[test]
fn a_vpc_toml_that_is_a_folder_or_a_dangling_link_stops_with_exit_2() {
    // The parent's vpc.toml would turn the warning off: it must not apply in its place.
    let dir = dir_with(&[("vpc.toml", "[lints]\nunranked-job = \"off\"\n"), ("team/a.vpc", WARNS)]);
    std::fs::create_dir(dir.path().join("team/vpc.toml")).unwrap();
    let out = vpc(dir.path(), &["check", "team/a.vpc"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: ") && err.contains("team/vpc.toml: cannot read vpc.toml: a folder, not a file"),
        "{err}"
    );
    assert_eq!(stdout(&out), "");

    std::fs::remove_dir(dir.path().join("team/vpc.toml")).unwrap();
    std::os::unix::fs::symlink("../shared/vpc.toml", dir.path().join("team/vpc.toml")).unwrap();
    let out = vpc(dir.path(), &["check", "team/a.vpc"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "team/vpc.toml: cannot read vpc.toml: a symbolic link to `../shared/vpc.toml`, which does not exist"
        ),
        "{err}"
    );

    // A FIFO called vpc.toml is named too, and not waited on.
    std::fs::remove_file(dir.path().join("team/vpc.toml")).unwrap();
    mkfifo(&dir.path().join("team/vpc.toml"));
    let out = vpc_within_a_minute(dir.path(), &["check", "team/a.vpc"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("team/vpc.toml: cannot read vpc.toml: a FIFO, not a file"), "{}", stderr(&out));
}

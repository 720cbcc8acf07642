//! The example canvases and the parser's valid test files format idempotently and
//! keep their meaning and comments.

mod common;

use std::path::Path;

use vpc_fmt::FormatOptions;

fn vpc_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "vpc"))
        .collect();
    files.sort();
    files
}

fn check_all(dir: &str) -> usize {
    let files = vpc_files(dir);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for options in [
            FormatOptions::default(),
            FormatOptions { line_width: 40, indent: 4 },
            FormatOptions { line_width: 0, indent: 0 },
        ] {
            common::check(&text, &options);
        }
    }
    files.len()
}

#[test]
fn examples_format_idempotently_and_keep_their_meaning() {
    let n = check_all(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"));
    assert!(n >= 5, "only {n} examples found");
}

#[test]
fn parser_test_files_without_errors_format_too() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../vpc-syntax/test_data/ok");
    if Path::new(dir).exists() {
        check_all(dir);
    }
}

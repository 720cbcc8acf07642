//! The semantic diff of two arbitrary texts (the input split at its first NUL byte:
//! old version before, new version after; without one, the old version is empty),
//! rendered in every format: no panic, JSON that parses, and a text compared with
//! itself has no change.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_diff::{Diff, FileDiff, Report, Status, render};
use vpc_model::{Analysis, LintConfig, check};

fn analysis(text: &[u8]) -> Analysis {
    check(&String::from_utf8_lossy(text), &LintConfig::default()).1
}

fn report(diff: Diff) -> Report {
    Report {
        old_revision: Some("main".to_string()),
        new_revision: None,
        files: vec![FileDiff {
            path: "canvas.vpc".to_string(),
            old_path: Some("old/canvas.vpc".to_string()),
            status: Status::Modified,
            diff,
        }],
    }
}

fuzz_target!(|data: &[u8]| {
    let (old, new) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (&[][..], data),
    };
    let (old, new) = (analysis(old), analysis(new));

    let report = report(vpc_diff::diff(&old, &new));
    for colour in [false, true] {
        let _ = render::human(&report, colour);
    }
    let _ = render::markdown(&report);
    let json = render::json(&report);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("the JSON report does not parse: {e}\n{json}");
    }
    let _ = render::Summary::of(&report);

    for side in [&old, &new] {
        let same = vpc_diff::diff(side, side);
        assert!(same.is_empty(), "a text compared with itself has changes: {same:#?}");
    }
});

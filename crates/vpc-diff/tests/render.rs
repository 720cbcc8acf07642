//! The three renderers, on reports that show every kind of line. Snapshots are
//! reviewed by eye: they are what users read.

use vpc_diff::{FileDiff, Report, Status, diff_texts, render};

const BEFORE: &str = include_str!("data/before.vpc");
const AFTER: &str = include_str!("data/after.vpc");
const PLATFORM_BEFORE: &str = include_str!("data/platform-before.vpc");
const PLATFORM_AFTER: &str = include_str!("data/platform-after.vpc");

fn file(path: &str, old_path: Option<&str>, status: Status, old: &str, new: &str) -> FileDiff {
    FileDiff { path: path.into(), old_path: old_path.map(String::from), status, diff: diff_texts(old, new) }
}

/// One file, every kind of change in one canvas, against the working tree.
fn wedding() -> Report {
    Report {
        old_revision: Some("HEAD~1".into()),
        new_revision: None,
        files: vec![file("examples/wedding.vpc", None, Status::Modified, BEFORE, AFTER)],
    }
}

/// Several files between two revisions: modified (several canvases, one removed),
/// added, deleted, renamed, and only reformatted.
fn several_files() -> Report {
    let lawn = "canvas lawn \"Quiet mower\" {\n  segment s \"Homeowners\" {\n    outcome mow-time \"Minimise mowing time\" { importance: 9, satisfaction: 3 }\n    pain noise \"Noise\" { severity: moderate }\n  }\n  value-map \"Mower\" {\n    product mower \"Battery mower\" { kind: tangible, addresses: mow-time }\n  }\n}\n";
    let renamed_old = "canvas solo \"Solo\" {\n  segment s \"S\" { gain g \"Quiet\" { relevance: high } }\n  value-map { creator c \"Brushless motor\" {} }\n}\n";
    let renamed_new = "canvas solo \"Solo\" {\n  segment s \"S\" { gain g \"Quiet\" { relevance: high } }\n  value-map { creator c \"Brushless motor\" { creates: g } }\n}\n";
    let spaced = "canvas x \"X\" { segment s \"S\" { job j \"J\" { importance: low } } value-map {} }\n";
    let reformatted = "// Tidied\ncanvas x \"X\" {\n  segment s \"S\" {\n    job j \"J\" { importance: low }\n  }\n  value-map {}\n}\n";
    Report {
        old_revision: Some("main".into()),
        new_revision: Some("feature/lawn".into()),
        files: vec![
            file("examples/lawn.vpc", None, Status::Added, "", lawn),
            file("examples/platform.vpc", None, Status::Modified, PLATFORM_BEFORE, PLATFORM_AFTER),
            file("examples/solo.vpc", Some("drafts/solo.vpc"), Status::Modified, renamed_old, renamed_new),
            file("examples/tidy.vpc", None, Status::Modified, spaced, reformatted),
            file("examples/wedding.vpc", None, Status::Removed, BEFORE, ""),
        ],
    }
}

/// Two files given on the command line: the canvas renamed, sections changed.
fn two_files() -> Report {
    let old = "canvas app \"Language app\" {\n  description: \"Practice for learners\"\n  segment learners \"Learners\" { market: existing\n    job speak \"Hold a conversation\" { importance: crucial }\n    pain shy \"Too shy to speak\" { severity: severe }\n  }\n}\n";
    let new = "canvas tandem \"Tandem partners\" {\n  segment learners \"Adult learners\" { market: resegmented, strategy: niche\n    job speak \"Hold a conversation\" { importance: crucial, context: \"At the bakery\" }\n    pain shy \"Too shy to speak\" { severity: severe }\n  }\n  value-map offer \"Tandem app\" {\n    reliever partner \"A patient partner\" { relieves: shy }\n  }\n}\n";
    Report {
        old_revision: None,
        new_revision: None,
        files: vec![file("v2/app.vpc", Some("v1/app.vpc"), Status::Modified, old, new)],
    }
}

fn empty() -> Report {
    Report {
        old_revision: Some("HEAD".into()),
        new_revision: None,
        files: vec![file("a.vpc", None, Status::Modified, BEFORE, BEFORE)],
    }
}

#[test]
fn human() {
    insta::assert_snapshot!("human_wedding", render::human(&wedding(), false));
    insta::assert_snapshot!("human_several_files", render::human(&several_files(), false));
    insta::assert_snapshot!("human_two_files", render::human(&two_files(), false));
    insta::assert_snapshot!("human_empty", render::human(&empty(), false));
    insta::assert_snapshot!("human_nothing", render::human(&Report::default(), false));
}

#[test]
fn human_in_colour() {
    let text = render::human(&two_files(), true);
    insta::assert_snapshot!("human_colour", text.replace('\x1b', "␛"));
    let plain = render::human(&two_files(), false);
    assert!(!plain.contains('\x1b'));
}

#[test]
fn markdown() {
    insta::assert_snapshot!("markdown_wedding", render::markdown(&wedding()));
    insta::assert_snapshot!("markdown_several_files", render::markdown(&several_files()));
    insta::assert_snapshot!("markdown_two_files", render::markdown(&two_files()));
    insta::assert_snapshot!("markdown_empty", render::markdown(&empty()));
}

#[test]
fn json() {
    insta::assert_snapshot!("json_wedding", render::json(&wedding()));
    insta::assert_snapshot!("json_several_files", render::json(&several_files()));
    insta::assert_snapshot!("json_empty", render::json(&empty()));
}

#[test]
fn json_is_valid_and_has_the_documented_keys() {
    for report in [wedding(), several_files(), two_files(), empty(), Report::default()] {
        let value: serde_json::Value = serde_json::from_str(&render::json(&report)).unwrap();
        let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["version", "old_revision", "new_revision", "files", "summary"]);
        assert_eq!(value["version"], 1);
        for file in value["files"].as_array().unwrap() {
            let keys: Vec<&str> = file.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(keys, ["path", "old_path", "status", "canvases"]);
            for canvas in file["canvases"].as_array().unwrap() {
                let keys: Vec<&str> = canvas.as_object().unwrap().keys().map(String::as_str).collect();
                assert_eq!(
                    keys,
                    ["status", "id", "title", "fit", "verdict", "changes", "added", "removed", "changed", "coverage"]
                );
            }
        }
    }
}

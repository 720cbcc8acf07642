//! The method's judgement is the same on every surface (issue: "a coach reading
//! `vpc check`, the hover, the render and `vpc diff` gets the same verdict
//! everywhere"): for the examples, the spec's example and a canvas whose top pain is
//! unrelieved, the verdict and fit of `vpc check --format json` are those of the
//! Markdown render, of `vpc diff` from an empty file, and of the editor's hover and
//! code lens on the canvas.

mod common;
use common::*;

use serde_json::Value;

const TOP_PAIN_OPEN: &str = r#"canvas top "Top pain unrelieved" {
  segment s "Busy parents" {
    job meals "Feed the family on weekdays" { importance: high }
    pain no-time "No time to cook after work" { severity: extreme }
    pain waste "Food goes off in the fridge" { severity: moderate }
    gain healthy "The children eat vegetables" { relevance: high }
  }
  value-map "Meal kits" {
    product kit "Weekly meal kit" { serves: meals }
    reliever portions "Exact portions" { relieves: waste, via: kit }
    creator veg "Vegetables in every recipe" { creates: healthy, via: kit }
  }
}
"#;

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn every_surface_gives_the_same_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<(String, String)> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "vpc"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.push(("top.vpc".into(), TOP_PAIN_OPEN.into()));
    files.push(("spec.vpc".into(), include_str!("../../vpc-syntax/test_data/ok/0001_spec_example.vpc").into()));
    files.sort();
    std::fs::write(dir.path().join("empty.vpc"), "").unwrap();
    let mut verdicts_seen = std::collections::BTreeSet::new();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
        let check = json(&vpc(dir.path(), &["check", "--format", "json", name]));
        let canvases = check["files"][0]["canvases"].as_array().unwrap().clone();
        assert!(!canvases.is_empty(), "{name}");

        let diff = json(&vpc(dir.path(), &["diff", "--format", "json", "empty.vpc", name]));
        let diffed = diff["files"][0]["canvases"].as_array().unwrap();
        let markdown = stdout(&vpc(dir.path(), &["render", name, "--format", "md"]));
        let file = vpc_ide::File::new(text.clone(), &vpc_ide::LintConfig::default());
        let lenses = vpc_ide::code_lenses(&file);

        for (n, canvas) in canvases.iter().enumerate() {
            let verdict = canvas["verdict"].as_str().unwrap();
            let fit = &canvas["fit"];
            verdicts_seen.insert(verdict.to_string());
            let what = format!("{name}, canvas {n} ({verdict}, fit {fit})");
            // vpc diff from nothing: the verdict after.
            assert_eq!(diffed[n]["verdict"]["after"], verdict, "diff: {what}");
            assert_eq!(&diffed[n]["fit"]["after"], fit, "diff: {what}");
            // The editor: the lens on the canvas, and the hover on its keyword.
            let lens = &lenses[n].title;
            let hover = vpc_ide::hover(&file, file.analysis.canvases[n].keyword.start).expect(&what).markdown;
            match fit.as_u64() {
                Some(fit) => {
                    assert!(lens.starts_with(&format!("fit {fit} · {verdict}")), "lens {lens:?}: {what}");
                    assert!(hover.contains(&format!("fit **{fit}** · **{verdict}**")), "hover {hover}: {what}");
                    assert!(markdown.contains(&format!("**Fit {fit}% · {verdict}**")), "render: {what}\n{markdown}");
                }
                None => {
                    assert!(lens.starts_with("fit n/a"), "lens {lens:?}: {what}");
                    assert!(hover.contains("fit **n/a**"), "hover {hover}: {what}");
                }
            }
            // Unaddressed must-haves are named everywhere they are listed.
            for id in canvas["unaddressed"].as_array().unwrap() {
                let id = id.as_str().unwrap();
                assert!(
                    diffed[n]["verdict"]["newly_unaddressed"].as_array().unwrap().iter().any(|v| v == id),
                    "{what}"
                );
                assert!(hover.contains(&format!("`{id}`")), "hover names {id}: {what}\n{hover}");
                assert!(markdown.contains(&format!("`{id}`")), "render names {id}: {what}");
            }
        }
    }
    // The files cover the verdicts a coach meets.
    for verdict in ["fit", "partial", "weak"] {
        assert!(verdicts_seen.contains(verdict), "{verdict}: {verdicts_seen:?}");
    }
    // The canvas whose top pain is unrelieved: partial at best, with the pain named.
    let check = json(&vpc(dir.path(), &["check", "--format", "json", "top.vpc"]));
    assert_eq!(check["files"][0]["canvases"][0]["verdict"], "partial");
    assert_eq!(check["files"][0]["canvases"][0]["unaddressed"], serde_json::json!(["no-time"]));
}

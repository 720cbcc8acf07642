//! `vpc render` from the outside: formats, `-o`, stdin, `--canvas`, syntax errors and
//! bad paths.

mod common;
use common::*;

use std::path::{Path, PathBuf};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn xml_options<'a>() -> roxmltree::ParsingOptions<'a> {
    roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() }
}

fn count(doc: &roxmltree::Document, name: &str) -> usize {
    doc.descendants().filter(|n| n.is_element() && n.tag_name().name() == name).count()
}

const TWO: &str = "canvas first \"First canvas\" {\n  segment s \"Riders\" {\n    pain late \"Arriving late | again\" { severity: severe }\n  }\n  value-map m \"App\" {\n    reliever eta \"Live arrival time\" { relieves: late }\n  }\n}\n\ncanvas second \"Second canvas\" {\n  segment s \"Drivers\" {\n    gain income \"Steady income\" { relevance: essential }\n  }\n}\n";
const BROKEN: &str = "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" { importance: } }\n";

#[test]
fn every_format_on_stdout() {
    let dir = examples();
    let out = vpc_with_input(&dir, &["render", "wedding.vpc", "--format", "svg"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let svg = text(&out.stdout);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert_eq!((count(&doc, "circle"), count(&doc, "rect")), (1, 1));
    assert!(svg.contains("Organise a lovely wedding"));

    let out = vpc_with_input(&dir, &["render", "wedding.vpc", "--format", "html"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let doc = roxmltree::Document::parse_with_options(&html, xml_options()).unwrap();
    assert_eq!(count(&doc, "svg"), 1);
    assert!(count(&doc, "table") >= 7);

    for format in ["md", "markdown"] {
        let out = vpc_with_input(&dir, &["render", "wedding.vpc", "--format", format], "");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let md = text(&out.stdout);
        assert!(md.starts_with("# Wedding planner\n"), "{md}");
        assert!(
            md.contains("**Fit 100% · fit** — weight addressed: jobs 48 of 48, pains 36 of 36, gains 37 of 37."),
            "{md}"
        );
        assert!(md.contains("| 1 | Organise a lovely wedding | crucial |"), "{md}");
    }
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn output_file_is_written_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("two.vpc"), TWO).unwrap();
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "--format", "md", "-o", "two.md"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "", "nothing on stdout with -o");
    let md = std::fs::read_to_string(dir.path().join("two.md")).unwrap();
    assert!(md.contains("# First canvas") && md.contains("# Second canvas"), "{md}");
    assert!(md.contains(r"Arriving late \| again"), "{md}");

    // Written again over the old file; the format follows the extension when not given.
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "--output", "two.md", "--canvas", "second"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = std::fs::read_to_string(dir.path().join("two.md")).unwrap();
    assert!(md.starts_with("# Second canvas") && !md.contains("First canvas"), "{md}");
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "-o", "two.html"], "");
    assert_eq!(out.status.code(), Some(0));
    let html = std::fs::read_to_string(dir.path().join("two.html")).unwrap();
    let doc = roxmltree::Document::parse_with_options(&html, xml_options()).unwrap();
    assert_eq!(count(&doc, "svg"), 2, "one picture per canvas");
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "-o", "two.svg"], "");
    assert_eq!(out.status.code(), Some(0));
    let svg = std::fs::read_to_string(dir.path().join("two.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!((count(&doc, "circle"), count(&doc, "rect")), (2, 2), "two canvases stacked");

    // No temporary file is left behind.
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["two.html", "two.md", "two.svg", "two.vpc"]);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let out = vpc_with_input(dir.path(), &["render", "-", "--format", "svg", "--canvas", "first"], TWO);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let svg = text(&out.stdout);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(count(&doc, "circle"), 1);
    assert!(svg.contains("Arriving late | again") && !svg.contains("Second canvas"));
}

#[test]
fn syntax_errors_are_shown_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.vpc"), BROKEN).unwrap();
    let out = vpc_with_input(dir.path(), &["render", "broken.vpc", "--format", "svg", "-o", "broken.svg"], "");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    // As `vpc check` shows them: code, file:line:col and the source line.
    assert!(stderr.contains("[syntax-error]"), "{stderr}");
    assert!(stderr.contains("broken.vpc:2:"), "{stderr}");
    assert!(stderr.contains("segment s \"S\" { job j \"J\" { importance: } }"), "{stderr}");
    assert!(stderr.contains("error: broken.vpc: not rendered: fix the syntax errors first"), "{stderr}");
    assert!(!dir.path().join("broken.svg").exists());
    assert_eq!(text(&out.stdout), "");

    // An existing OUT is left as it was.
    std::fs::write(dir.path().join("old.md"), "old").unwrap();
    let out = vpc_with_input(dir.path(), &["render", "-", "--format", "md", "-o", "old.md"], BROKEN);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("<stdin>:2:"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("old.md")).unwrap(), "old");

    // Lint errors are no reason not to draw: the picture shows the gaps.
    let out = vpc_with_input(&examples(), &["render", "flawed.vpc", "--format", "md"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("⚠️ not relieved"));
}

/// A pain let go on purpose, a must-have left open, and the segment's context.
const JUDGED: &str = "canvas lang \"Practice\" {\n  segment learners \"Adult learners\" {\n    description: \"Adults new to the language\"\n    market: resegmented\n    strategy: niche\n    job speak \"Hold a conversation\" { importance: crucial, context: \"At work\" }\n    pain shy \"Too shy\" { severity: severe }\n    pain accent \"Comments on the accent\" { severity: light, allow: unrelieved-pain }\n  }\n  value-map { reliever tandem \"Partners\" { relieves: shy } }\n}\n";

#[test]
fn the_judgement_and_the_context_are_rendered() {
    let dir = tempfile::tempdir().unwrap();
    let out = vpc_with_input(dir.path(), &["render", "-", "--format", "md"], JUDGED);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    // 8 of 24, the crucial job open; the light pain let go.
    assert!(md.contains("**Fit 33% · weak** — weight addressed: jobs 0 of 16, pains 8 of 8, gains 0 of 0."), "{md}");
    assert!(md.contains("Unaddressed must-haves: **speak**. Let go: `accent`."), "{md}");
    assert!(md.contains("| _Comments on the accent_ | light | — | _let go_ | `accent` |"), "{md}");
    assert!(md.contains("| **⚠️ must-have, not served** | context: At work | `speak` |"), "{md}");
    assert!(md.contains("## Customer segment: Adult learners\n\nAdults new to the language\n"), "{md}");
    assert!(md.contains("- **Market type:** resegmented"), "{md}");

    let out = vpc_with_input(dir.path(), &["render", "-", "--format", "svg"], JUDGED);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let svg = text(&out.stdout);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let item = |id: &str| doc.descendants().find(|n| n.attribute("data-id") == Some(id)).unwrap();
    let accent = item("accent");
    assert_eq!(accent.attribute("class"), Some("item pain let-go"));
    assert!(!accent.descendants().any(|n| n.attribute("class") == Some("warning")));
    assert_eq!(item("speak").attribute("class"), Some("item job open must-have"));
    let fit = doc.descendants().find(|n| n.attribute("class") == Some("fit verdict-weak")).expect("a weak fit");
    assert!(fit.descendants().any(|n| n.text() == Some("weak")));
    let caption = doc.descendants().find(|n| n.attribute("class") == Some("caption")).expect("a caption");
    assert!(
        caption
            .descendants()
            .any(|n| n.text() == Some("Adults new to the language · resegmented market, niche strategy"))
    );
}

#[test]
fn unknown_canvas_lists_the_ids() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("two.vpc"), TWO).unwrap();
    let out =
        vpc_with_input(dir.path(), &["render", "two.vpc", "--format", "md", "--canvas", "third", "-o", "x.md"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "error: two.vpc: no canvas `third`; its canvases are: first, second\n");
    assert!(!dir.path().join("x.md").exists());
    // A canvas without an identifier is picked by its title.
    let out = vpc_with_input(
        dir.path(),
        &["render", "-", "--format", "md", "--canvas", "Untitled"],
        "canvas \"Untitled\" {}\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("# Untitled"));
}

#[test]
fn bad_paths_and_usage_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = vpc_with_input(dir.path(), &["render", "missing.vpc", "--format", "svg"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "error: missing.vpc: no such file or folder\n");

    std::fs::write(dir.path().join("latin1.vpc"), b"canvas c \"caf\xe9\" {}\n").unwrap();
    let out = vpc_with_input(dir.path(), &["render", "latin1.vpc", "--format", "svg"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: latin1.vpc: 1:14: not UTF-8 text"), "{}", text(&out.stderr));

    std::fs::write(dir.path().join("two.vpc"), TWO).unwrap();
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "--format", "md", "-o", "no/such/dir/out.md"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: no/such/dir/out.md: cannot write"), "{}", text(&out.stderr));

    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "--format", "pdf"], "");
    assert_eq!(out.status.code(), Some(2));
    let out = vpc_with_input(dir.path(), &["render"], "");
    assert_eq!(out.status.code(), Some(2));
}

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

#[test]
fn a_fifo_as_output_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("two.vpc"), TWO).unwrap();
    let fifo = dir.path().join("out.md");
    mkfifo(&fifo);
    // A reader at the other end, as `vpc render -o pipe & cat pipe` has.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = vpc_within_a_minute(dir.path(), &["render", "two.vpc", "--format", "md", "-o", "out.md"]);
    // Looked at first: had the FIFO been replaced, the reader would wait forever.
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(reader.join().unwrap().starts_with("# First canvas"));
}

#[test]
fn dev_stdout_and_dash_write_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("two.vpc"), TWO).unwrap();
    for out_name in ["/dev/stdout", "-"] {
        let out = vpc_with_input(dir.path(), &["render", "two.vpc", "--format", "md", "-o", out_name], "");
        assert_eq!(out.status.code(), Some(0), "{out_name}: {}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with("# First canvas"), "{out_name}");
    }
    assert!(std::fs::symlink_metadata("/dev/stdout").unwrap().file_type().is_symlink());
    // `-` is stdout, not a file called `-`.
    assert!(!dir.path().join("-").exists());
}

/// A character device is written to, never replaced by a regular file (as root,
/// `-o /dev/null` used to replace `/dev/null`). Tested on a null device of our own,
/// which only root may make; skipped otherwise.
#[test]
fn a_device_as_output_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    if !root() {
        eprintln!("skipped: needs root to make a device");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("two.vpc"), TWO).unwrap();
    let made = std::process::Command::new("mknod").arg(dir.path().join("null")).args(["c", "1", "3"]).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mknod is not allowed here");
        return;
    }
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "--format", "md", "-o", "null"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::symlink_metadata(dir.path().join("null")).unwrap().file_type().is_char_device());
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn a_symlink_as_output_keeps_the_link_and_replaces_its_target() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("two.vpc"), TWO).unwrap();
    std::fs::create_dir(dir.path().join("site")).unwrap();
    std::fs::write(dir.path().join("site/page.md"), "old").unwrap();
    std::fs::set_permissions(dir.path().join("site/page.md"), std::fs::Permissions::from_mode(0o664)).unwrap();
    std::os::unix::fs::symlink("site/page.md", dir.path().join("out.md")).unwrap();
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "-o", "out.md"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_link(dir.path().join("out.md")).unwrap(), Path::new("site/page.md"));
    let md = std::fs::read_to_string(dir.path().join("site/page.md")).unwrap();
    assert!(md.starts_with("# First canvas"), "{md}");
    assert_eq!(std::fs::metadata(dir.path().join("site/page.md")).unwrap().permissions().mode() & 0o777, 0o664);

    // A link to nothing: its target is created, as a shell's `>` would.
    std::os::unix::fs::symlink("site/new.md", dir.path().join("new.md")).unwrap();
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "-o", "new.md"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::symlink_metadata(dir.path().join("new.md")).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(dir.path().join("site/new.md")).unwrap().starts_with("# First canvas"));

    // A folder is no output.
    let out = vpc_with_input(dir.path(), &["render", "two.vpc", "-o", "site"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "error: site: is a folder; name the file to write\n");
}

#[test]
fn a_fifo_as_input_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("in.vpc"));
    let out = vpc_within_a_minute(dir.path(), &["render", "in.vpc", "--format", "md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "error: in.vpc: not a regular file (a FIFO); name a regular file instead\n");
}

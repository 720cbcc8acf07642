//! What `vpc` prints to a terminal is safe and bounded, whatever the files hold:
//! no control character, line separator or bidirectional control from a file, a path
//! or an argument reaches the terminal raw; line numbers are the language's; and the
//! human format stays small for a huge number of diagnostics or a huge line.

mod common;
use common::*;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

/// What must never be printed raw (see `vpc_syntax::printable`), given as a test of
/// its own rather than through that module, so that the test checks the module too.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200E}' | '\u{200F}')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Both streams of a run, each free of raw unsafe characters; they are returned as text.
fn safe(what: &str, out: &Output) -> (String, String) {
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        if let Some(c) = text.chars().find(|&c| unsafe_char(c)) {
            panic!("{what}: {stream} holds {c:?} raw:\n{text}");
        }
    }
    (stdout.into_owned(), stderr.into_owned())
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A file name with an escape sequence that would retitle the terminal.
const EVIL_NAME: &str = "evil\u{1b}]0;name\u{7}.vpc";
const EVIL_NAME_SHOWN: &str = "evil\\u{1B}]0;name\\u{7}.vpc";

/// Control characters, C1 controls, NUL, bidirectional controls and a line separator
/// in a comment, a title, an attribute value and junk that is no token.
const EVIL: &str = concat!(
    "// hidden \u{1b}[8m text \u{0} nul \u{9b}31m c1 \u{202E}rtl\u{2066} \u{2028} ls\n",
    "canvas c \"Title \u{1b}[31mred\u{7}\" {\n",
    "  segment s \"S\" {\n",
    "    job j \"J \u{200F}\" { importance: high, frequency: \"\\u{1b}]0;freq\\u{7}\" }\n",
    "    \u{1b}]0;pwned\u{7}\n",
    "  }\n",
    "  value-map {}\n",
    "}\n",
);

#[test]
fn nothing_unsafe_from_files_paths_or_arguments_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, EVIL_NAME, EVIL);

    // `vpc check`, human: the source line with the junk is shown escaped.
    let out = vpc(d, &["check", EVIL_NAME]);
    assert_eq!(out.status.code(), Some(1));
    let (human, _) = safe("check", &out);
    assert!(human.contains("\\u{1B}]0;pwned\\u{7}"), "{human}");
    assert!(human.contains(&format!("{EVIL_NAME_SHOWN}:5:5")), "{human}");
    assert!(human.contains("Error: `\\u{1B}` is not part of the .vpc language"), "{human}");

    // `vpc check`, github.
    let out = vpc(d, &["check", "--format", "github", EVIL_NAME]);
    let (github, _) = safe("check --format github", &out);
    assert!(github.contains("file=evil\\u{1B}]0;name\\u{7}.vpc,line=5,col=5,"), "{github}");

    // JSON keeps the text exactly (JSON escapes it).
    let out = vpc(d, &["check", "--format", "json", EVIL_NAME]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["path"], EVIL_NAME);

    // `vpc fmt` refuses the file: the syntax errors and the refusal on stderr.
    let out = vpc(d, &["fmt", EVIL_NAME]);
    assert_eq!(out.status.code(), Some(1));
    let (_, errors) = safe("fmt", &out);
    assert!(errors.contains("\\u{1B}]0;pwned\\u{7}"), "{errors}");
    assert!(errors.contains(&format!("error: {EVIL_NAME_SHOWN}: not formatted")), "{errors}");
    assert_eq!(std::fs::read_to_string(d.join(EVIL_NAME)).unwrap(), EVIL, "left alone");

    // `vpc fmt --check` on a readable file that would change: the diff is escaped.
    let messy = EVIL.replace("    \u{1b}]0;pwned\u{7}\n", "").replace("  segment", "      segment");
    write(d, "messy.vpc", &messy);
    let out = vpc(d, &["fmt", "--check", "messy.vpc"]);
    assert_eq!(out.status.code(), Some(1));
    let (diff, _) = safe("fmt --check", &out);
    assert!(diff.contains("-      segment s \"S\" {"), "{diff}");
    assert!(
        diff.contains(" // hidden \\u{1B}[8m text \\u{0} nul \\u{9B}31m c1 \\u{202E}rtl\\u{2066} \\u{2028} ls"),
        "{diff}"
    );
    let out = vpc_with_input(d, &["fmt", "--check", "-"], &messy);
    let (diff, _) = safe("fmt --check -", &out);
    assert!(diff.contains("Title \\u{1B}[31mred\\u{7}"), "{diff}");

    // `vpc diff`, human and Markdown: titles, attribute values and paths.
    let new = messy.replace("Title", "New title").replace("job j \"J \u{200F}\"", "job j \"J \u{202E}\"");
    write(d, "old.vpc", &messy.replace("\\u{1b}]0;freq\\u{7}", "daily"));
    write(d, EVIL_NAME, &new);
    for format in ["human", "md"] {
        let out = vpc(d, &["diff", "old.vpc", EVIL_NAME, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let (text, _) = safe(&format!("diff --format {format}"), &out);
        assert!(text.contains("u{1B}]0;freq"), "{format}: {text}");
        assert!(text.contains("u{202E}"), "{format}: {text}");
        assert!(text.contains("evil\\u{1B}") || text.contains("evil\\\\u{1B}"), "{format}: {text}");
    }

    // Error messages naming a path or an argument.
    let out = vpc(d, &["check", "gone\u{1b}[2J.vpc"]);
    assert_eq!(out.status.code(), Some(2));
    let (_, errors) = safe("check a missing path", &out);
    assert_eq!(errors, "error: gone\\u{1B}[2J.vpc: no such file or folder\n");
    let out = vpc(d, &["explain", "\u{1b}]0;code\u{7}"]);
    assert_eq!(out.status.code(), Some(2));
    let (_, errors) = safe("explain", &out);
    assert!(errors.starts_with("error: `\\u{1B}]0;code\\u{7}` is not a diagnostic code"), "{errors}");
    let out = vpc(d, &["diff", "old.vpc", "gone\u{1b}[2J.vpc"]);
    let (_, errors) = safe("diff a missing path", &out);
    assert!(errors.contains("gone\\u{1B}[2J.vpc"), "{errors}");
}

/// The `file:line:column` headers of the human format, in order.
fn human_locations(human: &str) -> Vec<String> {
    human
        .lines()
        .filter_map(|l| l.split_once("╭─[ ").map(|(_, rest)| rest.trim_end_matches(" ]").to_string()))
        .collect()
}

/// `file:line:column` of each diagnostic, from `--format json`.
fn json_locations(dir: &Path, file: &str) -> Vec<String> {
    let out = vpc(dir, &["check", "--format", "json", file]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{file}:{}:{}", d["range"]["start"]["line"], d["range"]["start"]["column"]))
        .collect()
}

#[test]
fn unicode_line_and_paragraph_separators_and_next_line_do_not_end_lines() {
    for (name, separator) in [("ls.vpc", '\u{2028}'), ("ps.vpc", '\u{2029}'), ("nel.vpc", '\u{85}')] {
        let dir = tempfile::tempdir().unwrap();
        let text = format!("// a{separator}b\ncanvas c \"C{separator}D\" {{ // x{separator}y\n  bogus\n}}\n");
        write(dir.path(), name, &text);
        let out = vpc(dir.path(), &["check", name]);
        let (human, _) = safe(name, &out);
        let expected = json_locations(dir.path(), name);
        assert!(expected.contains(&format!("{name}:3:8")), "{expected:?}");
        assert_eq!(human_locations(&human), expected, "{human}");
        assert!(human.contains(" 3 │   bogus\n"), "{human}");
        let shown = format!("\\u{{{:X}}}", separator as u32);
        assert!(human.contains(&format!(" 2 │ canvas c \"C{shown}D\" {{ // x{shown}y\n")), "{human}");
    }
}

#[test]
fn a_64_kb_line_of_errors_prints_a_bounded_report() {
    let dir = tempfile::tempdir().unwrap();
    let text = "@ ".repeat(32 * 1024);
    write(dir.path(), "big.vpc", &text);

    let out = vpc(dir.path(), &["check", "big.vpc"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.len() < 1 << 20, "{} bytes", out.stdout.len());
    let (human, _) = safe("check", &out);
    assert_eq!(human.matches("Error: `@` is not part of the .vpc language").count(), 50);
    // The parser reports at most 1000 syntax errors and one that says so (vpc-syntax's
    // MAX_SYNTAX_ERRORS); the human format shows 50 of them.
    assert!(
        human.contains("… and 951 more in big.vpc: syntax-error ×951 (`vpc check --format json` lists every one)\n"),
        "{}",
        human.lines().rev().take(5).collect::<Vec<_>>().join("\n")
    );
    assert!(human.ends_with("done: 1 file checked, 1001 errors, 0 warnings\n"));
    // Each source line is cut to a window: nothing near the 64 KB of the line.
    assert!(human.lines().all(|l| l.chars().count() < 140), "a long line");
    assert_eq!(human_locations(&human), json_locations(dir.path(), "big.vpc")[..50]);

    // `vpc fmt` shows the errors that stop it the same way.
    let out = vpc(dir.path(), &["fmt", "big.vpc"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.len() < 1 << 20, "{} bytes", out.stderr.len());
    let (_, errors) = safe("fmt", &out);
    assert!(errors.contains("… and 951 more in big.vpc: syntax-error ×951"), "{errors}");
    assert!(errors.contains("error: big.vpc: not formatted: fix the syntax errors first\n"), "{errors}");
}

#[test]
fn a_long_line_is_cut_around_the_spot_with_the_real_column() {
    let dir = tempfile::tempdir().unwrap();
    // The error is 20 000 characters into line 2, after escapes that print wider and
    // characters of two bytes.
    let text = format!(
        "canvas c \"C\" {{\n  segment s \"S\" {{ job j \"{}{}{}\" {{ importance: hihg }} }}\n  value-map {{ product p \"P\" {{ serves: j }} }}\n}}\n",
        "\u{1}".repeat(100),
        "é".repeat(1000),
        "x".repeat(19_000)
    );
    write(dir.path(), "long.vpc", &text);
    let out = vpc(dir.path(), &["check", "long.vpc"]);
    let (human, _) = safe("check", &out);
    let expected = json_locations(dir.path(), "long.vpc");
    assert_eq!(expected, ["long.vpc:2:20142"]);
    assert_eq!(human_locations(&human), expected, "{human}");
    let shown = human.lines().find(|l| l.contains("importance: hihg")).expect(&human);
    assert!(shown.starts_with(" 2 │ …xxx") && shown.ends_with("\" { importance: hihg } }"), "{shown}");
    assert!(shown.chars().count() <= 130, "{shown}");
    // The carets are under `hihg`.
    let carets = human.lines().skip_while(|l| *l != shown).nth(1).unwrap();
    let column = |line: &str, pattern: &str| line[..line.find(pattern).unwrap()].chars().count();
    assert_eq!(column(carets, "─"), column(shown, "hihg"), "{shown}\n{carets}");
}

#[test]
fn every_code_is_named_when_diagnostics_are_cut() {
    let flawed = std::fs::read_to_string(examples().join("flawed.vpc")).unwrap();
    let mut text = String::new();
    while text.len() < 64 * 1024 {
        text.push_str(&flawed);
    }
    text.push_str("@\n");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "many.vpc", &text);
    let out = vpc(dir.path(), &["check", "--format", "json", "many.vpc"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert!(diagnostics.len() > 100, "{}", diagnostics.len());
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 21, "{codes:?}");

    let out = vpc(dir.path(), &["check", "many.vpc"]);
    assert!(out.stdout.len() < 1 << 20, "{} bytes", out.stdout.len());
    let (human, _) = safe("check", &out);
    let more = human.lines().find(|l| l.starts_with("… and ")).expect("a `… and N more` line");
    assert!(more.starts_with(&format!("… and {} more in many.vpc: ", diagnostics.len() - 50)), "{more}");
    for code in codes {
        assert!(human.contains(&format!("[{code}]")) || more.contains(&format!("{code} ×")), "{code} not named");
    }
    let summary = human.lines().last().unwrap();
    let count = |severity: &str| diagnostics.iter().filter(|d| d["severity"] == severity).count();
    assert!(summary.contains(&format!("{} errors, {} warnings", count("error"), count("warning"))), "{summary}");
}

//! One fixture per diagnostic code, in `test_data/lints/<code>.vpc`: every
//! diagnostic the file produces must be marked by an annotation under its line,
//!
//! ```text
//!     pain invites "Trouble sending invites" { severity: moderate }
//! //       ^^^^^^^ unrelieved-pain
//! ```
//!
//! and every annotation must be matched, so each fixture shows the lint firing
//! and staying quiet on the lines without marks. A diagnostic whose severity is not
//! its code's default carries it in the mark: `// ^^^ unrelieved-pain (info)`.

use std::collections::BTreeSet;
use std::path::Path;

use vpc_model::{Code, LintConfig, check};
use vpc_syntax::LineIndex;

type Mark = (usize, usize, usize, String); // line, start column, end column, code (0-based, chars)

fn expected(text: &str) -> BTreeSet<Mark> {
    let mut marks = BTreeSet::new();
    let mut target = 0;
    for (n, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix("//") else {
            target = n;
            continue;
        };
        let trimmed = rest.trim_start();
        if !trimmed.starts_with('^') {
            target = n;
            continue;
        }
        let start = 2 + rest.len() - trimmed.len();
        let carets = trimmed.chars().take_while(|&c| c == '^').count();
        let code = trimmed[carets..].trim().to_string();
        marks.insert((target, start, start + carets, code));
    }
    marks
}

fn actual(text: &str) -> BTreeSet<Mark> {
    let (parse, analysis) = check(text, &LintConfig::default());
    assert_eq!(parse.errors, [], "fixtures must be free of syntax errors");
    let index = LineIndex::new(text);
    analysis
        .diagnostics
        .iter()
        .map(|d| {
            let (a, b) = index.span_line_cols(text, d.span);
            assert_eq!(a.line, b.line, "single-line spans");
            let mark = match d.severity == d.code.default_severity() {
                true => d.code.as_str().to_string(),
                false => format!("{} ({})", d.code, d.severity.as_str()),
            };
            (a.line, a.col, b.col, mark)
        })
        .collect()
}

/// What is wrong with one fixture, if anything.
fn check_fixture(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let (expected, actual) = (expected(&text), actual(&text));
    let show = |set: &BTreeSet<Mark>| {
        set.iter().map(|(l, s, e, c)| format!("  {}:{}-{} {c}", l + 1, s + 1, e + 1)).collect::<Vec<_>>().join("\n")
    };
    (expected != actual).then(|| {
        format!(
            "{}\nmissing:\n{}\nunexpected:\n{}",
            path.display(),
            show(&expected.difference(&actual).cloned().collect()),
            show(&actual.difference(&expected).cloned().collect()),
        )
    })
}

#[test]
fn every_code_has_a_fixture_that_fires() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/lints");
    for code in Code::ALL {
        if *code == Code::SyntaxError {
            continue; // covered by vpc-syntax's golden files
        }
        let path = dir.join(format!("{code}.vpc"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no fixture {}", path.display()));
        assert!(
            expected(&text).iter().any(|m| m.3.split(' ').next() == Some(code.as_str())),
            "{code}: the fixture never fires it"
        );
    }
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/lints");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(!paths.is_empty());
    let failures: Vec<String> = paths.iter().filter_map(|p| check_fixture(p)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

//! Arbitrary text and arbitrary mutations of the examples never panic the
//! parser or the linter, and every diagnostic lies inside the text.

use proptest::prelude::*;
use vpc_model::{LintConfig, check};

const EXAMPLES: &[&str] = &[
    include_str!("../../../examples/wedding.vpc"),
    include_str!("../../../examples/ride-hailing.vpc"),
    include_str!("../../../examples/marketplace.vpc"),
    include_str!("../../../examples/outcomes.vpc"),
    include_str!("../../../examples/flawed.vpc"),
];

fn assert_sane(text: &str) {
    let (parse, analysis) = check(text, &LintConfig::default());
    for e in &parse.errors {
        assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "{e:?}");
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "{e:?}");
    }
    for d in &analysis.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{d:?}");
        assert!(!d.message.is_empty());
    }
    for canvas in &analysis.canvases {
        if let Some(fit) = canvas.fit() {
            assert!(fit <= 100);
        }
    }
}

/// Pieces of the language, so that mutations make near-valid text, not just noise.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(":".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("// note\n".to_string()),
        Just("😀".to_string()),
        Just("é".to_string()),
        Just("\u{feff}".to_string()),
        Just("9am".to_string()),
        Just("\\u{D800}".to_string()),
        prop::sample::select(vec![
            "canvas",
            "segment",
            "value-map",
            "job",
            "pain",
            "gain",
            "outcome",
            "product",
            "reliever",
            "creator",
            "relieves",
            "creates",
            "importance",
            "severity",
            "relevance",
            "allow",
            "x",
        ])
        .prop_map(|s| format!(" {s} ")),
        "[a-z\" :{}\\[\\],\n]{0,12}",
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    DuplicateLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), fragment()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Edit::Delete(at, len)),
        any::<usize>().prop_map(Edit::DuplicateLine),
    ]
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match edit {
        Edit::Insert(at, s) => {
            let at = floor_char(text, at % (text.len() + 1));
            text.insert_str(at, s);
        }
        Edit::Delete(at, len) => {
            let start = floor_char(text, at % (text.len() + 1));
            let end = floor_char(text, start + len);
            text.replace_range(start..end, "");
        }
        Edit::DuplicateLine(n) => {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            if !lines.is_empty() {
                let line = lines[n % lines.len()].to_string();
                let at = lines[..n % lines.len()].iter().map(|l| l.len()).sum();
                text.insert_str(at, &line);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}") {
        assert_sane(&text);
    }

    #[test]
    fn arbitrary_fragments(parts in prop::collection::vec(fragment(), 0..60)) {
        assert_sane(&parts.concat());
    }

    #[test]
    fn mutated_examples(example in 0..EXAMPLES.len(), edits in prop::collection::vec(edit(), 1..12)) {
        let mut text = EXAMPLES[example].to_string();
        for e in &edits {
            apply(&mut text, e);
            assert_sane(&text);
        }
    }
}

#[test]
fn every_prefix_of_every_example() {
    // What an editor sees while a file is typed from top to bottom.
    for example in EXAMPLES {
        let mut end = 0;
        while end <= example.len() {
            if example.is_char_boundary(end) {
                assert_sane(&example[..end]);
            }
            end += 7;
        }
    }
}

#[test]
fn deep_nesting_and_huge_lines() {
    assert_sane(&"[".repeat(100_000));
    assert_sane(&format!("canvas c \"c\" {{ segment s \"s\" {{ job j \"j\" {{ note: {} }} }} }}", "[".repeat(100_000)));
    assert_sane(&"{".repeat(100_000));
    assert_sane(&"canvas ".repeat(20_000));
    assert_sane(&format!("canvas c \"{}\" {{}}", "x".repeat(1_000_000)));
}

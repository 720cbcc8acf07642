//! Arbitrary text and arbitrary mutations of the examples never panic the
//! parser or the linter, and every diagnostic lies inside the text.

use proptest::prelude::*;
use vpc_model::{LintConfig, check};

use vpc_testing::{EXAMPLES, apply, edit, fragment};

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

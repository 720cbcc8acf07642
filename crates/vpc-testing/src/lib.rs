//! What the robustness tests of several crates share: the example canvases, and
//! proptest strategies for `.vpc`-flavoured text fragments and random edits
//! (inserting fragments, deleting ranges, duplicating lines), applied on character
//! boundaries so that every edited text is valid UTF-8.

use proptest::prelude::*;

/// Every file of `examples/`, as text.
pub const EXAMPLES: &[&str] = &[
    include_str!("../../../examples/wedding.vpc"),
    include_str!("../../../examples/ride-hailing.vpc"),
    include_str!("../../../examples/marketplace.vpc"),
    include_str!("../../../examples/outcomes.vpc"),
    include_str!("../../../examples/flawed.vpc"),
];

/// A piece of text likely to matter to the lexer or the parser: punctuation, every
/// line break, quotes and escapes, multi-byte characters, keywords and attribute
/// keys, or a short run of structural characters.
pub fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\n",
            "\r\n",
            "\r",
            "\"",
            "\\",
            "// note\n",
            "😀",
            "é",
            "\u{feff}",
            "9am",
            "\\u{D800}",
        ])
        .prop_map(str::to_string),
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
            "via",
            "addresses",
            "serves",
            "when",
            "aspect",
            "85%",
            "unserved-job",
            "x",
            "no-time",
            "kind",
        ])
        .prop_map(|s| format!(" {s} ")),
        "[a-z\" :{}\\[\\],\n]{0,12}",
    ]
}

/// One change to a text; positions are taken modulo its length.
#[derive(Debug, Clone)]
pub enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    DuplicateLine(usize),
}

pub fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), fragment()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Edit::Delete(at, len)),
        any::<usize>().prop_map(Edit::DuplicateLine),
    ]
}

/// The largest character boundary of `text` not after `at`.
pub fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub fn apply(text: &mut String, edit: &Edit) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_text_valid_at_any_position() {
        let mut text = "a😀é\r\nb".to_string();
        apply(&mut text, &Edit::Insert(2, "x".into()));
        assert_eq!(text, "ax😀é\r\nb", "inside the emoji: moved back to its start");
        apply(&mut text, &Edit::Delete(usize::MAX, 3));
        assert!(text.is_char_boundary(text.len()));
        apply(&mut text, &Edit::DuplicateLine(0));
        assert!(text.starts_with("ax😀é\r\nax😀é\r\n"), "{text:?}");
    }
}

//! Every feature, at every kind of offset, on arbitrary text and on random
//! mutations of the examples: nothing panics, and every span returned lies inside
//! the text on character boundaries.

use proptest::prelude::*;
use vpc_ide::*;

use vpc_testing::{EXAMPLES, apply, edit, fragment};

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what}: {span:?} outside 0..{}", text.len());
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries"
    );
}

fn check_edits(text: &str, edits: &[TextEdit], what: &str) {
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start);
    for pair in sorted.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{what}: overlapping edits {pair:?}");
    }
    for e in edits {
        check_span(text, e.span, what);
    }
}

fn check_symbols(text: &str, symbols: &[Symbol]) {
    for s in symbols {
        check_span(text, s.range, "symbol range");
        check_span(text, s.selection, "symbol selection");
        check_symbols(text, &s.children);
    }
}

/// Run every feature on `text` at `offsets` (and a few past the end).
fn exercise(text: &str, offsets: &[usize]) {
    let file = File::new(text.to_string(), &LintConfig::default());
    let len = text.len();
    let whole = Span::new(0, len);
    for d in file.diagnostics() {
        check_span(text, d.span, "diagnostic");
    }
    check_symbols(text, &document_symbols(&file));
    for w in workspace_symbols(&[("f", &file)], "a") {
        check_span(text, w.symbol.range, "workspace symbol");
    }
    for f in folding_ranges(&file) {
        check_span(text, f.span, "fold");
    }
    let tokens = semantic_tokens(&file, None);
    for pair in tokens.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "overlapping tokens {pair:?}");
    }
    for t in &tokens {
        check_span(text, t.span, "semantic token");
        assert!(!text[t.span.range()].contains(['\n', '\r']), "multi-line token {t:?}");
    }
    for h in inlay_hints(&file, whole) {
        assert!(h.offset <= len && text.is_char_boundary(h.offset));
    }
    for l in code_lenses(&file) {
        check_span(text, l.span, "lens");
    }
    for a in code_actions(&file, whole) {
        check_edits(text, &a.edits, &a.title);
        let _ = apply_edits(text, &a.edits);
    }
    if let Some(edits) = format(&file, &FormatOptions::default()) {
        check_edits(text, &edits, "format");
        assert_eq!(apply_edits(text, &edits), vpc_fmt::format(text, &FormatOptions::default()).unwrap());
    }
    let mut all: Vec<usize> = offsets.iter().map(|o| o % (len + 1)).collect();
    all.extend([0, len, len + 1, usize::MAX]);
    for &offset in &all {
        if let Some(h) = hover(&file, offset) {
            check_span(text, h.range, "hover");
            assert!(!h.markdown.is_empty());
        }
        for c in completions(&file, offset) {
            check_span(text, c.replace, "completion");
            let mut at = offset.min(len);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            assert!(c.replace.touches(at), "{c:?} at {offset}");
        }
        if let Some(span) = goto_definition(&file, offset) {
            check_span(text, span, "definition");
        }
        for span in references(&file, offset, true) {
            check_span(text, span, "reference");
        }
        for h in highlights(&file, offset) {
            check_span(text, h.span, "highlight");
        }
        if let Ok(span) = prepare_rename(&file, offset) {
            check_span(text, span, "prepare rename");
            let edits = rename(&file, offset, "renamed-x").unwrap_or_default();
            check_edits(text, &edits, "rename");
        }
        let ranges = selection_ranges(&file, offset);
        for pair in ranges.windows(2) {
            assert!(pair[1].start <= pair[0].start && pair[0].end <= pair[1].end, "selection not nested: {pair:?}");
        }
        for s in ranges {
            check_span(text, s, "selection");
        }
        let range = Span::new(offset.min(len), offset.saturating_add(40).min(len));
        for t in semantic_tokens(&file, Some(range)) {
            check_span(text, t.span, "ranged token");
        }
        let _ = inlay_hints(&file, range);
        let _ = code_actions(&file, range);
        let _ = format_range(&file, range, &FormatOptions::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}", offsets in prop::collection::vec(any::<usize>(), 8)) {
        exercise(&text, &offsets);
    }

    #[test]
    fn arbitrary_fragments(parts in prop::collection::vec(fragment(), 0..40), offsets in prop::collection::vec(any::<usize>(), 8)) {
        exercise(&parts.concat(), &offsets);
    }

    #[test]
    fn mutated_examples(
        example in 0..EXAMPLES.len(),
        edits in prop::collection::vec(edit(), 1..6),
        offsets in prop::collection::vec(any::<usize>(), 12),
    ) {
        let mut text = EXAMPLES[example].to_string();
        for e in &edits {
            apply(&mut text, e);
        }
        exercise(&text, &offsets);
    }
}

#[test]
fn every_offset_of_every_example() {
    for example in EXAMPLES {
        let offsets: Vec<usize> = (0..=example.len()).step_by(7).collect();
        exercise(example, &offsets);
    }
}

#[test]
fn every_prefix_of_an_example() {
    // What an editor sees while a file is typed from top to bottom.
    let example = EXAMPLES[0];
    let mut end = 0;
    while end <= example.len() {
        if example.is_char_boundary(end) {
            let prefix = &example[..end];
            exercise(prefix, &[end.saturating_sub(1), end, end / 2]);
        }
        end += 11;
    }
}

#[test]
fn multi_byte_text_everywhere() {
    let text = "canvas c \"Café 😀\" { // ünïcödé\n  segment s \"日本\" { job j \"é\" { importance: high, note: \"😀😀\" } }\n}";
    let offsets: Vec<usize> = (0..=text.len() + 2).collect();
    exercise(text, &offsets);
}

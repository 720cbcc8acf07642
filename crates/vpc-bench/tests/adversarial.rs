//! Every family of hostile text, at 1 MB, is parsed and analysed to the end. Time and
//! memory are not asserted here (they are measured by benchmarks), but a family that
//! became quadratic again would take minutes instead of a fraction of a second, which
//! CI notices; and the number of syntax errors kept is checked, as it bounds memory.

use vpc_bench::{FAMILIES, adversarial};
use vpc_model::LintConfig;
use vpc_syntax::MAX_SYNTAX_ERRORS;

fn check_family(family: &str) {
    let text = adversarial(family, 1 << 20);
    let (parse, analysis) = vpc_model::check(&text, &LintConfig::default());
    assert!(parse.errors.len() <= MAX_SYNTAX_ERRORS + 1, "{family}: {} syntax errors", parse.errors.len());
    for d in &analysis.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{family}: {d:?}");
    }
}

macro_rules! families {
    ($($test:ident: $family:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check_family($family);
            }
        )*

        #[test]
        fn every_family_has_a_test() {
            assert_eq!([$($family),*], FAMILIES);
        }
    };
}

families! {
    junk_lines: "junk-lines",
    junk_line: "junk-line",
    deep_lists: "deep-lists",
    deep_lists_in_canvas: "deep-lists-in-canvas",
    open_braces: "open-braces",
    close_braces: "close-braces",
    quote_lines: "quote-lines",
    quote_lines_in_canvas: "quote-lines-in-canvas",
    canvas_keywords: "canvas-keywords",
    canvas_heads: "canvas-heads",
    items_without_blocks: "items-without-blocks",
    keywords_without_heads: "keywords-without-heads",
    long_identifier: "long-identifier",
    long_string: "long-string",
    unterminated_strings: "unterminated-strings",
    line_break_mix: "line-break-mix",
    stray_words_in_items: "stray-words-in-items",
}

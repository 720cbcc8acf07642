//! The parser and every lint on arbitrary text: no panic, and every span (syntax
//! errors, diagnostics and their related notes) lies inside the text, on character
//! boundaries, start before end.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_model::{LintConfig, check};
use vpc_syntax::Span;

fn assert_span(text: &str, span: Span, what: &dyn std::fmt::Debug) {
    assert!(span.start <= span.end && span.end <= text.len(), "span out of the text ({} bytes): {what:?}", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "span inside a character: {what:?}");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (parse, analysis) = check(&text, &LintConfig::default());
    for error in &parse.errors {
        assert_span(&text, error.span, error);
        assert!(!error.message.is_empty(), "{error:?}");
    }
    for diagnostic in &analysis.diagnostics {
        assert_span(&text, diagnostic.span, diagnostic);
        for related in &diagnostic.related {
            assert_span(&text, related.span, diagnostic);
        }
        assert!(!diagnostic.message.is_empty(), "{diagnostic:?}");
    }
    assert!(
        analysis.diagnostics.windows(2).all(|w| w[0].span.start <= w[1].span.start),
        "diagnostics not sorted by position"
    );
    for canvas in &analysis.canvases {
        if let Some(fit) = canvas.fit() {
            assert!(fit <= 100, "fit {fit} over 100");
        }
    }
});

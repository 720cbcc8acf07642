//! SVG, HTML and Markdown of the canvases of arbitrary text: no panic, the same bytes
//! every time (SVG, Markdown), and the SVG and the HTML page well-formed XML (as `vpc-render`
//! promises: every text escaped, characters XML forbids replaced).

#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_model::{LintConfig, check};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (_, analysis) = check(&text, &LintConfig::default());
    let canvases = &analysis.canvases;

    let svg = vpc_render::svg(canvases);
    if let Err(e) = roxmltree::Document::parse(&svg) {
        panic!("the SVG is not well-formed XML: {e}\n{svg}");
    }
    let html = vpc_render::html(canvases);
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    if let Err(e) = roxmltree::Document::parse_with_options(&html, options) {
        panic!("the HTML page is not well-formed XML: {e}\n{html}");
    }
    let markdown = vpc_render::markdown(canvases);

    // (The HTML page is not rendered twice: it draws the same picture, and laying the
    // picture out is most of the time a run takes.)
    assert_eq!(vpc_render::svg(canvases), svg, "SVG not deterministic");
    assert_eq!(vpc_render::markdown(canvases), markdown, "Markdown not deterministic");
});

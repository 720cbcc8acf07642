use vpc_ide::{FormatOptions, Span, apply_edits, format, format_range};

use super::fixture::*;

const MESSY: &str = "canvas c \"C\" {\nsegment s \"S\" {\n   job a \"A\" {importance:high,kind:functional}\n    job b \"B\" { importance: low }\n  pain p \"P\"   { severity: light }\n}\n}\n";

#[test]
fn whole_document_edits_are_minimal_and_give_the_formatted_text() {
    let file = analyse(MESSY);
    let edits = format(&file, &FormatOptions::default()).unwrap();
    let shown: Vec<String> =
        edits.iter().map(|e| format!("{:?} {:?} -> {:?}", e.span, &MESSY[e.span.range()], e.new_text)).collect();
    insta::assert_snapshot!(shown.join("\n"), @r#"
    15..78 "segment s \"S\" {\n   job a \"A\" {importance:high,kind:functional}\n" -> "  segment s \"S\" {\n    job a \"A\" { kind: functional, importance: high }\n"
    112..149 "  pain p \"P\"   { severity: light }\n}\n" -> "    pain p \"P\" { severity: light }\n  }\n"
    "#);
    assert_eq!(apply_edits(MESSY, &edits), vpc_fmt::format(MESSY, &FormatOptions::default()).unwrap());
}

#[test]
fn formatted_text_needs_no_edits_and_broken_text_is_refused() {
    let tidy = vpc_fmt::format(WEDDING, &FormatOptions::default()).unwrap();
    assert_eq!(format(&analyse(&tidy), &FormatOptions::default()), Some(Vec::new()));
    assert_eq!(format(&analyse("canvas c \"C\" {"), &FormatOptions::default()), None);
    assert_eq!(format_range(&analyse("canvas c \"C\" {"), Span::new(0, 3), &FormatOptions::default()), None);
}

#[test]
fn range_formatting_keeps_the_edits_of_the_range() {
    let file = analyse(MESSY);
    let start = MESSY.find("pain").unwrap();
    let edits = format_range(&file, Span::new(start, start + 4), &FormatOptions::default()).unwrap();
    insta::assert_snapshot!(apply_edits(MESSY, &edits), @r#"
    canvas c "C" {
    segment s "S" {
       job a "A" {importance:high,kind:functional}
        job b "B" { importance: low }
        pain p "P" { severity: light }
      }
    }
    "#);
}

#[test]
fn crlf_and_options() {
    let text = "canvas c \"C\" {\r\nsegment s \"S\" {}\r\n}\r\n";
    let file = analyse(text);
    let edits = format(&file, &FormatOptions { indent: 4, ..FormatOptions::default() }).unwrap();
    insta::assert_snapshot!(format!("{:?}", apply_edits(text, &edits)), @r#""canvas c \"C\" {\r\n    segment s \"S\" {}\r\n}\r\n""#);
}

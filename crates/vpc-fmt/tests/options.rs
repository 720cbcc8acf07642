//! `FormatOptions` and a few exact outputs that the golden files do not show.

mod common;

use vpc_fmt::{FormatOptions, format};

const TEXT: &str = r#"canvas c "C" {
  segment s "S" {
    job a "A job" { kind: functional, importance: high }
    pain p "P" { severity: light, job: [a, b, c] }
  }
}
"#;

#[test]
fn defaults() {
    assert_eq!(FormatOptions::default(), FormatOptions { line_width: 100, indent: 2 });
}

#[test]
fn indent_and_width_are_honoured() {
    let options = FormatOptions { line_width: 30, indent: 4 };
    let out = common::check(TEXT, &options);
    insta::assert_snapshot!(out, @r#"
    canvas c "C" {
        segment s "S" {
            job a "A job" {
                kind: functional
                importance: high
            }
            pain p "P" {
                severity: light
                job: [a, b, c]
            }
        }
    }
    "#);
}

#[test]
fn the_width_counts_the_whole_line_and_only_then_breaks() {
    // `    job a "A job" { kind: functional, importance: high }` is 56 characters.
    let at = |w| format(TEXT, &FormatOptions { line_width: w, indent: 2 }).unwrap();
    assert!(at(56).contains("job a \"A job\" { kind: functional, importance: high }\n"));
    assert!(at(55).contains("job a \"A job\" {\n      kind: functional\n"));
}

#[test]
fn zero_indent_and_zero_width_still_make_valid_text() {
    let out = common::check(TEXT, &FormatOptions { line_width: 0, indent: 0 });
    assert!(out.contains("job: [\na,\nb,\nc,\n]\n"), "{out}");
}

#[test]
fn a_canonical_file_is_left_as_it_is() {
    let out = format(TEXT, &FormatOptions::default()).unwrap();
    assert_eq!(out, TEXT);
}

#[test]
fn empty_and_blank_input() {
    assert_eq!(format("", &FormatOptions::default()).unwrap(), "");
    assert_eq!(format(" \n\n\t\n", &FormatOptions::default()).unwrap(), "");
    assert_eq!(format("\u{feff}", &FormatOptions::default()).unwrap(), "\u{feff}");
}

#[test]
fn end_of_line_comments_get_one_space_and_lose_trailing_whitespace() {
    let text = "canvas c \"C\" {}\t\t// done   \n";
    assert_eq!(format(text, &FormatOptions::default()).unwrap(), "canvas c \"C\" {} // done\n");
}

#[test]
fn a_comment_in_the_middle_of_a_line_moves_above_it_with_its_blank_line() {
    let text =
        "canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\"\n\n    job // which job?\n      b \"B\"\n  }\n}\n";
    let out = common::check(text, &FormatOptions::default());
    assert_eq!(
        out,
        "canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\"\n\n    // which job?\n    job b \"B\"\n  }\n}\n"
    );
}

use vpc_ide::selection_ranges;

use super::fixture::*;

fn expand(fixture: &str) -> String {
    let (file, offset) = cursor(fixture);
    selection_ranges(&file, offset)
        .iter()
        .map(|s| file.text[s.range()].replace('\n', "⏎"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn from_a_list_element_outwards() {
    insta::assert_snapshot!(expand("canvas c \"C\" {\n  value-map {\n    reliever r \"R\" { relieves: [a, b$0], via: p }\n  }\n}\n"), @r#"
    b
    [a, b]
    relieves: [a, b],
    { relieves: [a, b], via: p }
    reliever r "R" { relieves: [a, b], via: p }
    value-map {⏎    reliever r "R" { relieves: [a, b], via: p }⏎  }
    canvas c "C" {⏎  value-map {⏎    reliever r "R" { relieves: [a, b], via: p }⏎  }⏎}
    canvas c "C" {⏎  value-map {⏎    reliever r "R" { relieves: [a, b], via: p }⏎  }⏎}⏎
    "#);
}

#[test]
fn from_a_block_attribute_and_a_title() {
    insta::assert_snapshot!(expand("canvas c \"C\" {\n  segment s \"S\" {\n    market: n$0ew\n  }\n}"), @r#"
    new
    market: new
    segment s "S" {⏎    market: new⏎  }
    canvas c "C" {⏎  segment s "S" {⏎    market: new⏎  }⏎}
    "#);
    insta::assert_snapshot!(expand("canvas c \"C$0\" {}"), @r#"
    "C"
    canvas c "C" {}
    "#);
}

#[test]
fn in_whitespace_and_past_the_end() {
    insta::assert_snapshot!(expand("canvas c \"C\" {\n  segment s \"S\" {\n  $0\n  }\n}"), @r#"
    segment s "S" {⏎  ⏎  }
    canvas c "C" {⏎  segment s "S" {⏎  ⏎  }⏎}
    "#);
    let (file, _) = cursor("canvas c \"C\" {}$0");
    assert_eq!(selection_ranges(&file, 999).last().map(|s| s.end), Some(file.text.len()));
}

use vpc_ide::folding_ranges;

use super::fixture::*;

#[test]
fn blocks_attribute_blocks_lists_and_comments() {
    let text = r#"// A canvas
// about folding
canvas c "C" {
  segment s "S" {
    job j "J" { importance: high }
    outcome o "O" {
      job: j
    }
    // one comment alone
  }
  value-map {
    reliever r "R" {
      relieves: [
        a,
        b,
      ]
    }
  }
}
"#;
    let file = analyse(text);
    let out: Vec<String> = folding_ranges(&file)
        .iter()
        .map(|f| {
            let lines = file.line_index.line_of(f.span.start)..=file.line_index.line_of(f.span.end);
            format!(
                "{lines:?} {}{}",
                if f.is_comment { "comment " } else { "" },
                text[f.span.range()].lines().next().unwrap()
            )
        })
        .collect();
    insta::assert_snapshot!(out.join("\n"), @"
    0..=1 comment // A canvas
    2..=18 {
    3..=9 {
    5..=7 {
    10..=17 {
    11..=16 {
    12..=15 [
    ");
}

#[test]
fn unclosed_blocks_fold_to_what_was_read() {
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    job j \"J\" {\n      importance: high\n";
    let file = analyse(text);
    for fold in folding_ranges(&file) {
        assert!(fold.span.end <= text.len());
    }
    assert!(!folding_ranges(&file).is_empty());
}

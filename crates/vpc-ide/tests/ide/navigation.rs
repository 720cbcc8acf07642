use vpc_ide::{goto_definition, highlights, references};

use super::fixture::*;

fn goto(fixture: &str) -> String {
    let (file, offset) = cursor(fixture);
    match goto_definition(&file, offset) {
        Some(span) => mark(&file.text, &[span]),
        None => "none".to_string(),
    }
}

fn refs(fixture: &str, include_declaration: bool) -> String {
    let (file, offset) = cursor(fixture);
    mark(&file.text, &references(&file, offset, include_declaration))
}

#[test]
fn goto_from_reference_to_definition() {
    let (file, offset) = at(WEDDING, "no-time, via", 0, 3);
    let span = goto_definition(&file, offset).unwrap();
    insta::assert_snapshot!(mark(&file.text, &[span]), @r#"    pain «no-time» "Might not have time" { kind: obstacle, severity: severe, job: organise }"#);
}

#[test]
fn goto_at_the_end_of_a_reference() {
    let (file, offset) = at(WEDDING, "carefree, addresses", 0, "carefree".len());
    let span = goto_definition(&file, offset).unwrap();
    insta::assert_snapshot!(mark(&file.text, &[span]), @r#"    gain «carefree» "Someone takes care of everything" { kind: required, relevance: essential }"#);
}

#[test]
fn goto_in_a_list() {
    insta::assert_snapshot!(goto(r#"canvas c "C" {
  segment s "S" {
    pain a "A" { severity: light }
    pain b "B" { severity: light }
  }
  value-map {
    reliever r "R" { relieves: [a, b$0] }
  }
}"#), @r#"    pain «b» "B" { severity: light }"#);
}

#[test]
fn goto_on_a_definition_is_itself() {
    insta::assert_snapshot!(goto(r#"canvas c "C" { segment s "S" { job wo$0rk "W" } }"#), @r#"canvas c "C" { segment s "S" { job «work» "W" } }"#);
}

#[test]
fn goto_on_an_unknown_name_or_keyword_is_nothing() {
    assert_eq!(goto(r#"canvas c "C" { value-map { reliever r "R" { relieves: nothing$0 } } }"#), "none");
    assert_eq!(goto(r#"canvas c "C" { value-map { reli$0ever r "R" { relieves: x } } }"#), "none");
    assert_eq!(goto(r#"canvas c "C" { value-map { reliever r "R" { rel$0ieves: x } } }"#), "none");
}

#[test]
fn goto_a_reference_of_the_wrong_kind_still_leads_to_the_item() {
    insta::assert_snapshot!(goto(r#"canvas c "C" {
  segment s "S" {
    gain fluent "Fluent" { relevance: high }
  }
  value-map {
    reliever praise "Praise" { relieves: flu$0ent }
  }
}"#), @r#"    gain «fluent» "Fluent" { relevance: high }"#);
}

#[test]
fn references_bind_to_the_first_definition_of_a_canvas() {
    let text = r#"canvas a "A" {
  segment s "S" {
    pain p "P" { severity: light }
    pain p "P again" { severity: light }
  }
  value-map { reliever r "R" { relieves: p$0 } }
}
canvas b "B" {
  segment s "S" { pain p "Other canvas" }
  value-map { reliever r "R" { relieves: p } }
}"#;
    insta::assert_snapshot!(refs(text, true), @r#"
        pain «p» "P" { severity: light }
      value-map { reliever r "R" { relieves: «p» } }
    "#);
    insta::assert_snapshot!(refs(text, false), @r#"  value-map { reliever r "R" { relieves: «p» } }"#);
}

#[test]
fn references_from_the_definition() {
    let (file, offset) = at(WEDDING, "no-time", 0, 1);
    insta::assert_snapshot!(mark(&file.text, &references(&file, offset, true)), @r#"
        pain «no-time» "Might not have time" { kind: obstacle, severity: severe, job: organise }
        reliever esign "Contracts that are signable online" { relieves: «no-time», via: app }
        reliever checklist "Checklist with deadlines" { relieves: [unfinished, «no-time»] }
    "#);
}

#[test]
fn the_second_definition_of_a_name_has_no_references() {
    let text = r#"canvas a "A" {
  segment s "S" {
    pain p "P" { severity: light }
    pain p$0 "P again" { severity: light }
  }
  value-map { reliever r "R" { relieves: p } }
}"#;
    insta::assert_snapshot!(refs(text, true), @r#"    pain «p» "P again" { severity: light }"#);
}

#[test]
fn highlights_mark_the_definition() {
    let (file, offset) = at(WEDDING, "organise", 2, 0);
    let found: Vec<String> = highlights(&file, offset)
        .iter()
        .map(|h| format!("{} {}", &file.text[h.span.range()], if h.is_definition { "definition" } else { "reference" }))
        .collect();
    insta::assert_snapshot!(found.join("\n"), @r"
    organise definition
    organise reference
    organise reference
    organise reference
    ");
}

#[test]
fn highlights_of_an_unknown_name_mark_its_other_uses() {
    let text = r#"canvas c "C" { value-map {
  reliever r "R" { relieves: [gone$0] }
  reliever q "Q" { relieves: gone }
} }"#;
    let (file, offset) = cursor(text);
    let spans: Vec<_> = highlights(&file, offset).iter().map(|h| h.span).collect();
    insta::assert_snapshot!(mark(&file.text, &spans), @r#"
      reliever r "R" { relieves: [«gone»] }
      reliever q "Q" { relieves: «gone» }
    "#);
}

#[test]
fn canvas_identifiers_are_their_own_definitions() {
    insta::assert_snapshot!(refs("canvas wed$0ding \"W\" {}\ncanvas other \"O\" {}", true), @r#"canvas «wedding» "W" {}"#);
}

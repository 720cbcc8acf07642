use vpc_ide::{Span, semantic_tokens};

use super::fixture::*;

fn tokens(text: &str, range: Option<Span>) -> String {
    let file = analyse(text);
    let found = semantic_tokens(&file, range);
    for pair in found.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{pair:?}");
    }
    found.iter().map(|t| format!("{:?} {}", t.kind, &text[t.span.range()])).collect::<Vec<_>>().join("\n")
}

#[test]
fn every_kind_of_token() {
    let text = r#"// comment
canvas c "C" {
  allow: unranked-job
  segment s "S" {
    market: new
    job j "J" { frequency: daily }
    pain p "P" { severity: severe, job: j }
    outcome o "O" { job: j, importance: 9, satisfaction: 2 }
  }
  value-map v {
    product app "App" { serves: [j, s, missing] }
    reliever r "R" { relieves: p, via: app, price: 3 }
  }
}
"#;
    insta::assert_snapshot!(tokens(text, None), @r#"
    Comment // comment
    Keyword canvas
    Definition(Canvas) c
    String "C"
    AttributeKey allow
    Code unranked-job
    Keyword segment
    Definition(Segment) s
    String "S"
    AttributeKey market
    EnumValue new
    Keyword job
    Definition(Job) j
    String "J"
    AttributeKey frequency
    EnumValue daily
    Keyword pain
    Definition(Pain) p
    String "P"
    AttributeKey severity
    EnumValue severe
    AttributeKey job
    Reference(Job) j
    Keyword outcome
    Definition(Outcome) o
    String "O"
    AttributeKey job
    Reference(Job) j
    AttributeKey importance
    Number 9
    AttributeKey satisfaction
    Number 2
    Keyword value-map
    Definition(ValueMap) v
    Keyword product
    Definition(Product) app
    String "App"
    AttributeKey serves
    Reference(Job) j
    Reference(Segment) s
    UnresolvedReference missing
    Keyword reliever
    Definition(Reliever) r
    String "R"
    AttributeKey relieves
    Reference(Pain) p
    AttributeKey via
    Reference(Product) app
    AttributeKey price
    Number 3
    "#);
}

#[test]
fn keywords_are_contextual() {
    insta::assert_snapshot!(tokens("canvas c \"C\" { segment s \"S\" { job job \"J\" {}\n pain p \"P\" { job: job } } }", None), @r#"
    Keyword canvas
    Definition(Canvas) c
    String "C"
    Keyword segment
    Definition(Segment) s
    String "S"
    Keyword job
    Definition(Job) job
    String "J"
    Keyword pain
    Definition(Pain) p
    String "P"
    AttributeKey job
    Reference(Job) job
    "#);
}

#[test]
fn a_range() {
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    job j \"J\" { importance: high }\n  }\n}\n";
    let start = text.find("job").unwrap();
    insta::assert_snapshot!(tokens(text, Some(Span::new(start, start + 5))), @"
    Keyword job
    Definition(Job) j
    ");
}

#[test]
fn broken_text_still_has_strings_and_numbers() {
    insta::assert_snapshot!(tokens("canvas c \"C\" {\n  segment s \"S\" {\n    job j \"J\" { importance: \"high\" 3 \"x\" @@ }\n    pain p \"unclosed\n  }\n}\n", None), @r#"
    Keyword canvas
    Definition(Canvas) c
    String "C"
    Keyword segment
    Definition(Segment) s
    String "S"
    Keyword job
    Definition(Job) j
    String "J"
    AttributeKey importance
    String "high"
    Number 3
    String "x"
    Keyword pain
    Definition(Pain) p
    String "unclosed
    "#);
}

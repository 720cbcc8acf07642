use vpc_ide::{Span, code_lenses, inlay_hints};

use super::fixture::*;

fn hints(text: &str) -> String {
    let file = analyse(text);
    let mut out = String::new();
    for hint in inlay_hints(&file, Span::new(0, text.len())) {
        let line_start = text[..hint.offset].rfind('\n').map_or(0, |i| i + 1);
        out.push_str(&format!("{}  {}\n", text[line_start..hint.offset].trim(), hint.label));
    }
    out
}

#[test]
fn who_relieves_and_creates() {
    insta::assert_snapshot!(hints(WEDDING), @r#"
    job organise "Organise a lovely wedding" { kind: functional, importance: crucial }  ← served by app
    job budget "Not incur too much expense" { importance: high }  ← unserved
    job impress "Impress their friends" { kind: social, importance: medium }  ← unserved
    pain no-time "Might not have time" { kind: obstacle, severity: severe, job: organise }  ← relieved by esign, checklist
    pain unfinished "Might not finish the preparation" { severity: extreme }  ← relieved by checklist
    pain invites "Trouble sending invites" { severity: moderate }  ← unrelieved
    gain carefree "Someone takes care of everything" { kind: required, relevance: essential }  ← created by one-stop
    outcome venue-time "Minimise the time it takes to book a venue" {  opportunity 15 · under-served (extreme)
    "#);
}

#[test]
fn unrelieved_uncreated_and_under_served() {
    insta::assert_snapshot!(hints(include_str!("../../../../examples/flawed.vpc")), @r#"
    job speak "Hold a conversation with a native speaker" { kind: functional, importance: crucial }  ← served by app
    job forms "Fill in official forms" { importance: "high" }  ← served by app
    job fit-in "Feel at home in the new country" { kind: emotional }  ← unserved
    job book "Book and pay for lessons" {  ← let go
    job speak "Speak on the phone" { kind: functional, importance: medium }  ← unserved
    pain shy "Too shy to speak up" { kind: obstacle, severity: severe, job: speak }  ← relieved by tandem
    pain grammar "Grammar mistakes in every email" { severity: huge }  ← relieved by checker
    pain no-partner "Nobody to practise with" {  ← unrelieved
    pain lost "Getting lost in fast speech" { kind: outcome }  ← relieved by checker
    pain cost "Private lessons are expensive" {  ← unrelieved
    pain accent "People comment on the accent" {  ← let go
    gain fluent "Speak fluently within a year" { kind: desired, relevance: essential }  ← created by daily-chat
    gain friends "Make friends among the locals" { kind: unexpected }  ← created by meetups
    gain certificate "An official language certificate" { relevance: medium }  ← uncreated
    gain works-offline "Works without a connection" {  ← let go
    outcome find-word "Minimise the time it takes to find the right word" {  opportunity 16 · under-served (extreme)
    outcome dictionary "Maximise the number of words in the dictionary" {  opportunity 3 · over-served
    job find-students "Find enough students" { kind: functional, importance: crucial }  ← unserved
    job fill-classes "Fill every class" { kind: functional, importance: high }  ← unserved
    "#);
}

#[test]
fn only_in_the_range() {
    let file = analyse(WEDDING);
    let start = WEDDING.find("pain invites").unwrap();
    let end = WEDDING.find("gain carefree").unwrap();
    let found = inlay_hints(&file, Span::new(start, end));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].label, "← unrelieved");
    assert!(inlay_hints(&file, Span::new(WEDDING.len() + 5, WEDDING.len() + 9)).is_empty());
}

#[test]
fn lenses_show_the_fit() {
    let show = |text: &str| {
        let file = analyse(text);
        code_lenses(&file)
            .iter()
            .map(|l| format!("{}: {}", &text[l.span.range()], l.title))
            .collect::<Vec<_>>()
            .join("\n")
    };
    insta::assert_snapshot!(show(WEDDING), @"wedding: fit 78 · partial");
    insta::assert_snapshot!(show(include_str!("../../../../examples/flawed.vpc")), @"
    language-app: fit 72 · partial · 3 let go
    tutors: fit 0 · weak · 1 must-have open
    ");
    insta::assert_snapshot!(show("canvas \"Untitled\" {}"), @"canvas: fit n/a");
}

#[test]
fn let_go_unserved_and_over_served() {
    let text = r#"canvas c "C" {
  segment s "S" {
    job j "J" { importance: crucial }
    job minor "Minor" { importance: trivial, allow: unserved-job }
    job other "Other" { importance: high }
    pain p "P" { severity: light, allow: [unrelieved-pain] }
    gain g "G" { relevance: low, allow: uncreated-gain }
    gain kept "Kept" { relevance: low, allow: uncreated-gain }
    outcome o "O" { importance: 3, satisfaction: 9 }
    outcome both "Both" { importance: 10, satisfaction: 10 }
  }
  value-map {
    product app "App" { serves: j }
    creator k "K" { creates: kept }
  }
}
"#;
    // `kept` is created although it says it is let go: created wins.
    insta::assert_snapshot!(hints(text), @r#"
    job j "J" { importance: crucial }  ← served by app
    job minor "Minor" { importance: trivial, allow: unserved-job }  ← let go
    job other "Other" { importance: high }  ← unserved
    pain p "P" { severity: light, allow: [unrelieved-pain] }  ← let go
    gain g "G" { relevance: low, allow: uncreated-gain }  ← let go
    gain kept "Kept" { relevance: low, allow: uncreated-gain }  ← created by k
    outcome o "O" { importance: 3, satisfaction: 9 }  opportunity 3 · over-served
    outcome both "Both" { importance: 10, satisfaction: 10 }  opportunity 10
    "#);
}

#[test]
fn lenses_show_must_haves_open_and_items_let_go() {
    let show = |text: &str| {
        let file = analyse(text);
        code_lenses(&file).iter().map(|l| l.title.clone()).collect::<Vec<_>>().join("\n")
    };
    // Fit 80 or more, but a must-have open: partial.
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\" { importance: crucial }\n    job b \"B\" { importance: crucial }\n    job d \"D\" { importance: crucial }\n    job e \"E\" { importance: crucial }\n    job f \"F\" { importance: crucial }\n    pain p \"P\" { severity: extreme }\n    gain g \"G\" { relevance: low, allow: uncreated-gain }\n  }\n  value-map { product x \"X\" { serves: [a, b, d, e, f] } }\n}\n";
    insta::assert_snapshot!(show(text), @"fit 83 · partial · 1 must-have open · 1 let go");
    // Relieve the pain: a fit.
    let text = text.replace("value-map {", "value-map { reliever r \"R\" { relieves: p }");
    insta::assert_snapshot!(show(&text), @"fit 100 · fit · 1 let go");
    // Weak, two must-haves open.
    insta::assert_snapshot!(show("canvas c \"C\" { segment s \"S\" { job a \"A\" { importance: crucial }\n pain p \"P\" { severity: extreme } } }"), @"fit 0 · weak · 2 must-haves open");
}

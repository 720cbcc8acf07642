//! The model from the outside: the reference graph, fit and opportunity
//! arithmetic, `allow:` scopes and `vpc.toml` levels.

use vpc_model::*;
use vpc_syntax::ItemKind;

fn analysis(text: &str) -> Analysis {
    let (parse, analysis) = check(text, &LintConfig::default());
    assert_eq!(parse.errors, []);
    analysis
}

fn codes(a: &Analysis) -> Vec<&'static str> {
    a.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

const SPEC_EXAMPLE: &str = include_str!("../../vpc-syntax/test_data/ok/0001_spec_example.vpc");

#[test]
fn spec_example_gives_exactly_the_spec_diagnostic_and_fit() {
    let a = analysis(SPEC_EXAMPLE);
    assert_eq!(codes(&a), ["unrelieved-pain"]);
    assert_eq!(a.diagnostics[0].message, "pain `invites` (moderate) is not relieved by any reliever");
    let canvas = &a.canvases[0];
    // pains 4 (severe) + 5 (extreme) + 3 (moderate), gain 5 (essential); invites uncovered.
    assert_eq!(canvas.fit_parts(), Fit { covered: 14, total: 17 });
    assert_eq!(canvas.fit(), Some(82));
}

#[test]
fn reference_graph_both_ways() {
    let a = analysis(SPEC_EXAMPLE);
    let c = &a.canvases[0];
    let id = |name: &str| match c.lookup(name) {
        Some(Definition::Item(i)) => i,
        other => panic!("{name}: {other:?}"),
    };
    let names =
        |ids: Vec<ItemId>| ids.into_iter().map(|i| c.item(i).id.as_ref().unwrap().text.clone()).collect::<Vec<_>>();
    assert_eq!(names(c.relieved_by(id("no-time"))), ["esign", "checklist"]);
    assert_eq!(names(c.relieved_by(id("invites"))), Vec::<String>::new());
    assert_eq!(names(c.targets(id("checklist"), Link::Relieves).collect()), ["unfinished", "no-time"]);
    assert_eq!(names(c.created_by(id("carefree"))), ["one-stop"]);
    assert_eq!(names(c.addressed_by(id("venue-time"))), ["one-stop"]);
    assert_eq!(names(c.sources(id("organise"), Link::Serves)), ["app"]);
    assert_eq!(names(c.sources(id("app"), Link::Via)), ["esign"]);
    assert_eq!(c.items_of(ItemKind::Job).count(), 3);
    assert_eq!(c.item(id("venue-time")).opportunity(), Some(15.0));
}

#[test]
fn fit_rounds_half_up_and_is_undefined_without_pains_and_gains() {
    assert_eq!(Fit { covered: 1, total: 8 }.fit(), Some(13)); // 12.5 -> 13
    assert_eq!(Fit { covered: 3, total: 8 }.fit(), Some(38)); // 37.5 -> 38
    assert_eq!(Fit { covered: 1, total: 3 }.fit(), Some(33));
    assert_eq!(Fit { covered: 2, total: 3 }.fit(), Some(67));
    assert_eq!(Fit { covered: 0, total: 5 }.fit(), Some(0));
    assert_eq!(Fit { covered: 5, total: 5 }.fit(), Some(100));
    assert_eq!(Fit { covered: 0, total: 0 }.fit(), None);
    let a = analysis("canvas c \"C\" { segment s \"S\" { job j \"J\" { importance: high } } value-map {} }");
    assert_eq!(a.canvases[0].fit(), None);
}

#[test]
fn unranked_and_invalid_ranks_weigh_three_and_duplicate_sections_count() {
    let a = check(
        r#"canvas c "C" {
  segment s "S" {
    pain a "unranked" {}
    pain b "invalid" { severity: huge }
    gain g "negligible weight 1" { relevance: nice-to-have }
  }
  segment t "second segment" { pain d "extreme" { severity: extreme } }
  value-map { reliever r "R" { relieves: [a, d] } }
}"#,
        &LintConfig::default(),
    )
    .1;
    // a 3 (covered) + b 3 + g 1 + d 5 (covered) = 8 of 12.
    assert_eq!(a.canvases[0].fit_parts(), Fit { covered: 8, total: 12 });
    assert_eq!(a.canvases[0].fit(), Some(67));
}

#[test]
fn opportunity_score() {
    assert_eq!(opportunity(9.0, 3.0), Some(15.0));
    assert_eq!(opportunity(6.0, 9.0), Some(6.0));
    assert_eq!(opportunity(5.0, 0.0), Some(10.0));
    assert_eq!(opportunity(7.5, 2.0), Some(13.0));
    assert_eq!(format_score(13.0), "13");
    assert_eq!(format_score(9.5), "9.5");
    let a = analysis(r#"canvas c "C" { segment s "S" { outcome o "O" { importance: 8 } } value-map {} }"#);
    assert_eq!(a.canvases[0].items[0].opportunity(), None);
}

#[test]
fn allow_on_item_section_and_canvas() {
    let text = |allow_item: &str, allow_segment: &str, allow_canvas: &str| {
        format!(
            "canvas c \"C\" {{\n {allow_canvas}\n segment s \"S\" {{\n {allow_segment}\n pain p \"P\" {{ severity: light {allow_item} }}\n pain q \"Q\" {{ severity: light }}\n }}\n value-map {{}}\n}}"
        )
    };
    let count = |t: String| check(&t, &LintConfig::default()).1.diagnostics.len();
    assert_eq!(count(text("", "", "")), 2);
    assert_eq!(count(text(", allow: unrelieved-pain", "", "")), 1);
    assert_eq!(count(text("", "allow: unrelieved-pain", "")), 0);
    assert_eq!(count(text("", "", "allow: [unrelieved-pain]")), 0);
    // Another code does not silence this one.
    assert_eq!(count(text(", allow: uncreated-gain", "", "")), 2);
}

#[test]
fn allow_cannot_silence_syntax_errors() {
    let (parse, a) = check(
        "canvas c \"C\" { allow: syntax-error\n segment s \"S\" { job j \"J\" { importance: } } value-map {} }",
        &LintConfig::default(),
    );
    assert_eq!(parse.errors.len(), 1);
    assert_eq!(codes(&a), ["invalid-value", "syntax-error"]);
}

#[test]
fn config_levels_change_severity_and_turn_codes_off() {
    let text = r#"canvas c "C" { segment s "S" { pain p "P" { severity: light } gain g "G" { relevance: low } } value-map {} }"#;
    let config = LintConfig::from_toml("[lints]\nunrelieved-pain = \"error\"\nuncreated-gain = \"off\"\n").unwrap();
    let (_, a) = check(text, &config);
    assert_eq!(a.diagnostics.len(), 1);
    assert_eq!(a.diagnostics[0].code, Code::UnrelievedPain);
    assert_eq!(a.diagnostics[0].severity, Severity::Error);
    let info = LintConfig::from_toml("[lints]\nunrelieved-pain = \"info\"\n").unwrap();
    assert_eq!(check(text, &info).1.count(Severity::Info), 1);
}

#[test]
fn diagnostics_are_sorted_by_position_and_placed_on_identifiers() {
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    pain zed \"Z\"\n    job \"no id\"\n  }\n}\n";
    let a = check(text, &LintConfig::default()).1;
    let starts: Vec<usize> = a.diagnostics.iter().map(|d| d.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    let on = |code: &str| {
        a.diagnostics.iter().filter(|d| d.code.as_str() == code).map(|d| &text[d.span.range()]).collect::<Vec<_>>()
    };
    assert_eq!(on("unranked-pain"), ["zed"]);
    assert_eq!(on("unranked-job"), ["job"]);
    assert_eq!(on("missing-section"), ["c"]);
}

#[test]
fn unknown_reference_suggests_the_nearest_name_of_the_right_kind() {
    let text = r#"canvas c "C" {
  segment s "S" { pain no-partner "P" { severity: light } gain no-partnr "G" { relevance: low } }
  value-map { reliever r "R" { relieves: no-parner } creator k "K" { creates: [no-partnr, totally-different] } }
}"#;
    let a = check(text, &LintConfig::default()).1;
    let helps: Vec<_> =
        a.diagnostics.iter().filter(|d| d.code == Code::UnknownReference).map(|d| d.help.clone().unwrap()).collect();
    assert_eq!(helps, ["did you mean `no-partner`?", "`creates:` takes the identifier of a gain of this canvas"]);
}

#[test]
fn every_code_is_documented() {
    for code in Code::ALL {
        let doc = code.doc();
        assert!(doc.len() > 100, "{code}: {doc}");
        assert!(doc.contains("```vpc"), "{code} has no example");
        assert!(!code.summary().is_empty());
        assert_eq!(Code::parse(code.as_str()), Some(*code));
    }
    assert!(Code::UnrankedPain.doc().contains("severity"));
    assert!(!Code::UnrankedPain.doc().contains("relevance"));
}

#[test]
fn duplicate_id_points_at_the_first_definition() {
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\" { importance: low }\n    job a \"B\" { importance: low }\n  }\n  value-map {}\n}\n";
    let a = check(text, &LintConfig::default()).1;
    let d = &a.diagnostics[0];
    assert_eq!(d.code, Code::DuplicateId);
    assert_eq!(d.message, "`a` is already defined on line 3 (a job)");
    assert_eq!(&text[d.related[0].span.range()], "a");
    assert!(d.related[0].span.start < d.span.start);
}

#[test]
fn a_stray_word_on_an_item_line_gives_diagnostics_on_that_line_only() {
    // Spec §2, "Error recovery": the `{ … }` after the stray text still belongs to
    // `pain a` and does not close the segment, so `b` stays in it and is relieved, and
    // the value map is read.
    let text = r#"canvas c "C" {
  segment s "S" {
    pain a "A" x "" { severity: severe }
    pain b "B" { severity: light }
  }
  value-map "M" {
    reliever r "R" { relieves: b }
  }
}
"#;
    let (parse, a) = check(text, &LintConfig::default());
    let line = |offset: usize| text[..offset].matches('\n').count() + 1;
    assert!(!parse.errors.is_empty());
    assert!(parse.errors.iter().all(|e| line(e.span.start) == 3), "{:?}", parse.errors);
    let on_lines: Vec<_> = a.diagnostics.iter().map(|d| (line(d.span.start), d.code.as_str())).collect();
    // `a` is severe and nothing relieves it: that warning is right, and on line 3 too.
    assert_eq!(on_lines, [(3, "unrelieved-pain"), (3, "syntax-error")], "{:#?}", a.diagnostics);
    let canvas = &a.canvases[0];
    let b = canvas.items.iter().find(|i| i.id.as_ref().is_some_and(|id| id.text == "b")).unwrap();
    assert!(b.section.is_some());
}

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
fn spec_example_gives_exactly_the_spec_diagnostics_and_fit() {
    let a = analysis(SPEC_EXAMPLE);
    assert_eq!(codes(&a), ["unserved-job", "unserved-job", "unrelieved-pain"]);
    let messages: Vec<&str> = a.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "job `budget` (high) is not served by any product",
            "job `impress` (medium) is not served by any product",
            "pain `invites` (moderate) is not relieved by any reliever",
        ]
    );
    let canvas = &a.canvases[0];
    // Spec §7's worked example: jobs organise 16 (served), budget 8, impress 4; pains
    // no-time 8, unfinished 16, invites 4 (not relieved); gain carefree 16.
    let j = canvas.judge();
    assert_eq!(j.jobs, Fit { covered: 16, total: 28 });
    assert_eq!(j.pains, Fit { covered: 24, total: 28 });
    assert_eq!(j.gains, Fit { covered: 16, total: 16 });
    assert_eq!(canvas.fit_parts(), Fit { covered: 56, total: 72 });
    assert_eq!(j.fit, Some(78));
    assert_eq!(j.verdict, Verdict::Partial);
    assert_eq!(j.unaddressed, []);
    // Adding `allow: unrelieved-pain` to `invites` lets it go: 56 of 68 = 82, a fit.
    let let_go = SPEC_EXAMPLE.replace("{ severity: moderate }", "{ severity: moderate, allow: unrelieved-pain }");
    let a = analysis(&let_go);
    assert_eq!(codes(&a), ["unserved-job", "unserved-job"]);
    let j = a.canvases[0].judge();
    assert_eq!(j.total(), Fit { covered: 56, total: 68 });
    assert_eq!((j.fit, j.verdict), (Some(82), Verdict::Fit));
    assert_eq!(j.let_go.len(), 1);
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
fn fit_rounds_half_up_and_is_undefined_without_jobs_pains_and_gains() {
    assert_eq!(Fit { covered: 1, total: 8 }.fit(), Some(13)); // 12.5 -> 13
    assert_eq!(Fit { covered: 3, total: 8 }.fit(), Some(38)); // 37.5 -> 38
    assert_eq!(Fit { covered: 1, total: 3 }.fit(), Some(33));
    assert_eq!(Fit { covered: 2, total: 3 }.fit(), Some(67));
    assert_eq!(Fit { covered: 0, total: 5 }.fit(), Some(0));
    assert_eq!(Fit { covered: 5, total: 5 }.fit(), Some(100));
    assert_eq!(Fit { covered: 0, total: 0 }.fit(), None);
    assert_eq!(Fit { covered: u32::MAX / 2, total: u32::MAX / 2 }.fit(), Some(100));
    let a = analysis("canvas c \"C\" { segment s \"S\" { outcome o \"O\" } value-map {} }");
    assert_eq!(a.canvases[0].fit(), None);
    assert_eq!(a.canvases[0].judge().verdict, Verdict::NotApplicable);
    // Jobs count: a job alone, unserved, gives fit 0.
    let a = analysis("canvas c \"C\" { segment s \"S\" { job j \"J\" { importance: high } } value-map {} }");
    assert_eq!(a.canvases[0].fit(), Some(0));
}

#[test]
fn weights_double_per_rank_step() {
    let weight = |word: &str, key: &str, kind: &str| {
        let text =
            format!("canvas c \"C\" {{ segment s \"S\" {{ {kind} x \"X\" {{ {key}: {word} }} }} value-map {{}} }}");
        let a = check(&text, &LintConfig::default()).1;
        a.canvases[0].fit_parts().total
    };
    for (kind, key, scale) in [
        ("job", "importance", ["crucial", "high", "medium", "low", "trivial"]),
        ("pain", "severity", ["extreme", "severe", "moderate", "light", "negligible"]),
        ("gain", "relevance", ["essential", "high", "medium", "low", "nice-to-have"]),
    ] {
        let weights: Vec<u32> = scale.iter().map(|w| weight(w, key, kind)).collect();
        assert_eq!(weights, [16, 8, 4, 2, 1], "{kind}");
        assert_eq!(weight("huge", key, kind), 4, "an invalid {key} weighs 4");
    }
}

#[test]
fn the_canvas_whose_only_extreme_pain_is_unrelieved_is_weak() {
    // The coach's case: no products, no gains, the one extreme pain open.
    let a = check(
        "canvas c \"C\" {\n segment s \"S\" {\n  job j \"J\" { importance: high }\n  pain p \"P\" { severity: extreme }\n  pain q \"Q\" { severity: light }\n }\n value-map {\n  reliever r \"R\" { relieves: q }\n }\n}",
        &LintConfig::default(),
    )
    .1;
    let canvas = &a.canvases[0];
    let j = canvas.judge();
    assert_eq!(j.total(), Fit { covered: 2, total: 26 });
    assert_eq!((j.fit, j.verdict), (Some(8), Verdict::Weak));
    let names: Vec<_> = j.unaddressed.iter().map(|&i| canvas.item(i).label()).collect();
    assert_eq!(names, ["`p`"]);
}

#[test]
fn verdict_boundaries() {
    use Verdict::*;
    assert_eq!(Verdict::of(None, true), NotApplicable);
    assert_eq!(Verdict::of(Some(0), true), Weak);
    assert_eq!(Verdict::of(Some(49), true), Weak);
    assert_eq!(Verdict::of(Some(50), true), Partial);
    assert_eq!(Verdict::of(Some(79), true), Partial);
    assert_eq!(Verdict::of(Some(80), true), Fit);
    assert_eq!(Verdict::of(Some(100), true), Fit);
    assert_eq!(Verdict::of(Some(80), false), Partial, "an unaddressed must-have keeps a canvas from fit");
    assert_eq!(Verdict::of(Some(100), false), Partial);
    assert_eq!(Verdict::of(Some(49), false), Weak);
    // The same boundaries reached through a canvas: 4 of 8 is 50, 4 of 9 rounds to 44.
    let fit_of = |ranks: &str| {
        let text = format!(
            "canvas c \"C\" {{ segment s \"S\" {{ {ranks} }} value-map {{ reliever r \"R\" {{ relieves: a }} }} }}"
        );
        let a = check(&text, &LintConfig::default()).1;
        let j = a.canvases[0].judge();
        (j.fit, j.verdict)
    };
    // a moderate 4 relieved, b moderate 4 open: 50, partial.
    assert_eq!(fit_of("pain a \"A\" { severity: moderate } pain b \"B\" { severity: moderate }"), (Some(50), Partial));
    // a moderate 4 relieved, b moderate 4 + c negligible 1 open: 4/9 = 44, weak.
    assert_eq!(
        fit_of(
            "pain a \"A\" { severity: moderate } pain b \"B\" { severity: moderate } pain c \"C\" { severity: negligible }"
        ),
        (Some(44), Weak)
    );
    // a severe 8 relieved, b light 2 open: 80, fit (no must-have).
    assert_eq!(fit_of("pain a \"A\" { severity: severe } pain b \"B\" { severity: light }"), (Some(80), Fit));
    // a extreme 16 relieved, b severe 8 + c light 2 open: 16/26 = 62, partial... and with
    // c relieved instead of b: see below.
    assert_eq!(
        fit_of(
            "pain a \"A\" { severity: extreme } pain b \"B\" { severity: moderate } pain c \"C\" { severity: moderate }"
        ),
        (Some(67), Partial)
    );
    // 79: a severe 8 … not reachable with small weights; 15 of 19 = 79 (a 8+4+2+1 relieved…).
    let text = "canvas c \"C\" { segment s \"S\" { pain a \"A\" { severity: severe } pain b \"B\" { severity: moderate } pain d \"D\" { severity: light } pain e \"E\" { severity: negligible } pain f \"F\" { severity: moderate } } value-map { reliever r \"R\" { relieves: [a, b, d, e] } } }";
    let j = check(text, &LintConfig::default()).1.canvases[0].judge();
    assert_eq!(j.total(), vpc_model::Fit { covered: 15, total: 19 });
    assert_eq!((j.fit, j.verdict), (Some(79), Partial));
}

#[test]
fn an_open_must_have_blocks_the_fit_verdict_unless_let_go() {
    // gain g essential 16 open; a: 8+8+8+8+16... pains relieved 4 × severe = 32 of 48 = 67.
    let base = "canvas c \"C\" { segment s \"S\" { pain a \"A\" { severity: severe } pain b \"B\" { severity: severe } pain d \"D\" { severity: severe } pain e \"E\" { severity: severe } pain f \"F\" { severity: severe } pain h \"H\" { severity: severe } pain i \"I\" { severity: severe } pain k \"K\" { severity: severe } gain g \"G\" { relevance: essential ALLOW } } value-map { reliever r \"R\" { relieves: [a, b, d, e, f, h, i, k] } } }";
    let judge = |allow: &str| check(&base.replace("ALLOW", allow), &LintConfig::default()).1.canvases[0].judge();
    let open = judge("");
    assert_eq!(open.total(), Fit { covered: 64, total: 80 });
    assert_eq!((open.fit, open.verdict), (Some(80), Verdict::Partial));
    assert_eq!(open.unaddressed.len(), 1);
    let let_go = judge(", allow: uncreated-gain");
    assert_eq!(let_go.total(), Fit { covered: 64, total: 64 });
    assert_eq!((let_go.fit, let_go.verdict), (Some(100), Verdict::Fit));
    assert_eq!(let_go.unaddressed, []);
    // Another code in the item's allow lets nothing go.
    assert_eq!(judge(", allow: unranked-gain").verdict, Verdict::Partial);
}

#[test]
fn section_level_allow_silences_but_lets_nothing_go() {
    let text = |segment_allow: &str| {
        format!(
            "canvas c \"C\" {{ segment s \"S\" {{ {segment_allow} pain a \"A\" {{ severity: severe }} pain b \"B\" {{ severity: moderate }} }} value-map {{ reliever r \"R\" {{ relieves: a }} }} }}"
        )
    };
    let (_, open) = check(&text(""), &LintConfig::default());
    let (_, silenced) = check(&text("allow: unrelieved-pain\n"), &LintConfig::default());
    assert_eq!(codes(&open), ["unrelieved-pain"]);
    assert_eq!(codes(&silenced), Vec::<&str>::new());
    for a in [&open, &silenced] {
        let j = a.canvases[0].judge();
        assert_eq!(j.total(), Fit { covered: 8, total: 12 });
        assert_eq!(j.let_go, []);
    }
    let (_, canvas_wide) =
        check(&text("").replacen("{ segment", "{ allow: unrelieved-pain\n segment", 1), &LintConfig::default());
    assert_eq!(codes(&canvas_wide), Vec::<&str>::new());
    assert_eq!(canvas_wide.canvases[0].judge().total(), Fit { covered: 8, total: 12 });
}

#[test]
fn an_addressed_item_with_allow_is_not_let_go() {
    let a = analysis(
        "canvas c \"C\" { segment s \"S\" { pain a \"A\" { severity: severe, allow: unrelieved-pain } } value-map { reliever r \"R\" { relieves: a } } }",
    );
    let j = a.canvases[0].judge();
    assert_eq!((j.total(), j.let_go.len()), (Fit { covered: 8, total: 8 }, 0));
}

#[test]
fn every_item_let_go_leaves_the_fit_undefined() {
    let a = analysis(
        "canvas c \"C\" { segment s \"S\" { job j \"J\" { importance: low, allow: unserved-job } } value-map { product p \"P\" { addresses: o } } }\n",
    );
    let j = a.canvases[0].judge();
    assert_eq!((j.fit, j.verdict), (None, Verdict::NotApplicable));
}

#[test]
fn percentage_ratings_are_a_tenth_of_the_share() {
    let rated = |importance: &str, satisfaction: &str| {
        let text = format!(
            "canvas c \"C\" {{ segment s \"S\" {{ outcome o \"O\" {{ importance: {importance}, satisfaction: {satisfaction} }} }} value-map {{}} }}"
        );
        let (parse, a) = check(&text, &LintConfig::default());
        assert_eq!(parse.errors, [], "{text}");
        let item = &a.canvases[0].items[0];
        (
            item.importance_score,
            item.satisfaction_score,
            codes(&a).into_iter().filter(|c| *c == "invalid-value").count(),
        )
    };
    assert_eq!(rated("85%", "8.5"), (Some(8.5), Some(8.5), 0));
    assert_eq!(rated("0%", "100%"), (Some(0.0), Some(10.0), 0));
    assert_eq!(rated("101%", "10.5"), (None, None, 2));
    assert_eq!(rated("8.5%", "50%"), (Some(0.85), Some(5.0), 0));
    // 8.5 is the same rating as 85%: the same opportunity and the same diagnostics.
    let same = |i: &str| {
        let text = format!(
            "canvas c \"C\" {{ segment s \"S\" {{ outcome o \"O\" {{ importance: {i}, satisfaction: 2 }} }} value-map {{}} }}"
        );
        let a = check(&text, &LintConfig::default()).1;
        (a.canvases[0].items[0].opportunity(), a.diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>())
    };
    assert_eq!(same("85%"), same("8.5"));
}

#[test]
fn outcome_service_and_ulwicks_bands() {
    assert_eq!(Service::of(9.0, 3.0), Service::Underserved(Band::Extreme)); // 15
    assert_eq!(Service::of(8.0, 4.0), Service::Underserved(Band::High)); // 12
    assert_eq!(Service::of(6.0, 1.0), Service::Underserved(Band::WorthConsidering)); // 11
    assert_eq!(Service::of(7.0, 4.5), Service::Appropriate); // 9.5
    assert_eq!(Service::of(10.0, 10.0), Service::Appropriate, "10/10 is served, not under-served");
    assert_eq!(Service::of(5.0, 0.0), Service::Underserved(Band::WorthConsidering)); // 10
    assert_eq!(Service::of(6.0, 5.0), Service::Appropriate); // 7
    assert_eq!(Service::of(4.0, 8.0), Service::Overserved);
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
        "canvas c \"C\" { allow: syntax-error\n segment s \"S\" { job j \"J\" { importance:, allow: unserved-job } } value-map {} }",
        &LintConfig::default(),
    );
    assert_eq!(parse.errors.len(), 1);
    assert_eq!(codes(&a), ["invalid-value", "syntax-error"]);
}

#[test]
fn config_levels_change_severity_and_turn_codes_off() {
    let text = r#"canvas c "C" { segment s "S" { pain p "P" { severity: light } pain q "Q" { severity: extreme } gain g "G" { relevance: low } } value-map {} }"#;
    let severities = |a: &Analysis| a.diagnostics.iter().map(|d| (d.code.as_str(), d.severity)).collect::<Vec<_>>();
    // By default: the light pain and the low gain are infos (the method lets them go), the extreme pain a warning.
    let (_, a) = check(text, &LintConfig::default());
    assert_eq!(
        severities(&a),
        [
            ("unrelieved-pain", Severity::Info),
            ("unrelieved-pain", Severity::Warning),
            ("uncreated-gain", Severity::Info)
        ]
    );
    // A level set in vpc.toml for the code applies to all of its diagnostics.
    let config = LintConfig::from_toml("[lints]\nunrelieved-pain = \"error\"\nuncreated-gain = \"off\"\n").unwrap();
    let (_, a) = check(text, &config);
    assert_eq!(severities(&a), [("unrelieved-pain", Severity::Error), ("unrelieved-pain", Severity::Error)]);
    let warning = LintConfig::from_toml("[lints]\nunrelieved-pain = \"warning\"\n").unwrap();
    assert_eq!(check(text, &warning).1.count(Severity::Warning), 2);
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
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\" { importance: low }\n    job a \"B\" { importance: low }\n  }\n  value-map { product p \"P\" { serves: a } }\n}\n";
    let a = check(text, &LintConfig::default()).1;
    let d = &a.diagnostics[0];
    assert_eq!(d.code, Code::DuplicateId);
    assert_eq!(d.message, "`a` is already defined on line 3 (a job)");
    assert_eq!(&text[d.related[0].span.range()], "a");
    assert!(d.related[0].span.start < d.span.start);
}

#[test]
fn references_from_finds_the_same_as_a_scan() {
    for name in ["wedding", "marketplace", "outcomes", "flawed", "ride-hailing"] {
        let text =
            std::fs::read_to_string(format!("{}/../../examples/{name}.vpc", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let a = check(&text, &LintConfig::default()).1;
        for canvas in &a.canvases {
            for id in canvas.item_ids() {
                for link in [Link::Job, Link::Serves, Link::Relieves, Link::Creates, Link::Via, Link::Addresses] {
                    let fast: Vec<&Reference> = canvas.references_from(id, link).collect();
                    let scan: Vec<&Reference> =
                        canvas.references.iter().filter(|r| r.from == id && r.link == link).collect();
                    assert_eq!(fast, scan, "{name}");
                }
            }
        }
    }
}

#[test]
fn thousands_of_attributes_on_one_item_are_each_reported_once() {
    // Once quadratic (each key compared with every earlier one): 4.6 s at 1 MB.
    let mut text = String::from("canvas c \"C\" { segment s \"S\" { pain p \"P\" { severity: light");
    for n in 0..20_000 {
        text.push_str(&format!(", k{n}: x"));
    }
    text.push_str(", k7: y, severity: moderate } } value-map {} }\n");
    let a = check(&text, &LintConfig::default()).1;
    let count = |code: Code| a.diagnostics.iter().filter(|d| d.code == code).count();
    assert_eq!(count(Code::UnknownAttribute), 20_001);
    assert_eq!(count(Code::DuplicateAttribute), 2);
    assert_eq!(a.canvases[0].items[0].rank.word(), Some("moderate"), "the last one counts");
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

use vpc_ide::{Code, CodeAction, File, Span, apply_edits, code_actions};

use super::fixture::*;

const FLAWED: &str = include_str!("../../../../examples/flawed.vpc");

fn count(file: &File, code: Code) -> usize {
    file.diagnostics().iter().filter(|d| d.code == code).count()
}

/// The actions for the diagnostic `code` placed on the `n`th `needle`.
fn actions_for(text: &str, code: Code, needle: &str, n: usize) -> (File, Vec<CodeAction>) {
    let file = analyse(text);
    let start = text.match_indices(needle).nth(n).unwrap_or_else(|| panic!("no {needle}")).0;
    let d = file
        .diagnostics()
        .iter()
        .find(|d| d.code == code && d.span.start == start)
        .unwrap_or_else(|| panic!("no {code} at {needle}: {:#?}", file.diagnostics()))
        .clone();
    let actions: Vec<CodeAction> = code_actions(&file, Span::empty(d.span.start))
        .into_iter()
        .filter(|a| a.diagnostic == Some((code, d.span)))
        .collect();
    (file, actions)
}

/// Apply an action, check that its diagnostic is gone and no syntax error came,
/// and show the lines it changed or added.
fn apply(file: &File, action: &CodeAction) -> String {
    let (code, _) = action.diagnostic.unwrap();
    let after = analyse(&apply_edits(&file.text, &action.edits));
    assert_eq!(
        count(&after, code),
        count(file, code) - 1,
        "{code} is still there after `{}`:\n{}",
        action.title,
        after.text
    );
    assert!(count(&after, Code::SyntaxError) <= count(file, Code::SyntaxError), "{}", after.text);
    let old: Vec<&str> = file.text.lines().collect();
    after.text.lines().filter(|l| !old.contains(l)).collect::<Vec<_>>().join("\n")
}

fn titles(actions: &[CodeAction]) -> String {
    actions
        .iter()
        .map(|a| format!("{}{}", a.title, if a.is_preferred { " (preferred)" } else { "" }))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Check every action: each removes its diagnostic.
fn apply_all(file: &File, actions: &[CodeAction]) {
    for action in actions {
        apply(file, action);
    }
}

#[test]
fn add_a_rank_into_existing_braces() {
    let (file, actions) = actions_for(FLAWED, Code::UnrankedJob, "fit-in", 0);
    insta::assert_snapshot!(titles(&actions), @"
    Add `importance: crucial`
    Add `importance: high`
    Add `importance: medium`
    Add `importance: low`
    Add `importance: trivial`
    Allow `unranked-job` on this job
    ");
    apply_all(&file, &actions);
    insta::assert_snapshot!(apply(&file, &actions[1]), @r#"    job fit-in "Feel at home in the new country" { kind: emotional, importance: high }"#);
}

#[test]
fn add_a_rank_with_new_braces_and_in_a_multi_line_block() {
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    pain bare \"Bare\"\n    pain tall \"Tall\" {\n      kind: risk\n    }\n    gain empty \"Empty\" {}\n    gain comma \"Comma\" { kind: desired, }\n  }\n}\n";
    let (file, actions) = actions_for(text, Code::UnrankedPain, "bare", 0);
    apply_all(&file, &actions);
    insta::assert_snapshot!(apply(&file, &actions[0]), @r#"    pain bare "Bare" { severity: extreme }"#);
    let (file, actions) = actions_for(text, Code::UnrankedPain, "tall", 0);
    apply_all(&file, &actions);
    insta::assert_snapshot!(apply(&file, &actions[4]), @"      severity: negligible");
    let (file, actions) = actions_for(text, Code::UnrankedGain, "empty", 0);
    apply_all(&file, &actions);
    insta::assert_snapshot!(apply(&file, &actions[0]), @r#"    gain empty "Empty" { relevance: essential }"#);
    let (file, actions) = actions_for(text, Code::UnrankedGain, "comma", 0);
    apply_all(&file, &actions);
    insta::assert_snapshot!(apply(&file, &actions[2]), @r#"    gain comma "Comma" { kind: desired, relevance: medium }"#);
}

#[test]
fn add_a_reliever_to_the_value_map() {
    let (file, actions) = actions_for(WEDDING, Code::UnrelievedPain, "invites", 0);
    insta::assert_snapshot!(titles(&actions), @"
    Add a reliever that relieves this pain (`relieve-invites`) (preferred)
    Let this pain go (`allow: unrelieved-pain`)
    ");
    apply_all(&file, &actions);
    insta::assert_snapshot!(apply(&file, &actions[0]), @r#"    reliever relieve-invites "How we relieve: Trouble sending invites" { relieves: invites }"#);
}

#[test]
fn add_a_creator_and_a_value_map() {
    let text =
        "canvas c \"C\" {\n  segment s \"S\" {\n    gain g \"A \\\"quoted\\\" gain\" { relevance: high }\n  }\n}\n";
    let (file, actions) = actions_for(text, Code::UncreatedGain, "g \"", 0);
    insta::assert_snapshot!(titles(&actions), @"
    Add a creator that creates this gain (`create-g`) (preferred)
    Let this gain go (`allow: uncreated-gain`)
    ");
    let after = apply_edits(&file.text, &actions[0].edits);
    apply(&file, &actions[0]);
    insta::assert_snapshot!(after, @r#"
    canvas c "C" {
      segment s "S" {
        gain g "A \"quoted\" gain" { relevance: high }
      }

      value-map {
        creator create-g "How we create: A \"quoted\" gain" { creates: g }
      }
    }
    "#);
    assert_eq!(count(&analyse(&after), Code::MissingSection), 0);
}

#[test]
fn stubs_in_one_line_and_unclosed_value_maps() {
    let text = "canvas c \"C\" {\n  segment s \"S\" { pain p \"P\" { severity: light } }\n  value-map {}\n}\n";
    let (file, actions) = actions_for(text, Code::UnrelievedPain, "p \"", 0);
    insta::assert_snapshot!(apply_edits(&file.text, &actions[0].edits), @r#"
    canvas c "C" {
      segment s "S" { pain p "P" { severity: light } }
      value-map {
        reliever relieve-p "How we relieve: P" { relieves: p }
      }
    }
    "#);
    apply(&file, &actions[0]);
    let text = "canvas c \"C\" {\n  segment s \"S\" { pain relieve-p \"P\" { severity: light } }\n  value-map {\n    product x \"X\"\n";
    let (file, actions) = actions_for(text, Code::UnrelievedPain, "relieve-p", 0);
    insta::assert_snapshot!(apply_edits(&file.text, &actions[0].edits), @r#"
    canvas c "C" {
      segment s "S" { pain relieve-p "P" { severity: light } }
      value-map {
        product x "X"
        reliever relieve-relieve-p "How we relieve: P" { relieves: relieve-p }
    "#);
    apply(&file, &actions[0]);
}

#[test]
fn replace_an_unknown_reference() {
    let (file, actions) = actions_for(FLAWED, Code::UnknownReference, "no-parner", 0);
    insta::assert_snapshot!(titles(&actions), @"Replace with `no-partner` (preferred)");
    insta::assert_snapshot!(apply(&file, &actions[0]), @"      relieves: [shy, no-partner] // unknown-reference: typo, `vpc` suggests `no-partner`");
    // Nothing near: no action.
    let (_, actions) = actions_for(
        "canvas c \"C\" { segment s \"S\" { pain p \"P\" }\n value-map { reliever r \"R\" { relieves: zzzzzz } } }",
        Code::UnknownReference,
        "zzzzzz",
        0,
    );
    assert!(actions.is_empty());
}

#[test]
fn remove_an_unknown_attribute() {
    // Alone on its line, with a comment after it (the comment stays).
    let (file, actions) = actions_for(FLAWED, Code::UnknownAttribute, "audience", 0);
    insta::assert_snapshot!(titles(&actions), @"Remove `audience` (preferred)");
    let after = apply_edits(&file.text, &actions[0].edits);
    apply(&file, &actions[0]);
    insta::assert_snapshot!(after.lines().nth(7).unwrap(), @"    // unknown-attribute: a segment has no `audience`");
    // Inline: last, first, middle.
    let text = "canvas c \"C\" { segment s \"S\" {\n  job a \"A\" { kind: social, price: 3 }\n  job b \"B\" { price: 3, kind: social }\n  job d \"D\" { kind: social, price: 3, importance: high }\n  job e \"E\" {\n    price: 3\n    importance: high\n  }\n} }";
    let mut out = String::new();
    for n in 0..4 {
        let (file, actions) = actions_for(text, Code::UnknownAttribute, "price", n);
        let after = apply_edits(&file.text, &actions[0].edits);
        apply(&file, &actions[0]);
        out.push_str(&format!(
            "{}\n---\n",
            after.lines().skip(1 + n).take(if n == 3 { 3 } else { 1 }).collect::<Vec<_>>().join("\n")
        ));
    }
    insta::assert_snapshot!(out, @r#"
      job a "A" { kind: social }
    ---
      job b "B" { kind: social }
    ---
      job d "D" { kind: social, importance: high }
    ---
      job e "E" {
        importance: high
      }
    ---
    "#);
}

#[test]
fn rename_a_duplicate_id() {
    let (file, actions) = actions_for(FLAWED, Code::DuplicateId, "speak \"Speak", 0);
    insta::assert_snapshot!(titles(&actions), @"Rename this `speak` to `speak-2` (preferred)");
    insta::assert_snapshot!(apply(&file, &actions[0]), @r#"    job speak-2 "Speak on the phone" { kind: functional, importance: medium }"#);
    let text =
        "canvas c \"C\" { segment s \"S\" { pain p \"P\"\n pain p-2 \"P2\"\n pain p \"P3\" } }\ncanvas c \"D\" {}";
    let (file, actions) = actions_for(text, Code::DuplicateId, "p \"P3", 0);
    insta::assert_snapshot!(apply(&file, &actions[0]), @r#" pain p-3 "P3" } }"#);
    let (file, actions) = actions_for(text, Code::DuplicateId, "c \"D", 0);
    insta::assert_snapshot!(apply(&file, &actions[0]), @r#"canvas c-2 "D" {}"#);
}

#[test]
fn allow_the_code_on_the_item() {
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    pain a \"A\" { severity: light }\n    pain b \"B\" { severity: light, allow: unranked-pain }\n    pain d \"D\" { severity: light, allow: [] }\n  }\n  value-map { reliever r \"R\" }\n}\n";
    let (file, actions) = actions_for(text, Code::UnrelievedPain, "a \"A", 0);
    insta::assert_snapshot!(titles(&actions), @"
    Add a reliever that relieves this pain (`relieve-a`) (preferred)
    Let this pain go (`allow: unrelieved-pain`)
    ");
    insta::assert_snapshot!(apply(&file, actions.last().unwrap()), @r#"    pain a "A" { severity: light, allow: unrelieved-pain }"#);
    let (file, actions) = actions_for(text, Code::UnrelievedPain, "b \"B", 0);
    insta::assert_snapshot!(apply(&file, actions.last().unwrap()), @r#"    pain b "B" { severity: light, allow: [unranked-pain, unrelieved-pain] }"#);
    let (file, actions) = actions_for(text, Code::UnrelievedPain, "d \"D", 0);
    insta::assert_snapshot!(apply(&file, actions.last().unwrap()), @r#"    pain d "D" { severity: light, allow: [unrelieved-pain] }"#);
    let (file, actions) = actions_for(text, Code::DanglingReliever, "r \"R", 0);
    insta::assert_snapshot!(titles(&actions), @"Allow `dangling-reliever` on this reliever");
    apply_all(&file, &actions);
}

#[test]
fn only_diagnostics_in_the_range() {
    let file = analyse(FLAWED);
    assert!(code_actions(&file, Span::new(0, 10)).is_empty());
    let all = code_actions(&file, Span::new(0, FLAWED.len()));
    assert!(all.len() > 20, "{}", all.len());
}

#[test]
fn every_fix_of_the_flawed_example_works() {
    let file = analyse(FLAWED);
    let all = code_actions(&file, Span::new(0, FLAWED.len()));
    apply_all(&file, &all);
}

#[test]
fn a_selected_range_gets_the_fixes_of_the_diagnostics_it_overlaps() {
    let (file, range) = range(
        "canvas c \"C\" {\n  segment s \"S\" {\n    $0job a \"A\"\n    job b$0 \"B\"\n    job d \"D\"\n  }\n  value-map {}\n}\n",
    );
    let found: Vec<String> = code_actions(&file, range)
        .iter()
        .filter(|a| a.title.contains("crucial") || a.title.starts_with("Allow"))
        .map(|a| format!("{} @ {}", a.title, &file.text[a.diagnostic.unwrap().1.range()]))
        .collect();
    insta::assert_snapshot!(found.join("\n"), @"
    Add `importance: crucial` @ a
    Allow `unranked-job` on this job @ a
    Add `importance: crucial` @ b
    Allow `unranked-job` on this job @ b
    ");
}

/// Jobs and products in every shape an action meets: no braces, braces without the
/// attribute, a single value, a list, an empty list.
const SHAPES: &str = "canvas c \"C\" {
  segment s \"S\" {
    job bare \"Bare\"
    job braces \"Braces\" { importance: high }
    job single \"Single\" { importance: high, allow: unranked-job }
    job list \"List\" { importance: high, allow: [unranked-job] }
    job empty \"Empty\" { importance: high, allow: [] }
    job done \"Done\" { importance: low }
  }
  value-map {
    product p-bare \"Bare\"
    product p-braces \"Braces\" { kind: digital }
    product p-single \"Single\" { serves: done }
    product p-list \"List\" { serves: [done] }
    product p-empty \"Empty\" { serves: [] }
  }
}
";

#[test]
fn serve_a_job_with_each_product_of_the_canvas() {
    let (file, actions) = actions_for(SHAPES, Code::UnservedJob, "braces \"", 0);
    insta::assert_snapshot!(titles(&actions), @"
    Serve this job with `p-bare`
    Serve this job with `p-braces`
    Serve this job with `p-single`
    Serve this job with `p-list`
    Serve this job with `p-empty`
    Let this job go (`allow: unserved-job`)
    ");
    let changed: Vec<String> = actions.iter().map(|a| apply(&file, a)).collect();
    insta::assert_snapshot!(changed.join("\n"), @r#"
        product p-bare "Bare" { serves: braces }
        product p-braces "Braces" { kind: digital, serves: braces }
        product p-single "Single" { serves: [done, braces] }
        product p-list "List" { serves: [done, braces] }
        product p-empty "Empty" { serves: [braces] }
        job braces "Braces" { importance: high, allow: unserved-job }
    "#);
    // Serving it makes it count as addressed: the fit goes up.
    let before = file.analysis.canvases[0].judge();
    let after = analyse(&apply_edits(&file.text, &actions[0].edits)).analysis.canvases[0].judge();
    assert_eq!(after.jobs.covered, before.jobs.covered + 8);
}

#[test]
fn the_only_product_is_the_preferred_one() {
    let text = "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" { importance: crucial } }\n  value-map { product app \"App\" }\n}\n";
    let (file, actions) = actions_for(text, Code::UnservedJob, "j \"", 0);
    insta::assert_snapshot!(titles(&actions), @"
    Serve this job with `app` (preferred)
    Let this job go (`allow: unserved-job`)
    ");
    apply_all(&file, &actions);
    // A product without an identifier can serve too (it is the product that names the job).
    let text = "canvas c \"C\" {\n  segment s \"S\" { job j \"J\" { importance: crucial } }\n  value-map { product \"An app\" }\n}\n";
    let (file, actions) = actions_for(text, Code::UnservedJob, "j \"", 0);
    insta::assert_snapshot!(titles(&actions), @r#"
    Serve this job with "An app" (preferred)
    Let this job go (`allow: unserved-job`)
    "#);
    apply_all(&file, &actions);
}

#[test]
fn let_a_job_go_in_every_shape_of_allow() {
    let mut out = Vec::new();
    for needle in ["bare \"", "braces \"", "single \"", "list \"", "empty \""] {
        let (file, actions) = actions_for(SHAPES, Code::UnservedJob, needle, 0);
        let let_go = actions.iter().find(|a| a.title.starts_with("Let this job go")).unwrap();
        out.push(apply(&file, let_go));
        // A job let go leaves the fit.
        let after = analyse(&apply_edits(&file.text, &let_go.edits));
        assert_eq!(after.analysis.canvases[0].judge().let_go.len(), 1, "{}", after.text);
    }
    insta::assert_snapshot!(out.join("\n"), @r#"
        job bare "Bare" { allow: unserved-job }
        job braces "Braces" { importance: high, allow: unserved-job }
        job single "Single" { importance: high, allow: [unranked-job, unserved-job] }
        job list "List" { importance: high, allow: [unranked-job, unserved-job] }
        job empty "Empty" { importance: high, allow: [unserved-job] }
    "#);
}

#[test]
fn let_pains_and_gains_go() {
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    pain p \"P\" { severity: extreme }\n    gain g \"G\" {\n      relevance: essential\n      allow: [unranked-gain]\n    }\n  }\n}\n";
    let (file, actions) = actions_for(text, Code::UnrelievedPain, "p \"", 0);
    let after = apply_edits(&file.text, &actions.last().unwrap().edits);
    insta::assert_snapshot!(apply(&file, actions.last().unwrap()), @r#"    pain p "P" { severity: extreme, allow: unrelieved-pain }"#);
    // The extreme pain was a must-have left open; let go, it no longer is.
    assert_eq!(file.analysis.canvases[0].judge().unaddressed.len(), 2);
    assert_eq!(analyse(&after).analysis.canvases[0].judge().unaddressed.len(), 1);
    let (file, actions) = actions_for(text, Code::UncreatedGain, "g \"", 0);
    insta::assert_snapshot!(titles(&actions), @"
    Add a creator that creates this gain (`create-g`) (preferred)
    Let this gain go (`allow: uncreated-gain`)
    ");
    insta::assert_snapshot!(apply(&file, actions.last().unwrap()), @"      allow: [unranked-gain, uncreated-gain]");
}

#[test]
fn add_a_product_when_the_canvas_has_none() {
    // Into the value map there is.
    let text = "canvas c \"C\" {\n  segment s \"S\" { job j \"Get \\\"there\\\"\" { importance: high } }\n  value-map {\n    reliever r \"R\"\n  }\n}\n";
    let (file, actions) = actions_for(text, Code::UnservedJob, "j \"", 0);
    insta::assert_snapshot!(titles(&actions), @"
    Add a product that serves this job (`j-product`) (preferred)
    Let this job go (`allow: unserved-job`)
    ");
    apply_all(&file, &actions);
    insta::assert_snapshot!(apply_edits(&file.text, &actions[0].edits), @r#"
    canvas c "C" {
      segment s "S" { job j "Get \"there\"" { importance: high } }
      value-map {
        reliever r "R"
        product j-product "How we help: Get \"there\"" { serves: j }
      }
    }
    "#);
    // Into a new value map, with a free identifier.
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    job j \"J\"\n    pain j-product \"P\"\n  }\n}\n";
    let (file, actions) = actions_for(text, Code::UnservedJob, "j \"", 0);
    let after = apply_edits(&file.text, &actions[0].edits);
    apply(&file, &actions[0]);
    insta::assert_snapshot!(after, @r#"
    canvas c "C" {
      segment s "S" {
        job j "J"
        pain j-product "P"
      }

      value-map {
        product j-product-2 "How we help: J" { serves: j }
      }
    }
    "#);
    assert_eq!(count(&analyse(&after), Code::MissingSection), 0);
    assert_eq!(count(&analyse(&after), Code::IdleProduct), 0);
}

#[test]
fn no_serve_action_for_a_job_that_cannot_be_named() {
    // Without an identifier, or a second definition of a name: only letting it go.
    let text = "canvas c \"C\" {\n  segment s \"S\" {\n    job \"Untitled\" { importance: high }\n    job j \"J\" { importance: high }\n    job j \"J again\" { importance: high }\n  }\n  value-map { product p \"P\" { serves: j } }\n}\n";
    let (file, actions) = actions_for(text, Code::UnservedJob, "job \"Untitled", 0);
    insta::assert_snapshot!(titles(&actions), @"Let this job go (`allow: unserved-job`)");
    apply_all(&file, &actions);
    let (_, actions) = actions_for(text, Code::UnservedJob, "j \"J again", 0);
    insta::assert_snapshot!(titles(&actions), @"Let this job go (`allow: unserved-job`)");
}

#[test]
fn a_whole_file_of_duplicate_ids_gets_at_most_the_cap_of_actions_in_order() {
    // 25,000 jobs all called `j` (once 12.9 s and 38 MB of reply): the first
    // duplicates' renames, in source order, and no more than the cap.
    let mut text = String::from("canvas c \"C\" {\n  allow: unserved-job\n  segment s \"S\" {\n");
    for n in 0..25_000 {
        text.push_str(&format!("    job j \"J{n}\" {{ importance: high }}\n"));
    }
    text.push_str("  }\n  value-map {}\n}\n");
    let file = analyse(&text);
    assert_eq!(count(&file, Code::DuplicateId), 24_999);
    let all = code_actions(&file, Span::new(0, text.len()));
    assert_eq!(all.len(), vpc_ide::MAX_CODE_ACTIONS);
    let first_duplicates: Vec<Span> =
        file.diagnostics().iter().filter(|d| d.code == Code::DuplicateId).map(|d| d.span).take(all.len()).collect();
    let fixed: Vec<Span> = all.iter().map(|a| a.diagnostic.unwrap().1).collect();
    assert_eq!(fixed, first_duplicates);
    assert!(all.iter().all(|a| a.title == "Rename this `j` to `j-2`"), "{}", titles(&all[..3]));
    apply(&file, &all[0]);
    apply(&file, &all[99]);
}

#[test]
fn the_cap_keeps_the_first_diagnostics_fixes_and_cuts_the_last_one_short() {
    // Unranked jobs: five ranks and an allow each, 6 actions a job.
    let mut text = String::from("canvas c \"C\" {\n  allow: unserved-job\n  segment s \"S\" {\n");
    for n in 0..40 {
        text.push_str(&format!("    job j{n} \"J\"\n"));
    }
    text.push_str("  }\n  value-map {}\n}\n");
    let file = analyse(&text);
    let all = code_actions(&file, Span::new(0, text.len()));
    assert_eq!(all.len(), 100);
    let on = |n: usize| all.iter().filter(|a| &text[a.diagnostic.unwrap().1.range()] == format!("j{n}")).count();
    assert_eq!((0..16).map(on).collect::<Vec<_>>(), [6; 16]);
    assert_eq!(on(16), 4);
    assert_eq!(on(17), 0);
    // A range further on gets its own diagnostics' fixes.
    let at = text.find("j30 ").unwrap();
    let later = code_actions(&file, Span::empty(at));
    assert_eq!(later.len(), 6);
    apply_all(&file, &later);
}

#[test]
fn items_without_identifiers_are_found_by_their_keyword() {
    let text = "canvas a \"A\" {\n  allow: unserved-job\n  segment s \"S\" {\n    job \"First\"\n  }\n}\ncanvas b \"B\" {\n  allow: unserved-job\n  segment t \"T\" {\n    job \"Second\"\n    job \"Third\"\n  }\n}\n";
    let file = analyse(text);
    for title in ["First", "Second", "Third"] {
        let keyword = text.find(&format!("job \"{title}\"")).unwrap();
        let actions = code_actions(&file, Span::empty(keyword));
        assert_eq!(actions.len(), 6, "{title}: {}", titles(&actions));
        apply_all(&file, &actions);
    }
}

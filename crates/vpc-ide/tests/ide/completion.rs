use vpc_ide::{Completion, File, completions};

use super::fixture::*;

fn sorted(file: &File, offset: usize) -> Vec<Completion> {
    let mut items = completions(file, offset);
    items.sort_by(|a, b| (&a.sort_text, &a.label).cmp(&(&b.sort_text, &b.label)));
    items
}

/// One line per proposal, in display order: label, kind, detail.
fn complete(fixture: &str) -> String {
    let (file, offset) = cursor(fixture);
    list(&file, offset)
}

fn list(file: &File, offset: usize) -> String {
    sorted(file, offset)
        .iter()
        .map(|c| match &c.detail {
            Some(d) => format!("{} ({:?}) {d}", c.label, c.kind),
            None => format!("{} ({:?})", c.label, c.kind),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn labels(fixture: &str) -> String {
    let (file, offset) = cursor(fixture);
    sorted(&file, offset).iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join(" ")
}

/// The wedding canvas with `$0` put in place of `needle` (which is removed).
fn wedding_with(needle: &str, replacement: &str) -> String {
    assert!(WEDDING.contains(needle), "{needle}");
    WEDDING.replacen(needle, replacement, 1)
}

const SEGMENT: &str = "canvas c \"C\" {\n  segment s \"S\" {\n    $0\n  }\n}\n";

#[test]
fn top_level() {
    insta::assert_snapshot!(complete("$0"), @"canvas (Keyword) a customer segment and the value map offered to it");
    insta::assert_snapshot!(complete("can$0"), @"canvas (Keyword) a customer segment and the value map offered to it");
    insta::assert_snapshot!(complete("canvas a \"A\" {}\n\n$0\n"), @"canvas (Keyword) a customer segment and the value map offered to it");
    let (file, offset) = cursor("// a comment\ncanv$0");
    let items = completions(&file, offset);
    assert_eq!(items[0].replace, vpc_ide::Span::new(13, 17));
    insta::assert_snapshot!(items[0].insert_text, @r#"
    canvas ${1:id} "${2:what the value proposition is}" {
      segment ${3:customers} "${4:who the customers are}" {
        $0
      }

      value-map "${5:what we offer}" {
      }
    }
    "#);
}

#[test]
fn in_a_canvas() {
    insta::assert_snapshot!(complete("canvas c \"C\" {\n  $0\n}"), @"
    description (Attribute) text
    note (Attribute) text
    allow (Attribute) diagnostic codes
    segment (Keyword) the customer profile: jobs, pains, gains
    value-map (Keyword) the offer: products, relievers, creators
    ");
    // The segment is there: only the value map is missing.
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  description: \"x\"\n  segment s \"S\" {}\n  $0\n}"), @"note allow value-map");
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {}\n  value-map {}\n  $0\n}"), @"description note allow");
}

#[test]
fn in_a_segment() {
    insta::assert_snapshot!(complete(SEGMENT), @"
    description (Attribute) text
    early-adopters (Attribute) text
    market (Attribute) existing | resegmented | new | clone
    strategy (Attribute) mass | niche | segmented | diversified | multi-sided
    note (Attribute) text
    allow (Attribute) diagnostic codes
    job (Keyword) what the customer is trying to get done
    pain (Keyword) what annoys the customer or stops the job
    gain (Keyword) an outcome or benefit the customer wants
    outcome (Keyword) a measurable desired outcome, rated 0–10
    ");
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    market: new\n    $0\n    strategy: niche\n  }\n}"), @"description early-adopters note allow job pain gain outcome");
}

#[test]
fn item_snippets() {
    let (file, offset) = cursor(SEGMENT);
    let snippets: Vec<String> =
        sorted(&file, offset).iter().filter(|c| c.is_snippet).map(|c| c.insert_text.clone()).collect();
    insta::assert_snapshot!(snippets.join("\n"), @r#"
    description: "$1"
    early-adopters: "$1"
    note: "$1"
    job ${1:id} "${2:What is the customer trying to get done, in their own words?}" { importance: ${3|crucial,high,medium,low,trivial|} }
    pain ${1:id} "${2:What does the customer find too costly, frustrating or risky, before, during or after the job?}" { severity: ${3|extreme,severe,moderate,light,negligible|} }
    gain ${1:id} "${2:What outcome or benefit does the customer want from the job?}" { relevance: ${3|essential,high,medium,low,nice-to-have|} }
    outcome ${1:id} "${2:Minimise the time it takes to …}" { job: ${3:job}, importance: ${4:8}, satisfaction: ${5:3} }
    "#);
    let text = wedding_with("    creator one-stop", "    $0\n    creator one-stop");
    let (file, offset) = cursor(&text);
    let snippets: Vec<String> =
        sorted(&file, offset).iter().filter(|c| c.is_snippet).map(|c| c.insert_text.clone()).collect();
    insta::assert_snapshot!(snippets.join("\n"), @r#"
    description: "$1"
    note: "$1"
    product ${1:id} "${2:Which product or service helps the customer get a job done?}" { kind: ${3|tangible,digital,intangible,financial|} }
    reliever ${1:id} "${2:How does the offer eliminate or reduce this pain?}" { relieves: ${3:invites} }
    creator ${1:id} "${2:How does the offer produce this outcome or benefit?}" { creates: ${3:carefree} }
    "#);
}

#[test]
fn in_a_value_map() {
    insta::assert_snapshot!(complete("canvas c \"C\" {\n  value-map {\n    $0\n  }\n}"), @"
    description (Attribute) text
    note (Attribute) text
    allow (Attribute) diagnostic codes
    product (Keyword) a product or service of the offer
    reliever (Keyword) how the offer relieves pains
    creator (Keyword) how the offer creates gains
    ");
}

#[test]
fn a_keyword_being_typed() {
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    pa$0\n  }\n}"), @"description early-adopters market strategy note allow job pain gain outcome");
    // The same, in a file that ends there.
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\"\n    pa$0"), @"description early-adopters market strategy note allow job pain gain outcome");
    let (file, offset) = cursor("canvas c \"C\" {\n  value-map {\n    reli$0\n  }\n}");
    let items = sorted(&file, offset);
    let reliever = items.iter().find(|c| c.label == "reliever").unwrap();
    assert_eq!(&file.text[reliever.replace.range()], "reli");
}

#[test]
fn keys_of_an_item() {
    insta::assert_snapshot!(complete("canvas c \"C\" { segment s \"S\" { job a \"A\" { $0 } } }"), @"
    kind (Attribute) functional | social | emotional | supporting
    role (Attribute) buyer | co-creator | transferrer
    importance (Attribute) crucial | high | medium | low | trivial
    frequency (Attribute) word or text
    context (Attribute) text
    note (Attribute) text
    allow (Attribute) diagnostic codes
    ");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { job a \"A\" { kind: functional, $0 } } }"), @"role importance frequency context note allow");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { pain a \"A\" { $0 } } }"), @"kind severity job when aspect frequency note allow");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { gain a \"A\" { relevance: high, $0 } } }"), @"kind job when aspect frequency note allow");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { outcome a \"A\" {\n  job: x\n  $0\n  importance: 3\n} } }"), @"satisfaction note allow");
    insta::assert_snapshot!(labels("canvas c \"C\" { value-map { product a \"A\" { $0 } } }"), @"kind serves addresses note allow");
    insta::assert_snapshot!(labels("canvas c \"C\" { value-map { reliever a \"A\" { via: x, $0 } } }"), @"relieves addresses note allow");
    insta::assert_snapshot!(labels("canvas c \"C\" { value-map { creator a \"A\" { $0 } } }"), @"creates via addresses note allow");
}

#[test]
fn keys_half_typed() {
    // `{ sev|` in a block left open, with more items below.
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    pain p \"P\" { sev$0\n    gain g \"G\"\n  }\n}"), @"kind severity job when aspect frequency note allow");
    // The key being typed is not counted as given.
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { pain p \"P\" { kind: risk, severity$0 } } }"), @"severity job when aspect frequency note allow");
    // An attribute block left open at the end of the file.
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\" {\n      $0"), @"kind role importance frequency context note allow job pain gain outcome");
    // A new line in an open attribute block: the next item may start here too.
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\" { importance: high,\n    $0\n    pain p \"P\"\n  }\n}"), @"kind role frequency context note allow job pain gain outcome");
    let (file, offset) = cursor("canvas c \"C\" { segment s \"S\" { pain p \"P\" { sev$0 } } }");
    let severity = sorted(&file, offset).into_iter().find(|c| c.label == "severity").unwrap();
    assert_eq!(&file.text[severity.replace.range()], "sev");
    assert_eq!(severity.insert_text, "severity: ");
    assert!(severity.retrigger);
}

#[test]
fn values_of_sets() {
    insta::assert_snapshot!(complete("canvas c \"C\" { segment s \"S\" { pain p \"P\" { severity: $0 } } }"), @"
    extreme (Value) weight 16
    severe (Value) weight 8
    moderate (Value) weight 4
    light (Value) weight 2
    negligible (Value) weight 1
    ");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { pain p \"P\" { kind: $0" ), @"outcome obstacle risk");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { gain g \"G\" { kind: $0 } } }"), @"required expected desired unexpected");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { job j \"J\" { kind: $0 } } }"), @"functional social emotional supporting");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { job j \"J\" { role: co$0 } } }"), @"buyer co-creator transferrer");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { job j \"J\" { importance:$0 } } }"), @"crucial high medium low trivial");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { gain g \"G\" { relevance: $0 } } }"), @"essential high medium low nice-to-have");
    insta::assert_snapshot!(labels("canvas c \"C\" { value-map { product p \"P\" { kind: $0 } } }"), @"tangible digital intangible financial");
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    market: $0\n  }\n}"), @"existing resegmented new clone");
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    strategy: mu$0\n  }\n}"), @"mass niche segmented diversified multi-sided");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { job j \"J\" { frequency: $0 } } }"), @"daily weekly monthly yearly once");
}

#[test]
fn no_values_where_none_fit() {
    // A score, text, an unknown key, after a finished value, on the next line.
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" { outcome o \"O\" { importance: $0 } } }"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" { job j \"J\" { context: $0 } } }"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" { job j \"J\" { price: $0 } } }"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" { job j \"J\" { kind: social $0 } } }"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" { pain p \"P\" { severity: [$0] } } }"), "");
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" {\n    job j \"J\" { importance:\n    $0\n  }\n}"), @"kind role frequency context note allow");
}

#[test]
fn nothing_in_strings_comments_and_heads() {
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" { job j \"Or$0ganise\" } }"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" { job j \"Unclosed$0\n } }"), "");
    assert_eq!(labels("canvas c \"C\" {\n  // pa$0\n}"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" {\n  pain $0\n} }"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" {\n  pain p$0\n} }"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" {\n  pain p \"P\" $0\n} }"), "");
    assert_eq!(labels("canvas c \"C\" { segment s \"S\" { outcome o \"O\" { importance: 7$0 } } }"), "");
}

#[test]
fn references_after_relieves() {
    // Unrelieved pains first; the title as detail.
    insta::assert_snapshot!(complete(&wedding_with("relieves: no-time,", "relieves: $0,")), @"
    invites (Reference) Trouble sending invites · unrelieved
    unfinished (Reference) Might not finish the preparation · extreme
    no-time (Reference) Might not have time · severe
    ");
    insta::assert_snapshot!(complete(&wedding_with("relieves: no-time,", "relieves: no-t$0,")), @"
    invites (Reference) Trouble sending invites · unrelieved
    unfinished (Reference) Might not finish the preparation · extreme
    no-time (Reference) Might not have time · severe
    ");
}

#[test]
fn references_in_lists() {
    insta::assert_snapshot!(complete(&wedding_with("relieves: [unfinished, no-time]", "relieves: [unfinished, $0]")), @"
    invites (Reference) Trouble sending invites · unrelieved
    no-time (Reference) Might not have time · severe
    ");
    // Unclosed, half-typed, and with names after the cursor.
    insta::assert_snapshot!(labels(&wedding_with("relieves: [unfinished, no-time] }", "relieves: [no-t$0")), @"unfinished invites no-time");
    insta::assert_snapshot!(labels(&wedding_with("relieves: [unfinished, no-time]", "relieves: [$0, no-time]")), @"unfinished invites");
    insta::assert_snapshot!(labels(&wedding_with("relieves: [unfinished, no-time]", "relieves: [\n      unfinished,\n      $0\n    ]")), @"invites no-time");
}

#[test]
fn references_of_each_kind() {
    insta::assert_snapshot!(complete(&wedding_with("creates: carefree", "creates: $0")), @"carefree (Reference) Someone takes care of everything · uncreated");
    insta::assert_snapshot!(complete(&wedding_with("serves: [organise]", "serves: [$0]")), @"
    organise (Reference) Organise a lovely wedding · unserved
    budget (Reference) Not incur too much expense · unserved
    impress (Reference) Impress their friends · unserved
    ");
    insta::assert_snapshot!(complete(&wedding_with("job: organise }", "job: org$0 }")), @"
    organise (Reference) Organise a lovely wedding · crucial
    budget (Reference) Not incur too much expense · high
    impress (Reference) Impress their friends · medium
    ");
    insta::assert_snapshot!(complete(&wedding_with("via: app", "via: $0")), @"app (Reference) Online wedding services via app");
    insta::assert_snapshot!(complete(&wedding_with("addresses: venue-time", "addresses: $0")), @"venue-time (Reference) Minimise the time it takes to book a venue · under-served, opportunity 15");
}

#[test]
fn under_served_outcomes_come_first() {
    let text = r#"canvas c "C" {
  segment s "S" {
    outcome fine "Fine" { importance: 5, satisfaction: 5 }
    outcome covered "Covered" { importance: 9, satisfaction: 1 }
    outcome open "Open" { importance: 8, satisfaction: 2 }
    outcome unrated "Unrated"
  }
  value-map {
    product p "P" { addresses: covered }
    creator c1 "C1" { addresses: [$0] }
  }
}"#;
    insta::assert_snapshot!(complete(text), @"
    open (Reference) Open · under-served, opportunity 14
    covered (Reference) Covered · under-served, opportunity 17
    fine (Reference) Fine · opportunity 5
    unrated (Reference) Unrated
    ");
}

#[test]
fn references_only_from_the_same_canvas() {
    let text = "canvas a \"A\" { segment s \"S\" { pain mine \"Mine\" } }\ncanvas b \"B\" {\n  segment s \"S\" { pain yours \"Yours\" }\n  value-map { reliever r \"R\" { relieves: $0 } }\n}";
    insta::assert_snapshot!(labels(text), @"yours");
}

#[test]
fn codes_after_allow() {
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { pain p \"P\" { allow: $0 } } }"), @"unranked-pain unrelieved-pain duplicate-id unknown-reference wrong-reference-kind invalid-value duplicate-section missing-section unknown-attribute duplicate-attribute unranked-job unranked-gain uncreated-gain dangling-reliever dangling-creator unserved-job idle-product underserved-outcome overserved-outcome conflicting-attributes");
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { pain p \"P\" { allow: [unrelieved-pain, unranked-$0] } } }"), @"unranked-pain duplicate-id unknown-reference wrong-reference-kind invalid-value duplicate-section missing-section unknown-attribute duplicate-attribute unranked-job unranked-gain uncreated-gain dangling-reliever dangling-creator unserved-job idle-product underserved-outcome overserved-outcome conflicting-attributes");
    let (file, offset) = cursor("canvas c \"C\" { allow: unrel$0 }");
    let item = sorted(&file, offset).into_iter().find(|c| c.label == "unrelieved-pain").unwrap();
    insta::assert_snapshot!(item.detail.unwrap(), @"A pain that no reliever relieves: no `reliever` names it in `relieves:`.");
}

#[test]
fn never_panics_at_odd_offsets() {
    let text = "canvas c \"Café 😀\" {\n  segment s \"S\" { job j \"é\" { importance: high } }\n}";
    let file = analyse(text);
    for offset in 0..text.len() + 3 {
        let _ = completions(&file, offset);
    }
}

#[test]
fn codes_reported_on_the_item_come_first() {
    insta::assert_snapshot!(labels("canvas c \"C\" {\n  segment s \"S\" { pain p \"P\" { allow: [$0] } }\n  value-map {}\n}"), @"unranked-pain unrelieved-pain duplicate-id unknown-reference wrong-reference-kind invalid-value duplicate-section missing-section unknown-attribute duplicate-attribute unranked-job unranked-gain uncreated-gain dangling-reliever dangling-creator unserved-job idle-product underserved-outcome overserved-outcome conflicting-attributes");
}

#[test]
fn crlf_bom_and_multi_byte_text() {
    insta::assert_snapshot!(labels("\u{feff}canvas c \"C\" {\r\n  segment s \"Ünïcode 😀\" {\r\n    pain p \"é\" { severity: $0\r\n  }\r\n}\r\n"), @"extreme severe moderate light negligible");
    insta::assert_snapshot!(labels("canvas c \"C\" {\r\n  segment s \"S\" {\r\n    job j \"J\" { importance:\r\n    $0\r\n  }\r\n}\r\n"), @"kind role frequency context note allow");
    insta::assert_snapshot!(labels("canvas c \"C\" {\r  segment s \"S\" {\r    g$0\r  }\r}\r"), @"description early-adopters market strategy note allow job pain gain outcome");
    // Inside an emoji of a title: nothing, and no panic.
    let text = "canvas c \"C\" { segment s \"😀\" {} }";
    let file = analyse(text);
    let inside = text.find('😀').unwrap() + 2;
    assert!(completions(&file, inside).is_empty());
}

#[test]
fn after_a_closed_item_on_the_same_line_and_after_an_open_brace() {
    insta::assert_snapshot!(labels("canvas c \"C\" { segment s \"S\" { job j \"J\" { importance: high } $0 } }"), @"description early-adopters market strategy note allow job pain gain outcome");
    insta::assert_snapshot!(labels("canvas c \"C\" { value-map {$0"), @"description note allow product reliever creator");
    insta::assert_snapshot!(labels("canvas c \"C\" {$0"), @"description note allow segment value-map");
}

#[test]
fn the_new_keys_take_their_values_from_the_schema() {
    insta::assert_snapshot!(complete("canvas c \"C\" { segment s \"S\" { pain p \"P\" { when: $0 } } }"), @"
    before (Value)
    during (Value)
    after (Value)
    ");
    insta::assert_snapshot!(complete("canvas c \"C\" { segment s \"S\" { gain g \"G\" { aspect: $0 } } }"), @"
    functional (Value)
    social (Value)
    emotional (Value)
    financial (Value)
    ");
    // Each new key explains itself.
    let (file, offset) = cursor("canvas c \"C\" { segment s \"S\" { gain g \"G\" { $0 } } }");
    let when = completions(&file, offset).into_iter().find(|c| c.label == "when").unwrap();
    insta::assert_snapshot!(when.documentation.unwrap(), @"
    **when** (on a gain) — When the gain occurs: `before`, `during` or `after` the job. Pains and gains come up at every stage, not only while the job is done.

    One of `before`, `during`, `after`.
    ");
    // A rating takes a number or a percentage.
    let (file, offset) = cursor("canvas c \"C\" { segment s \"S\" { outcome o \"O\" { $0 } } }");
    let importance = completions(&file, offset).into_iter().find(|c| c.label == "importance").unwrap();
    insta::assert_snapshot!(importance.detail.unwrap(), @"0–10 or 0%–100%");
}

#[test]
fn item_snippets_ask_the_trigger_questions() {
    let (file, offset) = cursor(SEGMENT);
    let pain = completions(&file, offset).into_iter().find(|c| c.label == "pain").unwrap();
    insta::assert_snapshot!(pain.documentation.unwrap(), @"
    **pain** — what annoys the customer before, during or after a job, or stops the job altogether: undesired outcomes and problems, obstacles, and risks of the job going badly or not getting done.

    Rank pains by `severity`; relieving a severe pain counts more in the fit than a light one.

    **Questions to ask**

    - What does the customer find too costly, frustrating or risky, before, during or after the job?
    - What costs them too much time, money or effort?
    - What makes them feel bad, and how do today's solutions let them down?
    - Which difficulties, common mistakes or negative social consequences do they run into?
    - What could go badly wrong, and what keeps them awake at night?
    - What stops them from adopting a solution?
    - How intense is the pain, and how often does it occur?
    ");
    // Every item kind, in a segment or a value map: the main question is the title's
    // placeholder (the outcome keeps its ODI template), and all are in the documentation.
    let value_map = "canvas c \"C\" {\n  value-map {\n    $0\n  }\n}\n";
    let mut items = Vec::new();
    for fixture in [SEGMENT, value_map] {
        let (file, offset) = cursor(fixture);
        items.extend(completions(&file, offset));
    }
    for kind in vpc_syntax::ItemKind::ALL {
        let item = items.iter().find(|c| c.label == kind.keyword()).unwrap_or_else(|| panic!("no {kind}"));
        let questions = vpc_model::questions::for_kind(kind);
        let documentation = item.documentation.as_deref().unwrap_or_default();
        for question in questions {
            assert!(documentation.contains(question), "{kind}: {question}\n{documentation}");
        }
        if kind != vpc_syntax::ItemKind::Outcome {
            assert!(item.insert_text.contains(&format!("\"${{2:{}}}\"", questions[0])), "{}", item.insert_text);
        }
    }
}

#[test]
fn anonymous_braces_are_counted_and_closed_in_order() {
    // Runs of `{` that open no block are counted on one frame (a line of 100,000 of
    // them once cost 100,000 frames a request); closing them all returns to the block.
    let closed = "canvas c \"C\" {\n  { { { } } }\n  segment s \"S\" {\n    $0\n  }\n}\n";
    assert!(labels(closed).contains("job"), "{}", labels(closed));
    let inside = "canvas c \"C\" {\n  { { { } $0 } }\n}\n";
    assert_eq!(labels(inside), "", "still inside anonymous braces");
    let many = format!("canvas c \"C\" {{\n  {}\n  $0\n}}\n", "{".repeat(100_000));
    assert_eq!(labels(&many), "");
}

#[test]
fn reference_candidates_of_a_large_canvas_each_come_once() {
    // 5,000 pains: the candidates once were deduplicated against a list, quadratic.
    let mut text = String::from("canvas c \"C\" {\n  segment s \"S\" {\n");
    for n in 0..5_000 {
        text.push_str(&format!("    pain p{n} \"P\" {{ severity: light }}\n"));
    }
    text.push_str(
        "    pain p1 \"A duplicate id\"\n  }\n  value-map {\n    reliever r \"R\" { relieves: [p0, $0] }\n  }\n}\n",
    );
    let (file, offset) = cursor(&text);
    let labels: Vec<String> = completions(&file, offset).into_iter().map(|c| c.label).collect();
    assert_eq!(labels.len(), 4_999, "every pain once, less the one written");
    assert!(!labels.contains(&"p0".to_string()));
}

//! "Did you mean …?" for `unknown-reference`: the suggestion a typo gets, and the
//! bounds that keep hostile files (huge identifiers, thousands of unknown names) cheap.

use proptest::prelude::*;
use vpc_model::lints::{COMPARISONS_PER_CANVAS, COMPARISONS_PER_ITEM, MAX_SUGGESTED_CHARS, nearest};
use vpc_model::*;

fn helps(text: &str) -> Vec<String> {
    let (parse, analysis) = check(text, &LintConfig::default());
    assert_eq!(parse.errors, []);
    analysis.diagnostics.iter().filter(|d| d.code == Code::UnknownReference).map(|d| d.help.clone().unwrap()).collect()
}

/// The rule as written, compared with every candidate in full.
fn naive<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if name.chars().count() > MAX_SUGGESTED_CHARS {
        return None;
    }
    let limit = (name.chars().count() / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    for &c in candidates {
        let d = strsim::levenshtein(name, c);
        if d <= limit && d > 0 && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[test]
fn a_typo_still_gets_its_suggestion() {
    assert_eq!(nearest("no-parner", ["no-partner", "other"]), Some("no-partner"));
    assert_eq!(nearest("wedding-venu", ["wedding-venue", "wedding-menu-x"]), Some("wedding-venue"));
    // Ties go to the first candidate; the name itself is no suggestion.
    assert_eq!(nearest("ab", ["ax", "ay"]), Some("ax"));
    assert_eq!(nearest("same", ["same"]), None);
    // Characters, not bytes: one accent is one edit.
    assert_eq!(nearest("cafe-time", ["café-time"]), Some("café-time"));
    let text = r#"canvas c "C" {
  segment s "S" { pain no-partner "P" { severity: light } }
  value-map { reliever r "R" { relieves: no-parner } }
}"#;
    assert_eq!(helps(text), ["did you mean `no-partner`?"]);
}

#[test]
fn names_over_the_length_limit_get_no_suggestion() {
    let long = "a".repeat(MAX_SUGGESTED_CHARS);
    let typo = format!("{long}b");
    let near = format!("{long}c");
    assert_eq!(nearest(&long[1..], [long.as_str()]), Some(long.as_str()));
    assert_eq!(nearest(&typo, [near.as_str()]), None);
    let text = format!(
        "canvas c \"C\" {{\n  segment s \"S\" {{ pain {near} \"P\" {{ severity: light }} }}\n  value-map {{ reliever r \"R\" {{ relieves: {typo} }} }}\n}}\n"
    );
    assert_eq!(helps(&text), ["`relieves:` takes the identifier of a pain of this canvas"]);
}

#[test]
fn a_huge_identifier_is_checked_without_comparing_it() {
    // 100,000 characters (once 10 s of edit distances against each pain).
    let huge = "x".repeat(100_000);
    let mut text = String::from("canvas c \"C\" {\n  segment s \"S\" {\n");
    for n in 0..200 {
        text.push_str(&format!("    pain {huge}{n} \"P\" {{ severity: light }}\n"));
    }
    text.push_str(&format!("  }}\n  value-map {{ reliever r \"R\" {{ relieves: {huge}y }} }}\n}}\n"));
    assert_eq!(helps(&text), ["`relieves:` takes the identifier of a pain of this canvas"]);
}

#[test]
fn thousands_of_unknown_references_share_a_budget_of_comparisons() {
    // 4,000 pains and 4,000 relievers, each naming a pain that does not exist but is
    // one edit away from all 4,000: every search would compare 4,000 names.
    let n = 4_000;
    let mut text = String::from("canvas c \"C\" {\n  segment s \"S\" {\n");
    for i in 0..n {
        text.push_str(&format!("    pain p{i:05} \"P\" {{ severity: light }}\n"));
    }
    text.push_str("  }\n  value-map {\n");
    for i in 0..n {
        text.push_str(&format!("    reliever r{i} \"R\" {{ relieves: q{i:05} }}\n"));
    }
    text.push_str("  }\n}\n");
    let helps = helps(&text);
    assert_eq!(helps.len(), n);
    let suggested = helps.iter().filter(|h| h.starts_with("did you mean")).count();
    // Every search is whole: it is made while the canvas's budget lasts, in source order.
    let budget = COMPARISONS_PER_CANVAS + COMPARISONS_PER_ITEM * 2 * n;
    assert_eq!(suggested, budget / n);
    assert_eq!(helps[0], "did you mean `p00000`?");
    assert_eq!(helps[suggested - 1], format!("did you mean `p{:05}`?", suggested - 1));
    assert!(helps[suggested..].iter().all(|h| h == "`relieves:` takes the identifier of a pain of this canvas"));
}

#[test]
fn a_name_repeated_is_searched_once() {
    // The same unknown name 4,000 times costs one search: all get the suggestion.
    let n = 4_000;
    let mut text = String::from("canvas c \"C\" {\n  segment s \"S\" {\n");
    for i in 0..n {
        text.push_str(&format!("    pain p{i:05} \"P\" {{ severity: light }}\n"));
    }
    text.push_str("  }\n  value-map {\n");
    for i in 0..n {
        text.push_str(&format!("    reliever r{i} \"R\" {{ relieves: p0000 }}\n"));
    }
    text.push_str("  }\n}\n");
    assert!(helps(&text).iter().all(|h| h == "did you mean `p00000`?"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// The length filter and the bounded distance change no answer.
    #[test]
    fn same_answer_as_the_full_comparison(
        name in "[ab\u{e9}-]{0,12}",
        candidates in proptest::collection::vec("[ab\u{e9}-]{0,14}", 0..8),
    ) {
        let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
        prop_assert_eq!(nearest(&name, candidates.iter().copied()), naive(&name, &candidates));
    }
}

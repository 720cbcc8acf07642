//! The bounds on near-identical title matching (crate docs, "Matching"): titles are
//! compared on their first `MAX_COMPARED_CHARS` normalised characters, and a kind
//! with more than `MAX_FUZZY_PAIRS` candidate pairs is not fuzzily matched at all.

use vpc_diff::{MAX_COMPARED_CHARS, MAX_FUZZY_PAIRS, Status, diff_texts, near_identical, similarity};

/// A one-canvas file with these pains.
fn pains(pains: &[(String, String)]) -> String {
    let mut text = String::from("canvas c \"C\" {\n  segment s \"S\" {\n");
    for (id, title) in pains {
        text.push_str(&format!("    pain {id} \"{title}\" {{ severity: severe }}\n"));
    }
    text.push_str("  }\n}\n");
    text
}

/// A title of `words` distinct words starting with `seed`.
fn long_title(seed: usize, words: usize) -> String {
    (0..words).map(|w| format!("w{seed}x{w}")).collect::<Vec<_>>().join(" ")
}

#[test]
fn titles_are_compared_on_their_start() {
    let start = "a".repeat(MAX_COMPARED_CHARS);
    // Beyond the compared start, nothing counts: these differ in half their length.
    let (a, b) = (format!("{start} {}", "b".repeat(MAX_COMPARED_CHARS)), format!("{start} {}", "c".repeat(100)));
    assert!(near_identical(&a, &b));
    assert_eq!(similarity(&a, &b), 1.0);
    // Within it, the rule is unchanged.
    assert!(near_identical("Might not have time", "Might not have the time"));
    assert!(!near_identical("Time", "Tide"));
    assert_eq!(similarity("Time", "Tide"), 0.75);
}

#[test]
fn two_hundred_long_titles_renamed_and_reworded_still_pair() {
    // 200 pains with 1,000-character titles, each renamed and reworded at its start
    // (once 14.7 s of edit distances): every one is re-identified, none added.
    let old: Vec<(String, String)> = (0..200).map(|n| (format!("old{n}"), long_title(n, 180))).collect();
    let new: Vec<(String, String)> =
        old.iter().enumerate().map(|(n, (_, t))| (format!("new{n}"), format!("Now {t}"))).collect();
    assert!(old[0].1.len() >= 1000);
    let diff = diff_texts(&pains(&old), &pains(&new));
    let c = &diff.canvases[0];
    assert_eq!(c.status, Status::Modified);
    assert!(c.added.is_empty() && c.removed.is_empty(), "{} added, {} removed", c.added.len(), c.removed.len());
    assert_eq!(c.changed.len(), 200);
    for (n, item) in c.changed.iter().enumerate() {
        assert_eq!(item.label(), format!("new{n}"));
    }
}

#[test]
fn too_many_candidate_pairs_of_one_kind_are_not_fuzzily_matched() {
    // Reworded pains, each one letter off its old title: matched while old × new
    // candidates stay within the bound, added and removed beyond it.
    let side = |count: usize, suffix: &str| -> Vec<(String, String)> {
        (0..count).map(|n| (format!("{suffix}{n}"), format!("Pain number {n} {suffix}"))).collect()
    };
    let within = (MAX_FUZZY_PAIRS as f64).sqrt() as usize;
    let beyond = within + 1;
    for (count, matched) in [(within, true), (beyond, false)] {
        let diff = diff_texts(&pains(&side(count, "a")), &pains(&side(count, "b")));
        let c = &diff.canvases[0];
        assert_eq!(c.added.is_empty(), matched, "{count} × {count}");
        assert_eq!(c.changed.len(), if matched { count } else { 0 }, "{count} × {count}");
    }
}

//! Pairing old and new canvases and items (the rules are in the crate docs).

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

use rapidfuzz::distance::levenshtein;
use vpc_model::Canvas;

/// Titles are compared for near-identity on the first this many characters of their
/// normalised forms: a longer title is as similar as its start (the edit distance of
/// two titles costs the product of their lengths).
pub const MAX_COMPARED_CHARS: usize = 128;

/// Above this many candidate pairs of one kind in a pair of canvases (old items
/// times new items left over by the exact passes), the near-identical pass is
/// skipped for that kind: only generated files get there, and they do not reword titles.
pub const MAX_FUZZY_PAIRS: usize = 100_000;

/// Lower-cased, every run of characters other than letters and digits turned into
/// one space, trimmed.
pub fn normalise_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut gap = false;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// The characters of a normalised title that are compared.
fn compared(normalised: &str) -> Vec<char> {
    normalised.chars().take(MAX_COMPARED_CHARS).collect()
}

/// 1 − Levenshtein distance / length of the longer, over the characters of the
/// normalised titles (their first [`MAX_COMPARED_CHARS`]); 1 for two empty titles.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a = compared(&normalise_title(a));
    let b = compared(&normalise_title(b));
    let longer = a.len().max(b.len());
    match levenshtein_within(&a, &b, usize::MAX) {
        Some(d) if longer > 0 => 1.0 - d as f64 / longer as f64,
        _ => 1.0,
    }
}

/// Normalised titles equal, or similarity ≥ 0.8.
pub fn near_identical(a: &str, b: &str) -> bool {
    let a = compared(&normalise_title(a));
    let b = compared(&normalise_title(b));
    let comparator = levenshtein::BatchComparator::new(a.iter().copied());
    near_similarity(&comparator, a.len(), &b).is_some()
}

/// [`similarity`] of compared titles when they are near-identical: a distance of at
/// most a fifth of the longer (decided in integers, free of rounding). `a` is the
/// title the comparator was made for, `a_len` its length.
fn near_similarity(a: &levenshtein::BatchComparator<char>, a_len: usize, b: &[char]) -> Option<f64> {
    let longer = a_len.max(b.len());
    if longer == 0 {
        return Some(1.0);
    }
    let max = longer / 5;
    if a_len.abs_diff(b.len()) > max {
        return None;
    }
    let d = a.distance_with_args(b.iter().copied(), &levenshtein::Args::default().score_cutoff(max))?;
    Some(1.0 - d as f64 / longer as f64)
}

/// The Levenshtein distance of `a` and `b` if it is at most `max`, in time
/// proportional to the length of `b` times (`max` or the length of `a`) / 64.
fn levenshtein_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    levenshtein::distance_with_args(
        a.iter().copied(),
        b.iter().copied(),
        &levenshtein::Args::default().score_cutoff(max),
    )
}

/// Something that can be paired: a group it must share with its partner (an item's
/// kind), an optional identifier and a title.
pub(crate) struct Key<'a, G> {
    pub group: G,
    pub id: Option<&'a str>,
    pub title: &'a str,
}

/// For each new element, the index of the old element it is paired with.
pub(crate) fn pair<G: Copy + Eq + Hash>(old: &[Key<'_, G>], new: &[Key<'_, G>]) -> Vec<Option<usize>> {
    let mut new_to_old: Vec<Option<usize>> = vec![None; new.len()];
    let mut old_taken = vec![false; old.len()];

    // 1. Same identifier (definitions of one id paired in order).
    let mut by_id: HashMap<(G, &str), VecDeque<usize>> = HashMap::new();
    for (o, key) in old.iter().enumerate() {
        if let Some(id) = key.id {
            by_id.entry((key.group, id)).or_default().push_back(o);
        }
    }
    for (n, key) in new.iter().enumerate() {
        let Some(id) = key.id else { continue };
        if let Some(o) = by_id.get_mut(&(key.group, id)).and_then(VecDeque::pop_front) {
            new_to_old[n] = Some(o);
            old_taken[o] = true;
        }
    }

    // 2. Same normalised title.
    let old_norm: Vec<String> = old.iter().map(|k| normalise_title(k.title)).collect();
    let new_norm: Vec<String> = new.iter().map(|k| normalise_title(k.title)).collect();
    let mut by_title: HashMap<(G, &str), VecDeque<usize>> = HashMap::new();
    for (o, key) in old.iter().enumerate() {
        if !old_taken[o] {
            by_title.entry((key.group, old_norm[o].as_str())).or_default().push_back(o);
        }
    }
    for (n, key) in new.iter().enumerate() {
        if new_to_old[n].is_some() {
            continue;
        }
        if let Some(o) = by_title.get_mut(&(key.group, new_norm[n].as_str())).and_then(VecDeque::pop_front) {
            new_to_old[n] = Some(o);
            old_taken[o] = true;
        }
    }

    // 3. Near-identical title: most similar first, ties in source order.
    let mut groups: HashMap<G, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (o, key) in old.iter().enumerate() {
        if !old_taken[o] {
            groups.entry(key.group).or_default().0.push(o);
        }
    }
    for (n, key) in new.iter().enumerate() {
        if new_to_old[n].is_none() {
            groups.entry(key.group).or_default().1.push(n);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (olds, news) in groups.values() {
        if olds.is_empty() || news.is_empty() || olds.len().saturating_mul(news.len()) > MAX_FUZZY_PAIRS {
            continue;
        }
        let old_chars: Vec<Vec<char>> = olds.iter().map(|&o| compared(&old_norm[o])).collect();
        for &n in news {
            let chars = compared(&new_norm[n]);
            let comparator = levenshtein::BatchComparator::new(chars.iter().copied());
            for (i, &o) in olds.iter().enumerate() {
                if let Some(s) = near_similarity(&comparator, chars.len(), &old_chars[i]) {
                    candidates.push((s, n, o));
                }
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, n, o) in candidates {
        if new_to_old[n].is_none() && !old_taken[o] {
            new_to_old[n] = Some(o);
            old_taken[o] = true;
        }
    }
    new_to_old
}

/// For each new canvas, the old canvas it continues.
pub(crate) fn pair_canvases(old: &[Canvas], new: &[Canvas]) -> Vec<Option<usize>> {
    let mut new_to_old = pair(&canvas_keys(old), &canvas_keys(new));
    // 4. One canvas on each side: the same canvas, renamed.
    if old.len() == 1 && new.len() == 1 {
        new_to_old[0] = Some(0);
    }
    new_to_old
}

fn canvas_keys(canvases: &[Canvas]) -> Vec<Key<'_, ()>> {
    canvases.iter().map(|c| Key { group: (), id: c.id.as_ref().map(|n| n.text.as_str()), title: &c.title }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising() {
        assert_eq!(normalise_title("  Can't  find a VENUE! "), "can t find a venue");
        assert_eq!(normalise_title("Élan — Ünïcode"), "élan ünïcode");
        assert_eq!(normalise_title("!!!"), "");
    }

    #[test]
    fn levenshtein_distances() {
        let d = |a: &str, b: &str| {
            levenshtein_within(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>(), usize::MAX - 1)
        };
        assert_eq!(d("", ""), Some(0));
        assert_eq!(d("abc", ""), Some(3));
        assert_eq!(d("kitten", "sitting"), Some(3));
        assert_eq!(d("flaw", "lawn"), Some(2));
        assert_eq!(d("😀a", "a"), Some(1));
        let within = |a: &str, b: &str, max| {
            levenshtein_within(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>(), max)
        };
        assert_eq!(within("kitten", "sitting", 3), Some(3));
        assert_eq!(within("kitten", "sitting", 2), None);
        assert_eq!(within("abcdef", "uvwxyz", 1), None);
    }

    #[test]
    fn near_identical_threshold() {
        assert!(near_identical("Might not have time", "Might not have the time"));
        assert!(near_identical("Budget", "Budgets"));
        assert!(near_identical("Cost", "cost!"));
        assert!(!near_identical("Time", "Tide"));
        assert!(!near_identical("Trouble sending invites", "Nobody to practise with"));
        assert_eq!(similarity("Time", "Tide"), 0.75);
        assert_eq!(similarity("", "!"), 1.0);
    }

    #[test]
    fn pairing_prefers_ids_then_titles_then_similar_titles() {
        let k = |group: u8, id: Option<&'static str>, title: &'static str| Key { group, id, title };
        let old =
            [k(0, Some("a"), "Alpha"), k(0, Some("b"), "Beta"), k(0, None, "Gamma ray"), k(1, Some("d"), "Delta")];
        let new = [
            k(0, Some("b"), "Something else"), // id
            k(0, Some("x"), "alpha!"),         // normalised title
            k(0, None, "Gamma rays"),          // near-identical
            k(0, Some("d"), "Delta"),          // other group: no match
        ];
        assert_eq!(pair(&old, &new), [Some(1), Some(0), Some(2), None]);
    }

    #[test]
    fn duplicate_ids_pair_in_order() {
        let k = |id: &'static str, title: &'static str| Key { group: (), id: Some(id), title };
        let old = [k("a", "One"), k("a", "Two")];
        let new = [k("a", "Two"), k("a", "One"), k("a", "Three")];
        assert_eq!(pair(&old, &new), [Some(0), Some(1), None]);
    }

    #[test]
    fn most_similar_pairs_first() {
        let k = |title: &'static str| Key { group: (), id: None, title };
        let old = [k("Book the venue fast"), k("Book the venues fast")];
        let new = [k("Book the venues fast!"), k("Book the venue, fast")];
        // Both are exact after normalising: pass 2 pairs them in order of title.
        assert_eq!(pair(&old, &new), [Some(1), Some(0)]);
        // "a venue fast" is nearer the first old title (0.84) than the second (0.80), but
        // "venue fasts" is nearer still to the first (0.95): it wins, the other gets the rest.
        let new = [k("Book the venue fasts"), k("Book a venue fast")];
        let got = pair(&old, &new);
        assert_eq!(got[0], Some(0));
        assert_eq!(got[1], Some(1));
    }
}

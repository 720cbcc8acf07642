//! ## What it finds
//! A reference (`relieves:`, `creates:`, `job:`, `serves:`, `via:`, `addresses:`)
//! that names no item of the canvas. When a name of the right kind is close, the
//! message suggests it.
//!
//! ## Why it matters
//! The link is lost: a reliever whose `relieves:` names nothing relieves nothing,
//! and the pain it was meant for shows up as unrelieved. References only reach
//! items of the same canvas.
//!
//! ## Example
//! ```vpc
//! pain no-partner "No one to practise with" { severity: severe }
//! reliever buddy "Conversation buddies" { relieves: no-parner }
//! ```
//! `no-parner` is a typo for `no-partner`.

use std::collections::HashMap;

use rapidfuzz::distance::levenshtein;
use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, Target};

/// Names longer than this many characters get no suggestion: nobody mistypes a
/// 65-character identifier into another one, and comparing such names costs time.
pub const MAX_SUGGESTED_CHARS: usize = 64;

/// A canvas may spend at most this many name comparisons on suggestions, plus
/// [`COMPARISONS_PER_ITEM`] for each of its items; a name whose candidates no longer
/// fit in what is left gets no suggestion.
pub const COMPARISONS_PER_CANVAS: usize = 2_000;
/// See [`COMPARISONS_PER_CANVAS`].
pub const COMPARISONS_PER_ITEM: usize = 32;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    let mut suggestions = Suggestions::new(canvas);
    for r in &canvas.references {
        if r.target != Target::Unknown {
            continue;
        }
        let d = sink.report(
            Code::UnknownReference,
            item_scope(index, r.from),
            r.name.span,
            format!("no {} is called `{}` in this canvas", r.expects, r.name.text),
        );
        match suggestions.nearest(r.expects, &r.name.text) {
            Some(near) => d.with_help(format!("did you mean `{near}`?")),
            None => d.with_help(format!("`{}:` takes the identifier of a {} of this canvas", r.link.key(), r.expects)),
        };
    }
}

/// The candidate closest to `name` within an edit distance of max(2, length / 3)
/// characters, if any. Ties go to the first candidate. A `name` longer than
/// [`MAX_SUGGESTED_CHARS`] gets none.
///
/// Each candidate costs time linear in the length of `name`: candidates whose length
/// differs from it by more than the allowed distance are skipped unread, and the
/// distance of the others is only computed up to the allowed one.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let query = Query::new(name)?;
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if let Some(distance) = query.distance(candidate, chars_if_within(candidate, query.lengths()))
            && best.is_none_or(|(d, _)| distance < d)
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// One name to find a neighbour for.
struct Query {
    chars: usize,
    limit: usize,
    comparator: levenshtein::BatchComparator<char>,
}

impl Query {
    fn new(name: &str) -> Option<Query> {
        // A name of more than 4 × the maximum bytes has more characters than that.
        if name.len() > 4 * MAX_SUGGESTED_CHARS {
            return None;
        }
        let chars = name.chars().count();
        if chars > MAX_SUGGESTED_CHARS {
            return None;
        }
        let limit = (chars / 3).max(2);
        Some(Query { chars, limit, comparator: levenshtein::BatchComparator::new(name.chars()) })
    }

    /// The lengths, in characters, that a candidate may have.
    fn lengths(&self) -> std::ops::RangeInclusive<usize> {
        self.chars.saturating_sub(self.limit)..=self.chars + self.limit
    }

    /// The distance to a candidate of `chars` characters if it is within the limit
    /// and not 0 (the name itself is no suggestion).
    fn distance(&self, candidate: &str, chars: Option<usize>) -> Option<usize> {
        chars.filter(|c| self.lengths().contains(c))?;
        let args = levenshtein::Args::default().score_cutoff(self.limit);
        self.comparator.distance_with_args(candidate.chars(), &args).filter(|&d| d > 0)
    }
}

/// The length of `text` in characters if it lies in `lengths`, found without
/// reading a text much longer than the range.
fn chars_if_within(text: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<usize> {
    // A character takes 1 to 4 bytes.
    if text.len() < *lengths.start() || text.len() > 4 * lengths.end() {
        return None;
    }
    Some(text.chars().count()).filter(|c| lengths.contains(c))
}

/// The suggestions of one canvas: its identifiers by kind and length, the answers
/// already given, and what is left of its comparisons.
struct Suggestions<'a> {
    canvas: &'a Canvas,
    /// For each kind asked about: (length in characters, source order, identifier), sorted.
    by_kind: HashMap<ItemKind, Vec<(usize, usize, &'a str)>>,
    answers: HashMap<(ItemKind, &'a str), Option<&'a str>>,
    budget: usize,
}

impl<'a> Suggestions<'a> {
    fn new(canvas: &'a Canvas) -> Self {
        let budget = COMPARISONS_PER_CANVAS.saturating_add(COMPARISONS_PER_ITEM.saturating_mul(canvas.items.len()));
        Suggestions { canvas, by_kind: HashMap::new(), answers: HashMap::new(), budget }
    }

    /// What [`nearest`] answers for `name` among the identifiers of `kind`, while the
    /// canvas's comparisons last.
    fn nearest(&mut self, kind: ItemKind, name: &'a str) -> Option<&'a str> {
        if let Some(&answer) = self.answers.get(&(kind, name)) {
            return answer;
        }
        let answer = self.search(kind, name);
        self.answers.insert((kind, name), answer);
        answer
    }

    fn search(&mut self, kind: ItemKind, name: &str) -> Option<&'a str> {
        let query = Query::new(name)?;
        let canvas = self.canvas;
        let sorted = self.by_kind.entry(kind).or_insert_with(|| {
            let mut ids: Vec<(usize, usize, &str)> = canvas
                .items_of(kind)
                .filter_map(|(_, i)| i.id.as_ref())
                .enumerate()
                .map(|(order, id)| (id.text.chars().count(), order, id.text.as_str()))
                .collect();
            ids.sort_unstable();
            ids
        });
        let lengths = query.lengths();
        let from = sorted.partition_point(|c| c.0 < *lengths.start());
        let to = sorted.partition_point(|c| c.0 <= *lengths.end());
        let candidates = &sorted[from..to];
        // All of them or none: a search cut short could suggest a worse name.
        self.budget = self.budget.checked_sub(candidates.len())?;
        let mut best: Option<(usize, usize, &str)> = None;
        for &(chars, order, id) in candidates {
            if let Some(distance) = query.distance(id, Some(chars))
                && best.is_none_or(|b| (distance, order) < (b.0, b.1))
            {
                best = Some((distance, order, id));
            }
        }
        best.map(|b| b.2)
    }
}

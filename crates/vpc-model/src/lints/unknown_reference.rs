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

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, Target};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for r in &canvas.references {
        if r.target != Target::Unknown {
            continue;
        }
        let candidates = canvas.items_of(r.expects).filter_map(|(_, i)| i.id.as_ref()).map(|id| id.text.as_str());
        let d = sink.report(
            Code::UnknownReference,
            item_scope(index, r.from),
            r.name.span,
            format!("no {} is called `{}` in this canvas", r.expects, r.name.text),
        );
        match nearest(&r.name.text, candidates) {
            Some(near) => d.with_help(format!("did you mean `{near}`?")),
            None => d.with_help(format!("`{}:` takes the identifier of a {} of this canvas", r.link.key(), r.expects)),
        };
    }
}

/// The candidate closest to `name` within an edit distance of max(2, length / 3), if any.
/// Ties go to the first candidate.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::levenshtein(name, candidate);
        if distance <= limit && distance > 0 && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

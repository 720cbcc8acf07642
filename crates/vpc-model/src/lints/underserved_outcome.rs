//! ## What it finds
//! An under-served outcome that no product, reliever or creator addresses
//! (`addresses:`): its importance exceeds its satisfaction and its opportunity
//! score is 10 or more.
//!
//! ## Why it matters
//! In Outcome-Driven Innovation customers rate each desired outcome for importance
//! and for how satisfied they are today (0–10, or the share of respondents as a
//! percentage: `85%` reads as 8.5). The opportunity score is
//! `importance + max(importance − satisfaction, 0)`. Ulwick's bands: 15 or more is an
//! extreme opportunity, 12 or more a high one, 10 or more worth considering. An
//! outcome that matters more than today's solutions satisfy is an opening for the
//! offer; leaving it unaddressed leaves that opening to others. Outcomes without
//! both ratings have no score and are not checked.
//!
//! ## Example
//! ```vpc
//! outcome find-word "Minimise the time it takes to find the right word" {
//!   importance: 9, satisfaction: 2
//! }
//! ```
//! Opportunity 9 + 7 = 16, an extreme opportunity. Address it:
//! `creator phrasebook "…" { creates: fluent, addresses: find-word }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, format_score};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, outcome) in canvas.items_of(ItemKind::Outcome) {
        let (Some(band), Some(score)) = (outcome.underserved(), outcome.opportunity()) else { continue };
        if !canvas.addressed_by(id).is_empty() {
            continue;
        }
        sink.report(
            Code::UnderservedOutcome,
            item_scope(index, id),
            outcome.name_span(),
            format!(
                "outcome {} is under-served with opportunity {} ({}) and nothing addresses it",
                outcome.label(),
                format_score(score),
                band.describe()
            ),
        )
        .with_help(match &outcome.id {
            Some(name) => format!("address it from a product, reliever or creator with `addresses: {}`", name.text),
            None => "give the outcome an identifier and address it from a product, reliever or creator".to_string(),
        });
    }
}

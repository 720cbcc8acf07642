//! ## What it finds
//! An outcome whose opportunity score is 10 or more that no product, reliever or
//! creator addresses (`addresses:`).
//!
//! ## Why it matters
//! In Outcome-Driven Innovation the opportunity score is
//! `importance + max(importance − satisfaction, 0)`, each rated 0–10 by customers.
//! A score of 10 or more marks an outcome that matters and is poorly satisfied
//! today: an opening for the offer. Leaving it unaddressed leaves that opening to
//! others. Outcomes without both ratings have no score and are not checked.
//!
//! ## Example
//! ```vpc
//! outcome find-word "Minimise the time it takes to find the right word" {
//!   importance: 9, satisfaction: 2
//! }
//! ```
//! Opportunity 9 + 7 = 16. Address it: `creator phrasebook "…" { creates: fluent, addresses: find-word }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, UNDERSERVED, format_score};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, outcome) in canvas.items_of(ItemKind::Outcome) {
        let Some(score) = outcome.opportunity() else { continue };
        if score < UNDERSERVED || !canvas.addressed_by(id).is_empty() {
            continue;
        }
        sink.report(
            Code::UnderservedOutcome,
            item_scope(index, id),
            outcome.name_span(),
            format!(
                "outcome {} is under-served (opportunity {}) and nothing addresses it",
                outcome.label(),
                format_score(score)
            ),
        )
        .with_help(match &outcome.id {
            Some(name) => format!("address it from a product, reliever or creator with `addresses: {}`", name.text),
            None => "give the outcome an identifier and address it from a product, reliever or creator".to_string(),
        });
    }
}

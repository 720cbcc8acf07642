//! ## What it finds
//! An outcome whose satisfaction is rated above its importance.
//!
//! ## Why it matters
//! In Outcome-Driven Innovation an over-served outcome is one that today's
//! solutions already satisfy more than customers care about. An offer that invests
//! here may over-deliver: it is a chance to simplify, to cut cost, or to serve a
//! segment that wants less. This is an info, not a problem to fix.
//!
//! ## Example
//! ```vpc
//! outcome fonts "Maximise the choice of fonts" { importance: 3, satisfaction: 8 }
//! ```
//! Consider a simpler, cheaper offer on this outcome.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, Service, format_score};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, outcome) in canvas.items_of(ItemKind::Outcome) {
        if outcome.service() != Some(Service::Overserved) {
            continue;
        }
        let (Some(importance), Some(satisfaction)) = (outcome.importance_score, outcome.satisfaction_score) else {
            continue;
        };
        sink.report(
            Code::OverservedOutcome,
            item_scope(index, id),
            outcome.name_span(),
            format!(
                "outcome {} is over-served (satisfaction {} above importance {}): the offer may over-deliver here",
                outcome.label(),
                format_score(satisfaction),
                format_score(importance)
            ),
        )
        .with_help("a chance to simplify the offer on this outcome");
    }
}

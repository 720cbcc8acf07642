//! ## What it finds
//! A gain that no creator creates: no `creator` names it in `creates:`.
//!
//! ## Why it matters
//! Fit is reached when the value map creates the gains that matter most. An
//! uncreated gain lowers the fit score by its weight. Say that you leave it alone
//! on purpose with `allow: uncreated-gain` on the gain.
//!
//! ## Example
//! ```vpc
//! gain certificate "Get a recognised certificate" { relevance: high }
//! ```
//! Add a creator: `creator exam "Exam preparation track" { creates: certificate }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, gain) in canvas.items_of(ItemKind::Gain) {
        if canvas.is_covered(id) {
            continue;
        }
        let rank = gain.rank.word().map(|w| format!(" ({w})")).unwrap_or_default();
        sink.report(
            Code::UncreatedGain,
            item_scope(index, id),
            gain.name_span(),
            format!("gain {}{rank} is not created by any creator", gain.label()),
        )
        .with_help(match &gain.id {
            Some(name) => {
                format!("add a creator with `creates: {}`, or `allow: uncreated-gain` on the gain", name.text)
            }
            None => "give the gain an identifier and add a creator that creates it".to_string(),
        });
    }
}

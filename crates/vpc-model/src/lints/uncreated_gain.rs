//! ## What it finds
//! A gain that no creator creates: no `creator` names it in `creates:`.
//!
//! ## Why it matters
//! Fit is reached when the value map creates the gains that matter most. An
//! uncreated gain lowers the fit score by its weight (16 for `essential` down to 1
//! for `nice-to-have`), and an uncreated `essential` gain is a must-have left open:
//! the canvas cannot be a `fit`. Minor gains (`low`, `nice-to-have`) are only
//! reported as infos. Let a gain go on purpose with `allow: uncreated-gain` on the
//! gain itself: it then leaves the fit altogether.
//!
//! ## Example
//! ```vpc
//! gain certificate "Get a recognised certificate" { relevance: high }
//! ```
//! Add a creator: `creator exam "Exam preparation track" { creates: certificate }`,
//! or let it go: `{ relevance: high, allow: uncreated-gain }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope, let_go_help, open_item_severity};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, gain) in canvas.items_of(ItemKind::Gain) {
        if canvas.is_addressed(id) {
            continue;
        }
        let rank = gain.rank.word().map(|w| format!(" ({w})")).unwrap_or_default();
        sink.report(
            Code::UncreatedGain,
            item_scope(index, id),
            gain.name_span(),
            format!("gain {}{rank} is not created by any creator", gain.label()),
        )
        .with_severity(open_item_severity(gain))
        .with_help(let_go_help(gain, Code::UncreatedGain, "a creator", "creates"));
    }
}

//! ## What it finds
//! A pain that no reliever relieves: no `reliever` names it in `relieves:`.
//!
//! ## Why it matters
//! Fit is reached when the value map addresses the pains that matter most. An
//! unrelieved pain lowers the fit score by its weight. It is fine to leave minor
//! pains alone, as no offer relieves everything: say so with `allow: unrelieved-pain`
//! on the pain.
//!
//! ## Example
//! ```vpc
//! pain invites "Trouble sending invites" { severity: moderate }
//! ```
//! Add a reliever: `reliever rsvp "Online invitations with RSVP" { relieves: invites }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, pain) in canvas.items_of(ItemKind::Pain) {
        if canvas.is_covered(id) {
            continue;
        }
        let rank = pain.rank.word().map(|w| format!(" ({w})")).unwrap_or_default();
        sink.report(
            Code::UnrelievedPain,
            item_scope(index, id),
            pain.name_span(),
            format!("pain {}{rank} is not relieved by any reliever", pain.label()),
        )
        .with_help(match &pain.id {
            Some(name) => {
                format!("add a reliever with `relieves: {}`, or `allow: unrelieved-pain` on the pain", name.text)
            }
            None => "give the pain an identifier and add a reliever that relieves it".to_string(),
        });
    }
}

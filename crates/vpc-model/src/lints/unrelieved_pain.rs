//! ## What it finds
//! A pain that no reliever relieves: no `reliever` names it in `relieves:`.
//!
//! ## Why it matters
//! Fit is reached when the value map relieves the pains that matter most, and the
//! method says to deal with the important ones extremely well. An unrelieved pain
//! lowers the fit score by its weight (16 for `extreme` down to 1 for `negligible`),
//! and an unrelieved `extreme` pain is a must-have left open: the canvas cannot be a
//! `fit`. Minor pains (`light`, `negligible`) are only reported as infos — nobody
//! relieves everything. Let a pain go on purpose with `allow: unrelieved-pain` on
//! the pain itself: it then leaves the fit altogether, and the decision shows in review.
//!
//! ## Example
//! ```vpc
//! pain invites "Trouble sending invites" { severity: moderate }
//! ```
//! Add a reliever: `reliever rsvp "Online invitations with RSVP" { relieves: invites }`,
//! or let it go: `{ severity: moderate, allow: unrelieved-pain }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, open_item};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    let this = (ItemKind::Pain, Code::UnrelievedPain);
    open_item::check(canvas, index, sink, this, "is not relieved by any reliever", ("a reliever", "relieves"));
}

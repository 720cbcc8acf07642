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

use super::{Code, Sink, open_item};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    let this = (ItemKind::Gain, Code::UncreatedGain);
    open_item::check(canvas, index, sink, this, "is not created by any creator", ("a creator", "creates"));
}

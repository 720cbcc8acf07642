//! ## What it finds
//! A job without `importance`.
//!
//! ## Why it matters
//! Not all jobs matter equally to the customer. The canvas is a prioritised table:
//! ranking jobs by importance (`crucial`, `high`, `medium`, `low`, `trivial`) tells
//! which ones the value proposition must get right.
//!
//! ## Example
//! ```vpc
//! job commute "Get to work on time" { kind: functional }
//! ```
//! Write `{ kind: functional, importance: high }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, unranked};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    unranked::check(canvas, index, sink, ItemKind::Job, Code::UnrankedJob);
}

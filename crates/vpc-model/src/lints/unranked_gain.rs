//! ## What it finds
//! A gain without `relevance`.
//!
//! ## Why it matters
//! Gains range from essential to nice-to-have. Relevance (`essential`, `high`,
//! `medium`, `low`, `nice-to-have`) weighs the gain in the fit score; unranked
//! gains weigh 3.
//!
//! ## Example
//! ```vpc
//! gain friends "Make friends abroad"
//! ```
//! Write `gain friends "Make friends abroad" { relevance: medium }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, unranked};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    unranked::check(canvas, index, sink, ItemKind::Gain, Code::UnrankedGain);
}

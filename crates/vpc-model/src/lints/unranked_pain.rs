//! ## What it finds
//! A pain without `severity`.
//!
//! ## Why it matters
//! Some pains are extreme, others barely noticed. Severity (`extreme`, `severe`,
//! `moderate`, `light`, `negligible`) weighs the pain in the fit score: relieving
//! an extreme pain counts five times as much as a negligible one. Unranked pains
//! weigh 3.
//!
//! ## Example
//! ```vpc
//! pain lost "Gets lost in conversations"
//! ```
//! Write `pain lost "Gets lost in conversations" { severity: moderate }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, unranked};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    unranked::check(canvas, index, sink, ItemKind::Pain, Code::UnrankedPain);
}

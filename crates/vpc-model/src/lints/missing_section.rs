//! ## What it finds
//! A canvas without a `segment`, or without a `value-map`.
//!
//! ## Why it matters
//! A value proposition canvas has two sides: the customer profile (jobs, pains,
//! gains) and the value map (products, pain relievers, gain creators). Fit is
//! about how the second answers the first; with one side missing there is nothing
//! to fit. An unfinished canvas is fine while you work: the warning reminds you.
//!
//! ## Example
//! ```vpc
//! canvas tutors "Tutors" {
//!   segment tutors "Freelance tutors" { job earn "Earn a living" { importance: high } }
//! }
//! ```
//! Add `value-map { … }` with what you offer the tutors.

use vpc_syntax::BlockKind;

use super::{Code, Scope, Sink};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    let span = canvas.id.as_ref().map_or(canvas.keyword, |id| id.span);
    let scope = Scope { canvas: Some(index), ..Scope::default() };
    let has = |kind| canvas.sections.iter().any(|s| s.kind == kind);
    if !has(BlockKind::Segment) {
        sink.report(Code::MissingSection, scope, span, format!("canvas `{}` has no segment", canvas.label()))
            .with_help("add `segment <id> \"<who>\" { … }` with the customers' jobs, pains and gains");
    }
    if !has(BlockKind::ValueMap) {
        sink.report(Code::MissingSection, scope, span, format!("canvas `{}` has no value map", canvas.label()))
            .with_help("add `value-map { … }` with the products, pain relievers and gain creators you offer");
    }
}

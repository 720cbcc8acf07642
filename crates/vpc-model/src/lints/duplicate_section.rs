//! ## What it finds
//! A second `segment` or a second `value-map` in one canvas.
//!
//! ## Why it matters
//! A canvas describes one customer segment and the one value map offered to it.
//! Two segments in one canvas blur whose jobs, pains and gains the offer is for.
//! The items of both still count in the fit score.
//!
//! ## Example
//! ```vpc
//! canvas school "Language school" {
//!   segment students "Students" { … }
//!   segment parents "Parents" { … }
//! }
//! ```
//! Give `parents` a canvas of its own: one canvas per segment.

use vpc_syntax::BlockKind;

use super::{Code, Scope, Sink};
use crate::model::Section;

pub(crate) fn report(sink: &mut Sink, scope: Scope, second: &Section, first_line: usize) {
    let (what, fix) = match second.kind {
        BlockKind::Segment => {
            ("segment", "one canvas describes one customer segment: give this one a canvas of its own")
        }
        _ => ("value map", "merge its products, relievers and creators into the first value map"),
    };
    sink.report(
        Code::DuplicateSection,
        scope,
        second.name_span(),
        format!("this canvas already has a {what} (line {first_line})"),
    )
    .with_help(fix);
}

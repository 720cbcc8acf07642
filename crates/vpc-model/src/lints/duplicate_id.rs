//! ## What it finds
//! An identifier defined a second time in one canvas. Items, the segment and the
//! value map share one set of names per canvas; canvases share one per file. The
//! diagnostic is on the second definition.
//!
//! ## Why it matters
//! References bind to the first definition, so the second item can never be
//! referenced: a reliever meant for it relieves the other one instead.
//!
//! ## Example
//! ```vpc
//! pain no-time "Might not have time" { severity: severe }
//! pain no-time "No time to compare vendors" { severity: moderate }
//! ```
//! Rename the second one, e.g. `no-time-vendors`.

use vpc_syntax::{Name, Span};

use super::{Code, Scope, Sink};

pub(crate) fn report(sink: &mut Sink, scope: Scope, name: &Name, first: Span, first_what: &str, first_line: usize) {
    sink.report(
        Code::DuplicateId,
        scope,
        name.span,
        format!("`{}` is already defined on line {first_line} ({first_what})", name.text),
    )
    .with_help("give this one another identifier: references always lead to the first")
    .with_related(first, format!("`{}` is first defined here", name.text));
}

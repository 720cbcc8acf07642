//! ## What it finds
//! The same attribute key given twice on one item or block. The diagnostic is on
//! the second occurrence.
//!
//! ## Why it matters
//! Only the last one counts, so the first is silently overridden: an item ranked
//! `severity: extreme` and later `severity: light` is light.
//!
//! ## Example
//! ```vpc
//! pain cost "Lessons are expensive" { severity: extreme, kind: risk, severity: light }
//! ```
//! Keep the one you mean and delete the other.

use vpc_syntax::{Name, Span};

use super::{Code, Scope, Sink};

pub(crate) fn report(sink: &mut Sink, scope: Scope, key: &Name, first: Span) {
    sink.report(
        Code::DuplicateAttribute,
        scope,
        key.span,
        format!("`{}` is given twice; the last one counts", key.text),
    )
    .with_help("remove one of them")
    .with_related(first, format!("`{}` is first given here", key.text));
}

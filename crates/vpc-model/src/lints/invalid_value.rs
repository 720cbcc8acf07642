//! ## What it finds
//! A value that is not of the attribute's type or not in its set: a rank word that
//! is not on the scale (`severity: huge`), a word in quotes where a bare word
//! belongs (`importance: "high"`), a score outside 0–10, a list where one value
//! belongs, an unknown code in `allow:`.
//!
//! ## Why it matters
//! The value is ignored. An invalid rank weighs 3 in the fit score, like a missing one.
//!
//! ## Example
//! ```vpc
//! pain lost "Gets lost in conversations" { severity: huge }
//! ```
//! Severity is one of `extreme`, `severe`, `moderate`, `light`, `negligible`.

use vpc_syntax::Span;

use super::{Code, Scope, Sink};

pub(crate) fn report(sink: &mut Sink, scope: Scope, span: Span, message: String, help: String) {
    sink.report(Code::InvalidValue, scope, span, message).with_help(help);
}

//! ## What it finds
//! Attributes of one item that contradict each other:
//! - `role:` on a job whose `kind` is not `supporting` (buyer, co-creator and
//!   transferrer are the roles of supporting jobs; a `role:` without `kind:` implies
//!   `supporting`);
//! - a `required` gain ranked `low` or `nice-to-have` (a required gain is one
//!   without which the solution would not work: it cannot matter little).
//!
//! The diagnostic is placed on the second value of the pair: the `role` value, the
//! gain's `relevance` value.
//!
//! ## Why it matters
//! The canvas is read by people who decide on it. Contradicting attributes make
//! its priorities ambiguous: one of the two values is wrong.
//!
//! ## Example
//! ```vpc
//! job compare "Compare offers" { kind: functional, role: buyer }
//! gain works "The app works offline" { kind: required, relevance: low }
//! ```
//! Write `kind: supporting` for the job, and rank the required gain higher (or call it `desired`).

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, item) in canvas.items.iter().enumerate() {
        let id = crate::model::ItemId(id as u32);
        match item.kind {
            ItemKind::Job => {
                let (Some(role), Some(span), Some(kind)) = (&item.role, item.role_span, &item.category) else {
                    continue;
                };
                if kind == "supporting" {
                    continue;
                }
                sink.report(
                    Code::ConflictingAttributes,
                    item_scope(index, id),
                    span,
                    format!(
                        "job {} has `role: {role}`, but roles belong to supporting jobs, not {kind} ones",
                        item.label()
                    ),
                )
                .with_help("write `kind: supporting`, or remove the `role`");
            }
            ItemKind::Gain => {
                let (Some("required"), Some(word), Some(span)) =
                    (item.category.as_deref(), item.rank.word(), item.rank_span)
                else {
                    continue;
                };
                if !item.rank.is_minor() {
                    continue;
                }
                sink.report(
                    Code::ConflictingAttributes,
                    item_scope(index, id),
                    span,
                    format!("gain {} is `required` but ranked `{word}`", item.label()),
                )
                .with_help(
                    "a required gain is one the solution cannot do without: rank it higher, or call it `desired`",
                );
            }
            _ => {}
        }
    }
}

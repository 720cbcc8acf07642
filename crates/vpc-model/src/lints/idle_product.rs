//! ## What it finds
//! A product or service that serves no job (`serves:`), addresses no outcome
//! (`addresses:`), and that no reliever or creator names with `via:`.
//!
//! ## Why it matters
//! Products and services create value only when they relate to the customer's
//! jobs, pains and gains. A product connected to nothing on the canvas is either a
//! missing link (say which job it serves) or a feature looking for a customer.
//!
//! ## Example
//! ```vpc
//! product newsletter "Weekly newsletter" { kind: digital }
//! ```
//! Say which job it serves: `{ kind: digital, serves: stay-informed }`, or name it
//! from a reliever or creator: `reliever digest "…" { relieves: overload, via: newsletter }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, Link};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, product) in canvas.items_of(ItemKind::Product) {
        let linked = product.links_given.iter().any(|l| matches!(l, Link::Serves | Link::Addresses))
            || canvas.references_to(id).any(|r| r.link == Link::Via);
        if linked {
            continue;
        }
        sink.report(
            Code::IdleProduct,
            item_scope(index, id),
            product.name_span(),
            format!(
                "product {} serves no job, addresses no outcome, and no reliever or creator uses it",
                product.label()
            ),
        )
        .with_help(match &product.id {
            Some(name) => format!("add `serves: <job>` to it, or `via: {}` to a reliever or creator", name.text),
            None => "add `serves: <job>` to it, or remove it".to_string(),
        });
    }
}

//! ## What it finds
//! A reliever without `relieves:`, or with an empty list.
//!
//! ## Why it matters
//! A pain reliever exists to relieve a pain of the customer. One that names no
//! pain adds nothing to the fit and may be a feature looking for a problem.
//!
//! ## Example
//! ```vpc
//! reliever templates "Ready-made phrase templates"
//! ```
//! Say which pain it relieves: `{ relieves: lost }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, Link};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, item) in canvas.items_of(ItemKind::Reliever) {
        if !item.links_given.contains(&Link::Relieves) {
            sink.report(
                Code::DanglingReliever,
                item_scope(index, id),
                item.name_span(),
                format!("reliever {} relieves no pain", item.label()),
            )
            .with_help("add `relieves: <pain>`, or remove the reliever");
        }
    }
}

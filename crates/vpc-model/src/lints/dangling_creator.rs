//! ## What it finds
//! A creator without `creates:`, or with an empty list.
//!
//! ## Why it matters
//! A gain creator exists to create a gain the customer wants. One that names no
//! gain adds nothing to the fit.
//!
//! ## Example
//! ```vpc
//! creator streaks "Daily streaks" { creates: [] }
//! ```
//! Say which gain it creates: `{ creates: [progress] }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, Link};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for (id, item) in canvas.items_of(ItemKind::Creator) {
        if !item.links_given.contains(&Link::Creates) {
            sink.report(
                Code::DanglingCreator,
                item_scope(index, id),
                item.name_span(),
                format!("creator {} creates no gain", item.label()),
            )
            .with_help("add `creates: <gain>`, or remove the creator");
        }
    }
}

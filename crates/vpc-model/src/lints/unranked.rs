//! What the three `unranked-*` lints share: an item of a ranked kind without its rank.

use vpc_syntax::{ItemKind, schema};

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, Rank};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink, kind: ItemKind, code: Code) {
    let Some((key, scale)) = schema::rank(kind) else { return };
    for (id, item) in canvas.items_of(kind) {
        if item.rank != Rank::Missing {
            continue;
        }
        sink.report(
            code,
            item_scope(index, id),
            item.name_span(),
            format!("{} {} has no {key}", item.kind, item.label()),
        )
        .with_help(format!("add `{key}: <{}>`", scale.join("|")));
    }
}

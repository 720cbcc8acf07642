//! What `unserved-job`, `unrelieved-pain` and `uncreated-gain` share: a job, pain or
//! gain that the value map does not address, reported as a warning, or as an info for
//! an item ranked in the lowest two steps (the method lets minor items go).

use vpc_syntax::ItemKind;

use super::{Code, Sink, item_scope, let_go_help, open_item_severity};
use crate::model::Canvas;

/// `kind` items not addressed: "job `x` (high) is not `{missing}`", with help naming
/// `what` addresses them through `key`.
pub(crate) fn check(
    canvas: &Canvas,
    index: usize,
    sink: &mut Sink,
    (kind, code): (ItemKind, Code),
    missing: &str,
    (what, key): (&str, &str),
) {
    for (id, item) in canvas.items_of(kind) {
        if canvas.is_addressed(id) {
            continue;
        }
        let rank = item.rank.word().map(|w| format!(" ({w})")).unwrap_or_default();
        sink.report(code, item_scope(index, id), item.name_span(), format!("{kind} {}{rank} {missing}", item.label()))
            .with_severity(open_item_severity(item))
            .with_help(let_go_help(item, code, what, key));
    }
}

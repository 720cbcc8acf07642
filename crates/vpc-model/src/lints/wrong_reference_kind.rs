//! ## What it finds
//! A reference that names an item of the wrong kind: `relieves:` naming a gain,
//! `creates:` naming a pain, `job:` naming a pain, `via:` naming a reliever …
//!
//! ## Why it matters
//! The link means nothing on the canvas: relievers relieve pains, creators create
//! gains, products serve jobs. Usually the item is on the wrong side, or the
//! attribute belongs on another item kind.
//!
//! ## Example
//! ```vpc
//! gain fluent "Speak fluently" { relevance: essential }
//! reliever praise "Praise every answer" { relieves: fluent }
//! ```
//! `fluent` is a gain: create it with a creator (`creator praise … { creates: fluent }`).

use super::{Code, Sink, item_scope};
use crate::model::{Canvas, Definition, Target};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for r in &canvas.references {
        let Target::WrongKind(def) = r.target else { continue };
        let (what, span) = match def {
            Definition::Item(i) => (format!("a {}", canvas.item(i).kind), canvas.item(i).name_span()),
            Definition::Section(s) => {
                (format!("the {}", canvas.section(s).kind.keyword()), canvas.section(s).name_span())
            }
        };
        sink.report(
            Code::WrongReferenceKind,
            item_scope(index, r.from),
            r.name.span,
            format!("`{}:` takes {}s, but `{}` is {what}", r.link.key(), r.expects, r.name.text),
        )
        .with_help(format!("name a {} here", r.expects))
        .with_related(span, format!("`{}` is defined here", r.name.text));
    }
}

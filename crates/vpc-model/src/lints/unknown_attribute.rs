//! ## What it finds
//! An attribute key that this kind of item or block does not take, such as
//! `severity:` on a job or `price:` on a product.
//!
//! ## Why it matters
//! The key is ignored, so whatever it was meant to say is lost: most often it is a
//! typo (`relevence:`) or a key of another item kind (`importance:` ranks jobs,
//! `severity:` pains, `relevance:` gains). Use `note: "…"` for free text.
//!
//! ## Example
//! ```vpc
//! job commute "Get to work on time" { severity: high }
//! ```
//! Jobs are ranked by importance: write `importance: high`.

use vpc_syntax::Name;
use vpc_syntax::schema::{Owner, attributes};

use super::unknown_reference::nearest;
use super::{Code, Scope, Sink};

pub(crate) fn report(sink: &mut Sink, scope: Scope, owner: Owner, key: &Name) {
    let keys: Vec<&str> = attributes(owner).iter().map(|a| a.key).collect();
    let what = match owner {
        Owner::Block(b) => format!("a {}", b.keyword()),
        Owner::Item(i) => format!("a {i}"),
    };
    let help = match nearest(&key.text, keys.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? {what} takes {}", keys.join(", ")),
        None => format!("{what} takes {}", keys.join(", ")),
    };
    sink.report(Code::UnknownAttribute, scope, key.span, format!("`{}` is not an attribute of {what}", key.text))
        .with_help(help);
}

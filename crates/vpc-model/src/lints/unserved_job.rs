//! ## What it finds
//! A job that no product serves: no `product` names it in `serves:`.
//!
//! ## Why it matters
//! The value map exists to help the customer get their jobs done: products and
//! services create value when they relate to the customer's jobs. A job no product
//! serves lowers the fit score by its weight (16 for `crucial` down to 1 for
//! `trivial`), and an unserved `crucial` job is a must-have left open: the canvas
//! cannot be a `fit`. Minor jobs (`low`, `trivial`) are only reported as infos.
//! Choosing which jobs to focus on is part of the method: let a job go on purpose
//! with `allow: unserved-job` on the job itself, and it leaves the fit altogether.
//!
//! ## Example
//! ```vpc
//! job budget "Not incur too much expense" { importance: high }
//! ```
//! Serve it: `product compare "Price comparison" { serves: budget }`, or let it go:
//! `{ importance: high, allow: unserved-job }`.

use vpc_syntax::ItemKind;

use super::{Code, Sink, open_item};
use crate::model::Canvas;

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    let this = (ItemKind::Job, Code::UnservedJob);
    open_item::check(canvas, index, sink, this, "is not served by any product", ("a product", "serves"));
}

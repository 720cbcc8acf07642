//! ## unranked-job
//! A job without `importance`.
//!
//! Not all jobs matter equally to the customer. The canvas is a prioritised table:
//! ranking jobs by importance (`crucial`, `high`, `medium`, `low`, `trivial`) tells
//! which ones the value proposition must get right.
//!
//! ```vpc
//! job commute "Get to work on time" { kind: functional }
//! ```
//! Write `{ kind: functional, importance: high }`.
//!
//! ## unranked-pain
//! A pain without `severity`.
//!
//! Some pains are extreme, others barely noticed. Severity (`extreme`, `severe`,
//! `moderate`, `light`, `negligible`) weighs the pain in the fit score: relieving
//! an extreme pain counts five times as much as a negligible one. Unranked pains
//! weigh 3.
//!
//! ```vpc
//! pain lost "Gets lost in conversations"
//! ```
//! Write `pain lost "Gets lost in conversations" { severity: moderate }`.
//!
//! ## unranked-gain
//! A gain without `relevance`.
//!
//! Gains range from essential to nice-to-have. Relevance (`essential`, `high`,
//! `medium`, `low`, `nice-to-have`) weighs the gain in the fit score; unranked
//! gains weigh 3.
//!
//! ```vpc
//! gain friends "Make friends abroad"
//! ```
//! Write `gain friends "Make friends abroad" { relevance: medium }`.

use vpc_syntax::schema;
use vpc_syntax::ItemKind;

use super::{item_scope, Code, Sink};
use crate::model::{Canvas, Rank};

pub(crate) fn check(canvas: &Canvas, index: usize, sink: &mut Sink) {
    for id in canvas.item_ids() {
        let item = canvas.item(id);
        let code = match item.kind {
            ItemKind::Job => Code::UnrankedJob,
            ItemKind::Pain => Code::UnrankedPain,
            ItemKind::Gain => Code::UnrankedGain,
            _ => continue,
        };
        if item.rank != Rank::Missing {
            continue;
        }
        let Some((key, scale)) = schema::rank(item.kind) else { continue };
        sink.report(code, item_scope(index, id), item.name_span(), format!("{} {} has no {key}", item.kind, item.label()))
            .with_help(format!("add `{key}: <{}>`", scale.join("|")));
    }
}

/// The section of the shared doc that belongs to one code.
pub(crate) fn section(doc: &str, code: &str) -> String {
    let heading = format!("## {code}");
    let mut out = Vec::new();
    let mut inside = false;
    for line in doc.lines() {
        if line.starts_with("## ") {
            inside = line == heading;
            continue;
        }
        if inside {
            out.push(line);
        }
    }
    out.join("\n").trim().to_string()
}

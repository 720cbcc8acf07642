//! Inlay hints (who serves a job, relieves a pain or creates a gain, or that it is
//! let go; an outcome's opportunity) and code lenses (a canvas's fit and verdict).

use vpc_model::{Canvas, ItemId, Link, Service, format_score};
use vpc_syntax::{ItemKind, Span};

use crate::file::File;
use crate::hover::plural;

/// A label shown in the text at `offset`, e.g. `← relieved by esign, checklist`.
/// The label has no padding: the editor puts a space before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: usize,
    pub label: String,
}

/// Hints after each job (`← served by app`, `← unserved`), pain (`← relieved by esign,
/// checklist`, `← unrelieved`), gain (`← created by …`, `← uncreated`) — or `← let go`
/// for an open item whose own `allow:` lets it go — and outcome (`opportunity 13`,
/// `· under-served (high)` or `· over-served`) whose end lies in `range` (ends included).
pub fn inlay_hints(file: &File, range: Span) -> Vec<InlayHint> {
    let mut out = Vec::new();
    for (c, canvas) in file.analysis.canvases.iter().enumerate() {
        if canvas.span.end < range.start || canvas.span.start > range.end {
            continue;
        }
        for id in canvas.item_ids() {
            let offset = position(file, c, id);
            if offset < range.start || offset > range.end {
                continue;
            }
            if let Some(label) = label(canvas, id) {
                out.push(InlayHint { offset, label });
            }
        }
    }
    out.sort_by_key(|h| h.offset);
    out
}

/// Where the hint of an item goes: at its end when it is on one line, else at the
/// end of its first line (after the `{`), next to its name.
fn position(file: &File, c: usize, id: ItemId) -> usize {
    let Some(item) = file.canvas(c).map(|canvas| canvas.item(id)) else { return 0 };
    if file.same_line(item.span.start, item.span.end) {
        return item.span.end;
    }
    let Some(node) = file.item_node(c, id) else { return item.span.end };
    let head = [
        node.attributes.as_ref().map(|a| a.l_brace),
        node.title.as_ref().map(|t| t.span),
        node.id.as_ref().map(|i| i.span),
    ];
    head.into_iter().flatten().find(|s| file.same_line(s.start, item.keyword.start)).map_or(item.keyword.end, |s| s.end)
}

fn label(canvas: &Canvas, id: ItemId) -> Option<String> {
    let item = canvas.item(id);
    let names = |ids: Vec<ItemId>| {
        ids.iter()
            .map(|&i| {
                let item = canvas.item(i);
                item.id.as_ref().map_or_else(|| item.label(), |id| id.text.to_string())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let addressed = |by: Vec<ItemId>, verb: &str, open: &str| {
        if !by.is_empty() {
            format!("← {verb} by {}", names(by))
        } else if canvas.is_let_go(id) {
            "← let go".to_string()
        } else {
            format!("← {open}")
        }
    };
    match item.kind {
        ItemKind::Job => Some(addressed(canvas.sources(id, Link::Serves), "served", "unserved")),
        ItemKind::Pain => Some(addressed(canvas.relieved_by(id), "relieved", "unrelieved")),
        ItemKind::Gain => Some(addressed(canvas.created_by(id), "created", "uncreated")),
        ItemKind::Outcome => {
            let score = item.opportunity()?;
            let mut label = format!("opportunity {}", format_score(score));
            match item.service() {
                Some(Service::Underserved(band)) => label.push_str(&format!(" · under-served ({})", band.as_str())),
                Some(Service::Overserved) => label.push_str(" · over-served"),
                _ => {}
            }
            Some(label)
        }
        _ => None,
    }
}

/// A line of information above a canvas, e.g. `fit 78 · partial · 1 must-have open`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeLens {
    /// The canvas's identifier, else its keyword.
    pub span: Span,
    pub title: String,
}

/// One lens per canvas: the method's judgement — its fit and verdict (or `fit n/a`),
/// the must-haves still open and the items let go.
pub fn code_lenses(file: &File) -> Vec<CodeLens> {
    file.analysis
        .canvases
        .iter()
        .map(|canvas| {
            let judgement = canvas.judge();
            let mut parts = vec![match judgement.fit {
                Some(fit) => format!("fit {fit} · {}", judgement.verdict),
                None => "fit n/a".to_string(),
            }];
            if !judgement.unaddressed.is_empty() {
                parts.push(format!("{} open", plural(judgement.unaddressed.len(), "must-have")));
            }
            if !judgement.let_go.is_empty() {
                parts.push(format!("{} let go", judgement.let_go.len()));
            }
            CodeLens { span: canvas.id.as_ref().map_or(canvas.keyword, |id| id.span), title: parts.join(" · ") }
        })
        .collect()
}

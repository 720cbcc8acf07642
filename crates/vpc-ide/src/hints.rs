//! Inlay hints (who relieves a pain, who creates a gain, an outcome's opportunity)
//! and code lenses (a canvas's fit).

use vpc_model::{Canvas, ItemId, UNDERSERVED, format_score};
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

/// Hints after each pain (`← relieved by esign, checklist` or `← unrelieved`), gain
/// (`← created by …` or `← uncreated`) and outcome (`opportunity 13`) whose end lies
/// in `range` (ends included).
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
    match item.kind {
        ItemKind::Pain => Some(match canvas.relieved_by(id) {
            by if by.is_empty() => "← unrelieved".to_string(),
            by => format!("← relieved by {}", names(by)),
        }),
        ItemKind::Gain => Some(match canvas.created_by(id) {
            by if by.is_empty() => "← uncreated".to_string(),
            by => format!("← created by {}", names(by)),
        }),
        ItemKind::Outcome => {
            let score = item.opportunity()?;
            let mut label = format!("opportunity {}", format_score(score));
            if score >= UNDERSERVED {
                label.push_str(" · under-served");
            }
            Some(label)
        }
        _ => None,
    }
}

/// A line of information above a canvas, e.g. `fit 78% · 2 pains unrelieved`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeLens {
    /// The canvas's identifier, else its keyword.
    pub span: Span,
    pub title: String,
}

/// One lens per canvas: its fit (or `fit n/a`) and what is left uncovered.
pub fn code_lenses(file: &File) -> Vec<CodeLens> {
    file.analysis
        .canvases
        .iter()
        .map(|canvas| {
            let mut parts = vec![match canvas.fit() {
                Some(fit) => format!("fit {fit}%"),
                None => "fit n/a".to_string(),
            }];
            let open = |kind: ItemKind| canvas.items_of(kind).filter(|(id, _)| !canvas.is_addressed(*id)).count();
            let (pains, gains) = (open(ItemKind::Pain), open(ItemKind::Gain));
            if pains > 0 {
                parts.push(format!("{} unrelieved", plural(pains, "pain")));
            }
            if gains > 0 {
                parts.push(format!("{} uncreated", plural(gains, "gain")));
            }
            CodeLens { span: canvas.id.as_ref().map_or(canvas.keyword, |id| id.span), title: parts.join(" · ") }
        })
        .collect()
}

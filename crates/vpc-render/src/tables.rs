//! The prioritised tables of a canvas, independent of the output format: Markdown
//! and HTML both render these.

use vpc_model::{Canvas, ItemId, Link, Rank, Target, UNDERSERVED, format_score};
use vpc_syntax::ItemKind;

use crate::{FitBreakdown, is_gap, is_unaddressed, item_name, prioritised};

/// A piece of a cell's content.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Span {
    Text(String),
    /// An identifier.
    Code(String),
    Strong(String),
    /// A gap or a mistake worth noticing.
    Warn(String),
}

pub(crate) type Cell = Vec<Span>;

pub(crate) struct Table {
    pub kind: ItemKind,
    pub title: &'static str,
    pub headers: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: impl Into<String>) -> Cell {
    vec![Span::Text(s.into())]
}

fn dash() -> Cell {
    text("—")
}

/// The tables of a canvas: the customer profile (jobs, pains, gains, outcomes), then
/// the value map (products, relievers, creators).
pub(crate) fn tables(canvas: &Canvas) -> Vec<Table> {
    let kinds = [
        ItemKind::Job,
        ItemKind::Pain,
        ItemKind::Gain,
        ItemKind::Outcome,
        ItemKind::Product,
        ItemKind::Reliever,
        ItemKind::Creator,
    ];
    kinds.into_iter().map(|kind| table(canvas, kind)).collect()
}

/// A section's heading: what it lists and in which order.
pub(crate) fn title(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Job => "Customer jobs, by importance",
        ItemKind::Pain => "Pains, by severity",
        ItemKind::Gain => "Gains, by relevance",
        ItemKind::Outcome => "Outcomes, by opportunity",
        ItemKind::Product => "Products & services",
        ItemKind::Reliever => "Pain relievers",
        ItemKind::Creator => "Gain creators",
    }
}

fn headers(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Job => &["#", "Job", "Importance", "Kind", "ID"],
        ItemKind::Pain => &["#", "Pain", "Severity", "Kind", "Relieved by", "ID"],
        ItemKind::Gain => &["#", "Gain", "Relevance", "Kind", "Created by", "ID"],
        ItemKind::Outcome => {
            &["#", "Outcome", "Job", "Importance", "Satisfaction", "Opportunity", "Addressed by", "ID"]
        }
        ItemKind::Product => &["#", "Product or service", "Kind", "Serves", "ID"],
        ItemKind::Reliever => &["#", "Pain reliever", "Relieves", "Via", "ID"],
        ItemKind::Creator => &["#", "Gain creator", "Creates", "Via", "ID"],
    }
}

fn table(canvas: &Canvas, kind: ItemKind) -> Table {
    let rows = prioritised(canvas, kind)
        .into_iter()
        .enumerate()
        .map(|(n, id)| {
            let item = canvas.item(id);
            let mut row = vec![text((n + 1).to_string()), text(item.title.to_string())];
            match kind {
                ItemKind::Job => {
                    row.push(rank(item.rank));
                    let kind = match (&item.category, &item.role) {
                        (Some(k), Some(r)) => format!("{k} ({r})"),
                        (Some(k), None) => k.to_string(),
                        (None, Some(r)) => r.to_string(),
                        (None, None) => "—".into(),
                    };
                    row.push(text(kind));
                }
                ItemKind::Pain | ItemKind::Gain => {
                    row.push(rank(item.rank));
                    row.push(item.category.as_ref().map_or_else(dash, |c| text(c.to_string())));
                    let (sources, missing) = if kind == ItemKind::Pain {
                        (canvas.relieved_by(id), "⚠️ not relieved")
                    } else {
                        (canvas.created_by(id), "⚠️ not created")
                    };
                    row.push(if is_gap(canvas, id) {
                        vec![Span::Warn(missing.into())]
                    } else {
                        names(canvas, &sources)
                    });
                }
                ItemKind::Outcome => {
                    row.push(references(canvas, id, Link::Job, None));
                    row.push(item.importance_score.map_or_else(dash, |s| text(format_score(s))));
                    row.push(item.satisfaction_score.map_or_else(dash, |s| text(format_score(s))));
                    row.push(match item.opportunity() {
                        Some(o) if o >= UNDERSERVED => {
                            vec![Span::Strong(format_score(o)), Span::Text(" under-served".into())]
                        }
                        Some(o) => text(format_score(o)),
                        None => dash(),
                    });
                    let by = canvas.addressed_by(id);
                    row.push(if is_unaddressed(canvas, id) {
                        vec![Span::Warn("⚠️ nothing".into())]
                    } else {
                        names(canvas, &by)
                    });
                }
                ItemKind::Product => {
                    row.push(item.category.as_ref().map_or_else(dash, |c| text(c.to_string())));
                    row.push(references(canvas, id, Link::Serves, None));
                }
                ItemKind::Reliever => {
                    row.push(references(canvas, id, Link::Relieves, Some("⚠️ relieves nothing")));
                    row.push(references(canvas, id, Link::Via, None));
                }
                ItemKind::Creator => {
                    row.push(references(canvas, id, Link::Creates, Some("⚠️ creates nothing")));
                    row.push(references(canvas, id, Link::Via, None));
                }
            }
            row.push(item.id.as_ref().map_or_else(dash, |name| vec![Span::Code(name.text.to_string())]));
            row
        })
        .collect();
    Table { kind, title: title(kind), headers: headers(kind), rows }
}

fn rank(rank: Rank) -> Cell {
    match rank {
        Rank::Level { word, .. } => text(word),
        Rank::Missing => dash(),
        Rank::Invalid => vec![Span::Warn("invalid".into())],
    }
}

/// A comma-separated list of items by name; `—` for none.
fn names(canvas: &Canvas, ids: &[ItemId]) -> Cell {
    let mut cell = Vec::new();
    for &id in ids {
        if !cell.is_empty() {
            cell.push(Span::Text(", ".into()));
        }
        cell.push(name(canvas, id));
    }
    if cell.is_empty() { dash() } else { cell }
}

fn name(canvas: &Canvas, id: ItemId) -> Span {
    let item = canvas.item(id);
    match &item.id {
        Some(_) => Span::Code(item_name(item)),
        None => Span::Text(format!("“{}”", item.title)),
    }
}

/// What one item names through a reference attribute, the unresolved names marked.
fn references(canvas: &Canvas, from: ItemId, link: Link, if_none: Option<&str>) -> Cell {
    let mut cell = Vec::new();
    for reference in canvas.references_from(from, link) {
        if !cell.is_empty() {
            cell.push(Span::Text(", ".into()));
        }
        cell.push(match reference.target {
            Target::Item(target) => name(canvas, target),
            Target::Unknown => Span::Warn(format!("{} (unknown)", reference.name.text)),
            Target::WrongKind(_) => {
                Span::Warn(format!("{} (not a {})", reference.name.text, reference.expects.keyword()))
            }
        });
    }
    match (cell.is_empty(), if_none) {
        (true, Some(warning)) => vec![Span::Warn(warning.into())],
        (true, None) => dash(),
        (false, _) => cell,
    }
}

/// One sentence on the fit: the score and the weights behind it.
pub(crate) fn fit_sentence(canvas: &Canvas) -> Vec<Span> {
    let parts = canvas.fit_parts();
    let b = FitBreakdown::of(canvas);
    match canvas.fit() {
        None => vec![Span::Strong("Fit: n/a".into()), Span::Text(" — no pains or gains yet.".into())],
        Some(fit) => vec![
            Span::Strong(format!("Fit: {fit}%")),
            Span::Text(format!(
                " — relieved pains and created gains weigh {} of {} (pains {} of {}, gains {} of {}).",
                parts.covered, parts.total, b.pains.0, b.pains.1, b.gains.0, b.gains.1
            )),
        ],
    }
}

/// The fit breakdown as a table: pains, gains and the total, covered against all.
pub(crate) fn fit_table(canvas: &Canvas) -> Table {
    let parts = canvas.fit_parts();
    let b = FitBreakdown::of(canvas);
    let percent = |(covered, total): (u32, u32)| {
        vec_model_fit(covered, total).map_or_else(|| "n/a".to_string(), |fit| format!("{fit}%"))
    };
    let count = |kind: ItemKind| {
        let all = canvas.items_of(kind).count();
        let covered = canvas.items_of(kind).filter(|(id, _)| canvas.is_addressed(*id)).count();
        format!("{covered} of {all}")
    };
    let rows = vec![
        vec![
            text("Pains relieved"),
            text(count(ItemKind::Pain)),
            text(format!("{} of {}", b.pains.0, b.pains.1)),
            text(percent(b.pains)),
        ],
        vec![
            text("Gains created"),
            text(count(ItemKind::Gain)),
            text(format!("{} of {}", b.gains.0, b.gains.1)),
            text(percent(b.gains)),
        ],
        vec![
            vec![Span::Strong("Fit".into())],
            text(String::new()),
            text(format!("{} of {}", parts.covered, parts.total)),
            vec![Span::Strong(crate::fit_text(canvas))],
        ],
    ];
    Table { kind: ItemKind::Pain, title: "Fit", headers: &["", "Items", "Weight", "Covered"], rows }
}

fn vec_model_fit(covered: u32, total: u32) -> Option<u32> {
    vpc_model::Fit { covered, total }.fit()
}

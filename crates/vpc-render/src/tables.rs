//! The prioritised tables of a canvas and what is said about the canvas above them
//! (the fit, the segment's context), independent of the output format: Markdown and
//! HTML both render these.

use vpc_model::{Canvas, Item, ItemId, Link, Rank, Service, Target, Verdict, format_score};
use vpc_syntax::{BlockKind, ItemKind};

use crate::{Judged, Standing, is_unaddressed_outcome, item_name, prioritised};

/// A piece of a cell's content.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Span {
    Text(String),
    /// An identifier.
    Code(String),
    Strong(String),
    /// A gap or a mistake worth noticing.
    Warn(String),
    /// What was let go: shown, but out of the way.
    Muted(String),
    /// The fit and verdict, in the verdict's colour.
    Verdict(Verdict, String),
}

pub(crate) type Cell = Vec<Span>;

/// A row of a table, and where its item stands in the fit (jobs, pains, gains).
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    pub standing: Option<Standing>,
}

pub(crate) struct Table {
    pub title: &'static str,
    /// The `class` of the table in HTML.
    pub class: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Row>,
}

fn text(s: impl Into<String>) -> Cell {
    vec![Span::Text(s.into())]
}

fn dash() -> Cell {
    text("—")
}

/// The tables of a canvas: the customer profile (jobs, pains, gains, outcomes), then
/// the value map (products, relievers, creators).
pub(crate) fn tables(judged: &Judged) -> Vec<Table> {
    let kinds = [
        ItemKind::Job,
        ItemKind::Pain,
        ItemKind::Gain,
        ItemKind::Outcome,
        ItemKind::Product,
        ItemKind::Reliever,
        ItemKind::Creator,
    ];
    kinds.into_iter().map(|kind| table(judged, kind)).collect()
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

/// The columns before the details and the identifier.
fn headers(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Job => &["#", "Job", "Importance", "Kind", "Served by"],
        ItemKind::Pain => &["#", "Pain", "Severity", "Kind", "Relieved by"],
        ItemKind::Gain => &["#", "Gain", "Relevance", "Kind", "Created by"],
        ItemKind::Outcome => &["#", "Outcome", "Job", "Importance", "Satisfaction", "Opportunity", "Addressed by"],
        ItemKind::Product => &["#", "Product or service", "Kind", "Serves"],
        ItemKind::Reliever => &["#", "Pain reliever", "Relieves", "Via"],
        ItemKind::Creator => &["#", "Gain creator", "Creates", "Via"],
    }
}

/// What the value map does not do for an open item: "not served", "not relieved",
/// "not created".
pub(crate) fn not_addressed(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Job => "not served",
        ItemKind::Pain => "not relieved",
        _ => "not created",
    }
}

fn table(judged: &Judged, kind: ItemKind) -> Table {
    let canvas = judged.canvas;
    let ids = prioritised(canvas, kind);
    // A details column only where some item has details to show.
    let with_details = ids.iter().any(|&id| !details(canvas.item(id)).is_empty());
    let rows = ids
        .into_iter()
        .enumerate()
        .map(|(n, id)| {
            let item = canvas.item(id);
            let standing = judged.standing(id);
            let mut row = vec![text((n + 1).to_string()), text(item.title.to_string())];
            match kind {
                ItemKind::Job | ItemKind::Pain | ItemKind::Gain => {
                    row.push(rank(item.rank));
                    let category = match (&item.category, &item.role) {
                        (Some(k), Some(r)) => format!("{k} ({r})"),
                        (Some(k), None) => k.to_string(),
                        (None, Some(r)) => r.to_string(),
                        (None, None) => "—".into(),
                    };
                    row.push(text(category));
                    let link = vpc_model::addressing_link(kind).unwrap_or(Link::Serves);
                    row.push(match standing {
                        Some(Standing::Open) => vec![Span::Warn(format!("⚠️ {}", not_addressed(kind)))],
                        Some(Standing::MustHave) => vec![Span::Warn(format!("⚠️ must-have, {}", not_addressed(kind)))],
                        Some(Standing::LetGo) => vec![Span::Muted("let go".into())],
                        _ => names(canvas, &canvas.sources(id, link)),
                    });
                }
                ItemKind::Outcome => {
                    row.push(references(canvas, id, Link::Job, None));
                    row.push(item.importance_score.map_or_else(dash, |s| text(format_score(s))));
                    row.push(item.satisfaction_score.map_or_else(dash, |s| text(format_score(s))));
                    row.push(match (item.opportunity(), item.service()) {
                        (Some(o), Some(Service::Underserved(band))) => {
                            vec![Span::Strong(format_score(o)), Span::Text(format!(" under-served: {}", band.as_str()))]
                        }
                        (Some(o), Some(Service::Overserved)) => {
                            vec![Span::Text(format_score(o)), Span::Muted(" over-served".into())]
                        }
                        (Some(o), _) => text(format_score(o)),
                        (None, _) => dash(),
                    });
                    let by = canvas.addressed_by(id);
                    row.push(if is_unaddressed_outcome(canvas, id) {
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
            if with_details {
                let details = details(item);
                row.push(if details.is_empty() { dash() } else { text(details.join("; ")) });
            }
            row.push(item.id.as_ref().map_or_else(dash, |name| vec![Span::Code(name.text.to_string())]));
            Row { cells: row, standing }
        })
        .collect();
    let mut headers = headers(kind).to_vec();
    if with_details {
        headers.push("Details");
    }
    headers.push("ID");
    Table { title: title(kind), class: kind.keyword(), headers, rows }
}

/// What the canvas says of an item beyond its rank and kind: a job's context and
/// frequency, when a pain or gain happens and what it touches, and the note.
pub(crate) fn details(item: &Item) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(context) = &item.context {
        out.push(format!("context: {context}"));
    }
    if let Some(when) = &item.when {
        out.push(format!("{when} the job"));
    }
    if let Some(aspect) = &item.aspect {
        out.push(format!("{aspect} aspect"));
    }
    if let Some(frequency) = &item.frequency {
        out.push(format!("frequency: {frequency}"));
    }
    if let Some(note) = &item.note {
        out.push(format!("note: {note}"));
    }
    out
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

/// The headline: "Fit 78% · partial", or "Fit n/a".
pub(crate) fn headline(judged: &Judged) -> Span {
    let verdict = judged.judgement.verdict;
    let text = match judged.judgement.fit {
        Some(fit) => format!("Fit {fit}% · {verdict}"),
        None => "Fit n/a".to_string(),
    };
    Span::Verdict(verdict, text)
}

/// The fit in a few sentences: the headline, the weights behind it by kind, the
/// unaddressed must-haves and what was let go.
pub(crate) fn fit_sentence(judged: &Judged) -> Vec<Span> {
    let canvas = judged.canvas;
    let j = &judged.judgement;
    let mut out = vec![headline(judged)];
    if j.fit.is_none() {
        out.push(Span::Text(format!(" — {}.", j.verdict.meaning())));
    } else {
        let w = |f: vpc_model::Fit| format!("{} of {}", f.covered, f.total);
        out.push(Span::Text(format!(
            " — weight addressed: jobs {}, pains {}, gains {}. ",
            w(j.jobs),
            w(j.pains),
            w(j.gains)
        )));
        out.push(Span::Text("Unaddressed must-haves: ".into()));
        if j.unaddressed.is_empty() {
            out.push(Span::Text("none".into()));
        }
        for (n, &id) in j.unaddressed.iter().enumerate() {
            if n > 0 {
                out.push(Span::Text(", ".into()));
            }
            out.push(match name(canvas, id) {
                Span::Code(name) => Span::Warn(name),
                other => other,
            });
        }
        out.push(Span::Text(".".into()));
    }
    if !j.let_go.is_empty() {
        out.push(Span::Text(" Let go: ".into()));
        for (n, &id) in j.let_go.iter().enumerate() {
            if n > 0 {
                out.push(Span::Text(", ".into()));
            }
            out.push(name(canvas, id));
        }
        out.push(Span::Text(".".into()));
    }
    out
}

/// The fit breakdown as a table: jobs, pains, gains and the total, addressed against
/// counted, with what was let go.
pub(crate) fn fit_table(judged: &Judged) -> Table {
    let percent = |f: vpc_model::Fit| f.fit().map_or_else(|| "n/a".to_string(), |fit| format!("{fit}%"));
    let mut rows = Vec::new();
    let mut let_go = 0;
    for (kind, label) in
        [(ItemKind::Job, "Jobs served"), (ItemKind::Pain, "Pains relieved"), (ItemKind::Gain, "Gains created")]
    {
        let part = judged.part(kind);
        let_go += part.let_go;
        rows.push(Row {
            cells: vec![
                text(label),
                text(format!("{} of {}", part.addressed, part.counted)),
                text(part.let_go.to_string()),
                text(format!("{} of {}", part.weights.covered, part.weights.total)),
                text(percent(part.weights)),
            ],
            standing: None,
        });
    }
    let total = judged.judgement.total();
    rows.push(Row {
        cells: vec![
            vec![Span::Strong("Fit".into())],
            text(String::new()),
            text(let_go.to_string()),
            text(format!("{} of {}", total.covered, total.total)),
            vec![headline(judged)],
        ],
        standing: None,
    });
    Table {
        title: "Fit",
        class: "fit-breakdown",
        headers: vec!["", "Items addressed", "Let go", "Weight addressed", "Fit"],
        rows,
    }
}

/// One block of context above the tables: a section's (or the canvas's) description
/// and facts.
pub(crate) struct Context {
    /// "Customer segment: Engaged couples", "Value map: …", "About this canvas".
    pub heading: String,
    pub description: Option<String>,
    /// Label and value: ("Early adopters", "…").
    pub facts: Vec<(&'static str, String)>,
}

/// What the canvas says of its segment and its offer: the customer segment's
/// description, early adopters, market type and strategy, the value map's
/// description, and every note. Only blocks with something in them.
pub(crate) fn context(canvas: &Canvas) -> Vec<Context> {
    let mut out = Vec::new();
    let mut segment_seen = false;
    let mut map_seen = false;
    for section in &canvas.sections {
        // A second section of a kind is a mistake (duplicate-section); the first speaks.
        let seen = if section.kind == BlockKind::Segment { &mut segment_seen } else { &mut map_seen };
        if std::mem::replace(seen, true) {
            continue;
        }
        let name = section.title.as_deref().or(section.id.as_ref().map(|id| id.text.as_str()));
        let what = if section.kind == BlockKind::Segment { "Customer segment" } else { "Value map" };
        let heading = name.map_or_else(|| what.to_string(), |name| format!("{what}: {name}"));
        let mut facts = Vec::new();
        if let Some(early) = &section.early_adopters {
            facts.push(("Early adopters", early.to_string()));
        }
        if let Some(market) = &section.market {
            facts.push(("Market type", format!("{market} ({})", market_meaning(market))));
        }
        if let Some(strategy) = &section.strategy {
            facts.push(("Strategy", format!("{strategy} ({})", strategy_meaning(strategy))));
        }
        if let Some(note) = &section.note {
            facts.push(("Note", note.to_string()));
        }
        let description = section.description.as_ref().map(|d| d.to_string());
        if description.is_some() || !facts.is_empty() {
            out.push(Context { heading, description, facts });
        }
    }
    // The segment before the value map, as the reader meets them.
    out.sort_by_key(|c| !c.heading.starts_with("Customer segment"));
    if let Some(note) = &canvas.note {
        out.push(Context {
            heading: "About this canvas".into(),
            description: None,
            facts: vec![("Note", note.to_string())],
        });
    }
    out
}

/// Steve Blank's market types, in a few words.
fn market_meaning(market: &str) -> &'static str {
    match market {
        "existing" => "better performance in a market that exists",
        "resegmented" => "a niche or low-cost part of an existing market",
        "new" => "customers who did not buy anything like it before",
        "clone" => "a proven business model copied to a new place",
        _ => "market type",
    }
}

/// The segmentation strategies, in a few words.
fn strategy_meaning(strategy: &str) -> &'static str {
    match strategy {
        "mass" => "one offer for a broad market",
        "niche" => "a specific, specialised segment",
        "segmented" => "related segments with slightly different needs",
        "diversified" => "unrelated segments with very different needs",
        "multi-sided" => "interdependent segments served together",
        _ => "segmentation",
    }
}

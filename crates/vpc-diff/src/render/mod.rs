//! Reports for people and programs: [`human`] for a terminal, [`markdown`] for a
//! pull-request comment, [`json`] for tools.
//!
//! All three show the canvases of each file in the diff's order; human and
//! Markdown leave out unchanged canvases, JSON lists every canvas.

use serde::Serialize;

use crate::{CanvasChange, Coverage, CoverageChange, FitChange, ItemChange, ItemSummary, Report, Status};

mod human;
mod json;
mod markdown;

pub use human::human;
pub use json::json;
pub use markdown::markdown;

/// Counts over a whole report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files with at least one changed canvas.
    pub files: usize,
    pub canvases: CanvasCounts,
    pub items: ItemCounts,
    /// In modified canvases: coverage changes that opened a gap (unrelieved,
    /// uncreated, under-served), and added pains, gains and outcomes with a gap.
    pub gaps_opened: usize,
    /// In modified canvases: coverage changes that closed a gap (letting an item go
    /// closes none: it is a decision, listed on its own).
    pub gaps_closed: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CanvasCounts {
    pub added: usize,
    pub removed: usize,
    pub modified: usize,
    pub unchanged: usize,
}

/// Items of modified canvases only (a whole canvas added or removed is counted once,
/// as a canvas).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ItemCounts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

impl Summary {
    pub fn of(report: &Report) -> Summary {
        let mut s = Summary::default();
        for file in &report.files {
            if !file.diff.is_empty() {
                s.files += 1;
            }
            for canvas in &file.diff.canvases {
                match canvas.status {
                    Status::Added => s.canvases.added += 1,
                    Status::Removed => s.canvases.removed += 1,
                    Status::Modified => s.canvases.modified += 1,
                    Status::Unchanged => s.canvases.unchanged += 1,
                }
                if canvas.status != Status::Modified {
                    continue;
                }
                s.items.added += canvas.added.len();
                s.items.removed += canvas.removed.len();
                s.items.changed += canvas.changed.len();
                s.gaps_opened += canvas.added.iter().filter(|i| i.coverage.is_some_and(Coverage::is_gap)).count();
                s.gaps_opened += canvas.coverage.iter().filter(|c| c.after.is_gap()).count();
                s.gaps_closed += canvas
                    .coverage
                    .iter()
                    .filter(|c| c.before.is_gap() && !c.after.is_gap() && c.after != Coverage::LetGo)
                    .count();
            }
        }
        s
    }
}

/// How a fit reads in a heading: `fit 82% → 94% (+12)`, `fit n/a`, `fit was 60%`.
pub(crate) fn fit_text(fit: FitChange, status: Status) -> String {
    let pct = |f: Option<u32>| f.map_or("n/a".to_string(), |f| format!("{f}%"));
    match status {
        Status::Added => format!("fit {}", pct(fit.after)),
        Status::Removed => format!("fit was {}", pct(fit.before)),
        _ if fit.before == fit.after => format!("fit {}", pct(fit.after)),
        _ => {
            let delta = match (fit.before, fit.after) {
                (Some(a), Some(b)) => format!(" ({:+})", i64::from(b) - i64::from(a)),
                _ => String::new(),
            };
            format!("fit {} → {}{delta}", pct(fit.before), pct(fit.after))
        }
    }
}

/// A score, or `none`.
pub(crate) fn score(s: Option<f64>) -> String {
    s.map_or("none".to_string(), vpc_model::format_score)
}

/// What goes in parentheses after an added or removed item: rank, scores, coverage,
/// references; `coverage` words the coverage, if wanted. `code` formats an identifier (backticks in Markdown).
pub(crate) fn item_details(
    item: &ItemSummary,
    coverage: Option<&dyn Fn(Coverage) -> String>,
    code: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let mut parts = Vec::new();
    if crate::compare::scale_of(item.kind).is_some() {
        parts.push(item.rank.clone().unwrap_or_else(|| "unranked".to_string()));
    }
    if let Some(s) = &item.scores {
        if s.importance.is_some() || s.satisfaction.is_some() {
            parts.push(format!("importance {}, satisfaction {}", score(s.importance), score(s.satisfaction)));
        }
        if let Some(o) = s.opportunity {
            parts.push(format!("opportunity {}", vpc_model::format_score(o)));
        }
    }
    if let (Some(word), Some(c)) = (coverage, item.coverage) {
        parts.push(word(c));
    }
    let in_value_map = matches!(item.kind.section(), vpc_syntax::BlockKind::ValueMap);
    for links in &item.links {
        if in_value_map {
            let targets: Vec<String> = links.targets.iter().map(|t| code(t)).collect();
            parts.push(format!("{} {}", links.link, targets.join(", ")));
        }
    }
    parts
}

/// `now relieves a, b` / `no longer relieves a`.
pub(crate) fn link_phrase(link: &str, added: bool, targets: &[String], code: &dyn Fn(&str) -> String) -> String {
    let verb = match link {
        "job" => "tied to job",
        "via" => "via",
        other => other,
    };
    let targets: Vec<String> = targets.iter().map(|t| code(t)).collect();
    format!("{} {verb} {}", if added { "now" } else { "no longer" }, targets.join(", "))
}

/// How a coverage change reads: `now relieved by e-invites`, `now under-served (opportunity 12)`,
/// `let go on purpose (out of the fit)`, `taken back: now unrelieved`.
pub(crate) fn coverage_phrase(change: &CoverageChange, code: &dyn Fn(&str) -> String) -> String {
    let opportunity =
        change.opportunity.map_or("unrated".to_string(), |o| format!("opportunity {}", vpc_model::format_score(o)));
    let by = || change.by.iter().map(|b| code(b)).collect::<Vec<String>>().join(", ");
    match change.after {
        Coverage::Relieved | Coverage::Created | Coverage::Addressed => {
            format!("now {} by {}", change.after.word(), by())
        }
        Coverage::Served if change.kind == vpc_syntax::ItemKind::Job => format!("now served by {}", by()),
        Coverage::Unrelieved | Coverage::Uncreated | Coverage::Unserved if change.before == Coverage::LetGo => {
            format!("taken back: now {}", change.after.word())
        }
        Coverage::Unrelieved | Coverage::Uncreated | Coverage::Unserved => format!("now {}", change.after.word()),
        Coverage::LetGo => "let go on purpose (out of the fit)".to_string(),
        Coverage::UnderServed => format!("now under-served ({opportunity})"),
        Coverage::OverServed => format!("now over-served ({opportunity})"),
        Coverage::Served | Coverage::Unrated => format!("no longer {} ({opportunity})", change.before.word()),
    }
}

/// How the verdict reads after the fit: `, partial → fit`, `, partial` (unchanged), or
/// nothing when there is no verdict to tell.
pub(crate) fn verdict_text(verdict: &crate::VerdictChange, status: Status) -> String {
    match (status, verdict.before, verdict.after) {
        (Status::Removed, Some(before), _) => format!(", was {before}"),
        (_, Some(before), Some(after)) if before != after => format!(", {before} → {after}"),
        (_, _, Some(after)) => format!(", {after}"),
        _ => String::new(),
    }
}

/// Better (a gap closed or something now covered), worse (a gap opened), or neither.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trend {
    Better,
    Worse,
    Neutral,
}

pub(crate) fn trend(change: &CoverageChange) -> Trend {
    if change.after == Coverage::LetGo {
        // A decision to review, neither a gap opened nor one closed.
        Trend::Neutral
    } else if change.after.is_gap() {
        Trend::Worse
    } else if change.before.is_gap()
        || matches!(change.after, Coverage::Relieved | Coverage::Created | Coverage::Addressed)
        || (change.after == Coverage::Served && change.kind == vpc_syntax::ItemKind::Job)
    {
        Trend::Better
    } else {
        Trend::Neutral
    }
}

/// Each item change as a phrase to write after `kind id: `, with consecutive score
/// and opportunity changes merged into one (`satisfaction 3 → 6, opportunity 15 → 12`).
pub(crate) fn change_phrases(
    changes: &[ItemChange],
    code: &dyn Fn(&str) -> String,
    text: &dyn Fn(&str) -> String,
    emphasise: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let opt = |v: &Option<String>, f: &dyn Fn(&str) -> String| v.as_deref().map_or("none".to_string(), f);
    let mut out: Vec<String> = Vec::new();
    let mut merging = false;
    for change in changes {
        let phrase = match change {
            ItemChange::Reidentified { before, after } => format!("id {} → {}", opt(before, code), opt(after, code)),
            ItemChange::Reworded { before, after } => format!("title {} → {}", text(before), text(after)),
            ItemChange::Rank { scale, before, after, direction } => {
                let arrow = match direction {
                    Some(crate::Direction::Up) => " ↑",
                    Some(crate::Direction::Down) => " ↓",
                    None => "",
                };
                let word = |v: &Option<String>| v.clone().unwrap_or_else(|| "unranked".to_string());
                format!("{scale} {} → {}{arrow}", word(before), emphasise(&word(after)))
            }
            ItemChange::Score { key, before, after } => format!("{key} {} → {}", score(*before), score(*after)),
            ItemChange::Opportunity { before, after } => {
                format!("opportunity {} → {}", score(*before), emphasise(&score(*after)))
            }
            ItemChange::Attribute { key, before, after } => {
                let plain = |s: &str| vpc_syntax::printable::escape(s).into_owned();
                let f: &dyn Fn(&str) -> String = if *key == "context" { text } else { &plain };
                format!("{key} {} → {}", opt(before, f), opt(after, f))
            }
            ItemChange::References { link, added, removed } => {
                merging = false;
                if !added.is_empty() {
                    out.push(link_phrase(link, true, added, code));
                }
                if !removed.is_empty() {
                    out.push(link_phrase(link, false, removed, code));
                }
                continue;
            }
        };
        let is_score = matches!(change, ItemChange::Score { .. } | ItemChange::Opportunity { .. });
        match out.last_mut() {
            Some(last) if is_score && merging => {
                last.push_str(", ");
                last.push_str(&phrase);
            }
            _ => out.push(phrase),
        }
        merging = is_score;
    }
    out
}

/// A change to a canvas or section as `(marker, subject, phrase)`: `('~', "segment",
/// "market existing → new")`, `('+', "value-map", "\"Tandem app\"")`.
pub(crate) fn canvas_change_parts(
    change: &CanvasChange,
    code: &dyn Fn(&str) -> String,
    text: &dyn Fn(&str) -> String,
) -> (char, &'static str, String) {
    match change {
        CanvasChange::Attribute { on, key, before, after } => {
            let value = |v: &Option<String>| match v {
                None => "none".to_string(),
                Some(v) if *key == "id" => code(v),
                Some(v) if matches!(*key, "title" | "description" | "early-adopters") => text(v),
                Some(v) => vpc_syntax::printable::escape(v).into_owned(),
            };
            ('~', on, format!("{key} {} → {}", value(before), value(after)))
        }
        CanvasChange::SectionAdded { section, title } => ('+', section, title.as_deref().map(text).unwrap_or_default()),
        CanvasChange::SectionRemoved { section, title } => {
            ('-', section, title.as_deref().map(text).unwrap_or_default())
        }
    }
}

/// `1 item`, `3 items`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

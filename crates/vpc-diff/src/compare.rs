//! Comparing two files' canvases once they are paired.

use std::collections::HashSet;

use vpc_model::{Analysis, Canvas, ItemId, Link, LintConfig, Rank, Reference, Section, Service, Target};
use vpc_syntax::{BlockKind, ItemKind};

use crate::matching::{self, Key};
use crate::{
    CanvasChange, CanvasDiff, Coverage, CoverageChange, Diff, Direction, FitChange, ItemChange, ItemDiff, ItemSummary,
    Links, Scores, Status, VerdictChange,
};

/// The reference attributes, in the order changes are reported.
const LINKS: [Link; 6] = [Link::Job, Link::Serves, Link::Relieves, Link::Creates, Link::Via, Link::Addresses];

/// What changed from the canvases of `old` to those of `new`.
pub fn diff(old: &Analysis, new: &Analysis) -> Diff {
    diff_canvases(&old.canvases, &new.canvases)
}

/// Parse, analyse and compare two texts (lint levels do not matter to a diff).
pub fn diff_texts(old: &str, new: &str) -> Diff {
    let config = LintConfig::default();
    let (_, old) = vpc_model::check(old, &config);
    let (_, new) = vpc_model::check(new, &config);
    diff(&old, &new)
}

/// What changed from one list of canvases to another (an empty list for a file
/// that does not exist on that side).
pub fn diff_canvases(old: &[Canvas], new: &[Canvas]) -> Diff {
    let new_to_old = matching::pair_canvases(old, new);
    let mut taken = vec![false; old.len()];
    let mut canvases = Vec::with_capacity(new.len());
    for (n, canvas) in new.iter().enumerate() {
        canvases.push(match new_to_old[n] {
            Some(o) => {
                taken[o] = true;
                compare_canvas(&old[o], canvas)
            }
            None => whole_canvas(canvas, Status::Added),
        });
    }
    for (o, canvas) in old.iter().enumerate() {
        if !taken[o] {
            canvases.push(whole_canvas(canvas, Status::Removed));
        }
    }
    Diff { canvases }
}

fn id_text(name: &Option<vpc_syntax::Name>) -> Option<String> {
    name.as_ref().map(|n| n.text.to_string())
}

/// A canvas that exists on one side only: every item added, or every item removed.
fn whole_canvas(canvas: &Canvas, status: Status) -> CanvasDiff {
    let refs = Outgoing::new(canvas);
    let items: Vec<ItemSummary> = canvas.item_ids().map(|id| summary(canvas, &refs, id)).collect();
    let judgement = canvas.judge();
    let (fit, verdict) = (judgement.fit, Some(judgement.verdict.as_str()));
    let unaddressed = must_have_labels(canvas, &judgement.unaddressed);
    let (added, removed, fit, verdict) = match status {
        Status::Added => (
            items,
            Vec::new(),
            FitChange { before: None, after: fit },
            VerdictChange {
                before: None,
                after: verdict,
                newly_unaddressed: unaddressed,
                no_longer_unaddressed: Vec::new(),
            },
        ),
        _ => (
            Vec::new(),
            items,
            FitChange { before: fit, after: None },
            VerdictChange {
                before: verdict,
                after: None,
                newly_unaddressed: Vec::new(),
                no_longer_unaddressed: Vec::new(),
            },
        ),
    };
    CanvasDiff {
        status,
        id: id_text(&canvas.id),
        title: canvas.title.to_string(),
        fit,
        verdict,
        changes: Vec::new(),
        added,
        removed,
        changed: Vec::new(),
        coverage: Vec::new(),
    }
}

fn compare_canvas(old: &Canvas, new: &Canvas) -> CanvasDiff {
    let new_to_old = matching::pair(&item_keys(old), &item_keys(new));
    let mut old_to_new = vec![None; old.items.len()];
    for (n, o) in new_to_old.iter().enumerate() {
        if let Some(o) = o {
            old_to_new[*o] = Some(n);
        }
    }
    let (old_refs, new_refs) = (Outgoing::new(old), Outgoing::new(new));
    let pairs =
        Pairs { old, new, old_refs: &old_refs, new_refs: &new_refs, new_to_old: &new_to_old, old_to_new: &old_to_new };

    let mut added = Vec::new();
    let mut changed = Vec::new();
    let mut coverage = Vec::new();
    for n in new.item_ids() {
        let Some(o) = new_to_old[n.0 as usize] else {
            added.push(summary(new, &new_refs, n));
            continue;
        };
        let o = ItemId(o as u32);
        let changes = pairs.item_changes(o, n);
        let item = new.item(n);
        if !changes.is_empty() {
            changed.push(ItemDiff { kind: item.kind, id: id_text(&item.id), title: item.title.to_string(), changes });
        }
        if let (Some(before), Some(after)) = (coverage_of(old, o), coverage_of(new, n)) {
            // Outcomes that nothing addresses moving between served, over-served and
            // unrated are rating changes, already reported as such.
            let calm = |c: Coverage| matches!(c, Coverage::Served | Coverage::OverServed | Coverage::Unrated);
            let quiet = item.kind == ItemKind::Outcome && calm(before) && calm(after);
            if before != after && !quiet {
                let by = if after.is_gap() { Vec::new() } else { covered_by(new, n) };
                coverage.push(CoverageChange {
                    kind: item.kind,
                    id: id_text(&item.id),
                    title: item.title.to_string(),
                    before,
                    after,
                    by,
                    opportunity: if item.kind == ItemKind::Outcome { item.opportunity() } else { None },
                });
            }
        }
    }
    let removed = old
        .item_ids()
        .filter(|o| old_to_new[o.0 as usize].is_none())
        .map(|o| summary(old, &old_refs, o))
        .collect::<Vec<_>>();

    let changes = canvas_changes(old, new);
    let (old_judgement, new_judgement) = (old.judge(), new.judge());
    let fit = FitChange { before: old_judgement.fit, after: new_judgement.fit };
    // Must-haves are compared through the item pairing: an unaddressed must-have of the
    // new canvas is new when its old counterpart (if any) was not one, and the other way round.
    let newly = not_in(&new_judgement.unaddressed, &new_to_old, &old_judgement.unaddressed);
    let no_longer = not_in(&old_judgement.unaddressed, &old_to_new, &new_judgement.unaddressed);
    let verdict = VerdictChange {
        before: Some(old_judgement.verdict.as_str()),
        after: Some(new_judgement.verdict.as_str()),
        newly_unaddressed: must_have_labels(new, &newly),
        no_longer_unaddressed: must_have_labels(old, &no_longer),
    };
    let unchanged = changes.is_empty()
        && added.is_empty()
        && removed.is_empty()
        && changed.is_empty()
        && coverage.is_empty()
        && fit.before == fit.after
        && !verdict.changed();
    CanvasDiff {
        status: if unchanged { Status::Unchanged } else { Status::Modified },
        id: id_text(&new.id),
        title: new.title.to_string(),
        fit,
        verdict,
        changes,
        added,
        removed,
        changed,
        coverage,
    }
}

/// The items of `ids` whose counterpart on the other side (through `pairing`) is not
/// among `other`, or that have none.
fn not_in(ids: &[ItemId], pairing: &[Option<usize>], other: &[ItemId]) -> Vec<ItemId> {
    ids.iter().copied().filter(|i| !pairing[i.0 as usize].is_some_and(|o| other.contains(&ItemId(o as u32)))).collect()
}

/// How must-haves are named in a diff: id, else title in quotes.
fn must_have_labels(canvas: &Canvas, ids: &[ItemId]) -> Vec<String> {
    ids.iter()
        .map(|&i| {
            let item = canvas.item(i);
            crate::label(item.id.as_ref().map(|n| n.text.as_str()), &item.title)
        })
        .collect()
}

fn item_keys(canvas: &Canvas) -> Vec<Key<'_, ItemKind>> {
    canvas
        .items
        .iter()
        .map(|i| Key { group: i.kind, id: i.id.as_ref().map(|n| n.text.as_str()), title: &i.title })
        .collect()
}

/// Two canvases and how their items are paired.
struct Pairs<'a> {
    old: &'a Canvas,
    new: &'a Canvas,
    old_refs: &'a Outgoing,
    new_refs: &'a Outgoing,
    new_to_old: &'a [Option<usize>],
    old_to_new: &'a [Option<usize>],
}

/// What a reference leads to, comparable across the two files: a matched item (by
/// its index in the new canvas), else the name as written.
#[derive(Clone, PartialEq, Eq, Hash)]
enum RefKey {
    Item(usize),
    Name(String),
}

impl Pairs<'_> {
    fn item_changes(&self, o: ItemId, n: ItemId) -> Vec<ItemChange> {
        let (before, after) = (self.old.item(o), self.new.item(n));
        let mut changes = Vec::new();
        let (old_id, new_id) = (id_text(&before.id), id_text(&after.id));
        if old_id != new_id {
            changes.push(ItemChange::Reidentified { before: old_id, after: new_id });
        }
        if before.title != after.title {
            changes.push(ItemChange::Reworded { before: before.title.to_string(), after: after.title.to_string() });
        }
        if let Some(scale) = scale_of(after.kind).filter(|_| before.rank != after.rank) {
            let direction = match (before.rank, after.rank) {
                (Rank::Level { index: a, .. }, Rank::Level { index: b, .. }) => {
                    Some(if b < a { Direction::Up } else { Direction::Down })
                }
                _ => None,
            };
            changes.push(ItemChange::Rank {
                scale,
                before: rank_value(before.rank),
                after: rank_value(after.rank),
                direction,
            });
        }
        for (key, a, b) in [
            ("importance", before.importance_score, after.importance_score),
            ("satisfaction", before.satisfaction_score, after.satisfaction_score),
        ] {
            if a != b {
                changes.push(ItemChange::Score { key, before: a, after: b });
            }
        }
        let (a, b) = (before.opportunity(), after.opportunity());
        if a != b {
            changes.push(ItemChange::Opportunity { before: a, after: b });
        }
        for (key, a, b) in [
            ("kind", &before.category, &after.category),
            ("role", &before.role, &after.role),
            ("frequency", &before.frequency, &after.frequency),
            ("context", &before.context, &after.context),
        ] {
            if a != b {
                changes.push(ItemChange::Attribute {
                    key,
                    before: a.as_ref().map(|s| s.to_string()),
                    after: b.as_ref().map(|s| s.to_string()),
                });
            }
        }
        for link in LINKS {
            let old_keys = dedup(self.old_refs.from(self.old, o, link).map(|r| match r.target {
                Target::Item(t) => match self.old_to_new[t.0 as usize] {
                    Some(n) => RefKey::Item(n),
                    None => RefKey::Name(r.name.text.to_string()),
                },
                _ => RefKey::Name(r.name.text.to_string()),
            }));
            let new_keys = dedup(self.new_refs.from(self.new, n, link).map(|r| match r.target {
                Target::Item(t) if self.new_to_old[t.0 as usize].is_some() => RefKey::Item(t.0 as usize),
                _ => RefKey::Name(r.name.text.to_string()),
            }));
            let old_set: HashSet<&RefKey> = old_keys.iter().collect();
            let new_set: HashSet<&RefKey> = new_keys.iter().collect();
            let added: Vec<String> =
                new_keys.iter().filter(|k| !old_set.contains(k)).map(|k| self.ref_name(k)).collect();
            let removed: Vec<String> =
                old_keys.iter().filter(|k| !new_set.contains(k)).map(|k| self.ref_name(k)).collect();
            if !added.is_empty() || !removed.is_empty() {
                changes.push(ItemChange::References { link: link.key(), added, removed });
            }
        }
        changes
    }

    fn ref_name(&self, key: &RefKey) -> String {
        match key {
            RefKey::Item(n) => {
                let item = self.new.item(ItemId(*n as u32));
                crate::label(item.id.as_ref().map(|n| n.text.as_str()), &item.title)
            }
            RefKey::Name(name) => name.clone(),
        }
    }
}

fn dedup(keys: impl Iterator<Item = RefKey>) -> Vec<RefKey> {
    let mut seen = HashSet::new();
    keys.filter(|k| seen.insert(k.clone())).collect()
}

/// The scale an item kind is ranked on.
pub(crate) fn scale_of(kind: ItemKind) -> Option<&'static str> {
    match kind {
        ItemKind::Job => Some("importance"),
        ItemKind::Pain => Some("severity"),
        ItemKind::Gain => Some("relevance"),
        _ => None,
    }
}

fn rank_value(rank: Rank) -> Option<String> {
    match rank {
        Rank::Missing => None,
        Rank::Invalid => Some("invalid".to_string()),
        Rank::Level { word, .. } => Some(word.to_string()),
    }
}

/// The references each item makes (indices into `Canvas::references`, in source
/// order), so that looking them up does not scan every reference of the canvas.
struct Outgoing {
    by_item: Vec<Vec<usize>>,
}

impl Outgoing {
    fn new(canvas: &Canvas) -> Outgoing {
        let mut by_item = vec![Vec::new(); canvas.items.len()];
        for (n, r) in canvas.references.iter().enumerate() {
            if let Some(list) = by_item.get_mut(r.from.0 as usize) {
                list.push(n);
            }
        }
        Outgoing { by_item }
    }

    fn from<'a>(&'a self, canvas: &'a Canvas, item: ItemId, link: Link) -> impl Iterator<Item = &'a Reference> + 'a {
        self.by_item[item.0 as usize].iter().map(|&n| &canvas.references[n]).filter(move |r| r.link == link)
    }
}

fn summary(canvas: &Canvas, refs: &Outgoing, id: ItemId) -> ItemSummary {
    let item = canvas.item(id);
    let links = LINKS
        .iter()
        .filter_map(|&link| {
            let mut targets: Vec<String> = Vec::new();
            for r in refs.from(canvas, id, link) {
                if !targets.iter().any(|t| *t == r.name.text) {
                    targets.push(r.name.text.to_string());
                }
            }
            (!targets.is_empty()).then_some(Links { link: link.key(), targets })
        })
        .collect();
    ItemSummary {
        kind: item.kind,
        id: id_text(&item.id),
        title: item.title.to_string(),
        rank: if scale_of(item.kind).is_some() { rank_value(item.rank) } else { None },
        category: item.category.as_ref().map(|c| c.to_string()),
        scores: (item.kind == ItemKind::Outcome).then(|| Scores {
            importance: item.importance_score,
            satisfaction: item.satisfaction_score,
            opportunity: item.opportunity(),
        }),
        coverage: coverage_of(canvas, id),
        links,
    }
}

fn coverage_of(canvas: &Canvas, id: ItemId) -> Option<Coverage> {
    let item = canvas.item(id);
    let addressed = canvas.is_addressed(id);
    Some(match item.kind {
        ItemKind::Job | ItemKind::Pain | ItemKind::Gain if !addressed && canvas.is_let_go(id) => Coverage::LetGo,
        ItemKind::Job if addressed => Coverage::Served,
        ItemKind::Job => Coverage::Unserved,
        ItemKind::Pain if addressed => Coverage::Relieved,
        ItemKind::Pain => Coverage::Unrelieved,
        ItemKind::Gain if addressed => Coverage::Created,
        ItemKind::Gain => Coverage::Uncreated,
        ItemKind::Outcome if !canvas.addressed_by(id).is_empty() => Coverage::Addressed,
        ItemKind::Outcome => match item.service() {
            Some(Service::Underserved(_)) => Coverage::UnderServed,
            Some(Service::Overserved) => Coverage::OverServed,
            Some(Service::Appropriate) => Coverage::Served,
            None => Coverage::Unrated,
        },
        _ => return None,
    })
}

/// The relievers, creators or addressing items that cover an item now.
fn covered_by(canvas: &Canvas, id: ItemId) -> Vec<String> {
    let sources = match canvas.item(id).kind {
        ItemKind::Job => canvas.sources(id, Link::Serves),
        ItemKind::Pain => canvas.relieved_by(id),
        ItemKind::Gain => canvas.created_by(id),
        ItemKind::Outcome => canvas.addressed_by(id),
        _ => Vec::new(),
    };
    sources
        .into_iter()
        .map(|s| {
            let item = canvas.item(s);
            crate::label(item.id.as_ref().map(|n| n.text.as_str()), &item.title)
        })
        .collect()
}

fn canvas_changes(old: &Canvas, new: &Canvas) -> Vec<CanvasChange> {
    let mut out = Vec::new();
    let id = |n: &Option<vpc_syntax::Name>| id_text(n);
    attribute(&mut out, "canvas", "id", id(&old.id).as_deref(), id(&new.id).as_deref());
    attribute(&mut out, "canvas", "title", Some(&old.title), Some(&new.title));
    attribute(&mut out, "canvas", "description", old.description.as_deref(), new.description.as_deref());
    let first =
        |c: &'_ Canvas, kind: BlockKind| -> Option<Section> { c.sections.iter().find(|s| s.kind == kind).cloned() };
    for kind in [BlockKind::Segment, BlockKind::ValueMap] {
        let on = kind.keyword();
        match (first(old, kind), first(new, kind)) {
            (Some(a), Some(b)) => {
                attribute(&mut out, on, "id", id(&a.id).as_deref(), id(&b.id).as_deref());
                attribute(&mut out, on, "title", a.title.as_deref(), b.title.as_deref());
                attribute(&mut out, on, "description", a.description.as_deref(), b.description.as_deref());
                if kind == BlockKind::Segment {
                    attribute(&mut out, on, "market", a.market.as_deref(), b.market.as_deref());
                    attribute(&mut out, on, "strategy", a.strategy.as_deref(), b.strategy.as_deref());
                    attribute(&mut out, on, "early-adopters", a.early_adopters.as_deref(), b.early_adopters.as_deref());
                }
            }
            (None, Some(b)) => out.push(CanvasChange::SectionAdded { section: on, title: section_name(&b) }),
            (Some(a), None) => out.push(CanvasChange::SectionRemoved { section: on, title: section_name(&a) }),
            (None, None) => {}
        }
    }
    out
}

fn attribute(
    out: &mut Vec<CanvasChange>,
    on: &'static str,
    key: &'static str,
    before: Option<&str>,
    after: Option<&str>,
) {
    if before != after {
        out.push(CanvasChange::Attribute {
            on,
            key,
            before: before.map(str::to_string),
            after: after.map(str::to_string),
        });
    }
}

/// A section's title, else its id.
fn section_name(section: &Section) -> Option<String> {
    section.title.as_ref().map(|t| t.to_string()).or_else(|| id_text(&section.id))
}

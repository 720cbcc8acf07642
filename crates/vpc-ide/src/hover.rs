//! Hover: what an item, reference, canvas or word of the language means.
//!
//! - on an item's identifier, keyword or title: its kind, title, rank and weight,
//!   what serves, relieves or creates it (or that nothing does, and what addressing
//!   it would do to the fit, or that it is let go), its jobs, an outcome's
//!   opportunity score, service and band; on a keyword, also what the concept means on the canvas;
//! - on a reference: the same about the item it names;
//! - on a canvas's identifier, keyword or title: the method's judgement — fit and
//!   verdict, the weights behind it per kind, the must-haves still open, the items
//!   let go and what would raise the fit most;
//! - on an attribute key or a word of a value set: what it means;
//! - on a diagnostic code in `allow:`: the lint's documentation.

use vpc_model::{Canvas, Code, Fit, Item, ItemId, Link, Rank, SectionId, Service, format_score};
use vpc_syntax::schema::{self, Owner, ValueKind};
use vpc_syntax::{BlockKind, ItemKind, Span};

use crate::context::{FrameKind, frames, value_site};
use crate::docs;
use crate::file::{Def, File, TokenKind};

/// Markdown about what is at the cursor, and the range it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub range: Span,
    pub markdown: String,
}

/// What to show for the position `offset`.
pub fn hover(file: &File, offset: usize) -> Option<Hover> {
    let offset = file.clamp(offset);
    if file.comment_at(offset).is_some() {
        return None;
    }
    let (i, token) = file.token_at(offset)?;
    let range = token.span();
    let markdown = match token.kind {
        TokenKind::Ident => ident(file, i)?,
        TokenKind::Str => title(file, range)?,
        _ => return None,
    };
    Some(Hover { range, markdown })
}

fn ident(file: &File, i: usize) -> Option<String> {
    let token = file.tokens[i];
    if let Some(o) = file.occurrence_at(token.span().start).filter(|o| o.span == token.span()) {
        return Some(match o.def {
            Some(def) => describe(file, def),
            None => unknown_reference(file, o.canvas, o.reference?),
        });
    }
    let word = file.word(token);
    // The keyword of a block or item.
    if let Some(def) = def_by_keyword(file, token.span()) {
        let concept = docs::keyword(word).unwrap_or_default();
        return Some(format!("{}\n\n---\n\n{concept}", describe(file, def)));
    }
    let stack = frames(file, i);
    let in_item = matches!(stack.last().map(|f| f.kind), Some(FrameKind::Item(_) | FrameKind::Other));
    if file.head_at(i, in_item).is_some() {
        return docs::keyword(word).map(str::to_string);
    }
    let owner = stack.last().and_then(|f| f.owner()).unwrap_or(Owner::Block(BlockKind::Canvas));
    // An attribute key.
    if file.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Colon) {
        return docs::key(owner, word);
    }
    // A word of a value set, or a code in `allow:`.
    let Some(site) = value_site(file, i, token.span().start) else {
        // A keyword being typed at the start of a line, before its name.
        return if token.bol { docs::keyword(word).map(str::to_string) } else { None };
    };
    let key = file.word(file.tokens[site.key]);
    let spec = schema::attribute(owner, key)?;
    match spec.value {
        ValueKind::Codes => {
            let code = Code::parse(word)?;
            Some(format!(
                "**{code}** (default: {})\n\n{}\n\n[Documentation]({})",
                code.default_severity().as_str(),
                code.doc(),
                code.url()
            ))
        }
        ValueKind::Choice(_) | ValueKind::Rank(_) => docs::value(owner, key, word),
        _ => None,
    }
}

/// Hover on a title string: the canvas, section or item it is the title of.
fn title(file: &File, span: Span) -> Option<String> {
    for (c, block) in file.parse.file.canvases.iter().enumerate() {
        if !block.span.touches(span.start) {
            continue;
        }
        if block.title.as_ref().is_some_and(|t| t.span == span) {
            return Some(describe(file, Def::Canvas(c)));
        }
        let canvas = file.canvas(c)?;
        for (s, section) in canvas.sections.iter().enumerate() {
            if file.section_node(c, SectionId(s as u32)).and_then(|b| b.title.as_ref()).is_some_and(|t| t.span == span)
            {
                return Some(describe(file, Def::Section(c, SectionId(s as u32))));
            }
            let _ = section;
        }
        for id in canvas.item_ids() {
            if file.item_node(c, id).and_then(|n| n.title.as_ref()).is_some_and(|t| t.span == span) {
                return Some(describe(file, Def::Item(c, id)));
            }
        }
    }
    None
}

/// The canvas, section or item whose keyword is at `span`.
fn def_by_keyword(file: &File, span: Span) -> Option<Def> {
    for (c, canvas) in file.analysis.canvases.iter().enumerate() {
        if canvas.keyword == span {
            return Some(Def::Canvas(c));
        }
        if !canvas.span.touches(span.start) {
            continue;
        }
        if let Some(s) = canvas.sections.iter().position(|s| s.keyword == span) {
            return Some(Def::Section(c, SectionId(s as u32)));
        }
        if let Some(i) = canvas.items.iter().position(|i| i.keyword == span) {
            return Some(Def::Item(c, ItemId(i as u32)));
        }
    }
    None
}

fn unknown_reference(file: &File, c: usize, r: usize) -> String {
    let Some(canvas) = file.canvas(c) else { return String::new() };
    let Some(reference) = canvas.references.get(r) else { return String::new() };
    let mut out = format!("no {} is called `{}` in this canvas", reference.expects, reference.name.text);
    let candidates = canvas.items_of(reference.expects).filter_map(|(_, i)| i.id.as_ref()).map(|id| id.text.as_str());
    if let Some(near) = vpc_model::lints::nearest(&reference.name.text, candidates) {
        out.push_str(&format!(" — did you mean `{near}`?"));
    }
    out
}

/// Markdown about a canvas, section or item.
pub(crate) fn describe(file: &File, def: Def) -> String {
    let Some(canvas) = file.canvas(def.canvas()) else { return String::new() };
    match def {
        Def::Canvas(_) => describe_canvas(canvas),
        Def::Section(_, s) => describe_section(canvas, s),
        Def::Item(_, i) => describe_item(canvas, i),
    }
}

fn heading(keyword: &str, id: Option<&str>, title: Option<&str>) -> String {
    let mut out = format!("**{keyword}**");
    if let Some(id) = id {
        out.push_str(&format!(" `{id}`"));
    }
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        out.push_str(&format!(" — {title}"));
    }
    out
}

fn describe_canvas(canvas: &Canvas) -> String {
    let mut out = heading("canvas", canvas.id.as_ref().map(|i| i.text.as_str()), Some(&canvas.title));
    out.push_str("\n\n");
    let judgement = canvas.judge();
    let verdict = judgement.verdict;
    match judgement.fit {
        Some(fit) => out.push_str(&format!("fit **{fit}** · **{verdict}**: {}", verdict.meaning())),
        None => out.push_str(&format!("fit **n/a**: {}", verdict.meaning())),
    }
    let mut facts: Vec<String> = Vec::new();
    for (part, kind, verb) in [
        (judgement.jobs, "jobs", "served"),
        (judgement.pains, "pains", "relieved"),
        (judgement.gains, "gains", "created"),
    ] {
        if part.total > 0 {
            facts.push(format!("{kind}: weight {} of {} {verb}", part.covered, part.total));
        }
    }
    if judgement.fit.is_some() {
        if judgement.unaddressed.is_empty() {
            facts.push("must-haves: every one addressed or let go".to_string());
        } else {
            let names: Vec<String> = judgement.unaddressed.iter().map(|&id| with_rank(canvas.item(id))).collect();
            facts.push(format!(
                "**must-haves open**: {} — a fit needs every must-have addressed or let go",
                listed(&names, 5)
            ));
        }
    }
    if !judgement.let_go.is_empty() {
        let names: Vec<String> = judgement.let_go.iter().map(|&id| canvas.item(id).label()).collect();
        facts.push(format!("let go: {}, {}", plural(names.len(), "item"), listed(&names, 5)));
    }
    let moves: Vec<String> = judgement
        .best_moves(canvas)
        .into_iter()
        .take(3)
        .enumerate()
        .filter_map(|(n, (id, fit))| {
            let item = canvas.item(id);
            let fit = fit?;
            let what = format!("{} {}", addressing_verb(item.kind), with_rank(item));
            Some(if n == 0 { format!("{what} would raise the fit to {fit}") } else { format!("{what} to {fit}") })
        })
        .collect();
    if !moves.is_empty() {
        facts.push(format!("what would raise it most: {}", moves.join("; ")));
    }
    let underserved: Vec<String> = canvas
        .items_of(ItemKind::Outcome)
        .filter(|(id, i)| i.underserved().is_some() && canvas.addressed_by(*id).is_empty())
        .map(|(_, i)| {
            let band = i.underserved().map_or("", |b| b.as_str());
            format!("{} (opportunity {}, {band})", i.label(), format_score(i.opportunity().unwrap_or_default()))
        })
        .collect();
    if !underserved.is_empty() {
        facts.push(format!("under-served and unaddressed: {}", underserved.join(", ")));
    }
    if !facts.is_empty() {
        out.push_str("\n\n");
        out.push_str(&facts.iter().map(|f| format!("- {f}")).collect::<Vec<_>>().join("\n"));
    }
    if let Some(description) = &canvas.description {
        out.push_str(&format!("\n\n{description}"));
    }
    out
}

/// How addressing an item of `kind` is said: "serving", "relieving", "creating".
fn addressing_verb(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Job => "serving",
        ItemKind::Pain => "relieving",
        _ => "creating",
    }
}

/// The first `max` names, joined, and how many more there are.
fn listed(names: &[String], max: usize) -> String {
    let shown = names.iter().take(max).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > max { format!("{shown} and {} more", names.len() - max) } else { shown }
}

fn describe_section(canvas: &Canvas, s: SectionId) -> String {
    let Some(section) = canvas.sections.get(s.0 as usize) else { return String::new() };
    let mut out =
        heading(section.kind.keyword(), section.id.as_ref().map(|i| i.text.as_str()), section.title.as_deref());
    let kinds: &[ItemKind] = match section.kind {
        BlockKind::Segment => &[ItemKind::Job, ItemKind::Pain, ItemKind::Gain, ItemKind::Outcome],
        _ => &[ItemKind::Product, ItemKind::Reliever, ItemKind::Creator],
    };
    let counts: Vec<String> = kinds
        .iter()
        .map(|k| plural(canvas.items.iter().filter(|i| i.kind == *k && i.section == Some(s)).count(), k.keyword()))
        .collect();
    out.push_str(&format!("\n\n{}", counts.join(", ")));
    let mut facts = Vec::new();
    if let Some(market) = &section.market {
        facts.push(format!("market: {market}"));
    }
    if let Some(strategy) = &section.strategy {
        facts.push(format!("strategy: {strategy}"));
    }
    if let Some(early) = &section.early_adopters {
        facts.push(format!("early adopters: {early}"));
    }
    if !facts.is_empty() {
        out.push('\n');
    }
    for fact in facts {
        out.push_str(&format!("\n- {fact}"));
    }
    if let Some(description) = &section.description {
        out.push_str(&format!("\n\n{description}"));
    }
    out
}

pub(crate) fn describe_item(canvas: &Canvas, id: ItemId) -> String {
    describe_item_in(canvas, id, canvas.judge().total())
}

/// [`describe_item`] with the weights of the canvas's fit (`Judgement::total`) given,
/// for callers that describe many items of one canvas.
pub(crate) fn describe_item_in(canvas: &Canvas, id: ItemId, fit: Fit) -> String {
    let Some(item) = canvas.items.get(id.0 as usize) else { return String::new() };
    let mut out = heading(item.kind.keyword(), item.id.as_ref().map(|i| i.text.as_str()), Some(&item.title));
    out.push_str("\n\n");
    let mut facts: Vec<String> = Vec::new();
    if let Some((key, _)) = schema::rank(item.kind) {
        facts.push(match item.rank {
            Rank::Level { word, .. } if item.rank.is_top() => {
                format!("{key}: **{word}** (weight {}, a must-have)", item.rank.weight())
            }
            Rank::Level { word, .. } => format!("{key}: **{word}** (weight {})", item.rank.weight()),
            Rank::Missing => format!("{key}: not given (weighs {})", item.rank.weight()),
            Rank::Invalid => format!("{key}: not a word of the scale (weighs {})", item.rank.weight()),
        });
    }
    if let Some(kind) = &item.category {
        facts.push(format!("kind: {kind}"));
    }
    if let Some(role) = &item.role {
        facts.push(format!("role: {role}"));
    }
    if let Some(frequency) = &item.frequency {
        facts.push(format!("frequency: {frequency}"));
    }
    if let Some(context) = &item.context {
        facts.push(format!("context: {context}"));
    }
    if let Some(when) = &item.when {
        facts.push(format!("when: {when} the job"));
    }
    if let Some(aspect) = &item.aspect {
        facts.push(format!("aspect: {aspect}"));
    }
    let names = |ids: Vec<ItemId>| ids.iter().map(|&i| named(canvas.item(i))).collect::<Vec<_>>().join(", ");
    let targets = |link: Link| {
        let mut ids: Vec<ItemId> = canvas.targets(id, link).collect();
        ids.dedup();
        ids
    };
    match item.kind {
        ItemKind::Job => {
            let served = canvas.sources(id, Link::Serves);
            if served.is_empty() {
                facts.push(format!("**not served** by any product{}", open_item(canvas, id, fit)));
            } else {
                facts.push(format!("served by: {}", names(served)));
            }
            for kind in [ItemKind::Pain, ItemKind::Gain, ItemKind::Outcome] {
                let linked: Vec<ItemId> =
                    canvas.sources(id, Link::Job).into_iter().filter(|&i| canvas.item(i).kind == kind).collect();
                if !linked.is_empty() {
                    facts.push(format!("{}s: {}", kind, names(linked)));
                }
            }
        }
        ItemKind::Pain | ItemKind::Gain => {
            let jobs = targets(Link::Job);
            if !jobs.is_empty() {
                facts.push(format!("{}: {}", if jobs.len() == 1 { "job" } else { "jobs" }, names(jobs)));
            }
            let (by, verb, what) = if item.kind == ItemKind::Pain {
                (canvas.relieved_by(id), "relieved", "reliever")
            } else {
                (canvas.created_by(id), "created", "creator")
            };
            if by.is_empty() {
                facts.push(format!("**not {verb}** by any {what}{}", open_item(canvas, id, fit)));
            } else {
                facts.push(format!("{verb} by: {}", names(by)));
            }
        }
        ItemKind::Outcome => {
            let jobs = targets(Link::Job);
            if !jobs.is_empty() {
                facts.push(format!("{}: {}", if jobs.len() == 1 { "job" } else { "jobs" }, names(jobs)));
            }
            let rating = |s: Option<f64>| s.map_or("?".to_string(), format_score);
            facts.push(format!(
                "importance {}, satisfaction {}",
                rating(item.importance_score),
                rating(item.satisfaction_score)
            ));
            let addressed = canvas.addressed_by(id);
            match (item.opportunity(), item.service()) {
                (Some(score), Some(service)) => {
                    let score = format_score(score);
                    facts.push(match service {
                        Service::Underserved(band) => format!(
                            "opportunity **{score}**: **under-served** ({}){}",
                            band.describe(),
                            if addressed.is_empty() { ", and nothing addresses it" } else { "" }
                        ),
                        Service::Overserved => format!(
                            "opportunity **{score}**: **over-served** — satisfaction exceeds importance, \
                             so the offer may over-deliver here (a chance to simplify)"
                        ),
                        Service::Appropriate => format!("opportunity **{score}**: served about as well as it matters"),
                    });
                }
                _ => facts.push("no opportunity score: rate both importance and satisfaction".to_string()),
            }
            if !addressed.is_empty() {
                facts.push(format!("addressed by: {}", names(addressed)));
            }
        }
        ItemKind::Product => {
            let serves = targets(Link::Serves);
            if !serves.is_empty() {
                facts.push(format!("serves: {}", names(serves)));
            }
            let through = canvas.sources(id, Link::Via);
            if !through.is_empty() {
                facts.push(format!("relievers and creators via it: {}", names(through)));
            }
        }
        ItemKind::Reliever | ItemKind::Creator => {
            let (link, verb, nothing) = if item.kind == ItemKind::Reliever {
                (Link::Relieves, "relieves", "relieves no pain")
            } else {
                (Link::Creates, "creates", "creates no gain")
            };
            let covered = targets(link);
            if covered.is_empty() {
                facts.push(format!("**{nothing}**"));
            } else {
                facts.push(format!("{verb}: {}", names(covered)));
            }
            let via = targets(Link::Via);
            if !via.is_empty() {
                facts.push(format!("via: {}", names(via)));
            }
        }
    }
    if matches!(item.kind, ItemKind::Product | ItemKind::Reliever | ItemKind::Creator) {
        let addresses = targets(Link::Addresses);
        if !addresses.is_empty() {
            facts.push(format!("addresses: {}", names(addresses)));
        }
    }
    out.push_str(&facts.iter().map(|f| format!("- {f}")).collect::<Vec<_>>().join("\n"));
    if let Some(note) = &item.note {
        out.push_str(&format!("\n\n{note}"));
    }
    out
}

/// "`esign` (Contracts that are signable online)", or the title in quotes.
pub(crate) fn named(item: &Item) -> String {
    match &item.id {
        Some(id) if !item.title.is_empty() => format!("`{}` ({})", id.text, item.title),
        _ => item.label(),
    }
}

fn with_rank(item: &Item) -> String {
    match item.rank.word() {
        Some(word) => format!("{} ({word})", item.label()),
        None => item.label(),
    }
}

/// What an open job, pain or gain means for the fit: " — relieving it would raise the
/// fit from 78 to 83", or that it is let go (out of the fit).
fn open_item(canvas: &Canvas, id: ItemId, total: Fit) -> String {
    let item = canvas.item(id);
    if canvas.is_let_go(id) {
        let code = vpc_model::open_code(item.kind).map_or("", |c| c.as_str());
        return format!(" — **let go** (`allow: {code}`), so out of the fit");
    }
    let after = Fit { covered: total.covered + item.rank.weight(), total: total.total };
    match (total.fit(), after.fit()) {
        (Some(now), Some(then)) if then > now => {
            format!(" — {} it would raise the fit from {now} to {then}", addressing_verb(item.kind))
        }
        _ => String::new(),
    }
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

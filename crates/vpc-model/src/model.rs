//! The canvas model: what a `.vpc` file means once its text has been read.
//!
//! A [`Canvas`] owns every item of its segment and value map in one arena, in
//! source order; items point at each other by [`ItemId`]. References are kept
//! with their resolution, so the graph can be walked both ways: which relievers
//! relieve this pain, which pains this reliever relieves.

use rustc_hash::FxHashMap;

use vpc_syntax::{BlockKind, ItemKind, Name, SmolStr, Span};

use crate::lints::Code;

/// An item's index in [`Canvas::items`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(pub u32);

/// A section's index in [`Canvas::sections`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(pub u32);

#[derive(Clone, Debug, PartialEq)]
pub struct Canvas {
    pub id: Option<Name>,
    pub title: SmolStr,
    pub keyword: Span,
    pub span: Span,
    pub description: Option<SmolStr>,
    pub note: Option<SmolStr>,
    pub allow: Vec<Code>,
    /// Every `segment` and `value-map`, in source order (duplicates included).
    pub sections: Vec<Section>,
    /// Every item, in source order (features rely on it, e.g. to binary-search by offset).
    pub items: Vec<Item>,
    /// Every reference an item makes, in source order (so sorted by `from`).
    pub references: Vec<Reference>,
    /// Each identifier's first definition.
    pub names: FxHashMap<SmolStr, Definition>,
    /// For each item, the indices in `references` of the references that lead to it.
    pub incoming: Vec<Vec<u32>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub kind: BlockKind,
    pub id: Option<Name>,
    pub title: Option<SmolStr>,
    pub keyword: Span,
    pub span: Span,
    pub description: Option<SmolStr>,
    pub note: Option<SmolStr>,
    /// Segment only.
    pub early_adopters: Option<SmolStr>,
    pub market: Option<SmolStr>,
    pub strategy: Option<SmolStr>,
    pub allow: Vec<Code>,
}

impl Section {
    pub fn name_span(&self) -> Span {
        self.id.as_ref().map_or(self.keyword, |id| id.span)
    }
}

/// How an item is ranked on its scale (importance, severity or relevance).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// No rank given.
    Missing,
    /// A rank was given but is not a word of the scale (reported as `invalid-value`).
    Invalid,
    /// The `index`th word of the scale: weight `5 - index`.
    Level { index: u8, word: &'static str },
}

impl Rank {
    /// The weight in the fit score (spec §7): weights double per step, so that what
    /// matters most dominates — 16 for the first word of the scale, then 8, 4, 2 and 1;
    /// 4 (the middle) when unranked or invalid.
    pub fn weight(self) -> u32 {
        match self {
            Rank::Level { index, .. } => 16 >> u32::from(index.min(4)),
            Rank::Missing | Rank::Invalid => 4,
        }
    }
    pub fn word(self) -> Option<&'static str> {
        match self {
            Rank::Level { word, .. } => Some(word),
            _ => None,
        }
    }
    /// The top of the scale (`crucial`, `extreme`, `essential`): a must-have.
    pub fn is_top(self) -> bool {
        matches!(self, Rank::Level { index: 0, .. })
    }
    /// The lowest two steps (`low`/`trivial`, `light`/`negligible`, `low`/`nice-to-have`):
    /// the items the method lets go, whose open-item lints are only infos.
    pub fn is_minor(self) -> bool {
        matches!(self, Rank::Level { index: 3.., .. })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub id: Option<Name>,
    pub title: SmolStr,
    pub keyword: Span,
    pub span: Span,
    /// The section the item is written in (`None` when directly in the canvas).
    pub section: Option<SectionId>,
    /// Jobs by importance, pains by severity, gains by relevance; `Missing` for the others.
    pub rank: Rank,
    /// Where the rank's value is written (`severity: extreme` → `extreme`).
    pub rank_span: Option<Span>,
    /// The `kind:` attribute (functional, obstacle, required, digital, …).
    pub category: Option<SmolStr>,
    /// Job only: buyer, co-creator or transferrer.
    pub role: Option<SmolStr>,
    /// Where the `role:` value is written.
    pub role_span: Option<Span>,
    pub frequency: Option<SmolStr>,
    /// Job only: where the job is done (constraints, e.g. "while driving").
    pub context: Option<SmolStr>,
    /// Pain and gain only: before, during or after the job.
    pub when: Option<SmolStr>,
    /// Pain and gain only: functional, social, emotional or financial.
    pub aspect: Option<SmolStr>,
    pub note: Option<SmolStr>,
    /// Outcome only: rated importance and satisfaction, 0–10 (a percentage is read as a tenth of it).
    pub importance_score: Option<f64>,
    pub satisfaction_score: Option<f64>,
    pub allow: Vec<Code>,
    /// The reference attributes given with something in them (even if invalid): a
    /// reliever with `relieves: ["x"]` is wrong, but not dangling.
    pub links_given: Vec<Link>,
}

impl Item {
    /// Where a diagnostic about the item goes: its identifier, else its keyword.
    pub fn name_span(&self) -> Span {
        self.id.as_ref().map_or(self.keyword, |id| id.span)
    }

    /// How the item is named in a message: `` `id` ``, or its title in quotes.
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => format!("`{}`", id.text),
            None => format!("\"{}\"", self.title),
        }
    }

    /// An outcome's opportunity score: `importance + max(importance − satisfaction, 0)`.
    pub fn opportunity(&self) -> Option<f64> {
        opportunity(self.importance_score?, self.satisfaction_score?)
    }

    /// How well today's solutions serve an outcome (spec §1), `None` without both ratings.
    pub fn service(&self) -> Option<Service> {
        Some(Service::of(self.importance_score?, self.satisfaction_score?))
    }

    /// The band of an under-served outcome (`None` when it is not under-served or unrated).
    pub fn underserved(&self) -> Option<Band> {
        match self.service()? {
            Service::Underserved(band) => Some(band),
            _ => None,
        }
    }
}

/// `importance + max(importance − satisfaction, 0)`; see [`Service`] for what it means.
pub fn opportunity(importance: f64, satisfaction: f64) -> Option<f64> {
    Some(importance + (importance - satisfaction).max(0.0))
}

/// The score from which an outcome whose importance exceeds its satisfaction is under-served.
pub const UNDERSERVED: f64 = 10.0;

/// How well an outcome is served today (Outcome-Driven Innovation, spec §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// Importance exceeds satisfaction and the opportunity score is 10 or more.
    Underserved(Band),
    /// Satisfaction exceeds importance: the offer may over-deliver here.
    Overserved,
    /// Neither: served about as well as it matters.
    Appropriate,
}

impl Service {
    pub fn of(importance: f64, satisfaction: f64) -> Service {
        let score = importance + (importance - satisfaction).max(0.0);
        if importance > satisfaction && score >= UNDERSERVED {
            Service::Underserved(Band::of(score))
        } else if satisfaction > importance {
            Service::Overserved
        } else {
            Service::Appropriate
        }
    }
}

/// Ulwick's bands of opportunity for under-served outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// 10 or more: worth considering.
    WorthConsidering,
    /// 12 or more: a high opportunity.
    High,
    /// 15 or more: an extreme opportunity.
    Extreme,
}

impl Band {
    fn of(score: f64) -> Band {
        if score >= 15.0 {
            Band::Extreme
        } else if score >= 12.0 {
            Band::High
        } else {
            Band::WorthConsidering
        }
    }
    /// How the band reads in a message: "extreme: 15 or more".
    pub fn describe(self) -> &'static str {
        match self {
            Band::Extreme => "extreme: 15 or more",
            Band::High => "high: 12 or more",
            Band::WorthConsidering => "worth considering: 10 or more",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Extreme => "extreme",
            Band::High => "high",
            Band::WorthConsidering => "worth considering",
        }
    }
}

/// Which attribute a reference is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Link {
    /// `job:` on a pain, gain or outcome.
    Job,
    /// `serves:` on a product.
    Serves,
    /// `relieves:` on a reliever.
    Relieves,
    /// `creates:` on a creator.
    Creates,
    /// `via:` on a reliever or creator.
    Via,
    /// `addresses:` on a product, reliever or creator.
    Addresses,
}

impl Link {
    pub fn from_key(key: &str) -> Option<Link> {
        Some(match key {
            "job" => Link::Job,
            "serves" => Link::Serves,
            "relieves" => Link::Relieves,
            "creates" => Link::Creates,
            "via" => Link::Via,
            "addresses" => Link::Addresses,
            _ => return None,
        })
    }
    pub fn key(self) -> &'static str {
        match self {
            Link::Job => "job",
            Link::Serves => "serves",
            Link::Relieves => "relieves",
            Link::Creates => "creates",
            Link::Via => "via",
            Link::Addresses => "addresses",
        }
    }
}

/// What a name in a canvas stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Definition {
    Item(ItemId),
    Section(SectionId),
}

/// Where a reference leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An item of the kind the attribute takes.
    Item(ItemId),
    /// A definition of another kind (reported as `wrong-reference-kind`).
    WrongKind(Definition),
    /// No definition of that name (reported as `unknown-reference`).
    Unknown,
}

/// One name written in a reference attribute, e.g. `no-time` in `relieves: [no-time]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub from: ItemId,
    pub link: Link,
    /// The kind of item the attribute takes.
    pub expects: ItemKind,
    pub name: Name,
    pub target: Target,
}

impl Canvas {
    pub fn item(&self, id: ItemId) -> &Item {
        &self.items[id.0 as usize]
    }

    pub fn section(&self, id: SectionId) -> &Section {
        &self.sections[id.0 as usize]
    }

    pub fn item_ids(&self) -> impl Iterator<Item = ItemId> + '_ {
        (0..self.items.len() as u32).map(ItemId)
    }

    /// Every item of one kind, with its id.
    pub fn items_of(&self, kind: ItemKind) -> impl Iterator<Item = (ItemId, &Item)> + '_ {
        self.items.iter().enumerate().filter(move |(_, i)| i.kind == kind).map(|(n, i)| (ItemId(n as u32), i))
    }

    /// What an identifier names in this canvas (its first definition).
    pub fn lookup(&self, name: &str) -> Option<Definition> {
        self.names.get(name).copied()
    }

    /// The references one item makes through `link`. References are sorted by the item
    /// that makes them, so this is a binary search, not a scan of the canvas.
    pub fn references_from(&self, from: ItemId, link: Link) -> impl Iterator<Item = &Reference> + '_ {
        let start = self.references.partition_point(|r| r.from < from);
        self.references[start..].iter().take_while(move |r| r.from == from).filter(move |r| r.link == link)
    }

    /// The resolved targets of one item's references through `link` (e.g. the pains a reliever relieves).
    pub fn targets(&self, from: ItemId, link: Link) -> impl Iterator<Item = ItemId> + '_ {
        self.references_from(from, link).filter_map(|r| match r.target {
            Target::Item(t) => Some(t),
            _ => None,
        })
    }

    /// The references that lead to an item.
    pub fn references_to(&self, to: ItemId) -> impl Iterator<Item = &Reference> + '_ {
        self.incoming[to.0 as usize].iter().map(|&n| &self.references[n as usize])
    }

    /// The items whose `link` names `to` (e.g. the relievers that relieve a pain), each once.
    pub fn sources(&self, to: ItemId, link: Link) -> Vec<ItemId> {
        let mut out: Vec<ItemId> = self.references_to(to).filter(|r| r.link == link).map(|r| r.from).collect();
        out.sort();
        out.dedup();
        out
    }

    /// The relievers that relieve this pain.
    pub fn relieved_by(&self, pain: ItemId) -> Vec<ItemId> {
        self.sources(pain, Link::Relieves)
    }

    /// The creators that create this gain.
    pub fn created_by(&self, gain: ItemId) -> Vec<ItemId> {
        self.sources(gain, Link::Creates)
    }

    /// The products, relievers and creators that address this outcome.
    pub fn addressed_by(&self, outcome: ItemId) -> Vec<ItemId> {
        self.sources(outcome, Link::Addresses)
    }

    /// Is the item addressed by the value map (spec §7): a job served by a product, a
    /// pain relieved by a reliever, a gain created by a creator. A reference of the
    /// wrong kind addresses nothing. Other kinds are never addressed in this sense.
    pub fn is_addressed(&self, id: ItemId) -> bool {
        let Some(link) = addressing_link(self.item(id).kind) else { return false };
        self.references_to(id).any(|r| r.link == link)
    }

    /// Is the item let go (spec §7): not addressed, and its *own* `allow:` names the
    /// code that would report it open (`unserved-job`, `unrelieved-pain`,
    /// `uncreated-gain`). An `allow:` on a section or canvas silences, but lets nothing go.
    pub fn is_let_go(&self, id: ItemId) -> bool {
        let item = self.item(id);
        open_code(item.kind).is_some_and(|code| item.allow.contains(&code)) && !self.is_addressed(id)
    }

    /// The fit score (spec §7), `None` when nothing counts.
    pub fn fit(&self) -> Option<u32> {
        self.judge().fit
    }

    /// The weights behind the fit: every job, pain and gain that is not let go.
    pub fn fit_parts(&self) -> Fit {
        self.judge().total()
    }

    /// The method's judgement of the canvas (spec §7): the one function every surface
    /// (check, hover, lens, render, diff) reads, so they all say the same.
    pub fn judge(&self) -> Judgement {
        let mut judgement = Judgement::default();
        for (n, item) in self.items.iter().enumerate() {
            let id = ItemId(n as u32);
            let part = match item.kind {
                ItemKind::Job => &mut judgement.jobs,
                ItemKind::Pain => &mut judgement.pains,
                ItemKind::Gain => &mut judgement.gains,
                _ => continue,
            };
            let addressed = self.is_addressed(id);
            if !addressed && self.is_let_go(id) {
                judgement.let_go.push(id);
                continue;
            }
            let weight = item.rank.weight();
            part.total += weight;
            if addressed {
                part.covered += weight;
            } else {
                judgement.open.push(id);
                if item.rank.is_top() {
                    judgement.unaddressed.push(id);
                }
            }
        }
        let fit = judgement.total().fit();
        judgement.fit = fit;
        judgement.verdict = Verdict::of(fit, judgement.unaddressed.is_empty());
        judgement
    }

    /// How the canvas is named in messages and reports: its id, else its title.
    pub fn label(&self) -> &str {
        self.id.as_ref().map_or(&self.title, |id| &id.text)
    }
}

/// The link that addresses an item of this kind (spec §7).
pub fn addressing_link(kind: ItemKind) -> Option<Link> {
    match kind {
        ItemKind::Job => Some(Link::Serves),
        ItemKind::Pain => Some(Link::Relieves),
        ItemKind::Gain => Some(Link::Creates),
        _ => None,
    }
}

/// The code that reports an open item of this kind; naming it in the item's own
/// `allow:` lets the item go.
pub fn open_code(kind: ItemKind) -> Option<Code> {
    match kind {
        ItemKind::Job => Some(Code::UnservedJob),
        ItemKind::Pain => Some(Code::UnrelievedPain),
        ItemKind::Gain => Some(Code::UncreatedGain),
        _ => None,
    }
}

/// The weights behind a fit score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fit {
    /// Sum of the weights of the addressed items.
    pub covered: u32,
    /// Sum of the weights of the counted items.
    pub total: u32,
}

impl Fit {
    /// `round(100 × covered / total)`, rounding half up; `None` when there is nothing to fit.
    pub fn fit(self) -> Option<u32> {
        (self.total > 0)
            .then(|| ((200 * u64::from(self.covered) + u64::from(self.total)) / (2 * u64::from(self.total))) as u32)
    }

    fn add(self, other: Fit) -> Fit {
        Fit { covered: self.covered + other.covered, total: self.total + other.total }
    }
}

/// What the method says of a canvas (spec §7).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Nothing counts: no jobs, pains or gains (or every one let go).
    #[default]
    NotApplicable,
    /// Fit below 50.
    Weak,
    /// Neither weak nor fit.
    Partial,
    /// Fit 80 or more, and every must-have addressed or let go.
    Fit,
}

/// The fit from which a canvas can be a `fit`.
pub const FIT_THRESHOLD: u32 = 80;
/// The fit below which a canvas is `weak`.
pub const WEAK_THRESHOLD: u32 = 50;

impl Verdict {
    pub fn of(fit: Option<u32>, must_haves_addressed: bool) -> Verdict {
        match fit {
            None => Verdict::NotApplicable,
            Some(f) if f < WEAK_THRESHOLD => Verdict::Weak,
            Some(f) if f >= FIT_THRESHOLD && must_haves_addressed => Verdict::Fit,
            Some(_) => Verdict::Partial,
        }
    }
    /// As written in JSON and in messages: `fit`, `partial`, `weak`, `n/a`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Fit => "fit",
            Verdict::Partial => "partial",
            Verdict::Weak => "weak",
            Verdict::NotApplicable => "n/a",
        }
    }
    /// What the verdict means, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            Verdict::Fit => "the value map addresses what matters most",
            Verdict::Partial => "some of what matters is not addressed yet",
            Verdict::Weak => "most of what matters is not addressed",
            Verdict::NotApplicable => "no jobs, pains or gains to fit",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The method's judgement of one canvas (spec §7), computed by [`Canvas::judge`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Judgement {
    /// The weights of the counted jobs (served / all not let go).
    pub jobs: Fit,
    pub pains: Fit,
    pub gains: Fit,
    /// `round(100 × covered / total)`; `None` when nothing counts.
    pub fit: Option<u32>,
    pub verdict: Verdict,
    /// Must-haves (top-ranked jobs, pains, gains) neither addressed nor let go, in source order.
    pub unaddressed: Vec<ItemId>,
    /// Counted items not addressed (must-haves included), in source order.
    pub open: Vec<ItemId>,
    /// Items let go on purpose, out of the fit, in source order.
    pub let_go: Vec<ItemId>,
}

impl Judgement {
    /// The weights of jobs, pains and gains together.
    pub fn total(&self) -> Fit {
        self.jobs.add(self.pains).add(self.gains)
    }

    /// The open items that would raise the fit most if addressed, heaviest first (source
    /// order among equals), with the fit each would give on its own.
    pub fn best_moves(&self, canvas: &Canvas) -> Vec<(ItemId, Option<u32>)> {
        let total = self.total();
        let mut moves: Vec<(ItemId, u32)> = self.open.iter().map(|&id| (id, canvas.item(id).rank.weight())).collect();
        moves.sort_by_key(|&(id, weight)| (std::cmp::Reverse(weight), id));
        moves
            .into_iter()
            .map(|(id, weight)| (id, Fit { covered: total.covered + weight, total: total.total }.fit()))
            .collect()
    }
}

/// A score as people write it: `13`, `12.5`.
pub fn format_score(score: f64) -> String {
    if score.fract() == 0.0 { format!("{score:.0}") } else { format!("{}", (score * 100.0).round() / 100.0) }
}

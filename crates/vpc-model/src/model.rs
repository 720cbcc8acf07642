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
    /// Every reference an item makes, in source order.
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
    /// The weight in the fit score: 5 (first word) … 1 (last word), 3 when unranked or invalid.
    pub fn weight(self) -> u32 {
        match self {
            Rank::Level { index, .. } => 5 - u32::from(index),
            Rank::Missing | Rank::Invalid => 3,
        }
    }
    pub fn word(self) -> Option<&'static str> {
        match self {
            Rank::Level { word, .. } => Some(word),
            _ => None,
        }
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
    /// The `kind:` attribute (functional, obstacle, required, digital, …).
    pub category: Option<SmolStr>,
    /// Job only: buyer, co-creator or transferrer.
    pub role: Option<SmolStr>,
    pub frequency: Option<SmolStr>,
    pub context: Option<SmolStr>,
    pub note: Option<SmolStr>,
    /// Outcome only: rated importance and satisfaction, 0–10.
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
}

/// `importance + max(importance − satisfaction, 0)`; 10 or more marks an under-served outcome.
pub fn opportunity(importance: f64, satisfaction: f64) -> Option<f64> {
    Some(importance + (importance - satisfaction).max(0.0))
}

/// The score from which an outcome counts as under-served.
pub const UNDERSERVED: f64 = 10.0;

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

    /// The references one item makes through `link`.
    pub fn references_from(&self, from: ItemId, link: Link) -> impl Iterator<Item = &Reference> + '_ {
        self.references.iter().filter(move |r| r.from == from && r.link == link)
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

    /// Is the item covered on the canvas: a pain relieved, a gain created?
    pub fn is_covered(&self, id: ItemId) -> bool {
        match self.item(id).kind {
            ItemKind::Pain => self.references_to(id).any(|r| r.link == Link::Relieves),
            ItemKind::Gain => self.references_to(id).any(|r| r.link == Link::Creates),
            _ => false,
        }
    }

    /// The fit score (spec §7), `None` when the canvas has no pains and no gains.
    pub fn fit(&self) -> Option<u32> {
        self.fit_parts().fit()
    }

    pub fn fit_parts(&self) -> Fit {
        let mut fit = Fit::default();
        for id in self.item_ids() {
            let item = self.item(id);
            if matches!(item.kind, ItemKind::Pain | ItemKind::Gain) {
                fit.total += item.rank.weight();
                if self.is_covered(id) {
                    fit.covered += item.rank.weight();
                }
            }
        }
        fit
    }

    /// How the canvas is named in messages and reports: its id, else its title.
    pub fn label(&self) -> &str {
        self.id.as_ref().map_or(&self.title, |id| &id.text)
    }
}

/// The weights behind a fit score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fit {
    /// Sum of the weights of relieved pains and created gains.
    pub covered: u32,
    /// Sum of the weights of all pains and gains.
    pub total: u32,
}

impl Fit {
    /// `round(100 × covered / total)`, rounding half up; `None` when there is nothing to fit.
    pub fn fit(self) -> Option<u32> {
        (self.total > 0).then(|| (200 * self.covered + self.total) / (2 * self.total))
    }
}

/// A score as people write it: `13`, `12.5`.
pub fn format_score(score: f64) -> String {
    if score.fract() == 0.0 { format!("{score:.0}") } else { format!("{}", (score * 100.0).round() / 100.0) }
}

//! What changed in a value proposition between two versions of a `.vpc` file.
//!
//! [`diff`] compares the canvases of two analysed files item by item and returns a
//! [`Diff`]: per canvas, the items added, removed and changed (reworded,
//! re-identified, re-ranked, re-scored, re-linked), the pains, gains and outcomes
//! whose coverage changed, and the fit before and after. It is a pure function: it
//! reads no files and runs no commands. [`render`] turns a [`Report`] (one or more
//! file diffs) into text for a terminal, Markdown for a pull request, or JSON.
//!
//! # Matching
//!
//! **Canvases** are matched in four passes, each only among the canvases left over
//! by the passes before, and in source order:
//! 1. by identifier;
//! 2. by title, normalised (see below);
//! 3. by near-identical title (see below);
//! 4. when exactly one canvas of each file is left over and each file holds exactly
//!    one canvas, those two (the file's canvas, renamed).
//!
//! **Items** are matched within a pair of canvases, only with items of the same
//! kind (a pain never matches a gain), in three passes:
//! 1. by identifier: an item keeps its identity while its id stays the same, however
//!    much its text changes (a change of title is *reworded*);
//! 2. by normalised title, among the items whose id changed, appeared or
//!    disappeared (a change of id is *re-identified*);
//! 3. by near-identical normalised title, likewise (re-identified and reworded).
//!
//! An item matched by none is *removed* (old file) or *added* (new file). When an
//! identifier is defined twice, the definitions are paired in order.
//!
//! A title is **normalised** by lower-casing it, turning every run of characters
//! that are not letters or digits into one space, and trimming: `"Can't  find
//! a venue!"` and `"can t find a venue"` are the same. Two titles are
//! **near-identical** when the Levenshtein distance of their normalised forms, in
//! characters, is at most a fifth of the longer one (similarity ≥ 0.8): `"Might not
//! have time"` and `"Might not have the time"` are, `"Time"` and `"Tide"` are not.
//! Candidates are paired most similar first, ties in source order (new file first).
//!
//! Two bounds keep the near-identical pass fast on any file (an edit distance costs
//! the product of the two lengths, and every leftover old item is a candidate for
//! every leftover new one): titles are compared on the first
//! [`MAX_COMPARED_CHARS`] (128) characters of their normalised forms, so two titles
//! that differ only after that are near-identical; and when the items of one kind
//! left over in a pair of canvases make more than [`MAX_FUZZY_PAIRS`] (100,000)
//! old × new pairs, that kind skips the pass (its leftovers are added and removed).
//! Canvases are bounded the same way.
//!
//! # What is compared
//!
//! For a pair of items: identifier, title, rank (jobs by importance, pains by
//! severity, gains by relevance), an outcome's importance, satisfaction and
//! opportunity score, the attributes `kind`, `role`, `frequency` and `context`, and
//! the references made through `job`, `serves`, `relieves`, `creates`, `via` and
//! `addresses`. References are compared by what they lead to, so renaming a pain
//! and every reference to it changes nothing but the pain's id; a reference that
//! does not lead to a matched item is compared by the name written. `note` and
//! `allow` are not compared.
//!
//! Coverage: a pain is *relieved* when a reliever names it, a gain *created* when a
//! creator names it; an outcome is *addressed* when something names it in
//! `addresses`, else *under-served* when its opportunity is 10 or more, else
//! *served*, or *unrated* without a score. A coverage change is reported for every
//! matched item whose state changed (for outcomes: except between served and
//! unrated); added items carry their state.
//!
//! For a pair of canvases: their id, title and description, and the first segment's
//! id, title, description, market, strategy and early adopters, and the first value
//! map's id, title and description (a section that appears or disappears is
//! reported as such). Fit is per spec §7.

use serde::Serialize;
use vpc_syntax::ItemKind;

mod compare;
mod matching;
pub mod render;

pub use compare::{diff, diff_canvases, diff_texts};
pub use matching::{MAX_COMPARED_CHARS, MAX_FUZZY_PAIRS, near_identical, normalise_title, similarity};

/// The changes between two versions of one file: one entry per canvas, those of the
/// new file in its order, then the removed ones in the old file's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Diff {
    pub canvases: Vec<CanvasDiff>,
}

impl Diff {
    /// True when no canvas changed (formatting and comments do not count).
    pub fn is_empty(&self) -> bool {
        self.canvases.iter().all(|c| c.status == Status::Unchanged)
    }
}

/// What happened to a canvas or a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Added,
    Removed,
    Modified,
    Unchanged,
}

/// One canvas's changes. For an added canvas every item is in `added`; for a removed
/// one every item is in `removed`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CanvasDiff {
    pub status: Status,
    /// The identifier in the new file (the old one when removed).
    pub id: Option<String>,
    /// The title in the new file (the old one when removed).
    pub title: String,
    pub fit: FitChange,
    /// The method's verdict before and after, and the must-haves that became (or
    /// stopped being) unaddressed.
    pub verdict: VerdictChange,
    /// Changes to the canvas itself and its sections, e.g. a new title or market.
    pub changes: Vec<CanvasChange>,
    /// Items of the new canvas matched by none of the old, in source order.
    pub added: Vec<ItemSummary>,
    /// Items of the old canvas matched by none of the new, in old source order.
    pub removed: Vec<ItemSummary>,
    /// Matched items that changed, in new source order.
    pub changed: Vec<ItemDiff>,
    /// Matched pains, gains and outcomes whose coverage changed, in new source order.
    pub coverage: Vec<CoverageChange>,
}

impl CanvasDiff {
    /// How the canvas is named in reports: its id, else its title.
    pub fn label(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.title)
    }
}

/// The fit score (spec §7) before and after; `None` is "n/a", or no canvas on that side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FitChange {
    pub before: Option<u32>,
    pub after: Option<u32>,
}

/// The verdict (spec §7: `fit`, `partial`, `weak`, `n/a`) before and after; `None` when
/// there is no canvas on that side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct VerdictChange {
    pub before: Option<&'static str>,
    pub after: Option<&'static str>,
    /// Must-haves (top-ranked jobs, pains, gains) unaddressed now and not before, by
    /// label (id, else title in quotes), in new source order.
    pub newly_unaddressed: Vec<String>,
    /// Must-haves unaddressed before and addressed, let go or gone now.
    pub no_longer_unaddressed: Vec<String>,
}

impl VerdictChange {
    pub fn changed(&self) -> bool {
        self.before != self.after || !self.newly_unaddressed.is_empty() || !self.no_longer_unaddressed.is_empty()
    }
}

/// A change to a canvas, its segment or its value map.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum CanvasChange {
    /// An attribute (or the id or title) of the canvas (`on: "canvas"`), of its first
    /// segment (`"segment"`) or of its first value map (`"value-map"`).
    Attribute { on: &'static str, key: &'static str, before: Option<String>, after: Option<String> },
    /// The canvas now has a segment or value map (`section`: `"segment"` or `"value-map"`).
    SectionAdded { section: &'static str, title: Option<String> },
    /// The canvas no longer has a segment or value map.
    SectionRemoved { section: &'static str, title: Option<String> },
}

/// An item as it is on one side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemSummary {
    #[serde(serialize_with = "ser_kind")]
    pub kind: ItemKind,
    pub id: Option<String>,
    pub title: String,
    /// A job's importance, pain's severity or gain's relevance: the word, `"invalid"`
    /// for a value outside the scale, `None` when unranked or not ranked by kind.
    pub rank: Option<String>,
    /// The `kind:` attribute (functional, obstacle, required, digital, …).
    pub category: Option<String>,
    /// Outcomes only.
    pub scores: Option<Scores>,
    /// Pains, gains and outcomes only.
    pub coverage: Option<Coverage>,
    /// The references the item makes, per attribute in a fixed order (job, serves,
    /// relieves, creates, via, addresses), each target named by its id, else its title.
    pub links: Vec<Links>,
}

impl ItemSummary {
    /// The id, or the title in quotes.
    pub fn label(&self) -> String {
        label(self.id.as_deref(), &self.title)
    }
}

/// An outcome's rating.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scores {
    #[serde(serialize_with = "ser_score")]
    pub importance: Option<f64>,
    #[serde(serialize_with = "ser_score")]
    pub satisfaction: Option<f64>,
    #[serde(serialize_with = "ser_score")]
    pub opportunity: Option<f64>,
}

/// The targets of one reference attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Links {
    pub link: &'static str,
    pub targets: Vec<String>,
}

/// Whether a pain is relieved, a gain created, an outcome addressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    Relieved,
    Unrelieved,
    Created,
    Uncreated,
    /// A job no product serves.
    Unserved,
    /// A job, pain or gain not addressed and let go on purpose (its own `allow:`).
    #[serde(rename = "let-go")]
    LetGo,
    /// Something `addresses` the outcome.
    Addressed,
    /// An under-served outcome (importance above satisfaction, opportunity ≥ 10) that
    /// nothing addresses.
    #[serde(rename = "under-served")]
    UnderServed,
    /// Satisfaction above importance, and nothing addresses it.
    #[serde(rename = "over-served")]
    OverServed,
    /// A job a product serves; an outcome served well enough today that nothing addresses.
    Served,
    /// No importance or no satisfaction, and nothing addresses it.
    Unrated,
}

impl Coverage {
    pub fn word(self) -> &'static str {
        match self {
            Coverage::Relieved => "relieved",
            Coverage::Unrelieved => "unrelieved",
            Coverage::Created => "created",
            Coverage::Uncreated => "uncreated",
            Coverage::Unserved => "unserved",
            Coverage::LetGo => "let go",
            Coverage::Addressed => "addressed",
            Coverage::UnderServed => "under-served",
            Coverage::OverServed => "over-served",
            Coverage::Served => "served",
            Coverage::Unrated => "unrated",
        }
    }
    /// Unrelieved, uncreated, unserved or under-served: something a reviewer should look at.
    pub fn is_gap(self) -> bool {
        matches!(self, Coverage::Unrelieved | Coverage::Uncreated | Coverage::Unserved | Coverage::UnderServed)
    }
}

/// A matched item that changed. `id` and `title` are the new ones.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemDiff {
    #[serde(serialize_with = "ser_kind")]
    pub kind: ItemKind,
    pub id: Option<String>,
    pub title: String,
    pub changes: Vec<ItemChange>,
}

impl ItemDiff {
    pub fn label(&self) -> String {
        label(self.id.as_deref(), &self.title)
    }
}

/// One change to a matched item, in this order: id, title, rank, scores,
/// opportunity, attributes, references.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ItemChange {
    /// The identifier changed (matched by title).
    Reidentified { before: Option<String>, after: Option<String> },
    /// The title changed.
    Reworded { before: String, after: String },
    /// The rank changed; `scale` is `importance` (job), `severity` (pain) or
    /// `relevance` (gain); values as in [`ItemSummary::rank`].
    Rank { scale: &'static str, before: Option<String>, after: Option<String>, direction: Option<Direction> },
    /// An outcome's rated `importance` or `satisfaction` changed.
    Score {
        key: &'static str,
        #[serde(serialize_with = "ser_score")]
        before: Option<f64>,
        #[serde(serialize_with = "ser_score")]
        after: Option<f64>,
    },
    /// An outcome's opportunity score changed.
    Opportunity {
        #[serde(serialize_with = "ser_score")]
        before: Option<f64>,
        #[serde(serialize_with = "ser_score")]
        after: Option<f64>,
    },
    /// `kind`, `role`, `frequency` or `context` changed.
    Attribute { key: &'static str, before: Option<String>, after: Option<String> },
    /// Targets added to or removed from one reference attribute (`link`: `job`,
    /// `serves`, `relieves`, `creates`, `via`, `addresses`).
    References { link: &'static str, added: Vec<String>, removed: Vec<String> },
}

/// Whether a rank went up (more important, severe or relevant) or down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

/// A matched pain, gain or outcome whose coverage changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoverageChange {
    #[serde(serialize_with = "ser_kind")]
    pub kind: ItemKind,
    pub id: Option<String>,
    pub title: String,
    pub before: Coverage,
    pub after: Coverage,
    /// What covers it now (relievers, creators, or what addresses an outcome).
    pub by: Vec<String>,
    /// Outcomes: the opportunity score now.
    #[serde(serialize_with = "ser_score")]
    pub opportunity: Option<f64>,
}

impl CoverageChange {
    pub fn label(&self) -> String {
        label(self.id.as_deref(), &self.title)
    }
}

/// The diff of one file, as [`render`] shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileDiff {
    /// The file's path (in the new version; the old one when deleted).
    pub path: String,
    /// The old version's path, when it differs (two files compared, or a rename).
    pub old_path: Option<String>,
    /// `added` (no old version), `removed` (no new version) or `modified`.
    pub status: Status,
    #[serde(flatten)]
    pub diff: Diff,
}

/// Several file diffs and the versions they compare.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// The old revision (e.g. `main`), `None` when two files are compared.
    pub old_revision: Option<String>,
    /// The new revision; `None` with an old revision means the working tree.
    pub new_revision: Option<String>,
    pub files: Vec<FileDiff>,
}

impl Report {
    /// True when no file has a semantic change.
    pub fn is_empty(&self) -> bool {
        self.files.iter().all(|f| f.diff.is_empty())
    }
}

/// `id`, else `"title"`.
pub(crate) fn label(id: Option<&str>, title: &str) -> String {
    match id {
        Some(id) => id.to_string(),
        None => quote(title),
    }
}

/// A title in double quotes, written as in a `.vpc` string.
pub(crate) fn quote(text: &str) -> String {
    format!("\"{}\"", vpc_syntax::lexer::escape(text))
}

fn ser_kind<S: serde::Serializer>(kind: &ItemKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.keyword())
}

/// Scores as people write them: `9`, not `9.0`.
fn ser_score<S: serde::Serializer>(score: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *score {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => s.serialize_i64(x as i64),
        Some(x) => s.serialize_f64(x),
    }
}

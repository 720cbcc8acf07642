//! Which attributes each block and item takes, and what values they hold (spec §4).
//!
//! Plain data, shared by the model (validation), the formatter (canonical
//! attribute order) and the editor features (completion, hover).

use crate::{BlockKind, ItemKind};

/// What carries an attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    Block(BlockKind),
    Item(ItemKind),
}

impl Owner {
    pub fn keyword(self) -> &'static str {
        match self {
            Owner::Block(b) => b.keyword(),
            Owner::Item(i) => i.keyword(),
        }
    }
}

/// The type of an attribute's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A string in quotes.
    Text,
    /// An identifier or a string (`frequency: daily`, `frequency: "twice a week"`).
    Word,
    /// One identifier of a fixed set.
    Choice(&'static [&'static str]),
    /// One identifier of a rank scale, first word weighs 5, last weighs 1.
    Rank(&'static [&'static str]),
    /// A number from 0 to 10, or a percentage from `0%` to `100%` read as a tenth of it.
    Score,
    /// One identifier or a list of identifiers naming items of this kind.
    References(ItemKind),
    /// One diagnostic code or a list of them (`allow:`).
    Codes,
}

#[derive(Clone, Copy, Debug)]
pub struct AttributeSpec {
    pub key: &'static str,
    pub value: ValueKind,
}

pub const IMPORTANCE: &[&str] = &["crucial", "high", "medium", "low", "trivial"];
pub const SEVERITY: &[&str] = &["extreme", "severe", "moderate", "light", "negligible"];
pub const RELEVANCE: &[&str] = &["essential", "high", "medium", "low", "nice-to-have"];
pub const MARKET: &[&str] = &["existing", "resegmented", "new", "clone"];
pub const STRATEGY: &[&str] = &["mass", "niche", "segmented", "diversified", "multi-sided"];
pub const JOB_KIND: &[&str] = &["functional", "social", "emotional", "supporting"];
pub const JOB_ROLE: &[&str] = &["buyer", "co-creator", "transferrer"];
pub const PAIN_KIND: &[&str] = &["outcome", "obstacle", "risk"];
pub const GAIN_KIND: &[&str] = &["required", "expected", "desired", "unexpected"];
pub const WHEN: &[&str] = &["before", "during", "after"];
pub const ASPECT: &[&str] = &["functional", "social", "emotional", "financial"];
pub const PRODUCT_KIND: &[&str] = &["tangible", "digital", "intangible", "financial"];

const fn a(key: &'static str, value: ValueKind) -> AttributeSpec {
    AttributeSpec { key, value }
}

use ValueKind::*;

const COMMON: [AttributeSpec; 2] = [a("note", Text), a("allow", Codes)];

const CANVAS: &[AttributeSpec] = &[a("description", Text), COMMON[0], COMMON[1]];
const SEGMENT: &[AttributeSpec] = &[
    a("description", Text),
    a("early-adopters", Text),
    a("market", Choice(MARKET)),
    a("strategy", Choice(STRATEGY)),
    COMMON[0],
    COMMON[1],
];
const VALUE_MAP: &[AttributeSpec] = &[a("description", Text), COMMON[0], COMMON[1]];
const JOB: &[AttributeSpec] = &[
    a("kind", Choice(JOB_KIND)),
    a("role", Choice(JOB_ROLE)),
    a("importance", Rank(IMPORTANCE)),
    a("frequency", Word),
    a("context", Text),
    COMMON[0],
    COMMON[1],
];
const PAIN: &[AttributeSpec] = &[
    a("kind", Choice(PAIN_KIND)),
    a("severity", Rank(SEVERITY)),
    a("job", References(ItemKind::Job)),
    a("when", Choice(WHEN)),
    a("aspect", Choice(ASPECT)),
    a("frequency", Word),
    COMMON[0],
    COMMON[1],
];
const GAIN: &[AttributeSpec] = &[
    a("kind", Choice(GAIN_KIND)),
    a("relevance", Rank(RELEVANCE)),
    a("job", References(ItemKind::Job)),
    a("when", Choice(WHEN)),
    a("aspect", Choice(ASPECT)),
    a("frequency", Word),
    COMMON[0],
    COMMON[1],
];
const OUTCOME: &[AttributeSpec] =
    &[a("job", References(ItemKind::Job)), a("importance", Score), a("satisfaction", Score), COMMON[0], COMMON[1]];
const PRODUCT: &[AttributeSpec] = &[
    a("kind", Choice(PRODUCT_KIND)),
    a("serves", References(ItemKind::Job)),
    a("addresses", References(ItemKind::Outcome)),
    COMMON[0],
    COMMON[1],
];
const RELIEVER: &[AttributeSpec] = &[
    a("relieves", References(ItemKind::Pain)),
    a("via", References(ItemKind::Product)),
    a("addresses", References(ItemKind::Outcome)),
    COMMON[0],
    COMMON[1],
];
const CREATOR: &[AttributeSpec] = &[
    a("creates", References(ItemKind::Gain)),
    a("via", References(ItemKind::Product)),
    a("addresses", References(ItemKind::Outcome)),
    COMMON[0],
    COMMON[1],
];

/// Every attribute the owner takes, in canonical order.
pub fn attributes(owner: Owner) -> &'static [AttributeSpec] {
    match owner {
        Owner::Block(BlockKind::Canvas) => CANVAS,
        Owner::Block(BlockKind::Segment) => SEGMENT,
        Owner::Block(BlockKind::ValueMap) => VALUE_MAP,
        Owner::Item(ItemKind::Job) => JOB,
        Owner::Item(ItemKind::Pain) => PAIN,
        Owner::Item(ItemKind::Gain) => GAIN,
        Owner::Item(ItemKind::Outcome) => OUTCOME,
        Owner::Item(ItemKind::Product) => PRODUCT,
        Owner::Item(ItemKind::Reliever) => RELIEVER,
        Owner::Item(ItemKind::Creator) => CREATOR,
    }
}

/// The attribute `key` of `owner`, if it takes one.
pub fn attribute(owner: Owner, key: &str) -> Option<&'static AttributeSpec> {
    attributes(owner).iter().find(|a| a.key == key)
}

/// The key that ranks items of this kind, with its scale (weight 5 first).
pub fn rank(kind: ItemKind) -> Option<(&'static str, &'static [&'static str])> {
    match kind {
        ItemKind::Job => Some(("importance", IMPORTANCE)),
        ItemKind::Pain => Some(("severity", SEVERITY)),
        ItemKind::Gain => Some(("relevance", RELEVANCE)),
        _ => None,
    }
}

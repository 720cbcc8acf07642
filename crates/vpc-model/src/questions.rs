//! The method's trigger questions: what to ask the customer (or yourself) to fill
//! in each part of the canvas. Written once, here, for every surface that prompts
//! for a new item: the editor's item snippets and `vpc init`'s starter canvas.
//!
//! The first question of each kind is the one to ask first; it is short enough to
//! stand as a placeholder.

use vpc_syntax::{BlockKind, ItemKind};

/// The questions that help find items of `kind`, the main one first.
pub fn for_kind(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Job => JOB,
        ItemKind::Pain => PAIN,
        ItemKind::Gain => GAIN,
        ItemKind::Outcome => OUTCOME,
        ItemKind::Product => PRODUCT,
        ItemKind::Reliever => RELIEVER,
        ItemKind::Creator => CREATOR,
    }
}

/// The questions that help describe a segment or value map (none for a canvas).
pub fn for_block(kind: BlockKind) -> &'static [&'static str] {
    match kind {
        BlockKind::Canvas => &[],
        BlockKind::Segment => SEGMENT,
        BlockKind::ValueMap => VALUE_MAP,
    }
}

const SEGMENT: &[&str] = &[
    "Who exactly are the customers, and what needs do they share?",
    "Which of them feel the pain most and would try the offer first (the early adopters)?",
    "Is the market existing, resegmented, new or a clone of one elsewhere?",
];

const VALUE_MAP: &[&str] = &[
    "Which products and services make up the offer to this segment?",
    "Which pains does it relieve and which gains does it create?",
];

const JOB: &[&str] = &[
    "What is the customer trying to get done, in their own words?",
    "Is it a functional job (a task to perform, a problem to solve), a social one (how they want to be seen) or an emotional one (how they want to feel)?",
    "Which basic need does it satisfy?",
    "Which supporting jobs come with it, as a buyer, a co-creator or a transferrer?",
    "How often does the job come up?",
    "In which context is it done, and what constraints does that context impose?",
    "How much does it matter to the customer: crucial or trivial?",
];

const PAIN: &[&str] = &[
    "What does the customer find too costly, frustrating or risky, before, during or after the job?",
    "What costs them too much time, money or effort?",
    "What makes them feel bad, and how do today's solutions let them down?",
    "Which difficulties, common mistakes or negative social consequences do they run into?",
    "What could go badly wrong, and what keeps them awake at night?",
    "What stops them from adopting a solution?",
    "How intense is the pain, and how often does it occur?",
];

const GAIN: &[&str] = &[
    "What outcome or benefit does the customer want from the job?",
    "What would make the job, or their life, easier?",
    "Which positive social consequences do they hope for?",
    "What are they looking for, and what do they dream about?",
    "How do they measure success and failure?",
    "What would make them more likely to adopt a solution?",
    "How relevant is the gain: essential or nice to have? How often does it occur?",
];

const OUTCOME: &[&str] = &[
    "Which measurable result of the job does the customer want (\"minimise the time it takes to …\")?",
    "How important is it to them, and how satisfied are they with today's solutions (0 to 10)?",
];

const PRODUCT: &[&str] = &[
    "Which product or service helps the customer get a job done?",
    "Does it help with a functional, social or emotional job, or a basic need?",
    "Does it help the customer as a buyer, a co-creator or a transferrer?",
    "Is it tangible, digital, intangible or financial?",
];

const RELIEVER: &[&str] = &[
    "How does the offer eliminate or reduce this pain?",
    "Does it save time, money or effort?",
    "Does it end a frustration, fix an underperforming solution or make a difficulty go away?",
    "Does it remove a risk, a common mistake or a barrier to adoption?",
];

const CREATOR: &[&str] = &[
    "How does the offer produce this outcome or benefit?",
    "Does it do something the customer is looking for or dreams about?",
    "Does it meet the customer's own measure of success?",
    "Does it make adopting the offer easier?",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_main_question() {
        for kind in ItemKind::ALL {
            let questions = for_kind(kind);
            assert!(!questions.is_empty(), "{kind}");
            assert!(questions.iter().all(|q| q.ends_with('?')), "{kind}: {questions:?}");
        }
        assert!(!for_block(BlockKind::Segment).is_empty());
    }
}

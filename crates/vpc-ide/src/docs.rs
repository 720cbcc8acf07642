//! What the words of the language mean on the canvas: the texts of hover and
//! completion, in Markdown. Written once, here.

use vpc_syntax::ItemKind;
use vpc_syntax::schema::{self, Owner, ValueKind};

/// What a block or item keyword stands for.
pub(crate) fn keyword(word: &str) -> Option<&'static str> {
    Some(match word {
        "canvas" => {
            "**canvas** — a Value Proposition Canvas: one customer segment and the value map offered to it. \
             Fill in one canvas per segment; a multi-sided platform has one canvas per side.\n\n\
             Fit is reached when the value map addresses the jobs, pains and gains that matter most: the fit \
             score is the weight of the served jobs, relieved pains and created gains over the weight of all of \
             them (weights double per rank step, 16 for the top), leaving out the items let go. The verdict is \
             `fit` from 80 with every must-have (top-ranked item) addressed or let go, `weak` below 50, else `partial`."
        }
        "segment" => {
            "**segment** — the customer profile, the right side of the canvas (the circle): who the customers \
             are, and the jobs they try to get done, the pains that annoy them and the gains they want. \
             One canvas describes one segment."
        }
        "value-map" => {
            "**value-map** — the left side of the canvas (the square): the products and services offered to \
             the segment, the pain relievers and the gain creators. It is judged by how well it fits the \
             customer profile."
        }
        "job" => {
            "**job** — what the customer is trying to get done in their work or life: a task to perform, a \
             problem to solve, a need to satisfy. Described from the customer's point of view, even when it \
             seems minor to you.\n\n\
             Jobs are functional, social, emotional or supporting (as a buyer, co-creator or transferrer). \
             Rank them by `importance`: a job matters more when it comes up often or when its outcome is important."
        }
        "pain" => {
            "**pain** — what annoys the customer before, during or after a job, or stops the job altogether: \
             undesired outcomes and problems, obstacles, and risks of the job going badly or not getting done.\n\n\
             Rank pains by `severity`; relieving a severe pain counts more in the fit than a light one."
        }
        "gain" => {
            "**gain** — an outcome or benefit the customer wants: required, expected, desired, or an \
             unexpected pleasant surprise. Think of how the customer measures success.\n\n\
             Rank gains by `relevance`: from essential to nice-to-have. A gain can move from nice-to-have to essential over time."
        }
        "outcome" => {
            "**outcome** — a measurable desired outcome of a job (Outcome-Driven Innovation), e.g. \"minimise \
             the time it takes to …\". Customers rate its `importance` and current `satisfaction` from 0 to 10.\n\n\
             Its opportunity score is `importance + max(importance − satisfaction, 0)`; 10 or more marks an \
             under-served outcome, an opening for the offer."
        }
        "product" => {
            "**product** — a product or service the value proposition is built around: tangible, digital, \
             intangible or financial. It creates value when it helps with the customer's jobs, pains and gains; \
             say which jobs with `serves:`."
        }
        "reliever" => {
            "**reliever** — a pain reliever: how the offer removes or reduces a pain (saves time, money or \
             effort, ends a frustration, removes a risk or a barrier to adoption). Name the pains with `relieves:`. \
             Focus on the pains that matter most, and relieve them extremely well."
        }
        "creator" => {
            "**creator** — a gain creator: how the offer produces the outcomes and benefits the customer \
             expects, desires or would be surprised by. Name the gains with `creates:`."
        }
        _ => return None,
    })
}

/// What an attribute key means on its owner.
pub(crate) fn key(owner: Owner, key: &str) -> Option<String> {
    let spec = schema::attribute(owner, key)?;
    let what = owner.keyword();
    let text: String = match (owner, key) {
        (_, "note") => "A free note, in quotes. It is not part of the canvas's meaning.".into(),
        (_, "allow") => format!(
            "Diagnostic codes to silence for this {what}{}, e.g. `allow: unrelieved-pain` or `allow: [unranked-job, unranked-pain]`. \
             `syntax-error` cannot be silenced.",
            match owner {
                Owner::Block(_) => " and everything inside it",
                Owner::Item(_) => "",
            }
        ),
        (_, "description") => format!("What the {what} is about, in quotes."),
        (_, "early-adopters") => {
            "The customers of the segment who feel the pain most and will try the offer first, in quotes.".into()
        }
        (_, "market") => "The type of market the segment belongs to: `existing`, `resegmented`, `new` or `clone`. \
             It decides market size, sales model, time to profitability and how customers adopt the offer."
            .into(),
        (_, "strategy") => {
            "How the business chooses its segments: `mass`, `niche`, `segmented`, `diversified` or `multi-sided`."
                .into()
        }
        (Owner::Item(ItemKind::Job), "kind") => {
            "The kind of job: `functional` (a task to get done), `social` (how the \
             customer wants to be seen), `emotional` (how they want to feel) or `supporting` (buying, co-creating or \
             passing on the value)."
                .into()
        }
        (_, "role") => {
            "The role the customer plays in a supporting job: `buyer`, `co-creator` or `transferrer`.".into()
        }
        (Owner::Item(ItemKind::Job), "importance") => {
            "How much the job matters to the customer, ranked `crucial` (weight 16, a must-have), \
             `high`, `medium`, `low` or `trivial` (weight 1). Serving an important job counts more in the fit score."
                .into()
        }
        (_, "frequency") => {
            format!("How often the {what} occurs: a word (`daily`, `weekly`, `once`) or text in quotes.")
        }
        (_, "context") => {
            "The situation the job is done in, in quotes (e.g. \"while driving\"): it may impose constraints.".into()
        }
        (_, "when") => format!(
            "When the {what} occurs: `before`, `during` or `after` the job. Pains and gains come up at every \
             stage, not only while the job is done."
        ),
        (_, "aspect") => format!(
            "What kind of {what} it is to the customer: `functional`, `social` (how others see them), \
             `emotional` (how they feel) or `financial` (what it costs or saves)."
        ),
        (Owner::Item(ItemKind::Pain), "kind") => {
            "The kind of pain: `outcome` (an undesired outcome or problem), `obstacle` \
             (something that stops or slows the job) or `risk` (what could go wrong)."
                .into()
        }
        (_, "severity") => {
            "How intense the pain is for the customer, ranked `extreme` (weight 16, a must-have), `severe`, \
             `moderate`, `light` or `negligible` (weight 1). Relieving a severe pain counts more in the fit score."
                .into()
        }
        (_, "job") => format!("The job(s) this {what} belongs to: a job's identifier or a list of them."),
        (Owner::Item(ItemKind::Gain), "kind") => {
            "The kind of gain: `required` (the solution would not work without it), \
             `expected`, `desired` or `unexpected` (beyond what customers could ask for)."
                .into()
        }
        (_, "relevance") => {
            "How much the gain matters to the customer, ranked `essential` (weight 16, a must-have), `high`, \
             `medium`, `low` or `nice-to-have` (weight 1). Creating a relevant gain counts more in the fit score."
                .into()
        }
        (Owner::Item(ItemKind::Outcome), "importance") => {
            "How important the outcome is to customers, rated from 0 to 10, or as the share of respondents \
             who rate it important (`85%` reads as 8.5). \
             With `satisfaction` it gives the opportunity score `importance + max(importance − satisfaction, 0)`."
                .into()
        }
        (_, "satisfaction") => {
            "How well customers are satisfied with today's solutions for this outcome, rated from 0 to 10, \
             or as the share of respondents who are satisfied (`30%` reads as 3). Low satisfaction of an \
             important outcome makes a high opportunity score; satisfaction above importance means it is over-served."
                .into()
        }
        (Owner::Item(ItemKind::Product), "kind") => {
            "The kind of product or service: `tangible`, `digital`, `intangible` or `financial`.".into()
        }
        (_, "serves") => {
            "The jobs this product or service helps the customer get done: a job's identifier or a list of them. \
             A job that no product serves is unserved and lowers the fit score."
                .into()
        }
        (_, "relieves") => {
            "The pains this reliever relieves: a pain's identifier or a list of them. A pain that no reliever \
             names is unrelieved and lowers the fit score."
                .into()
        }
        (_, "creates") => {
            "The gains this creator creates: a gain's identifier or a list of them. A gain that no creator \
             names is uncreated and lowers the fit score."
                .into()
        }
        (_, "via") => format!(
            "The products or services through which this {what} works: a product's identifier or a list of them."
        ),
        (_, "addresses") => format!(
            "The outcomes this {what} addresses: an outcome's identifier or a list of them. An under-served outcome \
             (opportunity 10 or more) that nothing addresses is reported."
        ),
        _ => return None,
    };
    Some(format!("**{key}** ({}) — {text}\n\n{}", owner_name(owner), value_line(spec.value)))
}

fn owner_name(owner: Owner) -> String {
    format!("on {}", with_article(owner.keyword()))
}

/// `a pain`, `an outcome`.
pub(crate) fn with_article(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {word}")
}

/// What a key takes, in one line.
pub(crate) fn value_line(value: ValueKind) -> String {
    match value {
        ValueKind::Text => "Takes text in quotes.".to_string(),
        ValueKind::Word => "Takes a word or text in quotes.".to_string(),
        ValueKind::Choice(set) => format!("One of {}.", words(set)),
        ValueKind::Rank(set) => format!("One of {} (weight 16, 8, 4, 2, 1).", words(set)),
        ValueKind::Score => {
            "Takes a number from 0 to 10, or a percentage from `0%` to `100%` (a tenth of it).".to_string()
        }
        ValueKind::References(kind) => format!("Takes a {kind}'s identifier or a list `[a, b]`."),
        ValueKind::Codes => "Takes a diagnostic code or a list of them.".to_string(),
    }
}

fn words(set: &[&str]) -> String {
    set.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

/// What a word of a value set means, for `key` on `owner`.
pub(crate) fn value(owner: Owner, key: &str, word: &str) -> Option<String> {
    let spec = schema::attribute(owner, key)?;
    if let ValueKind::Rank(scale) = spec.value {
        let index = scale.iter().position(|w| *w == word)?;
        let what = match owner {
            Owner::Item(ItemKind::Job) => "the job's importance",
            Owner::Item(ItemKind::Pain) => "the pain's severity",
            _ => "the gain's relevance",
        };
        return Some(format!(
            "**{word}** — {what}: {} of the scale {} (weight {} of 16 in the fit score{}).",
            ordinal(index),
            words(scale),
            16u32 >> index.min(4),
            match index {
                0 => "; a must-have",
                3.. => "; a minor item, fine to let go",
                _ => "",
            }
        ));
    }
    let text = match (owner, key, word) {
        (Owner::Item(ItemKind::Job), "kind", "functional") => {
            "a functional job: a specific task to perform or problem to solve, such as mowing the lawn, writing a report or getting a ride to work."
        }
        (Owner::Item(ItemKind::Job), "kind", "social") => {
            "a social job: how the customer wants to be seen by others — looking good, gaining status or power."
        }
        (Owner::Item(ItemKind::Job), "kind", "emotional") => {
            "an emotional (personal) job: a feeling the customer wants to reach, such as feeling safe, at ease or having fun."
        }
        (Owner::Item(ItemKind::Job), "kind", "supporting") => {
            "a supporting job: one that comes with buying or using the value — comparing and buying it, helping to shape it, passing it on. Say which with `role:`."
        }
        (_, "role", "buyer") => "the customer as a buyer: comparing offers, deciding, paying, taking delivery.",
        (_, "role", "co-creator") => {
            "the customer as a co-creator: helping to design the solution or otherwise adding value to it."
        }
        (_, "role", "transferrer") => {
            "the customer as a transferrer: disposing of a product, handing it on to others or reselling it."
        }
        (Owner::Item(ItemKind::Pain), "kind", "outcome") => {
            "an undesired outcome or problem: something that works badly, costs too much or feels bad (functional, social, emotional or ancillary), or a trait the customer dislikes."
        }
        (Owner::Item(ItemKind::Pain), "kind", "obstacle") => {
            "an obstacle: something that keeps the customer from starting a job or slows them down while doing it."
        }
        (Owner::Item(ItemKind::Pain), "kind", "risk") => {
            "a risk: something that could go wrong, with important negative consequences (financial, social, technical)."
        }
        (Owner::Item(ItemKind::Gain), "kind", "required") => {
            "a required gain: without it a solution would not work at all (a phone must be able to make calls)."
        }
        (Owner::Item(ItemKind::Gain), "kind", "expected") => {
            "an expected gain: a basic benefit customers take for granted, even though the solution could work without it."
        }
        (Owner::Item(ItemKind::Gain), "kind", "desired") => {
            "a desired gain: beyond what customers expect, but they would love to have it and would say so if asked."
        }
        (Owner::Item(ItemKind::Gain), "kind", "unexpected") => {
            "an unexpected gain: beyond what customers expect or desire — they could not have asked for it (a latent need)."
        }
        (Owner::Item(ItemKind::Product), "kind", "tangible") => {
            "a tangible product or service: manufactured goods, face-to-face service."
        }
        (Owner::Item(ItemKind::Product), "kind", "digital") => {
            "a digital or virtual product: an app, downloads, online recommendations."
        }
        (Owner::Item(ItemKind::Product), "kind", "intangible") => {
            "an intangible product: copyrights, quality assurance, a guarantee."
        }
        (Owner::Item(ItemKind::Product), "kind", "financial") => {
            "a financial product: investment funds, financing, insurance."
        }
        (_, "when", "before") => "before the job: while the customer prepares for it or chooses how to do it.",
        (_, "when", "during") => "during the job: while the customer is getting it done.",
        (_, "when", "after") => "after the job: once it is done — its results, follow-ups and consequences.",
        (_, "aspect", "functional") => "functional: about getting the job done — it works, or it does not.",
        (_, "aspect", "social") => "social: about how others see the customer — face, status, trust.",
        (_, "aspect", "emotional") => "emotional: about how the customer feels — frustration, worry, delight.",
        (_, "aspect", "financial") => "financial: about money — what it costs, risks or saves the customer.",
        (_, "market", "existing") => {
            "an existing market: the customers, the competitors and what they value are known; the offer competes on performance."
        }
        (_, "market", "resegmented") => {
            "a resegmented market: an existing market split anew, either as the low-cost entrant or as a niche whose needs the incumbents serve badly."
        }
        (_, "market", "new") => {
            "a new market: customers who were not served before, or could not be; the market has to be created and explained."
        }
        (_, "market", "clone") => {
            "a clone market: a business model proven elsewhere, brought to a country or region where no one offers it yet."
        }
        (_, "strategy", "mass") => {
            "a mass market: no distinction between segments; one large group with broadly similar needs."
        }
        (_, "strategy", "niche") => {
            "a niche market: an offer tailored to the specific needs of one tightly defined segment."
        }
        (_, "strategy", "segmented") => "segmented: several segments with slightly different needs and problems.",
        (_, "strategy", "diversified") => "diversified: unrelated segments with very different needs and problems.",
        (_, "strategy", "multi-sided") => {
            "a multi-sided platform: two or more interdependent segments, where what one side does creates value for the other. Give each side its own canvas."
        }
        _ => return None,
    };
    Some(format!("**{word}** — {text}"))
}

fn ordinal(index: usize) -> &'static str {
    ["the highest", "the second", "the middle", "the fourth", "the lowest"].get(index).copied().unwrap_or("a word")
}

/// A one-line summary of a keyword, for completion details.
pub(crate) fn keyword_summary(word: &str) -> Option<&'static str> {
    Some(match word {
        "canvas" => "a customer segment and the value map offered to it",
        "segment" => "the customer profile: jobs, pains, gains",
        "value-map" => "the offer: products, relievers, creators",
        "job" => "what the customer is trying to get done",
        "pain" => "what annoys the customer or stops the job",
        "gain" => "an outcome or benefit the customer wants",
        "outcome" => "a measurable desired outcome, rated 0–10",
        "product" => "a product or service of the offer",
        "reliever" => "how the offer relieves pains",
        "creator" => "how the offer creates gains",
        _ => return None,
    })
}

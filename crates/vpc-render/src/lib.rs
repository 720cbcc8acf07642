//! Pictures and tables of `.vpc` canvases (spec §8, `vpc render`).
//!
//! Three pure functions from the model to text:
//!
//! - [`svg`]: the Strategyzer picture: the value map as a square on the left (products
//!   & services, gain creators, pain relievers), the customer profile as a circle on
//!   the right (customer jobs, gains, pains), with the title and the fit score;
//! - [`html`]: a standalone page with that picture inline and the prioritised tables;
//! - [`markdown`]: the prioritised tables, as GitHub-flavoured Markdown.
//!
//! Every render reads the fit from [`Canvas::judge`] (through [`Judged`]), so the
//! picture, the page and the tables say what `vpc check`, the editor and `vpc diff`
//! say: the fit in the verdict's colour (fit green, partial amber, weak red, n/a
//! grey) with the verdict's word, the weights behind it per kind, the unaddressed
//! must-haves by name, open jobs, pains and gains marked as gaps, and let-go items
//! muted and labelled "let go", never as gaps. Each render also gives the context the
//! canvas records: the segment's description, early adopters, market type and
//! strategy, a job's context and frequency, when a pain or gain happens and what it
//! touches, and the notes.
//!
//! Several canvases are rendered one after the other (stacked). Output is
//! deterministic: the same canvases always give the same bytes.
//!
//! Priority: jobs, pains and gains are listed by their rank (importance, severity,
//! relevance), most important first, then in source order; unranked items (and items
//! with an invalid rank) come after the ranked ones. Outcomes are listed by opportunity
//! score, highest first, unrated ones last. Products, relievers and creators keep their
//! source order.

use vpc_model::{Canvas, FIT_THRESHOLD, Fit, Item, ItemId, Judgement, Rank, Verdict, WEAK_THRESHOLD};
use vpc_syntax::ItemKind;

mod html;
mod markdown;
mod svg;
mod tables;
mod text;

pub use html::html;
pub use markdown::markdown;
pub use svg::svg;
pub use text::{MEASURED_BYTES, escape_xml, text_width, wrap};

/// The items of one kind in priority order (see the crate documentation).
pub fn prioritised(canvas: &Canvas, kind: ItemKind) -> Vec<ItemId> {
    let mut items: Vec<(ItemId, &Item)> = canvas.items_of(kind).collect();
    match kind {
        ItemKind::Job | ItemKind::Pain | ItemKind::Gain => {
            // A stable sort keeps source order among equals.
            items.sort_by_key(|(_, item)| rank_order(item.rank));
        }
        ItemKind::Outcome => {
            items.sort_by(|(_, a), (_, b)| match (a.opportunity(), b.opportunity()) {
                (Some(a), Some(b)) => b.total_cmp(&a),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
        }
        ItemKind::Product | ItemKind::Reliever | ItemKind::Creator => {}
    }
    items.into_iter().map(|(id, _)| id).collect()
}

/// 0 for the first word of a scale … 4 for the last; 5 for unranked or invalid ranks.
fn rank_order(rank: Rank) -> u8 {
    match rank {
        Rank::Level { index, .. } => index,
        Rank::Missing | Rank::Invalid => 5,
    }
}

/// Where a job, pain or gain stands in the method's judgement (spec §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Served by a product, relieved by a reliever or created by a creator.
    Addressed,
    /// Counted in the fit but not addressed: a gap.
    Open,
    /// A must-have (top rank: crucial, extreme, essential) left unaddressed: the gap
    /// that matters most.
    MustHave,
    /// Not addressed, and let go on purpose by the item's own `allow:`: out of the fit.
    LetGo,
}

/// A canvas with its judgement (read once from [`Canvas::judge`]) and where each of
/// its jobs, pains and gains stands in it. Every render reads the fit from here.
pub struct Judged<'a> {
    pub canvas: &'a Canvas,
    pub judgement: Judgement,
    standing: Vec<Option<Standing>>,
}

impl<'a> Judged<'a> {
    pub fn new(canvas: &'a Canvas) -> Judged<'a> {
        let judgement = canvas.judge();
        let mut standing: Vec<Option<Standing>> = canvas
            .items
            .iter()
            .map(|item| {
                matches!(item.kind, ItemKind::Job | ItemKind::Pain | ItemKind::Gain).then_some(Standing::Addressed)
            })
            .collect();
        for (ids, value) in [
            (&judgement.open, Standing::Open),
            (&judgement.unaddressed, Standing::MustHave),
            (&judgement.let_go, Standing::LetGo),
        ] {
            for id in ids {
                standing[id.0 as usize] = Some(value);
            }
        }
        Judged { canvas, judgement, standing }
    }

    /// Where a job, pain or gain stands; `None` for outcomes and the value map.
    pub fn standing(&self, id: ItemId) -> Option<Standing> {
        self.standing.get(id.0 as usize).copied().flatten()
    }

    /// `78%`, or `n/a` when nothing counts.
    pub fn fit_text(&self) -> String {
        self.judgement.fit.map_or_else(|| "n/a".to_string(), |fit| format!("{fit}%"))
    }

    /// The judgement's share of one kind: weights addressed and counted, items
    /// addressed, counted and let go.
    pub(crate) fn part(&self, kind: ItemKind) -> Part {
        let weights = match kind {
            ItemKind::Job => self.judgement.jobs,
            ItemKind::Pain => self.judgement.pains,
            _ => self.judgement.gains,
        };
        let mut part = Part { weights, ..Part::default() };
        for (id, _) in self.canvas.items_of(kind) {
            match self.standing(id) {
                Some(Standing::Addressed) => {
                    part.addressed += 1;
                    part.counted += 1;
                }
                Some(Standing::Open | Standing::MustHave) => part.counted += 1,
                Some(Standing::LetGo) => part.let_go += 1,
                None => {}
            }
        }
        part
    }
}

/// One kind's share of the fit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Part {
    pub weights: Fit,
    pub addressed: usize,
    pub counted: usize,
    pub let_go: usize,
}

/// The colour of a verdict: fit green, partial amber, weak red, n/a grey (spec §7).
pub(crate) fn verdict_colour(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Fit => "#15803d",
        Verdict::Partial => "#b45309",
        Verdict::Weak => "#b91c1c",
        Verdict::NotApplicable => "#6b7280",
    }
}

/// How the verdict is named in class attributes: `verdict-fit`, `verdict-na`.
pub(crate) fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Fit => "verdict-fit",
        Verdict::Partial => "verdict-partial",
        Verdict::Weak => "verdict-weak",
        Verdict::NotApplicable => "verdict-na",
    }
}

/// The key to the fit, in one sentence: the weights and the thresholds of the verdict.
pub(crate) fn fit_key() -> String {
    format!(
        "Weights double per rank step: 16, 8, 4, 2, 1 (unranked 4); let-go items leave the fit. Verdict: fit \
         ≥ {FIT_THRESHOLD}% with every must-have (top-ranked item) addressed or let go; weak < {WEAK_THRESHOLD}%; \
         partial in between."
    )
}

/// Is this an under-served outcome (spec §1) that nothing addresses?
pub(crate) fn is_unaddressed_outcome(canvas: &Canvas, id: ItemId) -> bool {
    let item = canvas.item(id);
    item.kind == ItemKind::Outcome && item.underserved().is_some() && canvas.addressed_by(id).is_empty()
}

/// How an item is named where it is referred to: its identifier, else its title.
pub(crate) fn item_name(item: &Item) -> String {
    item.id.as_ref().map_or_else(|| item.title.to_string(), |id| id.text.to_string())
}

/// The title of the canvas's first segment and first value map, where they have one.
pub(crate) fn section_titles(canvas: &Canvas) -> (Option<&str>, Option<&str>) {
    use vpc_syntax::BlockKind;
    let title = |kind| {
        canvas
            .sections
            .iter()
            .find(|s| s.kind == kind)
            .and_then(|s| s.title.as_deref().or(s.id.as_ref().map(|id| id.text.as_str())))
    };
    (title(BlockKind::Segment), title(BlockKind::ValueMap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use vpc_model::LintConfig;

    fn canvas(text: &str) -> Canvas {
        let (_, analysis) = vpc_model::check(text, &LintConfig::default());
        analysis.canvases.into_iter().next().unwrap()
    }

    fn names(c: &Canvas, ids: Vec<ItemId>) -> Vec<String> {
        ids.into_iter().map(|id| item_name(c.item(id))).collect()
    }

    #[test]
    fn ranked_items_come_first_by_rank_then_source_order() {
        let c = canvas(
            r#"canvas c "C" { segment s "S" {
                job a "A" { importance: low }
                job b "B"
                job c "C" { importance: crucial }
                job d "D" { importance: low }
                job e "E" { importance: "high" }
                job f "F" { importance: crucial }
            } }"#,
        );
        assert_eq!(names(&c, prioritised(&c, ItemKind::Job)), ["c", "f", "a", "d", "b", "e"]);
    }

    #[test]
    fn outcomes_by_opportunity_unrated_last() {
        let c = canvas(
            r#"canvas c "C" { segment s "S" {
                outcome a "A" { importance: 5, satisfaction: 5 }
                outcome b "B" { importance: 9 }
                outcome c "C" { importance: 9, satisfaction: 2 }
                outcome d "D" { importance: 6, satisfaction: 6 }
            } }"#,
        );
        assert_eq!(names(&c, prioritised(&c, ItemKind::Outcome)), ["c", "d", "a", "b"]);
    }

    #[test]
    fn value_map_items_keep_source_order() {
        let c =
            canvas(r#"canvas c "C" { value-map { reliever z "Z" reliever a "A" { relieves: [] } reliever m "M" } }"#);
        assert_eq!(names(&c, prioritised(&c, ItemKind::Reliever)), ["z", "a", "m"]);
    }

    #[test]
    fn standing_and_parts_follow_the_judgement() {
        let c = canvas(
            r#"canvas c "C" {
                segment s "S" {
                    job j "J" { importance: crucial }
                    pain p "P" { severity: extreme }
                    pain q "Q"
                    pain r "R" { severity: light, allow: unrelieved-pain }
                    gain g "G" { relevance: low }
                    outcome o "O" { importance: 9, satisfaction: 1 }
                    outcome full "Full marks" { importance: 10, satisfaction: 10 }
                }
                value-map { reliever r1 "R1" { relieves: p } }
            }"#,
        );
        let id = |n: &str| match c.lookup(n) {
            Some(vpc_model::Definition::Item(id)) => id,
            _ => panic!(),
        };
        let judged = Judged::new(&c);
        assert_eq!(judged.standing(id("p")), Some(Standing::Addressed));
        assert_eq!(judged.standing(id("q")), Some(Standing::Open));
        assert_eq!(judged.standing(id("g")), Some(Standing::Open));
        assert_eq!(judged.standing(id("j")), Some(Standing::MustHave));
        assert_eq!(judged.standing(id("r")), Some(Standing::LetGo));
        assert_eq!(judged.standing(id("r1")), None);
        assert_eq!(judged.standing(id("o")), None);
        assert!(is_unaddressed_outcome(&c, id("o")));
        // Rated 10 out of 10 and fully satisfied: not under-served.
        assert!(!is_unaddressed_outcome(&c, id("full")));
        let pains = judged.part(ItemKind::Pain);
        assert_eq!(pains, Part { weights: Fit { covered: 16, total: 20 }, addressed: 1, counted: 2, let_go: 1 });
        // 16 of 16 + 20 + 2 = 38.
        assert_eq!(judged.fit_text(), "42%");
        assert_eq!(judged.judgement.verdict, Verdict::Weak);
    }
}

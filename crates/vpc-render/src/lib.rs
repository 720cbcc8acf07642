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
//! Several canvases are rendered one after the other (stacked). Output is
//! deterministic: the same canvases always give the same bytes.
//!
//! Priority: jobs, pains and gains are listed by their rank (importance, severity,
//! relevance), most important first, then in source order; unranked items (and items
//! with an invalid rank) come after the ranked ones. Outcomes are listed by opportunity
//! score, highest first, unrated ones last. Products, relievers and creators keep their
//! source order.

use vpc_model::{Canvas, Item, ItemId, Rank};
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

/// Is this item a gap in the fit: a pain no reliever relieves, a gain no creator creates?
pub fn is_gap(canvas: &Canvas, id: ItemId) -> bool {
    matches!(canvas.item(id).kind, ItemKind::Pain | ItemKind::Gain) && !canvas.is_covered(id)
}

/// Is this outcome under-served (opportunity ≥ 10) with nothing addressing it?
pub fn is_unaddressed(canvas: &Canvas, id: ItemId) -> bool {
    let item = canvas.item(id);
    item.kind == ItemKind::Outcome
        && item.opportunity().is_some_and(|o| o >= vpc_model::UNDERSERVED)
        && canvas.addressed_by(id).is_empty()
}

/// The fit split by pains and gains: `(covered, total)` weights for each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FitBreakdown {
    pub pains: (u32, u32),
    pub gains: (u32, u32),
}

impl FitBreakdown {
    pub fn of(canvas: &Canvas) -> FitBreakdown {
        let mut fit = FitBreakdown::default();
        for (kind, slot) in [(ItemKind::Pain, &mut fit.pains), (ItemKind::Gain, &mut fit.gains)] {
            for (id, item) in canvas.items_of(kind) {
                let weight = item.rank.weight();
                slot.1 += weight;
                if canvas.is_covered(id) {
                    slot.0 += weight;
                }
            }
        }
        fit
    }
}

/// `82%`, or `n/a` when the canvas has no pains and no gains.
pub fn fit_text(canvas: &Canvas) -> String {
    canvas.fit().map_or_else(|| "n/a".to_string(), |fit| format!("{fit}%"))
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
    fn gaps_and_fit_breakdown() {
        let c = canvas(
            r#"canvas c "C" {
                segment s "S" {
                    pain p "P" { severity: extreme }
                    pain q "Q"
                    gain g "G" { relevance: low }
                    outcome o "O" { importance: 9, satisfaction: 1 }
                }
                value-map { reliever r "R" { relieves: p } }
            }"#,
        );
        let id = |n: &str| match c.lookup(n) {
            Some(vpc_model::Definition::Item(id)) => id,
            _ => panic!(),
        };
        assert!(!is_gap(&c, id("p")));
        assert!(is_gap(&c, id("q")));
        assert!(is_gap(&c, id("g")));
        assert!(!is_gap(&c, id("r")));
        assert!(is_unaddressed(&c, id("o")));
        assert_eq!(FitBreakdown::of(&c), FitBreakdown { pains: (5, 8), gains: (0, 2) });
        assert_eq!(fit_text(&c), "50%");
    }
}

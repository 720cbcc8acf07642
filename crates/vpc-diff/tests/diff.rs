//! The semantic diff, one kind of change at a time.

use vpc_diff::{
    CanvasChange, CanvasDiff, Coverage, CoverageChange, Diff, Direction, ItemChange, ItemDiff, Status, diff_texts,
};
use vpc_syntax::ItemKind;

/// A one-canvas file with these segment and value-map lines.
fn canvas(segment: &str, value_map: &str) -> String {
    format!("canvas c \"C\" {{\n  segment s \"S\" {{\n{segment}\n  }}\n  value-map v \"V\" {{\n{value_map}\n  }}\n}}\n")
}

/// A one-file report of a diff, to render.
fn report(diff: &Diff) -> vpc_diff::Report {
    vpc_diff::Report {
        old_revision: None,
        new_revision: None,
        files: vec![vpc_diff::FileDiff {
            path: "x.vpc".into(),
            old_path: None,
            status: Status::Modified,
            diff: diff.clone(),
        }],
    }
}

fn only(diff: &Diff) -> &CanvasDiff {
    assert_eq!(diff.canvases.len(), 1, "{diff:#?}");
    &diff.canvases[0]
}

fn changed<'a>(canvas: &'a CanvasDiff, label: &str) -> &'a ItemDiff {
    canvas.changed.iter().find(|i| i.label() == label).unwrap_or_else(|| panic!("{label} unchanged: {canvas:#?}"))
}

fn ids(items: &[vpc_diff::ItemSummary]) -> Vec<String> {
    items.iter().map(|i| i.label()).collect()
}

fn coverage<'a>(canvas: &'a CanvasDiff, label: &str) -> &'a CoverageChange {
    canvas.coverage.iter().find(|c| c.label() == label).unwrap_or_else(|| panic!("no coverage change of {label}"))
}

#[test]
fn identical_files_and_mere_reformatting_are_no_change() {
    let text = canvas(r#"    pain p "Pain" { severity: severe }"#, r#"    reliever r "Relief" { relieves: p }"#);
    let diff = diff_texts(&text, &text);
    assert!(diff.is_empty());
    assert_eq!(only(&diff).status, Status::Unchanged);
    assert_eq!(only(&diff).fit.before, Some(100));
    assert_eq!(only(&diff).fit.after, Some(100));

    let reformatted = "// a comment\ncanvas c \"C\" { segment s \"S\" { pain p \"Pain\" {\n severity: severe,\n } }\n value-map v \"V\" { reliever r \"Relief\" { relieves: [p] } } }";
    assert!(diff_texts(&text, reformatted).is_empty());
}

#[test]
fn added_items_carry_rank_and_coverage() {
    let old = canvas(r#"    job j "Job" { importance: high }"#, "");
    let new = canvas(
        r#"    job j "Job" { importance: high }
    pain invites "Trouble sending invites" { severity: moderate }
    gain g "Gain" { relevance: essential }
    outcome o "Outcome" { importance: 9, satisfaction: 3 }"#,
        r#"    creator c1 "Creator" { creates: g }"#,
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(c.status, Status::Modified);
    assert_eq!(ids(&c.added), ["invites", "g", "o", "c1"]);
    let invites = &c.added[0];
    assert_eq!(invites.kind, ItemKind::Pain);
    assert_eq!(invites.title, "Trouble sending invites");
    assert_eq!(invites.rank.as_deref(), Some("moderate"));
    assert_eq!(invites.coverage, Some(Coverage::Unrelieved));
    assert_eq!(c.added[1].coverage, Some(Coverage::Created));
    let o = &c.added[2];
    assert_eq!(o.coverage, Some(Coverage::UnderServed));
    let scores = o.scores.unwrap();
    assert_eq!((scores.importance, scores.satisfaction, scores.opportunity), (Some(9.0), Some(3.0), Some(15.0)));
    assert_eq!(c.added[3].links[0].link, "creates");
    assert_eq!(c.added[3].links[0].targets, ["g"]);
    assert!(c.removed.is_empty() && c.changed.is_empty());
    // Coverage changes are for items on both sides; added ones carry theirs.
    assert!(c.coverage.is_empty());
}

#[test]
fn removed_items_in_old_source_order() {
    let old = canvas(
        r#"    job a "A" { importance: high }
    pain b "B" { severity: light }
    job c "C" { importance: low }"#,
        "",
    );
    let new = canvas(r#"    pain b "B" { severity: light }"#, "");
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(ids(&c.removed), ["a", "c"]);
    assert_eq!(c.removed[1].rank.as_deref(), Some("low"));
    assert!(c.added.is_empty());
}

#[test]
fn reworded_when_the_id_stays() {
    let old = canvas(r#"    pain p "Might not finish the preparation" { severity: extreme }"#, "");
    let new = canvas(r#"    pain p "Something else entirely" { severity: extreme }"#, "");
    let diff = diff_texts(&old, &new);
    let item = changed(only(&diff), "p");
    assert_eq!(
        item.changes,
        [ItemChange::Reworded {
            before: "Might not finish the preparation".into(),
            after: "Something else entirely".into()
        }]
    );
    assert_eq!(item.title, "Something else entirely");
}

#[test]
fn reidentified_by_identical_title() {
    let old = canvas(
        r#"    job budget "Not incur too much expense" { importance: high }
    pain p "P" { job: budget }"#,
        "",
    );
    let new = canvas(
        r#"    job money "Not incur too much expense" { importance: high }
    pain p "P" { job: money }"#,
        "",
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert!(c.added.is_empty() && c.removed.is_empty(), "{c:#?}");
    // The pain's reference followed the rename: the pain did not change.
    assert_eq!(c.changed.len(), 1);
    assert_eq!(
        changed(c, "money").changes,
        [ItemChange::Reidentified { before: Some("budget".into()), after: Some("money".into()) }]
    );
}

#[test]
fn reidentified_by_normalised_title_is_also_reworded() {
    let old = canvas(r#"    pain a "Can't find a venue" { severity: light }"#, "");
    let new = canvas(r#"    pain b "can t find a VENUE!" { severity: light }"#, "");
    let diff = diff_texts(&old, &new);
    let changes = &changed(only(&diff), "b").changes;
    assert!(
        matches!(&changes[0], ItemChange::Reidentified { before: Some(a), after: Some(b) } if a == "a" && b == "b")
    );
    assert!(matches!(&changes[1], ItemChange::Reworded { .. }));
}

#[test]
fn reidentified_by_near_identical_title() {
    let old = canvas(r#"    pain no-time "Might not have time" { severity: severe }"#, "");
    let new = canvas(r#"    pain short "Might not have the time" { severity: severe }"#, "");
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert!(c.added.is_empty() && c.removed.is_empty());
    assert_eq!(changed(c, "short").changes.len(), 2);
}

#[test]
fn new_id_and_new_title_is_a_different_item() {
    let old = canvas(r#"    pain a "Time" { severity: severe }"#, "");
    let new = canvas(r#"    pain b "Tide" { severity: severe }"#, "");
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(ids(&c.removed), ["a"]);
    assert_eq!(ids(&c.added), ["b"]);
}

#[test]
fn items_match_only_their_own_kind() {
    // `x` was a pain and is now a gain: one removed, one added, even with the same id and title.
    let old = canvas(r#"    pain x "Cost" { severity: light }"#, "");
    let new = canvas(r#"    gain x "Cost" { relevance: low }"#, "");
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(c.removed[0].kind, ItemKind::Pain);
    assert_eq!(c.added[0].kind, ItemKind::Gain);
}

#[test]
fn items_without_ids_match_by_title_and_ids_can_appear() {
    let old = canvas(
        r#"    pain "Queues at the counter" { severity: light }
    pain "Lost luggage" { severity: severe }"#,
        "",
    );
    let new = canvas(
        r#"    pain queues "Queues at the counter" { severity: moderate }
    pain "Lost luggage" { severity: severe }"#,
        "",
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert!(c.added.is_empty() && c.removed.is_empty());
    assert_eq!(c.changed.len(), 1);
    let changes = &changed(c, "queues").changes;
    assert_eq!(changes[0], ItemChange::Reidentified { before: None, after: Some("queues".into()) });
    assert!(matches!(&changes[1], ItemChange::Rank { scale: "severity", .. }));
}

#[test]
fn duplicate_ids_pair_in_order() {
    let old = canvas(
        r#"    job a "First" { importance: high }
    job a "Second" { importance: low }"#,
        "",
    );
    let new = canvas(
        r#"    job a "First" { importance: high }
    job a "Second" { importance: medium }"#,
        "",
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(c.changed.len(), 1);
    assert_eq!(c.changed[0].title, "Second");
}

#[test]
fn reranked_with_direction() {
    let old = canvas(
        r#"    job j "J" { importance: high }
    pain no-time "No time" { severity: moderate }
    gain g "G" { relevance: essential }
    pain u "Unranked" {}
    pain bad "Bad" { severity: huge }"#,
        "",
    );
    let new = canvas(
        r#"    job j "J" { importance: crucial }
    pain no-time "No time" { severity: severe }
    gain g "G" { relevance: low }
    pain u "Unranked" { severity: light }
    pain bad "Bad" { severity: light }"#,
        "",
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    let rank = |label: &str| changed(c, label).changes[0].clone();
    assert_eq!(
        rank("no-time"),
        ItemChange::Rank {
            scale: "severity",
            before: Some("moderate".into()),
            after: Some("severe".into()),
            direction: Some(Direction::Up)
        }
    );
    assert!(matches!(rank("j"), ItemChange::Rank { scale: "importance", direction: Some(Direction::Up), .. }));
    assert!(matches!(rank("g"), ItemChange::Rank { scale: "relevance", direction: Some(Direction::Down), .. }));
    assert_eq!(
        rank("u"),
        ItemChange::Rank { scale: "severity", before: None, after: Some("light".into()), direction: None }
    );
    assert!(matches!(rank("bad"), ItemChange::Rank { before: Some(b), .. } if b == "invalid"));
}

#[test]
fn outcome_scores_and_opportunity() {
    let old = canvas(r#"    outcome o "O" { importance: 9, satisfaction: 3 }"#, "");
    let new = canvas(r#"    outcome o "O" { importance: 9, satisfaction: 6.5 }"#, "");
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(
        changed(c, "o").changes,
        [
            ItemChange::Score { key: "satisfaction", before: Some(3.0), after: Some(6.5) },
            ItemChange::Opportunity { before: Some(15.0), after: Some(11.5) },
        ]
    );
    // Still under-served: no coverage change.
    assert!(c.coverage.is_empty());
}

#[test]
fn attribute_changes() {
    let old = canvas(
        r#"    job j "J" { kind: functional, importance: high, frequency: daily }
    pain p "P" { kind: obstacle, severity: light }"#,
        r#"    product app "App" { kind: digital }"#,
    );
    let new = canvas(
        r#"    job j "J" { kind: supporting, role: buyer, importance: high, frequency: "twice a week", context: "At work" }
    pain p "P" { kind: risk, severity: light, note: "notes are not compared" }"#,
        r#"    product app "App" { kind: tangible }"#,
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    let attr = |key: &'static str, before: Option<&str>, after: Option<&str>| ItemChange::Attribute {
        key,
        before: before.map(String::from),
        after: after.map(String::from),
    };
    assert_eq!(
        changed(c, "j").changes,
        [
            attr("kind", Some("functional"), Some("supporting")),
            attr("role", None, Some("buyer")),
            attr("frequency", Some("daily"), Some("twice a week")),
            attr("context", None, Some("At work")),
        ]
    );
    assert_eq!(changed(c, "p").changes, [attr("kind", Some("obstacle"), Some("risk"))]);
    assert_eq!(changed(c, "app").changes, [attr("kind", Some("digital"), Some("tangible"))]);
}

#[test]
fn references_added_and_removed() {
    let old = canvas(
        r#"    pain no-time "No time" { severity: severe }
    pain invites "Invites" { severity: moderate }"#,
        r#"    product app "App" {}
    reliever esign "E-sign" { relieves: no-time }
    reliever other "Other" { relieves: [no-time, invites], via: app }"#,
    );
    let new = canvas(
        r#"    pain no-time "No time" { severity: severe }
    pain invites "Invites" { severity: moderate }"#,
        r#"    product app "App" {}
    reliever esign "E-sign" { relieves: [no-time, invites] }
    reliever other "Other" { relieves: no-time }"#,
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(
        changed(c, "esign").changes,
        [ItemChange::References { link: "relieves", added: vec!["invites".into()], removed: vec![] }]
    );
    assert_eq!(
        changed(c, "other").changes,
        [
            ItemChange::References { link: "relieves", added: vec![], removed: vec!["invites".into()] },
            ItemChange::References { link: "via", added: vec![], removed: vec!["app".into()] },
        ]
    );
    // `invites` is relieved before and after: no coverage change.
    assert!(c.coverage.is_empty());
}

#[test]
fn renaming_a_pain_with_its_references_changes_only_the_pain() {
    let old =
        canvas(r#"    pain no-time "No time" { severity: severe }"#, r#"    reliever r "R" { relieves: no-time }"#);
    let new = canvas(r#"    pain busy "No time" { severity: severe }"#, r#"    reliever r "R" { relieves: busy }"#);
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(c.changed.len(), 1);
    assert_eq!(c.changed[0].label(), "busy");
    assert!(c.coverage.is_empty());
}

#[test]
fn a_reference_left_behind_by_a_rename_breaks_the_relief() {
    let old =
        canvas(r#"    pain no-time "No time" { severity: severe }"#, r#"    reliever r "R" { relieves: no-time }"#);
    let new = canvas(r#"    pain busy "No time" { severity: severe }"#, r#"    reliever r "R" { relieves: no-time }"#);
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(
        changed(c, "r").changes,
        [ItemChange::References { link: "relieves", added: vec!["no-time".into()], removed: vec!["busy".into()] }]
    );
    let cov = coverage(c, "busy");
    assert_eq!((cov.before, cov.after), (Coverage::Relieved, Coverage::Unrelieved));
    assert_eq!((c.fit.before, c.fit.after), (Some(100), Some(0)));
}

#[test]
fn pains_become_relieved_and_unrelieved() {
    let old = canvas(
        r#"    pain a "A" { severity: severe }
    pain b "B" { severity: moderate }"#,
        r#"    reliever r "R" { relieves: a }"#,
    );
    let new = canvas(
        r#"    pain a "A" { severity: severe }
    pain b "B" { severity: moderate }"#,
        r#"    reliever s "S" { relieves: b }"#,
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(ids(&c.removed), ["r"]);
    assert_eq!(ids(&c.added), ["s"]);
    let a = coverage(c, "a");
    assert_eq!((a.before, a.after), (Coverage::Relieved, Coverage::Unrelieved));
    assert!(a.by.is_empty());
    let b = coverage(c, "b");
    assert_eq!((b.before, b.after, b.by.clone()), (Coverage::Unrelieved, Coverage::Relieved, vec!["s".to_string()]));
    // New source order.
    assert_eq!(c.coverage.iter().map(|c| c.label()).collect::<Vec<_>>(), ["a", "b"]);
    // severe 8 and moderate 4: 8 of 12 before, 4 of 12 after.
    assert_eq!((c.fit.before, c.fit.after), (Some(67), Some(33)));
    assert_eq!((c.verdict.before, c.verdict.after), (Some("partial"), Some("weak")));
}

#[test]
fn gains_become_created_and_uncreated() {
    let old = canvas(
        r#"    gain a "A" { relevance: high }
    gain b "B" { relevance: high }"#,
        r#"    creator c1 "C" { creates: a }"#,
    );
    let new = canvas(
        r#"    gain a "A" { relevance: high }
    gain b "B" { relevance: high }"#,
        r#"    creator c1 "C" { creates: b }"#,
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(
        changed(c, "c1").changes,
        [ItemChange::References { link: "creates", added: vec!["b".into()], removed: vec!["a".into()] }]
    );
    assert_eq!((coverage(c, "a").before, coverage(c, "a").after), (Coverage::Created, Coverage::Uncreated));
    assert_eq!((coverage(c, "b").before, coverage(c, "b").after), (Coverage::Uncreated, Coverage::Created));
    assert_eq!(coverage(c, "b").by, ["c1"]);
    // Same weights: the fit does not move.
    assert_eq!((c.fit.before, c.fit.after), (Some(50), Some(50)));
}

#[test]
fn outcomes_become_under_served_or_addressed() {
    let old = canvas(
        r#"    outcome rises "Rises" { importance: 6, satisfaction: 5 }
    outcome fixed "Fixed" { importance: 9, satisfaction: 3 }
    outcome dropped "Dropped" { importance: 9, satisfaction: 3 }
    outcome lost "Lost" { importance: 9, satisfaction: 3 }
    outcome rated "Rated" {}"#,
        r#"    product p "P" { addresses: lost }"#,
    );
    let new = canvas(
        r#"    outcome rises "Rises" { importance: 8, satisfaction: 5 }
    outcome fixed "Fixed" { importance: 9, satisfaction: 3 }
    outcome dropped "Dropped" { importance: 7, satisfaction: 7 }
    outcome lost "Lost" { importance: 9, satisfaction: 3 }
    outcome rated "Rated" { importance: 3, satisfaction: 3 }"#,
        r#"    product p "P" { addresses: fixed }"#,
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    let states = |label: &str| {
        let cov = coverage(c, label);
        (cov.before, cov.after, cov.opportunity)
    };
    assert_eq!(states("rises"), (Coverage::Served, Coverage::UnderServed, Some(11.0)));
    assert_eq!(states("fixed"), (Coverage::UnderServed, Coverage::Addressed, Some(15.0)));
    assert_eq!(coverage(c, "fixed").by, ["p"]);
    assert_eq!(states("dropped"), (Coverage::UnderServed, Coverage::Served, Some(7.0)));
    assert_eq!(states("lost"), (Coverage::Addressed, Coverage::UnderServed, Some(15.0)));
    // Rated for the first time, well served: not a coverage change (the scores are).
    assert!(c.coverage.iter().all(|cov| cov.label() != "rated"));
    assert_eq!(changed(c, "rated").changes.len(), 3);
    // Outcomes do not count in the fit.
    assert_eq!((c.fit.before, c.fit.after), (None, None));
}

#[test]
fn fit_before_and_after_including_undefined() {
    let old = canvas(r#"    job j "J" { importance: high }"#, "");
    let new = canvas(
        r#"    job j "J" { importance: high }
    pain p "P" { severity: extreme }
    gain g "G" { relevance: nice-to-have }"#,
        r#"    reliever r "R" { relieves: p }"#,
    );
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    // Jobs count: the unserved job 8 alone is fit 0; then job 8 + pain 16 (relieved) + gain 1 = 16 of 25.
    assert_eq!((c.fit.before, c.fit.after), (Some(0), Some(64)));
    let back = diff_texts(&new, &old);
    assert_eq!((only(&back).fit.before, only(&back).fit.after), (Some(64), Some(0)));
    let nothing = canvas(r#"    outcome o "O" { importance: 3 }"#, "");
    let c = diff_texts(&nothing, &old);
    assert_eq!((only(&c).fit.before, only(&c).fit.after), (None, Some(0)));
    assert_eq!((only(&c).verdict.before, only(&c).verdict.after), (Some("n/a"), Some("weak")));
}

#[test]
fn verdicts_let_go_items_and_must_haves() {
    let segment = r#"    job j "J" { importance: high }
    pain top "Top pain" { severity: extreme }
    pain minor "Minor" { severity: moderate ALLOW }
    gain g "G" { relevance: essential }"#;
    let map = r#"    product p "P" { serves: j }
    reliever r "R" { relieves: RELIEVED }
    creator k "K" { creates: g }"#;
    let text =
        |allow: &str, relieved: &str| canvas(&segment.replace("ALLOW", allow), &map.replace("RELIEVED", relieved));
    // The top pain relieved, the minor one open: 40 of 44 = 91, a fit.
    let good = text("", "top");
    // The top pain open instead: 28 of 44 = 64, partial, with an unaddressed must-have.
    let top_open = text("", "minor");
    let diff = diff_texts(&good, &top_open);
    let c = only(&diff);
    assert_eq!((c.fit.before, c.fit.after), (Some(91), Some(64)));
    assert_eq!((c.verdict.before, c.verdict.after), (Some("fit"), Some("partial")));
    assert_eq!(c.verdict.newly_unaddressed, ["top"]);
    let human = vpc_diff::render::human(&report(&diff), false);
    assert!(human.contains("fit 91% → 64% (-27), fit → partial"), "{human}");
    assert!(human.contains("! must-have top is unaddressed"), "{human}");
    let back = diff_texts(&top_open, &good);
    assert_eq!(only(&back).verdict.no_longer_unaddressed, ["top"]);
    assert!(only(&back).verdict.newly_unaddressed.is_empty());

    // Letting the minor pain go: out of the fit (40 of 40), and said so; taking it back, too.
    let let_go = text(", allow: unrelieved-pain", "top");
    let diff = diff_texts(&good, &let_go);
    let c = only(&diff);
    assert_eq!((c.fit.before, c.fit.after), (Some(91), Some(100)));
    let minor = coverage(c, "minor");
    assert_eq!((minor.before, minor.after), (Coverage::Unrelieved, Coverage::LetGo));
    let human = vpc_diff::render::human(&report(&diff), false);
    assert!(human.contains("~ pain minor: let go on purpose (out of the fit)"), "{human}");
    let markdown = vpc_diff::render::markdown(&report(&diff));
    assert!(markdown.contains("let go on purpose"), "{markdown}");
    let back = diff_texts(&let_go, &good);
    let minor = coverage(only(&back), "minor");
    assert_eq!((minor.before, minor.after), (Coverage::LetGo, Coverage::Unrelieved));
    let human = vpc_diff::render::human(&report(&back), false);
    assert!(human.contains("! pain minor: taken back: now unrelieved"), "{human}");
    // Jobs: served or not.
    let unserved = good.replace("serves: j", "serves: []");
    let c = diff_texts(&good, &unserved);
    let j = coverage(only(&c), "j");
    assert_eq!((j.before, j.after), (Coverage::Served, Coverage::Unserved));
}

const TWO: &str = r#"
canvas rider-side "Riders" {
  segment riders "Riders" { pain wait "Waiting" { severity: severe } }
  value-map { reliever drivers "Many drivers" { relieves: wait } }
}
canvas driver-side "Drivers" {
  segment drivers "Drivers" { pain idle "Idle time" { severity: severe } }
  value-map {}
}
"#;

#[test]
fn multi_canvas_files_match_canvases_by_id() {
    // Reordered, one canvas changed: items are compared within their own canvas.
    let new = r#"
canvas driver-side "Drivers" {
  segment drivers "Drivers" { pain idle "Idle time" { severity: severe } }
  value-map { reliever trips "Trips nearby" { relieves: idle } }
}
canvas rider-side "Riders" {
  segment riders "Riders" { pain wait "Waiting" { severity: severe } }
  value-map { reliever drivers "Many drivers" { relieves: wait } }
}
"#;
    let diff = diff_texts(TWO, new);
    assert_eq!(diff.canvases.iter().map(|c| c.label()).collect::<Vec<_>>(), ["driver-side", "rider-side"]);
    let drivers = &diff.canvases[0];
    assert_eq!(drivers.status, Status::Modified);
    assert_eq!(ids(&drivers.added), ["trips"]);
    assert_eq!((drivers.fit.before, drivers.fit.after), (Some(0), Some(100)));
    assert_eq!(diff.canvases[1].status, Status::Unchanged);
}

#[test]
fn canvases_added_and_removed() {
    let new = r#"
canvas owner-side "Fleet owners" {
  segment owners "Owners" { job rent "Rent out cars" { importance: high } }
  value-map {}
}
canvas rider-side "Riders" {
  segment riders "Riders" { pain wait "Waiting" { severity: severe } }
  value-map { reliever drivers "Many drivers" { relieves: wait } }
}
"#;
    let diff = diff_texts(TWO, new);
    let summary: Vec<(&str, Status)> = diff.canvases.iter().map(|c| (c.label(), c.status)).collect();
    assert_eq!(
        summary,
        [("owner-side", Status::Added), ("rider-side", Status::Unchanged), ("driver-side", Status::Removed)]
    );
    let added = &diff.canvases[0];
    assert_eq!(ids(&added.added), ["rent"]);
    assert_eq!((added.fit.before, added.fit.after), (None, Some(0)));
    assert_eq!((added.verdict.before, added.verdict.after), (None, Some("weak")));
    let removed = &diff.canvases[2];
    assert_eq!(ids(&removed.removed), ["idle"]);
    assert_eq!((removed.fit.before, removed.fit.after), (Some(0), None));

    // A whole file added or deleted.
    let from_nothing = diff_texts("", TWO);
    assert!(from_nothing.canvases.iter().all(|c| c.status == Status::Added));
    let to_nothing = diff_texts(TWO, "// emptied\n");
    assert_eq!(to_nothing.canvases.iter().map(|c| c.label()).collect::<Vec<_>>(), ["rider-side", "driver-side"]);
    assert!(to_nothing.canvases.iter().all(|c| c.status == Status::Removed));
}

#[test]
fn canvases_match_by_title_when_the_id_changes() {
    let new = TWO.replace("canvas rider-side \"Riders\"", "canvas riders \"Riders\"");
    let diff = diff_texts(TWO, &new);
    assert_eq!(diff.canvases.len(), 2);
    let riders = &diff.canvases[0];
    assert_eq!(
        riders.changes,
        [CanvasChange::Attribute {
            on: "canvas",
            key: "id",
            before: Some("rider-side".into()),
            after: Some("riders".into())
        }]
    );
    assert!(riders.added.is_empty());
}

#[test]
fn a_files_only_canvas_is_the_same_canvas_however_renamed() {
    let old = canvas(r#"    job j "J" { importance: high }"#, "");
    let new = old.replace("canvas c \"C\"", "canvas other \"Something else\"");
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(c.status, Status::Modified);
    assert_eq!(c.changes.len(), 2);
    assert!(c.added.is_empty());
}

#[test]
fn canvas_and_section_attributes() {
    let old = "canvas c \"C\" {\n  description: \"Old\"\n  segment s \"S\" { market: new, strategy: niche }\n  value-map v \"V\" {}\n}\n";
    let new = "canvas c \"C2\" {\n  segment s \"Couples\" { market: existing, strategy: niche, early-adopters: \"Busy couples\" }\n}\n";
    let diff = diff_texts(old, new);
    let c = only(&diff);
    let attr = |on: &'static str, key: &'static str, before: Option<&str>, after: Option<&str>| {
        CanvasChange::Attribute { on, key, before: before.map(String::from), after: after.map(String::from) }
    };
    assert_eq!(
        c.changes,
        [
            attr("canvas", "title", Some("C"), Some("C2")),
            attr("canvas", "description", Some("Old"), None),
            attr("segment", "title", Some("S"), Some("Couples")),
            attr("segment", "market", Some("new"), Some("existing")),
            attr("segment", "early-adopters", None, Some("Busy couples")),
            CanvasChange::SectionRemoved { section: "value-map", title: Some("V".into()) },
        ]
    );
    let back = diff_texts(new, old);
    assert!(
        only(&back).changes.contains(&CanvasChange::SectionAdded { section: "value-map", title: Some("V".into()) })
    );
}

#[test]
fn changed_items_in_new_source_order() {
    let old = canvas(
        r#"    pain a "A" { severity: light }
    pain b "B" { severity: light }
    pain c "C" { severity: light }"#,
        "",
    );
    let new = canvas(
        r#"    pain c "C" { severity: severe }
    pain a "A" { severity: severe }
    pain b "B" { severity: light }"#,
        "",
    );
    let diff = diff_texts(&old, &new);
    assert_eq!(only(&diff).changed.iter().map(|i| i.label()).collect::<Vec<_>>(), ["c", "a"]);
}

#[test]
fn a_file_with_syntax_errors_is_still_compared() {
    let old = canvas(
        r#"    pain shy "Too shy" { severity: severe }
    pain p "P" { severity: light }"#,
        "",
    );
    // The first line's attribute block is never closed; recovery still reads `shy`.
    let new = canvas(
        r#"    job forms "Fill in official forms" { importance:
    pain shy "Too shy" { severity: extreme }
    pain p "P" { severity: light }"#,
        "",
    );
    let (parse, _) = vpc_model::check(&new, &vpc_model::LintConfig::default());
    assert!(!parse.errors.is_empty());
    let diff = diff_texts(&old, &new);
    let c = only(&diff);
    assert_eq!(ids(&c.added), ["forms"]);
    assert!(matches!(changed(c, "shy").changes[0], ItemChange::Rank { .. }));
}

#[test]
fn the_examples_compare_cleanly_with_themselves_and_each_other() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "vpc") {
            texts.push(std::fs::read_to_string(path).unwrap());
        }
    }
    assert!(texts.len() >= 4);
    for a in &texts {
        assert!(diff_texts(a, a).is_empty());
        for b in &texts {
            // Rendering never panics, whatever the pair.
            let report = report(&diff_texts(a, b));
            let _ = vpc_diff::render::human(&report, true);
            let _ = vpc_diff::render::markdown(&report);
            let _ = vpc_diff::render::json(&report);
        }
    }
}

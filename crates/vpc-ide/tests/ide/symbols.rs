use vpc_ide::{Symbol, document_symbols, workspace_symbols};

use super::fixture::*;

fn outline(symbols: &[Symbol], depth: usize, text: &str, out: &mut String) {
    for s in symbols {
        out.push_str(&format!(
            "{}{:?} {}{} [{}]\n",
            "  ".repeat(depth),
            s.kind,
            s.name,
            s.detail.as_ref().map(|d| format!(" — {d}")).unwrap_or_default(),
            &text[s.selection.range()],
        ));
        assert!(s.range.start <= s.selection.start && s.selection.end <= s.range.end);
        outline(&s.children, depth + 1, text, out);
    }
}

#[test]
fn outline_of_the_wedding_canvas() {
    let file = analyse(WEDDING);
    let mut out = String::new();
    outline(&document_symbols(&file), 0, &file.text, &mut out);
    insta::assert_snapshot!(out, @r#"
    Canvas wedding — Wedding planner · fit 78 · partial [wedding]
      Segment couples — Engaged couples [couples]
        Job organise — Organise a lovely wedding · crucial [organise]
        Job budget — Not incur too much expense · high [budget]
        Job impress — Impress their friends · medium [impress]
        Pain no-time — Might not have time · severe [no-time]
        Pain unfinished — Might not finish the preparation · extreme [unfinished]
        Pain invites — Trouble sending invites · moderate [invites]
        Gain carefree — Someone takes care of everything · essential [carefree]
        Outcome venue-time — Minimise the time it takes to book a venue · opportunity 15 [venue-time]
      ValueMap Wedding planner app ["Wedding planner app"]
        Product app — Online wedding services via app [app]
        Reliever esign — Contracts that are signable online [esign]
        Reliever checklist — Checklist with deadlines [checklist]
        Creator one-stop — One planner handles every vendor [one-stop]
    "#);
}

#[test]
fn items_without_identifiers_and_broken_text() {
    let file = analyse(
        "canvas \"No id\" {\n  segment \"S\" {\n    pain \"Just a title\" { severity: light }\n    job a\n  }\n  job stray \"In the canvas\"\n  value-map {\n",
    );
    let mut out = String::new();
    outline(&document_symbols(&file), 0, &file.text, &mut out);
    insta::assert_snapshot!(out, @r#"
    Canvas No id — fit 0 · weak ["No id"]
      Segment S ["S"]
        Pain Just a title — light ["Just a title"]
        Job a [a]
      Job stray — In the canvas [stray]
      ValueMap value-map [value-map]
    "#);
}

#[test]
fn workspace_symbols_match_names_and_titles() {
    let wedding = analyse(WEDDING);
    let rides = analyse(include_str!("../../../../examples/marketplace.vpc"));
    let files = [("wedding.vpc", &wedding), ("marketplace.vpc", &rides)];
    let show = |query: &str| {
        workspace_symbols(&files, query)
            .iter()
            .take(8)
            .map(|w| {
                format!("{} {:?} {} in {}", w.file, w.symbol.kind, w.symbol.name, w.container.as_deref().unwrap_or("-"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    insta::assert_snapshot!(show("no-time"), @"wedding.vpc Pain no-time in couples");
    insta::assert_snapshot!(show("nt"), @"
    wedding.vpc Pain no-time in couples
    wedding.vpc Pain invites in couples
    wedding.vpc Outcome venue-time in couples
    wedding.vpc Creator one-stop in Wedding planner app
    marketplace.vpc Pain long-wait in riders
    marketplace.vpc Outcome between-trips in drivers
    marketplace.vpc Creator online-toggle in Driver app and services
    wedding.vpc Gain carefree in couples
    ");
    insta::assert_snapshot!(show("APP"), @"
    wedding.vpc Product app in Wedding planner app
    marketplace.vpc Product app in Rider app
    marketplace.vpc Product app in Driver app and services
    wedding.vpc ValueMap Wedding planner app in wedding
    marketplace.vpc ValueMap Rider app in rider-side
    marketplace.vpc Reliever in-app-pay in Rider app
    marketplace.vpc ValueMap Driver app and services in driver-side
    marketplace.vpc Reliever cashless in Driver app and services
    ");
    insta::assert_snapshot!(show("invites"), @"wedding.vpc Pain invites in couples");
    insta::assert_snapshot!(show("deadlines"), @"wedding.vpc Reliever checklist in Wedding planner app");
    assert_eq!(workspace_symbols(&files, "").len(), workspace_symbols(&files, "  ").len());
    assert!(workspace_symbols(&files, "zzzz").is_empty());
}

#[test]
fn the_outline_shows_the_verdict_and_items_let_go() {
    let file = analyse(
        "canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\" { importance: crucial }\n    pain p \"P\" { severity: light, allow: unrelieved-pain }\n  }\n  value-map { product x \"X\" { serves: a } }\n}\n",
    );
    let mut out = String::new();
    outline(&document_symbols(&file), 0, &file.text, &mut out);
    insta::assert_snapshot!(out, @"
    Canvas c — C · fit 100 · fit [c]
      Segment s — S [s]
        Job a — A · crucial [a]
        Pain p — P · light · let go [p]
      ValueMap value-map [value-map]
        Product x — X [x]
    ");
}

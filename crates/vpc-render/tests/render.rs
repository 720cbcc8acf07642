//! The renderers on every example and on hostile input: snapshots of the Markdown
//! and the SVG (reviewed by eye: they are what users read), and the SVG and HTML read
//! back as XML to prove they are well formed and hold what they should.

use roxmltree::{Document, Node};
use vpc_model::{Canvas, LintConfig};
use vpc_syntax::ItemKind;

fn canvases(text: &str) -> Vec<Canvas> {
    let (parse, analysis) = vpc_model::check(text, &LintConfig::default());
    assert!(parse.errors.is_empty(), "{:?}", parse.errors);
    analysis.canvases
}

#[test]
fn markdown_of_the_examples() {
    insta::glob!("../../../examples", "*.vpc", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(vpc_render::markdown(&canvases(&text)));
    });
}

#[test]
fn svg_of_the_examples() {
    insta::glob!("../../../examples", "*.vpc", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(vpc_render::svg(&canvases(&text)));
    });
}

fn elements<'a>(doc: &'a Document<'a>, name: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants().filter(|n| n.is_element() && n.tag_name().name() == name).collect()
}

fn text_of(node: Node) -> String {
    node.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or("")).collect()
}

fn has_class(node: Node, class: &str) -> bool {
    node.attribute("class").is_some_and(|c| c.split(' ').any(|c| c == class))
}

/// Every item's full title is in a tooltip, and what is shown of each item is its
/// title (maybe shortened with `…`).
fn check_svg(svg: &str, canvases: &[Canvas]) {
    let doc = Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    let circles = elements(&doc, "circle");
    let rects = elements(&doc, "rect");
    assert_eq!(circles.len(), canvases.len(), "one circle per canvas");
    assert_eq!(rects.len(), canvases.len(), "one square per canvas");
    for rect in &rects {
        assert!(has_class(*rect, "value-map"));
        assert_eq!(rect.attribute("width"), rect.attribute("height"), "a square");
    }
    for circle in &circles {
        assert!(has_class(*circle, "customer-profile"));
    }
    let groups: Vec<Node> = elements(&doc, "g").into_iter().filter(|g| has_class(*g, "canvas")).collect();
    assert_eq!(groups.len(), canvases.len());
    let tooltips: Vec<String> = elements(&doc, "title").into_iter().map(text_of).collect();
    for (canvas, group) in canvases.iter().zip(&groups) {
        let in_group = |class: &str| -> Vec<Node> {
            group.descendants().filter(|n| n.tag_name().name() == "g" && has_class(*n, class)).collect()
        };
        for segment in ["products", "gain-creators", "pain-relievers", "jobs", "gains", "pains"] {
            assert_eq!(in_group(segment).len(), 1, "{segment}");
        }
        for item in &canvas.items {
            // As XML can hold it: control characters replaced, whitespace as spaces.
            let title: String =
                item.title.chars().map(|c| if c.is_control() && !c.is_whitespace() { '\u{FFFD}' } else { c }).collect();
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                tooltips.iter().any(|t| t.contains(&title)),
                "no tooltip holds {title:?} of canvas {}",
                canvas.label()
            );
        }
        // What is drawn of an item is its title, maybe shortened.
        for node in in_group("item") {
            let tooltip = text_of(node.children().find(|c| c.tag_name().name() == "title").unwrap());
            let shown: Vec<String> = node
                .descendants()
                .filter(|n| n.tag_name().name() == "tspan" && n.attribute("font-weight").is_none())
                .map(text_of)
                .collect();
            let shown = shown.join(" ");
            let shown = shown.trim_end_matches('…');
            assert!(!shown.is_empty(), "{tooltip}");
            let words: Vec<&str> = tooltip.split_whitespace().collect();
            let start = words.join(" ");
            let mut compact = shown.to_string();
            compact.retain(|c| c != ' ');
            let mut full = start.clone();
            full.retain(|c| c != ' ');
            assert!(full.starts_with(&compact), "shown {shown:?} is not the start of {start:?}");
        }
    }
}

const EXAMPLES: [&str; 5] = ["wedding", "ride-hailing", "marketplace", "outcomes", "flawed"];

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../examples/{name}.vpc", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn svg_of_every_example_is_well_formed_and_complete() {
    for name in EXAMPLES {
        let canvases = canvases(&example(name));
        check_svg(&vpc_render::svg(&canvases), &canvases);
        for canvas in &canvases {
            check_svg(&vpc_render::svg(std::slice::from_ref(canvas)), std::slice::from_ref(canvas));
        }
    }
}

#[test]
fn html_of_every_example_is_well_formed_and_complete() {
    for name in EXAMPLES {
        let canvases = canvases(&example(name));
        let html = vpc_render::html(&canvases);
        let doc = Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() },
        )
        .unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
        assert_eq!(doc.root_element().tag_name().name(), "html");
        assert!(elements(&doc, "script").is_empty());
        assert!(elements(&doc, "link").is_empty());
        assert_eq!(elements(&doc, "style").len(), 1);
        let sections: Vec<Node> = elements(&doc, "section");
        assert_eq!(sections.len(), canvases.len());
        for (canvas, section) in canvases.iter().zip(&sections) {
            let svgs: Vec<Node> = section.descendants().filter(|n| n.tag_name().name() == "svg").collect();
            assert_eq!(svgs.len(), 1, "{name}: one picture per canvas");
            check_svg(&html[svgs[0].range()], std::slice::from_ref(canvas));
            let tables: Vec<Node> = section.descendants().filter(|n| n.tag_name().name() == "table").collect();
            assert!(tables.iter().any(|t| has_class(*t, "fit-breakdown")));
            for kind in ItemKind::ALL {
                let count = canvas.items_of(kind).count();
                let table = tables.iter().find(|t| has_class(**t, kind.keyword()));
                let rows = table.map_or(0, |t| {
                    t.descendants().filter(|n| n.tag_name().name() == "tr").count() - 1 // the header
                });
                assert_eq!(rows, count, "{name}: {} rows", kind.keyword());
                // Every title is in a cell, in priority order.
                let cells: Vec<String> = table
                    .map(|t| {
                        t.descendants()
                            .filter(|n| n.tag_name().name() == "tr")
                            .skip(1)
                            .map(|tr| text_of(tr.children().filter(|c| c.is_element()).nth(1).unwrap()))
                            .collect()
                    })
                    .unwrap_or_default();
                let expected: Vec<String> = vpc_render::prioritised(canvas, kind)
                    .into_iter()
                    .map(|id| canvas.item(id).title.replace(['\n', '\t', '\r'], " "))
                    .collect();
                assert_eq!(cells, expected, "{name}: {}", kind.keyword());
            }
        }
    }
}

/// Markup, quotes, control characters, line breaks, emoji and CJK in every string.
const HOSTILE: &str = r#"canvas x "<script>alert('x')</script> & \"friends\"" {
  description: "a | b & <c>"
  segment s "Segment ]]> <!-- -->" {
    job j "Job with | pipe and *stars* and `ticks` and \u{1}control" { importance: high }
    pain p "Pain </tspan></text></svg> 😀 日本語" { severity: extreme }
    gain g "Gain\nwith a line break\tand a tab" { relevance: low }
    outcome o "Outcome & more" { importance: 9, satisfaction: 1 }
  }
  value-map v "Map 'quoted'" {
    product pr "Product #1 [link](http://x)" { serves: j }
    reliever r "Reliever <b>bold</b>" { relieves: p, via: pr }
    creator c "Creator &amp;" { creates: [] }
  }
}
"#;

#[test]
fn hostile_text_is_escaped_everywhere() {
    let canvases = canvases(HOSTILE);
    let svg = vpc_render::svg(&canvases);
    check_svg(&svg, &canvases);
    assert!(!svg.contains("<script"));
    assert!(!svg.contains('\u{1}'));
    let doc = Document::parse(&svg).unwrap();
    let title = doc.descendants().find(|n| n.attribute("class") == Some("title")).unwrap();
    assert!(text_of(title).contains("<script>alert('x')</script> & \"friends\""));

    let html = vpc_render::html(&canvases);
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let doc = Document::parse_with_options(&html, options).unwrap();
    assert!(elements(&doc, "script").is_empty());
    assert!(elements(&doc, "b").is_empty());
    let h1 = elements(&doc, "h1");
    assert_eq!(text_of(h1[0]), "<script>alert('x')</script> & \"friends\"");

    let md = vpc_render::markdown(&canvases);
    assert!(md.contains(r"Job with \| pipe and \*stars\* and \`ticks\`"), "{md}");
    assert!(md.contains(r"Reliever \<b\>bold\</b\>"), "{md}");
    assert!(md.contains("Gain with a line break and a tab"), "{md}");
    assert!(md.contains(r"Creator \&amp;"), "{md}");
    assert!(!md.contains('\u{1}'));
    // Every table row has as many cells as its header: no `|` broke out of a cell.
    check_markdown_tables(&md);
}

/// Each table's rows have the header's number of cells (unescaped `|` counted).
fn check_markdown_tables(md: &str) {
    let cells = |line: &str| {
        let mut count = 0;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '|' if !escaped => count += 1,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        count
    };
    let mut header = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = cells(line);
            match header {
                None => header = Some(n),
                Some(h) => assert_eq!(n, h, "{line}"),
            }
        } else {
            header = None;
        }
    }
}

#[test]
fn markdown_tables_of_the_examples_are_regular() {
    for name in EXAMPLES {
        check_markdown_tables(&vpc_render::markdown(&canvases(&example(name))));
    }
}

#[test]
fn a_crowded_segment_says_how_many_more_there_are() {
    let mut text = String::from("canvas busy \"Busy\" {\n  segment s \"S\" {\n");
    for n in 0..40 {
        text.push_str(&format!(
            "    pain p{n} \"Pain number {n} with a rather long description that needs wrapping\" {{ severity: moderate }}\n"
        ));
    }
    text.push_str("  }\n}\n");
    let canvases = canvases(&text);
    let svg = vpc_render::svg(&canvases);
    check_svg(&svg, &canvases);
    let doc = Document::parse(&svg).unwrap();
    let more = doc.descendants().find(|n| has_class(*n, "more")).expect("a `more` line");
    assert!(text_of(more).contains("more"), "{}", text_of(more));
    let shown = doc.descendants().filter(|n| has_class(*n, "item") && has_class(*n, "pain")).count();
    assert!(shown > 5 && shown < 40, "{shown} pains shown");
    assert!(text_of(more).contains(&format!("+ {} more", 40 - shown)));
}

#[test]
fn output_is_deterministic() {
    for name in EXAMPLES {
        let canvases = canvases(&example(name));
        assert_eq!(vpc_render::svg(&canvases), vpc_render::svg(&canvases));
        assert_eq!(vpc_render::html(&canvases), vpc_render::html(&canvases));
        assert_eq!(vpc_render::markdown(&canvases), vpc_render::markdown(&canvases));
    }
}

#[test]
fn no_canvas_renders_something_valid() {
    let svg = vpc_render::svg(&[]);
    Document::parse(&svg).unwrap();
    assert!(svg.contains("No canvas"));
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    Document::parse_with_options(&vpc_render::html(&[]), options).unwrap();
    assert_eq!(vpc_render::markdown(&[]), "_No canvas in this file._\n");
}

/// A canvas with a let-go pain, an open must-have and every kind of context.
const JUDGED: &str = r#"canvas lang "Conversation practice" {
  description: "Practice for adults new to the language"
  note: "Draft for the workshop"
  segment learners "Adult learners" {
    description: "Adults learning the language of their new country"
    early-adopters: "Expats with a job offer"
    market: resegmented
    strategy: niche
    note: "Interviewed 12 learners"
    job speak "Hold a conversation" {
      importance: crucial
      frequency: daily
      context: "At work and in shops"
    }
    job forms "Fill in official forms" { importance: high }
    pain shy "Too shy to speak up" { severity: severe, when: before, aspect: emotional, frequency: "every call" }
    pain accent "People comment on the accent" {
      severity: light
      note: "Out of scope for the first version"
      allow: unrelieved-pain
    }
    gain fluent "Speak fluently within a year" { relevance: essential, when: after, aspect: social }
  }
  value-map practice "Conversation app" {
    description: "A chat app with tutors"
    note: "Tutors are paid per call"
    product app "Chat with tutors" { serves: forms, note: "Android first" }
    reliever tandem "Practice partners" { relieves: shy, via: app }
    creator daily "Ten minutes a day" { creates: fluent }
  }
}
"#;

fn html_doc(html: &str) -> Document<'_> {
    Document::parse_with_options(html, roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() }).unwrap()
}

/// The table row whose second cell is this title.
fn row<'a>(doc: &'a Document<'a>, title: &str) -> Node<'a, 'a> {
    elements(doc, "tr")
        .into_iter()
        .find(|tr| tr.children().filter(|c| c.is_element()).nth(1).is_some_and(|td| text_of(td) == title))
        .unwrap_or_else(|| panic!("no row {title}"))
}

#[test]
fn a_let_go_pain_is_muted_and_labelled_in_html_and_markdown() {
    let canvases = canvases(JUDGED);
    let html = vpc_render::html(&canvases);
    let doc = html_doc(&html);
    let accent = row(&doc, "People comment on the accent");
    assert!(has_class(accent, "let-go"), "{:?}", accent.attribute("class"));
    assert!(!has_class(accent, "open"));
    let muted: Vec<String> = accent.descendants().filter(|n| has_class(*n, "muted")).map(text_of).collect();
    assert_eq!(muted, ["let go"]);
    assert!(!accent.descendants().any(|n| has_class(n, "warn")), "no gap colour");
    assert!(!text_of(accent).contains('⚠'), "no warning sign");
    // An open pain, for contrast, is marked as a gap.
    let forms = row(&doc, "Fill in official forms");
    assert!(!has_class(forms, "open"), "served");
    let speak = row(&doc, "Hold a conversation");
    assert!(has_class(speak, "open") && has_class(speak, "must-have"));

    let md = vpc_render::markdown(&canvases);
    let line = md.lines().find(|l| l.contains("People comment on the accent")).unwrap();
    assert!(line.contains("| _People comment on the accent_ | light |"), "{line}");
    assert!(line.contains("| _let go_ |"), "{line}");
    assert!(!line.contains('⚠') && !line.contains("**"), "{line}");
    assert!(md.contains("Let go: `accent`."), "{md}");
}

#[test]
fn unaddressed_must_haves_are_named_with_the_verdict() {
    let canvases = canvases(JUDGED);
    let md = vpc_render::markdown(&canvases);
    // speak 16 open, forms 8, shy 8, fluent 16 addressed; accent let go: 32 of 48.
    assert!(
        md.contains(
            "**Fit 67% · partial** — weight addressed: jobs 8 of 24, pains 8 of 8, gains 16 of 16. \
             Unaddressed must-haves: **speak**. Let go: `accent`."
        ),
        "{md}"
    );
    assert!(md.contains("| 1 | Hold a conversation | crucial | — | **⚠️ must-have, not served** |"), "{md}");
    assert!(
        md.contains(
            "_Weights double per rank step: 16, 8, 4, 2, 1 (unranked 4); let-go items leave the fit. Verdict: fit \
             ≥ 80% with every must-have (top-ranked item) addressed or let go; weak \\< 50%; partial in between._"
        ),
        "{md}"
    );

    let html = vpc_render::html(&canvases);
    let doc = html_doc(&html);
    let fit = elements(&doc, "p").into_iter().find(|p| has_class(*p, "fit")).unwrap();
    assert!(text_of(fit).contains("Unaddressed must-haves: speak."), "{}", text_of(fit));
    let breakdown = elements(&doc, "table").into_iter().find(|t| has_class(*t, "fit-breakdown")).unwrap();
    let rows: Vec<String> = breakdown.descendants().filter(|n| n.tag_name().name() == "tr").map(text_of).collect();
    assert_eq!(
        rows,
        [
            "Items addressedLet goWeight addressedFit",
            "Jobs served1 of 208 of 2433%",
            "Pains relieved1 of 118 of 8100%",
            "Gains created1 of 1016 of 16100%",
            "Fit132 of 48Fit 67% · partial",
        ]
    );
}

#[test]
fn the_verdict_colours_the_fit_in_html_and_names_it_in_markdown() {
    let cases = [
        // Served: 16 of 16.
        (
            r#"canvas c "C" { segment s "S" { job j "J" { importance: crucial } } value-map { product p "P" { serves: j } } }"#,
            "verdict-fit",
            "#15803d",
            "**Fit 100% · fit**",
        ),
        // 64 of 80, but the crucial job is open.
        (
            r#"canvas c "C" { segment s "S" { job j "J" { importance: crucial } pain a "A" { severity: extreme }
               pain b "B" { severity: extreme } pain d "D" { severity: extreme } pain e "E" { severity: extreme } }
               value-map { reliever r "R" { relieves: [a, b, d, e] } } }"#,
            "verdict-partial",
            "#b45309",
            "**Fit 80% · partial**",
        ),
        (
            r#"canvas c "C" { segment s "S" { job j "J" { importance: crucial } } }"#,
            "verdict-weak",
            "#b91c1c",
            "**Fit 0% · weak**",
        ),
        (
            r#"canvas c "C" { segment s "S" { outcome o "O" } }"#,
            "verdict-na",
            "#6b7280",
            "**Fit n/a** — no jobs, pains or gains to fit.",
        ),
    ];
    for (text, class, colour, md) in cases {
        let canvases = canvases(text);
        let html = vpc_render::html(&canvases);
        let doc = html_doc(&html);
        let verdicts: Vec<Node> = elements(&doc, "strong").into_iter().filter(|n| has_class(*n, "verdict")).collect();
        assert!(!verdicts.is_empty(), "{class}");
        for verdict in verdicts {
            assert!(has_class(verdict, class), "{class}: {:?}", verdict.attribute("class"));
            assert_eq!(verdict.attribute("style"), Some(format!("color: {colour}").as_str()));
        }
        assert!(elements(&doc, "p").iter().any(|p| has_class(*p, "fit") && has_class(*p, class)));
        // The picture in the page agrees.
        let svg = vpc_render::svg(&canvases);
        assert!(svg.contains(&format!(r#"<text class="fit {class}""#)), "{class}");
        assert!(svg.contains(&format!(r#"font-size="32" font-weight="700" fill="{colour}""#)), "{class}");
        let md_text = vpc_render::markdown(&canvases);
        assert!(md_text.contains(md), "{md_text}");
    }
}

#[test]
fn the_context_is_in_html_and_markdown() {
    let canvases = canvases(JUDGED);
    let md = vpc_render::markdown(&canvases);
    for expected in [
        "## Customer segment: Adult learners\n\nAdults learning the language of their new country\n\n\
         - **Early adopters:** Expats with a job offer\n\
         - **Market type:** resegmented (a niche or low-cost part of an existing market)\n\
         - **Strategy:** niche (a specific, specialised segment)\n\
         - **Note:** Interviewed 12 learners\n",
        "## Value map: Conversation app\n\nA chat app with tutors\n\n- **Note:** Tutors are paid per call\n",
        "## About this canvas\n\n- **Note:** Draft for the workshop\n",
        "Practice for adults new to the language",
        "| context: At work and in shops; frequency: daily |",
        "| before the job; emotional aspect; frequency: every call |",
        "| note: Out of scope for the first version |",
        "| after the job; social aspect |",
        "| note: Android first |",
    ] {
        assert!(md.contains(expected), "{expected}\n---\n{md}");
    }
    // The context comes before the tables.
    assert!(md.find("## Customer segment").unwrap() < md.find("## Customer jobs").unwrap());
    check_markdown_tables(&md);

    let html = vpc_render::html(&canvases);
    let doc = html_doc(&html);
    let context = elements(&doc, "div").into_iter().find(|d| has_class(*d, "context")).expect("a context block");
    let text = text_of(context);
    for expected in [
        "Customer segment: Adult learners",
        "Adults learning the language of their new country",
        "Early adoptersExpats with a job offer",
        "Market typeresegmented",
        "Strategyniche",
        "NoteInterviewed 12 learners",
        "Value map: Conversation app",
        "A chat app with tutors",
        "NoteDraft for the workshop",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    let speak = row(&doc, "Hold a conversation");
    assert!(text_of(speak).contains("context: At work and in shops; frequency: daily"));
    let shy = row(&doc, "Too shy to speak up");
    assert!(text_of(shy).contains("before the job; emotional aspect; frequency: every call"));
    // The picture's caption, with the notes in its tooltip.
    let svg = vpc_render::svg(&canvases);
    let doc = Document::parse(&svg).unwrap();
    let caption = doc.descendants().find(|n| has_class(*n, "caption")).expect("a caption");
    let tooltip = text_of(caption.children().find(|c| c.tag_name().name() == "title").unwrap());
    assert_eq!(
        tooltip,
        "Practice for adults new to the language · Adults learning the language of their new country · early \
         adopters: Expats with a job offer · resegmented market, niche strategy · note: Interviewed 12 learners · \
         note: Draft for the workshop"
    );
}

#[test]
fn under_and_over_served_outcomes_are_told_apart() {
    let canvases = canvases(
        r#"canvas c "C" { segment s "S" {
            outcome extreme "Extreme one" { importance: 9, satisfaction: 2 }
            outcome high "High one" { importance: 7, satisfaction: 2 }
            outcome worth "Worth one" { importance: 6, satisfaction: 2 }
            outcome perfect "Rated ten of ten" { importance: 10, satisfaction: 10 }
            outcome over "Over one" { importance: 3, satisfaction: 8 }
        } }"#,
    );
    let md = vpc_render::markdown(&canvases);
    for expected in [
        "| Extreme one | — | 9 | 2 | **16** under-served: extreme | **⚠️ nothing** |",
        "| High one | — | 7 | 2 | **12** under-served: high | **⚠️ nothing** |",
        "| Worth one | — | 6 | 2 | **10** under-served: worth considering | **⚠️ nothing** |",
        // 10 out of 10 and fully satisfied: served as well as it matters.
        "| Rated ten of ten | — | 10 | 10 | 10 | — |",
        "| Over one | — | 3 | 8 | 3 _over-served_ | — |",
    ] {
        assert!(md.contains(expected), "{expected}\n{md}");
    }
    let svg = vpc_render::svg(&canvases);
    let doc = Document::parse(&svg).unwrap();
    let outcome = |id: &str| doc.descendants().find(|n| n.attribute("data-id") == Some(id)).unwrap();
    assert!(has_class(outcome("extreme"), "underserved") && has_class(outcome("extreme"), "unaddressed"));
    assert!(!has_class(outcome("perfect"), "underserved"));
    let label = |id: &str| outcome(id).descendants().find(|n| has_class(*n, "label")).map(text_of).unwrap_or_default();
    assert_eq!(label("extreme"), "extreme");
    assert_eq!(label("high"), "high");
    assert_eq!(label("perfect"), "");
}

/// Each of `count` letters followed by `marks` combining marks.
fn zalgo(count: usize, marks: usize) -> String {
    (0..count).map(|n| format!("{}{}", char::from(b'a' + (n % 26) as u8), "\u{0301}".repeat(marks))).collect()
}

#[test]
fn titles_of_combining_marks_and_megabyte_titles_are_shortened_not_measured_whole() {
    // 100 letters under 3,000 combining marks (once 8 s), and a 1 MB title (once 48 s).
    for title in [zalgo(100, 30), "word ".repeat(200_000), "x".repeat(1 << 20)] {
        let text = format!(
            "canvas c \"{title}\" {{\n  segment s \"S\" {{\n    pain p \"{title}\" {{ severity: severe }}\n    job j \"{title}\" {{ importance: high }}\n    outcome o \"{title}\" {{ importance: 9, satisfaction: 1 }}\n  }}\n  value-map {{ reliever r \"{title}\" {{ relieves: p }} }}\n}}\n"
        );
        let canvases = canvases(&text);
        let svg = vpc_render::svg(&canvases);
        // Every item's whole title in its tooltip, a start of it shown.
        check_svg(&svg, &canvases);
        let doc = Document::parse(&svg).unwrap();
        let heading = doc.descendants().find(|n| n.attribute("class") == Some("title")).unwrap();
        let shown = heading.children().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect::<String>();
        assert!(shown.ends_with('…') && shown.len() < 1100, "{} bytes shown", shown.len());
        let html = vpc_render::html(&canvases);
        assert!(html.contains(&title));
    }
}

#[test]
fn a_word_too_long_for_a_line_keeps_each_letter_with_its_marks() {
    // Cyrillic letters with a combining mark the width table counts: breaking between
    // characters could start a line with the mark, torn from its letter.
    let word = "и\u{0483}".repeat(60);
    let (lines, cut) = vpc_render::wrap(&word, 100.0, 13.0, 10);
    assert!(!cut);
    assert!(lines.len() > 2, "{lines:?}");
    assert_eq!(lines.concat(), word);
    for line in &lines {
        assert!(line.starts_with('и') && line.ends_with('\u{0483}'), "{line:?}");
    }
}

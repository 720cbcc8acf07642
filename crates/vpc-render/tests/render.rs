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

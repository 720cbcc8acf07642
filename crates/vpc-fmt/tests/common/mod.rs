//! Checks shared by the tests: what formatting must preserve and guarantee.

#![allow(dead_code)]

use vpc_fmt::{FormatOptions, format};
use vpc_syntax::schema::{self, Owner};
use vpc_syntax::{Attribute, Block, BlockKind, ItemKind, Member, Value};

/// A syntax tree without spans or comments, with each attribute list in canonical
/// order (a stable sort, so repeated and unknown keys keep their source order).
#[derive(Debug, PartialEq)]
pub struct BlockShape {
    kind: BlockKind,
    id: Option<String>,
    title: Option<String>,
    attributes: Vec<AttributeShape>,
    members: Vec<MemberShape>,
}

#[derive(Debug, PartialEq)]
pub enum MemberShape {
    Item { kind: ItemKind, id: Option<String>, title: Option<String>, attributes: Vec<AttributeShape> },
    Block(BlockShape),
}

#[derive(Debug, PartialEq)]
pub struct AttributeShape {
    key: String,
    value: ValueShape,
}

/// Strings and numbers by their text as written, so escapes must be kept too.
#[derive(Debug, PartialEq)]
pub enum ValueShape {
    Ident(String),
    Str(String),
    Number(String),
    List(Vec<ValueShape>),
    Missing,
}

pub fn shape(text: &str) -> Vec<BlockShape> {
    vpc_syntax::parse(text).file.canvases.iter().map(|c| block_shape(text, c)).collect()
}

fn block_shape(text: &str, block: &Block) -> BlockShape {
    BlockShape {
        kind: block.kind,
        id: block.id.as_ref().map(|n| n.text.to_string()),
        title: block.title.as_ref().map(|s| text[s.span.range()].to_string()),
        attributes: attributes_shape(text, block.attributes(), Owner::Block(block.kind)),
        members: block
            .members
            .iter()
            .filter_map(|m| match m {
                Member::Attribute(_) => None,
                Member::Item(item) => Some(MemberShape::Item {
                    kind: item.kind,
                    id: item.id.as_ref().map(|n| n.text.to_string()),
                    title: item.title.as_ref().map(|s| text[s.span.range()].to_string()),
                    attributes: attributes_shape(text, item.attributes().iter(), Owner::Item(item.kind)),
                }),
                Member::Block(b) => Some(MemberShape::Block(block_shape(text, b))),
            })
            .collect(),
    }
}

fn attributes_shape<'a>(
    text: &str,
    attributes: impl Iterator<Item = &'a Attribute>,
    owner: Owner,
) -> Vec<AttributeShape> {
    let known = schema::attributes(owner);
    let mut sorted: Vec<&Attribute> = attributes.collect();
    // (canonical index, source index): the sort is stable.
    sorted.sort_by_key(|a| known.iter().position(|s| s.key == a.key.text).unwrap_or(known.len()));
    sorted
        .into_iter()
        .map(|a| AttributeShape { key: a.key.text.to_string(), value: value_shape(text, &a.value) })
        .collect()
}

fn value_shape(text: &str, value: &Value) -> ValueShape {
    match value {
        Value::Ident(n) => ValueShape::Ident(n.text.to_string()),
        Value::Str(s) => ValueShape::Str(text[s.span.range()].to_string()),
        Value::Number(n) => ValueShape::Number(text[n.span.range()].to_string()),
        Value::List(l) => ValueShape::List(l.items.iter().map(|v| value_shape(text, v)).collect()),
        Value::Missing(_) => ValueShape::Missing,
    }
}

/// The texts of all comments, sorted (a multiset), without trailing whitespace.
pub fn comment_texts(text: &str) -> Vec<String> {
    let mut texts: Vec<String> =
        vpc_syntax::parse(text).file.comments.iter().map(|c| c.text.trim_end().to_string()).collect();
    texts.sort();
    texts
}

/// Format `input` (which must parse without errors) and check every guarantee:
/// meaning, comments, idempotence and the shape of the text. Returns the output.
pub fn check(input: &str, options: &FormatOptions) -> String {
    let output = match format(input, options) {
        Ok(output) => output,
        Err(e) => panic!("formatting failed: {e}\n--- input:\n{input}"),
    };
    let context = || format!("--- input:\n{input}\n--- output:\n{output}");
    let reparsed = vpc_syntax::parse(&output);
    assert!(reparsed.errors.is_empty(), "output has syntax errors: {:?}\n{}", reparsed.errors, context());
    assert_eq!(shape(&output), shape(input), "meaning changed\n{}", context());
    assert_eq!(model(&output), model(input), "the canvas model changed\n{}", context());
    assert_eq!(comment_texts(&output), comment_texts(input), "comments changed\n{}", context());
    let again = format(&output, options).expect("output formats");
    assert_eq!(again, output, "not idempotent\n{}", context());
    check_text(input, &output);
    output
}

/// Line endings, trailing whitespace, the final line break, the byte-order mark.
fn check_text(input: &str, output: &str) {
    let crlf = input.find(['\n', '\r']).is_some_and(|i| input[i..].starts_with("\r\n"));
    let newline = if crlf { "\r\n" } else { "\n" };
    assert_eq!(input.starts_with('\u{feff}'), output.starts_with('\u{feff}'), "byte-order mark\n{output}");
    let body = output.strip_prefix('\u{feff}').unwrap_or(output);
    if body.is_empty() {
        return;
    }
    assert!(body.ends_with(newline), "no final line break\n{output:?}");
    assert!(!body.ends_with(&format!("{newline}{newline}")), "blank line at the end\n{output:?}");
    assert!(!body.starts_with(newline), "blank line at the start\n{output:?}");
    let lines: Vec<&str> = body[..body.len() - newline.len()].split(newline).collect();
    for line in &lines {
        assert!(!line.contains(['\r', '\n']), "mixed line breaks\n{output:?}");
        assert_eq!(line.trim_end(), *line, "trailing whitespace\n{output:?}");
    }
    for pair in lines.windows(2) {
        assert!(!(pair[0].is_empty() && pair[1].is_empty()), "two blank lines in a row\n{output}");
    }
}

/// The meaning of a file as `vpc-model` sees it, without positions: what `vpc check`
/// and the fit score depend on. Formatting must not change it.
pub fn model(text: &str) -> String {
    use std::fmt::Write;
    let (_, analysis) = vpc_model::check(text, &vpc_model::LintConfig::default());
    let mut out = String::new();
    for c in &analysis.canvases {
        let id = |n: &Option<vpc_syntax::Name>| n.as_ref().map(|n| n.text.to_string());
        writeln!(
            out,
            "canvas {:?} {:?} {:?} {:?} {:?} fit={:?}",
            id(&c.id),
            c.title,
            c.description,
            c.note,
            c.allow,
            c.fit_parts()
        )
        .unwrap();
        for s in &c.sections {
            writeln!(
                out,
                "  {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                s.kind,
                id(&s.id),
                s.title,
                s.description,
                s.note,
                s.early_adopters,
                s.market,
                s.strategy,
                s.allow
            )
            .unwrap();
        }
        for i in &c.items {
            writeln!(
                out,
                "  {:?} {:?} {:?} in {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                i.kind,
                id(&i.id),
                i.title,
                i.section,
                i.rank,
                i.category,
                i.role,
                i.frequency,
                i.context,
                i.note,
                i.importance_score,
                i.satisfaction_score,
                i.allow,
                {
                    // Attribute order is canonicalised, so compare the links as a set.
                    let mut links: Vec<String> = i.links_given.iter().map(|l| format!("{l:?}")).collect();
                    links.sort();
                    links
                }
            )
            .unwrap();
        }
        // One item's references keep their order within an attribute; attributes may move.
        // A stable sort by (item, attribute) keeps each list's own order.
        let mut refs: Vec<_> = c.references.iter().collect();
        refs.sort_by_key(|r| (r.from, format!("{:?}", r.link)));
        for r in refs {
            writeln!(out, "  ref {:?} {:?} {} {:?}", r.from, r.link, r.name.text, r.target).unwrap();
        }
    }
    let mut codes: Vec<&str> = analysis.diagnostics.iter().map(|d| d.code.as_str()).collect();
    codes.sort();
    writeln!(out, "diagnostics {codes:?}").unwrap();
    out
}

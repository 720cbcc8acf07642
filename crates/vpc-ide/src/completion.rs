//! Completion by context, on half-typed text.
//!
//! - at the top level: `canvas`;
//! - directly in a canvas: `segment` and `value-map` (those it lacks) and the canvas's keys;
//! - in a segment: `job pain gain outcome`; in a value map: `product reliever creator`;
//!   both with the block's keys not yet given;
//! - in an item's `{ … }`: the keys of its kind not yet given;
//! - after `key:` or in its list `[a, |]`: the key's value set, the codes after
//!   `allow:`, or the identifiers of the right kind (names already in the list
//!   left out): pains after `relieves:`, gains after `creates:`, jobs after `job:` and
//!   `serves:`, products after `via:`, outcomes after `addresses:`, the ones not yet
//!   covered first.
//!
//! Item and block keywords insert a snippet of the whole item or block; an item's
//! title placeholder is the method's main question for its kind, and its
//! documentation lists the others (`vpc_model::questions`).

use vpc_model::{Canvas, Code, ItemId, Link, format_score, questions};
use vpc_syntax::schema::{self, Owner, ValueKind};
use vpc_syntax::{BlockKind, ItemKind, Span};

use crate::context::{self, Frame, FrameKind, canvas_of, frames, given_keys, is_closed, list_names, value_site};
use crate::docs;
use crate::file::{File, TokenKind};
use crate::hover::describe_item_in;

/// What a completion inserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    /// An item or block keyword, inserted as a snippet of the whole item or block.
    Keyword,
    /// An attribute key, `severity: `.
    Attribute,
    /// A word of a value set, `severe`.
    Value,
    /// The identifier of an item.
    Reference,
    /// A diagnostic code after `allow:`.
    Code,
}

/// One proposal of [`completions`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    pub insert_text: String,
    /// `insert_text` has snippet placeholders (`${1:id}`, `${2|a,b|}`, `$0`).
    pub is_snippet: bool,
    /// The text the completion replaces: the word being typed (empty when none).
    pub replace: Span,
    /// The order to show proposals in.
    pub sort_text: String,
    /// After inserting, the editor should ask for completions again (a key was
    /// inserted and its value comes next).
    pub retrigger: bool,
}

/// What fits at `offset`.
pub fn completions(file: &File, offset: usize) -> Vec<Completion> {
    let offset = file.clamp(offset);
    if file.comment_at(offset).is_some() {
        return Vec::new();
    }
    // The word being typed, if the cursor is in or at the end of one.
    let typed = file.token_at(offset).filter(|(_, t)| t.span().start < offset && offset <= t.span().end);
    if let Some((_, t)) = typed {
        match t.kind {
            TokenKind::Ident => {}
            TokenKind::Str if offset < t.span().end || !is_closed_string(file.slice(t.span())) => return Vec::new(),
            TokenKind::Number | TokenKind::Error if offset < t.span().end => return Vec::new(),
            _ => {}
        }
    }
    let prefix = typed.filter(|(_, t)| t.kind == TokenKind::Ident);
    let start = prefix.map_or(offset, |(_, t)| t.span().start);
    let replace = prefix.map_or(Span::empty(offset), |(_, t)| t.span());
    let skip = prefix.map(|(i, _)| i);
    let p = context::tokens_before(file, start);
    let stack = frames(file, p);
    let cx = Cx { file, replace, skip, canvas: canvas_of(file, &stack).or_else(|| file.canvas_at(offset)) };

    if let Some(site) = value_site(file, p, start) {
        let owner = stack.last().and_then(|f| f.owner()).unwrap_or(Owner::Block(BlockKind::Canvas));
        return cx.values(owner, &site, stack.last().copied());
    }
    if !at_member_start(file, p, start) {
        return Vec::new();
    }
    let Some(frame) = stack.last().copied() else {
        return vec![cx.keyword_snippet("canvas", CANVAS_SNIPPET.to_string(), 0)];
    };
    match frame.kind {
        FrameKind::Other => Vec::new(),
        FrameKind::Item(kind) => {
            let mut out = cx.keys(Owner::Item(kind), frame);
            // An attribute block left open: what is typed on a new line may be the next item.
            if !is_closed(file, frame)
                && file.tokens.get(p.wrapping_sub(1)).is_none_or(|t| !file.same_line(t.span().start, start))
                && let Some(section) = stack.iter().rev().nth(1).copied()
            {
                out.extend(cx.members(section, &stack));
            }
            out
        }
        FrameKind::Block(_) => {
            let mut out = cx.members(frame, &stack);
            out.extend(cx.keys(frame.owner().unwrap_or(Owner::Block(BlockKind::Canvas)), frame));
            out
        }
    }
}

fn is_closed_string(literal: &str) -> bool {
    literal.len() >= 2 && literal.ends_with('"') && {
        let body = &literal[1..literal.len() - 1];
        let backslashes = body.len() - body.trim_end_matches('\\').len();
        backslashes.is_multiple_of(2)
    }
}

/// Is a new member (item, block or attribute) starting here: first on its line, or
/// after `{`, `,` or `}`?
fn at_member_start(file: &File, p: usize, start: usize) -> bool {
    match p.checked_sub(1).and_then(|i| file.tokens.get(i)) {
        None => true,
        Some(last) => {
            !file.same_line(last.span().start, start)
                || matches!(last.kind, TokenKind::LBrace | TokenKind::Comma | TokenKind::RBrace)
        }
    }
}

struct Cx<'a> {
    file: &'a File,
    replace: Span,
    skip: Option<usize>,
    canvas: Option<usize>,
}

const CANVAS_SNIPPET: &str = "canvas ${1:id} \"${2:what the value proposition is}\" {\n  segment ${3:customers} \"${4:who the customers are}\" {\n    $0\n  }\n\n  value-map \"${5:what we offer}\" {\n  }\n}";

impl Cx<'_> {
    fn completion(
        &self,
        label: impl Into<String>,
        kind: CompletionKind,
        insert: impl Into<String>,
        sort: String,
    ) -> Completion {
        Completion {
            label: label.into(),
            kind,
            detail: None,
            documentation: None,
            insert_text: insert.into(),
            is_snippet: false,
            replace: self.replace,
            sort_text: sort,
            retrigger: false,
        }
    }

    fn keyword_snippet(&self, keyword: &str, snippet: String, order: usize) -> Completion {
        let questions = match (ItemKind::from_keyword(keyword), BlockKind::from_keyword(keyword)) {
            (Some(kind), _) => questions::for_kind(kind),
            (None, Some(kind)) => questions::for_block(kind),
            _ => &[],
        };
        let documentation = docs::keyword(keyword).map(|doc| {
            if questions.is_empty() {
                return doc.to_string();
            }
            let asks: Vec<String> = questions.iter().map(|q| format!("- {q}")).collect();
            format!("{doc}\n\n**Questions to ask**\n\n{}", asks.join("\n"))
        });
        Completion {
            detail: docs::keyword_summary(keyword).map(str::to_string),
            documentation,
            is_snippet: true,
            ..self.completion(keyword, CompletionKind::Keyword, snippet, format!("1{order:02}"))
        }
    }

    fn canvas(&self) -> Option<&Canvas> {
        self.file.canvas(self.canvas?)
    }

    /// Items and sections that fit in a block.
    fn members(&self, frame: Frame, stack: &[Frame]) -> Vec<Completion> {
        match frame.kind {
            FrameKind::Block(BlockKind::Canvas) => {
                let present: Vec<BlockKind> = self.present_sections(frame);
                let mut out = Vec::new();
                if !present.contains(&BlockKind::Segment) {
                    out.push(self.keyword_snippet(
                        "segment",
                        "segment ${1:id} \"${2:who the customers are}\" {\n  $0\n}".to_string(),
                        0,
                    ));
                }
                if !present.contains(&BlockKind::ValueMap) {
                    out.push(self.keyword_snippet(
                        "value-map",
                        "value-map \"${1:what we offer}\" {\n  $0\n}".to_string(),
                        1,
                    ));
                }
                out
            }
            FrameKind::Block(section) => {
                let kinds: &[ItemKind] = match section {
                    BlockKind::Segment => &[ItemKind::Job, ItemKind::Pain, ItemKind::Gain, ItemKind::Outcome],
                    _ => &[ItemKind::Product, ItemKind::Reliever, ItemKind::Creator],
                };
                let _ = stack;
                kinds
                    .iter()
                    .enumerate()
                    .map(|(n, &k)| self.keyword_snippet(k.keyword(), self.item_snippet(k), n))
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// The sections a canvas frame already has.
    fn present_sections(&self, frame: Frame) -> Vec<BlockKind> {
        let Some(keyword) = frame.keyword else { return Vec::new() };
        self.file
            .analysis
            .canvases
            .iter()
            .find(|c| c.keyword == keyword)
            .map(|c| c.sections.iter().map(|s| s.kind).collect())
            .unwrap_or_default()
    }

    fn item_snippet(&self, kind: ItemKind) -> String {
        let canvas = self.canvas();
        let first = |k: ItemKind, open_only: bool| {
            canvas.and_then(|c| {
                c.items_of(k)
                    .filter(|(id, _)| !open_only || !c.is_addressed(*id))
                    .find_map(|(_, i)| i.id.as_ref().map(|id| id.text.clone()))
            })
        };
        let choice = |set: &[&str]| set.join(",");
        // The title's placeholder is the method's main question for the kind.
        let ask = placeholder(questions::for_kind(kind).first().copied().unwrap_or_default());
        match kind {
            ItemKind::Job => {
                format!("job ${{1:id}} \"${{2:{ask}}}\" {{ importance: ${{3|{}|}} }}", choice(schema::IMPORTANCE))
            }
            ItemKind::Pain => {
                format!("pain ${{1:id}} \"${{2:{ask}}}\" {{ severity: ${{3|{}|}} }}", choice(schema::SEVERITY))
            }
            ItemKind::Gain => {
                format!("gain ${{1:id}} \"${{2:{ask}}}\" {{ relevance: ${{3|{}|}} }}", choice(schema::RELEVANCE))
            }
            ItemKind::Outcome => format!(
                "outcome ${{1:id}} \"${{2:Minimise the time it takes to …}}\" {{ job: ${{3:{}}}, importance: ${{4:8}}, satisfaction: ${{5:3}} }}",
                first(ItemKind::Job, false).unwrap_or_else(|| "job".into())
            ),
            ItemKind::Product => {
                format!("product ${{1:id}} \"${{2:{ask}}}\" {{ kind: ${{3|{}|}} }}", choice(schema::PRODUCT_KIND))
            }
            ItemKind::Reliever => format!(
                "reliever ${{1:id}} \"${{2:{ask}}}\" {{ relieves: ${{3:{}}} }}",
                first(ItemKind::Pain, true).or_else(|| first(ItemKind::Pain, false)).unwrap_or_else(|| "pain".into())
            ),
            ItemKind::Creator => format!(
                "creator ${{1:id}} \"${{2:{ask}}}\" {{ creates: ${{3:{}}} }}",
                first(ItemKind::Gain, true).or_else(|| first(ItemKind::Gain, false)).unwrap_or_else(|| "gain".into())
            ),
        }
    }

    /// The keys of `owner` not yet given in the frame.
    fn keys(&self, owner: Owner, frame: Frame) -> Vec<Completion> {
        let given = given_keys(self.file, frame, self.skip);
        schema::attributes(owner)
            .iter()
            .enumerate()
            .filter(|(_, spec)| !given.iter().any(|g| g == spec.key))
            .map(|(n, spec)| {
                let (insert, is_snippet, retrigger) = match spec.value {
                    ValueKind::Text => (format!("{}: \"$1\"", spec.key), true, false),
                    ValueKind::Choice(_)
                    | ValueKind::Rank(_)
                    | ValueKind::References(_)
                    | ValueKind::Codes
                    | ValueKind::Word => (format!("{}: ", spec.key), false, true),
                    ValueKind::Score => (format!("{}: ", spec.key), false, false),
                };
                Completion {
                    detail: Some(value_detail(spec.value)),
                    documentation: docs::key(owner, spec.key),
                    is_snippet,
                    retrigger,
                    ..self.completion(spec.key, CompletionKind::Attribute, insert, format!("0{n:02}"))
                }
            })
            .collect()
    }

    /// What fits as the value of the attribute at `site`.
    /// The codes of the diagnostics on the item or block of `frame` (on its name).
    fn reported_codes(&self, frame: Option<Frame>) -> Vec<Code> {
        let Some(keyword) = frame.and_then(|f| f.keyword) else { return Vec::new() };
        let Some(canvas) = self.canvas() else { return Vec::new() };
        let name = canvas
            .items
            .iter()
            .find(|i| i.keyword == keyword)
            .map(|i| i.name_span())
            .or_else(|| canvas.sections.iter().find(|s| s.keyword == keyword).map(|s| s.name_span()))
            .or_else(|| (canvas.keyword == keyword).then(|| canvas.id.as_ref().map_or(canvas.keyword, |id| id.span)));
        let Some(name) = name else { return Vec::new() };
        self.file.diagnostics().iter().filter(|d| d.span == name).map(|d| d.code).collect()
    }

    fn values(&self, owner: Owner, site: &context::ValueSite, frame: Option<Frame>) -> Vec<Completion> {
        let key = self.file.word(self.file.tokens[site.key]);
        let Some(spec) = schema::attribute(owner, key) else { return Vec::new() };
        let written = site.list.map(|open| list_names(self.file, open, self.skip)).unwrap_or_default();
        match spec.value {
            ValueKind::Choice(set) | ValueKind::Rank(set) => {
                if site.list.is_some() {
                    return Vec::new();
                }
                set.iter()
                    .enumerate()
                    .map(|(n, word)| Completion {
                        detail: match spec.value {
                            ValueKind::Rank(_) => Some(format!("weight {}", 16u32 >> n.min(4))),
                            _ => None,
                        },
                        documentation: docs::value(owner, key, word),
                        ..self.completion(*word, CompletionKind::Value, *word, format!("0{n:02}"))
                    })
                    .collect()
            }
            ValueKind::Word if key == "frequency" && site.list.is_none() => {
                ["daily", "weekly", "monthly", "yearly", "once"]
                    .iter()
                    .enumerate()
                    .map(|(n, w)| self.completion(*w, CompletionKind::Value, *w, format!("0{n:02}")))
                    .collect()
            }
            ValueKind::Codes => {
                // The codes reported on this very item or block come first.
                let reported = self.reported_codes(frame);
                Code::ALL
                    .iter()
                    .filter(|c| c.is_configurable() && !written.iter().any(|w| w == c.as_str()))
                    .enumerate()
                    .map(|(n, code)| {
                        let group = if reported.contains(code) { 0 } else { 1 };
                        Completion {
                            detail: Some(code.summary()),
                            documentation: Some(code.doc()),
                            ..self.completion(
                                code.as_str(),
                                CompletionKind::Code,
                                code.as_str(),
                                format!("{group}{n:02}"),
                            )
                        }
                    })
                    .collect()
            }
            ValueKind::References(kind) => self.references(kind, Link::from_key(key), &written),
            _ => Vec::new(),
        }
    }

    /// The identifiers of the canvas's items of `kind`, those not yet covered first.
    fn references(&self, kind: ItemKind, link: Option<Link>, written: &[String]) -> Vec<Completion> {
        let Some(canvas) = self.canvas() else { return Vec::new() };
        // Sets, not lists: a canvas of 10,000 pains made this quadratic per request.
        let written: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let fit = canvas.judge().total();
        canvas
            .items_of(kind)
            .filter_map(|(id, item)| {
                let name = item.id.as_ref()?.text.as_str();
                if written.contains(name) || !seen.insert(name) {
                    return None;
                }
                let (group, note) = priority(canvas, id, link);
                // Heavier first: the rank's weight (16 at most), an outcome's opportunity (20 at most).
                let weight = 20u32.saturating_sub(match link {
                    Some(Link::Addresses) => item.opportunity().map_or(0, |o| o.clamp(0.0, 20.0) as u32),
                    _ => item.rank.weight(),
                });
                let detail = match note {
                    Some(note) => format!("{} · {note}", item.title),
                    None => item.title.to_string(),
                };
                Some(Completion {
                    detail: Some(detail),
                    documentation: Some(describe_item_in(canvas, id, fit)),
                    ..self.completion(name, CompletionKind::Reference, name, format!("{group}{weight:02}{:05}", id.0))
                })
            })
            .collect()
    }
}

/// Which group a reference candidate sorts in (0 first), and why.
fn priority(canvas: &Canvas, id: ItemId, link: Option<Link>) -> (u8, Option<String>) {
    let item = canvas.item(id);
    match link {
        Some(Link::Relieves) if canvas.relieved_by(id).is_empty() => (0, Some("unrelieved".to_string())),
        Some(Link::Creates) if canvas.created_by(id).is_empty() => (0, Some("uncreated".to_string())),
        Some(Link::Addresses) => match item.opportunity() {
            Some(o) if item.underserved().is_some() && canvas.addressed_by(id).is_empty() => {
                (0, Some(format!("under-served, opportunity {}", format_score(o))))
            }
            Some(o) if item.underserved().is_some() => {
                (1, Some(format!("under-served, opportunity {}", format_score(o))))
            }
            Some(o) => (2, Some(format!("opportunity {}", format_score(o)))),
            None => (3, None),
        },
        Some(Link::Serves) if canvas.sources(id, Link::Serves).is_empty() => (0, Some("unserved".to_string())),
        _ => (1, item.rank.word().map(str::to_string)),
    }
}

/// Text as a snippet placeholder inside a `.vpc` string: escaped for the string,
/// then for the snippet syntax (`\\`, `$` and `}`).
fn placeholder(text: &str) -> String {
    vpc_syntax::lexer::escape(text).replace('\\', "\\\\").replace('$', "\\$").replace('}', "\\}")
}

fn value_detail(value: ValueKind) -> String {
    match value {
        ValueKind::Text => "text".to_string(),
        ValueKind::Word => "word or text".to_string(),
        ValueKind::Choice(set) | ValueKind::Rank(set) => set.join(" | "),
        ValueKind::Score => "0–10 or 0%–100%".to_string(),
        ValueKind::References(kind) => format!("{kind} identifiers"),
        ValueKind::Codes => "diagnostic codes".to_string(),
    }
}

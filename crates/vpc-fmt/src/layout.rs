//! From the syntax tree to lines of canonical text, without comments.
//!
//! Each [`Line`] remembers the source span of every token written on it, so that
//! [`crate::render`] can put each comment back next to the token it was next to.
//! Whether an attribute block or a list is written inline depends on the width and
//! on whether a comment is inside it, which is why the comments are known here.

use vpc_syntax::schema::{self, Owner};
use vpc_syntax::{Attribute, AttributeBlock, Block, BlockKind, Comment, Item, List, Member, Name, Span, Str, Value};

use crate::FormatOptions;

/// What a line is, which decides whether a blank line may come before it and
/// where a comment placed before it is indented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// `canvas … {` at the top level.
    Canvas,
    /// The first line of a member of a block (an attribute, an item or a section),
    /// or a comment between members or at the end of the file.
    Member,
    /// A line inside an item's attribute block or inside a list.
    Inner,
    /// The `}` that closes a canvas, segment or value map.
    BlockClose,
    /// The `}` or `]` that closes an attribute block or a list.
    InnerClose,
}

#[derive(Debug)]
pub(crate) struct Line {
    pub depth: usize,
    pub kind: LineKind,
    pub text: String,
    /// The source spans of the tokens written on this line, in the order written.
    pub tokens: Vec<Span>,
    /// The line ends with the `{` of a canvas, segment or value map.
    pub opens_block: bool,
    /// The line ends with the `}` of a canvas.
    pub closes_canvas: bool,
}

pub(crate) struct Layout<'a> {
    src: &'a str,
    options: &'a FormatOptions,
    /// In source order.
    comments: &'a [Comment],
    lines: Vec<Line>,
}

impl<'a> Layout<'a> {
    pub fn new(src: &'a str, options: &'a FormatOptions, comments: &'a [Comment]) -> Layout<'a> {
        Layout { src, options, comments, lines: Vec::new() }
    }

    pub fn into_lines(self) -> Vec<Line> {
        self.lines
    }

    pub fn canvas(&mut self, canvas: &Block) {
        self.begin(0, LineKind::Canvas);
        self.block_head(canvas);
        self.block_body(canvas, 0);
    }

    fn section(&mut self, block: &Block, depth: usize) {
        self.begin(depth, LineKind::Member);
        self.block_head(block);
        self.block_body(block, depth);
    }

    fn block_head(&mut self, block: &Block) {
        self.token(block.kind.keyword(), block.keyword);
        self.name_and_title(block.id.as_ref(), block.title.as_ref());
    }

    /// `{`, the block's attributes in canonical order, its other members in source
    /// order, `}`; or `{}` when there is nothing inside, not even a comment.
    fn block_body(&mut self, block: &Block, depth: usize) {
        let l_brace = block.l_brace.unwrap_or(Span::empty(block.span.end));
        let r_brace = block.r_brace.unwrap_or(Span::empty(block.span.end));
        let is_canvas = block.kind == BlockKind::Canvas;
        self.text(" ");
        self.token("{", l_brace);
        if block.members.is_empty() && !self.has_comment_inside(l_brace.cover(r_brace)) {
            self.token("}", r_brace);
            self.current().closes_canvas = is_canvas;
            return;
        }
        self.current().opens_block = true;
        for attribute in canonical_order(block.attributes(), Owner::Block(block.kind)) {
            self.begin(depth + 1, LineKind::Member);
            self.attribute(attribute, depth + 1);
        }
        for member in &block.members {
            match member {
                Member::Attribute(_) => {}
                Member::Item(item) => self.item(item, depth + 1),
                Member::Block(section) => self.section(section, depth + 1),
            }
        }
        self.begin(depth, LineKind::BlockClose);
        self.token("}", r_brace);
        self.current().closes_canvas = is_canvas;
    }

    fn item(&mut self, item: &Item, depth: usize) {
        self.begin(depth, LineKind::Member);
        self.token(item.kind.keyword(), item.keyword);
        self.name_and_title(item.id.as_ref(), item.title.as_ref());
        if let Some(block) = &item.attributes {
            self.attribute_block(block, Owner::Item(item.kind), depth);
        }
    }

    /// ` { k: v, k: v }` on the item's line if it fits and holds no comment, else
    /// one attribute per line. Dropped when empty.
    fn attribute_block(&mut self, block: &AttributeBlock, owner: Owner, depth: usize) {
        let r_brace = block.r_brace.unwrap_or(Span::empty(block.span.end));
        let has_comment = self.has_comment_inside(block.span);
        if block.attributes.is_empty() && !has_comment {
            return;
        }
        let attributes = canonical_order(block.attributes.iter(), owner);
        let flat: Vec<String> = attributes.iter().map(|a| format!("{}: {}", a.key.text, self.flat(&a.value))).collect();
        let inline = !has_comment && self.fits(&format!(" {{ {} }}", flat.join(", ")), 0);
        self.text(" ");
        self.token("{", block.l_brace);
        if inline {
            for (i, attribute) in attributes.iter().enumerate() {
                self.text(if i == 0 { " " } else { ", " });
                self.attribute(attribute, depth);
            }
            self.text(" ");
            self.token("}", r_brace);
        } else {
            for attribute in attributes {
                self.begin(depth + 1, LineKind::Inner);
                self.attribute(attribute, depth + 1);
            }
            self.begin(depth, LineKind::InnerClose);
            self.token("}", r_brace);
        }
    }

    /// `key: value` on the current line, whose depth is `depth`.
    fn attribute(&mut self, attribute: &Attribute, depth: usize) {
        self.token(&attribute.key.text, attribute.key.span);
        self.text(": ");
        self.value(&attribute.value, depth, 0);
    }

    /// A value at the end of the current line (then followed by `suffix` characters):
    /// a list that does not fit or holds a comment goes one element per line.
    fn value(&mut self, value: &Value, depth: usize, suffix: usize) {
        let Value::List(list) = value else {
            return self.flat_value(value);
        };
        if !self.has_comment_inside(list.span) && self.fits(&self.flat(value), suffix) {
            return self.flat_value(value);
        }
        let (open, close) = brackets(list);
        self.token("[", open);
        for item in &list.items {
            self.begin(depth + 1, LineKind::Inner);
            self.value(item, depth + 1, 1);
            self.text(",");
        }
        self.begin(depth, LineKind::InnerClose);
        self.token("]", close);
    }

    /// A value written on one line.
    fn flat_value(&mut self, value: &Value) {
        match value {
            Value::Ident(name) => self.token(&name.text, name.span),
            Value::Str(s) => self.token(self.src.get(s.span.range()).unwrap_or_default(), s.span),
            Value::Number(n) => self.token(self.src.get(n.span.range()).unwrap_or(&n.text), n.span),
            Value::List(list) => {
                let (open, close) = brackets(list);
                self.token("[", open);
                for (i, item) in list.items.iter().enumerate() {
                    if i > 0 {
                        self.text(", ");
                    }
                    self.flat_value(item);
                }
                self.token("]", close);
            }
            Value::Missing(_) => {}
        }
    }

    /// The text of [`Layout::flat_value`], to measure it.
    fn flat(&self, value: &Value) -> String {
        match value {
            Value::Ident(name) => name.text.to_string(),
            Value::Str(Str { span, .. }) => self.src.get(span.range()).unwrap_or_default().to_string(),
            Value::Number(n) => self.src.get(n.span.range()).unwrap_or(&n.text).to_string(),
            Value::List(list) => {
                format!("[{}]", list.items.iter().map(|v| self.flat(v)).collect::<Vec<_>>().join(", "))
            }
            Value::Missing(_) => String::new(),
        }
    }

    fn name_and_title(&mut self, id: Option<&Name>, title: Option<&Str>) {
        if let Some(id) = id {
            self.text(" ");
            self.token(&id.text, id.span);
        }
        if let Some(title) = title {
            self.text(" ");
            self.token(self.src.get(title.span.range()).unwrap_or_default(), title.span);
        }
    }

    /// Whether `more` (then `suffix` characters) still fits on the current line.
    fn fits(&self, more: &str, suffix: usize) -> bool {
        let line = self.lines.last();
        let used = line.map_or(0, |l| l.depth * self.options.indent + l.text.chars().count());
        used + more.chars().count() + suffix <= self.options.line_width
    }

    /// Whether a comment starts strictly inside `span` (between its delimiters).
    fn has_comment_inside(&self, span: Span) -> bool {
        let first = self.comments.partition_point(|c| c.span.start <= span.start);
        self.comments.get(first).is_some_and(|c| c.span.start < span.end)
    }

    fn begin(&mut self, depth: usize, kind: LineKind) {
        self.lines.push(Line {
            depth,
            kind,
            text: String::new(),
            tokens: Vec::new(),
            opens_block: false,
            closes_canvas: false,
        });
    }

    fn current(&mut self) -> &mut Line {
        if self.lines.is_empty() {
            self.begin(0, LineKind::Member);
        }
        let last = self.lines.len() - 1;
        &mut self.lines[last]
    }

    /// Text read from the source at `span` (a comment may be put back next to it).
    fn token(&mut self, text: &str, span: Span) {
        let line = self.current();
        line.text.push_str(text);
        line.tokens.push(span);
    }

    /// Punctuation and spaces the formatter writes itself.
    fn text(&mut self, text: &str) {
        self.current().text.push_str(text);
    }
}

/// The spans of a list's `[` and `]`.
fn brackets(list: &List) -> (Span, Span) {
    let open = Span::new(list.span.start, (list.span.start + 1).min(list.span.end));
    let close = Span::new(list.span.end.saturating_sub(1).max(open.end), list.span.end);
    (open, close)
}

/// Attributes sorted by their owner's canonical order, unknown keys last; a stable
/// sort, so repeated and unknown keys keep their source order.
pub(crate) fn canonical_order<'t>(attributes: impl Iterator<Item = &'t Attribute>, owner: Owner) -> Vec<&'t Attribute> {
    let known = schema::attributes(owner);
    let mut sorted: Vec<&Attribute> = attributes.collect();
    sorted.sort_by_key(|a| known.iter().position(|spec| spec.key == a.key.text).unwrap_or(known.len()));
    sorted
}

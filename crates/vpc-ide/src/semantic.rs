//! Semantic tokens: what each word of the text is, for colouring.
//!
//! Read from the syntax tree (so `job` is a keyword at the start of an item and an
//! attribute key in `job: organise`), with the references resolved by the model.
//! Strings and numbers the tree could not place still come from the token stream.

use vpc_syntax::schema::{self, Owner, ValueKind};
use vpc_syntax::{Attribute, Block, Item, Member, Span, Value};

use vpc_syntax::lexer::TokenKind as LexKind;

use crate::SymbolKind;
use crate::file::{Def, File};

/// What a token is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// `canvas`, `segment`, `value-map`, `job`, `pain`, … at the start of a block or item.
    Keyword,
    /// The identifier that defines a canvas, section or item.
    Definition(SymbolKind),
    /// A reference, with the kind of what it names.
    Reference(SymbolKind),
    /// A reference that names nothing.
    UnresolvedReference,
    /// `severity` in `severity: severe`.
    AttributeKey,
    /// A word of a value set (`severe`, `functional`, `multi-sided`) or a `frequency` word.
    EnumValue,
    /// A diagnostic code in `allow:`.
    Code,
    String,
    Number,
    Comment,
}

/// A span of the text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SemanticToken {
    pub span: Span,
    pub kind: TokenKind,
}

/// The tokens of the file (or of those that overlap `range`), sorted, not
/// overlapping, each on one line.
pub fn semantic_tokens(file: &File, range: Option<Span>) -> Vec<SemanticToken> {
    let mut out = Vec::new();
    for (c, block) in file.parse.file.canvases.iter().enumerate() {
        if range.is_some_and(|r| block.span.end < r.start || block.span.start > r.end) {
            continue;
        }
        Walk { file, canvas: c, out: &mut out }.block(block);
    }
    for &span in &file.comments {
        out.push(SemanticToken { span, kind: TokenKind::Comment });
    }
    out.sort_by_key(|t| (t.span.start, t.span.end));
    // Strings and numbers outside the tree (in text the parser skipped).
    let mut extra = Vec::new();
    let mut known = out.iter().map(|t| t.span.start).peekable();
    for t in &file.tokens {
        while known.next_if(|&s| s < t.span().start).is_some() {}
        let kind = match t.kind {
            LexKind::Str => TokenKind::String,
            LexKind::Number => TokenKind::Number,
            _ => continue,
        };
        if known.peek() != Some(&t.span().start) {
            extra.push(SemanticToken { span: t.span(), kind });
        }
    }
    out.extend(extra);
    out.sort_by_key(|t| (t.span.start, t.span.end));
    let mut end = 0;
    out.retain(|t| {
        let keep = t.span.start >= end && !t.span.is_empty() && !file.slice(t.span).contains(['\n', '\r']);
        if keep {
            end = t.span.end;
        }
        keep
    });
    if let Some(r) = range {
        out.retain(|t| t.span.end > r.start && t.span.start < r.end);
    }
    out
}

struct Walk<'a> {
    file: &'a File,
    canvas: usize,
    out: &'a mut Vec<SemanticToken>,
}

impl Walk<'_> {
    fn push(&mut self, span: Span, kind: TokenKind) {
        self.out.push(SemanticToken { span, kind });
    }

    fn head(&mut self, keyword: Span, id: Option<Span>, title: Option<Span>, kind: SymbolKind) {
        self.push(keyword, TokenKind::Keyword);
        if let Some(id) = id {
            self.push(id, TokenKind::Definition(kind));
        }
        if let Some(title) = title {
            self.push(title, TokenKind::String);
        }
    }

    fn block(&mut self, block: &Block) {
        self.head(
            block.keyword,
            block.id.as_ref().map(|i| i.span),
            block.title.as_ref().map(|t| t.span),
            SymbolKind::from_block(block.kind),
        );
        for member in &block.members {
            match member {
                Member::Attribute(a) => self.attribute(Owner::Block(block.kind), a),
                Member::Item(item) => self.item(item),
                Member::Block(b) => self.block(b),
            }
        }
    }

    fn item(&mut self, item: &Item) {
        self.head(
            item.keyword,
            item.id.as_ref().map(|i| i.span),
            item.title.as_ref().map(|t| t.span),
            SymbolKind::from_item(item.kind),
        );
        for a in item.attributes() {
            self.attribute(Owner::Item(item.kind), a);
        }
    }

    fn attribute(&mut self, owner: Owner, attribute: &Attribute) {
        self.push(attribute.key.span, TokenKind::AttributeKey);
        let spec = schema::attribute(owner, &attribute.key.text).map(|s| s.value);
        self.value(spec, &attribute.value);
    }

    fn value(&mut self, spec: Option<ValueKind>, value: &Value) {
        match value {
            Value::Str(s) => self.push(s.span, TokenKind::String),
            Value::Number(n) => self.push(n.span, TokenKind::Number),
            Value::List(list) => list.items.iter().for_each(|v| self.value(spec, v)),
            Value::Missing(_) => {}
            Value::Ident(name) => {
                let kind = match spec {
                    Some(ValueKind::References(_)) => self.reference(name.span),
                    Some(ValueKind::Choice(_) | ValueKind::Rank(_) | ValueKind::Word) => Some(TokenKind::EnumValue),
                    Some(ValueKind::Codes) => Some(TokenKind::Code),
                    _ => None,
                };
                if let Some(kind) = kind {
                    self.push(name.span, kind);
                }
            }
        }
    }

    fn reference(&self, span: Span) -> Option<TokenKind> {
        let i = self.file.occurrences.partition_point(|o| o.span.start < span.start);
        let o = self.file.occurrences[i..]
            .iter()
            .take_while(|o| o.span.start == span.start)
            .find(|o| o.span == span && o.canvas == self.canvas)?;
        let Some(def) = o.def else { return Some(TokenKind::UnresolvedReference) };
        let canvas = self.file.canvas(def.canvas())?;
        Some(TokenKind::Reference(match def {
            Def::Canvas(_) => SymbolKind::Canvas,
            Def::Section(_, s) => SymbolKind::from_block(canvas.sections.get(s.0 as usize)?.kind),
            Def::Item(_, i) => SymbolKind::from_item(canvas.items.get(i.0 as usize)?.kind),
        }))
    }
}

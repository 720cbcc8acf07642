//! The syntax tree of a `.vpc` file.
//!
//! Every node carries the byte span of the text it was read from. The tree is
//! built even for broken text: what could not be read is missing (`None`,
//! [`Value::Missing`]) and reported as a [`crate::SyntaxError`].

use std::fmt;

use smol_str::SmolStr;

/// A byte range `start..end` into the source text (end exclusive).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// An empty span at `offset`, for a token that is missing there.
    pub const fn empty(offset: usize) -> Span {
        Span { start: offset, end: offset }
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// True if `offset` is inside the span or just at its end (a cursor touching it).
    pub fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// The parser's span type too, so that the lexer's tokens feed chumsky as they are.
impl chumsky::span::Span for Span {
    type Context = ();
    type Offset = usize;
    fn new((): (), range: std::ops::Range<usize>) -> Span {
        Span { start: range.start, end: range.end }
    }
    fn context(&self) {}
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// A whole `.vpc` file: its canvases and every comment in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceFile {
    pub canvases: Vec<Block>,
    /// Every `// …` comment, in source order (for the formatter).
    pub comments: Vec<Comment>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    /// The span of the whole comment, `//` included.
    pub span: Span,
    pub text: String,
}

/// The three kinds of block: `canvas`, `segment` and `value-map`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Canvas,
    Segment,
    ValueMap,
}

impl BlockKind {
    pub const ALL: [BlockKind; 3] = [BlockKind::Canvas, BlockKind::Segment, BlockKind::ValueMap];

    pub fn keyword(self) -> &'static str {
        match self {
            BlockKind::Canvas => "canvas",
            BlockKind::Segment => "segment",
            BlockKind::ValueMap => "value-map",
        }
    }
    pub fn from_keyword(word: &str) -> Option<BlockKind> {
        BlockKind::ALL.into_iter().find(|k| k.keyword() == word)
    }
}

/// The seven kinds of item: four in a segment, three in a value map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Job,
    Pain,
    Gain,
    Outcome,
    Product,
    Reliever,
    Creator,
}

impl ItemKind {
    pub const ALL: [ItemKind; 7] = [
        ItemKind::Job,
        ItemKind::Pain,
        ItemKind::Gain,
        ItemKind::Outcome,
        ItemKind::Product,
        ItemKind::Reliever,
        ItemKind::Creator,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            ItemKind::Job => "job",
            ItemKind::Pain => "pain",
            ItemKind::Gain => "gain",
            ItemKind::Outcome => "outcome",
            ItemKind::Product => "product",
            ItemKind::Reliever => "reliever",
            ItemKind::Creator => "creator",
        }
    }
    pub fn from_keyword(word: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.keyword() == word)
    }
    /// The block an item of this kind belongs in.
    pub fn section(self) -> BlockKind {
        match self {
            ItemKind::Job | ItemKind::Pain | ItemKind::Gain | ItemKind::Outcome => BlockKind::Segment,
            ItemKind::Product | ItemKind::Reliever | ItemKind::Creator => BlockKind::ValueMap,
        }
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// `canvas`, `segment` or `value-map` with its members.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub keyword: Span,
    pub id: Option<Name>,
    pub title: Option<Str>,
    pub l_brace: Option<Span>,
    /// `None` when the block was never closed (a syntax error).
    pub r_brace: Option<Span>,
    pub members: Vec<Member>,
    pub span: Span,
}

impl Block {
    pub fn attributes(&self) -> impl Iterator<Item = &Attribute> {
        self.members.iter().filter_map(|m| match m {
            Member::Attribute(a) => Some(a),
            _ => None,
        })
    }
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.members.iter().filter_map(|m| match m {
            Member::Item(i) => Some(i),
            _ => None,
        })
    }
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.members.iter().filter_map(|m| match m {
            Member::Block(b) => Some(b),
            _ => None,
        })
    }
    /// Where a diagnostic about the whole block goes: its identifier, else its keyword.
    pub fn name_span(&self) -> Span {
        self.id.as_ref().map_or(self.keyword, |id| id.span)
    }
}

/// What a block holds, in source order.
#[derive(Clone, Debug, PartialEq)]
pub enum Member {
    Attribute(Attribute),
    Item(Item),
    Block(Block),
}

impl Member {
    pub fn span(&self) -> Span {
        match self {
            Member::Attribute(a) => a.span,
            Member::Item(i) => i.span,
            Member::Block(b) => b.span,
        }
    }
}

/// `job organise "Organise a lovely wedding" { importance: crucial }`
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub keyword: Span,
    pub id: Option<Name>,
    pub title: Option<Str>,
    pub attributes: Option<AttributeBlock>,
    pub span: Span,
}

impl Item {
    pub fn attributes(&self) -> &[Attribute] {
        self.attributes.as_ref().map_or(&[], |b| &b.attributes)
    }
    /// Where a diagnostic about the item goes: its identifier, else its keyword.
    pub fn name_span(&self) -> Span {
        self.id.as_ref().map_or(self.keyword, |id| id.span)
    }
}

/// `{ key: value, … }` after an item.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeBlock {
    pub l_brace: Span,
    pub r_brace: Option<Span>,
    pub attributes: Vec<Attribute>,
    pub span: Span,
}

/// `key: value`
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    pub key: Name,
    pub value: Value,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Ident(Name),
    Str(Str),
    Number(Number),
    List(List),
    /// Nothing could be read where a value belongs (a syntax error was reported).
    Missing(Span),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Ident(n) => n.span,
            Value::Str(s) => s.span,
            Value::Number(n) => n.span,
            Value::List(l) => l.span,
            Value::Missing(s) => *s,
        }
    }
}

/// `[a, b, c]`
#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub items: Vec<Value>,
    pub span: Span,
}

/// An identifier and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Name {
    pub text: SmolStr,
    pub span: Span,
}

/// A string literal: its unescaped value and the span of the literal, quotes included.
#[derive(Clone, Debug, PartialEq)]
pub struct Str {
    pub value: SmolStr,
    pub span: Span,
}

/// A number literal, as written and as a value. A percentage (`85%`) has the value
/// as written (85) and [`Number::is_percent`].
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    pub text: SmolStr,
    pub value: f64,
    pub span: Span,
}

impl Number {
    /// Written with a `%` at once after the digits.
    pub fn is_percent(&self) -> bool {
        self.text.ends_with('%')
    }
}

//! One analysed file and the indexes every feature shares, built once.

use vpc_model::{Analysis, Canvas, Definition, Diagnostic, ItemId, LintConfig, SectionId, Target};
pub(crate) use vpc_syntax::lexer::{Token, TokenKind};
use vpc_syntax::{Block, Item, LineIndex, Member, Parse, Span};

/// A `.vpc` text with its syntax tree, its canvases and diagnostics, and the
/// indexes the editor features need (tokens, every identifier and what it names).
#[derive(Clone, Debug)]
pub struct File {
    pub text: String,
    pub parse: Parse,
    pub analysis: Analysis,
    /// Lines of [`File::text`], for servers that convert positions.
    pub line_index: LineIndex,
    pub(crate) tokens: Vec<Token>,
    /// `// …` comments, in source order.
    pub(crate) comments: Vec<Span>,
    /// Every identifier that defines or names something, sorted by position.
    pub(crate) occurrences: Vec<Occurrence>,
    /// For each canvas, for each [`ItemId`], where the item is in the syntax tree.
    item_paths: Vec<Vec<Option<ItemPath>>>,
}

/// What a name stands for: a canvas of the file, or a section or item of a canvas
/// (canvases by their index in [`Analysis::canvases`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Def {
    Canvas(usize),
    Section(usize, SectionId),
    Item(usize, ItemId),
}

impl Def {
    pub fn canvas(self) -> usize {
        match self {
            Def::Canvas(c) | Def::Section(c, _) | Def::Item(c, _) => c,
        }
    }
}

/// One identifier in the text that defines a name or refers to one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub span: Span,
    /// What it names; `None` for a reference that resolves to nothing.
    pub def: Option<Def>,
    pub is_definition: bool,
    pub canvas: usize,
    /// For a reference: the index in [`Canvas::references`].
    pub reference: Option<usize>,
}

/// Where an item is in the tree: the index of a canvas member, and of the section's member.
#[derive(Clone, Copy, Debug)]
struct ItemPath {
    member: usize,
    inner: Option<usize>,
}

impl File {
    /// Parse and analyse `text` with the lint levels of `config`.
    pub fn new(text: String, config: &LintConfig) -> File {
        let (parse, tokens) = vpc_syntax::parse_with_tokens(&text);
        let analysis = vpc_model::analyze(&text, &parse, config);
        let comments = parse.file.comments.iter().map(|c| c.span).collect();
        let line_index = LineIndex::new(&text);
        let item_paths = parse
            .file
            .canvases
            .iter()
            .zip(&analysis.canvases)
            .map(|(block, canvas)| item_paths(block, canvas))
            .collect();
        let mut file =
            File { text, parse, analysis, line_index, tokens, comments, occurrences: Vec::new(), item_paths };
        file.occurrences = occurrences(&file.analysis.canvases);
        file
    }

    /// Every diagnostic of the file (syntax errors and lints), sorted by position.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.analysis.diagnostics
    }

    /// An offset made safe: at most the length of the text, on a character boundary.
    pub(crate) fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    pub(crate) fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or_default()
    }

    pub(crate) fn canvas(&self, index: usize) -> Option<&Canvas> {
        self.analysis.canvases.get(index)
    }

    pub(crate) fn canvas_block(&self, index: usize) -> Option<&Block> {
        self.parse.file.canvases.get(index)
    }

    /// The syntax node of an item of canvas `canvas`.
    pub(crate) fn item_node(&self, canvas: usize, id: ItemId) -> Option<&Item> {
        let path = (*self.item_paths.get(canvas)?.get(id.0 as usize)?)?;
        let member = self.canvas_block(canvas)?.members.get(path.member)?;
        match (member, path.inner) {
            (Member::Item(item), None) => Some(item),
            (Member::Block(section), Some(inner)) => match section.members.get(inner)? {
                Member::Item(item) => Some(item),
                _ => None,
            },
            _ => None,
        }
    }

    /// The syntax node of a section.
    pub(crate) fn section_node(&self, canvas: usize, id: SectionId) -> Option<&Block> {
        let keyword = self.canvas(canvas)?.sections.get(id.0 as usize)?.keyword;
        self.canvas_block(canvas)?.blocks().find(|b| b.keyword == keyword)
    }

    /// The index of the canvas whose text holds `offset`.
    pub(crate) fn canvas_at(&self, offset: usize) -> Option<usize> {
        self.parse.file.canvases.iter().position(|c| c.span.touches(offset))
    }

    /// The identifier occurrence at `offset` (a cursor inside it or just after it).
    pub(crate) fn occurrence_at(&self, offset: usize) -> Option<&Occurrence> {
        let offset = self.clamp(offset);
        let i = self.occurrences.partition_point(|o| o.span.end < offset);
        let mut found =
            self.occurrences[i..].iter().take_while(|o| o.span.start <= offset).filter(|o| o.span.touches(offset));
        found.next()
    }

    /// Every occurrence of one definition, in source order.
    pub(crate) fn occurrences_of(&self, def: Def) -> impl Iterator<Item = &Occurrence> + '_ {
        self.occurrences.iter().filter(move |o| o.def == Some(def))
    }

    /// The span of a definition's identifier (or keyword, when it has none).
    pub(crate) fn def_span(&self, def: Def) -> Option<Span> {
        let canvas = self.canvas(def.canvas())?;
        Some(match def {
            Def::Canvas(_) => canvas.id.as_ref().map_or(canvas.keyword, |id| id.span),
            Def::Section(_, s) => canvas.sections.get(s.0 as usize)?.name_span(),
            Def::Item(_, i) => canvas.items.get(i.0 as usize)?.name_span(),
        })
    }

    /// The token at `offset`: the one it is inside, else the one it touches, an
    /// identifier preferred (so that `a|,` is on `a`).
    pub(crate) fn token_at(&self, offset: usize) -> Option<(usize, Token)> {
        let offset = self.clamp(offset);
        let i = self.tokens.partition_point(|t| t.span().end < offset);
        let candidates: Vec<usize> = (i..self.tokens.len())
            .take_while(|&j| self.tokens[j].span().start <= offset)
            .filter(|&j| self.tokens[j].span().touches(offset))
            .collect();
        let pick = candidates
            .iter()
            .copied()
            .find(|&j| self.tokens[j].kind == TokenKind::Ident)
            .or_else(|| candidates.iter().copied().find(|&j| self.tokens[j].span().contains(offset)))
            .or_else(|| candidates.first().copied())?;
        Some((pick, self.tokens[pick]))
    }

    /// The comment holding `offset`, if any.
    pub(crate) fn comment_at(&self, offset: usize) -> Option<Span> {
        self.comments.iter().copied().find(|c| c.start < offset && offset <= c.end)
    }

    /// The start of the line holding `offset`.
    pub(crate) fn line_start(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        self.line_index.line_start(self.line_index.line_of(offset)).unwrap_or(0).min(offset)
    }

    /// The whitespace that starts the line holding `offset`.
    pub(crate) fn indent_at(&self, offset: usize) -> &str {
        let start = self.line_start(offset);
        let rest = &self.text[start..];
        let len = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        &rest[..len]
    }

    /// Do two offsets lie on the same line?
    pub(crate) fn same_line(&self, a: usize, b: usize) -> bool {
        self.line_index.line_of(self.clamp(a)) == self.line_index.line_of(self.clamp(b))
    }
}

fn item_paths(block: &Block, canvas: &Canvas) -> Vec<Option<ItemPath>> {
    let mut found: Vec<(Span, ItemPath)> = Vec::new();
    for (m, member) in block.members.iter().enumerate() {
        match member {
            Member::Item(item) => found.push((item.keyword, ItemPath { member: m, inner: None })),
            Member::Block(section) => {
                for (n, inner) in section.members.iter().enumerate() {
                    if let Member::Item(item) = inner {
                        found.push((item.keyword, ItemPath { member: m, inner: Some(n) }));
                    }
                }
            }
            Member::Attribute(_) => {}
        }
    }
    found.sort_by_key(|(k, _)| k.start);
    canvas
        .items
        .iter()
        .map(|item| found.binary_search_by_key(&item.keyword.start, |(k, _)| k.start).ok().map(|i| found[i].1))
        .collect()
}

fn occurrences(canvases: &[Canvas]) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (c, canvas) in canvases.iter().enumerate() {
        let mut def = |span: Span, def: Def| {
            out.push(Occurrence { span, def: Some(def), is_definition: true, canvas: c, reference: None })
        };
        if let Some(id) = &canvas.id {
            def(id.span, Def::Canvas(c));
        }
        for (s, section) in canvas.sections.iter().enumerate() {
            if let Some(id) = &section.id {
                def(id.span, Def::Section(c, SectionId(s as u32)));
            }
        }
        for (i, item) in canvas.items.iter().enumerate() {
            if let Some(id) = &item.id {
                def(id.span, Def::Item(c, ItemId(i as u32)));
            }
        }
        for (r, reference) in canvas.references.iter().enumerate() {
            let def = match reference.target {
                Target::Item(t) | Target::WrongKind(Definition::Item(t)) => Some(Def::Item(c, t)),
                Target::WrongKind(Definition::Section(s)) => Some(Def::Section(c, s)),
                Target::Unknown => None,
            };
            out.push(Occurrence {
                span: reference.name.span,
                def,
                is_definition: false,
                canvas: c,
                reference: Some(r),
            });
        }
    }
    out.sort_by_key(|o| (o.span.start, o.span.end));
    out
}

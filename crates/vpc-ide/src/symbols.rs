//! Document symbols (canvas › segment / value map › items) and workspace symbols.

use vpc_model::{Canvas, ItemId, Rank, format_score};
use vpc_syntax::{Block, BlockKind, Item, ItemKind, Member, Span};

use crate::file::File;

/// What a symbol is on the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    Canvas,
    Segment,
    ValueMap,
    Job,
    Pain,
    Gain,
    Outcome,
    Product,
    Reliever,
    Creator,
}

impl SymbolKind {
    pub fn from_item(kind: ItemKind) -> SymbolKind {
        match kind {
            ItemKind::Job => SymbolKind::Job,
            ItemKind::Pain => SymbolKind::Pain,
            ItemKind::Gain => SymbolKind::Gain,
            ItemKind::Outcome => SymbolKind::Outcome,
            ItemKind::Product => SymbolKind::Product,
            ItemKind::Reliever => SymbolKind::Reliever,
            ItemKind::Creator => SymbolKind::Creator,
        }
    }
    pub fn from_block(kind: BlockKind) -> SymbolKind {
        match kind {
            BlockKind::Canvas => SymbolKind::Canvas,
            BlockKind::Segment => SymbolKind::Segment,
            BlockKind::ValueMap => SymbolKind::ValueMap,
        }
    }
    /// The keyword that introduces it: `canvas`, `value-map`, `pain`, …
    pub fn keyword(self) -> &'static str {
        match self {
            SymbolKind::Canvas => "canvas",
            SymbolKind::Segment => "segment",
            SymbolKind::ValueMap => "value-map",
            SymbolKind::Job => "job",
            SymbolKind::Pain => "pain",
            SymbolKind::Gain => "gain",
            SymbolKind::Outcome => "outcome",
            SymbolKind::Product => "product",
            SymbolKind::Reliever => "reliever",
            SymbolKind::Creator => "creator",
        }
    }
}

/// A named thing of the file, with what it contains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The identifier, else the title, else the keyword.
    pub name: String,
    /// The title (when the name is the identifier) and the rank, fit and verdict, or
    /// score; `let go` for an item let go.
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole item or block.
    pub range: Span,
    /// The identifier, else the title, else the keyword.
    pub selection: Span,
    pub children: Vec<Symbol>,
}

/// The outline of the file: each canvas, its segment and value map, their items.
pub fn document_symbols(file: &File) -> Vec<Symbol> {
    file.parse.file.canvases.iter().enumerate().map(|(c, block)| canvas_symbol(file, c, block)).collect()
}

fn canvas_symbol(file: &File, c: usize, block: &Block) -> Symbol {
    let canvas = file.canvas(c);
    let fit = canvas.map(|canvas| {
        let judgement = canvas.judge();
        match judgement.fit {
            Some(fit) => format!("fit {fit} · {}", judgement.verdict),
            None => "fit n/a".to_string(),
        }
    });
    let mut symbol = block_symbol(block, fit);
    for member in &block.members {
        match member {
            Member::Block(section) => {
                let mut s = block_symbol(section, None);
                s.children = section.items().map(|item| item_symbol(canvas, item)).collect();
                symbol.children.push(s);
            }
            Member::Item(item) => symbol.children.push(item_symbol(canvas, item)),
            Member::Attribute(_) => {}
        }
    }
    symbol
}

fn block_symbol(block: &Block, extra: Option<String>) -> Symbol {
    let (name, selection) = match (&block.id, &block.title) {
        (Some(id), _) => (id.text.clone(), id.span),
        (None, Some(title)) => (title.value.clone(), title.span),
        (None, None) => (block.kind.keyword().into(), block.keyword),
    };
    let title = block.id.as_ref().and(block.title.as_ref()).map(|t| t.value.to_string());
    Symbol {
        name: name.to_string(),
        detail: join([title, extra]),
        kind: SymbolKind::from_block(block.kind),
        range: block.span,
        selection,
        children: Vec::new(),
    }
}

fn item_symbol(canvas: Option<&Canvas>, item: &Item) -> Symbol {
    let (name, selection) = match (&item.id, &item.title) {
        (Some(id), _) => (id.text.clone(), id.span),
        (None, Some(title)) => (title.value.clone(), title.span),
        (None, None) => (item.kind.keyword().into(), item.keyword),
    };
    let title = item.id.as_ref().and(item.title.as_ref()).map(|t| t.value.to_string());
    // The model's items are in source order.
    let model = canvas.and_then(|c| {
        let i = c.items.partition_point(|i| i.keyword.start < item.keyword.start);
        c.items.get(i).filter(|i| i.keyword == item.keyword).map(|m| (c, ItemId(i as u32), m))
    });
    let extra = model.and_then(|(_, _, m)| match (m.rank, m.opportunity()) {
        (Rank::Level { word, .. }, _) => Some(word.to_string()),
        (_, Some(score)) => Some(format!("opportunity {}", format_score(score))),
        _ => None,
    });
    let let_go = model.filter(|(c, id, _)| c.is_let_go(*id)).map(|_| "let go".to_string());
    Symbol {
        name: name.to_string(),
        detail: join([title, extra, let_go]),
        kind: SymbolKind::from_item(item.kind),
        range: item.span,
        selection,
        children: Vec::new(),
    }
}

fn join<const N: usize>(parts: [Option<String>; N]) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().flatten().filter(|s| !s.is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A symbol found across files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    /// The file, as the caller named it (a URI or a path).
    pub file: String,
    /// The symbol, without children.
    pub symbol: Symbol,
    /// The name of what holds it (the canvas, or the segment or value map).
    pub container: Option<String>,
}

/// Every symbol of `files` whose name or title matches `query`: case-insensitive,
/// the query's characters in order (`nt` finds `no-time`). Best matches first: the
/// exact name, then names that start with the query, contain it, then hold its
/// characters in order; then titles. An empty query matches everything.
pub fn workspace_symbols(files: &[(&str, &File)], query: &str) -> Vec<WorkspaceSymbol> {
    let query = query.trim().to_lowercase();
    let mut found: Vec<(u8, usize, WorkspaceSymbol)> = Vec::new();
    for (path, file) in files {
        let mut flat = Vec::new();
        for symbol in document_symbols(file) {
            flatten(symbol, None, &mut flat);
        }
        for (symbol, container) in flat {
            let title = symbol.detail.as_deref().unwrap_or_default();
            if let Some(score) = score(&query, &symbol.name, title) {
                let n = found.len();
                found.push((score, n, WorkspaceSymbol { file: path.to_string(), symbol, container }));
            }
        }
    }
    found.sort_by_key(|(score, n, _)| (*score, *n));
    found.into_iter().map(|(_, _, s)| s).collect()
}

fn flatten(mut symbol: Symbol, container: Option<String>, out: &mut Vec<(Symbol, Option<String>)>) {
    let children = std::mem::take(&mut symbol.children);
    let name = symbol.name.clone();
    out.push((symbol, container));
    for child in children {
        flatten(child, Some(name.clone()), out);
    }
}

fn score(query: &str, name: &str, title: &str) -> Option<u8> {
    if query.is_empty() {
        return Some(0);
    }
    let name = name.to_lowercase();
    let title = title.to_lowercase();
    if name == query {
        Some(0)
    } else if name.starts_with(query) {
        Some(1)
    } else if name.contains(query) {
        Some(2)
    } else if is_subsequence(query, &name) {
        Some(3)
    } else if title.contains(query) {
        Some(4)
    } else if is_subsequence(query, &title) {
        Some(5)
    } else {
        None
    }
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|c| hay.any(|h| h == c))
}

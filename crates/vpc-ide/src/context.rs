//! Where a position is, read from the token stream so that half-typed text works.
//!
//! While the user types, the file has syntax errors and the recovered tree may
//! end a block early or miss the attribute being written. The token stream is
//! always there: [`frames`] replays the parser's block structure over it (with
//! the same recovery rule: an item keyword first on its line, followed by a name
//! or title, starts a new item and closes an attribute block still open), and
//! [`value_site`] finds the attribute whose value is being written.

use vpc_syntax::schema::Owner;
use vpc_syntax::{BlockKind, ItemKind, Span};

use crate::file::{File, Token, TokenKind};

/// What a `{ … }` belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FrameKind {
    Block(BlockKind),
    Item(ItemKind),
    /// A brace that opens nothing the grammar knows.
    Other,
}

/// An open `{ … }` around a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Frame {
    pub kind: FrameKind,
    /// The keyword of the block or item.
    pub keyword: Option<Span>,
    /// The token index of the `{`.
    pub open: usize,
    /// `Other` frames only: how many more anonymous `{` are open right inside this
    /// one. Runs of them are counted, not stacked, so that a line of 100,000 `{` costs
    /// one frame, not 100,000 for every request that looks at the stack.
    pub nested: u32,
}

impl Frame {
    pub fn owner(self) -> Option<Owner> {
        match self.kind {
            FrameKind::Block(b) => Some(Owner::Block(b)),
            FrameKind::Item(i) => Some(Owner::Item(i)),
            FrameKind::Other => None,
        }
    }
}

/// A keyword that starts a block or item head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Head {
    Block(BlockKind),
    Item(ItemKind),
}

impl File {
    pub(crate) fn word(&self, t: Token) -> &str {
        if t.kind == TokenKind::Ident { self.slice(t.span()) } else { "" }
    }

    /// Does token `i` start a block or item head: its keyword, followed by a name or a
    /// title (or `{`, for blocks), first on its line or where no attribute block is open?
    pub(crate) fn head_at(&self, i: usize, in_item: bool) -> Option<Head> {
        let t = *self.tokens.get(i)?;
        if t.kind != TokenKind::Ident || (in_item && !t.bol) {
            return None;
        }
        let next = self.tokens.get(i + 1).map(|n| n.kind);
        let word = self.word(t);
        if let Some(kind) = ItemKind::from_keyword(word) {
            return matches!(next, Some(TokenKind::Ident | TokenKind::Str)).then_some(Head::Item(kind));
        }
        let kind = BlockKind::from_keyword(word)?;
        matches!(next, Some(TokenKind::Ident | TokenKind::Str | TokenKind::LBrace)).then_some(Head::Block(kind))
    }
}

/// The braces open before token `upto`, outermost first.
pub(crate) fn frames(file: &File, upto: usize) -> Vec<Frame> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut pending: Option<(FrameKind, Span)> = None;
    for i in 0..upto.min(file.tokens.len()) {
        let t = file.tokens[i];
        let in_item = matches!(stack.last(), Some(Frame { kind: FrameKind::Item(_) | FrameKind::Other, .. }));
        match t.kind {
            TokenKind::Ident => match file.head_at(i, in_item) {
                Some(Head::Block(BlockKind::Canvas)) => {
                    stack.clear();
                    pending = Some((FrameKind::Block(BlockKind::Canvas), t.span()));
                }
                Some(Head::Block(kind)) => {
                    while stack.last().is_some_and(|f| f.kind != FrameKind::Block(BlockKind::Canvas)) {
                        stack.pop();
                    }
                    pending = Some((FrameKind::Block(kind), t.span()));
                }
                Some(Head::Item(kind)) => {
                    while stack.last().is_some_and(|f| matches!(f.kind, FrameKind::Item(_) | FrameKind::Other)) {
                        stack.pop();
                    }
                    pending = Some((FrameKind::Item(kind), t.span()));
                }
                None => {}
            },
            TokenKind::Str => {}
            TokenKind::LBrace => {
                let (kind, keyword) = match pending.take() {
                    Some((kind, keyword)) => (kind, Some(keyword)),
                    None => (FrameKind::Other, None),
                };
                match stack.last_mut() {
                    Some(top) if kind == FrameKind::Other && top.kind == FrameKind::Other => {
                        top.nested = top.nested.saturating_add(1)
                    }
                    _ => stack.push(Frame { kind, keyword, open: i, nested: 0 }),
                }
            }
            TokenKind::RBrace => {
                match stack.last_mut() {
                    Some(top) if top.nested > 0 => top.nested -= 1,
                    _ => {
                        stack.pop();
                    }
                }
                pending = None;
            }
            _ => pending = None,
        }
    }
    stack
}

/// The canvas (its index) that a stack of frames is in.
pub(crate) fn canvas_of(file: &File, frames: &[Frame]) -> Option<usize> {
    let keyword = frames.first().filter(|f| f.kind == FrameKind::Block(BlockKind::Canvas))?.keyword?;
    file.analysis.canvases.iter().position(|c| c.keyword == keyword)
}

/// Where a value is being written: after `key:`, or in a list after `key: [`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ValueSite {
    /// Token index of the key.
    pub key: usize,
    /// Token index of the `[` when inside a list.
    pub list: Option<usize>,
}

/// The attribute whose value starts at a position after tokens `..p` (the position
/// itself at `offset`): right after `key:` on the same line, or at an element of an
/// open list (after `[` or `,`).
pub(crate) fn value_site(file: &File, p: usize, offset: usize) -> Option<ValueSite> {
    let tokens = &file.tokens;
    let last = *tokens.get(p.checked_sub(1)?)?;
    if last.kind == TokenKind::Colon {
        let key = p.checked_sub(2)?;
        return (tokens[key].kind == TokenKind::Ident && file.same_line(last.span().start, offset))
            .then_some(ValueSite { key, list: None });
    }
    if !matches!(last.kind, TokenKind::LBracket | TokenKind::Comma) {
        return None;
    }
    let open = open_list(file, p)?;
    let colon = open.checked_sub(1)?;
    let key = open.checked_sub(2)?;
    (tokens[colon].kind == TokenKind::Colon && tokens[key].kind == TokenKind::Ident)
        .then_some(ValueSite { key, list: Some(open) })
}

/// The `[` still open before token `p`, if any.
fn open_list(file: &File, p: usize) -> Option<usize> {
    let mut depth = 0usize;
    for j in (0..p).rev() {
        match file.tokens[j].kind {
            TokenKind::RBracket => depth += 1,
            TokenKind::LBracket if depth == 0 => return Some(j),
            TokenKind::LBracket => depth -= 1,
            TokenKind::LBrace | TokenKind::RBrace | TokenKind::Colon => return None,
            _ => {}
        }
    }
    None
}

/// The identifiers written in the list opened at token `open` (up to its `]`),
/// except the token `skip`.
pub(crate) fn list_names(file: &File, open: usize, skip: Option<usize>) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    for j in open + 1..file.tokens.len() {
        let t = file.tokens[j];
        match t.kind {
            TokenKind::LBracket => depth += 1,
            TokenKind::RBracket if depth == 0 => break,
            TokenKind::RBracket => depth -= 1,
            TokenKind::LBrace | TokenKind::RBrace => break,
            // The next attribute: its key is no element.
            TokenKind::Colon => {
                names.pop();
                break;
            }
            // A list left open: the next item ends it.
            TokenKind::Ident if file.head_at(j, true).is_some() => break,
            TokenKind::Ident if Some(j) != skip => names.push(file.slice(t.span()).to_string()),
            _ => {}
        }
    }
    names
}

/// The keys written directly in the frame (not in nested blocks), except the token `skip`.
pub(crate) fn given_keys(file: &File, frame: Frame, skip: Option<usize>) -> Vec<String> {
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let is_item = matches!(frame.kind, FrameKind::Item(_));
    for j in frame.open + 1..file.tokens.len() {
        let t = file.tokens[j];
        match t.kind {
            TokenKind::LBrace | TokenKind::LBracket => depth += 1,
            TokenKind::RBrace | TokenKind::RBracket if depth == 0 => break,
            TokenKind::RBrace | TokenKind::RBracket => depth -= 1,
            TokenKind::Ident if depth == 0 => {
                if let Some(head) = file.head_at(j, is_item) {
                    // A new item closes an attribute block; a new section or canvas closes more.
                    let closes = matches!(
                        (head, frame.kind),
                        (_, FrameKind::Item(_) | FrameKind::Other)
                            | (Head::Block(_), FrameKind::Block(BlockKind::Segment | BlockKind::ValueMap))
                            | (Head::Block(BlockKind::Canvas), _)
                    );
                    if closes {
                        break;
                    }
                }
                if Some(j) != skip && file.tokens.get(j + 1).is_some_and(|n| n.kind == TokenKind::Colon) {
                    keys.push(file.slice(t.span()).to_string());
                }
            }
            _ => {}
        }
    }
    keys
}

/// Is the attribute block of an item frame closed by its own `}` (and not by a new
/// item or block, or the end of the file)?
pub(crate) fn is_closed(file: &File, frame: Frame) -> bool {
    let mut depth = 0usize;
    for j in frame.open + 1..file.tokens.len() {
        match file.tokens[j].kind {
            TokenKind::LBrace => depth += 1,
            TokenKind::RBrace if depth == 0 => return true,
            TokenKind::RBrace => depth -= 1,
            TokenKind::Ident if file.head_at(j, true).is_some() => return false,
            _ => {}
        }
    }
    false
}

/// The index of the first token that does not end before `offset`.
pub(crate) fn tokens_before(file: &File, offset: usize) -> usize {
    file.tokens.partition_point(|t| t.span().end <= offset)
}

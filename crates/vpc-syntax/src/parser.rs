//! The recovering parser, with chumsky over the lexer's tokens.
//!
//! Parsing never fails. Recovery works at three levels:
//! - a line-start item or block keyword followed by a name or title starts a new
//!   item or block, and closes whatever attribute block or block is still open;
//! - inside a line, unreadable text is skipped up to the next `,`, `}` or line end;
//! - a missing value becomes [`Value::Missing`], a missing `}` a `None` brace.
//!
//! Every rule is boxed: it keeps this crate's rebuilds fast and costs nothing at run time.

use chumsky::error::{Cheap, LabelError};
use chumsky::extra::ParserExtra;
use chumsky::input::ValueInput;
use chumsky::prelude::*;
use rayon::prelude::*;

use crate::ast::*;
use crate::lexer::{Kind, Tok, Token, TokenKind, unescape_smol};
use crate::{ErrorList, MAX_SYNTAX_ERRORS, SyntaxError};
use smol_str::SmolStr;

type CSpan = Span;
/// What is expected after an item's head, and after its attribute block (error labels,
/// worded by `expected_message`).
pub(crate) const AFTER_HEAD: &str = "the item's `{ … }`";
pub(crate) const AFTER_BLOCK: &str = "the end of the item";
/// What a block's keyword and head parse to: `((kind, keyword), ((id, title), l_brace))`.
type BlockHead = ((BlockKind, Span), ((Option<Name>, Option<Str>), Option<Span>));
type Extra<'t, 's> = extra::Err<Rich<'t, Tok<'s>, CSpan>>;

/// Parse the lexer's tokens; `convert` turns chumsky's errors into ours, except those
/// `reported` already (by the lexer) where they start.
///
/// Canvases are parsed one by one: top-level recovery already restarts at every
/// `canvas` that starts a line, so each canvas's tokens parse on their own, and the
/// spans stay absolute because they come from the tokens. That lets large files use
/// every core, and lets only a canvas with syntax errors pay for worded errors.
///
/// The lexer's tokens are compact and hold no text; each group of canvases turns its
/// share into parser tokens ([`Token::tok`]) while it parses, so that no copy of all
/// the tokens of a large file exists at once.
pub(crate) fn parse_tokens<'s>(
    tokens: &[Token],
    text: &'s str,
    parallel: bool,
    reported: &(impl Fn(usize) -> bool + Sync),
    convert: impl Fn(&Rich<'_, Tok<'_>, CSpan>) -> SyntaxError + Sync,
) -> (Vec<Block>, ErrorList) {
    let len = text.len();
    let mut starts: Vec<usize> = (1..tokens.len()).filter(|&i| starts_canvas(tokens, text, i)).collect();
    starts.insert(0, 0);
    // (first token, end token, end-of-input offset) of each canvas's share of the tokens.
    let chunks: Vec<(usize, usize, usize)> = starts
        .iter()
        .enumerate()
        .map(|(n, &from)| {
            let to = starts.get(n + 1).copied().unwrap_or(tokens.len());
            let eoi = tokens.get(to).map_or(len, |t| t.span().start);
            (from, to, eoi)
        })
        .collect();
    // Small files are parsed on this thread; large ones in a few groups per core, of
    // at most about GROUP_TOKENS tokens each.
    const GROUP_TOKENS: usize = 16_384;
    let groups = if tokens.len() < 20_000 || !parallel {
        1
    } else {
        (4 * rayon::current_num_threads()).max(tokens.len().div_ceil(GROUP_TOKENS))
    };
    let per_group = chunks.len().div_ceil(groups).max(1);
    let parsed: Vec<(Vec<Block>, ErrorList)> = if groups == 1 {
        vec![parse_chunks(tokens, text, &chunks, reported, &convert)]
    } else {
        chunks.par_chunks(per_group).map(|group| parse_chunks(tokens, text, group, reported, &convert)).collect()
    };
    let mut canvases = Vec::new();
    let mut errors = ErrorList::default();
    for (c, e) in parsed {
        canvases.extend(c);
        errors.append(e);
    }
    (canvases, errors)
}

/// Is token `i` a `canvas` keyword that starts a line and a canvas (the parser's sync point)?
fn starts_canvas(tokens: &[Token], text: &str, i: usize) -> bool {
    let t = tokens[i];
    t.bol
        && t.kind == TokenKind::Ident
        && text.get(t.span().range()) == Some("canvas")
        && tokens.get(i + 1).is_some_and(|n| matches!(n.kind, TokenKind::Ident | TokenKind::Str | TokenKind::LBrace))
}

fn parse_chunks<'s>(
    tokens: &[Token],
    text: &'s str,
    chunks: &[(usize, usize, usize)],
    reported: &(impl Fn(usize) -> bool + Sync),
    convert: &(impl Fn(&Rich<'_, Tok<'_>, CSpan>) -> SyntaxError + Sync),
) -> (Vec<Block>, ErrorList) {
    let (Some(first), Some(last)) = (chunks.first(), chunks.last()) else { return (Vec::new(), ErrorList::default()) };
    let base = first.0;
    let closed = braces_closed_on_their_line(&tokens[base..last.1]);
    // Most canvases have no syntax errors: parse first with an error type that costs
    // next to nothing (where it is), and only when something went wrong again with
    // errors worth reading. Both runs build the same tree: the error type never changes
    // what is parsed. Parsers are built once per group (they cannot cross threads).
    let cheap = file::<_, extra::Err<Cheap<CSpan>>>(&closed);
    let mut rich = None;
    let mut canvases = Vec::new();
    let mut errors = ErrorList::default();
    for &(from, to, eoi) in chunks {
        let input = |to: usize, eoi: usize| Tokens { tokens: &tokens[from..to], text, eoi };
        let (blocks, cheap_errors) = cheap.parse(input(to, eoi)).into_output_errors();
        canvases.extend(blocks.unwrap_or_default());
        let mut starts: Vec<usize> = cheap_errors.iter().map(|e| e.span().start).collect();
        if starts.iter().all(|&s| reported(s)) {
            continue;
        }
        // Word only the errors that can still be reported (see `ErrorList`): parse again
        // up to the end of the line where the first error beyond them is, and keep the
        // errors before it. Each worded error costs far more memory than the text it is
        // about, and junk can bring one every two bytes.
        // Errors at text the lexer reported count too: they are as many as the lexer's
        // errors there, and wording them is what costs.
        starts.sort_unstable();
        starts.dedup();
        let room = (MAX_SYNTAX_ERRORS + 1).saturating_sub(errors.len());
        let (to, eoi, stop) = match starts.get(room) {
            None => (to, eoi, usize::MAX),
            Some(&stop) => {
                errors.drop_from(stop);
                let line_end = (from..to).find(|&i| tokens[i].span().start > stop && tokens[i].bol).unwrap_or(to);
                (line_end, tokens.get(line_end).map_or(eoi, |t| t.span().start.min(eoi)), stop)
            }
        };
        if room == 0 {
            continue;
        }
        let rich = rich.get_or_insert_with(|| file::<_, Extra<'_, '_>>(&closed));
        let (_, rich_errors) = rich.parse(input(to, eoi)).into_output_errors();
        let mut worded: Vec<SyntaxError> =
            rich_errors.iter().filter(|e| e.span().start < stop && !reported(e.span().start)).map(convert).collect();
        worded.sort_by_key(|e| (e.span.start, e.span.end));
        for e in worded {
            errors.push(e);
        }
    }
    (canvases, errors)
}

/// The lexer's compact tokens as the parser's input: each [`Tok`] is made when the
/// parser reads it, so that no second copy of the tokens (four times their size) exists.
#[derive(Clone, Copy)]
struct Tokens<'a> {
    tokens: &'a [Token],
    text: &'a str,
    /// Where the input ends (the start of the next canvas, or the end of the text).
    eoi: usize,
}

impl<'a> chumsky::input::Input<'a> for Tokens<'a> {
    type Span = CSpan;
    type Token = Tok<'a>;
    type MaybeToken = Tok<'a>;
    type Cursor = usize;
    type Cache = Self;

    fn begin(self) -> (usize, Self) {
        (0, self)
    }

    fn cursor_location(cursor: &usize) -> usize {
        *cursor
    }

    unsafe fn next_maybe(this: &mut Self, cursor: &mut usize) -> Option<Tok<'a>> {
        let token = this.tokens.get(*cursor)?;
        *cursor += 1;
        Some(token.tok(this.text))
    }

    /// From the start of the first token to the end of the last one; as chumsky's
    /// mapped inputs do, an empty range runs from the next token back to the end of the
    /// previous one (or to the end of the input).
    unsafe fn span(this: &mut Self, range: std::ops::Range<&usize>) -> CSpan {
        let Some(first) = this.tokens.get(*range.start) else { return CSpan::empty(this.eoi) };
        let end = match *range.end {
            0 => this.eoi,
            n => this.tokens.get(n - 1).map_or(this.eoi, |t| t.span().end),
        };
        CSpan::new(first.span().start, end)
    }
}

impl<'a> ValueInput<'a> for Tokens<'a> {
    unsafe fn next(this: &mut Self, cursor: &mut usize) -> Option<Tok<'a>> {
        // SAFETY: the same contract as `next_maybe`, which is all this does.
        unsafe { Self::next_maybe(this, cursor) }
    }
}

/// What a repeated rule found, without the `None`s of text that was skipped: junk can
/// bring one per line, and a `None` takes the room of a whole block.
struct Found<T>(Vec<T>);

impl<T> Default for Found<T> {
    fn default() -> Self {
        Found(Vec::new())
    }
}

impl<T> chumsky::container::Container<Option<T>> for Found<T> {
    fn push(&mut self, item: Option<T>) {
        self.0.extend(item);
    }
}

/// Where each `{` starts whose `}` is on the same line (in order): junk skipping
/// skips such a `{ … }` whole, so that its `}` never closes an enclosing block.
fn braces_closed_on_their_line(tokens: &[Token]) -> Vec<usize> {
    let mut closed = Vec::new();
    let mut open = Vec::new();
    for t in tokens {
        if t.bol {
            open.clear();
        }
        match t.kind {
            TokenKind::LBrace => open.push(t.span().start),
            TokenKind::RBrace => closed.extend(open.pop()),
            _ => {}
        }
    }
    closed.sort_unstable();
    closed
}

/// The parser of a file; `closed` is [`braces_closed_on_their_line`] of its tokens.
fn file<'t, 's: 't, I, E>(closed: &'t [usize]) -> impl Parser<'t, I, Vec<Block>, E> + Clone
where
    I: ValueInput<'t, Token = Tok<'s>, Span = CSpan>,
    E: ParserExtra<'t, I, Context = (), State = ()> + 't,
    E::Error: LabelError<'t, I, &'static str>,
{
    let tk = |k: Kind<'s>| just(Tok::of(k));

    let ident = select! { Tok { kind: Kind::Ident(s), .. } = e => Name { text: SmolStr::new(s), span: e.span() } }
        .labelled("an identifier")
        .boxed();
    let string = select! { Tok { kind: Kind::Str(s), .. } = e => Str { value: unescape_smol(s), span: e.span() } }
        .labelled("a title in quotes")
        .boxed();
    let number = select! { Tok { kind: Kind::Number(n), .. } = e => Number {
        text: SmolStr::new(n), value: n.trim_end_matches('%').parse().unwrap_or(0.0), span: e.span()
    } }
    .boxed();

    // Sync points: a keyword first on its line, then a name, a title (or `{` for blocks).
    let item_start = select! { Tok { kind: Kind::Ident(s), bol: true } if ItemKind::from_keyword(s).is_some() => () }
        .then(select! { Tok { kind: Kind::Ident(_) | Kind::Str(_), .. } => () })
        .ignored()
        .rewind()
        .boxed();
    let block_start = |kinds: &'static [BlockKind]| {
        select! { Tok { kind: Kind::Ident(s), bol: true }
        if BlockKind::from_keyword(s).is_some_and(|k| kinds.contains(&k)) => () }
        .then(select! { Tok { kind: Kind::Ident(_) | Kind::Str(_) | Kind::LBrace, .. } => () })
        .ignored()
        .rewind()
        .boxed()
    };
    let any_block_start = block_start(&BlockKind::ALL);
    let canvas_start = block_start(&[BlockKind::Canvas]);

    let hard = choice((tk(Kind::RBrace).ignored(), item_start.clone(), any_block_start.clone(), end())).boxed();
    let soft = choice((hard.clone(), tk(Kind::Comma).ignored(), any().filter(|t: &Tok| t.bol).ignored())).boxed();
    // A `{ … }` that closes on its line, skipped whole by junk skipping (spec §2, "Error
    // recovery"): its `}` must not close the block around the junk. Between such a `{`
    // and its `}` every brace is paired, so counting them finds the `}`.
    let line_group = custom(move |inp| {
        let before = inp.cursor();
        let found: Option<Tok<'s>> = inp.next();
        let span: CSpan = inp.span_since(&before);
        if !matches!(found, Some(Tok { kind: Kind::LBrace, .. })) || closed.binary_search(&span.start).is_err() {
            return Err(LabelError::<'t, I, &'static str>::expected_found([], found.map(Into::into), span));
        }
        let mut depth = 1usize;
        while depth > 0 {
            match inp.next().map(|t: Tok<'s>| t.kind) {
                Some(Kind::LBrace) => depth += 1,
                Some(Kind::RBrace) => depth -= 1,
                Some(_) => {}
                None => break,
            }
        }
        Ok(())
    })
    .boxed();
    // One piece of junk that is not `stop`: a `{ … }` closed on its line, or any other token.
    let junk_piece =
        |stop: Boxed<'t, 't, I, (), E>| choice((line_group.clone(), any().ignored())).and_is(stop.not()).boxed();
    // At least one token of unreadable text, up to the next `,` (eaten), `}` or line end.
    let junk = junk_piece(hard.clone())
        .then(junk_piece(soft.clone()).repeated())
        .then(any().filter(|t: &Tok| t.kind == Kind::Comma && !t.bol).or_not())
        .ignored()
        .boxed();

    let value = recursive(|value| {
        let list_junk =
            junk_piece(choice((hard.clone(), tk(Kind::Comma).ignored(), tk(Kind::RBracket).ignored())).boxed())
                .repeated()
                .at_least(1)
                .map_with(|_, e| Value::Missing(e.span()));
        let list_close = tk(Kind::RBracket).ignored().recover_with(via_parser(
            choice((any().filter(|t: &Tok| t.bol).ignored(), tk(Kind::RBrace).ignored(), end())).rewind(),
        ));
        let list = tk(Kind::LBracket)
            .ignore_then(
                value
                    .recover_with(via_parser(list_junk))
                    .separated_by(tk(Kind::Comma))
                    .allow_trailing()
                    .collect::<Vec<Value>>(),
            )
            .then_ignore(list_close)
            .map_with(|items, e| Value::List(List { items, span: e.span() }));
        choice((ident.clone().map(Value::Ident), string.clone().map(Value::Str), number.map(Value::Number), list))
            .labelled("a value")
            .boxed()
    });

    let same_line = any().filter(|t: &Tok| !t.bol).rewind();
    let value_junk = junk_piece(soft.clone()).repeated().at_least(1).map_with(|_, e| Value::Missing(e.span()));
    let attr_value = same_line
        .ignore_then(value)
        .labelled("a value")
        .recover_with(via_parser(choice((
            value_junk,
            empty().map_with(|_, e| {
                // `e.span()` of an empty match runs from the next token back to the previous one.
                let s: CSpan = e.span();
                Value::Missing(Span::empty(s.end.min(s.start)))
            }),
        ))))
        .boxed();
    // After a value: `,`, or the end of the attribute block or line. Anything else is skipped.
    let separator = choice((
        tk(Kind::Comma).ignored(),
        choice((tk(Kind::RBrace).ignored(), any().filter(|t: &Tok| t.bol).ignored(), end())).rewind(),
    ))
    .labelled("`,`")
    .recover_with(via_parser(junk.clone()))
    .boxed();
    let key = ident
        .clone()
        .and_is(choice((item_start.clone(), any_block_start.clone())).not())
        .labelled("an attribute")
        .boxed();
    let attribute = key
        .then_ignore(tk(Kind::Colon))
        .then(attr_value)
        .then_ignore(separator)
        .map_with(|(key, value), e| Some(Attribute { key, value, span: e.span() }))
        .recover_with(via_parser(junk.clone().to(None)))
        .boxed();

    // Item head: `id "title"`, `"title"` or `id` (the missing title is reported later).
    // A keyword that starts a line and an item or block is that item or block, not an id.
    let head_id = ident.clone().and_is(choice((item_start.clone(), any_block_start.clone())).not());
    let head = choice((
        head_id.then(string.clone().or_not()).map(|(id, title)| (Some(id), title)),
        string.clone().map(|title| (None, Some(title))),
    ))
    .boxed();

    let item_close = tk(Kind::RBrace)
        .map_with(|_, e| Some(e.span()))
        .recover_with(via_parser(choice((item_start.clone(), any_block_start.clone(), end())).to(None)))
        .boxed();
    let attribute_block = tk(Kind::LBrace)
        .map_with(|_, e| e.span())
        .then(attribute.clone().repeated().collect::<Found<Attribute>>())
        .then(item_close)
        .map_with(|((l_brace, attributes), r_brace), e| AttributeBlock {
            l_brace,
            r_brace,
            attributes: attributes.0,
            span: e.span(),
        })
        .boxed();

    let item_keyword = select! { Tok { kind: Kind::Ident(s), .. } = e
    if ItemKind::from_keyword(s).is_some() => (ItemKind::from_keyword(s).unwrap(), e.span()) };
    // A keyword right before the next item, block or `}` is an item without a title
    // (reported after parsing), so that the half-typed item does not swallow its block.
    // What may follow an item's head: its attribute block, the end of its line or block,
    // another item or block, or an attribute. Anything else on the line is skipped up to
    // the attribute block (braces balanced), which still belongs to the item.
    // What may follow an item's head or its attribute block on its line: the end of the
    // line, a `}`, another item or block, or an attribute. A lookahead of two tokens that
    // reports, when it fails, only the first: in `"title" x "…"`, `x` is unexpected, not
    // an attribute `x` missing its `:`.
    let item_follow = |label: &'static str| {
        custom(move |inp| {
            let start = inp.save();
            let before = inp.cursor();
            let first: Option<Tok<'s>> = inp.next();
            let span: CSpan = inp.span_since(&before);
            let second = inp.next().map(|t: Tok<'s>| t.kind);
            inp.rewind(start);
            let fits = match first {
                None => true,
                Some(t) if t.bol => true,
                Some(Tok { kind: Kind::RBrace, .. }) => true,
                Some(Tok { kind: Kind::Ident(word), .. }) => {
                    second == Some(Kind::Colon)
                        || (ItemKind::from_keyword(word).is_some()
                            && matches!(second, Some(Kind::Ident(_) | Kind::Str(_))))
                        || (BlockKind::from_keyword(word).is_some()
                            && matches!(second, Some(Kind::Ident(_) | Kind::Str(_) | Kind::LBrace)))
                }
                _ => false,
            };
            if fits {
                Ok(())
            } else {
                Err(LabelError::<'t, I, &'static str>::expected_found([label], first.map(Into::into), span))
            }
        })
        .boxed()
    };
    let line_end = any().filter(|t: &Tok| t.bol).ignored();
    // Text after an item's attribute block, on its line: skipped (braces balanced).
    let after_block = item_follow(AFTER_BLOCK)
        .recover_with(via_parser(junk_piece(choice((hard.clone(), line_end.clone())).boxed()).repeated().at_least(1)))
        .boxed();
    let with_block = attribute_block.then_ignore(after_block);
    // Text between an item's head and its attribute block, on its line: skipped (braces
    // balanced) up to the block, which still belongs to the item.
    let after_head = choice((with_block.clone().map(Some), item_follow(AFTER_HEAD).to(None)))
        .recover_with(via_parser(
            junk_piece(choice((tk(Kind::LBrace).ignored(), hard.clone(), line_end)).boxed())
                .repeated()
                .at_least(1)
                .ignore_then(with_block.or_not()),
        ))
        .boxed();
    let item = item_keyword
        .then(choice((head.clone(), hard.clone().rewind().to((None, None)))))
        .then(after_head)
        .map_with(|(((kind, keyword), (id, title)), attributes), e| {
            Some(Member::Item(Item { kind, keyword, id, title, attributes, span: e.span() }))
        })
        .boxed();

    let l_brace = tk(Kind::LBrace).map_with(|_, e| Some(e.span()));
    let block_close = |sync: Boxed<'t, 't, I, (), E>| {
        tk(Kind::RBrace).map_with(|_, e| Some(e.span())).recover_with(via_parser(sync.to(None))).boxed()
    };
    let block_keyword = |kinds: &'static [BlockKind]| {
        select! { Tok { kind: Kind::Ident(s), .. } = e
        if BlockKind::from_keyword(s).is_some_and(|k| kinds.contains(&k)) =>
        (BlockKind::from_keyword(s).unwrap(), e.span()) }
    };
    // `kw id "title" {`, where a missing `{` after a head is recovered; or `kw {`.
    let block_head = |kinds: &'static [BlockKind], label: &'static str| {
        block_keyword(kinds)
            .labelled(label)
            .then(choice((
                head.clone().then(l_brace.recover_with(via_parser(empty().to(None)))),
                l_brace.map(|b| ((None, None), b)),
            )))
            .boxed()
    };
    let member = choice((item.clone(), attribute.clone().map(|a| a.map(Member::Attribute)))).boxed();
    let build_block =
        |(((kind, keyword), ((id, title), l_brace)), members, r_brace): (BlockHead, Found<Member>, Option<Span>),
         span: Span| Block { kind, keyword, id, title, l_brace, r_brace, members: members.0, span };

    let section = block_head(&[BlockKind::Segment, BlockKind::ValueMap], "`segment` or `value-map`")
        .then(member.clone().repeated().collect::<Found<Member>>())
        .then(block_close(choice((any_block_start.clone(), end())).boxed()))
        .map_with(move |((h, m), r), e| build_block((h, m, r), e.span()))
        .boxed();

    let canvas = block_head(&[BlockKind::Canvas], "`canvas`")
        .then(choice((section.map(|s| Some(Member::Block(s))), member)).repeated().collect::<Found<Member>>())
        .then(block_close(choice((canvas_start.clone(), end())).boxed()))
        .map_with(move |((h, m), r), e| Some(build_block((h, m, r), e.span())))
        .boxed();

    // Text outside any canvas: skipped up to the next `canvas` that starts a line.
    let top_junk = any().then(any().and_is(canvas_start.not()).repeated()).to(None);
    canvas.recover_with(via_parser(top_junk)).repeated().collect::<Found<Block>>().then_ignore(end()).map(|c| c.0)
}

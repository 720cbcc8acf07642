//! The recovering parser, with chumsky over the lexer's tokens.
//!
//! Parsing never fails. Recovery works at three levels:
//! - a line-start item or block keyword followed by a name or title starts a new
//!   item or block, and closes whatever attribute block or block is still open;
//! - inside a line, unreadable text is skipped up to the next `,`, `}` or line end;
//! - a missing value becomes [`Value::Missing`], a missing `}` a `None` brace.
//!
//! Every rule is boxed: it keeps this crate's rebuilds fast and costs nothing at run time.

use chumsky::error::{EmptyErr, LabelError};
use chumsky::extra::ParserExtra;
use chumsky::input::ValueInput;
use chumsky::prelude::*;
use rayon::prelude::*;

use crate::SyntaxError;
use crate::ast::*;
use crate::lexer::{Kind, Tok, Token, TokenKind, unescape_smol};
use smol_str::SmolStr;

type CSpan = Span;
/// What a block's keyword and head parse to: `((kind, keyword), ((id, title), l_brace))`.
type BlockHead = ((BlockKind, Span), ((Option<Name>, Option<Str>), Option<Span>));
type Extra<'t, 's> = extra::Err<Rich<'t, Tok<'s>, CSpan>>;

/// Parse the lexer's tokens; `convert` turns chumsky's errors into ours (or drops them).
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
    convert: impl Fn(&Rich<'_, Tok<'s>, CSpan>) -> Option<SyntaxError> + Sync,
) -> (Vec<Block>, Vec<SyntaxError>) {
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
    let parsed: Vec<(Vec<Block>, Vec<SyntaxError>)> = if groups == 1 {
        vec![parse_chunks(tokens, text, &chunks, &convert)]
    } else {
        chunks.par_chunks(per_group).map(|group| parse_chunks(tokens, text, group, &convert)).collect()
    };
    let mut canvases = Vec::new();
    let mut errors = Vec::new();
    for (c, e) in parsed {
        canvases.extend(c);
        errors.extend(e);
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
    convert: &(impl Fn(&Rich<'_, Tok<'s>, CSpan>) -> Option<SyntaxError> + Sync),
) -> (Vec<Block>, Vec<SyntaxError>) {
    let (Some(first), Some(last)) = (chunks.first(), chunks.last()) else { return (Vec::new(), Vec::new()) };
    let base = first.0;
    let toks: Vec<(Tok<'s>, CSpan)> = tokens[base..last.1].iter().map(|t| (t.tok(text), t.span())).collect();
    // Most canvases have no syntax errors: parse first with an error type that costs
    // nothing, and only when something went wrong again with errors worth reading.
    // Both runs build the same tree: the error type never changes what is parsed.
    // Parsers are built once per group (they cannot cross threads).
    let cheap = file::<_, extra::Err<EmptyErr>>();
    let mut rich = None;
    let mut canvases = Vec::new();
    let mut errors = Vec::new();
    for &(from, to, eoi) in chunks {
        let input = || toks[from - base..to - base].split_token_span(CSpan::from(eoi..eoi));
        let (blocks, cheap_errors) = cheap.parse(input()).into_output_errors();
        if cheap_errors.is_empty() {
            canvases.extend(blocks.unwrap_or_default());
            continue;
        }
        let rich = rich.get_or_insert_with(file::<_, Extra<'_, 's>>);
        let (blocks, rich_errors) = rich.parse(input()).into_output_errors();
        canvases.extend(blocks.unwrap_or_default());
        errors.extend(rich_errors.iter().filter_map(convert));
    }
    (canvases, errors)
}

fn file<'t, 's: 't, I, E>() -> impl Parser<'t, I, Vec<Block>, E> + Clone
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
    // At least one token of unreadable text, up to the next `,` (eaten), `}` or line end.
    let junk = any()
        .and_is(hard.clone().not())
        .then(any().and_is(soft.clone().not()).repeated())
        .then(tk(Kind::Comma).or_not())
        .ignored()
        .boxed();

    let value = recursive(|value| {
        let list_junk = any()
            .and_is(choice((hard.clone(), tk(Kind::Comma).ignored(), tk(Kind::RBracket).ignored())).not())
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
    let value_junk = any().and_is(soft.clone().not()).repeated().at_least(1).map_with(|_, e| Value::Missing(e.span()));
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
        .then(attribute.clone().repeated().collect::<Vec<_>>())
        .then(item_close)
        .map_with(|((l_brace, attributes), r_brace), e| AttributeBlock {
            l_brace,
            r_brace,
            attributes: attributes.into_iter().flatten().collect(),
            span: e.span(),
        })
        .boxed();

    let item_keyword = select! { Tok { kind: Kind::Ident(s), .. } = e
    if ItemKind::from_keyword(s).is_some() => (ItemKind::from_keyword(s).unwrap(), e.span()) };
    // A keyword right before the next item, block or `}` is an item without a title
    // (reported after parsing), so that the half-typed item does not swallow its block.
    let item = item_keyword
        .then(choice((head.clone(), hard.clone().rewind().to((None, None)))))
        .then(attribute_block.or_not())
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
    let build_block = |(((kind, keyword), ((id, title), l_brace)), members, r_brace): (
        BlockHead,
        Vec<Option<Member>>,
        Option<Span>,
    ),
                       span: Span| Block {
        kind,
        keyword,
        id,
        title,
        l_brace,
        r_brace,
        members: members.into_iter().flatten().collect(),
        span,
    };

    let section = block_head(&[BlockKind::Segment, BlockKind::ValueMap], "`segment` or `value-map`")
        .then(member.clone().repeated().collect::<Vec<_>>())
        .then(block_close(choice((any_block_start.clone(), end())).boxed()))
        .map_with(move |((h, m), r), e| build_block((h, m, r), e.span()))
        .boxed();

    let canvas = block_head(&[BlockKind::Canvas], "`canvas`")
        .then(choice((section.map(|s| Some(Member::Block(s))), member)).repeated().collect::<Vec<_>>())
        .then(block_close(choice((canvas_start.clone(), end())).boxed()))
        .map_with(move |((h, m), r), e| Some(build_block((h, m, r), e.span())))
        .boxed();

    // Text outside any canvas: skipped up to the next `canvas` that starts a line.
    let top_junk = any().then(any().and_is(canvas_start.not()).repeated()).to(None);
    canvas
        .recover_with(via_parser(top_junk))
        .repeated()
        .collect::<Vec<Option<Block>>>()
        .then_ignore(end())
        .map(|c| c.into_iter().flatten().collect())
}

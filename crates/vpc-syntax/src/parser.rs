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

use crate::ast::*;
use crate::SyntaxError;
use crate::lexer::{unescape, Kind, Tok};

type CSpan = SimpleSpan;
/// What a block's keyword and head parse to: `((kind, keyword), ((id, title), l_brace))`.
type BlockHead = ((BlockKind, Span), ((Option<Name>, Option<Str>), Option<Span>));
type Extra<'t, 's> = extra::Err<Rich<'t, Tok<'s>, CSpan>>;

fn sp(s: CSpan) -> Span {
    Span::new(s.start, s.end)
}

/// Parse the lexer's tokens; `convert` turns chumsky's errors into ours (or drops them).
pub(crate) fn parse_tokens<'s>(
    tokens: &[(Tok<'s>, Span)],
    len: usize,
    convert: impl Fn(&Rich<'_, Tok<'s>, CSpan>) -> Option<SyntaxError>,
) -> (Vec<Block>, Vec<SyntaxError>) {
    let eoi = CSpan::from(len..len);
    let tokens: Vec<(Tok<'s>, CSpan)> = tokens.iter().map(|(t, s)| (*t, CSpan::from(s.start..s.end))).collect();
    // Most files have no syntax errors: parse first with an error type that costs
    // nothing, and only when something went wrong again with errors worth reading.
    // Both runs build the same tree: the error type never changes what is parsed.
    let (canvases, errors) =
        file::<_, extra::Err<EmptyErr>>().parse(tokens.as_slice().split_token_span(eoi)).into_output_errors();
    if errors.is_empty() {
        return (canvases.unwrap_or_default(), Vec::new());
    }
    let (canvases, errors) = file::<_, Extra<'_, 's>>().parse(tokens.as_slice().split_token_span(eoi)).into_output_errors();
    (canvases.unwrap_or_default(), errors.iter().filter_map(convert).collect())
}

fn file<'t, 's: 't, I, E>() -> impl Parser<'t, I, Vec<Block>, E> + Clone
where
    I: ValueInput<'t, Token = Tok<'s>, Span = CSpan>,
    E: ParserExtra<'t, I, Context = (), State = ()> + 't,
    E::Error: LabelError<'t, I, &'static str>,
{
    let tk = |k: Kind<'s>| just(Tok::of(k));

    let ident = select! { Tok { kind: Kind::Ident(s), .. } = e => Name { text: s.to_string(), span: sp(e.span()) } }
        .labelled("an identifier")
        .boxed();
    let string = select! { Tok { kind: Kind::Str(s), .. } = e => Str { value: unescape(s), span: sp(e.span()) } }
        .labelled("a title in quotes")
        .boxed();
    let number = select! { Tok { kind: Kind::Number(n), .. } = e => Number {
        text: n.to_string(), value: n.parse().unwrap_or(0.0), span: sp(e.span())
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
    let soft = choice((
        hard.clone(),
        tk(Kind::Comma).ignored(),
        any().filter(|t: &Tok| t.bol).ignored(),
    ))
    .boxed();
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
            .map_with(|_, e| Value::Missing(sp(e.span())));
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
            .map_with(|items, e| Value::List(List { items, span: sp(e.span()) }));
        choice((
            ident.clone().map(Value::Ident),
            string.clone().map(Value::Str),
            number.map(Value::Number),
            list,
        ))
        .labelled("a value")
        .boxed()
    });

    let same_line = any().filter(|t: &Tok| !t.bol).rewind();
    let value_junk = any()
        .and_is(soft.clone().not())
        .repeated()
        .at_least(1)
        .map_with(|_, e| Value::Missing(sp(e.span())));
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
        .map_with(|(key, value), e| Some(Attribute { key, value, span: sp(e.span()) }))
        .recover_with(via_parser(junk.clone().to(None)))
        .boxed();

    // Item head: `id "title"`, `"title"` or `id` (the missing title is reported later).
    let head = choice((
        ident.clone().then(string.clone().or_not()).map(|(id, title)| (Some(id), title)),
        string.clone().map(|title| (None, Some(title))),
    ))
    .boxed();

    let item_close = tk(Kind::RBrace)
        .map_with(|_, e| Some(sp(e.span())))
        .recover_with(via_parser(choice((item_start.clone(), any_block_start.clone(), end())).to(None)))
        .boxed();
    let attribute_block = tk(Kind::LBrace)
        .map_with(|_, e| sp(e.span()))
        .then(attribute.clone().repeated().collect::<Vec<_>>())
        .then(item_close)
        .map_with(|((l_brace, attributes), r_brace), e| AttributeBlock {
            l_brace,
            r_brace,
            attributes: attributes.into_iter().flatten().collect(),
            span: sp(e.span()),
        })
        .boxed();

    let item_keyword = select! { Tok { kind: Kind::Ident(s), .. } = e
        if ItemKind::from_keyword(s).is_some() => (ItemKind::from_keyword(s).unwrap(), sp(e.span())) };
    let item = item_keyword
        .then(head.clone())
        .then(attribute_block.or_not())
        .map_with(|(((kind, keyword), (id, title)), attributes), e| {
            Some(Member::Item(Item { kind, keyword, id, title, attributes, span: sp(e.span()) }))
        })
        .boxed();

    let l_brace = tk(Kind::LBrace).map_with(|_, e| Some(sp(e.span())));
    let block_close = |sync: Boxed<'t, 't, I, (), E>| {
        tk(Kind::RBrace)
            .map_with(|_, e| Some(sp(e.span())))
            .recover_with(via_parser(sync.to(None)))
            .boxed()
    };
    let block_keyword = |kinds: &'static [BlockKind]| {
        select! { Tok { kind: Kind::Ident(s), .. } = e
            if BlockKind::from_keyword(s).is_some_and(|k| kinds.contains(&k)) =>
            (BlockKind::from_keyword(s).unwrap(), sp(e.span())) }
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
        .map_with(move |((h, m), r), e| build_block((h, m, r), sp(e.span())))
        .boxed();

    let canvas = block_head(&[BlockKind::Canvas], "`canvas`")
        .then(
            choice((section.map(|s| Some(Member::Block(s))), member))
                .repeated()
                .collect::<Vec<_>>(),
        )
        .then(block_close(choice((canvas_start.clone(), end())).boxed()))
        .map_with(move |((h, m), r), e| Some(build_block((h, m, r), sp(e.span()))))
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

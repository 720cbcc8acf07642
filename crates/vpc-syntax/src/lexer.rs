//! Turns text into tokens with logos.
//!
//! Newlines and comments are not tokens for the parser: a newline marks the
//! next token as the first on its line (`bol`), which is what error recovery
//! and the "value on the same line as its `:`" rule need; comments are kept
//! aside for the formatter. String escapes are checked here, after lexing.

use logos::Logos;

use crate::{ErrorList, Span, SyntaxError};

#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
#[logos(skip r"[ \t\f]+")]
enum Raw {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    /// A comment runs to the end of its line. Scanned by hand ([`line_rest`]): the
    /// automaton logos generates for a class of non-ASCII characters recurses once per
    /// byte in debug builds, so 20,000 `é` overflowed the stack.
    #[token("//", line_rest)]
    Comment,
    #[regex(r"[A-Za-z_][A-Za-z0-9_-]*")]
    Ident,
    /// A string in quotes, on one line; `\` escapes the next character. Scanned by hand
    /// ([`string_rest`]), for the reason given at [`Raw::Comment`].
    #[token("\"", string_rest)]
    Str(Closed),
    /// A number, optionally a percentage written at once after it (`85%`).
    #[regex(r"[0-9]+(\.[0-9]+)?%?")]
    Number,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
}

/// What a token is. Text-carrying kinds borrow from the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind<'s> {
    Ident(&'s str),
    /// A string literal as written, quotes included (the closing quote may be missing).
    Str(&'s str),
    Number(&'s str),
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Colon,
    Comma,
    /// Text that is no token at all (already reported by the lexer).
    Error(&'s str),
}

/// What a token is, without its text: for tools that keep tokens beside the text
/// (the editor features).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Ident,
    Str,
    Number,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Colon,
    Comma,
    Error,
}

/// A token owned apart from the text: 12 bytes, as editors keep one per token of a
/// document (offsets are 32-bit; [`Token::new`] saturates beyond 4 GiB).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
    /// First token on its line.
    pub bol: bool,
}

impl Token {
    pub fn new(kind: TokenKind, span: Span, bol: bool) -> Token {
        let narrow = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        Token { start: narrow(span.start), end: narrow(span.end), kind, bol }
    }
    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    /// The token for the parser, its text taken from `text` (the text it was lexed from).
    pub fn tok(self, text: &str) -> Tok<'_> {
        let slice = text.get(self.span().range()).unwrap_or_default();
        let kind = match self.kind {
            TokenKind::Ident => Kind::Ident(slice),
            TokenKind::Str => Kind::Str(slice),
            TokenKind::Number => Kind::Number(slice),
            TokenKind::LBrace => Kind::LBrace,
            TokenKind::RBrace => Kind::RBrace,
            TokenKind::LBracket => Kind::LBracket,
            TokenKind::RBracket => Kind::RBracket,
            TokenKind::Colon => Kind::Colon,
            TokenKind::Comma => Kind::Comma,
            TokenKind::Error => Kind::Error(slice),
        };
        Tok { kind, bol: self.bol }
    }
}

impl Kind<'_> {
    pub fn token_kind(self) -> TokenKind {
        match self {
            Kind::Ident(_) => TokenKind::Ident,
            Kind::Str(_) => TokenKind::Str,
            Kind::Number(_) => TokenKind::Number,
            Kind::LBrace => TokenKind::LBrace,
            Kind::RBrace => TokenKind::RBrace,
            Kind::LBracket => TokenKind::LBracket,
            Kind::RBracket => TokenKind::RBracket,
            Kind::Colon => TokenKind::Colon,
            Kind::Comma => TokenKind::Comma,
            Kind::Error(_) => TokenKind::Error,
        }
    }
}

/// A token for the parser.
#[derive(Clone, Copy, Debug)]
pub struct Tok<'s> {
    pub kind: Kind<'s>,
    /// First token on its line.
    pub bol: bool,
}

impl PartialEq for Tok<'_> {
    /// Tokens compare by kind only, so that `just(Tok::of(Kind::LBrace))` matches on any line.
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

impl<'s> Tok<'s> {
    pub fn of(kind: Kind<'s>) -> Tok<'s> {
        Tok { kind, bol: false }
    }
}

impl std::fmt::Display for Tok<'_> {
    /// How a token is named in an error message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            Kind::Ident(s) => write!(f, "`{s}`"),
            Kind::Str(_) => f.write_str("a string"),
            Kind::Number(n) => write!(f, "the number `{n}`"),
            Kind::LBrace => f.write_str("`{`"),
            Kind::RBrace => f.write_str("`}`"),
            Kind::LBracket => f.write_str("`[`"),
            Kind::RBracket => f.write_str("`]`"),
            Kind::Colon => f.write_str("`:`"),
            Kind::Comma => f.write_str("`,`"),
            Kind::Error(s) => write!(f, "`{s}`"),
        }
    }
}

/// The output of [`lex`]. Tokens are kept compact (12 bytes, no text): the parser
/// turns one canvas's share at a time into [`Tok`]s ([`Token::tok`]).
#[derive(Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub comments: Vec<Span>,
    /// In the order found; the stream of errors about deep lists follows the others.
    pub errors: ErrorList,
}

/// Lists nested deeper than this are cut off with an error, so that no later
/// stage recurses without bound.
pub const MAX_LIST_DEPTH: usize = 32;

pub fn lex(text: &str) -> Lexed {
    // About one token per five bytes in real files: reserve once rather than regrow.
    let mut out = Lexed { tokens: Vec::with_capacity(text.len() / 5 + 16), ..Lexed::default() };
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lexer = Raw::lexer(&text[start..]);
    let mut bol = true;
    while let Some(raw) = lexer.next() {
        let r = lexer.span();
        let span = Span::new(r.start + start, r.end + start);
        let slice = lexer.slice();
        let kind = match raw {
            Ok(Raw::Newline) => {
                bol = true;
                continue;
            }
            Ok(Raw::Comment) => {
                out.comments.push(span);
                continue;
            }
            Ok(Raw::Ident) => Kind::Ident(slice),
            Ok(Raw::Str(Closed(true))) => {
                check_escapes(slice, span.start, &mut out.errors);
                Kind::Str(slice)
            }
            Ok(Raw::Str(Closed(false))) => {
                check_escapes(slice, span.start, &mut out.errors);
                out.errors.push(SyntaxError::new(
                    Span::empty(span.end),
                    "this string is not closed: add `\"` before the end of the line",
                ));
                Kind::Str(slice)
            }
            Ok(Raw::Number) => Kind::Number(slice),
            Ok(Raw::LBrace) => Kind::LBrace,
            Ok(Raw::RBrace) => Kind::RBrace,
            Ok(Raw::LBracket) => Kind::LBracket,
            Ok(Raw::RBracket) => Kind::RBracket,
            Ok(Raw::Colon) => Kind::Colon,
            Ok(Raw::Comma) => Kind::Comma,
            Err(()) => {
                // Merge a run of unreadable characters into one token and one error.
                if let Some(prev) = out.tokens.last_mut()
                    && prev.kind == TokenKind::Error
                    && prev.span().end == span.start
                {
                    let before = prev.span();
                    *prev = Token::new(TokenKind::Error, before.cover(span), prev.bol);
                    // (Unless that error was not kept: see [`ErrorList`].)
                    if let Some(e) = out.errors.last_mut().filter(|e| e.span == before) {
                        e.span.end = span.end;
                        e.message = unexpected_text_message(&text[prev.span().range()]);
                    }
                    continue;
                }
                out.errors.push(SyntaxError::new(span, unexpected_text_message(slice)));
                Kind::Error(slice)
            }
        };
        out.tokens.push(Token::new(kind.token_kind(), span, bol));
        bol = false;
    }
    cut_deep_lists(&mut out);
    out
}

/// Whether a string found its closing quote on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Closed(bool);

/// After `//`: the rest of the line, line break excluded. Linear, no recursion.
fn line_rest(lex: &mut logos::Lexer<Raw>) {
    let rest = lex.remainder().as_bytes();
    let end = rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len());
    lex.bump(end);
}

/// After the opening `"`: up to and including the closing `"`, or to the end of the
/// line when there is none (a trailing `\` included, as written). Every byte it stops
/// at is ASCII, so the token ends on a character boundary.
fn string_rest(lex: &mut logos::Lexer<Raw>) -> Closed {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b'"' => {
                lex.bump(i + 1);
                return Closed(true);
            }
            b'\n' | b'\r' => break,
            // An escape takes the next character, unless the line ends there. UTF-8
            // continuation bytes never equal `"`, `\\`, `\n` or `\r`, so stepping one byte
            // into a multi-byte character is harmless.
            b'\\' if matches!(rest.get(i + 1), Some(b) if *b != b'\n' && *b != b'\r') => i += 2,
            _ => i += 1,
        }
    }
    lex.bump(i.min(rest.len()));
    Closed(false)
}

fn unexpected_text_message(text: &str) -> String {
    let hint = if text.starts_with(|c: char| c.is_ascii_digit()) {
        "; write text in quotes"
    } else if text.chars().all(|c| !c.is_ascii()) {
        "; text outside of quotes must be an identifier of ASCII letters, digits, `_` and `-`, so put it in quotes"
    } else {
        ""
    };
    format!("`{text}` is not part of the .vpc language{hint}")
}

/// Replace every list nested deeper than [`MAX_LIST_DEPTH`] with one error token.
///
/// The tokens are compacted in place in one pass (a token is only ever written at or
/// before where it was read), so that a file of many deep lists costs no more than one
/// of a single deep list per byte.
fn cut_deep_lists(lexed: &mut Lexed) {
    let tokens = &mut lexed.tokens;
    // Found in order among themselves, but after the lexer's other errors: kept apart
    // until the end, so that each list of errors stays in order.
    let mut errors = ErrorList::default();
    let mut depth = 0usize;
    let mut read = 0;
    let mut write = 0;
    while read < tokens.len() {
        let token = tokens[read];
        match token.kind {
            TokenKind::LBracket => depth += 1,
            TokenKind::RBracket => depth = depth.saturating_sub(1),
            TokenKind::RBrace => depth = 0,
            _ => {}
        }
        if depth > MAX_LIST_DEPTH {
            // Swallow up to the bracket that closes this one, or to the next line that starts
            // with a word (a new item), or to the end.
            let mut inner = 1usize;
            let mut end = read + 1;
            while end < tokens.len() {
                let tok = tokens[end];
                if tok.bol && matches!(tok.kind, TokenKind::Ident | TokenKind::RBrace) {
                    break;
                }
                match tok.kind {
                    TokenKind::LBracket => inner += 1,
                    TokenKind::RBracket => {
                        inner -= 1;
                        if inner == 0 {
                            end += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                end += 1;
            }
            let span = token.span().cover(tokens[end - 1].span());
            errors.push(SyntaxError::new(
                Span::new(span.start, span.start + 1),
                format!("lists cannot be nested more than {MAX_LIST_DEPTH} deep"),
            ));
            tokens[write] = Token::new(TokenKind::Error, span, token.bol);
            depth -= 1;
            read = end;
        } else {
            tokens[write] = token;
            read += 1;
        }
        write += 1;
    }
    tokens.truncate(write);
    lexed.errors.append(errors);
}

/// Report unknown escapes and `\u{…}` that are no Unicode scalar value.
fn check_escapes(literal: &str, offset: usize, errors: &mut ErrorList) {
    let mut chars = literal.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            continue;
        }
        let Some((j, e)) = chars.next() else { return };
        match e {
            '"' | '\\' | 'n' | 't' => {}
            'u' => {
                let rest = &literal[j + 1..];
                let end = rest.find('}').filter(|_| rest.starts_with('{'));
                let valid = end.and_then(|end| {
                    let hex = &rest[1..end];
                    (!hex.is_empty() && hex.len() <= 6)
                        .then(|| u32::from_str_radix(hex, 16).ok())
                        .flatten()
                        .and_then(char::from_u32)
                });
                let len = end.map_or(1, |end| end + 2);
                if valid.is_none() {
                    errors.push(SyntaxError::new(
                        Span::new(offset + i, offset + j + len),
                        "a `\\u{…}` escape must hold 1 to 6 hex digits naming a Unicode character, e.g. `\\u{1F600}`",
                    ));
                }
                while chars.peek().is_some_and(|&(k, _)| k < j + len) {
                    chars.next();
                }
            }
            _ => errors.push(SyntaxError::new(
                Span::new(offset + i, offset + j + e.len_utf8()),
                format!("unknown escape `\\{e}`: use `\\\"`, `\\\\`, `\\n`, `\\t` or `\\u{{…}}`"),
            )),
        }
    }
}

/// Text as it is written inside a string literal: the inverse of [`unescape`]
/// (`"`, `\`, line breaks, tabs and other control characters escaped).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The value of a string literal (quotes removed, escapes resolved; bad escapes are kept as written).
pub fn unescape(literal: &str) -> String {
    unescape_inner(literal_inner(literal))
}

/// [`unescape`] into the tree's string type, without an intermediate `String`
/// when the literal has no escapes (almost always).
pub fn unescape_smol(literal: &str) -> smol_str::SmolStr {
    let inner = literal_inner(literal);
    if inner.contains('\\') { unescape_inner(inner).into() } else { smol_str::SmolStr::new(inner) }
}

/// A literal without its quotes (the closing one may be missing).
fn literal_inner(literal: &str) -> &str {
    let inner = literal.strip_prefix('"').unwrap_or(literal);
    inner.strip_suffix('"').filter(|s| !s.ends_with('\\') || s.ends_with("\\\\")).unwrap_or(inner)
}

fn unescape_inner(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest = chars.as_str();
                let parsed = rest.strip_prefix('{').and_then(|r| r.find('}').map(|end| (&r[..end], end + 2))).and_then(
                    |(hex, len)| u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).map(|c| (c, len)),
                );
                match parsed {
                    Some((c, len)) => {
                        out.push(c);
                        chars = rest[len..].chars();
                    }
                    None => out.push_str("\\u"),
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind<'_>> {
        lex(text).tokens.into_iter().map(|t| t.tok(text).kind).collect()
    }

    #[test]
    fn long_non_ascii_strings_and_comments_do_not_overflow_the_stack() {
        // logos's automaton for these recursed once per byte: 20,000 `é` crashed.
        let long = "é".repeat(200_000);
        let text = format!("// {long}\njob j \"{long}\" \"{long}");
        let lexed = lex(&text);
        assert_eq!(lexed.comments.len(), 1);
        let kinds: Vec<Kind> = lexed.tokens.iter().map(|t| t.tok(&text).kind).collect();
        assert_eq!(kinds.len(), 4);
        assert!(matches!(kinds[2], Kind::Str(s) if s.len() == long.len() + 2));
        assert!(matches!(kinds[3], Kind::Str(s) if s.len() == long.len() + 1), "unterminated, to the end");
        assert_eq!(lexed.errors.len(), 1, "one unterminated string");
    }

    #[test]
    fn strings_end_at_their_quote_or_their_line() {
        assert_eq!(kinds(r#""a\"b" x"#), [Kind::Str(r#""a\"b""#), Kind::Ident("x")]);
        assert_eq!(kinds("\"open\nx"), [Kind::Str("\"open"), Kind::Ident("x")]);
        assert_eq!(kinds("\"open\\\r\nx"), [Kind::Str("\"open\\"), Kind::Ident("x")], "a trailing backslash stays");
        assert_eq!(kinds("\"é\\é\" y"), [Kind::Str("\"é\\é\""), Kind::Ident("y")], "an escaped multi-byte character");
        assert_eq!(kinds("\"\""), [Kind::Str("\"\"")]);
        assert_eq!(kinds("\""), [Kind::Str("\"")]);
        assert_eq!(kinds("// c\r\nx"), [Kind::Ident("x")]);
    }

    #[test]
    fn identifiers_with_dashes_and_numbers_before_words() {
        assert_eq!(kinds("no-time 9am"), [Kind::Ident("no-time"), Kind::Number("9"), Kind::Ident("am")]);
    }

    #[test]
    fn a_percentage_is_one_token_only_when_written_at_once() {
        assert_eq!(kinds("85% 8.5%"), [Kind::Number("85%"), Kind::Number("8.5%")]);
        assert_eq!(kinds("85 %"), [Kind::Number("85"), Kind::Error("%")]);
    }

    #[test]
    fn bol_marks_first_token_of_each_line_for_all_line_breaks() {
        let bols: Vec<bool> = lex("a b\rc\r\nd\ne").tokens.iter().map(|t| t.bol).collect();
        assert_eq!(bols, [true, false, true, true, true]);
    }

    #[test]
    fn bom_is_skipped_and_spans_stay_byte_offsets() {
        let lexed = lex("\u{feff}job");
        assert_eq!(lexed.tokens[0].span(), Span::new(3, 6));
        assert!(lexed.errors.is_empty());
    }

    #[test]
    fn unterminated_string_is_an_error_at_line_end() {
        let text = "\"abc\nx";
        let lexed = lex(text);
        assert_eq!(lexed.tokens[0].tok(text).kind, Kind::Str("\"abc"));
        assert_eq!(lexed.errors[0].span, Span::empty(4));
        assert_eq!(lexed.tokens[1].tok(text).kind, Kind::Ident("x"));
    }

    #[test]
    fn escapes() {
        assert_eq!(unescape(r#""a\"b\\c\n\t\u{1F600}""#), "a\"b\\c\n\t😀");
        let lexed = lex(r#""\q \u{D800} \u{110000} \u{1F600}""#);
        let spans: Vec<_> = lexed.errors.iter().map(|e| e.span).collect();
        assert_eq!(spans, [Span::new(1, 3), Span::new(4, 12), Span::new(13, 23)]);
    }

    #[test]
    fn escape_is_the_inverse_of_unescape() {
        for text in ["plain", "a \"quote\"", "back\\slash", "line\nbreak\ttab\r", "bell\u{7} 😀"] {
            let literal = format!("\"{}\"", escape(text));
            assert_eq!(unescape(&literal), text);
            let mut errors = ErrorList::default();
            check_escapes(&literal, 0, &mut errors);
            assert_eq!(*errors, [], "{literal}");
        }
    }

    #[test]
    fn deep_lists_are_cut() {
        let text = "[".repeat(100_000);
        let lexed = lex(&text);
        assert!(lexed.tokens.len() <= MAX_LIST_DEPTH + 1);
        assert_eq!(lexed.errors.len(), 1);
    }

    #[test]
    fn unknown_characters_merge_into_one_error() {
        let lexed = lex("a @@@ b");
        assert_eq!(lexed.errors.len(), 1);
        assert_eq!(lexed.errors[0].span, Span::new(2, 5));
        assert_eq!(lexed.tokens[1].tok("a @@@ b").kind, Kind::Error("@@@"));
    }
}

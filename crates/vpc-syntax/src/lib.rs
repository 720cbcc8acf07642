//! The syntax of the `.vpc` language: tokens, the recovering parser and the syntax tree.
//!
//! [`parse`] never fails: it returns the tree it could build and every syntax
//! error, and recovers at item and block boundaries so that the rest of the file
//! is still analysed. This crate knows nothing of lints, the canvas model or LSP.

pub mod ast;
pub mod lexer;
mod line_index;
mod parser;
pub mod printable;
pub mod schema;

pub use ast::*;
pub use line_index::{LineCol, LineIndex};
/// The string type of the tree: names and short strings are kept inline, longer ones
/// are shared when cloned (the model holds the same titles as the tree).
pub use smol_str::SmolStr;

use chumsky::error::{RichPattern, RichReason};
use lexer::Tok;

/// A problem with the text itself: the parser could not read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

impl SyntaxError {
    pub fn new(span: Span, message: impl Into<String>) -> SyntaxError {
        SyntaxError { span, message: message.into() }
    }
}

/// At most this many syntax errors are reported for one text, followed by one error
/// saying that more were not reported. Hostile text can hold an error every two
/// bytes; nobody reads a million of them, and keeping them would cost memory many
/// times the size of the text. The whole text is still parsed.
pub const MAX_SYNTAX_ERRORS: usize = 1000;

/// Syntax errors in the order they were found (which is their order in the text),
/// of which only the first [`MAX_SYNTAX_ERRORS`] + 1 are kept: enough to know that
/// the report must stop after the first [`MAX_SYNTAX_ERRORS`]. Derefs to the errors kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorList {
    errors: Vec<SyntaxError>,
    /// Where the first error that was not kept starts (the earliest of each list appended).
    dropped: Option<usize>,
}

impl ErrorList {
    /// Keep `error`, unless [`MAX_SYNTAX_ERRORS`] + 1 errors are kept already.
    pub fn push(&mut self, error: SyntaxError) {
        if self.errors.len() <= MAX_SYNTAX_ERRORS {
            self.errors.push(error);
        } else {
            self.drop_from(error.span.start);
        }
    }

    /// Add a list found apart from this one (each list in order; not one after the other).
    pub fn append(&mut self, other: ErrorList) {
        self.errors.extend(other.errors);
        if let Some(at) = other.dropped {
            self.drop_from(at);
        }
    }

    /// Note that errors from `at` on were not kept.
    pub(crate) fn drop_from(&mut self, at: usize) {
        self.dropped = Some(self.dropped.map_or(at, |d| d.min(at)));
    }

    /// The errors to report, sorted by position: at most [`MAX_SYNTAX_ERRORS`] of them
    /// and, when there were more, one last error that says so, where they start.
    pub fn into_sorted(mut self) -> Vec<SyntaxError> {
        self.errors.sort_by_key(|e| (e.span.start, e.span.end));
        self.errors.dedup();
        if self.errors.len() > MAX_SYNTAX_ERRORS {
            self.drop_from(self.errors[MAX_SYNTAX_ERRORS].span.start);
        }
        if let Some(at) = self.dropped {
            self.errors.retain(|e| e.span.start < at);
            self.errors.push(SyntaxError::new(
                Span::empty(at),
                format!(
                    "more than {MAX_SYNTAX_ERRORS} syntax errors: the ones from here on are not reported; fix those above and check again"
                ),
            ));
        }
        self.errors
    }
}

impl std::ops::Deref for ErrorList {
    type Target = [SyntaxError];
    fn deref(&self) -> &[SyntaxError] {
        &self.errors
    }
}

impl std::ops::DerefMut for ErrorList {
    fn deref_mut(&mut self) -> &mut [SyntaxError] {
        &mut self.errors
    }
}

/// The result of [`parse`]: always a tree, plus the errors found on the way.
#[derive(Clone, Debug, Default)]
pub struct Parse {
    pub file: SourceFile,
    /// Sorted by position.
    pub errors: Vec<SyntaxError>,
}

/// Read `.vpc` text into a syntax tree. Never fails, never panics.
pub fn parse(text: &str) -> Parse {
    parse_lexed(text, lexer::lex(text), true).0
}

/// [`parse`], also returning the tokens (owned, without their text), for tools that
/// need both and should not lex twice.
pub fn parse_with_tokens(text: &str) -> (Parse, Vec<lexer::Token>) {
    parse_lexed(text, lexer::lex(text), true)
}

/// `parallel`: large files may be parsed on every core (`false` only in tests, which
/// check that both ways give the same result).
fn parse_lexed(text: &str, lexed: lexer::Lexed, parallel: bool) -> (Parse, Vec<lexer::Token>) {
    // Where the text that is no token starts, in order (as the tokens are).
    let error_starts: Vec<usize> =
        lexed.tokens.iter().filter(|t| t.kind == lexer::TokenKind::Error).map(|t| t.span().start).collect();
    // The lexer has already reported text that is no token: the parser doesn't repeat it.
    // A binary search: junk can bring one such token and one parser error per line.
    let reported = |start: usize| error_starts.binary_search(&start).is_ok();
    let (canvases, parse_errors) =
        parser::parse_tokens(&lexed.tokens, text, parallel, &reported, |e| convert_error(e, &lexed.tokens, text));
    let mut errors = lexed.errors;
    errors.append(parse_errors);
    let file = SourceFile {
        canvases,
        comments: lexed.comments.iter().map(|s| ast::Comment { span: *s, text: text[s.range()].to_string() }).collect(),
    };
    let mut structure = ErrorList::default();
    check_structure(&file, &mut structure);
    errors.append(structure);
    (Parse { file, errors: errors.into_sorted() }, lexed.tokens)
}

/// Turn chumsky's error into one a canvas author understands, placed as the spec says:
/// a token that is missing before a line break gets an empty range after the last token.
///
/// But where a new attribute or item may start, a line that starts with neither (nor
/// with a `}` or a block) is itself the error: it is reported there, on its own line.
fn convert_error(e: &chumsky::error::Rich<'_, Tok<'_>, Span>, tokens: &[lexer::Token], text: &str) -> SyntaxError {
    let len = text.len();
    let start = e.span().start;
    let idx = tokens.partition_point(|t| t.span().start < start);
    let at_eof = idx >= tokens.len();
    let expects_member = matches!(e.reason(), RichReason::ExpectedFound { expected, .. }
        if expected.iter().any(|p| matches!(p, RichPattern::Label(l) if *l == "an attribute")));
    let at_line_start =
        !at_eof && tokens[idx].bol && idx > 0 && (!expects_member || starts_or_ends_a_block(tokens, text, idx));
    let mut span = Span::new(start, e.span().end.max(start));
    if (at_eof || at_line_start) && idx > 0 {
        span = Span::empty(tokens[idx - 1].span().end);
    } else if at_eof {
        span = Span::empty(len);
    }
    let message = match e.reason() {
        RichReason::Custom(msg) => msg.clone(),
        RichReason::ExpectedFound { expected, found } => {
            let mut words: Vec<String> = expected
                .iter()
                .filter_map(|p| match p {
                    RichPattern::Token(t) => Some(t.to_string()),
                    RichPattern::Label(l) => Some(l.to_string()),
                    RichPattern::Identifier(i) => Some(format!("`{i}`")),
                    RichPattern::EndOfInput => Some("the end of the file".to_string()),
                    RichPattern::Any => Some("something".to_string()),
                    RichPattern::SomethingElse => None,
                    _ => None,
                })
                .collect();
            words.sort();
            words.dedup();
            let found = if at_eof {
                "the end of the file".to_string()
            } else if at_line_start {
                "the end of the line".to_string()
            } else {
                found.as_deref().map_or("the end of the file".to_string(), |t| t.to_string())
            };
            expected_message(&words, &found)
        }
    };
    SyntaxError { span, message }
}

/// Does token `i` start an item or a block (a keyword and then a name or title), or
/// close a block?
fn starts_or_ends_a_block(tokens: &[lexer::Token], text: &str, i: usize) -> bool {
    use lexer::TokenKind;
    let next = tokens.get(i + 1).map(|t| t.kind);
    match tokens[i].kind {
        TokenKind::RBrace => true,
        TokenKind::Ident => {
            let word = text.get(tokens[i].span().range()).unwrap_or_default();
            (ItemKind::from_keyword(word).is_some() && matches!(next, Some(TokenKind::Ident | TokenKind::Str)))
                || (BlockKind::from_keyword(word).is_some()
                    && matches!(next, Some(TokenKind::Ident | TokenKind::Str | TokenKind::LBrace)))
        }
        _ => false,
    }
}

fn expected_message(words: &[String], found: &str) -> String {
    let has = |w: &str| words.iter().any(|x| x == w);
    let at_end = found == "the end of the line" || found == "the end of the file";
    // Where an attribute may start, a `,` is only allowed after one (the optional `,`
    // after skipped text): not worth naming.
    let fewer: Vec<String>;
    let words = if has("an attribute") && !at_end {
        fewer = words.iter().filter(|w| *w != "`,`").cloned().collect();
        &fewer[..]
    } else {
        words
    };
    let has = |w: &str| words.iter().any(|x| x == w);
    if has("`}`") && at_end && !has("a value") {
        return "missing `}`: add one to close this block".to_string();
    }
    if has(parser::AFTER_HEAD) {
        return format!(
            "{found} after the item's title is not allowed: remove it (the item's attributes go inside its `{{ … }}`)"
        );
    }
    if has(parser::AFTER_BLOCK) {
        return format!(
            "{found} after the item's `{{ … }}` is not allowed: remove it, or start a new line for what follows"
        );
    }
    if words == ["a value"] && at_end {
        return "missing value: write it after the `:`, on the same line".to_string();
    }
    if has("`canvas`") && (found == "`segment`" || found == "`value-map`") {
        return format!("a {found} must be inside a `canvas` block: start the file with `canvas <id> \"<title>\" {{`");
    }
    if has("`canvas`") {
        return format!(
            "expected `canvas`, found {found}: a file holds only canvases, e.g. `canvas <id> \"<title>\" {{ … }}`"
        );
    }
    if words == ["`:`"] && !at_end {
        return format!("expected `:` after the attribute name, found {found}");
    }
    if has("`,`") && !at_end && !has("`]`") {
        return format!("expected `,` or the end of the line after a value, found {found}");
    }
    if words.is_empty() {
        return format!("unexpected {found}");
    }
    let list = match words {
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
        [] => unreachable!(),
    };
    format!("expected {list}, found {found}")
}

/// Rules of the grammar that are easier to check on the tree: titles, and items in
/// the block they belong in.
fn check_structure(file: &SourceFile, errors: &mut ErrorList) {
    for canvas in &file.canvases {
        missing_title(canvas.kind.keyword(), canvas.keyword, canvas.id.as_ref(), canvas.title.as_ref(), errors);
        for member in &canvas.members {
            match member {
                Member::Block(section) => {
                    if section.kind == BlockKind::Segment {
                        missing_title("segment", section.keyword, section.id.as_ref(), section.title.as_ref(), errors);
                    }
                    for item in section.items() {
                        check_item(item, Some(section.kind), errors);
                    }
                }
                Member::Item(item) => check_item(item, None, errors),
                Member::Attribute(_) => {}
            }
        }
    }
}

fn check_item(item: &Item, parent: Option<BlockKind>, errors: &mut ErrorList) {
    missing_title(item.kind.keyword(), item.keyword, item.id.as_ref(), item.title.as_ref(), errors);
    let home = item.kind.section();
    if parent != Some(home) {
        let place = match parent {
            Some(p) => format!("not in a `{}`", p.keyword()),
            None => "not directly in the canvas".to_string(),
        };
        errors.push(SyntaxError::new(
            item.keyword,
            format!("a `{}` belongs in a `{}` block, {place}: move it there", item.kind, home.keyword()),
        ));
    }
}

fn missing_title(keyword: &str, kw: Span, id: Option<&Name>, title: Option<&Str>, errors: &mut ErrorList) {
    if title.is_some() {
        return;
    }
    let (after, written) = match id {
        Some(id) => (id.span.end, format!("{keyword} {}", id.text)),
        None => (kw.end, keyword.to_string()),
    };
    errors.push(SyntaxError::new(
        Span::empty(after),
        format!("expected a title in quotes after `{written}`, e.g. `{written} \"…\"`"),
    ));
}

#[cfg(test)]
mod tests;

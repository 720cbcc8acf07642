//! The canonical formatter of the `.vpc` language, shared by `vpc fmt` and the
//! language server.
//!
//! [`format()`] rewrites a file that parses without errors into its canonical form
//! and refuses (with [`FormatError::Syntax`]) any text with syntax errors: it never
//! guesses. The canonical form is:
//!
//! - one member per line, indented by [`FormatOptions::indent`] spaces per level;
//!   a block's own attributes come first, in the order of
//!   [`vpc_syntax::schema::attributes`], then its items and sections in source
//!   order (items are never reordered);
//! - an item's attributes in the same canonical order, with unknown keys after the
//!   known ones and repeated keys kept in their relative order (so the last one
//!   still counts); inline as `{ key: value, key: value }` when the line fits in
//!   [`FormatOptions::line_width`] and no comment is inside, otherwise one per line
//!   without commas; an empty `{}` after an item is dropped; empty blocks are
//!   written `{}`;
//! - lists as `[a, b, c]`, or one element per line with trailing commas when they
//!   do not fit or hold a comment; strings and numbers exactly as written;
//! - one blank line where the source had one or more between members (none after
//!   `{` or before `}`), exactly one between canvases, no trailing whitespace, and
//!   one line break at the end of the file, in the file's own style (`\r\n` if its
//!   first line break is one, `\n` otherwise); a byte-order mark is kept;
//! - every comment kept: an own-line comment stays on its own line, indented like
//!   what follows it; an end-of-line comment stays after the member it follows,
//!   one space before `//`. Trailing whitespace inside comments is removed.
//!
//! Widths count Unicode scalar values; end-of-line comments do not count.
//! Formatting is idempotent and preserves the syntax tree up to spans and the
//! canonical order of attributes.

use std::fmt;

use vpc_syntax::SyntaxError;

mod layout;
mod render;

/// How [`format()`] lays out the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatOptions {
    /// The width an inline attribute block or list must fit in, indentation included.
    pub line_width: usize,
    /// Spaces per level of nesting.
    pub indent: usize,
}

impl Default for FormatOptions {
    fn default() -> FormatOptions {
        FormatOptions { line_width: 100, indent: 2 }
    }
}

/// Why [`format()`] refused to format a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The text has syntax errors (sorted by position); nothing is formatted.
    Syntax(Vec<SyntaxError>),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax(errors) => {
                let n = errors.len();
                write!(f, "cannot format a file with {n} syntax error{}", if n == 1 { "" } else { "s" })?;
                if let Some(first) = errors.first() {
                    write!(f, " (the first at byte {}: {})", first.span.start, first.message)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FormatError {}

/// Format `.vpc` text in canonical form, or refuse if it has syntax errors.
///
/// Never panics. The result formats to itself.
///
/// ```
/// use vpc_fmt::{FormatOptions, format};
///
/// let messy = "canvas c \"C\" { segment s \"S\" {\njob a \"A\" {importance:high,kind:functional}}}";
/// let tidy = "canvas c \"C\" {\n  segment s \"S\" {\n    job a \"A\" { kind: functional, importance: high }\n  }\n}\n";
/// assert_eq!(format(messy, &FormatOptions::default()).unwrap(), tidy);
/// assert!(format("canvas c {", &FormatOptions::default()).is_err());
/// ```
pub fn format(text: &str, options: &FormatOptions) -> Result<String, FormatError> {
    let parse = vpc_syntax::parse(text);
    if !parse.errors.is_empty() {
        return Err(FormatError::Syntax(parse.errors));
    }
    let comments = &parse.file.comments;
    let mut layout = layout::Layout::new(text, options, comments);
    for canvas in &parse.file.canvases {
        layout.canvas(canvas);
    }
    Ok(render::render(text, options, layout.into_lines(), comments))
}

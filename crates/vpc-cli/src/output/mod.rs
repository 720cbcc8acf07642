//! How `vpc check` reports: for people (`human`) and for programs (`json`).

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::check::Checked;

pub(crate) mod human;
mod json;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Source excerpts with carets (colour on a terminal, unless NO_COLOR is set)
    Human,
    /// One JSON object (spec §8)
    Json,
}

pub(crate) fn print(format: Format, checked: &[Checked]) {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match format {
        Format::Human => human::write(&mut out, checked, use_colour(stdout.is_terminal())),
        Format::Json => json::write(&mut out, checked),
    };
    // A closed pipe (`vpc check | head`) is not an error worth a panic.
    let _ = result.and_then(|()| out.flush());
}

/// A path that could not be read: one line on stderr.
pub(crate) fn path_error(path: &Path, message: &str) {
    eprintln!("error: {}: {message}", path.display());
}

/// Colour only on a terminal, and never when `NO_COLOR` is set to anything.
pub(crate) fn use_colour(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// 1-based line and column (in Unicode scalar values) of a byte offset.
pub(crate) fn position(index: &vpc_syntax::LineIndex, text: &str, offset: usize) -> (usize, usize) {
    let p = index.line_col(text, offset);
    (p.line + 1, p.col + 1)
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

pub(crate) type Out<'a> = &'a mut dyn Write;

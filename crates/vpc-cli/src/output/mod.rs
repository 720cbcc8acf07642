//! How `vpc check` reports: for people (`human`), for programs (`json`) and for CI
//! (`sarif` for code scanning, `github` for Actions annotations, `junit` for test reports).

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::check::Checked;
use crate::files::PathError;

mod github;
pub(crate) mod human;
mod json;
mod junit;
mod sarif;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Source excerpts with carets (colour on a terminal, unless NO_COLOR is set)
    Human,
    /// One JSON object (spec §8)
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…,line=…::`): annotations on the run and the pull request
    Github,
    /// JUnit XML, for the test reports of GitLab, Jenkins and other CI servers
    Junit,
}

/// `unreadable`: paths that could not be read (already reported on stderr; SARIF
/// also lists them as tool notifications).
pub(crate) fn print(format: Format, checked: &[Checked], unreadable: &[PathError]) {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match format {
        Format::Human => human::write(&mut out, checked, use_colour(stdout.is_terminal())),
        Format::Json => json::write(&mut out, checked),
        Format::Sarif => sarif::write(&mut out, checked, unreadable),
        Format::Github => github::write(&mut out, checked),
        Format::Junit => junit::write(&mut out, checked),
    };
    // A closed pipe (`vpc check | head`) is not an error worth a panic.
    let _ = result.and_then(|()| out.flush());
}

/// A path that could not be read: one line on stderr.
pub(crate) fn path_error(path: &Path, message: &str) {
    error(&format!("{}: {message}", path.display()));
}

/// `error: <message>`, one line on stderr. Paths, arguments and file text in the
/// message are escaped as everywhere (see [`vpc_syntax::printable`]): no control
/// character reaches the terminal, and no line break splits the message.
pub(crate) fn error(message: &str) {
    eprintln!("error: {}", vpc_syntax::printable::escape(message));
}

/// `warning: <message>`, one line on stderr, escaped as [`error`] is.
pub(crate) fn warning(message: &str) {
    eprintln!("warning: {}", vpc_syntax::printable::escape(message));
}

/// Colour only on a terminal, and never when `NO_COLOR` is set to anything.
pub(crate) fn use_colour(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A diagnostic's message, and its help on a line of its own when it has some
/// (for the CI formats, where no source excerpt carries the help).
pub(crate) fn message_with_help(d: &vpc_model::Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
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

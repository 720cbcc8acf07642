//! `--format github`: GitHub Actions workflow commands, which GitHub shows as annotations
//! on the run and on the lines of a pull request.
//!
//! One line per diagnostic, files in path order, each in position order:
//!
//! ```text
//! ::warning file=examples/wedding.vpc,line=11,col=10,endLine=11,endColumn=17,title=unrelieved-pain::pain `invites` (moderate) is not relieved by any reliever
//! ```
//!
//! `::error` for errors, `::warning` for warnings, `::notice` for infos. `file` is the path
//! as given on the command line (like `--format json`), less a leading `./` and with `/`
//! between folders: GitHub wants it relative to the root of the checkout, which it is
//! when `vpc` runs there (`vpc check` alone gives `./…` paths). Lines and columns are 1-based and count
//! Unicode scalar values; `endColumn` is exclusive, as in `--format json`. The message is
//! the diagnostic's message, and its help on a second line when it has help.
//!
//! Text from the file and the path have their control characters, Unicode line and
//! paragraph separators and bidirectional controls written as `\u{…}` (see
//! [`vpc_syntax::printable`]), as in `--format human`. Values are then escaped as the
//! runner unescapes them: in the message `%`, CR and LF; in properties also `:` and `,`.
//! Nothing else is printed: a file without diagnostics prints nothing, and there is no
//! summary line, so stdout holds only commands.
//!
//! Every diagnostic is printed, although GitHub shows only 10 error, 10 warning and 10
//! notice annotations per step, and 50 per job (actions/toolkit, docs/problem-matchers.md):
//! the commands are also the log of the run, and other tools read them. Each line's length
//! is bounded by that of the message, so the output grows with the file, no faster. For
//! every diagnostic on the pull request, upload `--format sarif` to code scanning.

use std::path::{Component, Path};

use vpc_model::Severity;

use vpc_syntax::printable::escape;

use super::{Out, position};
use crate::check::Checked;

pub(super) fn write(out: Out<'_>, checked: &[Checked]) -> std::io::Result<()> {
    for c in checked {
        let lines = vpc_syntax::LineIndex::new(&c.text);
        let file = property(&escape(&annotation_path(&c.path)));
        for d in &c.analysis.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (line, col) = position(&lines, &c.text, d.span.start);
            let (end_line, end_column) = position(&lines, &c.text, d.span.end);
            writeln!(
                out,
                "::{command} file={file},line={line},col={col},endLine={end_line},endColumn={end_column},title={}::{}",
                property(d.code.as_str()),
                data(&message(d)),
            )?;
        }
    }
    Ok(())
}

/// The message, and the help on a second line; file text in them escaped (see
/// [`vpc_syntax::printable`]), so that the log shows no control character raw.
fn message(d: &vpc_model::Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {}", escape(&d.message), escape(help)),
        None => escape(&d.message).into_owned(),
    }
}

/// The path for `file=`: without leading `.` components, `/` between components.
fn annotation_path(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components().skip_while(|c| matches!(c, Component::CurDir)) {
        match component {
            Component::Prefix(prefix) => out.push_str(&prefix.as_os_str().to_string_lossy()),
            Component::RootDir => out.push('/'),
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    if out.is_empty() { path.display().to_string() } else { out }
}

/// Escape a command's message (`toCommandValue` / `escapeData` of `@actions/core`).
pub(crate) fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escape a property value (`escapeProperty` of `@actions/core`).
pub(crate) fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_paths() {
        assert_eq!(annotation_path(Path::new("./docs/a b.vpc")), "docs/a b.vpc");
        assert_eq!(annotation_path(Path::new("docs/./a.vpc")), "docs/a.vpc");
        assert_eq!(annotation_path(Path::new("../up.vpc")), "../up.vpc");
        assert_eq!(annotation_path(Path::new("/abs/a.vpc")), "/abs/a.vpc");
    }

    #[test]
    fn escaping() {
        assert_eq!(data("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
        assert_eq!(property("C:\\a,b%\n.vpc"), "C%3A\\a%2Cb%25%0A.vpc");
        assert_eq!(property("plain/é 💍.vpc"), "plain/é 💍.vpc");
    }
}

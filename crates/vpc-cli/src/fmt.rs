//! `vpc fmt`: rewrite files in canonical form, or check that they are.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use vpc_fmt::{FormatError, FormatOptions};
use vpc_model::{Code, Diagnostic, Severity};
use vpc_syntax::printable;

use crate::files;
use crate::output::{self, human, plural};
use crate::{status, write};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Files and folders to format (folders: every *.vpc below); `-` reads stdin and writes stdout [default: .]
    paths: Vec<PathBuf>,
    /// Change nothing: list the files that would change, with a diff, and exit 1 if any would
    #[arg(long)]
    check: bool,
}

pub(crate) fn run(args: Args) -> u8 {
    let options = FormatOptions::default();
    if args.paths.len() == 1 && args.paths[0] == Path::new("-") {
        return stdin(&options, args.check);
    }
    if args.paths.iter().any(|p| p == Path::new("-")) {
        output::error("`-` (stdin) cannot be mixed with paths");
        return status::TROUBLE;
    }
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths };
    let (files, unreadable) = files::collect_reporting(&paths);
    let mut trouble = !unreadable.is_empty();
    let colour = output::use_colour(std::io::stderr().is_terminal());
    let (mut changed, mut unchanged, mut broken, mut unwritten) = (0, 0, 0, 0);
    // Writes to stdout may fail on a closed pipe (`vpc fmt --check | head`): ignore that.
    let mut out = std::io::stdout().lock();
    for path in &files {
        let text = match files::read(path) {
            Ok(text) => text,
            Err(message) => {
                output::path_error(path, &message);
                trouble = true;
                continue;
            }
        };
        let formatted = match vpc_fmt::format(&text, &options) {
            Ok(formatted) => formatted,
            Err(FormatError::Syntax(errors)) => {
                // Never rewrite what could not be read: show why and leave the file alone.
                broken += 1;
                let diagnostics: Vec<Diagnostic> = errors.into_iter().map(syntax_diagnostic).collect();
                let _ = human::write_diagnostics(
                    &mut std::io::stderr(),
                    &path.display().to_string(),
                    &text,
                    &diagnostics,
                    colour,
                );
                output::path_error(path, "not formatted: fix the syntax errors first");
                continue;
            }
        };
        if formatted == text {
            unchanged += 1;
            continue;
        }
        if args.check {
            changed += 1;
            let _ = writeln!(out, "would reformat {}", printable::escape(&path.display().to_string()));
            let _ = write!(out, "{}", unified_diff(path, &text, &formatted));
        } else {
            match write::replace(path, formatted.as_bytes()) {
                Ok(()) => changed += 1,
                Err(message) => {
                    output::path_error(path, &message);
                    unwritten += 1;
                    trouble = true;
                }
            }
        }
    }
    let done = if args.check { "would be reformatted" } else { "reformatted" };
    let mut summary =
        vec![format!("{} {done}", plural(changed, "file")), format!("{} unchanged", plural(unchanged, "file"))];
    if unwritten > 0 {
        summary.push(format!("{} not written", plural(unwritten, "file")));
    }
    if broken > 0 {
        summary.push(format!("{} with syntax errors left alone", plural(broken, "file")));
    }
    let _ = out.flush();
    eprintln!("{}", summary.join(", "));
    if trouble {
        status::TROUBLE
    } else if broken > 0 || (args.check && changed > 0) {
        status::FOUND
    } else {
        status::OK
    }
}

/// `vpc fmt -`: a filter from stdin to stdout; on syntax errors nothing is written to stdout.
fn stdin(options: &FormatOptions, check: bool) -> u8 {
    let text = match files::read_stdin() {
        Ok(text) => text,
        Err(message) => {
            output::error(&message);
            return status::TROUBLE;
        }
    };
    match vpc_fmt::format(&text, options) {
        Ok(formatted) if check => {
            if formatted == text {
                status::OK
            } else {
                let _ = write!(std::io::stdout().lock(), "{}", unified_diff(Path::new("<stdin>"), &text, &formatted));
                status::FOUND
            }
        }
        Ok(formatted) => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(formatted.as_bytes()).and_then(|()| out.flush());
            status::OK
        }
        Err(FormatError::Syntax(errors)) => {
            let colour = output::use_colour(std::io::stderr().is_terminal());
            let diagnostics: Vec<Diagnostic> = errors.into_iter().map(syntax_diagnostic).collect();
            let _ = human::write_diagnostics(&mut std::io::stderr(), "<stdin>", &text, &diagnostics, colour);
            output::error("<stdin>: not formatted: fix the syntax errors first");
            status::FOUND
        }
    }
}

fn syntax_diagnostic(e: vpc_syntax::SyntaxError) -> Diagnostic {
    Diagnostic {
        code: Code::SyntaxError,
        severity: Severity::Error,
        span: e.span,
        message: e.message,
        help: None,
        related: Vec::new(),
    }
}

/// The change as a unified diff, printable: control characters of the file (a CR of
/// a CRLF line end too, which shows why such a line changes) written as `\u{…}`.
fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let name = printable::escape(&path.display().to_string()).into_owned();
    let diff =
        similar::TextDiff::from_lines(old, new).unified_diff().context_radius(3).header(&name, &name).to_string();
    printable::escape_lines(&diff).into_owned()
}

//! `vpc render`: a canvas as a picture (SVG), a page (HTML) or prioritised tables
//! (Markdown).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use vpc_model::{Canvas, Code, Diagnostic, LintConfig};

use crate::output::{self, human};
use crate::status;

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  vpc render examples/wedding.vpc --format svg -o wedding.svg\n  vpc render examples/marketplace.vpc --format html --canvas rider-side -o rider.html\n  vpc render plan.vpc --format md                  tables on stdout\n  cat plan.vpc | vpc render - --format md\n\nExit status: 0 when rendered, 1 when the file has syntax errors (nothing is written), 2 when the command could not run."
)]
pub(crate) struct Args {
    /// The .vpc file to render; `-` reads stdin
    file: PathBuf,
    /// Output format [default: from the extension of OUT, else svg]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to this file instead of stdout (a regular file is replaced atomically; a FIFO, a device or `-` is written to)
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Render only this canvas (its identifier; its title if it has none)
    #[arg(long, value_name = "ID")]
    canvas: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// The canvas as a picture: square value map, circle customer profile
    Svg,
    /// A standalone page: the picture and the prioritised tables
    Html,
    /// The prioritised tables, as GitHub-flavoured Markdown
    #[value(alias = "markdown")]
    Md,
}

pub(crate) fn run(args: Args) -> u8 {
    let stdin = args.file == Path::new("-");
    let label = if stdin { "<stdin>".to_string() } else { args.file.display().to_string() };
    let text = if stdin {
        match crate::files::read_stdin() {
            Ok(text) => text,
            Err(message) => {
                crate::output::error(&message);
                return status::TROUBLE;
            }
        }
    } else {
        match crate::files::read(&args.file) {
            Ok(text) => text,
            Err(message) => {
                output::path_error(&args.file, &message);
                return status::TROUBLE;
            }
        }
    };
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, Some(out)) => match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm") => Format::Html,
            Some("md" | "markdown") => Format::Md,
            _ => Format::Svg,
        },
        (None, None) => Format::Svg,
    };

    let (parse, analysis) = vpc_model::check(&text, &LintConfig::default());
    if !parse.errors.is_empty() {
        // Never draw half a canvas: show what could not be read, as `vpc check` does.
        let colour = output::use_colour(std::io::stderr().is_terminal());
        let errors: Vec<Diagnostic> =
            analysis.diagnostics.into_iter().filter(|d| d.code == Code::SyntaxError).collect();
        let _ = human::write_diagnostics(&mut std::io::stderr(), &label, &text, &errors, colour);
        output::error(&format!("{label}: not rendered: fix the syntax errors first"));
        return status::FOUND;
    }

    let canvases: Vec<Canvas> = match &args.canvas {
        None => analysis.canvases,
        Some(wanted) => {
            let found: Vec<Canvas> =
                analysis.canvases.iter().filter(|c| c.label() == wanted).take(1).cloned().collect();
            if found.is_empty() {
                let names: Vec<String> = analysis.canvases.iter().map(|c| c.label().to_string()).collect();
                let known = if names.is_empty() {
                    "the file holds no canvas".to_string()
                } else {
                    format!("its canvases are: {}", names.join(", "))
                };
                output::error(&format!("{label}: no canvas `{wanted}`; {known}"));
                return status::TROUBLE;
            }
            found
        }
    };

    let rendered = match format {
        Format::Svg => vpc_render::svg(&canvases),
        Format::Html => vpc_render::html(&canvases),
        Format::Md => vpc_render::markdown(&canvases),
    };
    match &args.output {
        Some(out) if out != Path::new("-") => {
            if let Err(message) = crate::write::output(out, rendered.as_bytes()) {
                output::path_error(out, &message);
                return status::TROUBLE;
            }
        }
        _ => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`vpc render … | head`) is not an error worth a panic.
            let _ = stdout.write_all(rendered.as_bytes()).and_then(|()| stdout.flush());
        }
    }
    status::OK
}

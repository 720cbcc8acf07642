//! `vpc`: check, format, diff, render and serve (LSP) Value Proposition Canvases written as text.
//!
//! The system allocator (glibc) is used on purpose: mimalloc made `check` ~7 %
//! faster but kept the language server's freed memory resident (five times the live heap
//! after editing a large document); see `vpc_lsp::memory`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;
mod diff;
mod explain;
mod files;
mod fmt;
mod init;
mod output;
mod render;
mod write;

/// Value Proposition Canvases as plain text: check them in your editor and in CI.
#[derive(Parser)]
#[command(name = "vpc", version, about, long_about = None, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check .vpc files and folders for problems (exit 1 on errors)
    Check(check::Args),
    /// Rewrite .vpc files in canonical form (`--check`: only report)
    Fmt(fmt::Args),
    /// What changed in the value proposition: two files, or git revisions
    Diff(diff::Args),
    /// Draw a canvas (SVG, HTML) or print its prioritised tables (Markdown)
    Render(render::Args),
    /// Explain a diagnostic code, or list them all
    Explain(explain::Args),
    /// Write a starter canvas whose comments ask the method's questions (never overwrites)
    Init(init::Args),
    /// Run the language server on stdin/stdout (LSP 3.17)
    Lsp(LspArgs),
}

#[derive(clap::Args)]
struct LspArgs {
    /// Accepted and ignored: VS Code's client passes it for the stdio transport
    #[arg(long, hide = true)]
    stdio: bool,
}

/// Exit statuses (spec §8).
pub(crate) mod status {
    /// No errors.
    pub const OK: u8 = 0;
    /// Errors found (or warnings, with `--deny-warnings`).
    pub const FOUND: u8 = 1;
    /// The command itself could not run: bad usage, unreadable path, bad `vpc.toml`.
    pub const TROUBLE: u8 = 2;
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap exits 0 for --help/--version and 2 for usage errors, as we do.
            return ExitCode::from(if e.use_stderr() { status::TROUBLE } else { status::OK });
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Render(args) => render::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Init(args) => init::run(args),
        Command::Lsp(_) => return vpc_lsp::run_stdio(),
    };
    ExitCode::from(code)
}

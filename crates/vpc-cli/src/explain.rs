//! `vpc explain`: the documentation of each diagnostic code.

use std::io::Write;

use vpc_model::Code;

use crate::status;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// A diagnostic code, e.g. `unrelieved-pain`; without one, every code is listed
    code: Option<String>,
}

pub(crate) fn run(args: Args) -> u8 {
    // A closed pipe (`vpc explain | head`) is not worth a panic: write errors are ignored.
    let mut out = std::io::stdout().lock();
    match args.code {
        None => {
            for code in Code::ALL {
                let _ =
                    writeln!(out, "{:<22} {:<8} {}", code.as_str(), code.default_severity().as_str(), code.summary());
            }
            status::OK
        }
        Some(name) => match Code::parse(&name) {
            Some(code) => {
                let _ = writeln!(
                    out,
                    "# {} ({} by default)\n\n{}",
                    code.as_str(),
                    code.default_severity().as_str(),
                    code.doc()
                );
                status::OK
            }
            None => {
                crate::output::error(&format!("`{name}` is not a diagnostic code; `vpc explain` lists them"));
                status::TROUBLE
            }
        },
    }
}

//! `vpc check`: lint files and folders.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use vpc_model::config::{FILE_NAME, nearest_config};
use vpc_model::{Analysis, LintConfig, Severity};

use crate::files;
use crate::output::{self, Format};
use crate::status;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Files and folders to check (folders: every *.vpc below) [default: .]
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with status 1 on warnings too
    #[arg(long)]
    deny_warnings: bool,
}

/// One file that was read and analysed.
pub(crate) struct Checked {
    pub path: PathBuf,
    pub text: String,
    pub analysis: Analysis,
}

pub(crate) fn run(args: Args) -> u8 {
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths };
    let (files, mut unreadable) = files::collect_reporting(&paths);

    // Every file's levels first: a broken vpc.toml stops the run before any output,
    // since its levels would decide the outcome.
    let mut configs = Configs::default();
    let mut work = Vec::with_capacity(files.len());
    for path in files {
        match configs.for_file(&path) {
            Ok(config) => work.push((path, config)),
            Err(message) => {
                output::error(&message);
                return status::TROUBLE;
            }
        }
    }

    // Files are independent: read and analyse them on every core, keeping path order.
    let results: Vec<Result<Checked, (PathBuf, String)>> = work
        .into_par_iter()
        .map(|(path, config)| match files::read(&path) {
            Ok(text) => {
                let (_, analysis) = vpc_model::check(&text, &config);
                Ok(Checked { path, text, analysis })
            }
            Err(message) => Err((path, message)),
        })
        .collect();
    let mut checked = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(c) => checked.push(c),
            Err((path, message)) => {
                output::path_error(&path, &message);
                unreadable.push(files::PathError { path, message });
            }
        }
    }

    output::print(args.format, &checked, &unreadable);

    let count = |s| checked.iter().map(|c| c.analysis.count(s)).sum::<usize>();
    if !unreadable.is_empty() {
        status::TROUBLE
    } else if count(Severity::Error) > 0 || (args.deny_warnings && count(Severity::Warning) > 0) {
        status::FOUND
    } else {
        status::OK
    }
}

/// The `vpc.toml` of each folder, read once.
#[derive(Default)]
struct Configs {
    by_dir: HashMap<PathBuf, LintConfig>,
}

impl Configs {
    fn for_file(&mut self, file: &Path) -> Result<LintConfig, String> {
        let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if let Some(config) = self.by_dir.get(&dir) {
            return Ok(config.clone());
        }
        let config = match nearest_config(&dir) {
            None => LintConfig::default(),
            Some(path) => read_config(&path)?,
        };
        self.by_dir.insert(dir, config.clone());
        Ok(config)
    }
}

fn read_config(path: &Path) -> Result<LintConfig, String> {
    let shown = path.display();
    let instead = format!("the {FILE_NAME} of a folder above does not apply in its place");
    let text = match std::fs::metadata(path) {
        // `files::read` would say "no such file" of a link to nothing; say what it is.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.is_symlink() => {
            let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
            Err(format!("a symbolic link to `{target}`, which does not exist; fix or remove the link ({instead})"))
        }
        Ok(meta) if !meta.is_file() => {
            Err(format!("{}, not a file; make it a file or remove it ({instead})", files::kind(&meta)))
        }
        _ => files::read(path),
    }
    .map_err(|message| format!("{shown}: cannot read {FILE_NAME}: {message}"))?;
    LintConfig::from_toml(&text).map_err(|e| {
        let at = e
            .span
            .as_ref()
            .map(|span| {
                let index = vpc_syntax::LineIndex::new(&text);
                let pos = index.line_col(&text, span.start);
                format!(":{}:{}", pos.line + 1, pos.col + 1)
            })
            .unwrap_or_default();
        format!("{shown}{at}: {e}")
    })
}

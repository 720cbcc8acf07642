//! `vpc diff`: what changed in the value proposition, between two files or two
//! revisions of a git repository.
//!
//! Which of the two is meant: if exactly two arguments are given and both are
//! files, they are compared; else, inside a git repository, the first argument must
//! be a revision (`git rev-parse --verify REV^{commit}`), the second is a second
//! revision if it is one (and no path of that name exists), and the rest are paths.
//! With one revision the working tree is the new side (untracked `*.vpc` files not
//! ignored by git count as added). Without paths, every `*.vpc` file of the
//! repository that changed between the two sides is compared; renames are followed.

use std::ffi::OsStr;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use vpc_diff::{FileDiff, Report, Status};
use vpc_model::{Analysis, LintConfig};

use crate::status;

#[derive(clap::Args)]
#[command(
    override_usage = "vpc diff [OPTIONS] <OLD> <NEW>\n       vpc diff [OPTIONS] <REV> [REV2] [PATH]... [-- <PATH>...]",
    after_help = "Examples:\n  vpc diff old.vpc new.vpc          two files\n  vpc diff HEAD                     every changed *.vpc: last commit → working tree\n  vpc diff main HEAD --format md    a pull request's canvases, as a comment\n  vpc diff HEAD~3 examples/a.vpc    one file: three commits ago → working tree\n\nExit status: 0 when the diff was made (changes are not failures), 2 when it could not be."
)]
pub(crate) struct Args {
    /// Two files (OLD NEW), or a revision, an optional second revision and paths
    #[arg(required = true, value_name = "ARGS")]
    args: Vec<String>,
    /// Paths to compare between the revisions, after `--`
    #[arg(last = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// One line per change (colour on a terminal, unless NO_COLOR is set)
    Human,
    /// Markdown, ready to paste as a pull-request comment
    #[value(alias = "markdown")]
    Md,
    /// One JSON object, in a stable shape (version 1)
    Json,
}

pub(crate) fn run(args: Args) -> u8 {
    let mode = match mode(&args) {
        Ok(mode) => mode,
        Err(message) => {
            crate::output::error(&message);
            return status::TROUBLE;
        }
    };
    let (report, trouble) = match mode {
        Mode::Files { old, new } => match two_files(&old, &new) {
            Some(report) => (report, false),
            None => return status::TROUBLE,
        },
        Mode::Git { old, new, paths } => match revisions(&old, new.as_deref(), &paths) {
            Ok(result) => result,
            Err(message) => {
                crate::output::error(&message);
                return status::TROUBLE;
            }
        },
    };
    print(args.format, &report);
    if trouble { status::TROUBLE } else { status::OK }
}

enum Mode {
    Files {
        old: PathBuf,
        new: PathBuf,
    },
    /// `new: None` is the working tree.
    Git {
        old: String,
        new: Option<String>,
        paths: Vec<String>,
    },
}

fn mode(args: &Args) -> Result<Mode, String> {
    let all = &args.args;
    let is_file = |p: &str| Path::new(p).is_file();
    if all.len() == 2 && args.paths.is_empty() && is_file(&all[0]) && is_file(&all[1]) {
        return Ok(Mode::Files { old: PathBuf::from(&all[0]), new: PathBuf::from(&all[1]) });
    }
    let first = &all[0];
    let in_repo = git(["rev-parse", "--show-toplevel"]).is_ok();
    if in_repo && is_revision(first) {
        let mut rest = all[1..].iter();
        let mut new = None;
        let mut paths = Vec::new();
        if let Some(second) = rest.next() {
            if is_revision(second) {
                if Path::new(second).exists() {
                    return Err(format!(
                        "{second}: both a revision and a path; write `vpc diff {first} {second} -- PATH…` \
                         for the revision or `vpc diff {first} -- {second}` for the path"
                    ));
                }
                new = Some(second.clone());
            } else {
                paths.push(second.clone());
            }
        }
        paths.extend(rest.cloned());
        paths.extend(args.paths.iter().cloned());
        return Ok(Mode::Git { old: first.clone(), new, paths });
    }
    // Say what is wrong with the arguments as the user most likely meant them.
    if all.len() == 2 && args.paths.is_empty() && (Path::new(&all[0]).exists() || Path::new(&all[1]).exists()) {
        for path in all {
            match std::fs::metadata(path) {
                Err(_) => return Err(format!("{path}: no such file")),
                Ok(meta) if meta.is_dir() => {
                    return Err(format!("{path}: is a folder; `vpc diff OLD NEW` compares two files"));
                }
                Ok(_) => {}
            }
        }
    }
    if !in_repo {
        let what = if is_file(first) { "not a revision" } else { "no such file, and not a revision" };
        return Err(format!("{first}: {what}: not inside a git repository (`vpc diff OLD NEW` compares two files)"));
    }
    if is_file(first) {
        return Err(format!(
            "{first}: not a revision; to compare it with the last commit, write `vpc diff HEAD {first}`"
        ));
    }
    Err(format!("{first}: neither a file nor a revision of this repository"))
}

/// A commit that git knows by this name (never an option in disguise).
fn is_revision(name: &str) -> bool {
    !name.starts_with('-')
        && git(["rev-parse", "--verify", "--quiet", "--end-of-options", &format!("{name}^{{commit}}")]).is_ok()
}

fn two_files(old: &Path, new: &Path) -> Option<Report> {
    let mut texts = Vec::new();
    for path in [old, new] {
        match crate::files::read(path) {
            Ok(text) => texts.push(text),
            Err(message) => {
                crate::output::path_error(path, &message);
                return None;
            }
        }
    }
    let old_analysis = analyse(&old.display().to_string(), &texts[0]);
    let new_analysis = analyse(&new.display().to_string(), &texts[1]);
    let path = new.display().to_string();
    let old_path = old.display().to_string();
    Some(Report {
        old_revision: None,
        new_revision: None,
        files: vec![FileDiff {
            old_path: (old_path != path).then_some(old_path),
            path,
            status: Status::Modified,
            diff: vpc_diff::diff(&old_analysis, &new_analysis),
        }],
    })
}

/// Parse and analyse one version, warning when a syntax error may hide changes.
fn analyse(label: &str, text: &str) -> Analysis {
    let (parse, analysis) = vpc_model::check(text, &LintConfig::default());
    if let Some(first) = parse.errors.first() {
        let index = vpc_syntax::LineIndex::new(text);
        let (line, column) = crate::output::position(&index, text, first.span.start);
        let count = parse.errors.len();
        let more = if count > 1 { format!(" (and {} more)", count - 1) } else { String::new() };
        crate::output::warning(&format!(
            "{label}:{line}:{column}: syntax error{more}, the diff may be incomplete: {}",
            first.message
        ));
    }
    analysis
}

/// One changed file between the revisions: its path on each side (`None`: absent).
struct Changed {
    old: Option<String>,
    new: Option<String>,
}

fn revisions(old_rev: &str, new_rev: Option<&str>, paths: &[String]) -> Result<(Report, bool), String> {
    let top = PathBuf::from(text_line(git(["rev-parse", "--show-toplevel"])?));
    let mut trouble = false;
    let mut known_paths = Vec::new();
    for path in paths {
        if path_is_known(path, old_rev, new_rev) {
            known_paths.push(path.clone());
        } else {
            let sides = match new_rev {
                Some(new) => format!("{old_rev} nor in {new}"),
                None => format!("{old_rev} nor in the working tree"),
            };
            crate::output::error(&format!("{path}: not in {sides}"));
            trouble = true;
        }
    }
    if !paths.is_empty() && known_paths.is_empty() {
        return Ok((
            Report { old_revision: Some(old_rev.into()), new_revision: new_rev.map(String::from), files: vec![] },
            true,
        ));
    }
    let pathspecs: Vec<String> = if paths.is_empty() { vec![":(top)*.vpc".to_string()] } else { known_paths };

    let mut changed = changed_files(old_rev, new_rev, &pathspecs)?;
    if new_rev.is_none() {
        changed.extend(untracked(&pathspecs)?);
    }
    changed.sort_by(|a, b| a.new.as_ref().or(a.old.as_ref()).cmp(&b.new.as_ref().or(b.old.as_ref())));

    let mut files = Vec::new();
    for change in changed {
        let old = match &change.old {
            None => None,
            Some(path) => match show(old_rev, path) {
                Ok(text) => Some((format!("{old_rev}:{path}"), text)),
                Err(message) => {
                    crate::output::error(&format!("{old_rev}:{path}: {message}"));
                    trouble = true;
                    continue;
                }
            },
        };
        let new = match (&change.new, new_rev) {
            (None, _) => None,
            (Some(path), Some(rev)) => match show(rev, path) {
                Ok(text) => Some((format!("{rev}:{path}"), text)),
                Err(message) => {
                    crate::output::error(&format!("{rev}:{path}: {message}"));
                    trouble = true;
                    continue;
                }
            },
            (Some(path), None) => match crate::files::read(&top.join(path)) {
                Ok(text) => Some((path.clone(), text)),
                Err(message) => {
                    crate::output::error(&format!("{path}: {message}"));
                    trouble = true;
                    continue;
                }
            },
        };
        let old_analysis = old.as_ref().map(|(label, text)| analyse(label, text));
        let new_analysis = new.as_ref().map(|(label, text)| analyse(label, text));
        let diff = vpc_diff::diff_canvases(canvases(&old_analysis), canvases(&new_analysis));
        let status = match (&change.old, &change.new) {
            (None, _) => Status::Added,
            (_, None) => Status::Removed,
            _ => Status::Modified,
        };
        let path = change.new.clone().or_else(|| change.old.clone()).unwrap_or_default();
        let old_path = change.old.filter(|old| *old != path);
        files.push(FileDiff { path, old_path, status, diff });
    }
    Ok((Report { old_revision: Some(old_rev.into()), new_revision: new_rev.map(String::from), files }, trouble))
}

/// A version's canvases; none when the file does not exist on that side.
fn canvases(analysis: &Option<Analysis>) -> &[vpc_model::Canvas] {
    analysis.as_ref().map_or(&[], |a| a.canvases.as_slice())
}

/// Does a path given on the command line name something on either side?
fn path_is_known(path: &str, old_rev: &str, new_rev: Option<&str>) -> bool {
    // Pathspec magic and globs are for git to interpret.
    if path.starts_with(':') || path.contains(['*', '?', '[']) {
        return true;
    }
    if new_rev.is_none() && Path::new(path).exists() {
        return true;
    }
    [Some(old_rev), new_rev]
        .into_iter()
        .flatten()
        .any(|rev| git(["ls-tree", "-r", "--name-only", rev, "--", path]).is_ok_and(|out| !out.is_empty()))
}

/// The `*.vpc` files that differ between the revisions (or the old revision and the
/// working tree), paths from the top of the repository.
fn changed_files(old_rev: &str, new_rev: Option<&str>, pathspecs: &[String]) -> Result<Vec<Changed>, String> {
    let mut args: Vec<&str> =
        vec!["diff", "--name-status", "-z", "--no-color", "--no-ext-diff", "--no-relative", "--find-renames", old_rev];
    args.extend(new_rev);
    args.push("--");
    args.extend(pathspecs.iter().map(String::as_str));
    let out = git(args)?;
    let text = String::from_utf8(out).map_err(|_| "git listed a path that is not UTF-8".to_string())?;
    let mut fields = text.split('\0').filter(|f| !f.is_empty());
    let is_vpc = |p: &str| p.ends_with(".vpc");
    let mut changed = Vec::new();
    while let Some(code) = fields.next() {
        let two_paths = code.starts_with('R') || code.starts_with('C');
        let Some(first) = fields.next() else { break };
        let second = if two_paths { fields.next() } else { None };
        let (old, new) = match (code.as_bytes()[0], second) {
            (b'A', _) => (None, Some(first)),
            (b'D', _) => (Some(first), None),
            // A copy is a new file; its source is unchanged.
            (b'C', Some(copy)) => (None, Some(copy)),
            (b'R', Some(renamed)) => (Some(first), Some(renamed)),
            _ => (Some(first), Some(first)),
        };
        let old = old.filter(|p| is_vpc(p)).map(String::from);
        let new = new.filter(|p| is_vpc(p)).map(String::from);
        if old.is_some() || new.is_some() {
            changed.push(Changed { old, new });
        }
    }
    Ok(changed)
}

/// New `*.vpc` files in the working tree that git does not track yet (nor ignores).
fn untracked(pathspecs: &[String]) -> Result<Vec<Changed>, String> {
    let mut args: Vec<&str> = vec!["ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--"];
    args.extend(pathspecs.iter().map(String::as_str));
    let out = git(args)?;
    let text = String::from_utf8(out).map_err(|_| "git listed a path that is not UTF-8".to_string())?;
    Ok(text
        .split('\0')
        .filter(|p| p.ends_with(".vpc"))
        .map(|p| Changed { old: None, new: Some(p.to_string()) })
        .collect())
}

/// A file as it is in a revision (`path` from the top of the repository).
fn show(rev: &str, path: &str) -> Result<String, String> {
    let bytes = git(["show", "--no-textconv", &format!("{rev}:{path}")])?;
    decode(bytes)
}

/// UTF-8 text, or where it is not (as `vpc check` says it).
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let index = vpc_syntax::LineIndex::new(valid);
        let (line, column) = crate::output::position(&index, valid, at);
        format!("{line}:{column}: not UTF-8 text (byte 0x{:02x}); save the file as UTF-8", bytes[at])
    })
}

/// Run git in the current folder; its output, or the first line of what it said.
fn git<I, S>(args: I) -> Result<Vec<u8>, String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new("git")
        .arg("--no-optional-locks")
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("git failed");
    Err(line.trim_start_matches("fatal: ").trim_start_matches("error: ").to_string())
}

fn text_line(out: Vec<u8>) -> String {
    String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r']).to_string()
}

fn print(format: Format, report: &Report) {
    let stdout = std::io::stdout();
    let text = match format {
        Format::Human => vpc_diff::render::human(report, crate::output::use_colour(stdout.is_terminal())),
        Format::Md => vpc_diff::render::markdown(report),
        Format::Json => vpc_diff::render::json(report),
    };
    let mut out = stdout.lock();
    // A closed pipe (`vpc diff HEAD | head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

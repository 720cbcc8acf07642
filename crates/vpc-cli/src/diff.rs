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

use std::ffi::{OsStr, OsString};
use std::io::{IsTerminal, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
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
                Ok(meta) if !meta.is_file() => {
                    return Err(format!("{path}: {}", crate::files::not_regular(&meta)));
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

/// A path as git lists it: bytes, from the top of the repository.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct GitPath(Vec<u8>);

impl GitPath {
    fn as_os_str(&self) -> &OsStr {
        OsStr::from_bytes(&self.0)
    }

    fn is_vpc(&self) -> bool {
        self.0.ends_with(b".vpc")
    }

    /// How the path is shown: as it is when it is plain UTF-8 text; else in double
    /// quotes with C escapes, as git shows such names (`"a\nb.vpc"`, `"caf\351.vpc"`),
    /// so a newline or a terminal control character in a name is never printed raw.
    fn shown(&self) -> String {
        match std::str::from_utf8(&self.0) {
            Ok(text) if !text.chars().any(|c| c.is_control() || c == '"' || c == '\\') => text.to_string(),
            _ => quote(&self.0),
        }
    }
}

/// `bytes` in double quotes, with `"`, `\`, control characters and bytes that are not
/// UTF-8 escaped as C (and git) escape them.
fn quote(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => {
                    let mut buf = [0; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        out.push_str(&format!("\\{b:03o}"));
                    }
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\{b:03o}"));
        }
    }
    out.push('"');
    out
}

/// What one side of a changed path is in git's eyes (its mode).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    /// Mode 120000: the blob is the link text.
    Symlink,
    /// Mode 160000: a commit of another repository.
    Submodule,
}

impl Kind {
    fn from_mode(mode: &[u8]) -> Kind {
        match mode {
            b"120000" => Kind::Symlink,
            b"160000" => Kind::Submodule,
            _ => Kind::File,
        }
    }
}

/// One changed file between the revisions: its path on each side (`None`: absent).
#[derive(Clone, PartialEq, Eq)]
struct Changed {
    old: Option<(GitPath, Kind)>,
    new: Option<(GitPath, Kind)>,
}

impl Changed {
    fn sort_key(&self) -> Option<&GitPath> {
        self.new.as_ref().or(self.old.as_ref()).map(|(path, _)| path)
    }
}

/// One side of a changed file, as read.
enum Version {
    Text(String),
    /// A symbolic link, never followed: as in git, its content is its link text.
    Symlink(String),
    Submodule,
}

fn revisions(old_rev: &str, new_rev: Option<&str>, paths: &[String]) -> Result<(Report, bool), String> {
    let top = PathBuf::from(OsString::from_vec(git(["rev-parse", "--show-toplevel"])?.trim_ascii_end().to_vec()));
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
    let every_vpc = vec![":(top)*.vpc".to_string()];
    let pathspecs: &[String] = if paths.is_empty() { &every_vpc } else { &known_paths };

    let mut changed = changed_files(old_rev, new_rev, pathspecs)?;
    if !paths.is_empty() {
        // The paths hide the other side of a rename from git: `b.vpc` alone, after
        // `git mv a.vpc b.vpc`, is all new. Pair such a file with its other name as
        // the diff of every `*.vpc` file pairs it.
        let everything = changed_files(old_rev, new_rev, &every_vpc)?;
        let renames: Vec<&Changed> =
            everything.iter().filter(|c| c.old.is_some() && c.new.is_some() && c.old != c.new).collect();
        for change in &mut changed {
            let rename = match (&change.old, &change.new) {
                (None, Some((new, _))) => renames.iter().find(|r| r.new.as_ref().is_some_and(|(p, _)| p == new)),
                (Some((old, _)), None) => renames.iter().find(|r| r.old.as_ref().is_some_and(|(p, _)| p == old)),
                _ => None,
            };
            if let Some(rename) = rename {
                *change = (*rename).clone();
            }
        }
        let mut seen = Vec::new();
        changed.retain(|c| {
            let key = (c.old.as_ref().map(|o| o.0.clone()), c.new.as_ref().map(|n| n.0.clone()));
            let first = !seen.contains(&key);
            seen.push(key);
            first
        });
    }
    if new_rev.is_none() {
        changed.extend(untracked(pathspecs)?);
    }
    changed.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));

    let mut files = Vec::new();
    for change in changed {
        let mut names: Vec<&GitPath> = change.old.iter().chain(change.new.iter()).map(|(path, _)| path).collect();
        names.dedup();
        for path in names {
            if std::str::from_utf8(&path.0).is_err() {
                eprintln!(
                    "warning: {}: the file name is not UTF-8; it is shown with its other bytes escaped",
                    path.shown()
                );
            }
        }
        let old = match &change.old {
            None => None,
            Some((path, kind)) => {
                let label = format!("{old_rev}:{}", path.shown());
                match from_git(old_rev, path, *kind) {
                    Ok(version) => Some((label, version)),
                    Err(message) => {
                        crate::output::error(&format!("{label}: {message}"));
                        trouble = true;
                        continue;
                    }
                }
            }
        };
        let new = match (&change.new, new_rev) {
            (None, _) => None,
            (Some((path, kind)), Some(rev)) => {
                let label = format!("{rev}:{}", path.shown());
                match from_git(rev, path, *kind) {
                    Ok(version) => Some((label, version)),
                    Err(message) => {
                        crate::output::error(&format!("{label}: {message}"));
                        trouble = true;
                        continue;
                    }
                }
            }
            (Some((path, _)), None) => match from_working_tree(&top, path) {
                Ok(version) => Some((path.shown(), version)),
                Err(message) => {
                    crate::output::error(&format!("{}: {message}", path.shown()));
                    trouble = true;
                    continue;
                }
            },
        };
        let old_analysis = old.as_ref().and_then(|(label, version)| analyse_version(label, version));
        let new_analysis = new.as_ref().and_then(|(label, version)| analyse_version(label, version));
        let diff = vpc_diff::diff_canvases(canvases(&old_analysis), canvases(&new_analysis));
        let status = match (&change.old, &change.new) {
            (None, _) => Status::Added,
            (_, None) => Status::Removed,
            _ => Status::Modified,
        };
        let path = change.new.as_ref().or(change.old.as_ref()).map(|(p, _)| p.shown()).unwrap_or_default();
        let old_path = change.old.map(|(old, _)| old.shown()).filter(|old| *old != path);
        files.push(FileDiff { path, old_path, status, diff });
    }
    Ok((Report { old_revision: Some(old_rev.into()), new_revision: new_rev.map(String::from), files }, trouble))
}

/// The analysis of one side; `None` (no canvas) for a link or a submodule, with a
/// warning that says so.
fn analyse_version(label: &str, version: &Version) -> Option<Analysis> {
    match version {
        Version::Text(text) => Some(analyse(label, text)),
        Version::Symlink(target) => {
            eprintln!(
                "warning: {label}: a symbolic link to {}, not followed: as in git, its content is the link \
                 text, which holds no canvas",
                quote(target.as_bytes())
            );
            None
        }
        Version::Submodule => {
            crate::output::warning(&format!("{label}: a submodule, not a file: it holds no canvas"));
            None
        }
    }
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
    if new_rev.is_none() && Path::new(path).symlink_metadata().is_ok() {
        return true;
    }
    [Some(old_rev), new_rev]
        .into_iter()
        .flatten()
        .any(|rev| git(["ls-tree", "-r", "--name-only", rev, "--", path]).is_ok_and(|out| !out.is_empty()))
}

/// The `*.vpc` files that differ between the revisions (or the old revision and the
/// working tree), paths from the top of the repository, with their kind on each side.
fn changed_files(old_rev: &str, new_rev: Option<&str>, pathspecs: &[String]) -> Result<Vec<Changed>, String> {
    let mut args: Vec<&str> =
        vec!["diff", "--raw", "-z", "--no-color", "--no-ext-diff", "--no-relative", "--find-renames", old_rev];
    args.extend(new_rev);
    args.push("--");
    args.extend(pathspecs.iter().map(String::as_str));
    let out = git(args)?;
    // Each change: `:OLDMODE NEWMODE OLDSHA NEWSHA STATUS\0PATH\0`, and a second
    // path after a rename (R) or a copy (C).
    let mut fields = out.split(|&b| b == 0).filter(|f| !f.is_empty());
    let mut changed = Vec::new();
    while let Some(meta) = fields.next() {
        let words: Vec<&[u8]> = meta.split(|&b| b == b' ').collect();
        let [old_mode, new_mode, _, _, code] = words[..] else {
            return Err(format!("unexpected output from git diff: {}", String::from_utf8_lossy(meta)));
        };
        let old_mode = old_mode.strip_prefix(b":").unwrap_or(old_mode);
        let (old_kind, new_kind) = (Kind::from_mode(old_mode), Kind::from_mode(new_mode));
        let two_paths = code.starts_with(b"R") || code.starts_with(b"C");
        let Some(first) = fields.next() else { break };
        let first = GitPath(first.to_vec());
        let second = if two_paths { fields.next().map(|p| GitPath(p.to_vec())) } else { None };
        let (old, new) = match (code.first(), second) {
            (Some(b'A'), _) => (None, Some(first)),
            (Some(b'D'), _) => (Some(first), None),
            // A copy is a new file; its source is unchanged.
            (Some(b'C'), Some(copy)) => (None, Some(copy)),
            (Some(b'R'), Some(renamed)) => (Some(first), Some(renamed)),
            _ => (Some(first.clone()), Some(first)),
        };
        let old = old.filter(GitPath::is_vpc).map(|p| (p, old_kind));
        let new = new.filter(GitPath::is_vpc).map(|p| (p, new_kind));
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
    Ok(out
        .split(|&b| b == 0)
        .map(|p| GitPath(p.to_vec()))
        .filter(GitPath::is_vpc)
        // Its kind is looked at when it is read.
        .map(|p| Changed { old: None, new: Some((p, Kind::File)) })
        .collect())
}

/// A file as it is in a revision (`path` from the top of the repository). A link is
/// its link text, as git stores it: never followed.
fn from_git(rev: &str, path: &GitPath, kind: Kind) -> Result<Version, String> {
    if kind == Kind::Submodule {
        return Ok(Version::Submodule);
    }
    let mut object = OsString::from(format!("{rev}:"));
    object.push(path.as_os_str());
    let bytes = git([OsStr::new("cat-file"), OsStr::new("blob"), &object])?;
    match kind {
        Kind::Symlink => Ok(Version::Symlink(String::from_utf8_lossy(&bytes).into_owned())),
        _ => crate::files::decode(bytes).map(Version::Text),
    }
}

/// A file as it is in the working tree, never leaving the repository: a symbolic link
/// is its link text (as git sees it), and a path through a linked folder is refused.
fn from_working_tree(top: &Path, path: &GitPath) -> Result<Version, String> {
    let full = top.join(path.as_os_str());
    let folder = full.parent().unwrap_or(top);
    let inside = match (std::fs::canonicalize(folder), std::fs::canonicalize(top)) {
        (Ok(folder), Ok(top)) => folder.starts_with(top),
        _ => false,
    };
    if !inside {
        return Err("its folder is a link out of the repository: not read".to_string());
    }
    let meta = std::fs::symlink_metadata(&full).map_err(|e| crate::files::io_message(&e))?;
    if meta.is_symlink() {
        let target = std::fs::read_link(&full).map_err(|e| crate::files::io_message(&e))?;
        return Ok(Version::Symlink(target.to_string_lossy().into_owned()));
    }
    crate::files::read_not_following(&full).map(Version::Text)
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

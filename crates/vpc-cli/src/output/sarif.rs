//! `--format sarif`: one SARIF 2.1.0 log for code scanning (GitHub and other SARIF viewers).
//!
//! The log holds one run of the `vpc` tool:
//! - `tool.driver.rules` describes every diagnostic code of spec §6, in the order of
//!   `Code::ALL`, whether it fired or not, with its docs as `help` (text and Markdown);
//!   each result points at its rule by `ruleId` and `ruleIndex`.
//! - `artifacts` lists every file that was checked (role `analysisTarget`), also those
//!   without diagnostics, so that a viewer can tell a clean file from one not scanned;
//!   each location refers to its artifact by `index`. A file named twice on the command
//!   line (`a.vpc ./a.vpc`) is one artifact and its results appear once.
//! - `results` holds one result per diagnostic, file by file in path order, each in
//!   position order, with the configured level (`error`, `warning`, or `note` for info)
//!   and the diagnostic's `related` places as `relatedLocations`. The message is the
//!   diagnostic's message, followed by a `help:` line when it has help.
//!
//! Locations: `artifactLocation.uri` is a relative URI reference with `/` separators and
//! percent-encoded bytes (anything but ASCII letters, digits, `-`, `.`, `_`, `~`), relative
//! to the root of the git repository holding the file (the nearest folder upward with a
//! `.git`), else to the current folder; a file outside both gets an absolute `file://`
//! URI. Regions use the run's `columnKind` `unicodeCodePoints`: lines and columns are
//! 1-based and count Unicode scalar values, as everywhere in `vpc`; `endColumn` is the
//! column *after* the last character, which is SARIF's definition (§3.30.8, "the column
//! number of the character following the end of the region") and exactly `vpc`'s
//! exclusive end, so an empty range (a missing token) is an insertion point with
//! `startColumn == endColumn`. `endLine` is the line of that end position.
//!
//! - `invocations` holds one invocation: `executionSuccessful` is false when a path
//!   could not be read (missing, not UTF-8, …), and each such path is a
//!   `toolExecutionNotifications` entry (level `error`) naming it — the same paths
//!   that get a line on stderr and make the exit status 2.
//!
//! Not written: `partialFingerprints` (GitHub's upload action computes its own).

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;
use vpc_model::{Code, Severity};
use vpc_syntax::{LineIndex, Span};

use super::{Out, message_with_help, position};
use crate::check::Checked;
use crate::files::PathError;

/// Where the OASIS committee publishes the schema of SARIF 2.1.0 (errata 01).
const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/vpc-lang/vpc";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    artifacts: Vec<Artifact<'a>>,
    results: Vec<ResultObject<'a>>,
    invocations: [Invocation; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: [NotificationLocation; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: ArtifactOnly,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactOnly {
    artifact_location: Uri,
}

#[derive(Serialize)]
struct Uri {
    uri: String,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    information_uri: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Artifact<'a> {
    location: ArtifactLocation<'a>,
    roles: [&'static str; 1],
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultObject<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

pub(super) fn write(out: Out<'_>, checked: &[Checked], unreadable: &[PathError]) -> std::io::Result<()> {
    let cwd = std::env::current_dir().ok().and_then(|d| d.canonicalize().ok());
    let mut roots = RepoRoots::default();
    // One artifact per file: a file named twice (`a.vpc ./a.vpc`) is reported once, as
    // SARIF wants its artifacts unique.
    let mut uris: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut files: Vec<(usize, &Checked)> = Vec::new();
    for c in checked {
        let uri = artifact_uri(&c.path, cwd.as_deref(), &mut roots);
        if seen.insert(uri.clone()) {
            files.push((uris.len(), c));
            uris.push(uri);
        }
    }

    let artifacts = uris
        .iter()
        .map(|uri| Artifact { location: ArtifactLocation { uri, index: None }, roles: ["analysisTarget"] })
        .collect();
    let mut results = Vec::new();
    for (index, c) in files {
        let uri = &uris[index];
        let lines = LineIndex::new(&c.text);
        let place = |span: Span| PhysicalLocation {
            artifact_location: ArtifactLocation { uri, index: Some(index) },
            region: region(&lines, &c.text, span),
        };
        results.extend(c.analysis.diagnostics.iter().map(|d| {
            ResultObject {
                rule_id: d.code.as_str(),
                rule_index: rule_index(d.code),
                level: level(d.severity),
                message: Text { text: message_with_help(d) },
                locations: [Location { id: None, physical_location: place(d.span), message: None }],
                related_locations: d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| Location {
                        id: Some(i + 1),
                        physical_location: place(r.span),
                        message: Some(Text { text: r.message.clone() }),
                    })
                    .collect(),
            }
        }));
    }

    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "vpc",
                    information_uri: INFORMATION_URI,
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: Code::ALL.iter().map(|&code| rule(code)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            artifacts,
            results,
            invocations: [Invocation {
                execution_successful: unreadable.is_empty(),
                tool_execution_notifications: unreadable
                    .iter()
                    .map(|e| Notification {
                        level: "error",
                        message: Text { text: format!("{}: {}", e.path.display(), e.message) },
                        locations: [NotificationLocation {
                            physical_location: ArtifactOnly {
                                artifact_location: Uri { uri: artifact_uri(&e.path, cwd.as_deref(), &mut roots) },
                            },
                        }],
                    })
                    .collect(),
            }],
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn rule(code: Code) -> Rule {
    let doc = code.doc();
    Rule {
        id: code.as_str(),
        name: pascal_case(code.as_str()),
        short_description: Text { text: code.summary() },
        full_description: Text { text: full_description(&doc) },
        help: Help { text: doc.clone(), markdown: doc },
        help_uri: code.url(),
        default_configuration: Configuration { level: level(code.default_severity()) },
    }
}

fn rule_index(code: Code) -> usize {
    Code::ALL.iter().position(|&c| c == code).expect("every code is in Code::ALL")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(lines: &LineIndex, text: &str, span: Span) -> Region {
    let (start_line, start_column) = position(lines, text, span.start);
    let (end_line, end_column) = position(lines, text, span.end);
    Region { start_line, start_column, end_line, end_column }
}

/// `unrelieved-pain` → `UnrelievedPain`.
fn pascal_case(code: &str) -> String {
    code.split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars.next().map(|first| first.to_ascii_uppercase()).into_iter().chain(chars)
        })
        .collect()
}

/// What the rule finds and why it matters: the first two paragraphs of prose of its doc
/// (no headings, no examples), each on one line.
fn full_description(doc: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    for line in doc.lines() {
        let line = line.trim();
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if in_code || line.starts_with("```") || line.is_empty() || line.starts_with('#') {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.truncate(2);
    paragraphs.join("\n\n")
}

/// The nearest folder upward holding `.git`, cached per folder.
#[derive(Default)]
struct RepoRoots {
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
}

impl RepoRoots {
    fn of(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(root) = self.by_dir.get(dir) {
            return root.clone();
        }
        // `.git` is a folder in a clone, a file in a worktree or submodule.
        let root =
            if dir.join(".git").exists() { Some(dir.to_path_buf()) } else { dir.parent().and_then(|p| self.of(p)) };
        self.by_dir.insert(dir.to_path_buf(), root.clone());
        root
    }
}

/// The `artifactLocation.uri` of a checked file (see the module doc).
fn artifact_uri(path: &Path, cwd: Option<&Path>, roots: &mut RepoRoots) -> String {
    let absolute = path.canonicalize().ok().or_else(|| cwd.map(|d| d.join(path)));
    let Some(absolute) = absolute else { return relative_uri(path) };
    let root = absolute.parent().and_then(|dir| roots.of(dir));
    for base in root.as_deref().into_iter().chain(cwd) {
        if let Ok(relative) = absolute.strip_prefix(base) {
            return relative_uri(relative);
        }
    }
    file_uri(&absolute)
}

/// A relative path as a relative URI reference: its components joined with `/`.
fn relative_uri(path: &Path) -> String {
    let mut segments = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(name) => segments.push(encode(name)),
            Component::ParentDir => segments.push("..".to_string()),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    segments.join("/")
}

/// An absolute path as a `file://` URI (on Windows, `file:///C:/…`).
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for component in path.components() {
        match component {
            Component::Prefix(prefix) => {
                let prefix = prefix.as_os_str().to_string_lossy();
                let drive = prefix.trim_start_matches(r"\\?\");
                uri.push('/');
                uri.push_str(&drive.replace('\\', "/"));
            }
            Component::Normal(name) => {
                uri.push('/');
                uri.push_str(&encode(name));
            }
            Component::ParentDir => uri.push_str("/.."),
            Component::RootDir | Component::CurDir => {}
        }
    }
    uri
}

/// Percent-encode one path segment: every byte but RFC 3986's unreserved characters.
fn encode(segment: &OsStr) -> String {
    let mut out = String::new();
    for &byte in segment.as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_of_codes() {
        assert_eq!(pascal_case("unrelieved-pain"), "UnrelievedPain");
        assert_eq!(pascal_case("wrong-reference-kind"), "WrongReferenceKind");
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(relative_uri(Path::new("my canvases/Café 💍.vpc")), "my%20canvases/Caf%C3%A9%20%F0%9F%92%8D.vpc");
        assert_eq!(relative_uri(Path::new("./a:b/100%#?.vpc")), "a%3Ab/100%25%23%3F.vpc");
        assert_eq!(relative_uri(Path::new("../up.vpc")), "../up.vpc");
    }

    #[cfg(unix)]
    #[test]
    fn absolute_paths_become_file_uris() {
        assert_eq!(file_uri(Path::new("/srv/my files/a.vpc")), "file:///srv/my%20files/a.vpc");
    }

    #[test]
    fn full_description_is_the_prose_before_the_example() {
        let doc = "# x (warning by default)\n\n## What it finds\nA thing\nthat is wrong.\n\n## Why\nIt hurts.\n\n```vpc\nexample\n```\nFix it.";
        assert_eq!(full_description(doc), "A thing that is wrong.\n\nIt hurts.");
        for &code in Code::ALL {
            let full = full_description(&code.doc());
            assert!(full.starts_with(&code.summary()), "{code}: {full}");
        }
    }
}

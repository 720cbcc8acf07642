//! `--format json`: exactly the shape of spec §8.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};
use vpc_model::Severity;

use super::{Out, position};
use crate::check::Checked;

#[derive(Serialize)]
struct Report<'a> {
    files: Files<'a>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

/// The files, each written out as it is serialised: a file can hold hundreds of
/// thousands of diagnostics, which must not all exist at once as JSON values.
struct Files<'a>(&'a [Checked]);

impl Serialize for Files<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(File))
    }
}

struct File<'a>(&'a Checked);

impl Serialize for File<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("path", &c.path.display().to_string())?;
        let canvases = &c.analysis.canvases;
        if canvases.len() <= 1 {
            map.serialize_entry("fit", &canvases.first().and_then(|c| c.fit()))?;
        } else {
            let fits: Map<String, Value> = canvases.iter().map(|c| (c.label().to_string(), c.fit().into())).collect();
            map.serialize_entry("fits", &fits)?;
        }
        map.serialize_entry("diagnostics", &Diagnostics(c))?;
        map.end()
    }
}

struct Diagnostics<'a>(&'a Checked);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let index = vpc_syntax::LineIndex::new(&c.text);
        let pos = |offset| {
            let (line, column) = position(&index, &c.text, offset);
            Position { line, column }
        };
        serializer.collect_seq(c.analysis.diagnostics.iter().map(|d| Diagnostic {
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            message: &d.message,
            range: Range { start: pos(d.span.start), end: pos(d.span.end) },
        }))
    }
}

pub(super) fn write(out: Out<'_>, checked: &[Checked]) -> std::io::Result<()> {
    let count = |s: Severity| checked.iter().map(|c| c.analysis.count(s)).sum();
    let report = Report {
        files: Files(checked),
        summary: Summary {
            files: checked.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

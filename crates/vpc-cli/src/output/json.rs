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
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("path", &c.path.display().to_string())?;
        let canvases = &c.analysis.canvases;
        let judgements: Vec<_> = canvases.iter().map(|c| c.judge()).collect();
        if canvases.len() <= 1 {
            map.serialize_entry("fit", &judgements.first().and_then(|j| j.fit))?;
        } else {
            map.serialize_entry("fits", &fits(canvases, &judgements))?;
        }
        map.serialize_entry("canvases", &Canvases(canvases, &judgements))?;
        map.serialize_entry("diagnostics", &Diagnostics(c))?;
        map.end()
    }
}

/// Spec §8's `canvases`: each canvas's id, title, fit, verdict and unaddressed must-haves.
struct Canvases<'a>(&'a [vpc_model::Canvas], &'a [vpc_model::Judgement]);

impl Serialize for Canvases<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().zip(self.1).map(|(canvas, j)| {
            let unaddressed: Vec<&str> = j
                .unaddressed
                .iter()
                .map(|&i| {
                    let item = canvas.item(i);
                    item.id.as_ref().map_or(item.title.as_str(), |id| id.text.as_str())
                })
                .collect();
            serde_json::json!({
                "id": canvas.id.as_ref().map(|id| id.text.as_str()),
                "title": canvas.title.as_str(),
                "fit": j.fit,
                "verdict": j.verdict.as_str(),
                "unaddressed": unaddressed,
            })
        }))
    }
}

/// `"fits"` of a file with several canvases: keyed by canvas id, else title. Keys are
/// unique: a key seen before gets `#2`, `#3`, … (the first free one), so no fit is lost
/// when two canvases share a title or a title equals another canvas's id.
fn fits(canvases: &[vpc_model::Canvas], judgements: &[vpc_model::Judgement]) -> Map<String, Value> {
    let mut fits = Map::new();
    // The last number given per label, so that thousands of canvases of one title
    // stay linear.
    let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (canvas, j) in canvases.iter().zip(judgements) {
        let label = canvas.label();
        let n = last.entry(label).or_insert(1);
        let mut key = label.to_string();
        while fits.contains_key(&key) {
            *n += 1;
            key = format!("{label}#{n}");
        }
        fits.insert(key, j.fit.into());
    }
    fits
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

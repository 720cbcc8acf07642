//! `--format json`: exactly the shape of spec §8.

use serde::Serialize;
use serde_json::{Map, Value};
use vpc_model::Severity;

use super::{Out, position};
use crate::check::Checked;

#[derive(Serialize)]
struct Report {
    files: Vec<Map<String, Value>>,
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

pub(super) fn write(out: Out<'_>, checked: &[Checked]) -> std::io::Result<()> {
    let count = |s: Severity| checked.iter().map(|c| c.analysis.count(s)).sum();
    let report = Report {
        files: checked.iter().map(file).collect(),
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

/// `"fits"` of a file with several canvases: keyed by canvas id, else title. Keys are
/// unique: a key seen before gets `#2`, `#3`, … (the first free one), so no fit is lost
/// when two canvases share a title or a title equals another canvas's id.
fn fits(canvases: &[vpc_model::Canvas], judgements: &[vpc_model::Judgement]) -> Map<String, Value> {
    let mut fits = Map::new();
    for (canvas, j) in canvases.iter().zip(judgements) {
        let label = canvas.label();
        let mut key = label.to_string();
        let mut n = 1;
        while fits.contains_key(&key) {
            n += 1;
            key = format!("{label}#{n}");
        }
        fits.insert(key, j.fit.into());
    }
    fits
}

fn file(c: &Checked) -> Map<String, Value> {
    let index = vpc_syntax::LineIndex::new(&c.text);
    let pos = |offset| {
        let (line, column) = position(&index, &c.text, offset);
        Position { line, column }
    };
    let mut map = Map::new();
    map.insert("path".into(), Value::String(c.path.display().to_string()));
    let canvases = &c.analysis.canvases;
    let judgements: Vec<_> = canvases.iter().map(|c| c.judge()).collect();
    if canvases.len() <= 1 {
        map.insert("fit".into(), judgements.first().and_then(|j| j.fit).into());
    } else {
        map.insert("fits".into(), Value::Object(fits(canvases, &judgements)));
    }
    let canvases: Vec<Value> = canvases
        .iter()
        .zip(&judgements)
        .map(|(canvas, j)| {
            let unaddressed: Vec<Value> = j
                .unaddressed
                .iter()
                .map(|&i| {
                    let item = canvas.item(i);
                    item.id.as_ref().map_or_else(|| item.title.to_string(), |id| id.text.to_string()).into()
                })
                .collect();
            serde_json::json!({
                "id": canvas.id.as_ref().map(|id| id.text.as_str()),
                "title": canvas.title.as_str(),
                "fit": j.fit,
                "verdict": j.verdict.as_str(),
                "unaddressed": unaddressed,
            })
        })
        .collect();
    map.insert("canvases".into(), Value::Array(canvases));
    let diagnostics: Vec<Diagnostic> = c
        .analysis
        .diagnostics
        .iter()
        .map(|d| Diagnostic {
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            message: &d.message,
            range: Range { start: pos(d.span.start), end: pos(d.span.end) },
        })
        .collect();
    map.insert("diagnostics".into(), serde_json::to_value(diagnostics).expect("diagnostics serialise"));
    map
}

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

fn file(c: &Checked) -> Map<String, Value> {
    let index = vpc_syntax::LineIndex::new(&c.text);
    let pos = |offset| {
        let (line, column) = position(&index, &c.text, offset);
        Position { line, column }
    };
    let mut map = Map::new();
    map.insert("path".into(), Value::String(c.path.display().to_string()));
    let canvases = &c.analysis.canvases;
    if canvases.len() <= 1 {
        map.insert("fit".into(), canvases.first().and_then(|c| c.fit()).into());
    } else {
        let fits: Map<String, Value> = canvases.iter().map(|c| (c.label().to_string(), c.fit().into())).collect();
        map.insert("fits".into(), Value::Object(fits));
    }
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

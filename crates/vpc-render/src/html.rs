//! A standalone HTML page: per canvas the fit and its key, the segment's context, the
//! picture (inline SVG), the fit breakdown and the prioritised tables. Inline CSS only: no scripts, fonts or other files.
//! The page is also well-formed XML.

use std::fmt::Write;

use vpc_model::Canvas;

use crate::tables::{Span, Table, context, fit_sentence, fit_table, tables};
use crate::text::escape_xml;
use crate::{Judged, Standing, fit_key, section_titles, verdict_class, verdict_colour};

const STYLE: &str = "
:root { color-scheme: light; }
body { margin: 0; background: #f3f4f6; color: #1f2937;
  font: 15px/1.5 'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif; }
main { max-width: 1480px; margin: 0 auto; padding: 24px; }
section.canvas { background: #fff; border-radius: 8px; padding: 24px 32px; margin-bottom: 32px;
  box-shadow: 0 1px 3px rgba(0,0,0,.12); }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; }
.about { color: #6b7280; margin: 0 0 8px; }
.fit { font-size: 17px; }
.key { color: #6b7280; font-size: 13px; margin-top: 0; }
.verdict { font-weight: 700; }
.context h2 { font-size: 17px; margin: 16px 0 4px; }
.context dl { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 4px 0; }
.context dt { color: #6b7280; }
.context dd { margin: 0; }
figure { margin: 16px 0; }
figure svg { width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid #e5e7eb; }
th { background: #f9fafb; font-weight: 600; }
td.n, th.n { text-align: right; width: 2em; color: #6b7280; }
code { font: 13px ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace; background: #f3f4f6;
  padding: 1px 4px; border-radius: 4px; }
.warn { color: #b91c1c; font-weight: 600; }
.muted { color: #9ca3af; font-style: italic; }
tr.must-have td { background: #fef2f2; }
tr.must-have td:nth-child(2) { color: #b91c1c; font-weight: 600; }
tr.let-go td { color: #9ca3af; }
.none { color: #6b7280; font-style: italic; }
";

/// The canvases as one standalone HTML page.
pub fn html(canvases: &[Canvas]) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let titles: Vec<&str> = canvases.iter().map(|c| c.title.as_str()).collect();
    let title = if titles.is_empty() { "No canvas".to_string() } else { titles.join(", ") };
    let _ = writeln!(out, "<title>{} — Value Proposition Canvas</title>", escape_xml(&title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
    if canvases.is_empty() {
        out.push_str("<p class=\"none\">No canvas in this file.</p>\n");
    }
    for canvas in canvases {
        write_canvas(&mut out, canvas);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn write_canvas(out: &mut String, canvas: &Canvas) {
    let id = canvas.id.as_ref().map(|id| format!(" id=\"canvas-{}\"", escape_xml(&id.text))).unwrap_or_default();
    let _ = writeln!(out, "<section class=\"canvas\"{id}>");
    let _ = writeln!(out, "<h1>{}</h1>", escape_xml(&canvas.title));
    let mut about = Vec::new();
    if let Some(id) = &canvas.id {
        about.push(format!("Canvas <code>{}</code>", escape_xml(&id.text)));
    }
    let (segment, value_map) = section_titles(canvas);
    if let Some(segment) = segment {
        about.push(format!("customer segment <strong>{}</strong>", escape_xml(segment)));
    }
    if let Some(value_map) = value_map {
        about.push(format!("value map <strong>{}</strong>", escape_xml(value_map)));
    }
    if !about.is_empty() {
        let mut line = about.join(" · ");
        if line.starts_with('c') {
            line.replace_range(..1, "C");
        }
        let _ = writeln!(out, "<p class=\"about\">{line}</p>");
    }
    if let Some(description) = &canvas.description {
        let _ = writeln!(out, "<p>{}</p>", escape_xml(description));
    }
    let judged = Judged::new(canvas);
    let verdict = verdict_class(judged.judgement.verdict);
    let _ = writeln!(out, "<p class=\"fit {verdict}\">{}</p>", spans(&fit_sentence(&judged)));
    let _ = writeln!(out, "<p class=\"key\">{}</p>", escape_xml(&fit_key()));
    let blocks = context(canvas);
    if !blocks.is_empty() {
        out.push_str("<div class=\"context\">\n");
        for block in blocks {
            let _ = writeln!(out, "<h2>{}</h2>", escape_xml(&block.heading));
            if let Some(description) = &block.description {
                let _ = writeln!(out, "<p class=\"description\">{}</p>", escape_xml(description));
            }
            if !block.facts.is_empty() {
                out.push_str("<dl>");
                for (label, value) in &block.facts {
                    let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape_xml(label), escape_xml(value));
                }
                out.push_str("</dl>\n");
            }
        }
        out.push_str("</div>\n");
    }
    let _ = writeln!(out, "<figure>\n{}</figure>", crate::svg::document(&[canvas]));
    write_table(out, &fit_table(&judged));
    for table in tables(&judged) {
        write_table(out, &table);
    }
    out.push_str("</section>\n");
}

fn write_table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "<h2>{}</h2>", escape_xml(table.title));
    if table.rows.is_empty() {
        out.push_str("<p class=\"none\">None yet.</p>\n");
        return;
    }
    let _ = write!(out, "<table class=\"{}\">\n<thead><tr>", table.class);
    for header in &table.headers {
        let class = if *header == "#" { " class=\"n\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape_xml(header));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        match row.standing {
            Some(Standing::Open) => out.push_str("<tr class=\"open\">"),
            Some(Standing::MustHave) => out.push_str("<tr class=\"open must-have\">"),
            Some(Standing::LetGo) => out.push_str("<tr class=\"let-go\">"),
            Some(Standing::Addressed) | None => out.push_str("<tr>"),
        }
        for (header, cell) in table.headers.iter().zip(&row.cells) {
            let class = if *header == "#" { " class=\"n\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", spans(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn spans(cell: &[Span]) -> String {
    let mut out = String::new();
    for span in cell {
        match span {
            Span::Text(t) => out.push_str(&escape_xml(t)),
            Span::Code(t) => {
                let _ = write!(out, "<code>{}</code>", escape_xml(t));
            }
            Span::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", escape_xml(t));
            }
            Span::Warn(t) => {
                let _ = write!(out, "<span class=\"warn\">{}</span>", escape_xml(t));
            }
            Span::Muted(t) => {
                let _ = write!(out, "<span class=\"muted\">{}</span>", escape_xml(t));
            }
            Span::Verdict(verdict, t) => {
                let _ = write!(
                    out,
                    "<strong class=\"verdict {}\" style=\"color: {}\">{}</strong>",
                    verdict_class(*verdict),
                    verdict_colour(*verdict),
                    escape_xml(t)
                );
            }
        }
    }
    out
}

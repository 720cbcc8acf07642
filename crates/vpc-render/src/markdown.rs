//! GitHub-flavoured Markdown: per canvas a heading, the fit and its key, the segment's
//! context and the prioritised tables.

use std::fmt::Write;

use vpc_model::Canvas;

use crate::tables::{Span, Table, context, fit_sentence, tables};
use crate::{Judged, Standing, fit_key, section_titles};

/// The canvases as Markdown, one after the other.
pub fn markdown(canvases: &[Canvas]) -> String {
    let mut out = String::new();
    if canvases.is_empty() {
        out.push_str("_No canvas in this file._\n");
    }
    for (n, canvas) in canvases.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        write_canvas(&mut out, canvas);
    }
    out
}

fn write_canvas(out: &mut String, canvas: &Canvas) {
    let _ = writeln!(out, "# {}\n", escape(&canvas.title));
    let mut about = Vec::new();
    if let Some(id) = &canvas.id {
        about.push(format!("Canvas `{}`", id.text));
    }
    let (segment, value_map) = section_titles(canvas);
    if let Some(segment) = segment {
        about.push(format!("customer segment **{}**", escape(segment)));
    }
    if let Some(value_map) = value_map {
        about.push(format!("value map **{}**", escape(value_map)));
    }
    if !about.is_empty() {
        let mut line = about.join(" · ");
        if let Some(first) = line.get(..1) {
            line = first.to_uppercase() + &line[1..];
        }
        let _ = writeln!(out, "{line}\n");
    }
    if let Some(description) = &canvas.description {
        let _ = writeln!(out, "{}\n", escape_paragraph(description));
    }
    let judged = Judged::new(canvas);
    let _ = writeln!(out, "{}\n", spans(&fit_sentence(&judged)));
    let _ = writeln!(out, "_{}_\n", escape(&fit_key()));
    for block in context(canvas) {
        let _ = writeln!(out, "## {}\n", escape(&block.heading));
        if let Some(description) = &block.description {
            let _ = writeln!(out, "{}\n", escape_paragraph(description));
        }
        for (label, value) in &block.facts {
            let _ = writeln!(out, "- **{label}:** {}", escape(value));
        }
        if !block.facts.is_empty() {
            out.push('\n');
        }
    }
    for table in tables(&judged) {
        write_table(out, &table);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
}

fn write_table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "## {}\n", escape(table.title));
    if table.rows.is_empty() {
        let _ = writeln!(out, "_None yet._\n");
        return;
    }
    let _ = writeln!(out, "| {} |", table.headers.join(" | "));
    let align: Vec<&str> = table.headers.iter().map(|h| if *h == "#" { "--:" } else { "---" }).collect();
    let _ = writeln!(out, "|{}|", align.join("|"));
    for row in &table.rows {
        let mut cells: Vec<String> = row.cells.iter().map(|cell| spans(cell)).collect();
        // A let-go item's title in italics, like its "let go".
        if row.standing == Some(Standing::LetGo)
            && let Some(title) = cells.get_mut(1).filter(|t| !t.trim().is_empty())
        {
            *title = format!("_{}_", title.trim());
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn spans(cell: &[Span]) -> String {
    let mut out = String::new();
    for span in cell {
        match span {
            Span::Text(t) => out.push_str(&escape(t)),
            Span::Code(t) => code(&mut out, t),
            Span::Strong(t) if t.is_empty() => {}
            Span::Strong(t) => {
                let _ = write!(out, "**{}**", escape(t));
            }
            Span::Warn(t) | Span::Verdict(_, t) => {
                let _ = write!(out, "**{}**", escape(t));
            }
            Span::Muted(t) => {
                // Emphasis cannot start or end at a space.
                let lead = &t[..t.len() - t.trim_start().len()];
                let _ = write!(out, "{lead}_{}_", escape(t.trim()));
            }
        }
    }
    out
}

/// A code span that holds any text (identifiers never hold a backtick, but be safe).
fn code(out: &mut String, text: &str) {
    let text = text.replace(['\n', '\r', '\t'], " ").replace('|', "\\|");
    let fence = if text.contains('`') { "`` " } else { "`" };
    let close = if text.contains('`') { " ``" } else { "`" };
    let _ = write!(out, "{fence}{text}{close}");
}

/// Escape text for inline Markdown (a table cell, a heading, a sentence): characters
/// that would start emphasis, code, links, HTML or a table column are backslashed,
/// line breaks become spaces.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // A heading's mark only where it would be one: first, or closing a heading.
            '#' if at == 0 || text[at..].trim_end().bytes().all(|b| b == b'#') => out.push_str("\\#"),
            // Only what could start an entity (`&amp;`) needs it.
            '&' if starts_entity(&text[at + 1..]) => out.push_str("\\&"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Does the text after a `&` make it an entity reference (`&amp;`, `&#38;`)?
fn starts_entity(rest: &str) -> bool {
    let name = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'#').count();
    name > 0 && rest[name..].starts_with(';')
}

/// [`escape`], and a paragraph that would start a list or a heading does not.
fn escape_paragraph(text: &str) -> String {
    let out = escape(text.trim());
    let starts_block = out.starts_with(['-', '+', '=']) || {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && out[digits..].starts_with(['.', ')'])
    };
    if starts_block {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        let at = if digits > 0 { digits } else { 0 };
        format!("{}\\{}", &out[..at], &out[at..])
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_cells() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("*not* _em_ `code` [link](x) <b>"), "\\*not\\* \\_em\\_ \\`code\\` \\[link\\](x) \\<b\\>");
        assert_eq!(escape("Q&A &amp; more"), "Q&A \\&amp; more");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("back\\slash"), "back\\\\slash");
        assert_eq!(escape("#1 and #2"), "\\#1 and #2");
        assert_eq!(escape("Plan ##"), "Plan \\#\\#");
    }

    #[test]
    fn paragraphs_never_start_a_block() {
        assert_eq!(escape_paragraph("- not a list"), "\\- not a list");
        assert_eq!(escape_paragraph("1. not a list"), "1\\. not a list");
        assert_eq!(escape_paragraph("# not a heading"), "\\# not a heading");
        assert_eq!(escape_paragraph("plain"), "plain");
    }

    #[test]
    fn code_spans_escape_pipes() {
        let mut out = String::new();
        code(&mut out, "a|b");
        assert_eq!(out, "`a\\|b`");
    }
}

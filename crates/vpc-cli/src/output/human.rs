//! `--format human`: each diagnostic with the source line and carets under the spot.
//!
//! The output stays readable and bounded whatever the file holds:
//!
//! - Text from the file (source lines, messages quoting it, the path) is printed through
//!   [`vpc_syntax::printable`]: control characters, Unicode line and paragraph separators
//!   and bidirectional controls appear as `\u{…}` escapes, never raw.
//! - A source line wider than [`LINE_WIDTH`] printed characters is cut to a window
//!   around the spot, with `…` where it was cut.
//! - At most [`SHOWN_PER_FILE`] diagnostics are shown per file (the first ones, in
//!   position order); a last line counts the others by code. The summary line counts all.
//!
//! Locations (`file:line:column`) are those of the file, as in `--format json`, also
//! when the line shown is cut or has escapes.

use std::collections::BTreeMap;

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};
use vpc_model::{Diagnostic, Severity};
use vpc_syntax::{LineIndex, Span, printable};

use super::{Out, plural};
use crate::check::Checked;

/// The most diagnostics shown per file.
pub(crate) const SHOWN_PER_FILE: usize = 50;
/// The widest source line shown, in printed characters (escapes count in full).
pub(crate) const LINE_WIDTH: usize = 120;
/// How much of a cut line is shown before the spot, in printed characters.
const CONTEXT_BEFORE: usize = 40;
const ELLIPSIS: &str = "…";

pub(super) fn write(out: Out<'_>, checked: &[Checked], colour: bool) -> std::io::Result<()> {
    for c in checked {
        write_diagnostics(out, &c.path.display().to_string(), &c.text, &c.analysis.diagnostics, colour)?;
        write_judgements(out, c)?;
    }
    let count = |s: Severity| checked.iter().map(|c| c.analysis.count(s)).sum::<usize>();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let mut parts = vec![plural(errors, "error"), plural(warnings, "warning")];
    if infos > 0 {
        parts.push(plural(infos, "info"));
    }
    let verdict = if errors + warnings + infos == 0 { "ok" } else { "done" };
    writeln!(out, "{verdict}: {} checked, {}", plural(checked.len(), "file"), parts.join(", "))
}

/// One line per canvas of the file (spec §8): its fit, verdict and unaddressed must-haves, e.g.
/// `examples/wedding.vpc: canvas wedding: fit 78, partial; unaddressed must-haves: unfinished`.
fn write_judgements(out: Out<'_>, c: &Checked) -> std::io::Result<()> {
    for canvas in &c.analysis.canvases {
        // The path and the canvas's title come from strangers: escaped like everything else.
        let line = format!("{}: canvas {}", c.path.display(), judgement_line(canvas));
        writeln!(out, "{}", printable::escape(&line))?;
    }
    Ok(())
}

/// `wedding: fit 78, partial; unaddressed must-haves: unfinished, carefree`.
pub(crate) fn judgement_line(canvas: &vpc_model::Canvas) -> String {
    let j = canvas.judge();
    let name = match &canvas.id {
        Some(id) => id.text.to_string(),
        None => format!("\"{}\"", canvas.title),
    };
    let mut line = match j.fit {
        Some(fit) => format!("{name}: fit {fit}, {}", j.verdict),
        None => format!("{name}: fit n/a ({})", j.verdict.meaning()),
    };
    if !j.unaddressed.is_empty() {
        let names: Vec<String> = j.unaddressed.iter().map(|&i| canvas.item(i).label().replace('`', "")).collect();
        line.push_str(&format!(
            "; unaddressed must-have{}: {}",
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        ));
    }
    line
}

/// The diagnostics of one file, each as a report with the source excerpt: the first
/// [`SHOWN_PER_FILE`], then a line counting the rest by code.
pub(crate) fn write_diagnostics(
    out: Out<'_>,
    name: &str,
    text: &str,
    diagnostics: &[Diagnostic],
    colour: bool,
) -> std::io::Result<()> {
    let name = printable::escape(name);
    let index = LineIndex::new(text);
    let (shown, hidden) = diagnostics.split_at(diagnostics.len().min(SHOWN_PER_FILE));
    for d in shown {
        write_report(out, &name, text, &index, d, colour)?;
    }
    if !hidden.is_empty() {
        // Codes in order of first appearance among the hidden ones.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let mut at: BTreeMap<&str, usize> = BTreeMap::new();
        for d in hidden {
            let code = d.code.as_str();
            match at.get(code) {
                Some(&i) => counts[i].1 += 1,
                None => {
                    at.insert(code, counts.len());
                    counts.push((code, 1));
                }
            }
        }
        let codes: Vec<String> = counts.iter().map(|(code, n)| format!("{code} ×{n}")).collect();
        writeln!(
            out,
            "… and {} more in {name}: {} (`vpc check --format json` lists every one)",
            hidden.len(),
            codes.join(", ")
        )?;
    }
    Ok(())
}

fn write_report(
    out: Out<'_>,
    name: &str,
    text: &str,
    index: &LineIndex,
    d: &Diagnostic,
    colour: bool,
) -> std::io::Result<()> {
    let (kind, colour_of) = match d.severity {
        Severity::Error => (ReportKind::Error, Color::Red),
        Severity::Warning => (ReportKind::Warning, Color::Yellow),
        Severity::Info => (ReportKind::Advice, Color::Blue),
    };
    let spans: Vec<Span> = std::iter::once(d.span).chain(d.related.iter().map(|r| r.span)).collect();
    let excerpt = Excerpt::new(text, index, &spans);
    let span = excerpt.span(text, index, d.span);
    let help = d.help.as_deref().unwrap_or("here");
    let mut report = Report::build(kind, (name, span.clone()))
        .with_config(Config::new().with_index_type(IndexType::Byte).with_color(colour).with_compact(false))
        .with_code(d.code.as_str())
        .with_message(printable::escape(&d.message))
        .with_label(
            Label::new((name, span.clone()))
                .with_message(printable::escape(help))
                .with_color(colour_of)
                .with_priority(1),
        );
    for related in &d.related {
        report = report.with_label(
            Label::new((name, excerpt.span(text, index, related.span)))
                .with_message(printable::escape(&related.message))
                .with_color(Color::Cyan),
        );
    }
    let source = Source::from(excerpt.text.as_str());
    let mut buffer = Vec::new();
    report.finish().write((name, source), &mut buffer)?;
    let printed = String::from_utf8_lossy(&buffer);

    // ariadne counts the column of the location in the excerpt; say the file's.
    let line = index.line_of(d.span.start.min(text.len()));
    let excerpt_line_start = excerpt.lines[line - excerpt.first_line].at;
    let shown_column = excerpt.text[excerpt_line_start..span.start].chars().count() + 1;
    let column = index.line_col(text, d.span.start).col + 1;
    let printed = match (column != shown_column, printed.split_once('\n')) {
        (true, Some((head, rest))) => {
            let shown = format!("{name}:{}:{shown_column} ", line + 1);
            let real = format!("{name}:{}:{column} ", line + 1);
            format!("{head}\n{}", rest.replacen(&shown, &real, 1))
        }
        _ => printed.into_owned(),
    };
    out.write_all(printed.as_bytes())
}

/// The lines of the file that one diagnostic's labels touch (and empty lines before
/// them), as ariadne is given them:
/// every character printable (see [`printable`]), every line break a `\n`, and each line
/// no wider than [`LINE_WIDTH`] (cut around the spot on it). ariadne would otherwise take
/// U+2028, U+2029 and U+0085 for line breaks and print control characters raw.
struct Excerpt {
    text: String,
    /// The 0-based line of the file that the first non-empty line of the excerpt is.
    first_line: usize,
    lines: Vec<ExcerptLine>,
}

/// One line of the file in the excerpt. Offsets are bytes: `start`, `end` (of the
/// content, before the line break), `from` and `to` (what is shown) in the file;
/// `at`, `shown` in the excerpt.
struct ExcerptLine {
    start: usize,
    end: usize,
    from: usize,
    to: usize,
    /// Where the line starts in the excerpt.
    at: usize,
    /// Length in the excerpt of the shown part of the content, without the `…`s.
    shown: usize,
}

impl ExcerptLine {
    fn cut_before(&self) -> bool {
        self.from > self.start
    }

    fn cut_after(&self) -> bool {
        self.to < self.end
    }
}

impl Excerpt {
    /// `spans[0]` is the diagnostic's own span, the others those of related places.
    fn new(text: &str, index: &LineIndex, spans: &[Span]) -> Excerpt {
        // The places each line must show: a span's start, and its end if on another line.
        let mut focus: BTreeMap<usize, usize> = BTreeMap::new();
        for span in spans.iter().rev() {
            let (start, end) = clamp(text, *span);
            focus.insert(index.line_of(start), start);
            let last = index.line_of(end.saturating_sub(1).max(start));
            if last != index.line_of(start) {
                focus.entry(last).or_insert(end);
            }
        }
        let first_line = *focus.keys().next().unwrap_or(&0);
        let last_line = *focus.keys().next_back().unwrap_or(&0);
        // Empty lines stand for those before, so that ariadne numbers the lines as the
        // file does (its `with_display_line_offset` numbers only the location).
        let mut excerpt = Excerpt { text: "\n".repeat(first_line), first_line, lines: Vec::new() };
        for line in first_line..=last_line {
            let start = index.line_start(line).unwrap_or(text.len()).min(text.len());
            let next = index.line_start(line + 1).unwrap_or(text.len());
            let end = line_content_end(text, start, next);
            let content = &text[start..end];
            let spot = focus.get(&line).map_or(0, |&offset| offset.clamp(start, end) - start);
            let (from, to) = window(content, spot);
            let at = excerpt.text.len();
            if from > 0 {
                excerpt.text.push_str(ELLIPSIS);
            }
            for c in content[from..to].chars() {
                printable::push(&mut excerpt.text, c);
            }
            let shown = excerpt.text.len() - at - if from > 0 { ELLIPSIS.len() } else { 0 };
            if to < content.len() {
                excerpt.text.push_str(ELLIPSIS);
            }
            excerpt.text.push('\n');
            excerpt.lines.push(ExcerptLine { start, end, from: start + from, to: start + to, at, shown });
        }
        excerpt
    }

    /// A span of the file as a span of the excerpt; a part outside the shown window
    /// lands on the `…` that stands for it.
    fn span(&self, text: &str, index: &LineIndex, span: Span) -> std::ops::Range<usize> {
        let (start, end) = clamp(text, span);
        let from = self.offset(text, index.line_of(start), start, false);
        let to = if end > start { self.offset(text, index.line_of(end - 1), end, true) } else { from };
        from..to.max(from)
    }

    /// `is_end`: the offset ends a span (a cut part maps to after its `…`, not before).
    fn offset(&self, text: &str, line: usize, offset: usize, is_end: bool) -> usize {
        let Some(l) = line.checked_sub(self.first_line).and_then(|i| self.lines.get(i)) else {
            return self.text.len();
        };
        let before = if l.cut_before() { ELLIPSIS.len() } else { 0 };
        let after = if l.cut_after() { ELLIPSIS.len() } else { 0 };
        if offset > l.end {
            // In the line break: the excerpt's `\n`, or the next line's start after it.
            return l.at + before + l.shown + after + usize::from(is_end);
        }
        if offset < l.from {
            return l.at + if is_end { before } else { 0 };
        }
        if offset > l.to {
            return l.at + before + l.shown + if is_end { after } else { 0 };
        }
        l.at + before + text[l.from..offset].chars().map(printed_bytes).sum::<usize>()
    }
}

/// A span within the text, on character boundaries.
fn clamp(text: &str, span: Span) -> (usize, usize) {
    let down = |mut offset: usize| {
        offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    };
    let start = down(span.start);
    (start, down(span.end).max(start))
}

/// Where a line's content ends: before its `\n`, `\r\n` or `\r`.
fn line_content_end(text: &str, start: usize, next: usize) -> usize {
    let line = &text[start..next.max(start)];
    let content = line.strip_suffix('\n').unwrap_or(line);
    let content = content.strip_suffix('\r').unwrap_or(content);
    start + content.len()
}

/// Bytes a character takes in the excerpt (escapes are ASCII).
fn printed_bytes(c: char) -> usize {
    if printable::is_escaped(c) { printable::printed_len(c) } else { c.len_utf8() }
}

/// The part `from..to` (byte offsets) of a line's content to show: all of it when it
/// fits in [`LINE_WIDTH`] printed characters, else a window with `spot` in it, which
/// starts up to [`CONTEXT_BEFORE`] characters before the spot (more when the line ends
/// sooner), leaving room for a `…` on each side.
fn window(content: &str, spot: usize) -> (usize, usize) {
    let mut width = 0;
    let fits = content.chars().all(|c| {
        width += printable::printed_len(c);
        width <= LINE_WIDTH
    });
    if fits {
        return (0, content.len());
    }
    let budget = LINE_WIDTH - 2;
    let mut used = 0;
    let mut from = spot;
    for (i, c) in content[..spot].char_indices().rev() {
        let w = printable::printed_len(c);
        if used + w > CONTEXT_BEFORE {
            break;
        }
        used += w;
        from = i;
    }
    let mut to = spot;
    for (i, c) in content[spot..].char_indices() {
        let w = printable::printed_len(c);
        if used + w > budget {
            break;
        }
        used += w;
        to = spot + i + c.len_utf8();
    }
    // The line ended before the budget did: show more of what comes before the spot.
    for (i, c) in content[..from].char_indices().rev() {
        let w = printable::printed_len(c);
        if used + w > budget {
            break;
        }
        used += w;
        from = i;
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt_of(text: &str, spans: &[Span]) -> (Excerpt, Vec<std::ops::Range<usize>>) {
        let index = LineIndex::new(text);
        let excerpt = Excerpt::new(text, &index, spans);
        let mapped = spans.iter().map(|s| excerpt.span(text, &index, *s)).collect();
        (excerpt, mapped)
    }

    #[test]
    fn short_lines_are_kept_and_escaped() {
        let text = "a\r\nb\u{1b}[31mc\u{2028}d\re\n";
        let c = text.find('c').unwrap();
        let (excerpt, mapped) = excerpt_of(text, &[Span::new(c, c + 1)]);
        assert_eq!(excerpt.first_line, 1);
        assert_eq!(excerpt.text, "\nb\\u{1B}[31mc\\u{2028}d\n");
        assert_eq!(&excerpt.text[mapped[0].clone()], "c");
    }

    #[test]
    fn long_lines_are_cut_around_the_spot() {
        let text = format!("{}TARGET{}\n", "x".repeat(5000), "y".repeat(5000));
        let at = text.find("TARGET").unwrap();
        let (excerpt, mapped) = excerpt_of(&text, &[Span::new(at, at + 6)]);
        let line = excerpt.text.trim_end_matches('\n');
        assert_eq!(line.chars().count(), LINE_WIDTH);
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        assert_eq!(&excerpt.text[mapped[0].clone()], "TARGET");
        assert_eq!(line.find("TARGET").unwrap(), ELLIPSIS.len() + CONTEXT_BEFORE);
    }

    #[test]
    fn a_span_longer_than_the_window_ends_on_the_cut() {
        let text = "@ ".repeat(8192);
        let (excerpt, mapped) = excerpt_of(&text, &[Span::new(1000, text.len()), Span::new(0, 1)]);
        let shown = &excerpt.text[mapped[0].clone()];
        assert!(shown.ends_with('…') && shown.starts_with("@ "), "{shown}");
        // The related place before the window lands on the `…` at the start.
        assert_eq!(&excerpt.text[mapped[1].clone()], "…");
    }

    #[test]
    fn a_line_ending_soon_shows_more_before_the_spot() {
        let text = "z".repeat(1000);
        let (excerpt, mapped) = excerpt_of(&text, &[Span::new(998, 999)]);
        assert_eq!(excerpt.text, format!("…{}\n", "z".repeat(LINE_WIDTH - 2)));
        assert_eq!(mapped[0], excerpt.text.len() - 3..excerpt.text.len() - 2);
    }
}

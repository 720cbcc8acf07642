//! GitHub-flavoured Markdown, ready to paste as a pull-request comment: a heading
//! per file and per canvas (with the fit change), then tables of added, removed
//! and changed items and a list of coverage changes.

use std::fmt::Write;

use super::{
    Summary, Trend, canvas_change_parts, change_phrases, coverage_phrase, fit_text, item_details, plural, trend,
    verdict_text,
};
use crate::{CanvasDiff, Coverage, FileDiff, ItemSummary, Report, Status};

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::from("## Value proposition changes\n\n");
    let summary = Summary::of(report);
    let compared = match (&report.old_revision, &report.new_revision) {
        (Some(old), Some(new)) => format!("Comparing {} with {}: ", code(old), code(new)),
        (Some(old), None) => format!("Comparing {} with the working tree: ", code(old)),
        _ => String::new(),
    };
    let text = if report.is_empty() { "no changes to the canvases".to_string() } else { summary_text(&summary) };
    let sentence = format!("{compared}{text}.");
    let mut chars = sentence.chars();
    let sentence: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    let _ = writeln!(out, "{sentence}\n");
    if !report.is_empty() {
        for file in &report.files {
            write_file(&mut out, file);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `2 canvases changed, 1 added in 1 file; items: 3 added, 1 removed, 9 changed; ⚠️ 4 gaps opened, ✅ 1 closed`
fn summary_text(s: &Summary) -> String {
    let mut canvases = Vec::new();
    for (n, what) in [(s.canvases.modified, "changed"), (s.canvases.added, "added"), (s.canvases.removed, "removed")] {
        if n > 0 {
            canvases.push(if canvases.is_empty() {
                format!("{} {what}", plural_canvas(n))
            } else {
                format!("{n} {what}")
            });
        }
    }
    let mut text = format!("{} in {}", canvases.join(", "), plural(s.files, "file"));
    let i = s.items;
    if i.added + i.removed + i.changed > 0 {
        let _ = write!(text, "; items: {} added, {} removed, {} changed", i.added, i.removed, i.changed);
    }
    let mut gaps = Vec::new();
    if s.gaps_opened > 0 {
        gaps.push(format!("⚠️ {} opened", plural(s.gaps_opened, "gap")));
    }
    if s.gaps_closed > 0 {
        gaps.push(if gaps.is_empty() {
            format!("✅ {} closed", plural(s.gaps_closed, "gap"))
        } else {
            format!("✅ {} closed", s.gaps_closed)
        });
    }
    if !gaps.is_empty() {
        let _ = write!(text, "; {}", gaps.join(", "));
    }
    text
}

fn plural_canvas(n: usize) -> String {
    if n == 1 { "1 canvas".to_string() } else { format!("{n} canvases") }
}

fn write_file(out: &mut String, file: &FileDiff) {
    let heading = match (&file.old_path, file.status) {
        (_, Status::Added) => format!("{} (new file)", code(&file.path)),
        (_, Status::Removed) => format!("{} (deleted)", code(&file.path)),
        (Some(old), _) if *old != file.path => format!("{} → {}", code(old), code(&file.path)),
        _ => code(&file.path),
    };
    let _ = writeln!(out, "### {heading}\n");
    if file.diff.is_empty() {
        let what = if file.diff.canvases.is_empty() { "No canvases." } else { "No changes to the canvases." };
        let _ = writeln!(out, "{what}\n");
        return;
    }
    for canvas in file.diff.canvases.iter().filter(|c| c.status != Status::Unchanged) {
        write_canvas(out, canvas);
    }
}

fn write_canvas(out: &mut String, canvas: &CanvasDiff) {
    let title = if canvas.title.is_empty() { "(untitled)".to_string() } else { escape(&canvas.title) };
    let name = match &canvas.id {
        Some(id) => format!("{title} ({})", code(id)),
        None => title,
    };
    let fit = fit_text(canvas.fit, canvas.status) + &verdict_text(&canvas.verdict, canvas.status);
    match canvas.status {
        Status::Removed => {
            let _ = writeln!(out, "#### ~~{name}~~ · removed · {fit}\n");
            let _ = writeln!(out, "Removed along with its {}.\n", plural(canvas.removed.len(), "item"));
            return;
        }
        Status::Added => {
            let _ = writeln!(out, "#### {name} · new canvas · {fit}\n");
        }
        _ => {
            let _ = writeln!(out, "#### {name} · {fit}\n");
        }
    }
    for label in &canvas.verdict.newly_unaddressed {
        let _ = writeln!(out, "- :warning: must-have {} is **unaddressed**", code_label(label));
    }
    for label in &canvas.verdict.no_longer_unaddressed {
        let _ = writeln!(out, "- :white_check_mark: must-have {} is no longer unaddressed", code_label(label));
    }
    if !canvas.verdict.newly_unaddressed.is_empty() || !canvas.verdict.no_longer_unaddressed.is_empty() {
        out.push('\n');
    }

    if !canvas.added.is_empty() {
        items_table(out, "Added", &canvas.added, true);
    }
    if !canvas.removed.is_empty() {
        items_table(out, "Removed", &canvas.removed, false);
    }
    if !canvas.changes.is_empty() || !canvas.changed.is_empty() {
        out.push_str("**Changed**\n\n| Item | Change |\n| --- | --- |\n");
        for change in &canvas.changes {
            let (marker, on, phrase) = canvas_change_parts(change, &code, &quoted);
            let phrase = match marker {
                '+' => format!("added {phrase}"),
                '-' => format!("removed {phrase}"),
                _ => phrase,
            };
            let _ = writeln!(out, "| {on} | {} |", phrase.trim_end());
        }
        for item in &canvas.changed {
            let phrases = change_phrases(&item.changes, &code, &quoted, &strong);
            let _ = writeln!(
                out,
                "| {} | {} |",
                item_cell(item.kind.keyword(), item.id.as_deref(), &item.title),
                phrases.join("<br>")
            );
        }
        out.push('\n');
    }
    if !canvas.coverage.is_empty() {
        out.push_str("**Coverage**\n\n");
        for change in &canvas.coverage {
            let mark = match trend(change) {
                Trend::Worse => "⚠️ ",
                Trend::Better => "✅ ",
                Trend::Neutral => "",
            };
            let title = if change.id.is_some() { format!(" {}", quoted(&change.title)) } else { String::new() };
            let _ = writeln!(
                out,
                "- {mark}{}{title} is {}",
                item_cell(change.kind.keyword(), change.id.as_deref(), &change.title),
                coverage_phrase(change, &code)
            );
        }
        out.push('\n');
    }
}

fn items_table(out: &mut String, heading: &str, items: &[ItemSummary], with_coverage: bool) {
    let _ = write!(out, "**{heading}**\n\n| Item | Title | Details |\n| --- | --- | --- |\n");
    for item in items {
        let flag = |c: Coverage| if c.is_gap() { format!("⚠️ {}", c.word()) } else { c.word().to_string() };
        let details = item_details(item, with_coverage.then_some(&flag as &dyn Fn(Coverage) -> String), &code);
        let kind = item.kind.keyword();
        let item_id = item.id.as_deref().map_or(kind.to_string(), |id| format!("{kind} {}", code(id)));
        let _ = writeln!(out, "| {item_id} | {} | {} |", escape(&item.title), details.join(", "));
    }
    out.push('\n');
}

/// `pain `no-time``, or `pain "Title"` for an item without an id.
fn item_cell(kind: &str, id: Option<&str>, title: &str) -> String {
    match id {
        Some(id) => format!("{kind} {}", code(id)),
        None => format!("{kind} {}", quoted(title)),
    }
}

/// Inline code that survives backticks in the text.
/// A must-have's label (`id`, or `"title"`) as Markdown: the id in code, a title escaped.
fn code_label(label: &str) -> String {
    if label.starts_with('"') { escape(label) } else { code(label) }
}

fn code(text: &str) -> String {
    let text = one_line(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    // A `|` would end a table cell even inside a code span.
    format!("{fence}{pad}{}{pad}{fence}", text.replace('|', "\\|"))
}

fn strong(text: &str) -> String {
    format!("**{text}**")
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// Text on one line, printable: control characters (line breaks too), line separators
/// and bidirectional controls written as `\u{…}` ([`vpc_syntax::printable`]).
fn one_line(text: &str) -> String {
    vpc_syntax::printable::escape(text).into_owned()
}

/// Text that renders as itself in GitHub Markdown, also inside a table cell, and
/// mentions no one.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{2060}"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape("a|b *c* <d> @you\nx"), "a\\|b \\*c\\* \\<d\\> @\u{2060}you\\\\u{A}x");
        assert_eq!(escape("\u{1b}]0;t\u{7}\u{202E}"), "\\\\u{1B}\\]0;t\\\\u{7}\\\\u{202E}");
        assert_eq!(code("plain"), "`plain`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("a|b"), "`a\\|b`");
    }
}

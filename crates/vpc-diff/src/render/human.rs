//! Text for a terminal: one line per change, `+` added, `-` removed, `~` changed,
//! `!` a gap opened (unrelieved, uncreated, under-served), `✓` a gap closed.
//!
//! Every line is printed through [`vpc_syntax::printable::escape`]: a path, title or
//! attribute holding a control character, a line separator or a bidirectional control
//! shows it as `\u{…}` and cannot reach the terminal raw nor break the line.

use std::fmt::Write;

use super::{
    Trend, canvas_change_parts, change_phrases, coverage_phrase, fit_text, item_details, plural, trend, verdict_text,
};
use crate::{CanvasDiff, Coverage, FileDiff, Report, Status, quote};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";

/// The report as terminal text; `colour` adds ANSI colours.
///
/// ```text
/// examples/wedding.vpc
///   canvas wedding "Wedding planner": fit 82% → 94% (+12)
///     + pain invites "Trouble sending invites" (moderate, unrelieved)
///     ~ pain no-time: severity moderate → severe ↑
///     ! pain overpay: now unrelieved
/// ```
pub fn human(report: &Report, colour: bool) -> String {
    let mut w = Writer { out: String::new(), colour };
    if report.files.is_empty() {
        w.line(0, None, "no canvas files changed");
    }
    for file in &report.files {
        w.file(file);
    }
    w.out
}

struct Writer {
    out: String,
    colour: bool,
}

impl Writer {
    fn line(&mut self, indent: usize, style: Option<&str>, text: &str) {
        let pad = "  ".repeat(indent);
        let text = vpc_syntax::printable::escape(text);
        match style {
            Some(style) if self.colour => {
                let _ = writeln!(self.out, "{pad}{style}{text}{RESET}");
            }
            _ => {
                let _ = writeln!(self.out, "{pad}{text}");
            }
        }
    }

    fn file(&mut self, file: &FileDiff) {
        let header = match (&file.old_path, file.status) {
            (_, Status::Added) => format!("{} (new file)", file.path),
            (_, Status::Removed) => format!("{} (deleted)", file.path),
            (Some(old), _) if *old != file.path => format!("{old} → {}", file.path),
            _ => file.path.clone(),
        };
        self.line(0, Some(BOLD), &header);
        if file.diff.is_empty() {
            let what = if file.diff.canvases.is_empty() { "no canvases" } else { "no changes to the canvases" };
            self.line(1, None, what);
            return;
        }
        for canvas in file.diff.canvases.iter().filter(|c| c.status != Status::Unchanged) {
            self.canvas(canvas);
        }
    }

    fn canvas(&mut self, canvas: &CanvasDiff) {
        let name = match &canvas.id {
            Some(id) => format!("canvas {id} {}", quote(&canvas.title)),
            None => format!("canvas {}", quote(&canvas.title)),
        };
        let fit = fit_text(canvas.fit, canvas.status) + &verdict_text(&canvas.verdict, canvas.status);
        let plain = |s: &str| s.to_string();
        match canvas.status {
            Status::Removed => {
                let items = plural(canvas.removed.len(), "item");
                self.line(1, Some(RED), &format!("- {name} (removed: {items}, {fit})"));
                return;
            }
            Status::Added => self.line(1, Some(GREEN), &format!("+ {name} (new, {fit})")),
            _ => self.line(1, Some(BOLD), &format!("{name}: {fit}")),
        }
        for label in &canvas.verdict.newly_unaddressed {
            self.line(2, Some(RED), &format!("! must-have {label} is unaddressed"));
        }
        for label in &canvas.verdict.no_longer_unaddressed {
            self.line(2, Some(GREEN), &format!("✓ must-have {label} is no longer unaddressed"));
        }
        for change in &canvas.changes {
            let (marker, on, phrase) = canvas_change_parts(change, &plain, &quote);
            let (style, text) = match marker {
                '+' => (GREEN, format!("+ {on} {phrase}")),
                '-' => (RED, format!("- {on} {phrase}")),
                _ => (YELLOW, format!("~ {on}: {phrase}")),
            };
            self.line(2, Some(style), text.trim_end());
        }
        for item in &canvas.added {
            let details = item_details(item, Some(&|c: Coverage| c.word().to_string()), &plain);
            let suffix = if details.is_empty() { String::new() } else { format!(" ({})", details.join(", ")) };
            let text = format!("+ {} {}{suffix}", item.kind.keyword(), labelled(item.id.as_deref(), &item.title));
            self.line(2, Some(GREEN), &text);
        }
        for item in &canvas.removed {
            let details = item_details(item, None, &plain);
            let suffix = if details.is_empty() { String::new() } else { format!(" ({})", details.join(", ")) };
            let text = format!("- {} {}{suffix}", item.kind.keyword(), labelled(item.id.as_deref(), &item.title));
            self.line(2, Some(RED), &text);
        }
        for item in &canvas.changed {
            for phrase in change_phrases(&item.changes, &plain, &quote, &plain) {
                self.line(2, Some(YELLOW), &format!("~ {} {}: {phrase}", item.kind.keyword(), item.label()));
            }
        }
        for change in &canvas.coverage {
            let (marker, style) = match trend(change) {
                Trend::Worse => ('!', RED),
                Trend::Better => ('✓', GREEN),
                Trend::Neutral => ('~', YELLOW),
            };
            let phrase = coverage_phrase(change, &plain);
            self.line(2, Some(style), &format!("{marker} {} {}: {phrase}", change.kind.keyword(), change.label()));
        }
    }
}

/// `id "title"`, or `"title"` alone.
fn labelled(id: Option<&str>, title: &str) -> String {
    match id {
        Some(id) => format!("{id} {}", quote(title)),
        None => quote(title),
    }
}

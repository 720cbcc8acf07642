//! Formatting edits: the canonical form of `vpc_fmt`, as the smallest line edits.

use similar::{DiffOp, TextDiff};
use vpc_fmt::FormatOptions;
use vpc_syntax::Span;

use crate::TextEdit;
use crate::file::File;

/// The edits that turn the whole file into its canonical form (`vpc fmt`): whole
/// lines replaced, inserted or deleted where the formatted text differs, and no edit
/// where it does not. `None` when the file has syntax errors (nothing is formatted).
pub fn format(file: &File, options: &FormatOptions) -> Option<Vec<TextEdit>> {
    let formatted = vpc_fmt::format(&file.text, options).ok()?;
    Some(line_edits(&file.text, &formatted))
}

/// The edits of [`format()`] that overlap or touch `range`: the file is formatted as a
/// whole, and only the changes to the lines of the range are kept.
pub fn format_range(file: &File, range: Span, options: &FormatOptions) -> Option<Vec<TextEdit>> {
    let edits = format(file, options)?;
    Some(edits.into_iter().filter(|e| e.span.start <= range.end && range.start <= e.span.end).collect())
}

/// The smallest set of whole-line edits from `old` to `new`.
fn line_edits(old: &str, new: &str) -> Vec<TextEdit> {
    if old == new {
        return Vec::new();
    }
    let diff = TextDiff::from_lines(old, new);
    let starts = |lines: &[&str]| {
        let mut starts = Vec::with_capacity(lines.len() + 1);
        let mut at = 0;
        starts.push(0);
        for line in lines {
            at += line.len();
            starts.push(at);
        }
        starts
    };
    let old_starts = starts(diff.old_slices());
    let new_lines = diff.new_slices();
    let mut edits: Vec<TextEdit> = Vec::new();
    for op in diff.ops() {
        let (old_index, old_len, new_index, new_len) = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete { old_index, old_len, new_index } => (old_index, old_len, new_index, 0),
            DiffOp::Insert { old_index, new_index, new_len } => (old_index, 0, new_index, new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => (old_index, old_len, new_index, new_len),
        };
        let span = Span::new(old_starts[old_index], old_starts[old_index + old_len]);
        let text: String = new_lines[new_index..new_index + new_len].concat();
        // Adjacent changes make one edit.
        match edits.last_mut() {
            Some(last) if last.span.end == span.start => {
                last.span.end = span.end;
                last.new_text.push_str(&text);
            }
            _ => edits.push(TextEdit::replace(span, text)),
        }
    }
    edits
}

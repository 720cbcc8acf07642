//! The language server's edit and position layer (`vpc_lsp::documents` and
//! `vpc_lsp::position`) under random incremental edits, in every position encoding.
//!
//! A document (an example, or arbitrary text) gets a random sequence of `didChange`
//! notifications, each with one or more changes: a range (positions often inside the
//! text, sometimes far past its lines and columns, reversed ranges too) with its new
//! text, or a whole new text. After every notification the rope must hold exactly
//! the text of a plain `String` to which the same edits were applied by a model
//! written here from the rules documented in `position.rs`:
//! - lines end at `\n`, `\r\n` or a lone `\r`;
//! - a column past the end of its line means the end of the line (before its break);
//! - a line past the last line means the end of the text;
//! - a column inside a character (a surrogate pair in UTF-16, a multi-byte sequence
//!   in UTF-8) means the start of that character;
//! - a reversed range is taken with its ends swapped.
//!
//! Byte offsets (any, also inside characters and past the end) are converted to
//! positions and back and compared with the model too.

#![no_main]

use std::sync::Arc;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};
use vpc_ide::Span;
use vpc_lsp::documents::{Applied, Document};
use vpc_lsp::position::{Encoding, Lines};

/// The first text of the document.
#[derive(Arbitrary, Debug)]
enum Start {
    Example(u8),
    Text(String),
}

/// A line, a column or a byte offset: mostly small, so that it lands in the text;
/// sometimes anything, so that clamping is exercised.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Number {
    Small(u8),
    Any(u32),
}

impl Number {
    fn get(self) -> u32 {
        match self {
            Number::Small(n) => u32::from(n),
            Number::Any(n) => n,
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct Pos {
    line: Number,
    character: Number,
}

impl Pos {
    fn lsp(self) -> Position {
        Position::new(self.line.get(), self.character.get())
    }
}

#[derive(Arbitrary, Debug)]
enum Change {
    /// Replace a range (possibly reversed) with text.
    Replace { start: Pos, end: Pos, text: String },
    /// Insert text at a position (an empty range).
    Insert { at: Pos, text: String },
    /// Delete a range.
    Delete { start: Pos, end: Pos },
    /// Replace the whole text (a change without a range).
    Full(String),
}

impl Change {
    fn event(&self) -> TextDocumentContentChangeEvent {
        let (range, text) = match self {
            Change::Replace { start, end, text } => (Some(Range::new(start.lsp(), end.lsp())), text.as_str()),
            Change::Insert { at, text } => (Some(Range::new(at.lsp(), at.lsp())), text.as_str()),
            Change::Delete { start, end } => (Some(Range::new(start.lsp(), end.lsp())), ""),
            Change::Full(text) => (None, text.as_str()),
        };
        TextDocumentContentChangeEvent { range, range_length: None, text: text.to_string() }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Enc {
    Utf8,
    Utf16,
    Utf32,
}

#[derive(Arbitrary, Debug)]
struct Input {
    start: Start,
    encoding: Enc,
    /// Each inner list is one `didChange` notification.
    notifications: Vec<Vec<Change>>,
    /// Byte offsets to convert to positions and back after each notification.
    probes: Vec<(Number, Number)>,
}

// ---------------------------------------------------------------- the model

/// Each line's content as a byte range, its break left out.
fn model_lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push((start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                lines.push((start, i));
                i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    lines.push((start, bytes.len()));
    lines
}

fn units(c: char, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
        Encoding::Utf32 => 1,
    }
}

/// The byte offset of a position.
fn model_offset(text: &str, position: Position, encoding: Encoding) -> usize {
    let Some(&(start, end)) = model_lines(text).get(position.line as usize) else {
        return text.len();
    };
    let mut column = 0;
    for (i, c) in text[start..end].char_indices() {
        let next = column + units(c, encoding);
        if next > position.character as usize {
            return start + i;
        }
        column = next;
    }
    end
}

/// Where a byte offset is taken to be: clamped to the text, the start of the
/// character holding it, and before the `\n` of a `\r\n`.
fn model_snap(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    if offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n') {
        offset -= 1;
    }
    offset
}

/// The position of a byte offset.
fn model_position(text: &str, offset: usize, encoding: Encoding) -> Position {
    let offset = model_snap(text, offset);
    let lines = model_lines(text);
    let line = lines.iter().rposition(|&(start, _)| start <= offset).expect("line 0 starts at 0");
    let column: usize = text[lines[line].0..offset].chars().map(|c| units(c, encoding)).sum();
    Position::new(line as u32, column as u32)
}

fn model_apply(text: &mut String, change: &TextDocumentContentChangeEvent, encoding: Encoding) {
    match change.range {
        Some(range) => {
            let a = model_offset(text, range.start, encoding);
            let b = model_offset(text, range.end, encoding);
            text.replace_range(a.min(b)..a.max(b), &change.text);
        }
        None => *text = change.text.clone(),
    }
}

// ---------------------------------------------------------------- the target

/// Positions of byte offsets, and offsets of those positions, against the model.
fn probe(text: &str, lines: Lines<'_>, a: usize, b: usize) {
    let encoding = lines.encoding;
    for offset in [a, b] {
        let position = lines.position(offset);
        assert_eq!(position, model_position(text, offset, encoding), "position of byte {offset} in {text:?}");
        assert_eq!(lines.offset(position), model_snap(text, offset), "offset of {position:?} in {text:?}");
        let line = position.line as usize;
        let (start, end) = model_lines(text)[line];
        let length: usize = text[start..end].chars().map(|c| units(c, encoding)).sum();
        assert_eq!(lines.line_length(line) as usize, length, "length of line {line} in {text:?}");
    }
    let (a, b) = (model_snap(text, a), model_snap(text, b));
    let span = Span::new(a.min(b), a.max(b));
    let range = lines.range(span);
    assert_eq!(lines.span(range), span, "{span:?} through {range:?} in {text:?}");
    assert_eq!(lines.span(Range::new(range.end, range.start)), span, "reversed {range:?} in {text:?}");
}

fuzz_target!(|input: Input| {
    let encoding = match input.encoding {
        Enc::Utf8 => Encoding::Utf8,
        Enc::Utf16 => Encoding::Utf16,
        Enc::Utf32 => Encoding::Utf32,
    };
    let mut model = match input.start {
        Start::Example(n) => {
            let examples = vpc_testing::EXAMPLES;
            examples[usize::from(n) % examples.len()].to_string()
        }
        Start::Text(text) => text,
    };
    let mut document = Document::new(&model, 0, Arc::default());
    for (n, notification) in input.notifications.iter().enumerate() {
        let events: Vec<TextDocumentContentChangeEvent> = notification.iter().map(Change::event).collect();
        let version = n as i32 + 1;
        let (applied, _) = document.apply(&events, version, encoding);
        assert_eq!(applied, Applied::Ok);
        for event in &events {
            model_apply(&mut model, event, encoding);
        }
        assert_eq!(document.rope.to_string(), model, "after {events:?} in {encoding:?}");
        let lines = Lines::new(&document.rope, encoding);
        for &(a, b) in &input.probes {
            probe(&model, lines, a.get() as usize, b.get() as usize);
        }
        assert_eq!(lines.end(), model_position(&model, model.len(), encoding));
    }
});

//! Byte offsets ↔ lines and columns.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP. Columns count Unicode
//! scalar values (a tab is one column), as `vpc check` reports them.

use crate::Span;

/// A 0-based line and column (in Unicode scalar values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
    /// How many bytes before offset `n * BLOCK` continue a character (UTF-8 bytes
    /// `10xxxxxx`): a column is then found by looking at no more than `BLOCK` bytes,
    /// however long its line is (a one-line file of errors asks for many columns).
    continuations: Vec<u32>,
}

/// Bytes per entry of [`LineIndex::continuations`].
const BLOCK: usize = 256;

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        // A byte-order mark is not part of the first line's columns.
        let mut line_starts = vec![if text.starts_with('\u{feff}') { 3 } else { 0 }];
        let bytes = text.as_bytes();
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // A `\r` directly followed by `\n` ends its line at the `\n`.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            line_starts.push(i + 1);
        }
        let mut continuations = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut before = 0u32;
        continuations.push(0);
        for block in bytes.chunks(BLOCK) {
            before = before.saturating_add(block.iter().filter(|&&b| is_continuation(b)).count() as u32);
            continuations.push(before);
        }
        LineIndex { line_starts, continuations }
    }

    /// How many bytes before `offset` continue a character.
    fn continuations_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let whole = self.continuations.get(block).map_or(0, |&n| n as usize);
        let rest = text.as_bytes().get(block * BLOCK..offset).unwrap_or_default();
        whole + rest.iter().filter(|&&b| is_continuation(b)).count()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte offset at which a 0-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// The 0-based line holding a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// Line and column of a byte offset (clamped to the text, and down to a char boundary).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        // Characters = bytes that start one (both offsets are on character boundaries).
        let start = self.line_starts[line].min(offset);
        let col = (offset - start) - (self.continuations_before(text, offset) - self.continuations_before(text, start));
        LineCol { line, col }
    }

    pub fn span_line_cols(&self, text: &str, span: Span) -> (LineCol, LineCol) {
        (self.line_col(text, span.start), self.line_col(text, span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_breaks_and_unicode_columns() {
        let text = "a\r\nbé😀c\rd\ne";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        let c = text.find('c').unwrap();
        assert_eq!(idx.line_col(text, c), LineCol { line: 1, col: 3 });
        assert_eq!(idx.line_col(text, text.find('d').unwrap()), LineCol { line: 2, col: 0 });
        assert_eq!(idx.line_col(text, text.len()), LineCol { line: 3, col: 1 });
        // The `\n` of `\r\n` still belongs to line 0.
        assert_eq!(idx.line_col(text, 2), LineCol { line: 0, col: 2 });
    }

    #[test]
    fn columns_on_long_lines_count_characters_across_blocks() {
        let text = format!("\u{feff}x\n{}", "aé😀\t".repeat(300));
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices().skip(1) {
            let line_start = if offset < 5 { 3 } else { 5 };
            let expected = text[line_start..offset].chars().count();
            assert_eq!(idx.line_col(&text, offset).col, expected, "at {offset}");
        }
        assert_eq!(idx.line_col(&text, text.len()), LineCol { line: 1, col: 1200 });
    }
}

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
        LineIndex { line_starts }
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
        let col = text.get(self.line_starts[line]..offset).map_or(0, |s| s.chars().count());
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
}

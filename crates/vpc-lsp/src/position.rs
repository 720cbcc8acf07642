//! LSP positions ↔ byte offsets: the only place that knows about position encodings.
//!
//! LSP counts a column in the code units of the negotiated encoding: UTF-16 by
//! default, UTF-8 when the client offers it (and the server picks it), UTF-32 if a
//! client insists. The analysis (`vpc_ide`) counts bytes. Every conversion goes
//! through this module, on the [`Rope`] of the same version of the text.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP (ropey with `cr_lines` and
//! without `unicode_lines`). Conversions never fail and never panic:
//! - a column past the end of its line means the end of the line (before its break);
//! - a line past the last line means the end of the text;
//! - a column inside a character (the middle of a surrogate pair in UTF-16, of a
//!   multi-byte sequence in UTF-8) means the start of that character;
//! - a byte offset inside a character is taken as the start of that character, one
//!   between the `\r` and `\n` of a line break as the end of its line;
//! - a line or column that is not a `u32` in the JSON of a `didChange` (a client
//!   bug) is first brought into range by [`clamp_coordinate`]: a negative number
//!   means 0, one above `u32::MAX` means `u32::MAX` (so the end of the line or of
//!   the text, by the rules above), a fraction is rounded down.

use std::ops::Range as StdRange;

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};
use vpc_ide::Span;

/// How columns are counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes.
    Utf8,
    /// UTF-16 code units: LSP's default.
    #[default]
    Utf16,
    /// Unicode scalar values.
    Utf32,
}

impl Encoding {
    /// Pick the encoding from what the client offers, in its order of preference
    /// among UTF-8 and UTF-16: UTF-8 whenever offered (no conversion needed then),
    /// else UTF-16, which every client must support.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }
}

/// A text of one version with the encoding its positions are counted in.
#[derive(Clone, Copy)]
pub struct Lines<'a> {
    pub rope: &'a Rope,
    pub encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(rope: &'a Rope, encoding: Encoding) -> Lines<'a> {
        Lines { rope, encoding }
    }

    /// The byte offset of an LSP position.
    pub fn offset(&self, position: Position) -> usize {
        let rope = self.rope;
        rope.char_to_byte(self.char_index(position))
    }

    /// The char index of an LSP position (for editing the rope).
    pub fn char_index(&self, position: Position) -> usize {
        let rope = self.rope;
        let line = position.line as usize;
        if line >= rope.len_lines() {
            return rope.len_chars();
        }
        let column = position.character as usize;
        let start = rope.line_to_char(line);
        let end = start + line_len_without_break(rope, line);
        match self.encoding {
            Encoding::Utf8 => {
                let start_byte = rope.char_to_byte(start);
                let end_byte = rope.char_to_byte(end);
                // `byte_to_char` rounds an offset inside a character down to it.
                rope.byte_to_char(start_byte.saturating_add(column).min(end_byte))
            }
            Encoding::Utf16 => {
                let base = rope.char_to_utf16_cu(start);
                let max = rope.char_to_utf16_cu(end);
                // Inside a surrogate pair, ropey gives the character holding it.
                rope.utf16_cu_to_char(base.saturating_add(column).min(max))
            }
            Encoding::Utf32 => start.saturating_add(column).min(end),
        }
    }

    /// The LSP position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let rope = self.rope;
        let mut char_index = rope.byte_to_char(offset.min(rope.len_bytes()));
        // Between `\r` and `\n`: the end of the line.
        if char_index > 0 && rope.get_char(char_index) == Some('\n') && rope.char(char_index - 1) == '\r' {
            char_index -= 1;
        }
        let line = rope.char_to_line(char_index);
        let start = rope.line_to_char(line);
        let column = match self.encoding {
            Encoding::Utf8 => rope.char_to_byte(char_index) - rope.char_to_byte(start),
            Encoding::Utf16 => rope.char_to_utf16_cu(char_index) - rope.char_to_utf16_cu(start),
            Encoding::Utf32 => char_index - start,
        };
        Position::new(to_u32(line), to_u32(column))
    }

    /// The byte span of an LSP range (ends swapped if reversed).
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }

    /// The LSP range of a byte span.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end.max(span.start)))
    }

    /// The char range of an LSP range, for `Rope::remove`/`insert` (ends swapped if reversed).
    pub fn char_range(&self, range: Range) -> StdRange<usize> {
        let (a, b) = (self.char_index(range.start), self.char_index(range.end));
        a.min(b)..a.max(b)
    }

    /// The pieces of a span, one per line it touches, each as (line, start column,
    /// length) in the encoding, line breaks left out; empty pieces are dropped.
    /// For semantic tokens, which must not span lines.
    pub fn line_pieces(&self, span: Span) -> Vec<(u32, u32, u32)> {
        let start = self.position(span.start);
        let end = self.position(span.end.max(span.start));
        let mut pieces = Vec::new();
        for line in start.line..=end.line {
            let from = if line == start.line { start.character } else { 0 };
            let to = if line == end.line { end.character } else { self.line_length(line as usize) };
            if to > from {
                pieces.push((line, from, to - from));
            }
        }
        pieces
    }

    /// The length of a line in the encoding, its break left out.
    pub fn line_length(&self, line: usize) -> u32 {
        let rope = self.rope;
        if line >= rope.len_lines() {
            return 0;
        }
        let start = rope.line_to_char(line);
        let end = start + line_len_without_break(rope, line);
        to_u32(match self.encoding {
            Encoding::Utf8 => rope.char_to_byte(end) - rope.char_to_byte(start),
            Encoding::Utf16 => rope.char_to_utf16_cu(end) - rope.char_to_utf16_cu(start),
            Encoding::Utf32 => end - start,
        })
    }

    /// The position at the end of the text.
    pub fn end(&self) -> Position {
        self.position(self.rope.len_bytes())
    }
}

/// The chars of a line without its break (`\n`, `\r\n` or `\r`).
fn line_len_without_break(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let n = slice.len_chars();
    match (n.checked_sub(2).map(|i| slice.char(i)), n.checked_sub(1).map(|i| slice.char(i))) {
        (Some('\r'), Some('\n')) => n - 2,
        (_, Some('\n' | '\r')) => n - 1,
        _ => n,
    }
}

/// A line or column number as sent in JSON, brought into `u32` (see the module
/// docs): negative → 0, above `u32::MAX` → `u32::MAX`, a fraction rounded down.
pub fn clamp_coordinate(n: &serde_json::Number) -> u32 {
    if let Some(n) = n.as_u64() {
        return u32::try_from(n).unwrap_or(u32::MAX);
    }
    if n.as_i64().is_some() {
        return 0; // negative
    }
    // A float (NaN cannot occur in JSON); `as` saturates at both ends.
    n.as_f64().map_or(0, |f| f.floor() as u32)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    /// Every byte offset of a char boundary, through a position and back.
    fn round_trip(text: &str, encoding: Encoding) {
        let rope = Rope::from_str(text);
        let lines = Lines::new(&rope, encoding);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let p = lines.position(offset);
            let back = lines.offset(p);
            let inside_crlf =
                offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n');
            if inside_crlf {
                assert_eq!(back, offset - 1, "{text:?} {offset} {encoding:?}");
            } else {
                assert_eq!(back, offset, "{text:?} {offset} {p:?} {encoding:?}");
            }
        }
    }

    #[test]
    fn coordinates_outside_u32_are_clamped() {
        let clamp = |json: &str| clamp_coordinate(&serde_json::from_str(json).unwrap());
        assert_eq!(clamp("7"), 7);
        assert_eq!(clamp("-1"), 0);
        assert_eq!(clamp("-9223372036854775808"), 0);
        assert_eq!(clamp("4294967296"), u32::MAX);
        assert_eq!(clamp("18446744073709551615"), u32::MAX);
        assert_eq!(clamp("2.9"), 2);
        assert_eq!(clamp("-0.5"), 0);
        assert_eq!(clamp("1e300"), u32::MAX);
    }

    #[test]
    fn negotiation_prefers_utf8_and_defaults_to_utf16() {
        use PositionEncodingKind as K;
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[K::UTF16])), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[K::UTF16, K::UTF8])), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&[K::UTF32])), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[])), Encoding::Utf16);
    }

    #[test]
    fn emoji_counts_two_utf16_units_four_bytes_one_scalar() {
        // `😀` is U+1F600: 4 bytes, 2 UTF-16 units, 1 scalar.
        let text = "a😀b";
        let rope = Rope::from_str(text);
        let b = text.find('b').unwrap();
        assert_eq!(Lines::new(&rope, Encoding::Utf16).position(b), pos(0, 3));
        assert_eq!(Lines::new(&rope, Encoding::Utf8).position(b), pos(0, 5));
        assert_eq!(Lines::new(&rope, Encoding::Utf32).position(b), pos(0, 2));
        assert_eq!(Lines::new(&rope, Encoding::Utf16).offset(pos(0, 3)), b);
        assert_eq!(Lines::new(&rope, Encoding::Utf8).offset(pos(0, 5)), b);
        assert_eq!(Lines::new(&rope, Encoding::Utf32).offset(pos(0, 2)), b);
    }

    #[test]
    fn cjk_is_three_bytes_one_utf16_unit() {
        let text = "pain 痛み \"x\"";
        let rope = Rope::from_str(text);
        let x = text.find('"').unwrap();
        assert_eq!(Lines::new(&rope, Encoding::Utf16).position(x), pos(0, 8));
        assert_eq!(Lines::new(&rope, Encoding::Utf8).position(x), pos(0, 12));
        assert_eq!(Lines::new(&rope, Encoding::Utf16).offset(pos(0, 8)), x);
    }

    #[test]
    fn middle_of_a_surrogate_pair_is_the_start_of_the_emoji() {
        // UTF-16 columns: é=0, 😀=1..3, x=3.
        let text = "é😀x";
        let rope = Rope::from_str(text);
        let lines = Lines::new(&rope, Encoding::Utf16);
        assert_eq!(lines.offset(pos(0, 1)), 2);
        assert_eq!(lines.offset(pos(0, 2)), 2, "mid-surrogate rounds down");
        assert_eq!(lines.offset(pos(0, 3)), 6);
        // Inside a UTF-8 sequence, likewise.
        let lines = Lines::new(&rope, Encoding::Utf8);
        assert_eq!(lines.offset(pos(0, 1)), 0);
        assert_eq!(lines.offset(pos(0, 4)), 2);
        // A byte offset inside a character maps to the character's position.
        assert_eq!(Lines::new(&rope, Encoding::Utf16).position(4), pos(0, 1));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "a\r\nb\rc\nd";
        let rope = Rope::from_str(text);
        let lines = Lines::new(&rope, Encoding::Utf16);
        assert_eq!(lines.position(text.find('b').unwrap()), pos(1, 0));
        assert_eq!(lines.position(text.find('c').unwrap()), pos(2, 0));
        assert_eq!(lines.position(text.find('d').unwrap()), pos(3, 0));
        assert_eq!(lines.offset(pos(2, 0)), text.find('c').unwrap());
        // The end of line 0 is before `\r\n`; between `\r` and `\n` is the end of the line too.
        assert_eq!(lines.offset(pos(0, 1)), 1);
        assert_eq!(lines.position(2), pos(0, 1));
        assert_eq!(lines.line_length(0), 1);
        assert_eq!(lines.line_length(1), 1);
    }

    #[test]
    fn past_the_end_of_a_line_is_its_end() {
        let text = "ab\r\ncd\n";
        let rope = Rope::from_str(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let lines = Lines::new(&rope, encoding);
            assert_eq!(lines.offset(pos(0, 99)), 2, "{encoding:?}");
            assert_eq!(lines.offset(pos(1, 3)), 6, "{encoding:?}");
            assert_eq!(lines.offset(pos(0, u32::MAX)), 2, "{encoding:?}");
        }
    }

    #[test]
    fn past_the_last_line_is_the_end_of_the_text() {
        let text = "ab\ncd";
        let rope = Rope::from_str(text);
        let lines = Lines::new(&rope, Encoding::Utf16);
        assert_eq!(lines.offset(pos(2, 0)), text.len());
        assert_eq!(lines.offset(pos(u32::MAX, u32::MAX)), text.len());
        assert_eq!(lines.position(999), pos(1, 2));
        assert_eq!(lines.end(), pos(1, 2));
        // After a final line break, the last line is the empty one after it.
        let rope = Rope::from_str("ab\n");
        let lines = Lines::new(&rope, Encoding::Utf16);
        assert_eq!(lines.end(), pos(1, 0));
        assert_eq!(lines.offset(pos(1, 5)), 3);
    }

    #[test]
    fn empty_text() {
        let rope = Rope::new();
        let lines = Lines::new(&rope, Encoding::Utf16);
        assert_eq!(lines.offset(pos(0, 0)), 0);
        assert_eq!(lines.offset(pos(3, 3)), 0);
        assert_eq!(lines.position(10), pos(0, 0));
        assert_eq!(lines.line_pieces(Span::new(0, 0)), vec![]);
    }

    #[test]
    fn ranges_and_reversed_ranges() {
        let text = "job a \"😀\"\n";
        let rope = Rope::from_str(text);
        let lines = Lines::new(&rope, Encoding::Utf16);
        let span = Span::new(6, 12);
        let range = lines.range(span);
        assert_eq!(range, Range::new(pos(0, 6), pos(0, 10)));
        assert_eq!(lines.span(range), span);
        assert_eq!(lines.span(Range::new(range.end, range.start)), span);
        assert_eq!(lines.char_range(range), 6..9);
    }

    #[test]
    fn pieces_split_at_line_breaks_in_every_encoding() {
        let text = "ab😀\r\ncd\rxyz";
        let rope = Rope::from_str(text);
        let all = Span::new(1, text.len() - 1);
        assert_eq!(Lines::new(&rope, Encoding::Utf16).line_pieces(all), vec![(0, 1, 3), (1, 0, 2), (2, 0, 2)]);
        assert_eq!(Lines::new(&rope, Encoding::Utf8).line_pieces(all), vec![(0, 1, 5), (1, 0, 2), (2, 0, 2)]);
        assert_eq!(Lines::new(&rope, Encoding::Utf32).line_pieces(all), vec![(0, 1, 2), (1, 0, 2), (2, 0, 2)]);
    }

    #[test]
    fn every_offset_round_trips() {
        for text in ["", "a", "é😀x\r\n痛み\rz\n", "\u{feff}canvas\r\n\r\n\n\r", "😀😀\n😀", "\r\r\n\n"] {
            for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                round_trip(text, encoding);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn random_text_round_trips(text in "(a|é|😀|痛|\r|\n|\r\n| ){0,40}") {
            for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                round_trip(&text, encoding);
            }
        }

        #[test]
        fn any_position_gives_a_char_boundary(text in "(a|é|😀|痛|\r|\n|\r\n){0,20}", line in 0u32..8, col in 0u32..12) {
            let rope = Rope::from_str(&text);
            for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                let offset = Lines::new(&rope, encoding).offset(pos(line, col));
                proptest::prop_assert!(text.is_char_boundary(offset));
            }
        }
    }
}

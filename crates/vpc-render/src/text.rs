//! Text helpers: XML escaping, estimated text widths and wrapping.
//!
//! The picture uses no external font, so widths are estimates for a common sans-serif
//! face (Helvetica, Arial, DejaVu Sans), on the generous side so that text stays
//! inside its segment whichever of them the viewer uses.

use unicode_segmentation::UnicodeSegmentation;

/// Escape text for XML (SVG, HTML) content and attribute values. Characters XML 1.0
/// does not allow (most control characters) become U+FFFD; tabs and line breaks
/// become spaces.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Is the character allowed in an XML 1.0 document?
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}' | '\t' | '\n' | '\r')
}

/// The estimated width of one character, in ems.
fn char_width(c: char) -> f64 {
    let cp = c as u32;
    match c {
        ' ' => 0.30,
        'i' | 'l' | 'j' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' | 'I' => 0.30,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '"' | '/' => 0.40,
        'm' | 'w' => 0.86,
        'M' | 'W' | '@' | '%' => 0.95,
        'A'..='Z' => 0.72,
        '0'..='9' => 0.60,
        'a'..='z' => 0.6,
        // Combining marks, joiners and variation selectors take no room.
        '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' => 0.0,
        _ if is_wide(cp) => 1.05,
        _ if cp < 0x80 => 0.6,
        // Other scripts: about a Latin letter (accented letters, Greek, Cyrillic, …).
        _ => 0.64,
    }
}

/// East Asian wide characters and emoji: about a square each.
fn is_wide(cp: u32) -> bool {
    matches!(cp,
        0x1100..=0x115F
        | 0x2600..=0x27BF
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F000..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// The estimated width of text at a font size, in the same unit as the size.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    ems(0.0, text) * font_size
}

/// `start` plus the widths of the characters of `text`, in ems, added one by one
/// (so that a width grown piece by piece equals the width measured at once).
fn ems(start: f64, text: &str) -> f64 {
    text.chars().fold(start, |sum, c| sum + char_width(c))
}

/// At most this many bytes of a text are measured and wrapped; the rest is never
/// shown (the widest place, three lines of a list, holds a few hundred characters).
/// It keeps the layout, which wraps each text many times, linear in the text.
pub const MEASURED_BYTES: usize = 1024;

/// The part of `text` that is measured: all of it up to [`MEASURED_BYTES`], else
/// the grapheme clusters that end within that many bytes (or, when the first one
/// alone is longer, its characters that do). The flag says whether text was left out.
pub(crate) fn measured(text: &str) -> (&str, bool) {
    if text.len() <= MEASURED_BYTES {
        return (text, false);
    }
    let mut end = MEASURED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // The last cluster may go on past the cut: it goes, unless it is all there is.
    match head.grapheme_indices(true).next_back() {
        Some((start, _)) if start > 0 => (&head[..start], true),
        _ => (head, true),
    }
}

/// Text broken into lines of at most `max_width` (estimated), at most `max_lines`
/// of them. Words are kept whole unless one is wider than a line, which is broken
/// between grapheme clusters. When the text does not fit, the last line ends with `…`
/// and the second value is `true`. Only the first [`MEASURED_BYTES`] are laid out.
pub fn wrap(text: &str, max_width: f64, font_size: f64, max_lines: usize) -> (Vec<String>, bool) {
    let max_lines = max_lines.max(1);
    let (text, left_out) = measured(text);
    let fits = |ems: f64| ems * font_size <= max_width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_ems = 0.0;
    for word in text.split_whitespace() {
        let with_word = if line.is_empty() { ems(0.0, word) } else { ems(line_ems + char_width(' '), word) };
        if fits(with_word) {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_ems = with_word;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a line is broken between grapheme clusters.
        line_ems = 0.0;
        for cluster in word.graphemes(true) {
            let with_cluster = ems(line_ems, cluster);
            if !fits(with_cluster) && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_ems = ems(0.0, cluster);
            } else {
                line_ems = with_cluster;
            }
            line.push_str(cluster);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() <= max_lines && !left_out {
        return (lines, false);
    }
    if lines.len() <= max_lines {
        // All that was measured fits, but there is more: the last line says so.
        let last = lines.pop().unwrap_or_default();
        lines.push(ellipsize(&last, max_width, font_size));
        return (lines, true);
    }
    let rest = lines.split_off(max_lines - 1).join(" ");
    lines.push(ellipsize(&rest, max_width, font_size));
    (lines, true)
}

/// The start of `text` with `…`, as wide as fits.
fn ellipsize(text: &str, max_width: f64, font_size: f64) -> String {
    let ellipsis = text_width("…", font_size);
    let mut end = 0;
    let mut width = 0.0;
    for (at, cluster) in text.grapheme_indices(true) {
        width = ems(width, cluster);
        if width * font_size + ellipsis > max_width {
            break;
        }
        end = at + cluster.len();
    }
    let mut out = text[..end].trim_end().trim_end_matches([',', ';', ':', '-']).trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_xml(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn replaces_characters_xml_cannot_hold() {
        assert_eq!(escape_xml("a\u{1}b\u{0}c\u{FFFF}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
        assert_eq!(escape_xml("line\nbreak\ttab"), "line break tab");
        assert_eq!(escape_xml("café 😀 日本"), "café 😀 日本");
    }

    #[test]
    fn wide_characters_are_wider() {
        assert!(text_width("日本語", 10.0) > text_width("abc", 10.0));
        assert!(text_width("WWW", 10.0) > text_width("iii", 10.0) * 2.0);
        assert_eq!(text_width("", 10.0), 0.0);
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let (lines, cut) = wrap("Organise a lovely wedding for the whole family", 100.0, 10.0, 5);
        assert!(!cut);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), "Organise a lovely wedding for the whole family");
        for line in &lines {
            assert!(text_width(line, 10.0) <= 100.0, "{line}");
        }
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        let (lines, cut) = wrap("one two three four five six seven eight nine ten", 60.0, 10.0, 2);
        assert!(cut);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(text_width(&lines[1], 10.0) <= 60.0);
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let (lines, cut) = wrap("Supercalifragilisticexpialidocious", 50.0, 10.0, 10);
        assert!(!cut);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), "Supercalifragilisticexpialidocious");
        // Even a line too narrow for one character holds one character: no endless loop.
        let (lines, _) = wrap("日本", 1.0, 10.0, 10);
        assert_eq!(lines, ["日", "本"]);
    }

    #[test]
    fn short_text_is_one_line_and_empty_text_none() {
        assert_eq!(wrap("Hi", 100.0, 10.0, 3), (vec!["Hi".to_string()], false));
        assert_eq!(wrap("  ", 100.0, 10.0, 3), (vec![], false));
    }

    #[test]
    fn only_a_bounded_start_is_measured() {
        assert_eq!(measured("short"), ("short", false));
        let long = "ab ".repeat(1000);
        let (head, cut) = measured(&long);
        assert!(cut && head.len() <= MEASURED_BYTES && long.starts_with(head));
        // Clusters are kept whole: a letter and its marks are in or out together.
        let zalgo = format!("a{}", "b\u{301}\u{302}\u{303}".repeat(400));
        let (head, cut) = measured(&zalgo);
        assert!(cut && head.ends_with('\u{303}') && head.len() <= MEASURED_BYTES);
        // One cluster longer than the limit is cut between its characters.
        let one = format!("a{}", "\u{301}".repeat(2000));
        let (head, cut) = measured(&one);
        assert!(cut && head.starts_with('a') && head.len() == MEASURED_BYTES - 1);
    }

    #[test]
    fn text_beyond_the_measured_start_is_cut_with_an_ellipsis() {
        // Zero-width marks: all that is measured fits on one line, yet there is more.
        let title = format!("a{}", "\u{301}".repeat(5000));
        let (lines, cut) = wrap(&title, 900.0, 28.0, 1);
        assert!(cut);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].starts_with('a') && lines[0].ends_with('…'));
        let (lines, cut) = wrap(&"word ".repeat(100_000), 300.0, 13.0, 3);
        assert!(cut);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…') && text_width(&lines[2], 13.0) <= 300.0, "{lines:?}");
    }
}

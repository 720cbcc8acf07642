//! Text helpers: XML escaping, estimated text widths and wrapping.
//!
//! The picture uses no external font, so widths are estimates for a common sans-serif
//! face (Helvetica, Arial, DejaVu Sans), on the generous side so that text stays
//! inside its segment whichever of them the viewer uses.

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
    text.chars().map(char_width).sum::<f64>() * font_size
}

/// Text broken into lines of at most `max_width` (estimated), at most `max_lines`
/// of them. Words are kept whole unless one is wider than a line. When the text
/// does not fit, the last line ends with `…` and the second value is `true`.
pub fn wrap(text: &str, max_width: f64, font_size: f64, max_lines: usize) -> (Vec<String>, bool) {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if text_width(&candidate, font_size) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a line is broken between characters.
        for c in word.chars() {
            line.push(c);
            if text_width(&line, font_size) > max_width && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() <= max_lines {
        return (lines, false);
    }
    let rest = lines.split_off(max_lines - 1).join(" ");
    lines.push(ellipsize(&rest, max_width, font_size));
    (lines, true)
}

/// The start of `text` with `…`, as wide as fits.
fn ellipsize(text: &str, max_width: f64, font_size: f64) -> String {
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, font_size) + text_width("…", font_size) > max_width {
            out.pop();
            break;
        }
    }
    let mut out = out.trim_end().trim_end_matches([',', ';', ':', '-']).trim_end().to_string();
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
}

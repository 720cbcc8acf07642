//! Text from a canvas file, a path or an argument, made safe to print on a terminal.
//!
//! A `.vpc` file is untrusted input: an ESC in a comment can retitle or reprogram the
//! terminal that shows it, a BEL rings, a lone CR overwrites what was printed, and
//! bidirectional controls can make a line read in an order other than the parser's
//! (the "Trojan Source" trick, CVE-2021-42574). Every text output of the `vpc` tools
//! therefore passes such text through [`escape`] (or [`escape_lines`] for text that is
//! printed line by line), which writes these characters as the language's own string
//! escape, `\u{…}` with upper-case hexadecimal digits:
//!
//! - every control character (Unicode category Cc: U+0000–U+001F, U+007F, U+0080–U+009F)
//!   except tab; ESC is shown as `\u{1B}`, NUL as `\u{0}`;
//! - U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which some tools take for
//!   line breaks although the language does not (only `\n`, `\r\n` and `\r` are);
//! - the bidirectional controls (Unicode property Bidi_Control): U+061C, U+200E,
//!   U+200F, U+202A–U+202E and U+2066–U+2069.
//!
//! Everything else, including a backslash, is printed as it is.

use std::borrow::Cow;

/// Whether a character is printed as a `\u{…}` escape (see the module documentation).
pub fn is_escaped(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200E}' | '\u{200F}')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Append a character as printed: itself, or its `\u{…}` escape.
pub fn push(out: &mut String, c: char) {
    if is_escaped(c) {
        use std::fmt::Write;
        let _ = write!(out, "\\u{{{:X}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// How many characters a character takes once printed (1, or the length of its escape).
pub fn printed_len(c: char) -> usize {
    if is_escaped(c) {
        // `\u{` + hex digits + `}`
        let digits = (32 - (c as u32 | 1).leading_zeros()).div_ceil(4) as usize;
        4 + digits
    } else {
        1
    }
}

/// Text with every character that [`is_escaped`] written as `\u{…}`; a line break too,
/// so the result is one line. Borrowed when nothing needed escaping (almost always).
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_except(text, None)
}

/// [`escape`], keeping each `\n` as a line break (for text printed line by line, such
/// as a diff); a `\r` is still escaped, so it cannot move the cursor back over a line.
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_except(text, Some('\n'))
}

fn escape_except(text: &str, kept: Option<char>) -> Cow<'_, str> {
    let needs = |c: char| is_escaped(c) && Some(c) != kept;
    let Some(first) = text.find(needs) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if needs(c) {
            push(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_separators_and_bidi_are_escaped() {
        assert_eq!(escape("a\u{1b}]0;pwned\u{7}b"), "a\\u{1B}]0;pwned\\u{7}b");
        assert_eq!(escape("nul\0 del\u{7f} c1\u{9b} nel\u{85}"), "nul\\u{0} del\\u{7F} c1\\u{9B} nel\\u{85}");
        assert_eq!(escape("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        assert_eq!(escape("x\u{202E}y\u{2066}z\u{200F}"), "x\\u{202E}y\\u{2066}z\\u{200F}");
        assert_eq!(escape("one\ntwo\r"), "one\\u{A}two\\u{D}");
        assert_eq!(escape_lines("one\ntwo\r\n"), "one\ntwo\\u{D}\n");
    }

    #[test]
    fn printable_text_is_kept_as_it_is() {
        let text = "tab\there, é 😀 \\u{1B} “quotes” \u{200D} \u{FEFF}";
        assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn printed_len_is_the_escape_length() {
        for c in ['\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{202E}', '\u{2028}', 'a', 'é', '😀', '\t'] {
            let mut out = String::new();
            push(&mut out, c);
            assert_eq!(printed_len(c), out.chars().count(), "{c:?}");
        }
    }
}

//! Hostile inputs: text that is mostly not `.vpc` at all, as a pull request may
//! bring. Each family repeats one pattern until the text has the size asked for;
//! lexing, parsing and analysing any of them must take time and memory in
//! proportion to the size (`vpc-syntax/tests/adversarial.rs` parses each at 1 MB).

/// The names of the families [`adversarial`] generates.
pub const FAMILIES: [&str; 17] = [
    "junk-lines",
    "junk-line",
    "deep-lists",
    "deep-lists-in-canvas",
    "open-braces",
    "close-braces",
    "quote-lines",
    "quote-lines-in-canvas",
    "canvas-keywords",
    "canvas-heads",
    "items-without-blocks",
    "keywords-without-heads",
    "long-identifier",
    "long-string",
    "unterminated-strings",
    "line-break-mix",
    "stray-words-in-items",
];

/// The head of a canvas that the junk of most families is put into, so that the
/// parser's recovery inside blocks is what gets exercised.
const CANVAS: &str = "canvas a \"A\" {\n";
const SEGMENT: &str = "canvas a \"A\" {\n  segment s \"S\" {\n";

/// A text of at least `bytes` bytes (and at most one pattern more) of the named
/// family.
///
/// # Panics
/// For a name not in [`FAMILIES`] (a mistake in the benchmark, not in its input).
///
/// - `junk-lines`: a canvas holding lines of one unreadable character, `@`;
/// - `junk-line`: a canvas holding one line of `@ @ @ …`;
/// - `deep-lists`: lines of `x: ` and 34 `[` (deeper than the lexer's cut), no canvas;
/// - `deep-lists-in-canvas`: the same inside a canvas;
/// - `open-braces`, `close-braces`: a canvas holding lines of `{`, of `}`;
/// - `quote-lines`: lines of a lone `"` (each an unterminated string), no canvas;
/// - `quote-lines-in-canvas`: the same inside a canvas;
/// - `canvas-keywords`: the word `canvas` on every line;
/// - `canvas-heads`: `canvas cN "T" {` on every line, none closed;
/// - `items-without-blocks`: a segment of `pain pN "P"` lines without attribute blocks;
/// - `keywords-without-heads`: a segment of lines holding only `pain`;
/// - `long-identifier`: a canvas holding one identifier of the whole size;
/// - `long-string`: a canvas holding one string literal of the whole size;
/// - `unterminated-strings`: a segment of items whose titles lack their closing `"`;
/// - `line-break-mix`: items and junk on lines ended by `\r\n`, `\r` and `\n` in turn;
/// - `stray-words-in-items`: a segment of items with a stray word and a `{ … }` after the title.
pub fn adversarial(family: &str, bytes: usize) -> String {
    let (head, pattern): (&str, &dyn Fn(usize) -> String) = match family {
        "junk-lines" => (CANVAS, &|_| "@\n".to_string()),
        "junk-line" => (CANVAS, &|_| "@ ".to_string()),
        "deep-lists" => ("", &|_| format!("x: {}\n", "[".repeat(34))),
        "deep-lists-in-canvas" => (CANVAS, &|_| format!("x: {}\n", "[".repeat(34))),
        "open-braces" => (CANVAS, &|_| "{\n".to_string()),
        "close-braces" => (CANVAS, &|_| "}\n".to_string()),
        "quote-lines" => ("", &|_| "\"\n".to_string()),
        "quote-lines-in-canvas" => (CANVAS, &|_| "\"\n".to_string()),
        "canvas-keywords" => ("", &|_| "canvas\n".to_string()),
        "canvas-heads" => ("", &|n| format!("canvas c{n} \"T\" {{\n")),
        "items-without-blocks" => (SEGMENT, &|n| format!("    pain p{n} \"P\"\n")),
        "keywords-without-heads" => (SEGMENT, &|_| "    pain\n".to_string()),
        "long-identifier" => (CANVAS, &|_| "a".repeat(64)),
        "long-string" => ("canvas a \"A\" {\n\"", &|_| "a".repeat(64)),
        "unterminated-strings" => (SEGMENT, &|n| format!("    pain p{n} \"P {{ severity: light }}\n")),
        "line-break-mix" => (SEGMENT, &|n| {
            let end = ["\r\n", "\r", "\n"][n % 3];
            format!("    pain p{n} \"P\" {{ severity: light }}{end}  @ x{end}")
        }),
        "stray-words-in-items" => (SEGMENT, &|n| format!("    pain p{n} \"P\" x {{ severity: light }}\n")),
        _ => panic!("no adversarial family `{family}`; the families are {FAMILIES:?}"),
    };
    let mut out = String::with_capacity(bytes + 128);
    out.push_str(head);
    let mut n = 0;
    while out.len() < bytes {
        out.push_str(&pattern(n));
        n += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_has_the_size_asked_for() {
        for family in FAMILIES {
            let text = adversarial(family, 10_000);
            assert!((10_000..10_200).contains(&text.len()), "{family}: {}", text.len());
        }
    }
}

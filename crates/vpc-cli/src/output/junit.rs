//! `--format junit`: a JUnit XML report, for the test views of GitLab, Jenkins and
//! other CI servers.
//!
//! ```xml
//! <testsuites name="vpc check" tests="2" failures="1" errors="0" time="0">
//!   <testsuite name="examples/wedding.vpc" tests="1" failures="1" errors="0" skipped="0" time="0">
//!     <testcase name="unrelieved-pain" classname="examples/wedding" file="examples/wedding.vpc" time="0">
//!       <failure type="warning" message="pain `invites` (moderate) is not relieved by any reliever">…</failure>
//!     </testcase>
//!   </testsuite>
//!   …
//! ```
//!
//! - One `<testsuite>` per file checked, named by its path as given on the command line
//!   (like `--format json`), in path order.
//! - One `<testcase>` per diagnostic code that fired in the file, in the order of its first
//!   occurrence, named by the code. A test per code rather than per diagnostic keeps the
//!   names stable when lines move, so that GitLab's "new / fixed" comparison and Jenkins'
//!   history of a test follow the same problem across commits. Its `classname` is the
//!   path without the `.vpc` extension (Jenkins reads a dot in a class name as a package
//!   separator), and `file` is the path.
//! - Errors and warnings fail their test case: one `<failure type="error|warning">` whose
//!   `message` is the diagnostic's message (or, for several, their count and the code's
//!   summary) and whose text lists every occurrence as `path:line:column: severity[code]:
//!   message`, with its help and the link to the code's docs. Infos do not fail: their
//!   test case passes and lists them in `<system-out>`.
//! - A file without diagnostics gets one passing test case, `vpc check`.
//!
//! Text is escaped for XML 1.0; characters XML cannot hold (most control characters)
//! become U+FFFD.

use std::fmt::Write as _;

use vpc_model::{Code, Diagnostic, Severity};

use super::{Out, message_with_help, plural, position};
use crate::check::Checked;

pub(super) fn write(out: Out<'_>, checked: &[Checked]) -> std::io::Result<()> {
    let suites: Vec<Suite> = checked.iter().map(suite).collect();
    let tests: usize = suites.iter().map(|s| s.cases.len()).sum();
    let failures: usize = suites.iter().map(Suite::failures).sum();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"vpc check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" time=\"0\">"
    );
    for s in &suites {
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"0\">",
            attribute(&s.path),
            s.cases.len(),
            s.failures()
        );
        for case in &s.cases {
            let _ = write!(
                xml,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" time=\"0\"",
                attribute(&case.name),
                attribute(&s.class),
                attribute(&s.path)
            );
            match &case.outcome {
                Outcome::Pass => xml.push_str("/>\n"),
                Outcome::Notes(notes) => {
                    let _ = writeln!(xml, ">\n      <system-out>{}</system-out>\n    </testcase>", text(notes));
                }
                Outcome::Failure { kind, message, details } => {
                    let _ = writeln!(
                        xml,
                        ">\n      <failure type=\"{kind}\" message=\"{}\">{}</failure>\n    </testcase>",
                        attribute(message),
                        text(details)
                    );
                }
            }
        }
        xml.push_str("  </testsuite>\n");
    }
    xml.push_str("</testsuites>\n");
    out.write_all(xml.as_bytes())
}

struct Suite {
    path: String,
    class: String,
    cases: Vec<Case>,
}

impl Suite {
    fn failures(&self) -> usize {
        self.cases.iter().filter(|c| matches!(c.outcome, Outcome::Failure { .. })).count()
    }
}

struct Case {
    name: String,
    outcome: Outcome,
}

enum Outcome {
    Pass,
    Notes(String),
    Failure { kind: &'static str, message: String, details: String },
}

fn suite(c: &Checked) -> Suite {
    let path = c.path.display().to_string();
    let class = match c.path.extension() {
        Some(ext) if ext == "vpc" => c.path.with_extension("").display().to_string(),
        _ => path.clone(),
    };
    // Codes in the order they first occur, each with its diagnostics.
    let mut by_code: Vec<(Code, Vec<&Diagnostic>)> = Vec::new();
    for d in &c.analysis.diagnostics {
        match by_code.iter_mut().find(|(code, _)| *code == d.code) {
            Some((_, list)) => list.push(d),
            None => by_code.push((d.code, vec![d])),
        }
    }
    let lines = vpc_syntax::LineIndex::new(&c.text);
    let mut cases: Vec<Case> = by_code
        .into_iter()
        .map(|(code, diagnostics)| {
            let mut details = String::new();
            for d in &diagnostics {
                let (line, column) = position(&lines, &c.text, d.span.start);
                let _ = writeln!(
                    details,
                    "{path}:{line}:{column}: {}[{code}]: {}",
                    d.severity.as_str(),
                    message_with_help(d)
                );
            }
            // Every diagnostic of a code in one file has the same level (that of its vpc.toml);
            // the worst one decides all the same.
            let severity = diagnostics.iter().map(|d| d.severity).max().unwrap_or(Severity::Info);
            let outcome = if severity == Severity::Info {
                Outcome::Notes(details)
            } else {
                let _ = writeln!(details, "see {}", code.url());
                let message = match diagnostics.as_slice() {
                    [one] => one.message.clone(),
                    many => format!("{}: {}", plural(many.len(), severity.as_str()), code.summary()),
                };
                Outcome::Failure { kind: severity.as_str(), message, details }
            };
            Case { name: code.as_str().to_string(), outcome }
        })
        .collect();
    if cases.is_empty() {
        cases.push(Case { name: "vpc check".to_string(), outcome: Outcome::Pass });
    }
    Suite { path, class, cases }
}

/// Escape text content.
fn text(s: &str) -> String {
    escape(s, false)
}

/// Escape an attribute value (double-quoted); line breaks and tabs as character
/// references, so that attribute-value normalisation keeps them.
fn attribute(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            // A CR would be read back as a line feed, in text too.
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(ch),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// The characters XML 1.0 allows (production `Char`), less those handled above.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(text("a < b && c > \"d\"\r\n"), "a &lt; b &amp;&amp; c &gt; \"d\"&#13;\n");
        assert_eq!(attribute("\"x\"\n\ty 💍"), "&quot;x&quot;&#10;&#9;y 💍");
        assert_eq!(text("bell\u{7} nul\u{0} \u{FFFF}"), "bell\u{FFFD} nul\u{FFFD} \u{FFFD}");
    }
}

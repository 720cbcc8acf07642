//! Puts the comments back among the lines and writes the text: indentation, blank
//! lines, line breaks.
//!
//! A comment is placed by the tokens around it in the source:
//! - an end-of-line comment goes at the end of the output line that holds the token
//!   before it, if that token ends the line (and the line has no comment yet);
//!   otherwise (the line goes on after that token) it goes on its own line above;
//! - an own-line comment goes on its own line above the output line that holds the
//!   token after it, indented like that line, or one level deeper when that line
//!   closes a block (the comment was the last thing inside); with no token after
//!   it, it goes at the end of the file.
//!
//! A blank line comes before a line where the source had one, except inside
//! attribute blocks and lists, after `{` and before `}`; and always between canvases.

use vpc_syntax::{Comment, Span};

use crate::FormatOptions;
use crate::layout::{Line, LineKind};

/// A comment to write on its own line.
struct OwnLine<'c> {
    text: &'c str,
    start: usize,
}

/// Where each comment goes.
struct Placement<'c> {
    /// Own-line comments to write above each line, in source order.
    above: Vec<Vec<OwnLine<'c>>>,
    /// The end-of-line comment of each line.
    trailing: Vec<Option<&'c str>>,
    /// Own-line comments after the last token of the file.
    at_end: Vec<OwnLine<'c>>,
}

/// A token written on an output line.
struct Anchor {
    span: Span,
    line: usize,
    /// The last token of its line.
    last: bool,
}

pub(crate) fn render(src: &str, options: &FormatOptions, lines: Vec<Line>, comments: &[Comment]) -> String {
    let placement = place_comments(src, &lines, comments);
    let mut writer = Writer {
        out: String::with_capacity(src.len() + src.len() / 8),
        newline: if first_line_break_is_crlf(src) { "\r\n" } else { "\n" },
        indent: options.indent,
        prev: None,
    };
    if src.starts_with('\u{feff}') {
        writer.out.push('\u{feff}');
    }
    for (i, line) in lines.iter().enumerate() {
        let first_token = line.tokens.first().map(|s| s.start);
        let mut line_blank = first_token.is_some_and(|start| blank_line_before(src, start));
        let (depth, kind) = comment_slot(line);
        for comment in &placement.above[i] {
            let mut blank = blank_line_before(src, comment.start);
            // A comment from inside the line (after its first token) is moved above it,
            // and takes the blank line that was before the line with it.
            if first_token.is_some_and(|start| comment.start > start) && line_blank {
                blank = true;
                line_blank = false;
            }
            writer.line(Row::comment(depth, kind, comment.text), blank);
        }
        let row = Row {
            depth: line.depth,
            kind: line.kind,
            text: &line.text,
            trailing: placement.trailing[i],
            opens_block: line.opens_block,
            closes_canvas: line.closes_canvas,
        };
        writer.line(row, line_blank);
    }
    for comment in &placement.at_end {
        let blank = blank_line_before(src, comment.start);
        writer.line(Row::comment(0, LineKind::Member, comment.text), blank);
    }
    writer.out
}

fn place_comments<'c>(src: &str, lines: &[Line], comments: &'c [Comment]) -> Placement<'c> {
    let mut anchors: Vec<Anchor> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, line)| {
            let n = line.tokens.len();
            line.tokens.iter().enumerate().map(move |(j, &span)| Anchor { span, line: i, last: j + 1 == n })
        })
        .collect();
    anchors.sort_by_key(|a| (a.span.start, a.span.end));

    let mut placement = Placement {
        above: lines.iter().map(|_| Vec::new()).collect(),
        trailing: vec![None; lines.len()],
        at_end: Vec::new(),
    };
    for comment in comments {
        let text = comment.text.trim_end();
        let own_line = OwnLine { text, start: comment.span.start };
        if !starts_line(src, comment.span.start) {
            let before = anchors.partition_point(|a| a.span.end <= comment.span.start);
            if let Some(anchor) = before.checked_sub(1).map(|i| &anchors[i]) {
                if anchor.last && placement.trailing[anchor.line].is_none() {
                    placement.trailing[anchor.line] = Some(text);
                } else {
                    placement.above[anchor.line].push(own_line);
                }
                continue;
            }
        }
        let after = anchors.partition_point(|a| a.span.start < comment.span.end);
        match anchors.get(after) {
            Some(anchor) => placement.above[anchor.line].push(own_line),
            None => placement.at_end.push(own_line),
        }
    }
    placement
}

/// Indentation and kind of a comment written above `line`.
fn comment_slot(line: &Line) -> (usize, LineKind) {
    match line.kind {
        LineKind::Canvas => (0, LineKind::Canvas),
        LineKind::Member | LineKind::Inner => (line.depth, line.kind),
        LineKind::BlockClose => (line.depth + 1, LineKind::Member),
        LineKind::InnerClose => (line.depth + 1, LineKind::Inner),
    }
}

/// What the writer needs to know about the line before.
#[derive(Clone, Copy)]
struct Prev {
    opens_block: bool,
    closes_canvas: bool,
}

/// One line to write.
struct Row<'t> {
    depth: usize,
    kind: LineKind,
    text: &'t str,
    trailing: Option<&'t str>,
    opens_block: bool,
    closes_canvas: bool,
}

impl<'t> Row<'t> {
    fn comment(depth: usize, kind: LineKind, text: &'t str) -> Row<'t> {
        Row { depth, kind, text, trailing: None, opens_block: false, closes_canvas: false }
    }
}

struct Writer {
    out: String,
    newline: &'static str,
    indent: usize,
    prev: Option<Prev>,
}

impl Writer {
    /// Write one line; `source_blank` says whether the source had a blank line before it.
    fn line(&mut self, row: Row<'_>, source_blank: bool) {
        let blank = match self.prev {
            None => false,
            Some(prev) => match row.kind {
                LineKind::Inner | LineKind::InnerClose | LineKind::BlockClose => false,
                _ if prev.opens_block => false,
                LineKind::Canvas if prev.closes_canvas => true,
                _ => source_blank,
            },
        };
        if blank {
            self.out.push_str(self.newline);
        }
        self.out.extend(std::iter::repeat_n(' ', row.depth * self.indent));
        self.out.push_str(row.text);
        if let Some(comment) = row.trailing {
            self.out.push(' ');
            self.out.push_str(comment);
        }
        self.out.push_str(self.newline);
        self.prev = Some(Prev { opens_block: row.opens_block, closes_canvas: row.closes_canvas });
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{c}')
}

/// Whether only spaces stand between the start of its line and `offset`.
fn starts_line(src: &str, offset: usize) -> bool {
    let before = src.get(..offset).unwrap_or_default().trim_end_matches(is_space);
    before.is_empty() || before == "\u{feff}" || before.ends_with(['\n', '\r'])
}

/// Whether the whitespace right before `offset` holds a blank line.
fn blank_line_before(src: &str, offset: usize) -> bool {
    let before = src.get(..offset).unwrap_or_default();
    let gap = &before[before.trim_end_matches(|c: char| is_space(c) || c == '\n' || c == '\r').len()..];
    let breaks = gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count();
    breaks >= 2
}

fn first_line_break_is_crlf(src: &str) -> bool {
    src.find(['\n', '\r']).is_some_and(|i| src[i..].starts_with("\r\n"))
}

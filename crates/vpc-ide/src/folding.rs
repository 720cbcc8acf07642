//! Folding ranges: blocks, multi-line attribute blocks and lists, runs of comment lines.

use vpc_syntax::{Block, Member, Span, Value};

use crate::file::File;

/// A range the editor can fold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    /// From the `{` or `[` to the `}` or `]` (or to the end of what was read, when it
    /// is not closed); for comments, from the first `//` to the end of the last comment.
    pub span: Span,
    /// A run of comment lines (else a block, attribute block or list).
    pub is_comment: bool,
}

/// Every range that spans more than one line, in source order.
pub fn folding_ranges(file: &File) -> Vec<Fold> {
    let mut out = Vec::new();
    let mut push = |span: Span| {
        if !file.same_line(span.start, span.end) {
            out.push(Fold { span, is_comment: false });
        }
    };
    fn value(v: &Value, push: &mut dyn FnMut(Span)) {
        if let Value::List(list) = v {
            push(list.span);
            list.items.iter().for_each(|v| value(v, push));
        }
    }
    fn block(b: &Block, push: &mut dyn FnMut(Span)) {
        let open = b.l_brace.map_or(b.span.start, |l| l.start);
        push(Span::new(open, b.span.end));
        for member in &b.members {
            match member {
                Member::Block(inner) => block(inner, push),
                Member::Attribute(a) => value(&a.value, push),
                Member::Item(item) => {
                    if let Some(attrs) = &item.attributes {
                        push(attrs.span);
                        attrs.attributes.iter().for_each(|a| value(&a.value, push));
                    }
                }
            }
        }
    }
    for canvas in &file.parse.file.canvases {
        block(canvas, &mut push);
    }
    // Runs of comments that are alone on their lines, on consecutive lines.
    let own_line: Vec<Span> = file
        .comments
        .iter()
        .copied()
        .filter(|c| file.slice(Span::new(file.line_start(c.start), c.start)).trim().is_empty())
        .collect();
    let mut run: Option<(Span, usize, usize)> = None; // (span, first line, last line)
    let flush = |run: Option<(Span, usize, usize)>, out: &mut Vec<Fold>| {
        if let Some((span, first, last)) = run
            && last > first
        {
            out.push(Fold { span, is_comment: true });
        }
    };
    for c in own_line {
        let line = file.line_index.line_of(c.start);
        run = match run {
            Some((span, first, last)) if line == last + 1 => Some((span.cover(c), first, line)),
            other => {
                flush(other, &mut out);
                Some((c, line, line))
            }
        };
    }
    flush(run, &mut out);
    out.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    out
}

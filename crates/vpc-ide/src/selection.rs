//! Selection ranges: what "expand selection" grows to, step by step.

use vpc_syntax::{Block, Member, Span, Value};

use crate::file::File;

/// The ranges around `offset`, innermost first, each holding the one before: the
/// token, the list element or value, the attribute, the attribute block, the item,
/// the section, the canvas, the whole file.
pub fn selection_ranges(file: &File, offset: usize) -> Vec<Span> {
    let offset = file.clamp(offset);
    let mut outer: Vec<Span> = vec![Span::new(0, file.text.len())];
    if let Some(canvas) = file.parse.file.canvases.iter().find(|c| c.span.touches(offset)) {
        block(canvas, offset, &mut outer);
    }
    if let Some(comment) = file.comment_at(offset).or_else(|| file.comments.iter().copied().find(|c| c.touches(offset)))
    {
        outer.push(comment);
    } else if let Some((_, token)) = file.token_at(offset) {
        outer.push(token.span());
    }
    // Innermost first, each range inside the next, no repeats.
    let mut out: Vec<Span> = Vec::new();
    for span in outer.into_iter().rev() {
        match out.last() {
            Some(last) if *last == span => {}
            Some(last) if !(span.start <= last.start && last.end <= span.end) => {}
            _ => out.push(span),
        }
    }
    out
}

fn block(b: &Block, offset: usize, out: &mut Vec<Span>) {
    out.push(b.span);
    for member in &b.members {
        if !member.span().touches(offset) {
            continue;
        }
        match member {
            Member::Block(inner) => block(inner, offset, out),
            Member::Attribute(a) => {
                out.push(a.span);
                value(&a.value, offset, out);
            }
            Member::Item(item) => {
                out.push(item.span);
                if let Some(attrs) = item.attributes.as_ref().filter(|a| a.span.touches(offset)) {
                    out.push(attrs.span);
                    if let Some(a) = attrs.attributes.iter().find(|a| a.span.touches(offset)) {
                        out.push(a.span);
                        value(&a.value, offset, out);
                    }
                }
            }
        }
        return;
    }
}

fn value(v: &Value, offset: usize, out: &mut Vec<Span>) {
    if !v.span().touches(offset) {
        return;
    }
    out.push(v.span());
    if let Value::List(list) = v
        && let Some(inner) = list.items.iter().find(|i| i.span().touches(offset))
    {
        value(inner, offset, out);
    }
}

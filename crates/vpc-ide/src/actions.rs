//! Code actions: quick fixes for diagnostics.

use vpc_model::{Canvas, Code, Definition, ItemId, SectionId};
use vpc_syntax::schema;
use vpc_syntax::{Attribute, Block, BlockKind, Item, ItemKind, Member, Span, Value};

use crate::TextEdit;
use crate::file::{Def, File, Occurrence};

/// A change the editor offers to make, e.g. "Add `severity: severe`".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    /// The diagnostic it fixes: its code and span.
    pub diagnostic: Option<(Code, Span)>,
    pub edits: Vec<TextEdit>,
    /// The fix to apply when the user asks for "the" fix.
    pub is_preferred: bool,
}

/// The quick fixes for the diagnostics that overlap `range` (or touch it), each a set
/// of edits after which its diagnostic is gone:
///
/// - `unranked-job`, `unranked-pain`, `unranked-gain`: add the rank, one action per level;
/// - `unrelieved-pain`, `uncreated-gain`: add a reliever or creator stub that covers it
///   (to the canvas's first value map, or to a new one at the end of the canvas);
/// - `unserved-job`: serve the job with a product, one action per product of the
///   canvas (adding the job to its `serves:`), or add a product stub that serves it
///   when the canvas has no product;
/// - `unrelieved-pain`, `uncreated-gain`, `unserved-job`: let the item go (add the
///   code to the item's own `allow:`, which takes it out of the fit);
/// - `unknown-reference`: replace the name with the nearest one of the right kind;
/// - `unknown-attribute`: remove the attribute (and its comma);
/// - `duplicate-id`: rename the second definition to a free identifier;
/// - other lints about one item (ranks, dangling relievers and creators,
///   under-served outcomes): allow the code on the item.
///
/// At most [`MAX_CODE_ACTIONS`] are returned, those of the first diagnostics in the
/// range. Each diagnostic's fixes take time independent of the size of the file
/// (its item and names are found through sorted indexes), so a request over a whole
/// file costs one pass over its diagnostics.
pub fn code_actions(file: &File, range: Span) -> Vec<CodeAction> {
    let mut out = Vec::new();
    // The diagnostics are sorted by where they start.
    for d in file.diagnostics().iter().take_while(|d| d.span.start <= range.end) {
        if out.len() >= MAX_CODE_ACTIONS {
            break;
        }
        if range.start > d.span.end {
            continue;
        }
        let fix = Fix { file, code: d.code, span: d.span };
        match d.code {
            Code::UnrankedJob | Code::UnrankedPain | Code::UnrankedGain => fix.add_rank(&mut out),
            Code::UnrelievedPain => fix.add_stub(ItemKind::Reliever, &mut out),
            Code::UncreatedGain => fix.add_stub(ItemKind::Creator, &mut out),
            Code::UnservedJob => fix.serve_job(&mut out),
            Code::UnknownReference => fix.replace_reference(&mut out),
            Code::UnknownAttribute => fix.remove_attribute(&mut out),
            Code::DuplicateId => fix.rename_duplicate(&mut out),
            _ => {}
        }
        if matches!(
            d.code,
            Code::UnrankedJob
                | Code::UnrankedPain
                | Code::UnrankedGain
                | Code::DanglingReliever
                | Code::DanglingCreator
                | Code::UnderservedOutcome
        ) {
            fix.allow(&mut out);
        }
        if matches!(d.code, Code::UnrelievedPain | Code::UncreatedGain | Code::UnservedJob) {
            fix.let_go(&mut out);
        }
    }
    out.truncate(MAX_CODE_ACTIONS);
    out
}

/// The most code actions one request gets: a selection over a whole file with
/// thousands of diagnostics would otherwise be answered with thousands of fixes
/// (megabytes of reply), more than any editor shows.
pub const MAX_CODE_ACTIONS: usize = 100;

/// The identifiers whose span is exactly `span` (the occurrences are sorted).
fn occurrences_at(file: &File, span: Span) -> impl Iterator<Item = &Occurrence> {
    let key = (span.start, span.end);
    let first = file.occurrences.partition_point(|o| (o.span.start, o.span.end) < key);
    file.occurrences[first..].iter().take_while(move |o| o.span == span)
}

/// The item whose name (its identifier, else its keyword) is at `span`, as a canvas
/// index and an item id.
fn item_named(file: &File, span: Span) -> Option<(usize, ItemId)> {
    if let Some((c, id)) = occurrences_at(file, span).find_map(|o| match o.def {
        Some(Def::Item(c, id)) if o.is_definition => Some((c, id)),
        _ => None,
    }) {
        return Some((c, id));
    }
    // An item without identifier, by its keyword: canvases and their items are in
    // source order; two canvases can touch the offset, the end of one and the start
    // of the next.
    let canvases = &file.analysis.canvases;
    let first = canvases.partition_point(|c| c.span.end < span.start);
    canvases.iter().enumerate().skip(first).take(2).filter(|(_, c)| c.span.touches(span.start)).find_map(
        |(c, canvas)| {
            let i = canvas.items.partition_point(|i| i.keyword.start < span.start);
            let i = Some(i)
                .filter(|&i| canvas.items.get(i).is_some_and(|item| item.name_span() == span))
                .or_else(|| canvas.items.iter().position(|item| item.name_span() == span))?;
            Some((c, ItemId(i as u32)))
        },
    )
}

struct Fix<'a> {
    file: &'a File,
    code: Code,
    span: Span,
}

impl Fix<'_> {
    fn action(&self, title: String, edits: Vec<TextEdit>, is_preferred: bool) -> CodeAction {
        CodeAction { title, diagnostic: Some((self.code, self.span)), edits, is_preferred }
    }

    /// The item the diagnostic is about (it sits on the item's identifier or keyword).
    fn item(&self) -> Option<(usize, ItemId, &Canvas, &Item)> {
        let (c, id) = item_named(self.file, self.span)?;
        Some((c, id, self.file.canvas(c)?, self.file.item_node(c, id)?))
    }

    fn add_rank(&self, out: &mut Vec<CodeAction>) {
        let Some((_, _, _, node)) = self.item() else { return };
        let Some((key, scale)) = schema::rank(node.kind) else { return };
        for word in scale {
            let edit = add_attribute(self.file, node, &format!("{key}: {word}"));
            out.push(self.action(format!("Add `{key}: {word}`"), vec![edit], false));
        }
    }

    fn allow(&self, out: &mut Vec<CodeAction>) {
        let Some((_, _, _, node)) = self.item() else { return };
        let code = self.code.as_str();
        let edit = match node.attributes().iter().rev().find(|a| a.key.text == "allow") {
            None => add_attribute(self.file, node, &format!("allow: {code}")),
            Some(a) => match &a.value {
                Value::List(list) => match list.items.last() {
                    Some(last) => TextEdit::insert(last.span().end, format!(", {code}")),
                    None => TextEdit::replace(list.span, format!("[{code}]")),
                },
                Value::Missing(span) => TextEdit::replace(*span, format!(" {code}")),
                other => TextEdit::replace(other.span(), format!("[{}, {code}]", self.file.slice(other.span()))),
            },
        };
        out.push(self.action(format!("Allow `{code}` on this {}", node.kind), vec![edit], false));
    }

    fn add_stub(&self, kind: ItemKind, out: &mut Vec<CodeAction>) {
        let Some((c, id, canvas, node)) = self.item() else { return };
        let Some(name) = &node.id else { return };
        // Only the first definition of a name can be referred to.
        if canvas.lookup(&name.text) != Some(Definition::Item(id)) {
            return;
        }
        let (key, verb) = match kind {
            ItemKind::Reliever => ("relieves", "relieve"),
            _ => ("creates", "create"),
        };
        let new_id = free_id(canvas, &format!("{verb}-{}", name.text));
        let title = vpc_syntax::lexer::escape(&format!("How we {verb}: {}", canvas.item(id).title));
        let stub = format!("{kind} {new_id} \"{title}\" {{ {key}: {} }}", name.text);
        let Some(edit) = self.insert_into_value_map(c, canvas, &stub) else { return };
        let what = if kind == ItemKind::Reliever { "pain" } else { "gain" };
        out.push(self.action(format!("Add a {kind} that {key} this {what} (`{new_id}`)"), vec![edit], true));
    }

    /// Let an open job, pain or gain go: its code in the item's own `allow:`.
    fn let_go(&self, out: &mut Vec<CodeAction>) {
        let Some((_, _, _, node)) = self.item() else { return };
        let code = self.code.as_str();
        let edit = add_to_list(self.file, node, "allow", code);
        out.push(self.action(format!("Let this {} go (`allow: {code}`)", node.kind), vec![edit], false));
    }

    /// Serve an unserved job with one of the canvas's products, or with a new one.
    fn serve_job(&self, out: &mut Vec<CodeAction>) {
        let Some((c, id, canvas, node)) = self.item() else { return };
        let Some(name) = &node.id else { return };
        // Only the first definition of a name can be referred to.
        if canvas.lookup(&name.text) != Some(Definition::Item(id)) {
            return;
        }
        let products: Vec<ItemId> = canvas.items_of(ItemKind::Product).map(|(p, _)| p).collect();
        if products.is_empty() {
            let new_id = free_id(canvas, &format!("{}-product", name.text));
            let title = vpc_syntax::lexer::escape(&format!("How we help: {}", canvas.item(id).title));
            let stub = format!("product {new_id} \"{title}\" {{ serves: {} }}", name.text);
            let Some(edit) = self.insert_into_value_map(c, canvas, &stub) else { return };
            out.push(self.action(format!("Add a product that serves this job (`{new_id}`)"), vec![edit], true));
            return;
        }
        let only_one = products.len() == 1;
        for p in products {
            let Some(product) = self.file.item_node(c, p) else { continue };
            let edit = add_to_list(self.file, product, "serves", &name.text);
            out.push(self.action(format!("Serve this job with {}", canvas.item(p).label()), vec![edit], only_one));
        }
    }

    /// The edit that adds `member` to the canvas's first value map, or to a new one
    /// at the end of the canvas.
    fn insert_into_value_map(&self, c: usize, canvas: &Canvas, member: &str) -> Option<TextEdit> {
        let canvas_node = self.file.canvas_block(c)?;
        let value_map = canvas
            .sections
            .iter()
            .enumerate()
            .find(|(_, s)| s.kind == BlockKind::ValueMap)
            .and_then(|(s, _)| self.file.section_node(c, SectionId(s as u32)));
        Some(match value_map {
            Some(block) => insert_member(self.file, block, member),
            None => {
                let indent = self.file.indent_at(canvas_node.keyword.start).to_string();
                let unit = "  ";
                let text = format!("value-map {{\n{indent}{unit}{unit}{member}\n{indent}{unit}}}");
                let mut edit = insert_member(self.file, canvas_node, &text);
                // A blank line between the segment and the new value map.
                if canvas_node.r_brace.is_some() && edit.new_text.starts_with(&format!("{indent}{unit}value-map")) {
                    edit.new_text.insert(0, '\n');
                }
                edit
            }
        })
    }

    fn replace_reference(&self, out: &mut Vec<CodeAction>) {
        let found = occurrences_at(self.file, self.span).find_map(|o| Some((o.canvas, o.reference?)));
        let Some((c, r)) = found else { return };
        let Some(canvas) = self.file.canvas(c) else { return };
        let Some(r) = canvas.references.get(r) else { return };
        let candidates = canvas.items_of(r.expects).filter_map(|(_, i)| i.id.as_ref()).map(|id| id.text.as_str());
        if let Some(near) = vpc_model::lints::nearest(&r.name.text, candidates) {
            out.push(self.action(format!("Replace with `{near}`"), vec![TextEdit::replace(self.span, near)], true));
        }
    }

    fn remove_attribute(&self, out: &mut Vec<CodeAction>) {
        let file = self.file;
        // The attribute and its siblings on the same item or block.
        let mut groups: Vec<Vec<&Attribute>> = Vec::new();
        for canvas in &file.parse.file.canvases {
            if !canvas.span.touches(self.span.start) {
                continue;
            }
            groups.push(canvas.attributes().collect());
            for member in &canvas.members {
                match member {
                    Member::Block(section) => {
                        groups.push(section.attributes().collect());
                        groups.extend(section.items().map(|i| i.attributes().iter().collect()));
                    }
                    Member::Item(i) => groups.push(i.attributes().iter().collect()),
                    Member::Attribute(_) => {}
                }
            }
        }
        let found = groups.into_iter().find_map(|siblings| {
            let n = siblings.iter().position(|a| a.key.span == self.span)?;
            Some((siblings[n], n, siblings))
        });
        let Some((attribute, n, siblings)) = found else { return };
        let span = attribute.span;
        let line_start = file.line_start(span.start);
        let before = file.slice(Span::new(line_start, span.start));
        let line_end = file.text[span.end..].find(['\n', '\r']).map_or(file.text.len(), |i| span.end + i);
        let after = file.slice(Span::new(span.end, line_end));
        let delete = if before.trim().is_empty() && after.trim().is_empty() {
            // Alone on its line: the whole line goes.
            let mut end = line_end;
            if file.text[end..].starts_with("\r\n") {
                end += 2;
            } else if end < file.text.len() {
                end += 1;
            }
            Span::new(line_start, end)
        } else if before.trim().is_empty() && after.trim_start().starts_with("//") {
            // Followed by a comment: keep the comment.
            Span::new(span.start, span.end + (after.len() - after.trim_start().len()))
        } else if let Some(prev) =
            n.checked_sub(1).map(|p| siblings[p]).filter(|p| file.same_line(p.span.end, span.start))
            && !siblings.get(n + 1).is_some_and(|next| file.same_line(next.span.start, span.end))
        {
            // Last on a line after another attribute: its comma goes from the one before.
            Span::new(prev.value.span().end, span.end)
        } else {
            // First or in the middle: the space after it goes too.
            let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
            Span::new(span.start, span.end + spaces)
        };
        if delete.start <= delete.end {
            out.push(self.action(format!("Remove `{}`", attribute.key.text), vec![TextEdit::delete(delete)], true));
        }
    }

    fn rename_duplicate(&self, out: &mut Vec<CodeAction>) {
        let Some(o) = occurrences_at(self.file, self.span).find(|o| o.is_definition) else { return };
        let name = self.file.slice(self.span);
        let new = match o.def {
            Some(Def::Canvas(_)) => {
                let taken =
                    |n: &str| self.file.analysis.canvases.iter().any(|c| c.id.as_ref().is_some_and(|id| id.text == n));
                (2..).map(|k| format!("{name}-{k}")).find(|n| !taken(n)).unwrap_or_default()
            }
            Some(def) => match self.file.canvas(def.canvas()) {
                Some(canvas) => free_id(canvas, name),
                None => return,
            },
            None => return,
        };
        out.push(self.action(
            format!("Rename this `{name}` to `{new}`"),
            vec![TextEdit::replace(self.span, new.clone())],
            true,
        ));
    }
}

/// `base` if no name of the canvas has it, else `base-2`, `base-3`, …
fn free_id(canvas: &Canvas, base: &str) -> String {
    if canvas.lookup(base).is_none() && !base.is_empty() {
        return base.to_string();
    }
    (2..).map(|k| format!("{base}-{k}")).find(|n| canvas.lookup(n).is_none()).unwrap_or_default()
}

/// The edit that adds `key: value` to an item: into its `{ … }`, or with a new one.
fn add_attribute(file: &File, item: &Item, attribute: &str) -> TextEdit {
    let Some(block) = &item.attributes else {
        let head_end = item
            .title
            .as_ref()
            .map(|t| t.span.end)
            .or(item.id.as_ref().map(|i| i.span.end))
            .unwrap_or(item.keyword.end);
        return TextEdit::insert(head_end, format!(" {{ {attribute} }}"));
    };
    match block.attributes.last() {
        None => match block.r_brace {
            Some(r) => TextEdit::replace(Span::new(block.l_brace.end, r.start), format!(" {attribute} ")),
            None => TextEdit::insert(block.l_brace.end, format!(" {attribute}")),
        },
        Some(last) if file.same_line(block.l_brace.start, last.span.start) => {
            let value_end = last.value.span().end;
            let has_comma = file.slice(Span::new(value_end, last.span.end)).contains(',');
            if has_comma {
                TextEdit::insert(last.span.end, format!(" {attribute}"))
            } else {
                TextEdit::insert(value_end, format!(", {attribute}"))
            }
        }
        Some(last) => {
            let indent = file.indent_at(last.span.start).to_string();
            TextEdit::insert(last.span.end, format!("\n{indent}{attribute}"))
        }
    }
}

/// The edit that adds `name` to the list of the item's attribute `key` (the last one,
/// if given twice): a new `key: name`, a single value turned into a list, or `name`
/// appended to the list.
fn add_to_list(file: &File, item: &Item, key: &str, name: &str) -> TextEdit {
    match item.attributes().iter().rev().find(|a| a.key.text == key) {
        None => add_attribute(file, item, &format!("{key}: {name}")),
        Some(a) => match &a.value {
            Value::List(list) => match list.items.last() {
                Some(last) => TextEdit::insert(last.span().end, format!(", {name}")),
                None => TextEdit::replace(list.span, format!("[{name}]")),
            },
            Value::Missing(span) => TextEdit::replace(*span, format!(" {name}")),
            other => TextEdit::replace(other.span(), format!("[{}, {name}]", file.slice(other.span()))),
        },
    }
}

/// The edit that adds a member (an item or a block, as one line or several) at the
/// end of a block, indented one level deeper than the block.
fn insert_member(file: &File, block: &Block, member: &str) -> TextEdit {
    let outer = file.indent_at(block.keyword.start).to_string();
    let inner = block
        .members
        .iter()
        .last()
        .map(|m| file.indent_at(m.span().start).to_string())
        .filter(|i| i.len() > outer.len())
        .unwrap_or_else(|| format!("{outer}  "));
    match block.r_brace {
        Some(r) if file.slice(Span::new(file.line_start(r.start), r.start)).trim().is_empty() => {
            TextEdit::insert(file.line_start(r.start), format!("{inner}{member}\n"))
        }
        Some(r) => TextEdit::insert(r.start, format!("\n{inner}{member}\n{outer}")),
        None => {
            let end = block.members.last().map_or(block.span.end, |m| m.span().end);
            TextEdit::insert(end, format!("\n{inner}{member}"))
        }
    }
}

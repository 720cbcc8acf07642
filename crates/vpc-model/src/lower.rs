//! From syntax tree to canvas model: attributes checked against the schema, names
//! defined, references resolved.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use std::sync::OnceLock;

use rayon::prelude::*;
use vpc_syntax::schema::{self, AttributeSpec, Owner, ValueKind};

use vpc_syntax::{Attribute, Block, BlockKind, ItemKind, LineIndex, Member, Name, SmolStr, SourceFile, Span, Value};

/// Line numbers for messages, computed only if a message needs one.
pub(crate) struct Lines<'t> {
    text: &'t str,
    index: OnceLock<LineIndex>,
}

impl<'t> Lines<'t> {
    pub(crate) fn new(text: &'t str) -> Lines<'t> {
        Lines { text, index: OnceLock::new() }
    }

    /// The 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.index.get_or_init(|| LineIndex::new(self.text)).line_of(offset) + 1
    }
}

use crate::lints::{
    Code, Scope, Sink, duplicate_attribute, duplicate_id, duplicate_section, invalid_value, unknown_attribute,
};
use crate::model::{Canvas, Definition, Item, ItemId, Link, Rank, Reference, Section, SectionId, Target};

/// Build every canvas's model and lint it. Canvases are independent (names are
/// per canvas), so a large file's canvases are built on every core; the diagnostics
/// come out in the same order either way: the file-level ones, each canvas's from
/// building, then each canvas's lints.
/// `parallel`: `None` decides by size; tests force either way.
pub(crate) fn lower_and_check(
    file: &SourceFile,
    lines: &Lines<'_>,
    sink: &mut Sink,
    parallel: Option<bool>,
) -> Vec<Canvas> {
    let mut canvas_ids: HashMap<&str, Span> = HashMap::new();
    for (index, block) in file.canvases.iter().enumerate() {
        let scope = Scope { canvas: Some(index), ..Scope::default() };
        if let Some(id) = &block.id {
            if let Some(&first) = canvas_ids.get(id.text.as_str()) {
                duplicate_id::report(sink, scope, id, first, "another canvas", lines.line(first.start));
            } else {
                canvas_ids.insert(&id.text, id.span);
            }
        }
    }
    let one = |(index, block): (usize, &Block)| {
        let mut built = Sink::default();
        let canvas = CanvasBuilder::new(block, index, lines, &mut built).build();
        let mut linted = Sink::default();
        crate::lints::check_canvas(&canvas, index, &mut linted);
        (canvas, built, linted)
    };
    // Worth the threads from a few thousand items on (about 200 KB of text).
    let parallel = parallel
        .unwrap_or_else(|| file.canvases.len() > 1 && file.canvases.last().is_some_and(|c| c.span.end > 200_000));
    let results: Vec<(Canvas, Sink, Sink)> = if parallel {
        file.canvases.par_iter().enumerate().map(one).collect()
    } else {
        file.canvases.iter().enumerate().map(one).collect()
    };
    let mut canvases = Vec::with_capacity(results.len());
    let mut lints = Vec::new();
    for (canvas, built, linted) in results {
        canvases.push(canvas);
        sink.raw.extend(built.raw);
        lints.extend(linted.raw);
    }
    sink.raw.extend(lints);
    canvases
}

struct CanvasBuilder<'a> {
    canvas: Canvas,
    index: usize,
    lines: &'a Lines<'a>,
    sink: &'a mut Sink,
    /// References as written, resolved once every name is known.
    pending: Vec<(ItemId, Link, ItemKind, Name)>,
}

impl<'a> CanvasBuilder<'a> {
    fn new(block: &Block, index: usize, lines: &'a Lines<'a>, sink: &'a mut Sink) -> CanvasBuilder<'a> {
        let mut builder = CanvasBuilder {
            canvas: Canvas {
                id: block.id.clone(),
                title: block.title.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                keyword: block.keyword,
                span: block.span,
                description: None,
                note: None,
                allow: Vec::new(),
                sections: Vec::new(),
                items: Vec::new(),
                references: Vec::new(),
                names: FxHashMap::default(),
                incoming: Vec::new(),
            },
            index,
            lines,
            sink,
            pending: Vec::new(),
        };
        builder.canvas_attributes(block);
        for member in &block.members {
            match member {
                Member::Attribute(_) => {}
                Member::Block(section) => builder.section(section),
                Member::Item(item) => builder.item(item, None),
            }
        }
        builder
    }

    fn scope(&self) -> Scope {
        Scope { canvas: Some(self.index), ..Scope::default() }
    }

    fn canvas_attributes(&mut self, block: &Block) {
        let scope = self.scope();
        for (spec, attr) in self.known_attributes(block.attributes(), Owner::Block(BlockKind::Canvas), scope) {
            match spec.key {
                "description" => self.canvas.description = self.text(attr, scope),
                "note" => self.canvas.note = self.text(attr, scope),
                "allow" => self.canvas.allow = self.codes(attr, scope),
                _ => {}
            }
        }
    }

    fn section(&mut self, block: &Block) {
        let id = SectionId(self.canvas.sections.len() as u32);
        let scope = Scope { canvas: Some(self.index), section: Some(id), item: None };
        let mut section = Section {
            kind: block.kind,
            id: block.id.clone(),
            title: block.title.as_ref().map(|t| t.value.clone()),
            keyword: block.keyword,
            span: block.span,
            description: None,
            note: None,
            early_adopters: None,
            market: None,
            strategy: None,
            allow: Vec::new(),
        };
        for (spec, attr) in self.known_attributes(block.attributes(), Owner::Block(block.kind), scope) {
            match spec.key {
                "description" => section.description = self.text(attr, scope),
                "note" => section.note = self.text(attr, scope),
                "early-adopters" => section.early_adopters = self.text(attr, scope),
                "market" => section.market = self.choice(spec, attr, scope),
                "strategy" => section.strategy = self.choice(spec, attr, scope),
                "allow" => section.allow = self.codes(attr, scope),
                _ => {}
            }
        }
        if let Some(first) = self.canvas.sections.iter().find(|s| s.kind == block.kind) {
            let line = self.lines.line(first.keyword.start);
            duplicate_section::report(self.sink, scope, &section, line);
        }
        if let Some(name) = &block.id {
            self.define(name, Definition::Section(id), scope);
        }
        self.canvas.sections.push(section);
        for item in block.items() {
            self.item(item, Some(id));
        }
    }

    fn item(&mut self, node: &vpc_syntax::Item, section: Option<SectionId>) {
        let id = ItemId(self.canvas.items.len() as u32);
        let scope = Scope { canvas: Some(self.index), section, item: Some(id) };
        let first_pending = self.pending.len();
        let mut item = Item {
            kind: node.kind,
            id: node.id.clone(),
            title: node.title.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
            keyword: node.keyword,
            span: node.span,
            section,
            rank: Rank::Missing,
            rank_span: None,
            category: None,
            role: None,
            role_span: None,
            frequency: None,
            context: None,
            when: None,
            aspect: None,
            note: None,
            importance_score: None,
            satisfaction_score: None,
            allow: Vec::new(),
            links_given: Vec::new(),
        };
        for (spec, attr) in self.known_attributes(node.attributes().iter(), Owner::Item(node.kind), scope) {
            match (spec.key, spec.value) {
                (_, ValueKind::Rank(scale)) => {
                    item.rank = self.rank(spec, scale, attr, scope);
                    item.rank_span = Some(attr.value.span());
                }
                (_, ValueKind::References(expects)) => {
                    let link = Link::from_key(spec.key).expect("every reference key is a link");
                    // A reference attribute given twice: the last one counts. This item's
                    // references are the tail of `pending`.
                    let mut tail = self.pending.split_off(first_pending);
                    tail.retain(|(_, l, _, _)| *l != link);
                    self.pending.append(&mut tail);
                    item.links_given.retain(|l| *l != link);
                    if !matches!(&attr.value, Value::List(list) if list.items.is_empty()) {
                        item.links_given.push(link);
                    }
                    for name in self.references(attr, scope) {
                        self.pending.push((id, link, expects, name));
                    }
                }
                ("kind", _) => item.category = self.choice(spec, attr, scope),
                ("role", _) => {
                    item.role = self.choice(spec, attr, scope);
                    item.role_span = Some(attr.value.span());
                }
                ("when", _) => item.when = self.choice(spec, attr, scope),
                ("aspect", _) => item.aspect = self.choice(spec, attr, scope),
                ("frequency", _) => item.frequency = self.word(attr, scope),
                ("context", _) => item.context = self.text(attr, scope),
                ("note", _) => item.note = self.text(attr, scope),
                ("importance", _) => item.importance_score = self.score(attr, scope),
                ("satisfaction", _) => item.satisfaction_score = self.score(attr, scope),
                ("allow", _) => item.allow = self.codes(attr, scope),
                _ => {}
            }
        }
        if let Some(name) = &node.id {
            self.define(name, Definition::Item(id), scope);
        }
        self.canvas.items.push(item);
    }

    fn define(&mut self, name: &Name, definition: Definition, scope: Scope) {
        if let Some(&first) = self.canvas.names.get(&name.text) {
            let (first_what, span) = match first {
                Definition::Item(i) => (format!("a {}", self.canvas.item(i).kind), self.canvas.item(i).name_span()),
                Definition::Section(s) => {
                    (format!("the {}", self.canvas.section(s).kind.keyword()), self.canvas.section(s).name_span())
                }
            };
            duplicate_id::report(self.sink, scope, name, span, &first_what, self.lines.line(span.start));
        } else {
            self.canvas.names.insert(name.text.clone(), definition);
        }
    }

    /// The attributes the owner takes, after reporting unknown and repeated keys.
    fn known_attributes<'n>(
        &mut self,
        attributes: impl Iterator<Item = &'n Attribute>,
        owner: Owner,
        scope: Scope,
    ) -> Vec<(&'static AttributeSpec, &'n Attribute)> {
        let attributes: Vec<&Attribute> = attributes.collect();
        let mut known = Vec::with_capacity(attributes.len());
        // Items have a handful of attributes, where a scan beats a map; a hostile item
        // with thousands of them gets the map, so that this stays linear.
        let mut first_seen: Option<FxHashMap<&str, Span>> = (attributes.len() > 16).then(FxHashMap::default);
        for (n, attr) in attributes.iter().copied().enumerate() {
            let first = match &mut first_seen {
                Some(seen) => {
                    let first = seen.get(attr.key.text.as_str()).copied();
                    seen.entry(attr.key.text.as_str()).or_insert(attr.key.span);
                    first
                }
                None => attributes[..n].iter().find(|a| a.key.text == attr.key.text).map(|a| a.key.span),
            };
            if let Some(first) = first {
                duplicate_attribute::report(self.sink, scope, &attr.key, first);
            }
            match schema::attribute(owner, &attr.key.text) {
                Some(spec) => known.push((spec, attr)),
                None => unknown_attribute::report(self.sink, scope, owner, &attr.key),
            }
        }
        known
    }

    fn invalid(&mut self, scope: Scope, span: Span, message: String, help: String) {
        invalid_value::report(self.sink, scope, span, message, help);
    }

    fn text(&mut self, attr: &Attribute, scope: Scope) -> Option<SmolStr> {
        match &attr.value {
            Value::Str(s) => Some(s.value.clone()),
            Value::Missing(_) => None,
            other => {
                let key = &attr.key.text;
                self.invalid(
                    scope,
                    other.span(),
                    format!("`{key}` takes text in quotes"),
                    format!("write `{key}: \"…\"`"),
                );
                None
            }
        }
    }

    fn word(&mut self, attr: &Attribute, scope: Scope) -> Option<SmolStr> {
        match &attr.value {
            Value::Str(s) => Some(s.value.clone()),
            Value::Ident(n) => Some(n.text.clone()),
            Value::Missing(_) => None,
            other => {
                let key = &attr.key.text;
                self.invalid(
                    scope,
                    other.span(),
                    format!("`{key}` takes a word or text in quotes"),
                    format!("write e.g. `{key}: daily` or `{key}: \"twice a week\"`"),
                );
                None
            }
        }
    }

    /// One word of a fixed set; `None` (and a diagnostic) for anything else.
    fn one_of(&mut self, key: &str, set: &'static [&'static str], value: &Value, scope: Scope) -> Option<usize> {
        let choices = || set.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ");
        let (message, help) = match value {
            Value::Missing(_) => return None,
            Value::Ident(n) => match set.iter().position(|w| *w == n.text) {
                Some(index) => return Some(index),
                None => (format!("`{}` is not a value of `{key}`", n.text), format!("`{key}` is one of {}", choices())),
            },
            Value::Str(s) if set.contains(&s.value.as_str()) => (
                format!("`{key}` takes a bare word, not text in quotes"),
                format!("write `{key}: {}` without quotes", s.value),
            ),
            _ => (format!("`{key}` takes one word of a fixed set"), format!("`{key}` is one of {}", choices())),
        };
        self.invalid(scope, value.span(), message, help);
        None
    }

    fn choice(&mut self, spec: &AttributeSpec, attr: &Attribute, scope: Scope) -> Option<SmolStr> {
        let (ValueKind::Choice(set) | ValueKind::Rank(set)) = spec.value else { return None };
        self.one_of(spec.key, set, &attr.value, scope).map(|i| SmolStr::new_static(set[i]))
    }

    fn rank(&mut self, spec: &AttributeSpec, scale: &'static [&'static str], attr: &Attribute, scope: Scope) -> Rank {
        if let Value::Missing(_) = attr.value {
            return Rank::Invalid;
        }
        match self.one_of(spec.key, scale, &attr.value, scope) {
            Some(index) => Rank::Level { index: index as u8, word: scale[index] },
            None => Rank::Invalid,
        }
    }

    /// A rating from 0 to 10, or a percentage of respondents from `0%` to `100%`, read
    /// as a tenth of it (`85%` = 8.5).
    fn score(&mut self, attr: &Attribute, scope: Scope) -> Option<f64> {
        let key = &attr.key.text;
        match &attr.value {
            Value::Number(n) if n.is_percent() && (0.0..=100.0).contains(&n.value) => Some(n.value / 10.0),
            Value::Number(n) if !n.is_percent() && (0.0..=10.0).contains(&n.value) => Some(n.value),
            Value::Missing(_) => None,
            Value::Number(n) => {
                self.invalid(
                    scope,
                    n.span,
                    format!("`{key}: {}` is out of range", n.text),
                    format!("`{key}` is rated from 0 to 10, or as a percentage from 0% to 100%"),
                );
                None
            }
            other => {
                self.invalid(
                    scope,
                    other.span(),
                    format!("`{key}` takes a number from 0 to 10 or a percentage"),
                    format!("write e.g. `{key}: 7` or `{key}: 70%`"),
                );
                None
            }
        }
    }

    /// The names of a reference attribute (one identifier or a list); each bad element reported.
    fn references(&mut self, attr: &Attribute, scope: Scope) -> Vec<Name> {
        let key = &attr.key.text;
        let mut names = Vec::new();
        let mut one = |builder: &mut Self, value: &Value| match value {
            Value::Ident(n) => names.push(n.clone()),
            Value::Missing(_) => {}
            Value::Str(s) => builder.invalid(
                scope,
                s.span,
                format!("`{key}` takes identifiers, not text in quotes"),
                "write the item's identifier without quotes".to_string(),
            ),
            other => builder.invalid(
                scope,
                other.span(),
                format!("`{key}` takes an identifier or a list of identifiers"),
                format!("write e.g. `{key}: id` or `{key}: [a, b]`"),
            ),
        };
        match &attr.value {
            Value::List(list) => list.items.iter().for_each(|v| one(self, v)),
            value => one(self, value),
        }
        names
    }

    /// The codes of `allow:` (one identifier or a list); unknown codes reported.
    fn codes(&mut self, attr: &Attribute, scope: Scope) -> Vec<Code> {
        let values: Vec<&Value> = match &attr.value {
            Value::List(list) => list.items.iter().collect(),
            value => vec![value],
        };
        let mut codes = Vec::new();
        for value in values {
            match value {
                Value::Ident(n) => match Code::parse(&n.text) {
                    Some(code) if code.is_configurable() => codes.push(code),
                    Some(_) => self.invalid(
                        scope,
                        n.span,
                        "`syntax-error` cannot be allowed".to_string(),
                        "fix the syntax error instead".to_string(),
                    ),
                    None => {
                        let near = crate::lints::nearest_code(&n.text);
                        self.invalid(
                            scope,
                            n.span,
                            format!("`{}` is not a diagnostic code", n.text),
                            match near {
                                Some(c) => format!("did you mean `{c}`?"),
                                None => "`vpc explain` lists the codes".to_string(),
                            },
                        )
                    }
                },
                Value::Missing(_) => {}
                other => self.invalid(
                    scope,
                    other.span(),
                    "`allow` takes diagnostic codes".to_string(),
                    "write e.g. `allow: unrelieved-pain` or `allow: [unranked-job, unranked-pain]`".to_string(),
                ),
            }
        }
        codes
    }

    fn build(mut self) -> Canvas {
        let mut incoming = vec![Vec::new(); self.canvas.items.len()];
        let mut pending = std::mem::take(&mut self.pending);
        // Items are built in order, so this is already sorted; stable, and linear then.
        // `Canvas::references_from` relies on it to binary-search.
        pending.sort_by_key(|(from, ..)| *from);
        for (from, link, expects, name) in pending {
            let target = match self.canvas.names.get(&name.text) {
                Some(Definition::Item(t)) if self.canvas.item(*t).kind == expects => Target::Item(*t),
                Some(other) => Target::WrongKind(*other),
                None => Target::Unknown,
            };
            if let Target::Item(t) = target {
                incoming[t.0 as usize].push(self.canvas.references.len() as u32);
            }
            self.canvas.references.push(Reference { from, link, expects, name, target });
        }
        self.canvas.incoming = incoming;
        self.canvas
    }
}

//! The diagnostics of spec §6: one module per code, each starting with the doc
//! comment that `vpc explain`, the docs and the editor's hover show.
//!
//! Codes never change once released. Rule names name the bad pattern, so that
//! `allow: unrelieved-pain` reads right.

use vpc_syntax::Span;

use crate::model::{Canvas, ItemId, SectionId};

pub(crate) mod conflicting_attributes;
pub(crate) mod dangling_creator;
pub(crate) mod dangling_reliever;
pub(crate) mod duplicate_attribute;
pub(crate) mod duplicate_id;
pub(crate) mod duplicate_section;
pub(crate) mod idle_product;
pub(crate) mod invalid_value;
pub(crate) mod missing_section;
pub(crate) mod open_item;
pub(crate) mod overserved_outcome;
pub(crate) mod syntax_error;
pub(crate) mod uncreated_gain;
pub(crate) mod underserved_outcome;
pub(crate) mod unknown_attribute;
pub(crate) mod unknown_reference;
pub use unknown_reference::{COMPARISONS_PER_CANVAS, COMPARISONS_PER_ITEM, MAX_SUGGESTED_CHARS, nearest};
pub(crate) mod unranked;
pub(crate) mod unranked_gain;
pub(crate) mod unranked_job;
pub(crate) mod unranked_pain;
pub(crate) mod unrelieved_pain;
pub(crate) mod unserved_job;
pub(crate) mod wrong_reference_kind;

/// How much a diagnostic matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $file:literal;)*) => {
        /// A diagnostic code (spec §6).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant),* }

        impl Code {
            /// Every code, in the order of the spec's table.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable kebab-case code, e.g. `unrelieved-pain`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),* }
            }

            fn source(self) -> &'static str {
                match self { $(Code::$variant => include_str!($file)),* }
            }
        }
    };
}

codes! {
    SyntaxError = "syntax-error", Error, "syntax_error.rs";
    DuplicateId = "duplicate-id", Error, "duplicate_id.rs";
    UnknownReference = "unknown-reference", Error, "unknown_reference.rs";
    WrongReferenceKind = "wrong-reference-kind", Error, "wrong_reference_kind.rs";
    InvalidValue = "invalid-value", Error, "invalid_value.rs";
    DuplicateSection = "duplicate-section", Error, "duplicate_section.rs";
    MissingSection = "missing-section", Warning, "missing_section.rs";
    UnknownAttribute = "unknown-attribute", Warning, "unknown_attribute.rs";
    DuplicateAttribute = "duplicate-attribute", Warning, "duplicate_attribute.rs";
    UnrankedJob = "unranked-job", Warning, "unranked_job.rs";
    UnrankedPain = "unranked-pain", Warning, "unranked_pain.rs";
    UnrankedGain = "unranked-gain", Warning, "unranked_gain.rs";
    UnrelievedPain = "unrelieved-pain", Warning, "unrelieved_pain.rs";
    UncreatedGain = "uncreated-gain", Warning, "uncreated_gain.rs";
    DanglingReliever = "dangling-reliever", Warning, "dangling_reliever.rs";
    DanglingCreator = "dangling-creator", Warning, "dangling_creator.rs";
    UnservedJob = "unserved-job", Warning, "unserved_job.rs";
    IdleProduct = "idle-product", Warning, "idle_product.rs";
    UnderservedOutcome = "underserved-outcome", Warning, "underserved_outcome.rs";
    OverservedOutcome = "overserved-outcome", Info, "overserved_outcome.rs";
    ConflictingAttributes = "conflicting-attributes", Warning, "conflicting_attributes.rs";
}

impl Code {
    pub fn parse(code: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == code)
    }

    /// The documentation of this code, in Markdown: what it finds, why it matters, an example.
    pub fn doc(self) -> String {
        module_doc(self.source())
    }

    /// The one-line summary: the first sentence of the doc.
    pub fn summary(self) -> String {
        let doc = self.doc();
        let paragraph: Vec<&str> = doc
            .lines()
            .skip_while(|l| l.trim().is_empty() || l.starts_with('#'))
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        let paragraph = paragraph.join(" ");
        match paragraph.find(". ") {
            Some(end) => paragraph[..=end].to_string(),
            None => paragraph,
        }
    }

    /// Where the docs of this code live on the web.
    pub fn url(self) -> String {
        format!("https://github.com/vpc-lang/vpc/blob/main/docs/lints.md#{}", self.as_str())
    }

    /// `syntax-error` is the only code that cannot be silenced or re-levelled.
    pub fn is_configurable(self) -> bool {
        self != Code::SyntaxError
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `//!` lines at the top of a module's source, without the markers.
fn module_doc(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let Some(rest) = line.strip_prefix("//!") else { break };
        out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        out.push('\n');
    }
    out.trim().to_string()
}

/// Extra places that help to understand a diagnostic (e.g. the first definition).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// One finding about a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// What to do about it, when the message does not say.
    pub help: Option<String>,
    pub related: Vec<Related>,
}

/// Where in the canvas a diagnostic arises: decides which `allow:` lists apply.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Scope {
    pub canvas: Option<usize>,
    pub section: Option<SectionId>,
    pub item: Option<ItemId>,
}

/// A diagnostic before `allow:` and the configured levels are applied.
pub(crate) struct Raw {
    pub diagnostic: Diagnostic,
    pub scope: Scope,
}

/// Collects diagnostics while the model is built and linted.
#[derive(Default)]
pub(crate) struct Sink {
    pub raw: Vec<Raw>,
}

impl Sink {
    pub fn report(&mut self, code: Code, scope: Scope, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.raw.push(Raw {
            diagnostic: Diagnostic {
                code,
                severity: code.default_severity(),
                span,
                message: message.into(),
                help: None,
                related: Vec::new(),
            },
            scope,
        });
        &mut self.raw.last_mut().unwrap().diagnostic
    }
}

impl Diagnostic {
    /// A severity other than the code's default (e.g. an info for a minor item); a
    /// level set for the code in `vpc.toml` still wins.
    pub fn with_severity(&mut self, severity: Severity) -> &mut Diagnostic {
        self.severity = severity;
        self
    }
    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Diagnostic {
        self.help = Some(help.into());
        self
    }
    pub fn with_related(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.related.push(Related { span, message: message.into() });
        self
    }
}

/// Is `code` silenced by an `allow:` on the item, its section or its canvas?
pub(crate) fn is_allowed(canvases: &[Canvas], scope: Scope, code: Code) -> bool {
    let Some(canvas) = scope.canvas.and_then(|c| canvases.get(c)) else { return false };
    let section = scope.section.or_else(|| scope.item.and_then(|i| canvas.item(i).section));
    canvas.allow.contains(&code)
        || section.is_some_and(|s| canvas.section(s).allow.contains(&code))
        || scope.item.is_some_and(|i| canvas.item(i).allow.contains(&code))
}

/// Run the lints that look at a finished canvas.
pub(crate) fn check_canvas(canvas: &Canvas, index: usize, sink: &mut Sink) {
    missing_section::check(canvas, index, sink);
    unknown_reference::check(canvas, index, sink);
    wrong_reference_kind::check(canvas, index, sink);
    unranked_job::check(canvas, index, sink);
    unranked_pain::check(canvas, index, sink);
    unranked_gain::check(canvas, index, sink);
    unrelieved_pain::check(canvas, index, sink);
    uncreated_gain::check(canvas, index, sink);
    dangling_reliever::check(canvas, index, sink);
    dangling_creator::check(canvas, index, sink);
    unserved_job::check(canvas, index, sink);
    idle_product::check(canvas, index, sink);
    underserved_outcome::check(canvas, index, sink);
    overserved_outcome::check(canvas, index, sink);
    conflicting_attributes::check(canvas, index, sink);
}

/// The severity of the lint that reports an open item (unserved job, unrelieved pain,
/// uncreated gain): a warning, but an info for items ranked in the lowest two steps,
/// which the method lets go (spec §6).
pub(crate) fn open_item_severity(item: &crate::model::Item) -> Severity {
    if item.rank.is_minor() { Severity::Info } else { Severity::Warning }
}

/// How an open item's help ends: how to let it go on purpose.
/// `what` addresses the item through `key`, e.g. "a reliever" and "relieves".
pub(crate) fn let_go_help(item: &crate::model::Item, code: Code, what: &str, key: &str) -> String {
    match &item.id {
        Some(name) => {
            format!("add {what} with `{key}: {}`, or let it go with `allow: {code}` on the {}", name.text, item.kind)
        }
        None => format!(
            "give the {} an identifier and add {what} with `{key}:`, or let it go with `allow: {code}`",
            item.kind
        ),
    }
}

/// The scope of an item of canvas `index`.
pub(crate) fn item_scope(index: usize, item: ItemId) -> Scope {
    Scope { canvas: Some(index), section: None, item: Some(item) }
}

/// The code closest to a misspelt one.
pub(crate) fn nearest_code(text: &str) -> Option<&'static str> {
    unknown_reference::nearest(text, Code::ALL.iter().map(|c| c.as_str()))
}

/// `docs/lints.md`: every code with its default severity and documentation, generated
/// from the lint modules' doc comments (a test keeps the file up to date).
pub fn lints_markdown() -> String {
    let mut out = String::from(
        "# Diagnostics\n\n<!-- Generated from crates/vpc-model/src/lints/*.rs by `UPDATE_EXPECT=1 cargo test -p vpc-model --test docs`. Do not edit. -->\n\n",
    );
    out.push_str("Every diagnostic has a stable code. Silence one on purpose with `allow: <code>` on the item,\n");
    out.push_str("its segment or value map, or the whole canvas; change its severity for a project in\n");
    out.push_str(
        "`vpc.toml` (`[lints]` `<code> = \"error\" | \"warning\" | \"info\" | \"off\"`). `vpc explain <code>`\n",
    );
    out.push_str("prints the same text.\n\n| code | default | finds |\n|---|---|---|\n");
    for code in Code::ALL {
        out.push_str(&format!("| [`{code}`](#{code}) | {} | {} |\n", code.default_severity().as_str(), code.summary()));
    }
    for code in Code::ALL {
        let doc = code.doc().replace("\n## ", "\n### ");
        let doc = doc.strip_prefix("## ").map(|d| format!("### {d}")).unwrap_or(doc);
        out.push_str(&format!("\n## {code}\n\nDefault severity: **{}**.\n\n{doc}\n", code.default_severity().as_str()));
    }
    out
}

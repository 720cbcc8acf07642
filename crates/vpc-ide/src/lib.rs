//! The editor features of the `.vpc` language, as pure functions over one analysed file.
//!
//! This crate is to the language server what rust-analyzer's `ide` crate is to
//! its server: a façade of functions, one module per feature, each taking a
//! [`File`] and a byte offset and returning plain data with byte spans
//! ([`Span`]). The server converts positions and speaks the protocol.
//!
//! | feature | function |
//! |---|---|
//! | diagnostics | [`File::diagnostics`] |
//! | go to definition, find references, document highlight | [`goto_definition`], [`references`], [`highlights`] |
//! | rename | [`prepare_rename`], [`rename`] |
//! | document and workspace symbols | [`document_symbols`], [`workspace_symbols`] |
//! | hover | [`hover`] |
//! | completion | [`completions`] |
//! | semantic tokens | [`semantic_tokens`] |
//! | folding and selection ranges | [`folding_ranges`], [`selection_ranges`] |
//! | inlay hints and code lens | [`inlay_hints`], [`code_lenses`] |
//! | code actions (quick fixes) | [`code_actions`] |
//! | formatting | [`format()`], [`format_range`] |
//!
//! Invariants:
//! - **Pure.** No IO, no async, no global state, no LSP types and no serde: the
//!   result depends only on the arguments.
//! - **Byte offsets.** Every offset and [`Span`] is a byte offset into
//!   [`File::text`]. An offset past the end is taken as the end; an offset inside
//!   a multi-byte character as the start of that character. Every span returned
//!   lies on character boundaries inside the text.
//! - **Never panics**, on any text and any offset. Half-typed text is the normal
//!   case in an editor: completion and hover read the token stream and the
//!   recovered syntax tree, not only a tree that parsed cleanly
//!   (`tests/robustness.rs` runs every feature on random mutations of the examples).
//! - **Analysed once.** [`File::new`] parses, lints and indexes the text (tokens,
//!   every identifier and what it names); the features only read it.
//!
//! The texts that explain the canvas's words (hover, completion) live in one
//! place, the `docs` module; the lints' documentation comes from
//! [`Code::doc`].

mod actions;
mod completion;
mod context;
mod docs;
mod file;
mod folding;
mod formatting;
mod hints;
mod hover;
mod navigation;
mod rename;
mod selection;
mod semantic;
mod symbols;

pub use actions::{CodeAction, MAX_CODE_ACTIONS, code_actions};
pub use completion::{Completion, CompletionKind, completions};
pub use file::File;
pub use folding::{Fold, folding_ranges};
pub use formatting::{format, format_range};
pub use hints::{CodeLens, InlayHint, code_lenses, inlay_hints};
pub use hover::{Hover, hover};
pub use navigation::{Highlight, goto_definition, highlights, references};
pub use rename::{is_valid_identifier, prepare_rename, rename};
pub use selection::selection_ranges;
pub use semantic::{SemanticToken, TokenKind, semantic_tokens};
pub use symbols::{Symbol, SymbolKind, WorkspaceSymbol, document_symbols, workspace_symbols};

pub use vpc_fmt::FormatOptions;
pub use vpc_model::{Code, Diagnostic, LintConfig, Severity};
pub use vpc_syntax::Span;

/// Replace the text of `span` with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub new_text: String,
}

impl TextEdit {
    pub fn insert(offset: usize, text: impl Into<String>) -> TextEdit {
        TextEdit { span: Span::empty(offset), new_text: text.into() }
    }
    pub fn replace(span: Span, text: impl Into<String>) -> TextEdit {
        TextEdit { span, new_text: text.into() }
    }
    pub fn delete(span: Span) -> TextEdit {
        TextEdit { span, new_text: String::new() }
    }
}

/// Apply non-overlapping edits to a text (in any order). For tests and for clients
/// without a buffer of their own.
pub fn apply_edits(text: &str, edits: &[TextEdit]) -> String {
    let mut edits: Vec<&TextEdit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        let start = e.span.start.clamp(at, text.len());
        let end = e.span.end.clamp(start, text.len());
        out.push_str(text.get(at..start).unwrap_or_default());
        out.push_str(&e.new_text);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

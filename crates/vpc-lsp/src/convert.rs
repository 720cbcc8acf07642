//! `vpc_ide` results → LSP types. Positions go through [`crate::position`]; this
//! module decides everything else: kinds, severities, markup, the token legend.

use std::collections::HashMap;
use std::str::FromStr;

use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::ls_types::Uri;
use vpc_ide::{CompletionKind, Severity, SymbolKind, TokenKind};

use crate::capabilities::ClientSupport;
use crate::position::Lines;

// ---------------------------------------------------------------------------
// Diagnostics

pub fn diagnostic(lines: Lines<'_>, uri: &Uri, d: &vpc_ide::Diagnostic) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| lsp::DiagnosticRelatedInformation {
            location: lsp::Location { uri: uri.clone(), range: lines.range(r.span) },
            message: r.message.clone(),
        })
        .collect();
    lsp::Diagnostic {
        range: lines.range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        code_description: Uri::from_str(&d.code.url()).ok().map(|href| lsp::CodeDescription { href }),
        source: Some("vpc".to_string()),
        // LSP has no field for help: it follows the message on a line of its own.
        message: match &d.help {
            Some(help) => format!("{}\nhelp: {help}", d.message),
            None => d.message.clone(),
        },
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

// ---------------------------------------------------------------------------
// Edits

pub fn text_edit(lines: Lines<'_>, edit: &vpc_ide::TextEdit) -> lsp::TextEdit {
    lsp::TextEdit { range: lines.range(edit.span), new_text: edit.new_text.clone() }
}

pub fn text_edits(lines: Lines<'_>, edits: &[vpc_ide::TextEdit]) -> Vec<lsp::TextEdit> {
    edits.iter().map(|e| text_edit(lines, e)).collect()
}

/// Edits of one document as a workspace edit: versioned `documentChanges` when the
/// client takes them (so a stale edit is refused), else `changes`.
pub fn workspace_edit(
    client: &ClientSupport,
    uri: &Uri,
    version: Option<i32>,
    edits: Vec<lsp::TextEdit>,
) -> lsp::WorkspaceEdit {
    if client.document_changes {
        lsp::WorkspaceEdit {
            document_changes: Some(lsp::DocumentChanges::Edits(vec![lsp::TextDocumentEdit {
                text_document: lsp::OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version },
                edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        lsp::WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..Default::default() }
    }
}

// ---------------------------------------------------------------------------
// Hover

pub fn hover(lines: Lines<'_>, client: &ClientSupport, hover: vpc_ide::Hover) -> lsp::Hover {
    let kind = if client.markdown_hover { lsp::MarkupKind::Markdown } else { lsp::MarkupKind::PlainText };
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent { kind, value: hover.markdown }),
        range: Some(lines.range(hover.range)),
    }
}

// ---------------------------------------------------------------------------
// Completion

pub fn completion(lines: Lines<'_>, client: &ClientSupport, c: vpc_ide::Completion) -> lsp::CompletionItem {
    let snippet = c.is_snippet && client.snippets;
    let new_text = if c.is_snippet && !client.snippets { snippet_to_plain(&c.insert_text) } else { c.insert_text };
    lsp::CompletionItem {
        label: c.label,
        kind: Some(completion_kind(c.kind, c.is_snippet)),
        detail: c.detail,
        documentation: c.documentation.map(|value| {
            lsp::Documentation::MarkupContent(lsp::MarkupContent { kind: lsp::MarkupKind::Markdown, value })
        }),
        sort_text: Some(c.sort_text),
        insert_text_format: Some(if snippet {
            lsp::InsertTextFormat::SNIPPET
        } else {
            lsp::InsertTextFormat::PLAIN_TEXT
        }),
        text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit { range: lines.range(c.replace), new_text })),
        command: (c.retrigger && client.vscode_commands).then(|| lsp::Command {
            title: "Suggest".to_string(),
            command: "editor.action.triggerSuggest".to_string(),
            arguments: None,
        }),
        ..Default::default()
    }
}

fn completion_kind(kind: CompletionKind, is_snippet: bool) -> lsp::CompletionItemKind {
    match kind {
        CompletionKind::Keyword if is_snippet => lsp::CompletionItemKind::SNIPPET,
        CompletionKind::Keyword => lsp::CompletionItemKind::KEYWORD,
        CompletionKind::Attribute => lsp::CompletionItemKind::PROPERTY,
        CompletionKind::Value => lsp::CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Reference => lsp::CompletionItemKind::REFERENCE,
        CompletionKind::Code => lsp::CompletionItemKind::CONSTANT,
    }
}

/// The text a snippet inserts without its placeholders, for clients that take no
/// snippets: `${1:id}` → `id`, `${2|a,b|}` → `a`, `$0` → nothing, `\$` → `$`.
pub fn snippet_to_plain(snippet: &str) -> String {
    let mut out = String::with_capacity(snippet.len());
    let mut chars = snippet.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) => out.push(next),
                None => out.push('\\'),
            },
            '$' if chars.peek().is_some_and(char::is_ascii_digit) => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
            }
            '$' if chars.peek() == Some(&'{') => {
                chars.next();
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
                match chars.next() {
                    Some(':') => {
                        // A default that may itself hold placeholders: copy to the matching `}`.
                        let mut depth = 1;
                        let mut inner = String::new();
                        for c in chars.by_ref() {
                            match c {
                                '{' => depth += 1,
                                '}' => {
                                    depth -= 1;
                                    if depth == 0 {
                                        break;
                                    }
                                }
                                _ => {}
                            }
                            inner.push(c);
                        }
                        out.push_str(&snippet_to_plain(&inner));
                    }
                    Some('|') => {
                        let choices: String = chars.by_ref().take_while(|&c| c != '|').collect();
                        out.push_str(choices.split(',').next().unwrap_or_default());
                        // The closing `}`.
                        chars.next();
                    }
                    _ => {}
                }
            }
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Navigation

pub fn location(lines: Lines<'_>, uri: &Uri, span: vpc_ide::Span) -> lsp::Location {
    lsp::Location { uri: uri.clone(), range: lines.range(span) }
}

pub fn highlight(lines: Lines<'_>, h: vpc_ide::Highlight) -> lsp::DocumentHighlight {
    lsp::DocumentHighlight {
        range: lines.range(h.span),
        kind: Some(if h.is_definition { lsp::DocumentHighlightKind::WRITE } else { lsp::DocumentHighlightKind::READ }),
    }
}

// ---------------------------------------------------------------------------
// Symbols

pub fn symbol_kind(kind: SymbolKind) -> lsp::SymbolKind {
    match kind {
        SymbolKind::Canvas => lsp::SymbolKind::NAMESPACE,
        SymbolKind::Segment => lsp::SymbolKind::STRUCT,
        SymbolKind::ValueMap => lsp::SymbolKind::CLASS,
        SymbolKind::Job => lsp::SymbolKind::FUNCTION,
        SymbolKind::Pain => lsp::SymbolKind::EVENT,
        SymbolKind::Gain => lsp::SymbolKind::PROPERTY,
        SymbolKind::Outcome => lsp::SymbolKind::NUMBER,
        SymbolKind::Product => lsp::SymbolKind::PACKAGE,
        SymbolKind::Reliever => lsp::SymbolKind::METHOD,
        SymbolKind::Creator => lsp::SymbolKind::CONSTRUCTOR,
    }
}

/// A symbol and its children. The selection range is kept inside the range, as
/// clients require (half-typed text could otherwise break that).
#[allow(deprecated)] // `deprecated` is a required field of the type.
pub fn document_symbol(lines: Lines<'_>, symbol: vpc_ide::Symbol) -> lsp::DocumentSymbol {
    let range = symbol.range.cover(symbol.selection);
    lsp::DocumentSymbol {
        name: non_empty(symbol.name, symbol.kind),
        detail: symbol.detail,
        kind: symbol_kind(symbol.kind),
        tags: None,
        deprecated: None,
        range: lines.range(range),
        selection_range: lines.range(symbol.selection),
        children: Some(symbol.children.into_iter().map(|c| document_symbol(lines, c)).collect()),
    }
}

/// The outline flattened, for clients without hierarchical symbols.
#[allow(deprecated)]
pub fn flat_symbols(lines: Lines<'_>, uri: &Uri, symbols: Vec<vpc_ide::Symbol>) -> Vec<lsp::SymbolInformation> {
    fn walk(
        lines: Lines<'_>,
        uri: &Uri,
        symbol: vpc_ide::Symbol,
        container: Option<&str>,
        out: &mut Vec<lsp::SymbolInformation>,
    ) {
        let name = non_empty(symbol.name, symbol.kind);
        out.push(lsp::SymbolInformation {
            name: name.clone(),
            kind: symbol_kind(symbol.kind),
            tags: None,
            deprecated: None,
            location: location(lines, uri, symbol.range.cover(symbol.selection)),
            container_name: container.map(str::to_string),
        });
        for child in symbol.children {
            walk(lines, uri, child, Some(&name), out);
        }
    }
    let mut out = Vec::new();
    for symbol in symbols {
        walk(lines, uri, symbol, None, &mut out);
    }
    out
}

#[allow(deprecated)]
pub fn workspace_symbol(lines: Lines<'_>, uri: &Uri, s: vpc_ide::WorkspaceSymbol) -> lsp::SymbolInformation {
    lsp::SymbolInformation {
        name: non_empty(s.symbol.name, s.symbol.kind),
        kind: symbol_kind(s.symbol.kind),
        tags: None,
        deprecated: None,
        location: location(lines, uri, s.symbol.selection),
        container_name: s.container,
    }
}

/// Clients reject symbols with empty names (an item whose title is `""`).
fn non_empty(name: String, kind: SymbolKind) -> String {
    if name.trim().is_empty() { kind.keyword().to_string() } else { name }
}

// ---------------------------------------------------------------------------
// Semantic tokens

/// The token types of the legend, in the order of their indexes.
const TOKEN_TYPES: [lsp::SemanticTokenType; 16] = [
    lsp::SemanticTokenType::KEYWORD,        // 0
    lsp::SemanticTokenType::NAMESPACE,      // 1 canvas
    lsp::SemanticTokenType::STRUCT,         // 2 segment
    lsp::SemanticTokenType::CLASS,          // 3 value map
    lsp::SemanticTokenType::FUNCTION,       // 4 job
    lsp::SemanticTokenType::EVENT,          // 5 pain
    lsp::SemanticTokenType::VARIABLE,       // 6 gain
    lsp::SemanticTokenType::TYPE_PARAMETER, // 7 outcome
    lsp::SemanticTokenType::TYPE,           // 8 product
    lsp::SemanticTokenType::METHOD,         // 9 reliever
    lsp::SemanticTokenType::MACRO,          // 10 creator
    lsp::SemanticTokenType::PROPERTY,       // 11 attribute key
    lsp::SemanticTokenType::ENUM_MEMBER,    // 12 value of a set, diagnostic code
    lsp::SemanticTokenType::STRING,         // 13
    lsp::SemanticTokenType::NUMBER,         // 14
    lsp::SemanticTokenType::COMMENT,        // 15
];

/// The modifiers of the legend, bit `i` for index `i`.
const TOKEN_MODIFIERS: [lsp::SemanticTokenModifier; 3] = [
    lsp::SemanticTokenModifier::DECLARATION,       // 1: the identifier that defines
    lsp::SemanticTokenModifier::new("unresolved"), // 2: a reference that names nothing
    lsp::SemanticTokenModifier::DEFAULT_LIBRARY,   // 4: a diagnostic code
];

pub fn semantic_tokens_legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend { token_types: TOKEN_TYPES.to_vec(), token_modifiers: TOKEN_MODIFIERS.to_vec() }
}

/// The legend's (type, modifiers) of a token kind.
pub fn token_type(kind: TokenKind) -> (u32, u32) {
    let of = |kind: SymbolKind| match kind {
        SymbolKind::Canvas => 1,
        SymbolKind::Segment => 2,
        SymbolKind::ValueMap => 3,
        SymbolKind::Job => 4,
        SymbolKind::Pain => 5,
        SymbolKind::Gain => 6,
        SymbolKind::Outcome => 7,
        SymbolKind::Product => 8,
        SymbolKind::Reliever => 9,
        SymbolKind::Creator => 10,
    };
    match kind {
        TokenKind::Keyword => (0, 0),
        TokenKind::Definition(k) => (of(k), 1),
        TokenKind::Reference(k) => (of(k), 0),
        TokenKind::UnresolvedReference => (6, 2),
        TokenKind::AttributeKey => (11, 0),
        TokenKind::EnumValue => (12, 0),
        TokenKind::Code => (12, 4),
        TokenKind::String => (13, 0),
        TokenKind::Number => (14, 0),
        TokenKind::Comment => (15, 0),
    }
}

/// Tokens as LSP's relative encoding, in the negotiated encoding, one per line
/// (a token that spans lines is cut at each line break), sorted by position. A
/// piece that starts before the end of the previous one is dropped: LSP tokens
/// must not overlap, and the deltas must not go backwards.
pub fn semantic_tokens(lines: Lines<'_>, tokens: &[vpc_ide::SemanticToken]) -> Vec<lsp::SemanticToken> {
    let mut sorted: Vec<&vpc_ide::SemanticToken> = tokens.iter().collect();
    sorted.sort_by_key(|t| (t.span.start, t.span.end));
    let mut out = Vec::with_capacity(sorted.len());
    // The line and start of the previous piece, and where it ended.
    let (mut prev_line, mut prev_start, mut prev_end) = (0u32, 0u32, 0u32);
    for token in sorted {
        let (token_type, modifiers) = token_type(token.kind);
        for (line, start, length) in lines.line_pieces(token.span) {
            if !out.is_empty() && (line < prev_line || (line == prev_line && start < prev_end)) {
                continue;
            }
            let delta_line = line - prev_line;
            let delta_start = if delta_line == 0 { start - prev_start } else { start };
            out.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length,
                token_type,
                token_modifiers_bitset: modifiers,
            });
            (prev_line, prev_start, prev_end) = (line, start, start + length);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Folding, selection, hints, lenses, actions

pub fn folding_range(lines: Lines<'_>, client: &ClientSupport, fold: vpc_ide::Fold) -> Option<lsp::FoldingRange> {
    let start = lines.position(fold.span.start);
    let end = lines.position(fold.span.end);
    let mut end_line = end.line;
    // Keep the closing `}` or `]` visible when the client folds whole lines.
    if client.line_folding_only && !fold.is_comment && end_line > start.line {
        end_line -= 1;
    }
    (end_line > start.line).then(|| lsp::FoldingRange {
        start_line: start.line,
        start_character: (!client.line_folding_only).then_some(start.character),
        end_line,
        end_character: (!client.line_folding_only && end_line == end.line).then_some(end.character),
        kind: fold.is_comment.then_some(lsp::FoldingRangeKind::Comment),
        collapsed_text: None,
    })
}

/// Selection ranges innermost first → the nested LSP structure. An empty list
/// gives the empty range at `offset` (LSP wants one answer per position).
pub fn selection_range(lines: Lines<'_>, offset: usize, spans: &[vpc_ide::Span]) -> lsp::SelectionRange {
    let mut current: Option<lsp::SelectionRange> = None;
    for span in spans.iter().rev() {
        current = Some(lsp::SelectionRange { range: lines.range(*span), parent: current.map(Box::new) });
    }
    current.unwrap_or_else(|| lsp::SelectionRange { range: lines.range(vpc_ide::Span::empty(offset)), parent: None })
}

pub fn inlay_hint(lines: Lines<'_>, hint: vpc_ide::InlayHint) -> lsp::InlayHint {
    lsp::InlayHint {
        position: lines.position(hint.offset),
        label: lsp::InlayHintLabel::String(hint.label),
        kind: None,
        text_edits: None,
        tooltip: None,
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

pub fn code_lens(lines: Lines<'_>, lens: vpc_ide::CodeLens) -> lsp::CodeLens {
    lsp::CodeLens {
        range: lines.range(lens.span),
        // A lens with an empty command is information only.
        command: Some(lsp::Command { title: lens.title, command: String::new(), arguments: None }),
        data: None,
    }
}

/// A quick fix. `diagnostics` are the LSP diagnostics it fixes: those the client
/// sent in the context when one matches, else ours.
pub fn code_action(
    lines: Lines<'_>,
    client: &ClientSupport,
    uri: &Uri,
    version: Option<i32>,
    action: vpc_ide::CodeAction,
    diagnostics: Vec<lsp::Diagnostic>,
) -> lsp::CodeActionOrCommand {
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title: action.title,
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(workspace_edit(client, uri, version, text_edits(lines, &action.edits))),
        command: None,
        is_preferred: action.is_preferred.then_some(true),
        disabled: None,
        data: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::Encoding;
    use ropey::Rope;
    use vpc_ide::Span;

    #[test]
    fn snippets_without_placeholders() {
        assert_eq!(
            snippet_to_plain("pain ${1:id} \"${2:title}\" { severity: ${3|extreme,severe|} }$0"),
            "pain id \"title\" { severity: extreme }"
        );
        assert_eq!(snippet_to_plain("a $1 b \\$ c ${2:x${3:y}z}"), "a  b $ c xyz");
        assert_eq!(snippet_to_plain("cost: $"), "cost: $");
    }

    #[test]
    fn semantic_tokens_are_relative_split_per_line_and_in_the_encoding() {
        let text = "a😀 bc\r\n  d\nxy";
        let rope = Rope::from_str(text);
        let lines = Lines::new(&rope, Encoding::Utf16);
        let tok = |start, end, kind| vpc_ide::SemanticToken { span: Span::new(start, end), kind };
        let b = text.find('b').unwrap();
        let d = text.find('d').unwrap();
        let tokens = [
            tok(d, text.len(), TokenKind::String), // spans two lines
            tok(0, 1, TokenKind::Keyword),
            tok(b, b + 2, TokenKind::Number),
        ];
        let out = semantic_tokens(lines, &tokens);
        let flat: Vec<[u32; 5]> = out
            .iter()
            .map(|t| [t.delta_line, t.delta_start, t.length, t.token_type, t.token_modifiers_bitset])
            .collect();
        assert_eq!(flat, vec![[0, 0, 1, 0, 0], [0, 4, 2, 14, 0], [1, 2, 1, 13, 0], [1, 0, 2, 13, 0]]);
        // In UTF-8, the emoji is four columns.
        let out = semantic_tokens(Lines::new(&rope, Encoding::Utf8), &tokens);
        assert_eq!(out[1].delta_start, 6);
    }

    #[test]
    fn overlapping_tokens_never_make_deltas_go_backwards() {
        let text = "ab\ncd\nef";
        let rope = Rope::from_str(text);
        let tok = |start, end| vpc_ide::SemanticToken { span: Span::new(start, end), kind: TokenKind::String };
        // Lines 0-2 as one token, then tokens inside it, then one after a gap.
        let out = semantic_tokens(Lines::new(&rope, Encoding::Utf16), &[tok(0, 8), tok(4, 5), tok(1, 2), tok(6, 7)]);
        let flat: Vec<[u32; 3]> = out.iter().map(|t| [t.delta_line, t.delta_start, t.length]).collect();
        assert_eq!(flat, vec![[0, 0, 2], [1, 0, 2], [1, 0, 2]]);
    }

    #[test]
    fn the_legend_covers_every_token_kind() {
        use SymbolKind::*;
        let legend = semantic_tokens_legend();
        let kinds = [Canvas, Segment, ValueMap, Job, Pain, Gain, Outcome, Product, Reliever, Creator];
        let mut all = vec![
            TokenKind::Keyword,
            TokenKind::UnresolvedReference,
            TokenKind::AttributeKey,
            TokenKind::EnumValue,
            TokenKind::Code,
            TokenKind::String,
            TokenKind::Number,
            TokenKind::Comment,
        ];
        all.extend(kinds.iter().flat_map(|&k| [TokenKind::Definition(k), TokenKind::Reference(k)]));
        for kind in all {
            let (ty, mods) = token_type(kind);
            assert!((ty as usize) < legend.token_types.len(), "{kind:?}");
            assert!(mods < 1 << legend.token_modifiers.len(), "{kind:?}");
        }
    }

    #[test]
    fn diagnostics_carry_code_link_source_help_and_related() {
        let text = "canvas c \"C\" {}";
        let rope = Rope::from_str(text);
        let uri: Uri = "file:///w/x.vpc".parse().unwrap();
        let d = vpc_ide::Diagnostic {
            code: vpc_ide::Code::DuplicateId,
            severity: Severity::Error,
            span: Span::new(7, 8),
            message: "`c` is defined twice".to_string(),
            help: Some("rename one".to_string()),
            related: vec![vpc_model::Related { span: Span::new(0, 6), message: "first defined here".to_string() }],
        };
        let out = diagnostic(Lines::new(&rope, Encoding::Utf16), &uri, &d);
        assert_eq!(out.code, Some(lsp::NumberOrString::String("duplicate-id".to_string())));
        assert_eq!(out.code_description.unwrap().href.as_str(), vpc_ide::Code::DuplicateId.url());
        assert_eq!(out.source.as_deref(), Some("vpc"));
        assert_eq!(out.message, "`c` is defined twice\nhelp: rename one");
        assert_eq!(out.severity, Some(lsp::DiagnosticSeverity::ERROR));
        let related = out.related_information.unwrap();
        assert_eq!(related[0].location.range.end.character, 6);
    }

    #[test]
    fn folding_keeps_the_closer_visible_for_line_folding_clients() {
        let text = "canvas c \"C\" {\n  x\n}\n";
        let rope = Rope::from_str(text);
        let lines = Lines::new(&rope, Encoding::Utf16);
        let fold = vpc_ide::Fold { span: Span::new(13, text.len() - 1), is_comment: false };
        let line_only = ClientSupport { line_folding_only: true, ..Default::default() };
        let r = folding_range(lines, &line_only, fold).unwrap();
        assert_eq!((r.start_line, r.end_line), (0, 1));
        let r = folding_range(lines, &ClientSupport::default(), fold).unwrap();
        assert_eq!((r.start_line, r.end_line, r.end_character), (0, 2, Some(1)));
    }

    #[test]
    fn selection_ranges_nest_outward() {
        let rope = Rope::from_str("abcdef");
        let lines = Lines::new(&rope, Encoding::Utf16);
        let r = selection_range(lines, 2, &[Span::new(2, 3), Span::new(1, 4), Span::new(0, 6)]);
        assert_eq!(r.range.start.character, 2);
        let parent = r.parent.unwrap();
        assert_eq!(parent.range.start.character, 1);
        assert_eq!(parent.parent.unwrap().range.end.character, 6);
        let empty = selection_range(lines, 3, &[]);
        assert_eq!(empty.range.start, empty.range.end);
    }
}

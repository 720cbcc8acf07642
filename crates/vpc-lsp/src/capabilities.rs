//! What the client can do, and what the server offers in return.

use std::time::Duration;

use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::position::Encoding;

/// The characters after which the client should ask for completions.
pub const TRIGGER_CHARACTERS: [&str; 4] = [":", "[", ",", " "];

/// The parts of the client's capabilities that change what the server sends.
#[derive(Clone, Debug, Default)]
pub struct ClientSupport {
    pub snippets: bool,
    pub hierarchical_symbols: bool,
    pub line_folding_only: bool,
    pub document_changes: bool,
    pub watched_files_registration: bool,
    pub markdown_hover: bool,
    /// The client runs VS Code's own commands, e.g. `editor.action.triggerSuggest`
    /// (other clients would ask the server to run them, and warn that it can't).
    pub vscode_commands: bool,
}

impl ClientSupport {
    pub fn from(caps: &ClientCapabilities, client: Option<&ClientInfo>) -> ClientSupport {
        let text = caps.text_document.as_ref();
        let workspace = caps.workspace.as_ref();
        ClientSupport {
            snippets: text
                .and_then(|t| t.completion.as_ref())
                .and_then(|c| c.completion_item.as_ref())
                .and_then(|i| i.snippet_support)
                .unwrap_or(false),
            hierarchical_symbols: text
                .and_then(|t| t.document_symbol.as_ref())
                .and_then(|s| s.hierarchical_document_symbol_support)
                .unwrap_or(false),
            line_folding_only: text
                .and_then(|t| t.folding_range.as_ref())
                .and_then(|f| f.line_folding_only)
                .unwrap_or(false),
            document_changes: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            watched_files_registration: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            markdown_hover: text
                .and_then(|t| t.hover.as_ref())
                .and_then(|h| h.content_format.as_ref())
                .is_none_or(|formats| formats.contains(&MarkupKind::Markdown)),
            vscode_commands: client.is_some_and(|c| is_vscode(&c.name)),
        }
    }
}

/// VS Code and its forks (`Visual Studio Code`, `Visual Studio Code - Insiders`,
/// `VSCodium`, `code-server`, `Code - OSS`, …).
fn is_vscode(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["visual studio code", "vscodium", "code-server", "code - oss", "cursor", "windsurf"]
        .iter()
        .any(|n| name.contains(n))
}

/// The server's options, from `initializationOptions`.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InitOptions {
    /// Milliseconds diagnostics wait after the last change (default 150; 0 for tests and benchmarks).
    pub diagnostic_delay_ms: Option<u64>,
}

impl InitOptions {
    pub fn from(value: Option<&serde_json::Value>) -> InitOptions {
        value.and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default()
    }

    pub fn diagnostic_delay(&self) -> Option<Duration> {
        self.diagnostic_delay_ms.map(Duration::from_millis)
    }
}

/// Everything the server offers.
pub fn server_capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(TRIGGER_CHARACTERS.iter().map(|c| c.to_string()).collect()),
            resolve_provider: Some(false),
            ..Default::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        document_symbol_provider: Some(OneOf::Right(DocumentSymbolOptions {
            label: Some("vpc".to_string()),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: convert::semantic_tokens_legend(),
                range: Some(true),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_range_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(false),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}

/// The registration of `workspace/didChangeWatchedFiles` for `vpc.toml` and `*.vpc`.
pub fn watched_files_registration() -> Registration {
    let watcher = |glob: &str| FileSystemWatcher { glob_pattern: GlobPattern::String(glob.to_string()), kind: None };
    let options =
        DidChangeWatchedFilesRegistrationOptions { watchers: vec![watcher("**/vpc.toml"), watcher("**/*.vpc")] };
    Registration {
        id: "vpc-watched-files".to_string(),
        method: "workspace/didChangeWatchedFiles".to_string(),
        register_options: serde_json::to_value(options).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_options() {
        let v = serde_json::json!({ "diagnosticDelayMs": 0, "other": true });
        assert_eq!(InitOptions::from(Some(&v)).diagnostic_delay(), Some(Duration::ZERO));
        assert_eq!(InitOptions::from(None).diagnostic_delay(), None);
        assert_eq!(InitOptions::from(Some(&serde_json::json!("junk"))).diagnostic_delay(), None);
    }

    #[test]
    fn client_support_defaults_to_the_least() {
        let s = ClientSupport::from(&ClientCapabilities::default(), None);
        assert!(!s.snippets && !s.hierarchical_symbols && !s.document_changes && !s.watched_files_registration);
        assert!(s.markdown_hover && !s.vscode_commands);
        let code = ClientInfo { name: "Visual Studio Code".to_string(), version: None };
        assert!(ClientSupport::from(&ClientCapabilities::default(), Some(&code)).vscode_commands);
        let nvim = ClientInfo { name: "Neovim".to_string(), version: None };
        assert!(!ClientSupport::from(&ClientCapabilities::default(), Some(&nvim)).vscode_commands);
    }
}

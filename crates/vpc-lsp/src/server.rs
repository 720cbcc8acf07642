//! The `LanguageServer` implementation: one line per method, each handing over to
//! its module in [`crate::handlers`].

use std::sync::{Arc, Mutex, MutexGuard};

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::capabilities::ClientSupport;
use crate::documents::Snapshot;
use crate::handlers::{self, document_text::DocumentTextParams};
use crate::pool::Pool;
use crate::session::Session;

/// The server: the client handle and the session, shared with background tasks.
#[derive(Clone)]
pub struct Server {
    pub(crate) client: Client,
    session: Arc<Mutex<Session>>,
    /// Held while diagnostics are checked for freshness and sent, so that an older
    /// run can never overtake a newer one.
    pub(crate) publish_turn: Arc<tokio::sync::Mutex<()>>,
    /// Becomes `true` once the workspace folders given at start-up are indexed.
    pub(crate) indexed: Arc<tokio::sync::watch::Sender<bool>>,
    /// The threads analyses and features run on, one lane per document.
    pub(crate) pool: Arc<Pool>,
    /// Taken by each update of the workspace index, in the order of the events,
    /// while its files are read off the message loop.
    pub(crate) index_turn: Arc<tokio::sync::Mutex<()>>,
    hooks: Hooks,
}

/// Threads for analyses and features: lanes (documents) that run at once. Typing
/// in one document uses one thread: an analysis of a large document already uses
/// every core (the parser works canvas group by canvas group in parallel), and a
/// second thread for the same document made keystrokes no faster and the server's
/// resident memory ~30 % larger (another allocator arena holding freed memory;
/// `cargo run --release -p vpc-lsp --example lsp-bench`, docs/performance.md). More
/// threads start only while a document's work is under way and another's waits,
/// so that a slow document never holds up the others.
const ANALYSIS_THREADS: usize = 4;

/// Hooks for tests, which cannot otherwise make an analysis slow on purpose.
#[doc(hidden)]
#[derive(Clone, Default)]
pub struct Hooks {
    /// Called on the analysis thread before each feature or diagnostics run on a
    /// document, with its URI.
    pub before_analysis: Option<AnalysisHook>,
}

#[doc(hidden)]
pub type AnalysisHook = Arc<dyn Fn(&Uri) + Send + Sync>;

impl Server {
    pub fn new(client: Client) -> Server {
        Server::with_hooks(client, Hooks::default())
    }

    #[doc(hidden)]
    pub fn with_hooks(client: Client, hooks: Hooks) -> Server {
        Server {
            client,
            session: Arc::default(),
            publish_turn: Arc::default(),
            indexed: Arc::new(tokio::sync::watch::Sender::new(false)),
            pool: Arc::new(Pool::new(ANALYSIS_THREADS)),
            index_turn: Arc::default(),
            hooks,
        }
    }

    /// The session. Never hold the guard across an `.await` (it is `!Send`, so the
    /// compiler refuses that anyway). A panic while it was held does not poison it
    /// for good: the state is still consistent, each change being applied whole.
    pub fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The snapshot of an open document's current version.
    pub fn snapshot(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        self.session().snapshot(uri)
    }

    pub fn client_support(&self) -> ClientSupport {
        self.session().client.clone()
    }

    /// Run a feature on a snapshot, off the message loop, on the document's lane
    /// (after the work asked before on the same document, beside other documents').
    /// A panic becomes `None` and a log message.
    pub async fn analyse<T: Send + 'static>(
        &self,
        feature: &'static str,
        snapshot: Arc<Snapshot>,
        f: impl FnOnce(&Snapshot) -> T + Send + 'static,
    ) -> Option<T> {
        let what = format!("{feature} on {}", snapshot.uri.as_str());
        let lane = snapshot.uri.as_str().to_string();
        let hook = self.hooks.before_analysis.clone();
        self.run(&lane, &what, move || {
            if let Some(hook) = hook {
                hook(&snapshot.uri);
            }
            f(&snapshot)
        })
        .await
    }

    /// Run work off the message loop, on the analysis threads, after the work
    /// given before on the same `lane`. A panic becomes `None` and a log message.
    pub async fn run<T: Send + 'static>(
        &self,
        lane: &str,
        what: &str,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        match self.pool.run(lane, f).await {
            Ok(value) => Some(value),
            Err(panic) => {
                self.client.log_message(MessageType::ERROR, format!("vpc: {what} failed: {panic}")).await;
                None
            }
        }
    }

    /// `vpc/documentText`: the server's text of a document.
    pub async fn document_text(&self, params: DocumentTextParams) -> Result<Option<serde_json::Value>> {
        handlers::document_text::document_text(self, params).await
    }
}

impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        handlers::lifecycle::initialize(self, params).await
    }

    async fn initialized(&self, params: InitializedParams) {
        handlers::lifecycle::initialized(self, params).await
    }

    async fn shutdown(&self) -> Result<()> {
        handlers::lifecycle::shutdown(self).await
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        handlers::sync::did_open(self, params).await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        handlers::sync::did_change(self, params).await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        handlers::sync::did_save(self, params).await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        handlers::sync::did_close(self, params).await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        handlers::watched_files::did_change_watched_files(self, params).await
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        handlers::watched_files::did_change_workspace_folders(self, params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        handlers::hover::hover(self, params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        handlers::completion::completion(self, params).await
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        handlers::navigation::goto_definition(self, params).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        handlers::navigation::references(self, params).await
    }

    async fn document_highlight(&self, params: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        handlers::navigation::document_highlight(self, params).await
    }

    async fn prepare_rename(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        handlers::rename::prepare_rename(self, params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        handlers::rename::rename(self, params).await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        handlers::symbols::document_symbol(self, params).await
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        handlers::symbols::workspace_symbol(self, params).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        handlers::folding::folding_range(self, params).await
    }

    async fn selection_range(&self, params: SelectionRangeParams) -> Result<Option<Vec<SelectionRange>>> {
        handlers::selection::selection_range(self, params).await
    }

    async fn semantic_tokens_full(&self, params: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        handlers::semantic_tokens::full(self, params).await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        handlers::semantic_tokens::range(self, params).await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        handlers::formatting::formatting(self, params).await
    }

    async fn range_formatting(&self, params: DocumentRangeFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        handlers::formatting::range_formatting(self, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        handlers::code_action::code_action(self, params).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        handlers::inlay_hint::inlay_hint(self, params).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        handlers::code_lens::code_lens(self, params).await
    }
}

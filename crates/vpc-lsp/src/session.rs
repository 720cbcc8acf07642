//! The state of one session: what was negotiated, the open documents, the
//! configurations and the workspace index. Lives behind one `std` mutex that is
//! never held across an `.await`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use crate::capabilities::ClientSupport;
use crate::config::Configs;
use crate::documents::{Applied, Document, Snapshot, file_path};
use crate::position::Encoding;
use crate::workspace::Workspace;

/// How long diagnostics wait after the last change of a document, unless the
/// client sets `initializationOptions.diagnosticDelayMs`.
pub const DEFAULT_DIAGNOSTIC_DELAY: Duration = Duration::from_millis(150);

pub struct Session {
    pub encoding: Encoding,
    pub client: ClientSupport,
    pub diagnostic_delay: Duration,
    pub documents: HashMap<Uri, Document>,
    pub configs: Configs,
    pub workspace: Workspace,
    /// The client watches `vpc.toml` and `*.vpc` for us.
    pub watching: bool,
    pub shutdown_requested: bool,
}

impl Default for Session {
    fn default() -> Session {
        Session {
            encoding: Encoding::default(),
            client: ClientSupport::default(),
            diagnostic_delay: DEFAULT_DIAGNOSTIC_DELAY,
            documents: HashMap::new(),
            configs: Configs::default(),
            workspace: Workspace::default(),
            watching: false,
            shutdown_requested: false,
        }
    }
}

impl Session {
    pub fn open(&mut self, uri: Uri, text: &str, version: i32) {
        let config = self.configs.for_document(file_path(&uri).as_deref());
        if let Some(old) = self.documents.insert(uri, Document::new(text, version, config))
            && let Some(pending) = old.pending
        {
            pending.abort();
        }
    }

    /// Apply a `didChange`: how it went and the snapshot it retired. `None` if the
    /// document is not open.
    pub fn change(
        &mut self,
        uri: &Uri,
        changes: &[TextDocumentContentChangeEvent],
        version: i32,
    ) -> Option<(Applied, Option<Arc<Snapshot>>)> {
        let encoding = self.encoding;
        Some(self.documents.get_mut(uri)?.apply(changes, version, encoding))
    }

    /// Close a document; returns it (for the caller to drop off the message loop).
    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        let mut doc = self.documents.remove(uri)?;
        if let Some(pending) = doc.pending.take() {
            pending.abort();
        }
        Some(doc)
    }

    /// The snapshot of an open document's current version.
    pub fn snapshot(&mut self, uri: &Uri) -> Option<Arc<Snapshot>> {
        let encoding = self.encoding;
        Some(self.documents.get_mut(uri)?.snapshot(uri, encoding))
    }

    /// Re-read every `vpc.toml` and give each document and indexed file its new levels.
    pub fn reload_configs(&mut self) {
        self.configs.reload();
        for (uri, doc) in self.documents.iter_mut() {
            let config = self.configs.for_document(file_path(uri).as_deref());
            // A rare event: the old analysis can be freed right here.
            drop(doc.set_config(config));
        }
        self.workspace.reconfigure(&mut self.configs);
    }

    /// The open documents and the indexed files that are not open.
    pub fn all_snapshots(&mut self) -> Vec<Arc<Snapshot>> {
        let encoding = self.encoding;
        let mut all: Vec<Arc<Snapshot>> =
            self.documents.iter_mut().map(|(uri, doc)| doc.snapshot(uri, encoding)).collect();
        all.extend(self.workspace.snapshots().filter(|s| !self.documents.contains_key(&s.uri)).cloned());
        all
    }
}

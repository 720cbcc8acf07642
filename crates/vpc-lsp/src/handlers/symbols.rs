//! `textDocument/documentSymbol` (hierarchical when the client takes it) and
//! `workspace/symbol` (open documents and the indexed files of the workspace).

use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::documents::Snapshot;
use crate::server::Server;

pub async fn document_symbol(server: &Server, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let client = server.client_support();
    let found = server.analyse("documentSymbol", snapshot, move |s| {
        let symbols = vpc_ide::document_symbols(s.file());
        if client.hierarchical_symbols {
            DocumentSymbolResponse::Nested(
                symbols.into_iter().map(|sym| convert::document_symbol(s.lines(), sym)).collect(),
            )
        } else {
            DocumentSymbolResponse::Flat(convert::flat_symbols(s.lines(), &s.uri, symbols))
        }
    });
    Ok(found.await)
}

/// At most this many workspace symbols are returned (best matches first).
const MAX_WORKSPACE_SYMBOLS: usize = 500;

/// How long a search waits for the first indexing of the workspace.
const WAIT_FOR_INDEX: Duration = Duration::from_secs(10);

pub async fn workspace_symbol(
    server: &Server,
    params: WorkspaceSymbolParams,
) -> Result<Option<WorkspaceSymbolResponse>> {
    // Right after start-up, answer from the whole workspace, not from what is indexed so far.
    let mut indexed = server.indexed.subscribe();
    let _ = tokio::time::timeout(WAIT_FOR_INDEX, indexed.wait_for(|done| *done)).await;
    // And after the updates of the index that watched-file events sent before started.
    let _ = tokio::time::timeout(WAIT_FOR_INDEX, server.index_turn.lock()).await;
    let snapshots = server.session().all_snapshots();
    let query = params.query;
    let found = server.run("workspace/symbol", "workspace/symbol", move || search(&snapshots, &query));
    Ok(found.await.map(WorkspaceSymbolResponse::Flat))
}

#[allow(deprecated)]
fn search(snapshots: &[Arc<Snapshot>], query: &str) -> Vec<SymbolInformation> {
    let files: Vec<(&str, &vpc_ide::File)> = snapshots.iter().map(|s| (s.uri.as_str(), s.file())).collect();
    vpc_ide::workspace_symbols(&files, query)
        .into_iter()
        .take(MAX_WORKSPACE_SYMBOLS)
        .filter_map(|found| {
            let snapshot = snapshots.iter().find(|s| s.uri.as_str() == found.file)?;
            Some(convert::workspace_symbol(snapshot.lines(), &snapshot.uri, found))
        })
        .collect()
}

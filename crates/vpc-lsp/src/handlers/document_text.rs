//! `vpc/documentText` (custom): the server's text of a document, for tests that
//! check the server is in step with the client.

use serde::Deserialize;
use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::TextDocumentIdentifier;

use crate::server::Server;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentTextParams {
    pub text_document: TextDocumentIdentifier,
}

pub async fn document_text(server: &Server, params: DocumentTextParams) -> Result<Option<Value>> {
    let session = server.session();
    let uri = params.text_document.uri;
    Ok(session
        .documents
        .get(&uri)
        .map(|doc| json!({ "uri": uri.as_str(), "version": doc.version, "text": doc.rope.to_string() })))
}

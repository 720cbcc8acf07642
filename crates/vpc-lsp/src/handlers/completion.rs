//! `textDocument/completion`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{CompletionParams, CompletionResponse};

use crate::convert;
use crate::server::Server;

pub async fn completion(server: &Server, params: CompletionParams) -> Result<Option<CompletionResponse>> {
    let at = params.text_document_position;
    let Some(snapshot) = server.snapshot(&at.text_document.uri) else { return Ok(None) };
    let client = server.client_support();
    let items = server.analyse("completion", snapshot, move |s| {
        let offset = s.lines().offset(at.position);
        vpc_ide::completions(s.file(), offset).into_iter().map(|c| convert::completion(s.lines(), &client, c)).collect()
    });
    Ok(items.await.map(CompletionResponse::Array))
}

//! `textDocument/hover`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{Hover, HoverParams};

use crate::convert;
use crate::server::Server;

pub async fn hover(server: &Server, params: HoverParams) -> Result<Option<Hover>> {
    let at = params.text_document_position_params;
    let Some(snapshot) = server.snapshot(&at.text_document.uri) else { return Ok(None) };
    let client = server.client_support();
    let hover = server.analyse("hover", snapshot, move |s| {
        let offset = s.lines().offset(at.position);
        vpc_ide::hover(s.file(), offset).map(|h| convert::hover(s.lines(), &client, h))
    });
    Ok(hover.await.flatten())
}

//! `textDocument/definition`, `textDocument/references`, `textDocument/documentHighlight`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::server::Server;

pub async fn goto_definition(server: &Server, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
    let at = params.text_document_position_params;
    let Some(snapshot) = server.snapshot(&at.text_document.uri) else { return Ok(None) };
    let found = server.analyse("definition", snapshot, move |s| {
        let offset = s.lines().offset(at.position);
        vpc_ide::goto_definition(s.file(), offset)
            .map(|span| GotoDefinitionResponse::Scalar(convert::location(s.lines(), &s.uri, span)))
    });
    Ok(found.await.flatten())
}

pub async fn references(server: &Server, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
    let at = params.text_document_position;
    let include_declaration = params.context.include_declaration;
    let Some(snapshot) = server.snapshot(&at.text_document.uri) else { return Ok(None) };
    let found = server.analyse("references", snapshot, move |s| {
        let offset = s.lines().offset(at.position);
        vpc_ide::references(s.file(), offset, include_declaration)
            .into_iter()
            .map(|span| convert::location(s.lines(), &s.uri, span))
            .collect()
    });
    Ok(found.await)
}

pub async fn document_highlight(
    server: &Server,
    params: DocumentHighlightParams,
) -> Result<Option<Vec<DocumentHighlight>>> {
    let at = params.text_document_position_params;
    let Some(snapshot) = server.snapshot(&at.text_document.uri) else { return Ok(None) };
    let found = server.analyse("documentHighlight", snapshot, move |s| {
        let offset = s.lines().offset(at.position);
        vpc_ide::highlights(s.file(), offset).into_iter().map(|h| convert::highlight(s.lines(), h)).collect()
    });
    Ok(found.await)
}

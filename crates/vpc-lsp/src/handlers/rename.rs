//! `textDocument/prepareRename`, `textDocument/rename`.
//!
//! A rename that cannot be done (not an identifier, a name already taken, an
//! invalid new name) is answered with `null`, not an error response, and the
//! reason is shown to the user with `window/showMessage`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::server::Server;

pub async fn prepare_rename(
    server: &Server,
    params: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let found = server.analyse("prepareRename", snapshot, move |s| {
        let offset = s.lines().offset(params.position);
        vpc_ide::prepare_rename(s.file(), offset).map(|span| PrepareRenameResponse::RangeWithPlaceholder {
            range: s.lines().range(span),
            placeholder: s.file().text.get(span.range()).unwrap_or_default().to_string(),
        })
    });
    match found.await {
        Some(Ok(answer)) => Ok(Some(answer)),
        Some(Err(reason)) => {
            server.client.log_message(MessageType::INFO, format!("vpc: cannot rename here: {reason}")).await;
            Ok(None)
        }
        None => Ok(None),
    }
}

pub async fn rename(server: &Server, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let at = params.text_document_position;
    let Some(snapshot) = server.snapshot(&at.text_document.uri) else { return Ok(None) };
    let client = server.client_support();
    let new_name = params.new_name;
    let found = server.analyse("rename", snapshot, move |s| {
        let offset = s.lines().offset(at.position);
        vpc_ide::rename(s.file(), offset, &new_name)
            .map(|edits| convert::workspace_edit(&client, &s.uri, s.version, convert::text_edits(s.lines(), &edits)))
    });
    match found.await {
        Some(Ok(edit)) => Ok(Some(edit)),
        Some(Err(reason)) => {
            server.client.show_message(MessageType::WARNING, format!("Cannot rename: {reason}")).await;
            Ok(None)
        }
        None => Ok(None),
    }
}

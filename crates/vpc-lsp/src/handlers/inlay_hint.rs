//! `textDocument/inlayHint`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{InlayHint, InlayHintParams};

use crate::convert;
use crate::server::Server;

pub async fn inlay_hint(server: &Server, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let range = params.range;
    let found = server.analyse("inlayHint", snapshot, move |s| {
        let span = s.lines().span(range);
        vpc_ide::inlay_hints(s.file(), span).into_iter().map(|h| convert::inlay_hint(s.lines(), h)).collect()
    });
    Ok(found.await)
}

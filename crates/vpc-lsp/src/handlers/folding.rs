//! `textDocument/foldingRange`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{FoldingRange, FoldingRangeParams};

use crate::convert;
use crate::server::Server;

pub async fn folding_range(server: &Server, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let client = server.client_support();
    let found = server.analyse("foldingRange", snapshot, move |s| {
        vpc_ide::folding_ranges(s.file())
            .into_iter()
            .filter_map(|f| convert::folding_range(s.lines(), &client, f))
            .collect()
    });
    Ok(found.await)
}

//! `textDocument/selectionRange`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{SelectionRange, SelectionRangeParams};

use crate::convert;
use crate::server::Server;

pub async fn selection_range(server: &Server, params: SelectionRangeParams) -> Result<Option<Vec<SelectionRange>>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let positions = params.positions;
    let found = server.analyse("selectionRange", snapshot, move |s| {
        positions
            .iter()
            .map(|&p| {
                let offset = s.lines().offset(p);
                convert::selection_range(s.lines(), offset, &vpc_ide::selection_ranges(s.file(), offset))
            })
            .collect()
    });
    Ok(found.await)
}

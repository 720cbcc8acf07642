//! `textDocument/codeLens`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{CodeLens, CodeLensParams};

use crate::convert;
use crate::server::Server;

pub async fn code_lens(server: &Server, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let found = server.analyse("codeLens", snapshot, |s| {
        vpc_ide::code_lenses(s.file()).into_iter().map(|l| convert::code_lens(s.lines(), l)).collect()
    });
    Ok(found.await)
}

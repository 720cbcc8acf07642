//! `textDocument/semanticTokens/full` and `/range`. The legend is in [`crate::convert`].

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::server::Server;

pub async fn full(server: &Server, params: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let found = server.analyse("semanticTokens/full", snapshot, |s| {
        let data = convert::semantic_tokens(s.lines(), &vpc_ide::semantic_tokens(s.file(), None));
        SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })
    });
    Ok(found.await)
}

pub async fn range(server: &Server, params: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let range = params.range;
    let found = server.analyse("semanticTokens/range", snapshot, move |s| {
        let span = s.lines().span(range);
        let data = convert::semantic_tokens(s.lines(), &vpc_ide::semantic_tokens(s.file(), Some(span)));
        SemanticTokensRangeResult::Tokens(SemanticTokens { result_id: None, data })
    });
    Ok(found.await)
}

//! `textDocument/formatting` and `textDocument/rangeFormatting`: the canonical form
//! of `vpc fmt`, whatever the editor's tab size (the form is the same everywhere).
//! Text with syntax errors gets no edits, not an error.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use vpc_ide::FormatOptions;

use crate::convert;
use crate::server::Server;

pub async fn formatting(server: &Server, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let found = server.analyse("formatting", snapshot, |s| {
        let edits = vpc_ide::format(s.file(), &FormatOptions::default()).unwrap_or_default();
        convert::text_edits(s.lines(), &edits)
    });
    Ok(Some(found.await.unwrap_or_default()))
}

pub async fn range_formatting(server: &Server, params: DocumentRangeFormattingParams) -> Result<Option<Vec<TextEdit>>> {
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let range = params.range;
    let found = server.analyse("rangeFormatting", snapshot, move |s| {
        let span = s.lines().span(range);
        let edits = vpc_ide::format_range(s.file(), span, &FormatOptions::default()).unwrap_or_default();
        convert::text_edits(s.lines(), &edits)
    });
    Ok(Some(found.await.unwrap_or_default()))
}

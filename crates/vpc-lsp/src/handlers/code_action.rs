//! `textDocument/codeAction`: quick fixes, each with the diagnostics it fixes.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::server::Server;

pub async fn code_action(server: &Server, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
    if let Some(only) = &params.context.only
        && !only.iter().any(|kind| CodeActionKind::QUICKFIX.as_str().starts_with(kind.as_str()))
    {
        return Ok(Some(Vec::new()));
    }
    let Some(snapshot) = server.snapshot(&params.text_document.uri) else { return Ok(None) };
    let client = server.client_support();
    let (range, sent) = (params.range, params.context.diagnostics);
    let found = server.analyse("codeAction", snapshot, move |s| {
        let lines = s.lines();
        let file = s.file();
        vpc_ide::code_actions(file, lines.span(range))
            .into_iter()
            .map(|action| {
                let fixes = match action.diagnostic {
                    Some((code, span)) => {
                        let range = lines.range(span);
                        let is_it = |d: &Diagnostic| {
                            d.range == range && matches!(&d.code, Some(NumberOrString::String(c)) if c == code.as_str())
                        };
                        match sent.iter().find(|d| is_it(d)) {
                            Some(d) => vec![d.clone()],
                            None => file
                                .diagnostics()
                                .iter()
                                .filter(|d| d.code == code && d.span == span)
                                .map(|d| convert::diagnostic(lines, &s.uri, d))
                                .collect(),
                        }
                    }
                    None => Vec::new(),
                };
                convert::code_action(lines, &client, &s.uri, s.version, action, fixes)
            })
            .collect()
    });
    Ok(found.await)
}

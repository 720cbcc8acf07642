//! Text synchronisation: `didOpen`, `didChange`, `didSave`, `didClose`.
//!
//! Each handler changes the session synchronously before its first `.await`, so
//! that edits apply in the order the client sent them even though handlers run
//! concurrently (see the crate docs).

use std::time::Duration;

use tower_lsp_server::ls_types::*;

use crate::config::Configs;
use crate::diagnostics;
use crate::documents::Applied;
use crate::handlers::watched_files;
use crate::server::Server;

pub async fn did_open(server: &Server, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    let problems = {
        let mut session = server.session();
        session.open(doc.uri.clone(), &doc.text, doc.version);
        session.configs.take_problems()
    };
    diagnostics::schedule(server, &doc.uri, Duration::ZERO);
    watched_files::show_problems(server, problems).await;
}

pub async fn did_change(server: &Server, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    // Synchronous, before any `.await`: this is what keeps edits in order.
    let (applied, delay) = {
        let mut session = server.session();
        let applied = session.change(&uri, &params.content_changes, params.text_document.version);
        (applied, session.diagnostic_delay)
    };
    match applied {
        Some((applied, retired)) => {
            server.pool.drop_later(uri.as_str(), retired);
            diagnostics::schedule(server, &uri, delay);
            if let Applied::VersionDidNotRise { old, new } = applied {
                let message = format!("vpc: version of {} went from {old} to {new}; versions must rise", uri.as_str());
                server.client.log_message(MessageType::WARNING, message).await;
            }
        }
        None => {
            let message = format!("vpc: didChange for {}, which is not open", uri.as_str());
            server.client.log_message(MessageType::WARNING, message).await;
        }
    }
}

pub async fn did_save(server: &Server, params: DidSaveTextDocumentParams) {
    // Without file watching, saving is when a changed `vpc.toml` is noticed.
    let watching = server.session().watching;
    let is_config = crate::documents::file_path(&params.text_document.uri).is_some_and(|p| Configs::is_config(&p));
    if !watching || is_config {
        watched_files::reload_configs(server).await;
    }
}

pub async fn did_close(server: &Server, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    let closed = server.session().close(&uri);
    if let Some(doc) = closed {
        server.pool.drop_later(uri.as_str(), doc);
        diagnostics::clear(server, uri).await;
    }
}

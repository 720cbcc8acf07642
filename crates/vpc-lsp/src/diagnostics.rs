//! Publishing diagnostics: debounced per document, so that a burst of keystrokes
//! costs one analysis, and never out of order.
//!
//! Each change bumps the document's generation and schedules a run: a task that
//! waits the delay, analyses the snapshot of that generation and publishes it with
//! its version, provided no newer change came in meanwhile. The next change aborts
//! a run still waiting. Runs take turns (`publish_turn`) to check and send, so an
//! older result can never arrive after a newer one.

use std::time::Duration;

use tower_lsp_server::ls_types::Uri;

use crate::convert;
use crate::server::Server;

/// Schedule a diagnostics run for an open document, `delay` from now.
pub fn schedule(server: &Server, uri: &Uri, delay: Duration) {
    let mut session = server.session();
    let Some(doc) = session.documents.get_mut(uri) else { return };
    if let Some(pending) = doc.pending.take() {
        pending.abort();
    }
    let generation = doc.generation;
    let task = tokio::spawn(run(server.clone(), uri.clone(), generation, delay));
    doc.pending = Some(task.abort_handle());
}

/// Schedule a run for every open document now (a `vpc.toml` changed).
pub fn schedule_all(server: &Server) {
    let uris: Vec<Uri> = server.session().documents.keys().cloned().collect();
    for uri in uris {
        schedule(server, &uri, Duration::ZERO);
    }
}

fn is_current(server: &Server, uri: &Uri, generation: u64) -> bool {
    server.session().documents.get(uri).is_some_and(|doc| doc.generation == generation)
}

async fn run(server: Server, uri: Uri, generation: u64, delay: Duration) {
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let snapshot = {
        let mut session = server.session();
        match session.documents.get(&uri) {
            Some(doc) if doc.generation == generation => session.snapshot(&uri),
            _ => None,
        }
    };
    let Some(snapshot) = snapshot else { return };
    let version = snapshot.version;
    let Some(diagnostics) = server
        .analyse("diagnostics", snapshot, |s| {
            let lines = s.lines();
            s.file().diagnostics().iter().map(|d| convert::diagnostic(lines, &s.uri, d)).collect::<Vec<_>>()
        })
        .await
    else {
        return;
    };
    let _turn = server.publish_turn.lock().await;
    if is_current(&server, &uri, generation) {
        server.client.publish_diagnostics(uri, diagnostics, version).await;
    }
}

/// Clear a closed document's diagnostics, after any run still sending.
pub async fn clear(server: &Server, uri: Uri) {
    let _turn = server.publish_turn.lock().await;
    server.client.publish_diagnostics(uri, Vec::new(), None).await;
}

//! `initialize`, `initialized`, `shutdown`.

use std::path::PathBuf;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use crate::capabilities::{self, ClientSupport, InitOptions};
use crate::documents::file_path;
use crate::handlers::watched_files;
use crate::position::Encoding;
use crate::server::Server;

pub async fn initialize(server: &Server, params: InitializeParams) -> Result<InitializeResult> {
    let encoding =
        Encoding::negotiate(params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
    let options = InitOptions::from(params.initialization_options.as_ref());
    {
        let mut session = server.session();
        session.encoding = encoding;
        session.client = ClientSupport::from(&params.capabilities, params.client_info.as_ref());
        if let Some(delay) = options.diagnostic_delay() {
            session.diagnostic_delay = delay;
        }
        session.workspace.folders = workspace_folders(&params);
    }
    Ok(InitializeResult {
        capabilities: capabilities::server_capabilities(encoding),
        server_info: Some(ServerInfo { name: "vpc".to_string(), version: Some(env!("CARGO_PKG_VERSION").to_string()) }),
        ..Default::default()
    })
}

/// The folders to index: the workspace folders, else the root.
#[allow(deprecated)] // `root_uri` and `root_path` are deprecated but still sent by older clients.
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) => folders.iter().filter_map(|f| file_path(&f.uri)).collect(),
        None => params
            .root_uri
            .as_ref()
            .and_then(file_path)
            .or_else(|| params.root_path.as_ref().map(PathBuf::from))
            .into_iter()
            .collect(),
    }
}

pub async fn initialized(server: &Server, _: InitializedParams) {
    let can_watch = server.session().client.watched_files_registration;
    if can_watch {
        match server.client.register_capability(vec![capabilities::watched_files_registration()]).await {
            Ok(()) => server.session().watching = true,
            Err(e) => {
                server
                    .client
                    .log_message(MessageType::WARNING, format!("vpc: cannot watch vpc.toml and *.vpc: {e}"))
                    .await
            }
        }
    }
    let folders = server.session().workspace.folders.clone();
    watched_files::index_folders(server, folders).await;
    server.indexed.send_replace(true);
}

pub async fn shutdown(server: &Server) -> Result<()> {
    server.session().shutdown_requested = true;
    Ok(())
}

//! `workspace/didChangeWatchedFiles` and `workspace/didChangeWorkspaceFolders`:
//! keep the configurations and the workspace index up to date.

use std::path::PathBuf;

use tower_lsp_server::ls_types::*;

use crate::config::Configs;
use crate::diagnostics;
use crate::documents::file_path;
use crate::pool;
use crate::server::Server;
use crate::workspace::{Workspace, is_vpc};

/// Files are re-read right away, before the first `.await`, so that the next
/// request sees them (an event names a handful of small files).
pub async fn did_change_watched_files(server: &Server, params: DidChangeWatchedFilesParams) {
    let mut configs_changed = false;
    let problems = {
        let mut session = server.session();
        let session = &mut *session;
        for event in &params.changes {
            let Some(path) = file_path(&event.uri) else { continue };
            if Configs::is_config(&path) {
                configs_changed = true;
            } else if is_vpc(&path) && session.workspace.contains(&path) {
                let text =
                    (event.typ != FileChangeType::DELETED).then(|| std::fs::read_to_string(&path).ok()).flatten();
                match text {
                    Some(text) => session.workspace.insert(path, &text, &mut session.configs, session.encoding),
                    None => session.workspace.remove(&path),
                }
            }
        }
        if configs_changed {
            session.reload_configs();
        }
        session.configs.take_problems()
    };
    if configs_changed {
        diagnostics::schedule_all(server);
    }
    show_problems(server, problems).await;
}

pub async fn did_change_workspace_folders(server: &Server, params: DidChangeWorkspaceFoldersParams) {
    let added: Vec<PathBuf> = params.event.added.iter().filter_map(|f| file_path(&f.uri)).collect();
    {
        let mut session = server.session();
        for removed in params.event.removed.iter().filter_map(|f| file_path(&f.uri)) {
            session.workspace.folders.retain(|f| *f != removed);
        }
        session.workspace.folders.extend(added.iter().cloned());
        // Forget the files of removed folders; the added ones are walked below.
        let keep: Vec<PathBuf> = session.workspace.folders.clone();
        let stale: Vec<PathBuf> = session
            .workspace
            .snapshots()
            .filter_map(|s| file_path(&s.uri))
            .filter(|p| !keep.iter().any(|f| p.starts_with(f)))
            .collect();
        for path in stale {
            session.workspace.remove(&path);
        }
    }
    index_folders(server, added).await;
}

/// Walk folders and put their `.vpc` files in the index.
pub async fn index_folders(server: &Server, folders: Vec<PathBuf>) {
    if folders.is_empty() {
        return;
    }
    let found = pool::blocking(move || Workspace::scan(&folders)).await.unwrap_or_default();
    insert(server, found).await;
}

async fn insert(server: &Server, files: Vec<(PathBuf, String)>) {
    let problems = {
        let mut session = server.session();
        let session = &mut *session;
        for (path, text) in files {
            session.workspace.insert(path, &text, &mut session.configs, session.encoding);
        }
        session.configs.take_problems()
    };
    show_problems(server, problems).await;
}

/// Re-read every `vpc.toml`, re-publish the diagnostics of open documents.
pub async fn reload_configs(server: &Server) {
    let problems = {
        let mut session = server.session();
        session.reload_configs();
        session.configs.take_problems()
    };
    diagnostics::schedule_all(server);
    show_problems(server, problems).await;
}

/// Tell the user about broken `vpc.toml` files.
pub async fn show_problems(server: &Server, problems: Vec<String>) {
    for problem in problems {
        server.client.show_message(MessageType::ERROR, format!("vpc: {problem}")).await;
    }
}

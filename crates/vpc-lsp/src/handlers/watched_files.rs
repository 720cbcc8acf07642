//! `workspace/didChangeWatchedFiles` and `workspace/didChangeWorkspaceFolders`:
//! keep the configurations and the workspace index up to date.
//!
//! Files are read off the message loop (on tokio's blocking pool) and outside the
//! session's lock, by the rules of [`crate::files`] (regular files of at most
//! 16 MB; a FIFO named `x.vpc` is never opened); the lock is taken only to put
//! what was read in the index. Updates of the index take `index_turn` in the order
//! the client sent them, so the index ends as the last event says.

use std::path::PathBuf;

use ropey::Rope;
use tower_lsp_server::ls_types::*;

use crate::config::Configs;
use crate::diagnostics;
use crate::documents::file_path;
use crate::files::Unread;
use crate::pool;
use crate::server::Server;
use crate::workspace::{Workspace, is_vpc, not_indexed};

pub async fn did_change_watched_files(server: &Server, params: DidChangeWatchedFilesParams) {
    let turn = server.index_turn.clone();
    let _turn = turn.lock().await;
    let mut configs_changed = false;
    // The indexed files the event names, and whether each was deleted.
    let mut named: Vec<(PathBuf, bool)> = Vec::new();
    {
        let session = server.session();
        for event in &params.changes {
            let Some(path) = file_path(&event.uri) else { continue };
            if Configs::is_config(&path) {
                configs_changed = true;
            } else if is_vpc(&path) && session.workspace.contains(&path) {
                named.push((path, event.typ == FileChangeType::DELETED));
            }
        }
    }
    let read: Vec<(PathBuf, Option<Result<Rope, Unread>>)> = pool::blocking(move || {
        named
            .into_iter()
            .map(|(path, deleted)| {
                let read = (!deleted).then(|| Workspace::read(&path));
                (path, read)
            })
            .collect()
    })
    .await
    .unwrap_or_default();
    let mut notices = Vec::new();
    let problems = {
        let mut session = server.session();
        let session = &mut *session;
        for (path, read) in read {
            match read {
                Some(Ok(rope)) => session.workspace.insert(path, rope, &mut session.configs, session.encoding),
                Some(Err(unread)) => {
                    if !unread.is_not_found() {
                        notices.push(not_indexed(&path, &unread));
                    }
                    session.workspace.remove(&path);
                }
                None => session.workspace.remove(&path),
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
    log_notices(server, notices).await;
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
    let turn = server.index_turn.clone();
    let _turn = turn.lock().await;
    let (found, notices) = pool::blocking(move || Workspace::scan(&folders)).await.unwrap_or_default();
    let problems = {
        let mut session = server.session();
        let session = &mut *session;
        for (path, rope) in found {
            session.workspace.insert(path, rope, &mut session.configs, session.encoding);
        }
        session.configs.take_problems()
    };
    log_notices(server, notices).await;
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

/// Log files left out of the index (`window/logMessage`: worth a line, not a pop-up).
async fn log_notices(server: &Server, notices: Vec<String>) {
    for notice in notices {
        server.client.log_message(MessageType::WARNING, notice).await;
    }
}

//! The `.vpc` files of the workspace folders that are not open, for workspace
//! symbols. Found by walking the folders as `vpc check` does (`.gitignore`
//! honoured, hidden folders skipped), kept up to date by watched-file events.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::Uri;

use crate::config::Configs;
use crate::documents::Snapshot;
use crate::files::{self, MAX_INDEXED_FILE, Unread};
use crate::position::Encoding;

/// Indexed files by path. Each is a snapshot whose analysis runs on first use.
#[derive(Default)]
pub struct Workspace {
    pub folders: Vec<PathBuf>,
    files: BTreeMap<PathBuf, Arc<Snapshot>>,
}

impl Workspace {
    /// Every `*.vpc` file below `folders` with its text, and a notice for each one
    /// that could not be indexed. Blocking: run off the message loop.
    pub fn scan(folders: &[PathBuf]) -> (Vec<(PathBuf, Rope)>, Vec<String>) {
        let (mut found, mut notices) = (Vec::new(), Vec::new());
        let Some((first, rest)) = folders.split_first() else { return (found, notices) };
        let mut walk = ignore::WalkBuilder::new(first);
        for folder in rest {
            walk.add(folder);
        }
        walk.follow_links(false).require_git(false);
        // Regular files only (a FIFO or a link is left alone), read with `files` rules.
        let entries = walk.build().filter_map(Result::ok);
        for entry in entries.filter(|e| e.file_type().is_some_and(|t| t.is_file()) && is_vpc(e.path())) {
            match Workspace::read(entry.path()) {
                Ok(rope) => found.push((entry.into_path(), rope)),
                Err(unread) if unread.is_not_found() => {}
                Err(unread) => notices.push(not_indexed(entry.path(), &unread)),
            }
        }
        (found, notices)
    }

    /// A `.vpc` file's text for the index: a regular file of at most
    /// [`MAX_INDEXED_FILE`] bytes. Blocking: run off the message loop.
    pub fn read(path: &Path) -> Result<Rope, Unread> {
        files::read_text(path, MAX_INDEXED_FILE).map(|text| Rope::from_str(&text))
    }

    /// Put a file's text in the index (new or changed).
    pub fn insert(&mut self, path: PathBuf, rope: Rope, configs: &mut Configs, encoding: Encoding) {
        let Some(uri) = Uri::from_file_path(&path) else { return };
        let config = configs.for_document(Some(&path));
        let snapshot = Snapshot::new(uri, None, rope, config, encoding);
        self.files.insert(path, Arc::new(snapshot));
    }

    pub fn remove(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// Is a path inside a workspace folder (and so worth indexing)?
    pub fn contains(&self, path: &Path) -> bool {
        self.folders.iter().any(|f| path.starts_with(f))
    }

    /// Re-read the configuration of every file (a `vpc.toml` changed).
    pub fn reconfigure(&mut self, configs: &mut Configs) {
        for (path, snapshot) in self.files.iter_mut() {
            let config = configs.for_document(Some(path));
            if **snapshot.config() != *config {
                *snapshot = Arc::new(snapshot.with_config(config));
            }
        }
    }

    pub fn snapshots(&self) -> impl Iterator<Item = &Arc<Snapshot>> + '_ {
        self.files.values()
    }
}

/// The notice for a file left out of the index.
pub fn not_indexed(path: &Path, why: &Unread) -> String {
    format!("vpc: {} is not indexed for workspace symbols: {why}", path.display())
}

pub fn is_vpc(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "vpc")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_honours_gitignore_and_hidden_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/.hidden")).unwrap();
        std::fs::create_dir_all(root.join("ignored")).unwrap();
        std::fs::write(root.join(".gitignore"), "ignored/\n").unwrap();
        std::fs::write(root.join("a/one.vpc"), "canvas one \"One\" {}").unwrap();
        std::fs::write(root.join("a/.hidden/two.vpc"), "").unwrap();
        std::fs::write(root.join("ignored/three.vpc"), "").unwrap();
        std::fs::write(root.join("a/notes.txt"), "").unwrap();
        let (found, notices) = Workspace::scan(&[root.to_path_buf()]);
        assert!(notices.is_empty(), "{notices:?}");
        let names: Vec<_> = found.iter().map(|(p, _)| p.strip_prefix(root).unwrap().to_path_buf()).collect();
        assert_eq!(names, vec![PathBuf::from("a/one.vpc")]);
    }

    #[test]
    fn scan_skips_what_it_cannot_index_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("ok.vpc"), "canvas ok \"OK\" {}").unwrap();
        std::fs::File::create(root.join("huge.vpc")).unwrap().set_len(MAX_INDEXED_FILE + 1).unwrap();
        std::fs::write(root.join("latin1.vpc"), b"caf\xe9").unwrap();
        let (found, notices) = Workspace::scan(&[root.to_path_buf()]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.to_string(), "canvas ok \"OK\" {}");
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(
            notices
                .iter()
                .any(|n| n.contains("huge.vpc") && n.contains("larger than the limit of 16 MB (16777217 bytes)"))
        );
        assert!(notices.iter().any(|n| n.contains("latin1.vpc") && n.contains("not UTF-8")));
    }
}

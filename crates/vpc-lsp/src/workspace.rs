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
use crate::position::Encoding;

/// Indexed files by path. Each is a snapshot whose analysis runs on first use.
#[derive(Default)]
pub struct Workspace {
    pub folders: Vec<PathBuf>,
    files: BTreeMap<PathBuf, Arc<Snapshot>>,
}

impl Workspace {
    /// Every `*.vpc` file below `folders` with its text. Blocking: run off the message loop.
    pub fn scan(folders: &[PathBuf]) -> Vec<(PathBuf, String)> {
        let Some((first, rest)) = folders.split_first() else { return Vec::new() };
        let mut walk = ignore::WalkBuilder::new(first);
        for folder in rest {
            walk.add(folder);
        }
        walk.follow_links(false).require_git(false);
        walk.build()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()) && is_vpc(e.path()))
            .filter_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                Some((e.into_path(), text))
            })
            .collect()
    }

    /// Put a file's text in the index (new or changed).
    pub fn insert(&mut self, path: PathBuf, text: &str, configs: &mut Configs, encoding: Encoding) {
        let Some(uri) = Uri::from_file_path(&path) else { return };
        let config = configs.for_document(Some(&path));
        let snapshot = Snapshot::new(uri, None, Rope::from_str(text), config, encoding);
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
        let found = Workspace::scan(&[root.to_path_buf()]);
        let names: Vec<_> = found.iter().map(|(p, _)| p.strip_prefix(root).unwrap().to_path_buf()).collect();
        assert_eq!(names, vec![PathBuf::from("a/one.vpc")]);
    }
}

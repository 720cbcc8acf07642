//! `vpc.toml`: the nearest one upward from each file, read once and re-read when
//! the client says it changed. A broken one is reported (file and key) and the
//! default levels apply until it is fixed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use vpc_model::LintConfig;
use vpc_model::config::{FILE_NAME, find_config};

use crate::files::{self, MAX_CONFIG_FILE};

/// The configurations read so far, by the path of their `vpc.toml`.
#[derive(Default)]
pub struct Configs {
    loaded: HashMap<PathBuf, Loaded>,
    /// Problems not yet shown to the user.
    problems: Vec<String>,
    /// The last problem shown for each file, so that re-reading a file that is still
    /// broken the same way does not show it again.
    shown: HashMap<PathBuf, String>,
}

struct Loaded {
    config: Arc<LintConfig>,
    /// Why the file could not be used, when it could not.
    error: Option<String>,
}

impl Configs {
    /// The lint levels for a document at `path` (`None`: an unsaved document, which
    /// gets the defaults).
    pub fn for_document(&mut self, path: Option<&Path>) -> Arc<LintConfig> {
        let Some(config_path) = path.and_then(Path::parent).and_then(find_config) else {
            return Arc::default();
        };
        if let Some(loaded) = self.loaded.get(&config_path) {
            return loaded.config.clone();
        }
        let loaded = load(&config_path);
        match &loaded.error {
            Some(error) if self.shown.get(&config_path) != Some(error) => {
                self.problems.push(error.clone());
                self.shown.insert(config_path.clone(), error.clone());
            }
            Some(_) => {}
            None => {
                self.shown.remove(&config_path);
            }
        }
        let config = loaded.config.clone();
        self.loaded.insert(config_path, loaded);
        config
    }

    /// Forget every file read, so that the next look-up reads them again.
    pub fn reload(&mut self) {
        self.loaded.clear();
    }

    /// Messages about broken `vpc.toml` files found since the last call.
    pub fn take_problems(&mut self) -> Vec<String> {
        std::mem::take(&mut self.problems)
    }

    /// Is `path` a configuration file?
    pub fn is_config(path: &Path) -> bool {
        path.file_name().is_some_and(|n| n == FILE_NAME)
    }
}

/// Read under the session's lock (a document cannot wait for its levels), so only
/// a regular file of at most [`MAX_CONFIG_FILE`] bytes is read: never a FIFO.
fn load(path: &Path) -> Loaded {
    let text = match files::read_text(path, MAX_CONFIG_FILE) {
        Ok(text) => text,
        Err(e) => {
            return Loaded {
                config: Arc::default(),
                error: Some(format!("{}: cannot be read ({e}); using the default lint levels", path.display())),
            };
        }
    };
    match LintConfig::from_toml(&text) {
        Ok(config) => Loaded { config: Arc::new(config), error: None },
        Err(e) => {
            let place = match e.span.as_ref() {
                Some(span) => {
                    let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                    format!("{}:{line}", path.display())
                }
                None => path.display().to_string(),
            };
            Loaded {
                config: Arc::default(),
                error: Some(format!("{place}: {e}; using the default lint levels until it is fixed")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vpc_model::{Code, Severity};

    #[test]
    fn nearest_upward_and_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "[lints]\nunrelieved-pain = \"error\"\n").unwrap();
        let mut configs = Configs::default();
        let doc = sub.join("x.vpc");
        assert_eq!(configs.for_document(Some(&doc)).severity(Code::UnrelievedPain), Some(Severity::Error));
        std::fs::write(dir.path().join(FILE_NAME), "[lints]\nunrelieved-pain = \"off\"\n").unwrap();
        assert_eq!(configs.for_document(Some(&doc)).severity(Code::UnrelievedPain), Some(Severity::Error), "cached");
        configs.reload();
        assert_eq!(configs.for_document(Some(&doc)).severity(Code::UnrelievedPain), None);
        // A nearer one wins.
        std::fs::write(sub.join(FILE_NAME), "").unwrap();
        configs.reload();
        assert_eq!(configs.for_document(Some(&doc)).severity(Code::UnrelievedPain), Some(Severity::Warning));
        assert!(configs.take_problems().is_empty());
    }

    #[test]
    fn a_broken_file_is_reported_with_its_key_and_defaults_apply() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "[lints]\nunrelieved-pains = \"error\"\n").unwrap();
        let mut configs = Configs::default();
        let config = configs.for_document(Some(&dir.path().join("x.vpc")));
        assert_eq!(*config, LintConfig::default());
        let problems = configs.take_problems();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("vpc.toml:2"), "{}", problems[0]);
        assert!(problems[0].contains("lints.unrelieved-pains"), "{}", problems[0]);
        // Reported once, not on every look-up, nor on re-reading it unchanged.
        configs.for_document(Some(&dir.path().join("y.vpc")));
        configs.reload();
        configs.for_document(Some(&dir.path().join("y.vpc")));
        assert!(configs.take_problems().is_empty());
        // Broken another way: reported again.
        std::fs::write(dir.path().join(FILE_NAME), "[lints]\nunrelieved-pain = \"loud\"\n").unwrap();
        configs.reload();
        configs.for_document(Some(&dir.path().join("y.vpc")));
        assert_eq!(configs.take_problems().len(), 1);
    }

    #[test]
    fn unsaved_documents_get_the_defaults() {
        let mut configs = Configs::default();
        assert_eq!(*configs.for_document(None), LintConfig::default());
    }
}

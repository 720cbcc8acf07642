//! Open documents: the text of each as a rope, its version, and the analysis of
//! that version, computed lazily and shared by every request on it.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use ropey::Rope;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};
use vpc_ide::LintConfig;

use crate::position::{Encoding, Lines};

/// One open document.
pub struct Document {
    pub rope: Rope,
    pub version: i32,
    /// Bumped on every change of the text or of its configuration; a diagnostics
    /// run publishes only if the generation it started from is still current.
    pub generation: u64,
    /// The lint levels of the nearest `vpc.toml`.
    pub config: Arc<LintConfig>,
    /// The snapshot of the current version, once someone asked for it.
    snapshot: Option<Arc<Snapshot>>,
    /// The pending diagnostics run, aborted by the next change.
    pub pending: Option<tokio::task::AbortHandle>,
}

/// How applying a `didChange` went.
#[derive(Debug, PartialEq, Eq)]
pub enum Applied {
    Ok,
    /// Applied, though the version did not rise (a client bug worth a log line).
    VersionDidNotRise {
        old: i32,
        new: i32,
    },
}

impl Document {
    pub fn new(text: &str, version: i32, config: Arc<LintConfig>) -> Document {
        Document { rope: Rope::from_str(text), version, generation: 0, config, snapshot: None, pending: None }
    }

    /// Apply a notification's changes, in the order given. Ranges are clamped to the
    /// text, so no change can panic. Returns the snapshot of the old version, for the
    /// caller to drop off the message loop.
    pub fn apply(
        &mut self,
        changes: &[TextDocumentContentChangeEvent],
        version: i32,
        encoding: Encoding,
    ) -> (Applied, Option<Arc<Snapshot>>) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let chars = Lines::new(&self.rope, encoding).char_range(range);
                    self.rope.remove(chars.clone());
                    self.rope.insert(chars.start, &change.text);
                }
                None => self.rope = Rope::from_str(&change.text),
            }
        }
        let old = self.version;
        self.version = version;
        let retired = self.touch();
        let applied = if version > old { Applied::Ok } else { Applied::VersionDidNotRise { old, new: version } };
        (applied, retired)
    }

    /// Forget the analysis (the text or the configuration changed); returns it.
    pub fn touch(&mut self) -> Option<Arc<Snapshot>> {
        self.generation += 1;
        self.snapshot.take()
    }

    pub fn set_config(&mut self, config: Arc<LintConfig>) -> Option<Arc<Snapshot>> {
        if *self.config == *config {
            return None;
        }
        self.config = config;
        self.touch()
    }

    /// The snapshot of the current version (cheap: the rope is shared, the analysis lazy).
    pub fn snapshot(&mut self, uri: &Uri, encoding: Encoding) -> Arc<Snapshot> {
        self.snapshot
            .get_or_insert_with(|| {
                Arc::new(Snapshot::new(
                    uri.clone(),
                    Some(self.version),
                    self.rope.clone(),
                    self.config.clone(),
                    encoding,
                ))
            })
            .clone()
    }
}

/// One version of a text, frozen: what every feature reads. The analysis runs on
/// first use, off the message loop, and at most once per version.
pub struct Snapshot {
    pub uri: Uri,
    /// `None` for a workspace file that is not open.
    pub version: Option<i32>,
    pub rope: Rope,
    pub encoding: Encoding,
    config: Arc<LintConfig>,
    file: OnceLock<vpc_ide::File>,
}

impl Snapshot {
    pub fn new(uri: Uri, version: Option<i32>, rope: Rope, config: Arc<LintConfig>, encoding: Encoding) -> Snapshot {
        Snapshot { uri, version, rope, encoding, config, file: OnceLock::new() }
    }

    /// The analysed file (parses and lints on first call; blocking).
    pub fn file(&self) -> &vpc_ide::File {
        self.file.get_or_init(|| vpc_ide::File::new(self.rope.to_string(), &self.config))
    }

    /// Positions of this version in the negotiated encoding.
    pub fn lines(&self) -> Lines<'_> {
        Lines::new(&self.rope, self.encoding)
    }

    pub fn config(&self) -> &Arc<LintConfig> {
        &self.config
    }

    /// The same text with another configuration (a `vpc.toml` changed).
    pub fn with_config(&self, config: Arc<LintConfig>) -> Snapshot {
        Snapshot::new(self.uri.clone(), self.version, self.rope.clone(), config, self.encoding)
    }
}

/// The local path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(range: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(a, b)| Range::new(Position::new(a.0, a.1), Position::new(b.0, b.1))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn changes_apply_in_order_in_utf16() {
        let mut doc = Document::new("pain 😀 x\r\nb", 1, Arc::default());
        let changes = [
            change(Some(((0, 8), (0, 9))), "y"),  // x -> y (the emoji is two units)
            change(Some(((1, 0), (1, 0))), "a"),  // insert before b
            change(Some(((0, 5), (0, 7))), "🙂"), // replace the emoji
        ];
        assert_eq!(doc.apply(&changes, 2, Encoding::Utf16).0, Applied::Ok);
        assert_eq!(doc.rope.to_string(), "pain 🙂 y\r\nab");
    }

    #[test]
    fn changes_in_utf8_columns() {
        let mut doc = Document::new("é x", 1, Arc::default());
        doc.apply(&[change(Some(((0, 3), (0, 4))), "yz")], 2, Encoding::Utf8);
        assert_eq!(doc.rope.to_string(), "é yz");
    }

    #[test]
    fn a_full_change_replaces_the_text_and_clamped_ranges_never_panic() {
        let mut doc = Document::new("abc", 1, Arc::default());
        doc.apply(&[change(None, "x\ny")], 2, Encoding::Utf16);
        assert_eq!(doc.rope.to_string(), "x\ny");
        doc.apply(&[change(Some(((9, 9), (12, 0))), "!")], 3, Encoding::Utf16);
        assert_eq!(doc.rope.to_string(), "x\ny!");
        doc.apply(&[change(Some(((1, 1), (0, 0))), "")], 4, Encoding::Utf16);
        assert_eq!(doc.rope.to_string(), "!");
    }

    #[test]
    fn versions_must_rise() {
        let mut doc = Document::new("", 5, Arc::default());
        assert_eq!(
            doc.apply(&[change(None, "a")], 5, Encoding::Utf16).0,
            Applied::VersionDidNotRise { old: 5, new: 5 }
        );
        assert_eq!(doc.rope.to_string(), "a", "applied all the same, to stay in step with the client");
    }

    #[test]
    fn a_snapshot_is_shared_until_the_next_change() {
        let uri: Uri = "file:///x.vpc".parse().unwrap();
        let mut doc = Document::new("canvas c \"C\" {}", 1, Arc::default());
        let a = doc.snapshot(&uri, Encoding::Utf16);
        let b = doc.snapshot(&uri, Encoding::Utf16);
        assert!(Arc::ptr_eq(&a, &b));
        doc.apply(&[change(Some(((0, 0), (0, 0))), " ")], 2, Encoding::Utf16);
        let c = doc.snapshot(&uri, Encoding::Utf16);
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(c.version, Some(2));
        assert_eq!(a.file().text, "canvas c \"C\" {}");
    }
}

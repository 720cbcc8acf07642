//! `vpc.toml`: per-code lint levels, e.g.
//!
//! ```toml
//! [lints]
//! unrelieved-pain = "error"   # error | warning | info | off
//! uncreated-gain = "off"
//! ```
//!
//! The nearest `vpc.toml` upward from a file applies to it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::lints::{Code, Severity};

/// The name of the configuration file.
pub const FILE_NAME: &str = "vpc.toml";

/// A configured level: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    const NAMES: [(&'static str, Level); 4] =
        [("error", Level::Error), ("warning", Level::Warning), ("info", Level::Info), ("off", Level::Off)];

    fn parse(text: &str) -> Option<Level> {
        Level::NAMES.iter().find(|(n, _)| *n == text).map(|(_, l)| *l)
    }
}

/// The lint levels that apply to a file: the defaults of spec §6, changed by `vpc.toml`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LintConfig {
    levels: HashMap<Code, Level>,
}

/// Why a `vpc.toml` cannot be used: names the key and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The offending key, e.g. `lints.unrelieved-pain`, when there is one.
    pub key: Option<String>,
    pub message: String,
    /// Byte range in the file.
    pub span: Option<std::ops::Range<usize>>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.key {
            Some(key) => write!(f, "`{key}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    lints: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
}

impl LintConfig {
    /// Read the text of a `vpc.toml`.
    pub fn from_toml(text: &str) -> Result<LintConfig, ConfigError> {
        let file: File = toml::from_str(text).map_err(|e| ConfigError {
            key: None,
            message: e.message().trim().to_string(),
            span: e.span(),
        })?;
        let mut levels = HashMap::new();
        for (key, value) in file.lints {
            let name = key.get_ref();
            let full_key = Some(format!("lints.{name}"));
            let code = Code::parse(name).ok_or_else(|| ConfigError {
                key: full_key.clone(),
                message: match crate::lints::nearest_code(name) {
                    Some(near) => format!("unknown diagnostic code `{name}`; did you mean `{near}`?"),
                    None => format!("unknown diagnostic code `{name}`; `vpc explain` lists the codes"),
                },
                span: Some(key.span()),
            })?;
            if !code.is_configurable() {
                return Err(ConfigError {
                    key: full_key,
                    message: "the level of `syntax-error` cannot be changed".to_string(),
                    span: Some(key.span()),
                });
            }
            let level = Level::parse(value.get_ref()).ok_or_else(|| ConfigError {
                key: full_key.clone(),
                message: format!(
                    "unknown level `{}`; use \"error\", \"warning\", \"info\" or \"off\"",
                    value.get_ref()
                ),
                span: Some(value.span()),
            })?;
            levels.insert(code, level);
        }
        Ok(LintConfig { levels })
    }

    /// The severity of a code, `None` when it is turned off.
    pub fn severity(&self, code: Code) -> Option<Severity> {
        self.severity_of(code, code.default_severity())
    }

    /// The severity of one diagnostic whose lint chose `natural` (its code's default,
    /// or a lower one for a minor item): a level set in `vpc.toml` for the code applies
    /// to all of its diagnostics; `None` when the code is off.
    pub fn severity_of(&self, code: Code, natural: Severity) -> Option<Severity> {
        match self.levels.get(&code) {
            None => Some(natural),
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Info) => Some(Severity::Info),
            Some(Level::Off) => None,
        }
    }
}

/// The nearest `vpc.toml` in `dir` or a folder above it that is a file (or a link to
/// one). Anything else of that name — a folder, a FIFO, a link to nothing — is passed
/// over, so a parent's file may apply in its place; [`nearest_config`] finds those
/// too, to report them.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// The nearest entry called `vpc.toml` in `dir` or a folder above it, whatever it is.
/// A folder, a FIFO or a dangling symlink of that name is found too (and then fails to
/// be read), rather than passed over for a parent's configuration that the user did
/// not mean. Look at what it is before opening it: opening a FIFO waits for a writer.
pub fn nearest_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.symlink_metadata().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_entry_counts_whatever_it_is() {
        let dir = std::env::temp_dir().join(format!("vpc-config-{}", std::process::id()));
        let inner = dir.join("team");
        std::fs::create_dir_all(inner.join(FILE_NAME)).unwrap();
        std::fs::write(dir.join(FILE_NAME), "").unwrap();
        assert_eq!(nearest_config(&inner), Some(inner.join(FILE_NAME)));
        assert_eq!(find_config(&inner), Some(dir.join(FILE_NAME)));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn levels() {
        let c = LintConfig::from_toml("[lints]\nunrelieved-pain = \"error\"\nuncreated-gain = \"off\"\n").unwrap();
        assert_eq!(c.severity(Code::UnrelievedPain), Some(Severity::Error));
        assert_eq!(c.severity(Code::UncreatedGain), None);
        assert_eq!(c.severity(Code::UnrankedJob), Some(Severity::Warning));
    }

    #[test]
    fn errors_name_the_key() {
        let e = LintConfig::from_toml("[lints]\nunrelieved-pains = \"error\"\n").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("lints.unrelieved-pains"));
        assert!(e.message.contains("did you mean `unrelieved-pain`"), "{e}");
        let e = LintConfig::from_toml("[lints]\nunrelieved-pain = \"loud\"\n").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("lints.unrelieved-pain"));
        let e = LintConfig::from_toml("[lints]\nsyntax-error = \"off\"\n").unwrap_err();
        assert!(e.message.contains("cannot be changed"));
        let e = LintConfig::from_toml("[lint]\n").unwrap_err();
        assert!(e.span.is_some(), "{e:?}");
        let e = LintConfig::from_toml("[lints]\nunrelieved-pain = 3\n").unwrap_err();
        assert!(e.span.is_some(), "{e:?}");
    }
}

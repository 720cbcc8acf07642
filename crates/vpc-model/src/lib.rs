//! The meaning of a `.vpc` file: the canvas model, its lints, fit and opportunity scores.
//!
//! [`analyze`] takes the syntax tree of `vpc_syntax::parse` and returns the
//! canvases with every diagnostic of spec §6, after `allow:` lists and the levels
//! of `vpc.toml` have been applied. Nothing here knows about LSP or the terminal.

pub mod config;
pub mod lints;
mod lower;
pub mod model;
pub mod questions;

pub use config::{ConfigError, LintConfig};
pub use lints::{Code, Diagnostic, Related, Severity};
pub use model::*;

use vpc_syntax::Parse;

/// A file's canvases and diagnostics.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub canvases: Vec<Canvas>,
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
}

/// Parse and analyse text in one go.
pub fn check(text: &str, config: &LintConfig) -> (Parse, Analysis) {
    let parse = vpc_syntax::parse(text);
    let analysis = analyze(text, &parse, config);
    (parse, analysis)
}

/// Build the model of a parsed file and lint it.
pub fn analyze(text: &str, parse: &Parse, config: &LintConfig) -> Analysis {
    analyze_with(text, parse, config, None)
}

fn analyze_with(text: &str, parse: &Parse, config: &LintConfig, parallel: Option<bool>) -> Analysis {
    let lines = lower::Lines::new(text);
    let mut sink = lints::Sink::default();
    let canvases = lower::lower_and_check(&parse.file, &lines, &mut sink, parallel);
    let mut diagnostics: Vec<Diagnostic> = parse
        .errors
        .iter()
        .map(|e| Diagnostic {
            code: Code::SyntaxError,
            severity: Severity::Error,
            span: e.span,
            message: e.message.clone(),
            help: None,
            related: Vec::new(),
        })
        .collect();
    for raw in sink.raw {
        let code = raw.diagnostic.code;
        if lints::is_allowed(&canvases, raw.scope, code) {
            continue;
        }
        let Some(severity) = config.severity_of(code, raw.diagnostic.severity) else { continue };
        diagnostics.push(Diagnostic { severity, ..raw.diagnostic });
    }
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end, d.code));
    Analysis { canvases, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_is_analysed_the_same_on_every_core_as_on_one() {
        // The examples and every lint fixture, many times over: every code, `allow:`
        // lists, duplicate canvas ids across the file.
        let dirs = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/lints"),
        ];
        let mut files: Vec<_> =
            dirs.iter().flat_map(|d| std::fs::read_dir(d).unwrap()).map(|e| e.unwrap().path()).collect();
        files.retain(|p| p.extension().is_some_and(|e| e == "vpc"));
        files.sort();
        let mut text = String::new();
        for _ in 0..8 {
            for path in &files {
                text.push_str(&std::fs::read_to_string(path).unwrap());
                text.push('\n');
            }
        }
        assert!(text.len() > 200_000, "{} bytes", text.len());
        let parse = vpc_syntax::parse(&text);
        let config = LintConfig::default();
        let parallel = analyze_with(&text, &parse, &config, Some(true));
        let sequential = analyze_with(&text, &parse, &config, Some(false));
        assert!(sequential.diagnostics.len() > 100);
        assert_eq!(parallel.canvases, sequential.canvases);
        assert_eq!(parallel.diagnostics, sequential.diagnostics);
        assert_eq!(analyze(&text, &parse, &config).diagnostics, sequential.diagnostics);
    }
}

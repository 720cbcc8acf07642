//! JSON for tools. The shape (version 1) is documented in the crate README and
//! only grows: new keys may appear, existing ones keep their meaning.

use serde::Serialize;

use super::Summary;
use crate::{FileDiff, Report};

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    old_revision: Option<&'a str>,
    new_revision: Option<&'a str>,
    files: &'a [FileDiff],
    summary: Summary,
}

/// The report as one pretty-printed JSON object, with a final newline.
pub fn json(report: &Report) -> String {
    let json = Json {
        version: 1,
        old_revision: report.old_revision.as_deref(),
        new_revision: report.new_revision.as_deref(),
        files: &report.files,
        summary: Summary::of(report),
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

//! Which files a command works on, and reading them.

use std::path::{Path, PathBuf};

/// A problem with a path given on the command line or found below it.
pub(crate) struct PathError {
    pub path: PathBuf,
    pub message: String,
}

/// [`collect`], reporting each path problem on stderr; the flag says whether there was any.
pub(crate) fn collect_reporting(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathError>) {
    let mut errors = Vec::new();
    let files = collect(paths, &mut errors);
    for e in &errors {
        crate::output::path_error(&e.path, &e.message);
    }
    (files, errors)
}

/// Every file to check: files named explicitly, and every `*.vpc` below the folders
/// (honouring `.gitignore`, skipping hidden folders, not following symlinks), in path order.
pub(crate) fn collect(paths: &[PathBuf], errors: &mut Vec<PathError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(PathError { path: path.clone(), message: io_message(&e) }),
            Ok(meta) if meta.is_dir() => walk(path, &mut files, errors),
            Ok(_) => files.push(path.clone()),
        }
    }
    files.sort();
    files.dedup();
    files
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<PathError>) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .ignore(false)
        .parents(true)
        .require_git(false)
        .follow_links(false)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && entry.path().extension().is_some_and(|e| e == "vpc") {
                    files.push(entry.into_path());
                }
            }
            Err(e) => {
                let path = match &e {
                    ignore::Error::WithPath { path, .. } => path.clone(),
                    _ => dir.to_path_buf(),
                };
                errors.push(PathError { path, message: e.to_string() });
            }
        }
    }
}

/// Read a file as UTF-8 text, or say why not.
pub(crate) fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| io_message(&e))?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let index = vpc_syntax::LineIndex::new(valid);
        let pos = index.line_col(valid, at);
        format!("{}:{}: not UTF-8 text (byte 0x{:02x}); save the file as UTF-8", pos.line + 1, pos.col + 1, bytes[at])
    })
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read it".to_string(),
        _ => {
            let text = e.to_string();
            // Drop the "(os error N)" suffix: it says nothing to the reader.
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}

//! Which files a command works on, and reading them.

use std::fs::Metadata;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
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

/// Every file to check: files named explicitly (a symlink to a file counts as one;
/// a FIFO, device or socket is an error), and every `*.vpc` regular file below the
/// folders (honouring `.gitignore`, skipping hidden folders, not following symlinks),
/// in path order.
pub(crate) fn collect(paths: &[PathBuf], errors: &mut Vec<PathError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        // `metadata`, not `open`: opening a FIFO would wait for a writer.
        match std::fs::metadata(path) {
            Err(e) => errors.push(PathError { path: path.clone(), message: io_message(&e) }),
            Ok(meta) if meta.is_dir() => walk(path, &mut files, errors),
            Ok(meta) if !meta.is_file() => errors.push(PathError { path: path.clone(), message: not_regular(&meta) }),
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

/// The largest file vpc reads: far beyond any canvas written by hand, and small
/// enough that a file like `/dev/zero` cannot exhaust the memory.
pub(crate) const MAX_SIZE: u64 = 64 * 1024 * 1024;

/// Read a regular file (or a symlink to one) as UTF-8 text, or say why not.
pub(crate) fn read(path: &Path) -> Result<String, String> {
    read_with(path, true)
}

/// [`read`], but a symbolic link is refused (in the last component of the path).
pub(crate) fn read_not_following(path: &Path) -> Result<String, String> {
    read_with(path, false)
}

fn read_with(path: &Path, follow: bool) -> Result<String, String> {
    // Look before opening: opening a FIFO waits for a writer.
    let meta = if follow { std::fs::metadata(path) } else { std::fs::symlink_metadata(path) };
    let meta = meta.map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    // Non-blocking, should the path have become a FIFO since: then the open returns
    // at once and the second look below refuses it. (A regular file reads as usual.)
    let mut flags = rustix::fs::OFlags::NONBLOCK;
    if !follow {
        flags |= rustix::fs::OFlags::NOFOLLOW;
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
        .map_err(|e| io_message(&e))?;
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    decode(read_limited(file).map_err(|e| io_message(&e))?)
}

/// Everything on stdin, up to [`MAX_SIZE`], as UTF-8 text; the message says why not.
pub(crate) fn read_stdin() -> Result<String, String> {
    match read_limited(std::io::stdin().lock()) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| "<stdin>: not UTF-8 text; vpc reads UTF-8".to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => Err(format!("<stdin>: {e}")),
        Err(e) => Err(format!("cannot read stdin: {e}")),
    }
}

/// All of `reader`, unless it holds more than [`MAX_SIZE`] bytes (reading stops just
/// past the limit, so an endless source is refused without filling the memory).
fn read_limited(reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(MAX_SIZE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_SIZE {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("larger than {} MiB, the most vpc reads; split it into smaller files", MAX_SIZE >> 20),
        ));
    }
    Ok(bytes)
}

/// UTF-8 text, or the line and column where it is not.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let index = vpc_syntax::LineIndex::new(valid);
        let pos = index.line_col(valid, at);
        format!("{}:{}: not UTF-8 text (byte 0x{:02x}); save the file as UTF-8", pos.line + 1, pos.col + 1, bytes[at])
    })
}

/// What a path that is not a regular file (nor a folder) is, and what to do instead.
pub(crate) fn not_regular(meta: &Metadata) -> String {
    format!("not a regular file ({}); name a regular file instead", kind(meta))
}

/// The kind of thing a path is, in a few words.
pub(crate) fn kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_file() {
        "a regular file"
    } else {
        "an unknown kind of file"
    }
}

pub(crate) fn io_message(e: &std::io::Error) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_just_past_the_limit() {
        let exactly = read_limited(std::io::repeat(b' ').take(MAX_SIZE)).unwrap();
        assert_eq!(exactly.len() as u64, MAX_SIZE);
        drop(exactly);
        let err = read_limited(std::io::repeat(b' ').take(MAX_SIZE + 1)).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::FileTooLarge);
        // An endless source (as `/dev/zero` is) ends in the same error.
        let err = read_limited(std::io::repeat(0)).unwrap_err();
        assert_eq!(err.to_string(), "larger than 64 MiB, the most vpc reads; split it into smaller files");
    }
}

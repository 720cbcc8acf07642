//! Reading the files the server reads by itself (workspace `.vpc` files for the
//! index, `vpc.toml`): only regular files, never more than a limit, and never an
//! `open` that could block. A FIFO named `x.vpc` blocks its reader until someone
//! writes to it, a device such as `/dev/zero` never ends: both are refused by
//! their metadata before anything is opened, and the file is opened without
//! blocking and checked again, in case it was replaced in between.
//! Blocking: call it off the message loop.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// The largest `.vpc` file indexed from disk (open documents have no limit).
pub const MAX_INDEXED_FILE: u64 = 16 << 20;

/// The largest `vpc.toml` read.
pub const MAX_CONFIG_FILE: u64 = 1 << 20;

/// Why a file was not read.
#[derive(Debug)]
pub enum Unread {
    /// A FIFO, a device, a socket or a folder: what it is.
    NotAFile(&'static str),
    /// Larger than the limit: its size and the limit.
    TooLarge {
        size: u64,
        limit: u64,
    },
    NotUtf8,
    Io(std::io::Error),
}

impl Unread {
    /// The file is gone (deleted since the event or the walk named it).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Unread::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::NotAFile(kind) => write!(f, "it is {kind}, not a regular file"),
            Unread::TooLarge { size, limit } => {
                write!(f, "it is larger than the limit of {} MB ({size} bytes)", limit >> 20)
            }
            Unread::NotUtf8 => write!(f, "it is not UTF-8 text"),
            Unread::Io(e) => write!(f, "{e}"),
        }
    }
}

/// A regular file's text, if it is one, of at most `limit` bytes, in UTF-8.
pub fn read_text(path: &Path, limit: u64) -> Result<String, Unread> {
    // `metadata` follows links but opens nothing.
    check(&std::fs::metadata(path).map_err(Unread::Io)?, limit)?;
    let file = open_without_blocking(path).map_err(Unread::Io)?;
    check(&file.metadata().map_err(Unread::Io)?, limit)?;
    let mut bytes = Vec::new();
    // One byte more than the limit tells a file that grew since.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(Unread::Io)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(Unread::TooLarge { size, limit });
    }
    String::from_utf8(bytes).map_err(|_| Unread::NotUtf8)
}

fn check(metadata: &Metadata, limit: u64) -> Result<(), Unread> {
    if !metadata.is_file() {
        return Err(Unread::NotAFile(kind(metadata)));
    }
    if metadata.len() > limit {
        return Err(Unread::TooLarge { size: metadata.len(), limit });
    }
    Ok(())
}

fn kind(metadata: &Metadata) -> &'static str {
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO returns at once; regular files read as usual.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.vpc");
        std::fs::write(&path, "canvas a \"A\" {}").unwrap();
        assert_eq!(read_text(&path, 100).unwrap(), "canvas a \"A\" {}");
        assert!(matches!(read_text(&path, 10), Err(Unread::TooLarge { size: 15, limit: 10 })));
        std::fs::write(&path, b"\xff\xfe").unwrap();
        assert!(matches!(read_text(&path, 10), Err(Unread::NotUtf8)));
        assert!(read_text(&dir.path().join("gone.vpc"), 10).unwrap_err().is_not_found());
        assert!(matches!(read_text(dir.path(), 10), Err(Unread::NotAFile("a folder"))));
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.vpc");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
        let err = read_text(&fifo, MAX_INDEXED_FILE).unwrap_err();
        assert_eq!(err.to_string(), "it is a FIFO (named pipe), not a regular file");
        let zero = dir.path().join("zero.vpc");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert_eq!(read_text(&zero, MAX_INDEXED_FILE).unwrap_err().to_string(), "it is a device, not a regular file");
    }
}

//! Writing files: the one place where `vpc fmt` and `vpc render -o` change the disk.
//!
//! A regular file is replaced atomically: the new text goes to a temporary file in
//! the same folder, which gets the old file's owner, group and mode and then takes its
//! name by a rename, so a reader (or a crash) sees the old file or the new one, never
//! half of one. Around that rule:
//!
//! - a symbolic link is followed: its target gets the new text, the link stays;
//! - a file with several names (hard links) is rewritten in place, so that every name
//!   keeps seeing the same file;
//! - a file nobody may write (no `w` in its mode), or that the current user may not
//!   write, is refused, as is one whose owner the rewritten file could not keep (a
//!   user formatting somebody else's file in a shared folder would take it over);
//! - for [`output`] only: a path that does not exist yet becomes a new `rw-r--r--`
//!   file, and anything that is not a regular file (a FIFO, a terminal, `/dev/null`,
//!   `/dev/stdout`) is written through, as a shell's `>` would, never replaced.
//!
//! Every error message is about the user's path, never about the temporary file.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::files::{io_message, kind};

/// Replace the text of an existing regular file (or of the file a symlink points to),
/// keeping its owner, group, mode and hard links. The error says why it was not written.
pub(crate) fn replace(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err(format!("not a regular file ({}); vpc only rewrites regular files", kind(&meta)));
    }
    // The file itself, not a link to it: the link is left as it is.
    let real = std::fs::canonicalize(path).map_err(|e| io_message(&e))?;
    if meta.permissions().mode() & 0o222 == 0 {
        return Err("read-only file: not written; make it writable (`chmod u+w`) to change it".to_string());
    }
    if rustix::fs::access(&real, rustix::fs::Access::WRITE_OK).is_err() {
        return Err("you may not write this file: not written".to_string());
    }
    if meta.nlink() > 1 { in_place(&real, bytes) } else { atomically(&real, bytes, Some(&meta)) }
}

/// Write `vpc render`'s output to OUT: replace a regular file as [`replace`] does,
/// create a new one atomically, and write through anything that is not a regular file.
pub(crate) fn output(path: &Path, bytes: &[u8]) -> Result<(), String> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return atomically(path, bytes, None),
        Err(e) => return Err(io_message(&e)),
        Ok(_) => {}
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err("is a folder; name the file to write".to_string()),
        // `/dev/stdout` and `/dev/fd/N` lead to a file the shell opened for us: write to
        // it as it is, even when it is a regular file.
        Ok(meta) if meta.is_file() && !is_special(path) => replace(path, bytes),
        // A FIFO, a device, a terminal, a socket: a stream to write to, not a file to replace.
        Ok(_) => through(path, bytes),
        // A link to nothing: create its target, as a shell's `>` would.
        Err(e) if e.kind() == ErrorKind::NotFound => through(path, bytes),
        Err(e) => Err(io_message(&e)),
    }
}

/// Is the path in `/dev` or `/proc`, where files stand for something else?
fn is_special(path: &Path) -> bool {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::canonicalize(dir).is_ok_and(|dir| dir.starts_with("/dev") || dir.starts_with("/proc"))
}

/// Open and write, as a shell's `>` does (creating a missing file `rw-r--r--`).
fn through(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o644)
        .open(path)
        .map_err(|e| write_message(&e))?;
    file.write_all(bytes).and_then(|()| file.flush()).map_err(|e| write_message(&e))
}

/// Rewrite a regular file in place (its inode stays, so its hard links do too). Not
/// atomic; the text is complete before the file is touched, so only a full disk or a
/// crash midway can leave it half written.
fn in_place(real: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut file = OpenOptions::new()
        .write(true)
        // Never wait on a FIFO put in the file's place since it was looked at.
        .custom_flags((rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOFOLLOW).bits() as i32)
        .open(real)
        .map_err(|e| write_message(&e))?;
    let meta = file.metadata().map_err(|e| write_message(&e))?;
    if !meta.is_file() {
        return Err(format!("not a regular file ({}); vpc only rewrites regular files", kind(&meta)));
    }
    // Overwrite, then cut: the old text stays whole until the new text fits.
    file.write_all(bytes)
        .and_then(|()| file.set_len(bytes.len() as u64))
        .and_then(|()| file.sync_all())
        .map_err(|e| write_message(&e))
}

/// Write a temporary file next to `target`, give it `old`'s owner, group and mode
/// (or `rw-r--r--` for a new file), and rename it over `target`.
fn atomically(target: &Path, bytes: &[u8], old: Option<&Metadata>) -> Result<(), String> {
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().ok_or_else(|| "not a file name".to_string())?;
    let mut temp = Temp::create(dir, name).map_err(|e| write_message(&e))?;
    temp.file().write_all(bytes).map_err(|e| write_message(&e))?;
    if let Some(old) = old {
        let mine = temp.file().metadata().map_err(|e| write_message(&e))?;
        if (mine.uid(), mine.gid()) != (old.uid(), old.gid()) {
            std::os::unix::fs::fchown(temp.file(), Some(old.uid()), Some(old.gid())).map_err(|e| {
                if e.kind() == ErrorKind::PermissionDenied {
                    format!(
                        "owned by user {} (group {}), which the rewritten file could not keep: not written; \
                         run vpc as its owner",
                        old.uid(),
                        old.gid()
                    )
                } else {
                    write_message(&e)
                }
            })?;
        }
    }
    // After the owner: changing the owner clears the set-user-id and set-group-id bits.
    let mode = old.map_or(0o644, |old| old.permissions().mode() & 0o7777);
    temp.file().set_permissions(std::fs::Permissions::from_mode(mode)).map_err(|e| write_message(&e))?;
    temp.file().sync_all().map_err(|e| write_message(&e))?;
    temp.rename_to(target).map_err(|e| write_message(&e))?;
    // Make the rename itself durable; a folder that cannot be synced is no reason to fail.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

fn write_message(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied: cannot write it".to_string(),
        _ => format!("cannot write it: {}", io_message(e)),
    }
}

/// A new, hidden file in a folder, removed again unless renamed.
struct Temp {
    path: PathBuf,
    file: Option<File>,
}

impl Temp {
    fn create(dir: &Path, name: &std::ffi::OsStr) -> std::io::Result<Temp> {
        let mut attempt = 0u32;
        loop {
            let mut temp_name = std::ffi::OsString::from(".");
            temp_name.push(name);
            temp_name.push(format!(".{}-{attempt}.vpc-tmp", std::process::id()));
            let path = dir.join(temp_name);
            match OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path) {
                Ok(file) => return Ok(Temp { path, file: Some(file) }),
                Err(e) if e.kind() == ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
                Err(e) => return Err(e),
            }
        }
    }

    fn file(&mut self) -> &mut File {
        self.file.as_mut().expect("the file is open until renamed")
    }

    fn rename_to(mut self, target: &Path) -> std::io::Result<()> {
        self.file = None;
        std::fs::rename(&self.path, target)?;
        self.path = PathBuf::new();
        Ok(())
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

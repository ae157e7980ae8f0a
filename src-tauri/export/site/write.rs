//! The only code that touches the export folder. Every path is a checked
//! [`RelPath`] under the canonical folder; before anything is created or
//! written, each existing folder on the way is looked at with
//! `symlink_metadata` (a link is followed only when it stays inside the
//! export folder) and the target itself must be a plain file or nothing.
//! Files are written by [`write_atomic`]: a temporary file beside the target
//! renamed into place, so a reader never sees half a file and a link at the
//! target is replaced, never followed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::rel_path::RelPath;
use crate::error::{Error, Result};
use crate::util::atomic_file::write_atomic;

/// The export folder.
pub(crate) struct Root {
    /// Canonical: every check compares against it.
    pub path: PathBuf,
}

/// What is at a path now.
pub(crate) enum Existing {
    Missing,
    File(Vec<u8>),
}

impl Root {
    /// The folder, created when missing.
    pub fn open(dir: &Path) -> Result<Root> {
        match fs::metadata(dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(Error::invalid(
                    "out",
                    format!(
                        "{} is a file, not a folder; choose a folder to export into.",
                        dir.display()
                    ),
                ))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(dir).map_err(|e| io_at(dir, e))?
            }
            Err(e) => return Err(io_at(dir, e)),
        }
        let path = fs::canonicalize(dir).map_err(|e| io_at(dir, e))?;
        Ok(Root { path })
    }

    /// Check the folders on the way to `path` that exist: each must be a
    /// folder, or a link to a folder inside the export folder.
    pub fn check_dirs(&self, path: &RelPath) -> Result<()> {
        for dir in path.ancestors() {
            let full = dir.under(&self.path);
            match fs::symlink_metadata(&full) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err(io_at(&full, e)),
                Ok(m) if m.file_type().is_symlink() => {
                    let target = fs::canonicalize(&full).map_err(|e| io_at(&full, e))?;
                    if !target.starts_with(&self.path) || !target.is_dir() {
                        return Err(refuse(
                            &full,
                            "is a link that leads out of the export folder",
                        ));
                    }
                }
                Ok(m) if m.is_dir() => {}
                Ok(_) => return Err(refuse(&full, "is a file where a folder is needed")),
            }
        }
        Ok(())
    }

    /// What is at `path`: nothing, or a plain file and its bytes. A link, a
    /// folder or anything else there is refused.
    pub fn inspect(&self, path: &RelPath) -> Result<Existing> {
        self.check_dirs(path)?;
        let full = path.under(&self.path);
        match fs::symlink_metadata(&full) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Existing::Missing),
            Err(e) => Err(io_at(&full, e)),
            Ok(m) if m.file_type().is_symlink() => Err(refuse(
                &full,
                "is a symbolic link; Postdesk does not write through links",
            )),
            Ok(m) if m.is_file() => fs::read(&full)
                .map(Existing::File)
                .map_err(|e| io_at(&full, e)),
            Ok(_) => Err(refuse(&full, "is in the way and is not a plain file")),
        }
    }

    /// Create the missing folders for `path`, adding each one created to `created`.
    pub fn make_dirs(&self, path: &RelPath, created: &mut Vec<RelPath>) -> Result<()> {
        self.check_dirs(path)?;
        for dir in path.ancestors() {
            let full = dir.under(&self.path);
            match fs::create_dir(&full) {
                Ok(()) => created.push(dir),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io_at(&full, e)),
            }
        }
        // Whatever appeared meanwhile is checked again before writing.
        self.check_dirs(path)
    }

    /// Write `bytes` to `path`, replacing a plain file there.
    pub fn write(&self, path: &RelPath, bytes: &[u8]) -> Result<()> {
        self.inspect_kind(path)?;
        write_atomic(&path.under(&self.path), bytes)
    }

    /// Remove the file at `path` (a plain file only).
    pub fn remove(&self, path: &RelPath) -> Result<()> {
        self.inspect_kind(path)?;
        let full = path.under(&self.path);
        match fs::remove_file(&full) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(io_at(&full, e)),
            _ => Ok(()),
        }
    }

    /// Remove the folder at `path` if it is empty; `Ok(false)` when it is not.
    pub fn remove_empty_dir(&self, path: &RelPath) -> Result<bool> {
        self.check_dirs(path)?;
        let full = path.under(&self.path);
        match fs::symlink_metadata(&full) {
            Ok(m) if m.is_dir() => Ok(fs::remove_dir(&full).is_ok()),
            _ => Ok(false),
        }
    }

    /// Like [`Root::inspect`] without reading the file.
    fn inspect_kind(&self, path: &RelPath) -> Result<()> {
        self.check_dirs(path)?;
        let full = path.under(&self.path);
        match fs::symlink_metadata(&full) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_at(&full, e)),
            Ok(m) if m.file_type().is_symlink() => Err(refuse(
                &full,
                "is a symbolic link; Postdesk does not write through links",
            )),
            Ok(m) if m.is_file() => Ok(()),
            Ok(_) => Err(refuse(&full, "is in the way and is not a plain file")),
        }
    }
}

/// An I/O error that names the file.
pub(crate) fn io_at(path: &Path, e: io::Error) -> Error {
    Error::Io(io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

fn refuse(path: &Path, why: &str) -> Error {
    Error::invalid(
        "out",
        format!("Nothing was exported: {} {why}.", path.display()),
    )
}

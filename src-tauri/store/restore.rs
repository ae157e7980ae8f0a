//! Restoring a backup, and telling a damaged library from a healthy one.
//!
//! A restore never deletes anything: the current library file (damaged or
//! not) is renamed to `<stem>.before-restore-YYYYMMDD-HHMMSS.sqlite` next to
//! it, with its `-wal`/`-shm` companions, and the backup — checked first with
//! `PRAGMA integrity_check` — is copied into place. The library must not be
//! open anywhere else while this runs (the app restores only when it could
//! not open the library; the CLI says to close the app).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::backups::{self, library_stem, BackupInfo};
use crate::error::{Error, Result};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub backup: BackupInfo,
    /// Where the library file as it was now lives (`None`: there was none).
    pub kept_aside: Option<PathBuf>,
}

/// The newest backup of `library` that passes `PRAGMA integrity_check`.
pub fn newest_good_backup(library: &Path) -> Option<BackupInfo> {
    backups::list(library)
        .ok()?
        .into_iter()
        .find(|b| backups::check_file(&b.path).is_none())
}

/// Restore the newest good backup of `library` (a damaged library's way
/// back; see [`restore_backup`]).
pub fn restore_newest_good(library: &Path, now: DateTime<Utc>) -> Result<Restored> {
    let backup = newest_good_backup(library)
        .ok_or_else(|| Error::invalid("backup", "No good backup of the library was found."))?;
    restore_backup(library, &backup.id, now)
}

/// Restore the backup `id` of `library` (see the module header).
pub fn restore_backup(library: &Path, id: &str, now: DateTime<Utc>) -> Result<Restored> {
    let backup = backups::list(library)?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| {
            Error::invalid(
                "backup",
                format!("No backup of this library has the id \"{id}\"."),
            )
        })?;
    if let Some(problem) = backups::check_file(&backup.path) {
        return Err(Error::invalid(
            "backup",
            format!("The backup {id} is damaged too ({problem}); nothing was changed."),
        ));
    }
    let kept_aside = keep_aside(library, now)?;
    let dir = library.parent().filter(|d| !d.as_os_str().is_empty());
    let mut incoming = library.as_os_str().to_owned();
    incoming.push(".restoring");
    let incoming = PathBuf::from(incoming);
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::WriteFile { path, source }
    };
    std::fs::copy(&backup.path, &incoming).map_err(write_error(&incoming))?;
    std::fs::File::open(&incoming)
        .and_then(|f| f.sync_all())
        .map_err(write_error(&incoming))?;
    std::fs::rename(&incoming, library).map_err(write_error(library))?;
    if let Some(dir) = dir {
        // Make the rename itself durable; not every system can open a folder.
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    tracing::info!(backup = %backup.path.display(), "restored a backup");
    Ok(Restored { backup, kept_aside })
}

/// Rename the library file and its companions to a `before-restore` name
/// that does not exist yet. `None` when there is no library file.
fn keep_aside(library: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    if !library.exists() {
        return Ok(None);
    }
    let name = format!(
        "{}.before-restore-{}.sqlite",
        library_stem(library),
        now.format("%Y%m%d-%H%M%S")
    );
    let aside = library.with_file_name(name);
    if aside.exists() {
        return Err(Error::invalid(
            "backup",
            format!(
                "{} already exists; wait a second and try again.",
                aside.display()
            ),
        ));
    }
    for suffix in ["-wal", "-shm"] {
        let companion = with_suffix(library, suffix);
        if companion.exists() {
            std::fs::rename(&companion, with_suffix(&aside, suffix)).map_err(|source| {
                Error::WriteFile {
                    path: companion.clone(),
                    source,
                }
            })?;
        }
    }
    std::fs::rename(library, &aside).map_err(|source| Error::WriteFile {
        path: aside.clone(),
        source,
    })?;
    Ok(Some(aside))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Whether `e`, met while opening or using the library, says the file itself
/// is damaged ("malformed") or is no database ("not a database").
fn sqlite_damage(e: &Error) -> Option<(&rusqlite::Error, bool)> {
    let source = match e {
        Error::Database(source) | Error::Open { source, .. } => source,
        _ => return None,
    };
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => Some((source, false)),
        Some(rusqlite::ErrorCode::NotADatabase) => Some((source, true)),
        _ => None,
    }
}

/// `e`, met while opening or using the library at `library`, as the error
/// people should read:
/// - SQLite's "malformed", or a failed check → [`Error::Damaged`] with the
///   newest good backup filled in;
/// - "not a database" → [`Error::Damaged`] when the library has backups (it
///   was this library once), else [`Error::NotALibrary`] (`--db` pointing at
///   someone else's file);
/// - anything else unchanged.
pub fn classify(e: Error, library: &Path) -> Error {
    let detail = match &e {
        Error::Damaged {
            newest_backup: Some(_),
            ..
        } => return e,
        Error::Damaged { detail, .. } => detail.clone(),
        other => match sqlite_damage(other) {
            Some((_, true)) if !has_backups(library) => {
                return Error::NotALibrary {
                    path: library.to_path_buf(),
                    reason: "it is not an SQLite database".into(),
                }
            }
            Some((_, true)) => "it is no longer an SQLite database".to_string(),
            Some((source, false)) => source.to_string(),
            None => return e,
        },
    };
    damaged(library, detail)
}

/// [`Error::Damaged`] for `library`, with its newest good backup.
pub(crate) fn damaged(library: &Path, detail: String) -> Error {
    Error::Damaged {
        path: library.to_path_buf(),
        detail,
        newest_backup: newest_good_backup(library).map(Box::new),
    }
}

/// True when the library at `library` has at least one backup.
pub(crate) fn has_backups(library: &Path) -> bool {
    backups::list(library).is_ok_and(|l| !l.is_empty())
}

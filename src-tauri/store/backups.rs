//! Backups of the library: whole-file snapshots taken with SQLite's online
//! backup API, so a snapshot is consistent even while the app writes.
//!
//! **Where**: `<library folder>/backups/<library stem>-YYYYMMDD-HHMMSS-<reason>.sqlite`,
//! the time in UTC. The part after `<stem>-` without `.sqlite` is the backup's
//! id (`20260501-140312-daily`), what `postdesk restore-backup ID` takes.
//! Each snapshot is written to a `.partial` file, switched to the rollback
//! journal (one self-contained file), checked with `PRAGMA quick_check` and
//! only then renamed into place: a damaged library never yields a "good"
//! backup, and a backup cut short by a full disk is never listed.
//!
//! **When** (the reasons): `daily` when a library is opened (and, in the app,
//! hourly while it stays open) and the newest backup is more than 24 hours
//! old; `pre-migration` before a file that already holds data is migrated;
//! `pre-import` and `pre-empty-trash` before those bulk changes; `manual` for
//! `postdesk backup`. Callers of a future bulk change (sync) call
//! [`Store::backup_before`] with a new [`BackupReason`].
//!
//! **Retention** (decided here): every backup counts toward one policy,
//! whatever its reason. Kept are the union of
//! - the newest backup of each of the 7 most recent UTC days that have one,
//! - the newest backup of each of the 4 most recent ISO weeks that have one,
//! - the [`KEEP_LATEST`] newest backups, so several bulk changes on one day
//!   can each be undone.
//!
//! Everything else of this library in the folder is deleted after each new
//! backup. Files that do not parse as a backup of this library are never
//! touched. Restoring and the damage check live in `restore.rs`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};

/// A backup this old makes the next open (or the app's hourly check) take a new one.
pub const DAILY_HOURS: i64 = 24;
/// Newest backups kept whatever their day.
pub const KEEP_LATEST: usize = 5;
/// Most recent days with a backup whose newest backup is kept.
pub const KEEP_DAYS: usize = 7;
/// Most recent ISO weeks with a backup whose newest backup is kept.
pub const KEEP_WEEKS: usize = 4;

const TIME_FORMAT: &str = "%Y%m%d-%H%M%S";
const EXTENSION: &str = ".sqlite";

/// Why a backup was taken; the last part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    Daily,
    Manual,
    PreMigration,
    PreImport,
    PreEmptyTrash,
}

impl BackupReason {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Manual => "manual",
            BackupReason::PreMigration => "pre-migration",
            BackupReason::PreImport => "pre-import",
            BackupReason::PreEmptyTrash => "pre-empty-trash",
        }
    }
}

/// One backup file of a library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// `YYYYMMDD-HHMMSS-<reason>`: the file name without the library's stem.
    pub id: String,
    pub path: PathBuf,
    pub created_at: DateTime<Utc>,
    /// The reason as written in the file name (`daily`, `pre-import`, …).
    pub reason: String,
    /// Bytes.
    pub size: u64,
}

/// The folder holding the backups of the library at `library`.
pub fn backups_dir(library: &Path) -> PathBuf {
    library
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// The library's file name without its extension (`library` for `library.sqlite`).
pub(crate) fn library_stem(library: &Path) -> String {
    library
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".into())
}

/// The backups of the library at `library`, newest first. A missing folder is no backups.
pub fn list(library: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backups_dir(library);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::ReadFile { path: dir, source }),
    };
    let prefix = format!("{}-", library_stem(library));
    let mut found: Vec<BackupInfo> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let id = name.strip_prefix(&prefix)?.strip_suffix(EXTENSION)?;
            let (created_at, reason) = parse_id(id)?;
            let meta = entry.metadata().ok().filter(|m| m.is_file())?;
            Some(BackupInfo {
                id: id.to_string(),
                path: entry.path(),
                created_at,
                reason,
                size: meta.len(),
            })
        })
        .collect();
    found.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Ok(found)
}

/// `YYYYMMDD-HHMMSS-reason` → (time, reason).
fn parse_id(id: &str) -> Option<(DateTime<Utc>, String)> {
    let time = id.get(..15)?;
    let reason = id.get(15..)?.strip_prefix('-')?;
    if reason.is_empty() {
        return None;
    }
    let t = NaiveDateTime::parse_from_str(time, TIME_FORMAT).ok()?;
    Some((t.and_utc(), reason.to_string()))
}

/// True when the library has no backup younger than [`DAILY_HOURS`].
pub fn is_due(library: &Path, now: DateTime<Utc>) -> Result<bool> {
    Ok(list(library)?
        .first()
        .is_none_or(|newest| now - newest.created_at > chrono::Duration::hours(DAILY_HOURS)))
}

/// Snapshot `conn` (the open library at `library`) into its backups folder,
/// then apply the retention policy.
pub(crate) fn snapshot(
    conn: &Connection,
    library: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    let dir = backups_dir(library);
    std::fs::create_dir_all(&dir).map_err(|source| Error::WriteFile {
        path: dir.clone(),
        source,
    })?;
    let id = format!("{}-{}", now.format(TIME_FORMAT), reason.as_str());
    let path = dir.join(format!("{}-{id}{EXTENSION}", library_stem(library)));
    write_checked(conn, library, &path)?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let info = BackupInfo {
        id,
        path,
        created_at: now,
        reason: reason.as_str().to_string(),
        size,
    };
    prune(library)?;
    tracing::info!(backup = %info.path.display(), "backed up the library");
    Ok(info)
}

/// Snapshot `conn` into `out`, which must not exist yet.
pub(crate) fn snapshot_to(conn: &Connection, library: &Path, out: &Path) -> Result<()> {
    if out.exists() {
        return Err(Error::invalid(
            "out",
            format!(
                "{} already exists; a backup never replaces a file. Choose another name.",
                out.display()
            ),
        ));
    }
    write_checked(conn, library, out)
}

/// Copy `conn` to `<dest>.partial`, make it one self-contained file, check
/// it, then rename it to `dest` (an existing `dest` from the same second is replaced).
fn write_checked(conn: &Connection, library: &Path, dest: &Path) -> Result<()> {
    let mut partial = dest.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let result = (|| {
        let write_error = |e: rusqlite::Error| match Error::from(e) {
            Error::Database(source) => Error::WriteFile {
                path: dest.to_path_buf(),
                source: std::io::Error::other(source),
            },
            typed => typed,
        };
        let _ = std::fs::remove_file(&partial);
        let mut dst = Connection::open(&partial).map_err(write_error)?;
        Backup::new(conn, &mut dst)
            .and_then(|b| b.run_to_completion(256, std::time::Duration::ZERO, None))
            .map_err(write_error)?;
        dst.pragma_update(None, "journal_mode", "DELETE")
            .map_err(write_error)?;
        if let Some(detail) = check(&dst, "quick_check")? {
            return Err(Error::Damaged {
                path: library.to_path_buf(),
                detail,
                newest_backup: None,
            });
        }
        dst.close().map_err(|(_, e)| write_error(e))?;
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(|source| Error::WriteFile {
                path: partial.clone(),
                source,
            })?;
        std::fs::rename(&partial, dest).map_err(|source| Error::WriteFile {
            path: dest.to_path_buf(),
            source,
        })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// `PRAGMA integrity_check` (or `quick_check`) of `conn`: `None` when SQLite
/// finds nothing wrong, else its first finding.
pub(crate) fn check(conn: &Connection, pragma: &str) -> Result<Option<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(match rows.first() {
        Some(first) if rows.len() == 1 && first == "ok" => None,
        Some(first) => Some(first.clone()),
        None => Some("the check returned nothing".into()),
    })
}

/// Full integrity check of the file at `path`, opened read-only: `None` when good.
pub(crate) fn check_file(path: &Path) -> Option<String> {
    let conn = match Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Ok(conn) => conn,
        Err(e) => return Some(e.to_string()),
    };
    match check(&conn, "integrity_check") {
        Ok(found) => found,
        Err(e) => Some(e.to_string()),
    }
}

/// Delete the backups of `library` that the retention policy no longer keeps.
fn prune(library: &Path) -> Result<()> {
    let all = list(library)?;
    let keep = retained(&all);
    for b in all.iter().filter(|b| !keep.contains(b.id.as_str())) {
        if let Err(e) = std::fs::remove_file(&b.path) {
            tracing::warn!(backup = %b.path.display(), error = %e, "could not delete an old backup");
        }
    }
    Ok(())
}

/// The ids the retention policy keeps among `newest_first` (see the module header).
pub fn retained(newest_first: &[BackupInfo]) -> HashSet<&str> {
    let mut keep: HashSet<&str> = newest_first
        .iter()
        .take(KEEP_LATEST)
        .map(|b| b.id.as_str())
        .collect();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for b in newest_first {
        let day = b.created_at.date_naive();
        if !days.contains(&day) && days.len() < KEEP_DAYS {
            days.push(day);
            keep.insert(b.id.as_str());
        }
        let week = b.created_at.iso_week();
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKS {
            weeks.push(week);
            keep.insert(b.id.as_str());
        }
    }
    keep
}

impl Store {
    /// Snapshot the library before a bulk change (import, emptying the
    /// trash, later sync). `None` for a library in memory. The change should
    /// not go ahead when this fails.
    pub fn backup_before(&self, reason: BackupReason) -> Result<Option<BackupInfo>> {
        match &self.path {
            Some(path) => snapshot(&self.conn, path, reason, self.now()).map(Some),
            None => Ok(None),
        }
    }

    /// Take the daily backup when the newest one is more than a day old.
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>> {
        match &self.path {
            Some(path) if is_due(path, self.now())? => {
                snapshot(&self.conn, path, BackupReason::Daily, self.now()).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Write a snapshot to `out`, refusing an existing file.
    pub fn backup_to(&self, out: &Path) -> Result<()> {
        let library = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(":memory:"));
        snapshot_to(&self.conn, &library, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> BackupInfo {
        let t = Utc
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("valid time");
        BackupInfo {
            id: format!("{}-daily", t.format(TIME_FORMAT)),
            path: PathBuf::new(),
            created_at: t,
            reason: "daily".into(),
            size: 0,
        }
    }

    #[test]
    fn ids_parse_back() {
        let (t, reason) = parse_id("20260501-140312-pre-import").expect("parses");
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 5, 1, 14, 3, 12).unwrap());
        assert_eq!(reason, "pre-import");
        assert!(parse_id("20260501-140312").is_none());
        assert!(parse_id("old-20260501-140312-daily").is_none());
    }

    #[test]
    fn keeps_the_latest_then_seven_days_then_four_weeks() {
        // Two a day (10:00, 18:00) for 60 days, newest first.
        let mut all: Vec<BackupInfo> = (0..60)
            .rev()
            .flat_map(|d| {
                let day =
                    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::days(d);
                let (y, m, dd) = (day.year(), day.month(), day.day());
                [at(y, m, dd, 18), at(y, m, dd, 10)]
            })
            .collect();
        all.sort_by_key(|b| std::cmp::Reverse(b.created_at));
        let keep = retained(&all);
        // 5 latest (3 days: 18,10,18,10,18) ∪ newest of 7 days ∪ newest of 4 weeks.
        let kept: Vec<&BackupInfo> = all
            .iter()
            .filter(|b| keep.contains(b.id.as_str()))
            .collect();
        assert!(kept.len() <= KEEP_LATEST + KEEP_DAYS + KEEP_WEEKS);
        assert!(keep.contains(all[0].id.as_str()) && keep.contains(all[4].id.as_str()));
        let days: HashSet<_> = kept.iter().map(|b| b.created_at.date_naive()).collect();
        assert!(days.len() >= KEEP_DAYS);
        let oldest = kept.last().expect("some kept").created_at;
        assert!(all[0].created_at - oldest < chrono::Duration::days(7 * KEEP_WEEKS as i64));
        assert!(all[0].created_at - oldest >= chrono::Duration::days(7 * (KEEP_WEEKS as i64 - 1)));
    }
}

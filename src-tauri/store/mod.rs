//! The draft store: one SQLite file and the only owner of its connection.
//! Nothing else in Postdesk writes SQL.
//!
//! Durability: WAL with `synchronous=FULL`, so a write reported as done
//! survives a crash or power cut; foreign keys on; a busy timeout so a second
//! process (the CLI beside the app) waits instead of failing at once.
//!
//! Layout: `posts` (create, get, find, update), `listing` (list, filters,
//! sort, tags), `trash`, `copies` (duplicate, translation), `rows` (row →
//! `Post`/`PostSummary`), `revisions`, `search`, `assets`, `settings_table`,
//! `migrations`, `backups` (snapshots and their retention), `restore`
//! (restoring one, telling a damaged file) and `staged` (edits written on close). The post rules that are not SQL (title cleaning, the slug
//! of a draft following its title, tags, revision cadence, trash expiry)
//! live in `rules`. No command-line wording belongs here: the CLI words its
//! own messages from the typed errors.

mod assets;
pub mod backups;
mod copies;
mod identity;
mod imported;
mod listing;
pub mod migrations;
mod posts;
pub mod restore;
mod revisions;
mod rows;
pub mod rules;
pub(crate) mod search;
mod settings_table;
mod staged;
mod sync_apply;
pub mod sync_state;
mod trash;
mod wordpress;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

pub use assets::{extension, sniff_image, ASSET_SCHEME, MAX_ASSET_BYTES};
pub use backups::{BackupInfo, BackupReason};
pub use imported::{BatchPost, ImportBatch};
pub use rules::{EditKind, AUTO_REVISION_MINUTES, TRASH_DAYS};
pub use staged::{StagedEdit, StagedEdits};
pub use wordpress::{WordPressCopy, WordPressMedia};

type Clock = Box<dyn Fn() -> DateTime<Utc> + Send>;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    clock: Clock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Open (creating if needed) the library at `path` and bring it to the
    /// latest schema. A file written by a newer Postdesk, one that is not a
    /// Postdesk library, or a damaged one ([`Error::Damaged`], naming the
    /// newest good backup) is refused before anything is written to it.
    /// A file that already holds data is backed up before it is migrated,
    /// and daily (see `backups`).
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        // SQLite takes an empty file for a new library; one that has backups was emptied.
        let empty_file = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0);
        if empty_file && restore::has_backups(path) {
            return Err(restore::damaged(path, "the file is empty".into()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| Error::Open {
            path: path.to_path_buf(),
            source,
        })
        .map_err(|e| restore::classify(e, path))?;
        Self::init(conn, Some(path.to_path_buf())).map_err(|e| restore::classify(e, path))
    }

    /// A library in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        conn.busy_timeout(Duration::from_secs(10))?;
        // Read-only checks first: nothing may touch a file we are going to refuse.
        // "Not a database" is worded by `restore::classify` (damaged, or not a library).
        let version = migrations::user_version(&conn)?;
        if version > migrations::latest() {
            return Err(Error::TooNew {
                path: shown,
                found: version,
                supported: migrations::latest(),
            });
        }
        if version == 0 {
            let foreign: i64 = conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
                [],
                |r| r.get(0),
            )?;
            if foreign > 0 {
                return Err(Error::NotALibrary {
                    path: shown,
                    reason: "it is an SQLite database that holds other tables".into(),
                });
            }
        }
        if version > 0 {
            if let Some(detail) = backups::check(&conn, "quick_check")? {
                return Err(Error::Damaged {
                    path: shown,
                    detail,
                    newest_backup: None,
                });
            }
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if let Some(path) = path
            .as_deref()
            .filter(|_| version > 0 && version < migrations::latest())
        {
            backups::snapshot(&conn, path, BackupReason::PreMigration, Utc::now())?;
        }
        migrations::migrate_to(&mut conn, migrations::latest())?;
        let mut store = Store {
            conn,
            path,
            clock: Box::new(Utc::now),
        };
        store.purge_expired_trash()?;
        if version > 0 {
            // A missed daily backup must not keep anyone from their library.
            if let Err(e) = store.backup_if_due() {
                tracing::warn!(error = %e, "could not take the daily backup");
            }
        }
        Ok(store)
    }

    /// The file this store reads and writes (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Replace the clock (tests of revision spacing and trash expiry).
    pub fn set_clock(&mut self, clock: impl Fn() -> DateTime<Utc> + Send + 'static) {
        self.clock = Box::new(clock);
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// `PRAGMA integrity_check`: `Ok(())` when SQLite finds nothing wrong.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        migrations::user_version(&self.conn)
    }
}

/// Timestamps are stored as fixed-width RFC 3339 UTC text, so they sort as text.
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub(crate) fn parse_ts(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

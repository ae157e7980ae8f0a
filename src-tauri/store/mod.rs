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
//! `migrations`. The post rules that are not SQL (title cleaning, the slug
//! of a draft following its title, tags, revision cadence, trash expiry)
//! live in `rules`. No command-line wording belongs here: the CLI words its
//! own messages from the typed errors.

mod assets;
mod copies;
mod identity;
mod listing;
pub mod migrations;
mod posts;
mod revisions;
mod rows;
pub mod rules;
pub(crate) mod search;
mod settings_table;
mod trash;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

pub use assets::{extension, sniff_image, ASSET_SCHEME, MAX_ASSET_BYTES};
pub use rules::{EditKind, AUTO_REVISION_MINUTES, TRASH_DAYS};

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
    /// latest schema. A file written by a newer Postdesk, or one that is not a
    /// Postdesk library, is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
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
        })?;
        Self::init(conn, Some(path.to_path_buf()))
    }

    /// A library in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        conn.busy_timeout(Duration::from_secs(10))?;
        // Read-only checks first: nothing may touch a file we are going to refuse.
        let version = match migrations::user_version(&conn) {
            Ok(v) => v,
            Err(Error::Database(e)) if is_not_a_database(&e) => {
                return Err(Error::NotALibrary {
                    path: shown,
                    reason: "it is not an SQLite database".into(),
                })
            }
            Err(e) => return Err(e),
        };
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
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate_to(&mut conn, migrations::latest())?;
        let mut store = Store {
            conn,
            path,
            clock: Box::new(Utc::now),
        };
        store.purge_expired_trash()?;
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

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase)
    )
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

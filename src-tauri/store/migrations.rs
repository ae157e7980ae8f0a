//! Schema migrations on `PRAGMA user_version`. Append only: never reorder or
//! edit a migration that has shipped. Each runs in its own transaction
//! together with the `user_version` bump, so a crash leaves the file at the
//! old version or the new one, never between.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// One step of the schema's history.
pub enum Migration {
    Sql(&'static str),
    /// A step that needs Rust (for example filling the search index from Markdown).
    Code(fn(&Transaction<'_>) -> Result<()>),
    /// SQL that rebuilds a table (SQLite's documented 12-step procedure):
    /// run with foreign keys off, so dropping the old table cascades nothing,
    /// and checked with `foreign_key_check` before it commits.
    Rebuild(&'static str),
}

/// The history. Version N is reached by applying `MIGRATIONS[..N]`.
pub const MIGRATIONS: &[Migration] = &[
    // 1: posts, tags, revisions, settings.
    Migration::Sql(
        r#"
        CREATE TABLE posts (
            id             INTEGER PRIMARY KEY,
            title          TEXT NOT NULL,
            slug           TEXT NOT NULL,
            summary        TEXT NOT NULL DEFAULT '',
            preview_text   TEXT NOT NULL DEFAULT '',
            body           TEXT NOT NULL DEFAULT '',
            lang           TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
            translation_of INTEGER REFERENCES posts(id) ON DELETE SET NULL,
            status         TEXT NOT NULL
                           CHECK (status IN ('draft', 'ready', 'scheduled', 'published', 'archived')),
            author         TEXT NOT NULL DEFAULT '',
            created_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL,
            publish_at     TEXT,
            canonical_url  TEXT NOT NULL DEFAULT '',
            featured_image TEXT NOT NULL DEFAULT '',
            extra          TEXT NOT NULL DEFAULT '{}',
            deleted_at     TEXT,
            UNIQUE (lang, slug)
        );
        CREATE INDEX posts_updated ON posts(updated_at);
        CREATE TABLE post_tags (
            post_id  INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            tag      TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (post_id, tag)
        );
        CREATE INDEX post_tags_tag ON post_tags(tag);
        CREATE TABLE revisions (
            id         INTEGER PRIMARY KEY,
            post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            title      TEXT NOT NULL,
            summary    TEXT NOT NULL,
            body       TEXT NOT NULL,
            reason     TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX revisions_post ON revisions(post_id, id);
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        "#,
    ),
    // 2: images, and full-text search with French accents folded.
    Migration::Sql(
        r#"
        CREATE TABLE assets (
            id         INTEGER PRIMARY KEY,
            hash       TEXT NOT NULL UNIQUE,
            reference  TEXT NOT NULL UNIQUE,
            file_name  TEXT NOT NULL,
            mime       TEXT NOT NULL,
            size       INTEGER NOT NULL,
            data       BLOB NOT NULL,
            created_at TEXT NOT NULL
        );
        -- Holds plain text (not Markdown) so snippets read cleanly; rowid = posts.id.
        CREATE VIRTUAL TABLE posts_fts USING fts5(
            title, summary, body,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        "#,
    ),
    // 3: index the posts that version 1 already held.
    Migration::Code(super::search::reindex_all),
    // 4: team libraries (issue #10): the `review` status, a reviewer, a
    // stable `uid` per post, and the state a git sync needs (see `sync_state`).
    Migration::Rebuild(super::sync_state::MIGRATION_TEAM),
    // 5: where each post was published on a WordPress site (one remote copy
    // per post: its id, link, the site's `modified_gmt` and a hash of the
    // title, excerpt and body the site kept, to tell a change made on the
    // site), and which library images are already in a site's media library.
    Migration::Sql(
        r#"
        CREATE TABLE wordpress_posts (
            post_id      INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
            site_url     TEXT NOT NULL,
            remote_id    INTEGER NOT NULL,
            link         TEXT NOT NULL,
            modified_gmt TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            published_at TEXT NOT NULL
        );
        CREATE TABLE wordpress_media (
            site_url   TEXT NOT NULL,
            asset_hash TEXT NOT NULL,
            media_id   INTEGER NOT NULL,
            source_url TEXT NOT NULL,
            PRIMARY KEY (site_url, asset_hash)
        );
        "#,
    ),
    // 6: search: the trashed posts, found without reading any post row (search
    // ranks every match in the full-text index alone and leaves these out).
    Migration::Sql("CREATE INDEX posts_trashed ON posts(id) WHERE deleted_at IS NOT NULL;"),
];

/// One step and its `user_version` bump in one transaction.
fn apply_step(conn: &mut Connection, step: &Migration, i: usize) -> Result<()> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(Error::from_sqlite)?;
    match step {
        Migration::Sql(sql) => tx.execute_batch(sql)?,
        Migration::Code(f) => f(&tx)?,
        Migration::Rebuild(sql) => {
            tx.execute_batch(sql)?;
            let broken: i64 =
                tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
            if broken > 0 {
                return Err(Error::invalid(
                    "library",
                    "The library could not be upgraded: its links between posts are inconsistent.",
                ));
            }
        }
    }
    tx.pragma_update(None, "user_version", (i + 1) as i64)?;
    tx.commit()?;
    Ok(())
}

/// The version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Bring the schema up to `target` (normally [`latest`]). The caller has
/// already refused files newer than this build.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let current = user_version(conn)?;
    for (i, step) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current.max(0) as usize)
    {
        let rebuild = matches!(step, Migration::Rebuild(_));
        if rebuild {
            // Cannot change inside a transaction; restored below whatever happens.
            conn.pragma_update(None, "foreign_keys", "OFF")?;
        }
        let applied = apply_step(conn, step, i);
        if rebuild {
            conn.pragma_update(None, "foreign_keys", "ON")?;
        }
        applied?;
        tracing::info!(version = i + 1, "migrated library");
    }
    Ok(())
}

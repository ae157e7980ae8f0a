//! The state a team library's git sync keeps in the library (issue #10), and
//! the one transaction that applies a sync's outcome.
//!
//! - `sync_posts`: per post (by uid), the file's path and text at the *base*
//!   (its content in a commit that is an ancestor of the remote branch, or
//!   NULL when the post was absent there), and who last changed it.
//! - `sync_dirty`: posts edited locally since they were last synced, with an
//!   edit counter the triggers below bump on every write (so a sync can tell
//!   that a post changed while it was merging and leave it for next time).
//! - `sync_conflicts`: posts whose local and shared versions clash, with the
//!   shared ("theirs") file and the clashing items as JSON.
//! - `sync_meta`: remote, folder, branch, last synced commit, last good sync.
//!
//! Bases, conflicts and the last synced commit change only in
//! [`Store::apply_sync`] (`sync_apply`), together with the posts they describe.

use rusqlite::{params, OptionalExtension, Transaction};

use super::rows::get;
use super::Store;
use crate::error::Result;
use crate::model::{Lang, Post};

/// Migration 4: rebuild `posts` (SQLite cannot alter a CHECK) with the
/// `review` status, `uid` and `reviewer`, keeping every id (the search index
/// uses them), then the sync tables and the triggers that mark edits.
pub const MIGRATION_TEAM: &str = r#"
CREATE TABLE posts_new (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    slug           TEXT NOT NULL,
    summary        TEXT NOT NULL DEFAULT '',
    preview_text   TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    lang           TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
    translation_of INTEGER REFERENCES posts(id) ON DELETE SET NULL,
    status         TEXT NOT NULL
                   CHECK (status IN ('draft', 'review', 'ready', 'scheduled', 'published', 'archived')),
    author         TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    publish_at     TEXT,
    canonical_url  TEXT NOT NULL DEFAULT '',
    featured_image TEXT NOT NULL DEFAULT '',
    extra          TEXT NOT NULL DEFAULT '{}',
    deleted_at     TEXT,
    uid            TEXT NOT NULL UNIQUE,
    reviewer       TEXT NOT NULL DEFAULT '',
    UNIQUE (lang, slug)
);
INSERT INTO posts_new (id, title, slug, summary, preview_text, body, lang, translation_of, status, author,
                       created_at, updated_at, publish_at, canonical_url, featured_image, extra, deleted_at,
                       uid, reviewer)
SELECT id, title, slug, summary, preview_text, body, lang, translation_of, status, author,
       created_at, updated_at, publish_at, canonical_url, featured_image, extra, deleted_at,
       lower(hex(randomblob(16))), ''
FROM posts;
DROP TABLE posts;
ALTER TABLE posts_new RENAME TO posts;
CREATE INDEX posts_updated ON posts(updated_at);
CREATE INDEX posts_review ON posts(status, reviewer);

CREATE TABLE sync_posts (
    uid          TEXT PRIMARY KEY,
    path         TEXT NOT NULL,
    base         TEXT,
    author_name  TEXT NOT NULL DEFAULT '',
    author_email TEXT NOT NULL DEFAULT '',
    changed_at   TEXT
);
CREATE INDEX sync_posts_path ON sync_posts(path);
CREATE TABLE sync_dirty (
    uid   TEXT PRIMARY KEY,
    edits INTEGER NOT NULL
);
CREATE TABLE sync_conflicts (
    uid         TEXT PRIMARY KEY,
    theirs_path TEXT NOT NULL,
    theirs      TEXT,
    items       TEXT NOT NULL,
    found_at    TEXT NOT NULL
);
CREATE TABLE sync_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TRIGGER sync_dirty_post_insert AFTER INSERT ON posts BEGIN
    INSERT INTO sync_dirty (uid, edits) VALUES (NEW.uid, 1)
    ON CONFLICT(uid) DO UPDATE SET edits = edits + 1;
END;
CREATE TRIGGER sync_dirty_post_update AFTER UPDATE ON posts BEGIN
    INSERT INTO sync_dirty (uid, edits) VALUES (NEW.uid, 1)
    ON CONFLICT(uid) DO UPDATE SET edits = edits + 1;
END;
CREATE TRIGGER sync_dirty_post_delete AFTER DELETE ON posts BEGIN
    INSERT INTO sync_dirty (uid, edits) VALUES (OLD.uid, 1)
    ON CONFLICT(uid) DO UPDATE SET edits = edits + 1;
END;
CREATE TRIGGER sync_dirty_tag_insert AFTER INSERT ON post_tags BEGIN
    INSERT INTO sync_dirty (uid, edits) SELECT uid, 1 FROM posts WHERE id = NEW.post_id
    ON CONFLICT(uid) DO UPDATE SET edits = edits + 1;
END;
CREATE TRIGGER sync_dirty_tag_delete AFTER DELETE ON post_tags BEGIN
    INSERT INTO sync_dirty (uid, edits) SELECT uid, 1 FROM posts WHERE id = OLD.post_id
    ON CONFLICT(uid) DO UPDATE SET edits = edits + 1;
END;
"#;

/// A local post as sync sees it: the post and its twin's uid.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntry {
    pub post: Post,
    pub twin_uid: Option<String>,
}

/// A post's file at the base: where it was and what it held (`None`: absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseRow {
    pub path: String,
    pub text: Option<String>,
}

/// Who last changed a post in the shared repository, and when (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChangedBy {
    pub name: String,
    pub email: String,
    pub at: String,
}

/// A recorded conflict: the shared file it clashes with and its items (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub uid: String,
    pub theirs_path: String,
    pub theirs: Option<String>,
    pub items: String,
    pub found_at: String,
}

/// What a sync does to one local post.
#[derive(Debug, Clone, PartialEq)]
pub enum LocalWrite {
    Keep,
    /// Create or overwrite (and restore from the trash) with these fields.
    Put {
        post: Box<Post>,
        twin_uid: Option<String>,
    },
    /// Move to the trash (a teammate deleted it and it was not edited here).
    Trash,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConflictWrite {
    Keep,
    Clear,
    Set(ConflictRow),
}

/// One post's share of a sync outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncItem {
    pub uid: String,
    /// The `sync_dirty` counter when the merge read the post (`None`: not dirty).
    /// When it moved since, the post was edited meanwhile and the item is skipped.
    pub seen_edits: Option<i64>,
    pub write: LocalWrite,
    pub base: Option<BaseRow>,
    pub conflict: ConflictWrite,
    pub changed_by: Option<ChangedBy>,
    /// Leave the post marked as changed (a settled conflict still to share).
    pub keep_dirty: bool,
}

impl Store {
    pub fn sync_meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM sync_meta WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_sync_meta(&mut self, pairs: &[(&str, &str)]) -> Result<()> {
        let tx = self.write_tx()?;
        put_meta(&tx, pairs)?;
        tx.commit()?;
        Ok(())
    }

    /// Posts edited since they were last synced, with their edit counters.
    pub fn sync_dirty(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT uid, edits FROM sync_dirty ORDER BY uid")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Mark every post as changed (before a first connect shares them all).
    pub fn sync_mark_all_dirty(&mut self) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO sync_dirty (uid, edits) SELECT uid, 1 FROM posts WHERE true
             ON CONFLICT(uid) DO UPDATE SET edits = edits + 1",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every post's uid (live or trashed), for a first publish.
    pub fn sync_all_uids(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT uid FROM posts ORDER BY uid")?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn sync_local(&self, uid: &str) -> Result<Option<LocalEntry>> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM posts WHERE uid = ?1")?
            .query_row([uid], |r| r.get(0))
            .optional()?;
        let Some(id) = id else { return Ok(None) };
        let Some(post) = get(&self.conn, id)? else {
            return Ok(None);
        };
        let twin_uid = match post.translation_of {
            Some(t) => self
                .conn
                .prepare_cached("SELECT uid FROM posts WHERE id = ?1")?
                .query_row([t], |r| r.get(0))
                .optional()?,
            None => None,
        };
        Ok(Some(LocalEntry { post, twin_uid }))
    }

    pub fn sync_base(&self, uid: &str) -> Result<Option<BaseRow>> {
        Ok(self
            .conn
            .prepare_cached("SELECT path, base FROM sync_posts WHERE uid = ?1")?
            .query_row([uid], |r| {
                Ok(BaseRow {
                    path: r.get(0)?,
                    text: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// The uids whose base file was at `path`.
    pub fn sync_uids_at_path(&self, path: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT uid FROM sync_posts WHERE path = ?1")?;
        let rows = stmt
            .query_map([path], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn sync_changed_by(&self, uid: &str) -> Result<Option<ChangedBy>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT author_name, author_email, changed_at FROM sync_posts
                 WHERE uid = ?1 AND changed_at IS NOT NULL",
            )?
            .query_row([uid], |r| {
                Ok(ChangedBy {
                    name: r.get(0)?,
                    email: r.get(1)?,
                    at: r.get(2)?,
                })
            })
            .optional()?)
    }

    pub fn sync_conflicts(&self) -> Result<Vec<ConflictRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT uid, theirs_path, theirs, items, found_at FROM sync_conflicts ORDER BY found_at, uid",
        )?;
        let rows = stmt
            .query_map([], row_to_conflict)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn sync_conflict(&self, uid: &str) -> Result<Option<ConflictRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT uid, theirs_path, theirs, items, found_at FROM sync_conflicts WHERE uid = ?1",
                [uid],
                row_to_conflict,
            )
            .optional()?)
    }

    /// Store a conflict's items as they are being resolved (choices so far).
    pub fn set_sync_conflict_items(&mut self, uid: &str, items: &str) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "UPDATE sync_conflicts SET items = ?2 WHERE uid = ?1",
            params![uid, items],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The uid of the post (other than `except`) using this slug in this language.
    pub fn sync_slug_owner(&self, lang: Lang, slug: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT uid FROM posts WHERE lang = ?1 AND slug = ?2")?
            .query_row(params![lang.as_str(), slug], |r| r.get(0))
            .optional()?)
    }
}

pub(super) fn put_meta(tx: &Transaction<'_>, pairs: &[(&str, &str)]) -> Result<()> {
    for (k, v) in pairs {
        tx.execute(
            "INSERT INTO sync_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![k, v],
        )?;
    }
    Ok(())
}

fn row_to_conflict(r: &rusqlite::Row<'_>) -> rusqlite::Result<ConflictRow> {
    Ok(ConflictRow {
        uid: r.get(0)?,
        theirs_path: r.get(1)?,
        theirs: r.get(2)?,
        items: r.get(3)?,
        found_at: r.get(4)?,
    })
}

//! Applying a team sync's outcome to the library: one transaction writes the
//! posts (a "sync" revision of the local words first when they are
//! replaced), their bases, conflicts, who changed them, the dirty marks of
//! the posts handled and the last synced commit (see `sync_state`).

use rusqlite::{params, OptionalExtension, Transaction};

use super::posts::{set_tags, taken, unique_slug};
use super::rows::get;
use super::sync_state::{put_meta, ConflictWrite, LocalWrite, SyncItem};
use super::{revisions, search, ts, Store};
use crate::error::Result;
use crate::model::{Lang, Post, RevisionReason};

impl Store {
    /// Apply a sync's outcome in one transaction: local posts (a "sync"
    /// revision of the local words first when they are replaced), bases,
    /// conflicts, who-changed-it, the dirty marks of the posts handled, and
    /// `meta` (the last synced commit). Returns the uids skipped because
    /// they were edited while the sync was merging.
    pub fn apply_sync(&mut self, items: &[SyncItem], meta: &[(&str, &str)]) -> Result<Vec<String>> {
        let now = self.now();
        let tx = self.write_tx()?;
        let mut skipped = Vec::new();
        let mut handled = Vec::new();
        for item in items {
            let edits: Option<i64> = tx
                .prepare_cached("SELECT edits FROM sync_dirty WHERE uid = ?1")?
                .query_row([&item.uid], |r| r.get(0))
                .optional()?;
            if edits != item.seen_edits {
                skipped.push(item.uid.clone());
            } else {
                handled.push(item);
            }
        }
        // Puts in two passes: first out of each other's way (temporary slugs), then final slugs.
        let mut puts: Vec<(i64, &Post, &Option<String>)> = Vec::new();
        for item in &handled {
            match &item.write {
                LocalWrite::Keep => {}
                LocalWrite::Trash => {
                    tx.execute(
                        "UPDATE posts SET deleted_at = ?2 WHERE uid = ?1 AND deleted_at IS NULL",
                        params![item.uid, ts(now)],
                    )?;
                }
                LocalWrite::Put { post, twin_uid } => {
                    let id = put_post(&tx, &item.uid, post, now)?;
                    puts.push((id, post, twin_uid));
                }
            }
        }
        for (id, post, _) in &puts {
            if let Some(other) = tx
                .query_row(
                    "SELECT id FROM posts WHERE lang = ?1 AND slug = ?2 AND id != ?3",
                    params![post.lang.as_str(), post.slug, id],
                    |r| r.get::<_, i64>(0),
                )
                .optional()?
            {
                // A local post not shared yet holds the slug: it moves aside (and is shared so).
                let lang: String =
                    tx.query_row("SELECT lang FROM posts WHERE id = ?1", [other], |r| {
                        r.get(0)
                    })?;
                let lang: Lang = lang.parse()?;
                let free = unique_slug(&tx, &post.slug, lang, Some(other))?;
                let free = if taken(&tx, &free, lang, Some(other))? || free == post.slug {
                    format!("{}-{}", post.slug, &post.uid[..8.min(post.uid.len())])
                } else {
                    free
                };
                tx.execute(
                    "UPDATE posts SET slug = ?2 WHERE id = ?1",
                    params![other, free],
                )?;
            }
            tx.execute(
                "UPDATE posts SET slug = ?2 WHERE id = ?1",
                params![id, post.slug],
            )?;
        }
        for (id, _, twin) in &puts {
            let twin_id: Option<i64> = match twin {
                Some(u) => tx
                    .query_row("SELECT id FROM posts WHERE uid = ?1", [u], |r| r.get(0))
                    .optional()?,
                None => None,
            };
            tx.execute(
                "UPDATE posts SET translation_of = ?2 WHERE id = ?1 AND translation_of IS NOT ?2",
                params![id, twin_id],
            )?;
            search::index_post(&tx, *id)?;
        }
        for item in &handled {
            if let Some(base) = &item.base {
                tx.execute(
                    "INSERT INTO sync_posts (uid, path, base) VALUES (?1, ?2, ?3)
                     ON CONFLICT(uid) DO UPDATE SET path = excluded.path, base = excluded.base",
                    params![item.uid, base.path, base.text],
                )?;
            }
            if let Some(by) = &item.changed_by {
                tx.execute(
                    "UPDATE sync_posts SET author_name = ?2, author_email = ?3, changed_at = ?4 WHERE uid = ?1",
                    params![item.uid, by.name, by.email, by.at],
                )?;
            }
            match &item.conflict {
                ConflictWrite::Keep => {}
                ConflictWrite::Clear => {
                    tx.execute("DELETE FROM sync_conflicts WHERE uid = ?1", [&item.uid])?;
                }
                ConflictWrite::Set(c) => {
                    tx.execute(
                        "INSERT INTO sync_conflicts (uid, theirs_path, theirs, items, found_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)
                         ON CONFLICT(uid) DO UPDATE SET theirs_path = excluded.theirs_path,
                             theirs = excluded.theirs, items = excluded.items",
                        params![c.uid, c.theirs_path, c.theirs, c.items, c.found_at],
                    )?;
                }
            }
            if item.keep_dirty {
                tx.execute(
                    "INSERT INTO sync_dirty (uid, edits) VALUES (?1, 1)
                     ON CONFLICT(uid) DO UPDATE SET edits = edits + 1",
                    [&item.uid],
                )?;
            } else {
                tx.execute("DELETE FROM sync_dirty WHERE uid = ?1", [&item.uid])?;
            }
        }
        put_meta(&tx, meta)?;
        tx.commit()?;
        Ok(skipped)
    }
}

/// Write one post's shared fields under a temporary slug (the final one is
/// set once every post of the batch is out of the way). Returns its id.
fn put_post(
    tx: &Transaction<'_>,
    uid: &str,
    p: &Post,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64> {
    let temp = format!("~sync~{uid}");
    let existing: Option<i64> = tx
        .query_row("SELECT id FROM posts WHERE uid = ?1", [uid], |r| r.get(0))
        .optional()?;
    let id = match existing {
        Some(id) => {
            if let Some(old) = get(tx, id)? {
                let same_words =
                    old.title == p.title && old.summary == p.summary && old.body == p.body;
                if !same_words {
                    revisions::cut_if_changed(tx, id, RevisionReason::Sync, now)?;
                }
            }
            write_post_row(tx, id, p, &temp, now)?;
            id
        }
        None => {
            // A row for the post, filled by the same write as an existing one.
            tx.execute(
                "INSERT INTO posts (uid, title, slug, lang, status, created_at, updated_at)
                 VALUES (?1, '', ?2, 'en', 'draft', '', '')",
                params![uid, temp],
            )?;
            let id = tx.last_insert_rowid();
            write_post_row(tx, id, p, &temp, now)?;
            revisions::cut(tx, id, RevisionReason::Sync, now)?;
            id
        }
    };
    let old_tags = super::rows::tags(tx, id)?;
    if old_tags != p.tags {
        set_tags(tx, id, &p.tags)?;
    }
    Ok(id)
}

/// Set every shared column of post `id` from `p` (slug: `slug`), and bring
/// it back from the trash: the one place a sync writes a post's row, for a
/// new post as for one the library held.
fn write_post_row(
    tx: &Transaction<'_>,
    id: i64,
    p: &Post,
    slug: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let extra = serde_json::Value::Object(p.extra.clone()).to_string();
    tx.execute(
        "UPDATE posts SET title = ?2, slug = ?3, summary = ?4, preview_text = ?5, body = ?6,
                lang = ?7, status = ?8, author = ?9, reviewer = ?10, created_at = ?11,
                updated_at = max(?12, ?11), publish_at = ?13, canonical_url = ?14,
                featured_image = ?15, extra = ?16, deleted_at = NULL
         WHERE id = ?1",
        params![
            id,
            p.title,
            slug,
            p.summary,
            p.preview_text,
            p.body,
            p.lang.as_str(),
            p.status.as_str(),
            p.author,
            p.reviewer,
            ts(p.created_at),
            ts(now),
            p.publish_at.map(ts),
            p.canonical_url,
            p.featured_image,
            extra,
        ],
    )?;
    Ok(())
}

//! Revisions: snapshots of a post's title, summary and body, and the SQL
//! that cuts them when [`super::rules`] says an edit calls for one.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::rules::{auto_revision_due, RevisionPlan};
use super::{parse_ts, search, ts, Store};
use crate::error::{Error, Result};
use crate::model::{Post, Revision, RevisionReason};

impl Store {
    /// Revisions of a post, newest first.
    pub fn revisions(&self, post_id: i64) -> Result<Vec<Revision>> {
        self.get_post(post_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, post_id, title, summary, body, reason, created_at
             FROM revisions WHERE post_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt
            .query_map([post_id], row_to_revision)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn revision(&self, post_id: i64, revision_id: i64) -> Result<Revision> {
        self.conn
            .query_row(
                "SELECT id, post_id, title, summary, body, reason, created_at
                 FROM revisions WHERE post_id = ?1 AND id = ?2",
                params![post_id, revision_id],
                row_to_revision,
            )
            .optional()?
            .ok_or(Error::RevisionNotFound(revision_id))
    }

    /// Cut a revision now (an explicit save). Returns `None` when nothing changed since the last one.
    pub fn save_revision(&mut self, post_id: i64) -> Result<Option<Revision>> {
        let now = self.now();
        self.get_post(post_id)?;
        let tx = self.write_tx()?;
        let id = cut_if_changed(&tx, post_id, RevisionReason::Save, now)?;
        tx.commit()?;
        id.map(|id| self.revision(post_id, id)).transpose()
    }

    /// Put an older revision's words back. The current words are kept as a
    /// revision first, so a restore can itself be undone.
    pub fn restore_revision(&mut self, post_id: i64, revision_id: i64) -> Result<Post> {
        let now = self.now();
        let rev = self.revision(post_id, revision_id)?;
        let tx = self.write_tx()?;
        cut_if_changed(&tx, post_id, RevisionReason::Restore, now)?;
        tx.execute(
            "UPDATE posts SET title = ?2, summary = ?3, body = ?4, updated_at = max(?5, created_at) WHERE id = ?1",
            params![post_id, rev.title, rev.summary, rev.body, ts(now)],
        )?;
        search::index_post(&tx, post_id)?;
        tx.commit()?;
        self.get_post(post_id)
    }
}

/// Snapshot the post as it is now inside `tx`.
pub(super) fn cut(
    tx: &Transaction<'_>,
    post_id: i64,
    reason: RevisionReason,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO revisions (post_id, title, summary, body, reason, created_at)
         SELECT id, title, summary, body, ?2, ?3 FROM posts WHERE id = ?1",
        params![post_id, reason.as_str(), ts(now)],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Snapshot unless the words are the same as the latest revision's.
pub(super) fn cut_if_changed(
    tx: &Transaction<'_>,
    post_id: i64,
    reason: RevisionReason,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    if latest_matches(tx, post_id)? {
        return Ok(None);
    }
    cut(tx, post_id, reason, now).map(Some)
}

/// Cut the revision an edit calls for (see [`super::rules::revision_for_update`]).
pub(super) fn cut_as_planned(
    tx: &Transaction<'_>,
    post_id: i64,
    plan: RevisionPlan,
    now: DateTime<Utc>,
) -> Result<()> {
    match plan {
        RevisionPlan::Always(reason) => {
            cut(tx, post_id, reason, now)?;
        }
        RevisionPlan::IfChanged(reason) => {
            cut_if_changed(tx, post_id, reason, now)?;
        }
        RevisionPlan::AutoIfDue => {
            if auto_revision_due(latest_time(tx, post_id)?, now) {
                cut_if_changed(tx, post_id, RevisionReason::Auto, now)?;
            }
        }
    }
    Ok(())
}

/// When the latest revision of a post was cut, if it has one.
fn latest_time(tx: &Transaction<'_>, post_id: i64) -> Result<Option<DateTime<Utc>>> {
    let last: Option<String> = tx
        .query_row(
            "SELECT max(created_at) FROM revisions WHERE post_id = ?1",
            [post_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    last.as_deref()
        .map(parse_ts)
        .transpose()
        .map_err(Error::from)
}

fn latest_matches(tx: &Transaction<'_>, post_id: i64) -> Result<bool> {
    let same: Option<bool> = tx
        .query_row(
            "SELECT r.title = p.title AND r.summary = p.summary AND r.body = p.body
             FROM revisions r JOIN posts p ON p.id = r.post_id
             WHERE r.post_id = ?1 ORDER BY r.id DESC LIMIT 1",
            [post_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(same.unwrap_or(false))
}

fn row_to_revision(r: &rusqlite::Row<'_>) -> rusqlite::Result<Revision> {
    Ok(Revision {
        id: r.get(0)?,
        post_id: r.get(1)?,
        title: r.get(2)?,
        summary: r.get(3)?,
        body: r.get(4)?,
        reason: RevisionReason::parse(&r.get::<_, String>(5)?),
        created_at: parse_ts(&r.get::<_, String>(6)?)?,
    })
}

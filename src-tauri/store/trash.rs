//! The trash: trash and restore one post, purge what expired, empty it now.
//! A trashed post keeps its slug, so restoring it never clashes.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::rows::get;
use super::rules::{empty_trash_cutoff, trash_expiry_cutoff};
use super::{search, ts, Store};
use crate::error::{Error, Result};
use crate::model::Post;

impl Store {
    /// Move a post to the trash. It keeps its slug, so restoring never clashes.
    pub fn trash_post(&mut self, id: i64) -> Result<Post> {
        let now = self.now();
        let tx = self.write_tx()?;
        let n = tx.execute(
            "UPDATE posts SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, ts(now)],
        )?;
        if n == 0 {
            let exists = get(&tx, id)?.ok_or(Error::PostIdNotFound(id))?;
            return Err(Error::invalid(
                "trash",
                format!("\"{}\" is already in the trash.", exists.title),
            ));
        }
        tx.commit()?;
        self.get_post(id)
    }

    /// Bring a post back from the trash.
    pub fn restore_post(&mut self, id: i64) -> Result<Post> {
        let tx = self.write_tx()?;
        let n = tx.execute(
            "UPDATE posts SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
            params![id],
        )?;
        if n == 0 {
            let exists = get(&tx, id)?.ok_or(Error::PostIdNotFound(id))?;
            return Err(Error::invalid(
                "trash",
                format!("\"{}\" is not in the trash.", exists.title),
            ));
        }
        tx.commit()?;
        self.get_post(id)
    }

    /// Delete for good the posts trashed before `cutoff`. Returns how many.
    pub fn purge_trash_before(&mut self, cutoff: DateTime<Utc>) -> Result<usize> {
        let tx = self.write_tx()?;
        let ids: Vec<i64> = {
            let mut stmt = tx
                .prepare("SELECT id FROM posts WHERE deleted_at IS NOT NULL AND deleted_at < ?1")?;
            let ids = stmt
                .query_map([ts(cutoff)], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            ids
        };
        for id in &ids {
            search::unindex_post(&tx, *id)?;
            tx.execute("DELETE FROM posts WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(ids.len())
    }

    /// Purge what has been in the trash for more than [`super::TRASH_DAYS`] days.
    pub fn purge_expired_trash(&mut self) -> Result<usize> {
        self.purge_trash_before(trash_expiry_cutoff(self.now()))
    }

    /// Empty the trash now (the app asks for confirmation first). The
    /// library is backed up first when there is anything to delete.
    pub fn empty_trash(&mut self) -> Result<usize> {
        let cutoff = empty_trash_cutoff(self.now());
        let anything: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM posts WHERE deleted_at IS NOT NULL AND deleted_at < ?1)",
            [ts(cutoff)],
            |r| r.get(0),
        )?;
        if anything {
            self.backup_before(super::BackupReason::PreEmptyTrash)?;
        }
        self.purge_trash_before(cutoff)
    }
}

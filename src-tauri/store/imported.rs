//! Writing a whole import at once: every image and every post of a WordPress
//! export go in ONE transaction, so an import that fails half-way leaves the
//! library as it was. The posts it matches on a later import are found by a
//! key the importer keeps in the post's `extra` JSON (for WordPress:
//! `extra.wordpress.guid`, see `crate::import::wxr`).

use std::collections::HashMap;

use rusqlite::params;

use super::assets::{check_image, insert_asset};
use super::posts::{insert_post, update_in};
use super::rules::EditKind;
use super::Store;
use crate::error::Result;
use crate::model::{NewPost, PostPatch};

/// One post of an import batch.
#[derive(Debug, Clone, PartialEq)]
pub enum BatchPost {
    Create(NewPost),
    /// Change post `id` with `patch` and replace its `extra` JSON.
    Update {
        id: i64,
        patch: PostPatch,
        extra: serde_json::Map<String, serde_json::Value>,
    },
}

/// Everything an import writes: images first (`(file name, bytes)`), then posts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportBatch {
    pub images: Vec<(String, Vec<u8>)>,
    pub posts: Vec<BatchPost>,
}

impl Store {
    /// Every post (live or trashed) whose `extra` holds a string at the JSON
    /// path `path` (e.g. `$.wordpress.guid`), by that string.
    pub fn posts_by_extra_key(&self, path: &str) -> Result<HashMap<String, i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT json_extract(extra, ?1), id FROM posts
             WHERE json_valid(extra) AND json_type(extra, ?1) = 'text'",
        )?;
        let rows = stmt
            .query_map(params![path], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<HashMap<String, i64>>>()?;
        Ok(rows)
    }

    /// Write `batch` in one transaction: all of it, or nothing. Returns the
    /// id of each post, in the order of `batch.posts`.
    pub fn write_import(&mut self, batch: ImportBatch) -> Result<Vec<i64>> {
        let checked = batch
            .images
            .iter()
            .map(|(name, data)| check_image(name, data))
            .collect::<Result<Vec<_>>>()?;
        let now = self.now();
        let tx = self.write_tx()?;
        for (image, (_, data)) in checked.iter().zip(&batch.images) {
            insert_asset(&tx, image, data, now)?;
        }
        let mut ids = Vec::with_capacity(batch.posts.len());
        for post in batch.posts {
            match post {
                BatchPost::Create(new) => ids.push(insert_post(&tx, new, now)?),
                BatchPost::Update { id, patch, extra } => {
                    update_in(&tx, id, patch, EditKind::Save, now)?;
                    tx.execute(
                        "UPDATE posts SET extra = ?2 WHERE id = ?1",
                        params![id, serde_json::Value::Object(extra).to_string()],
                    )?;
                    ids.push(id);
                }
            }
        }
        tx.commit()?;
        Ok(ids)
    }
}

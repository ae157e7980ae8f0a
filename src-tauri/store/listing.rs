//! Listing: live posts (or the trash) filtered by status, language and tag,
//! in the chosen order; the tags in use; every live post for exports.

use super::rows::{row_to_summary, tags, SUMMARY_COLUMNS};
use super::rules::normalize_tag;
use super::Store;
use crate::error::Result;
use crate::model::{ListFilter, Post, PostSummary, SortOrder};

impl Store {
    /// Live posts (or the trash) matching the filter.
    pub fn list_posts(&self, filter: &ListFilter) -> Result<Vec<PostSummary>> {
        let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM posts p WHERE ");
        sql.push_str(if filter.trashed {
            "deleted_at IS NOT NULL"
        } else {
            "deleted_at IS NULL"
        });
        let mut args: Vec<String> = Vec::new();
        if let Some(s) = filter.status {
            args.push(s.as_str().to_string());
            sql.push_str(&format!(" AND status = ?{}", args.len()));
        }
        if let Some(l) = filter.lang {
            args.push(l.as_str().to_string());
            sql.push_str(&format!(" AND lang = ?{}", args.len()));
        }
        if let Some(t) = filter
            .tag
            .as_deref()
            .map(normalize_tag)
            .filter(|t| !t.is_empty())
        {
            args.push(t);
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = p.id AND t.tag = ?{} COLLATE NOCASE)",
                args.len()
            ));
        }
        sql.push_str(match filter.sort {
            SortOrder::Updated => " ORDER BY updated_at DESC, id DESC",
            SortOrder::Created => " ORDER BY created_at DESC, id DESC",
            SortOrder::Title => " ORDER BY title COLLATE NOCASE, id",
        });
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), row_to_summary)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for row in &mut rows {
            row.tags = tags(&self.conn, row.id)?;
        }
        Ok(rows)
    }

    /// "Waiting for my review": live posts in the `review` status whose
    /// reviewer is one of `me` (a name or an email; case and spaces ignored),
    /// oldest request first.
    pub fn list_waiting_for_review(&self, me: &[&str]) -> Result<Vec<PostSummary>> {
        let me: Vec<String> = me
            .iter()
            .map(|m| m.trim().to_lowercase())
            .filter(|m| !m.is_empty())
            .collect();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}, reviewer FROM posts
             WHERE deleted_at IS NULL AND status = 'review' AND reviewer != ''
             ORDER BY updated_at, id"
        ))?;
        let rows = stmt
            .query_map([], |r| Ok((row_to_summary(r)?, r.get::<_, String>(11)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut mine = Vec::new();
        for (mut row, reviewer) in rows {
            if me.contains(&reviewer.trim().to_lowercase()) {
                row.tags = tags(&self.conn, row.id)?;
                mine.push(row);
            }
        }
        Ok(mine)
    }

    /// Every tag in use by live posts, most used first (for autocomplete).
    pub fn all_tags(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.tag, count(*) FROM post_tags t JOIN posts p ON p.id = t.post_id
             WHERE p.deleted_at IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// All live posts, newest first, with their bodies (exports, benches).
    pub fn all_posts(&self) -> Result<Vec<Post>> {
        let mut stmt = self.conn.prepare(
            "SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY coalesce(publish_at, created_at) DESC, id DESC",
        )?;
        let ids = stmt
            .query_map([], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.into_iter().map(|id| self.get_post(id)).collect()
    }
}

//! Row mapping: the columns a post is read with, and SQLite rows turned into
//! [`Post`] and [`PostSummary`] (tags are read separately, in position order).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};

use super::parse_ts;
use crate::error::Result;
use crate::model::{Lang, Post, PostSummary, Status};

/// The columns [`row_to_post`] reads, in its order.
pub(super) const POST_COLUMNS: &str = "id, title, slug, summary, preview_text, body, lang, translation_of, \
     status, author, created_at, updated_at, publish_at, canonical_url, featured_image, extra, deleted_at, uid, reviewer";

/// The columns [`row_to_summary`] reads, in its order.
pub(super) const SUMMARY_COLUMNS: &str =
    "id, title, slug, summary, lang, status, author, created_at, updated_at, publish_at, deleted_at";

/// The post with this id, tags included, live or trashed.
pub(super) fn get(conn: &Connection, id: i64) -> Result<Option<Post>> {
    let post = conn
        .prepare_cached(&format!("SELECT {POST_COLUMNS} FROM posts WHERE id = ?1"))?
        .query_row([id], row_to_post)
        .optional()?;
    match post {
        Some(mut p) => {
            p.tags = tags(conn, id)?;
            Ok(Some(p))
        }
        None => Ok(None),
    }
}

/// A post's tags in the order the author gave them.
pub(crate) fn tags(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM post_tags WHERE post_id = ?1 ORDER BY position")?;
    let rows = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A row of [`POST_COLUMNS`] as a post without its tags.
pub(super) fn row_to_post(r: &Row<'_>) -> rusqlite::Result<Post> {
    let extra: String = r.get(15)?;
    Ok(Post {
        id: r.get(0)?,
        title: r.get(1)?,
        slug: r.get(2)?,
        summary: r.get(3)?,
        preview_text: r.get(4)?,
        body: r.get(5)?,
        lang: parse_lang(r, 6)?,
        translation_of: r.get(7)?,
        status: parse_status(r, 8)?,
        tags: Vec::new(),
        author: r.get(9)?,
        created_at: parse_ts(&r.get::<_, String>(10)?)?,
        updated_at: parse_ts(&r.get::<_, String>(11)?)?,
        publish_at: opt_ts(r.get(12)?)?,
        canonical_url: r.get(13)?,
        featured_image: r.get(14)?,
        extra: serde_json::from_str(&extra).unwrap_or_default(),
        deleted_at: opt_ts(r.get(16)?)?,
        uid: r.get(17)?,
        reviewer: r.get(18)?,
    })
}

/// A row of [`SUMMARY_COLUMNS`] as a summary without its tags.
pub(super) fn row_to_summary(r: &Row<'_>) -> rusqlite::Result<PostSummary> {
    Ok(PostSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        slug: r.get(2)?,
        summary: r.get(3)?,
        lang: parse_lang(r, 4)?,
        status: parse_status(r, 5)?,
        tags: Vec::new(),
        author: r.get(6)?,
        created_at: parse_ts(&r.get::<_, String>(7)?)?,
        updated_at: parse_ts(&r.get::<_, String>(8)?)?,
        publish_at: opt_ts(r.get(9)?)?,
        deleted_at: opt_ts(r.get(10)?)?,
    })
}

fn opt_ts(s: Option<String>) -> rusqlite::Result<Option<DateTime<Utc>>> {
    s.as_deref().map(parse_ts).transpose()
}

fn conversion<E: std::error::Error + Send + Sync + 'static>(i: usize, e: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn parse_lang(r: &Row<'_>, i: usize) -> rusqlite::Result<Lang> {
    r.get::<_, String>(i)?.parse().map_err(|e| conversion(i, e))
}

fn parse_status(r: &Row<'_>, i: usize) -> rusqlite::Result<Status> {
    r.get::<_, String>(i)?.parse().map_err(|e| conversion(i, e))
}

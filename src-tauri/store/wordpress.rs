//! Where posts were published on a WordPress site: the remote copy of each
//! post (`wordpress_posts`) and the library images already uploaded to a
//! site's media library (`wordpress_media`, by content hash, so an image is
//! uploaded once). Written only after the site confirmed the write.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{parse_ts, ts, Store};
use crate::error::Result;

/// A post's copy on a WordPress site, as of the last publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPressCopy {
    pub post_id: i64,
    /// `wordpress.url` when it was published (a copy on another site is not this site's).
    pub site_url: String,
    pub remote_id: i64,
    pub link: String,
    /// The site's `modified_gmt` right after Postdesk's write.
    pub modified_gmt: String,
    /// SHA-256 of the title, excerpt and body the site kept after that write.
    pub content_hash: String,
    pub published_at: DateTime<Utc>,
}

/// A library image in a site's media library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPressMedia {
    pub media_id: i64,
    pub source_url: String,
}

impl Store {
    /// The remote copy of a post, if it was published to WordPress.
    pub fn wordpress_copy(&self, post_id: i64) -> Result<Option<WordPressCopy>> {
        let row = self
            .conn
            .query_row(
                "SELECT post_id, site_url, remote_id, link, modified_gmt, content_hash, published_at
                 FROM wordpress_posts WHERE post_id = ?1",
                [post_id],
                |r| {
                    Ok(WordPressCopy {
                        post_id: r.get(0)?,
                        site_url: r.get(1)?,
                        remote_id: r.get(2)?,
                        link: r.get(3)?,
                        modified_gmt: r.get(4)?,
                        content_hash: r.get(5)?,
                        published_at: parse_ts(&r.get::<_, String>(6)?)?,
                    })
                },
            )
            .optional()?;
        Ok(row)
    }

    /// Remember (or replace) a post's remote copy.
    pub fn save_wordpress_copy(&mut self, copy: &WordPressCopy) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO wordpress_posts
                 (post_id, site_url, remote_id, link, modified_gmt, content_hash, published_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(post_id) DO UPDATE SET
                 site_url = excluded.site_url, remote_id = excluded.remote_id,
                 link = excluded.link, modified_gmt = excluded.modified_gmt,
                 content_hash = excluded.content_hash, published_at = excluded.published_at",
            params![
                copy.post_id,
                copy.site_url,
                copy.remote_id,
                copy.link,
                copy.modified_gmt,
                copy.content_hash,
                ts(copy.published_at)
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The media item a library image (by content hash) became on a site.
    pub fn wordpress_media(
        &self,
        site_url: &str,
        asset_hash: &str,
    ) -> Result<Option<WordPressMedia>> {
        Ok(self
            .conn
            .query_row(
                "SELECT media_id, source_url FROM wordpress_media WHERE site_url = ?1 AND asset_hash = ?2",
                params![site_url, asset_hash],
                |r| {
                    Ok(WordPressMedia {
                        media_id: r.get(0)?,
                        source_url: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Remember the media item a library image became on a site.
    pub fn save_wordpress_media(
        &mut self,
        site_url: &str,
        asset_hash: &str,
        media: &WordPressMedia,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO wordpress_media (site_url, asset_hash, media_id, source_url)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(site_url, asset_hash) DO UPDATE SET
                 media_id = excluded.media_id, source_url = excluded.source_url",
            params![site_url, asset_hash, media.media_id, media.source_url],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The other-language versions of a post: the one it translates and those
    /// that translate it (live posts only).
    pub fn translation_twins(&self, post_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id FROM posts p, posts me
             WHERE me.id = ?1 AND p.id <> me.id AND p.deleted_at IS NULL
               AND (p.id = me.translation_of OR p.translation_of = me.id)
             ORDER BY p.id",
        )?;
        let ids = stmt
            .query_map([post_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }
}

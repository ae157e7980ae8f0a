//! Posts: create, read, list, edit, trash, restore, purge.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Row, Transaction, TransactionBehavior};

use super::{parse_ts, search, ts, Store, TRASH_DAYS};
use crate::error::{Error, Result};
use crate::model::{
    Lang, ListFilter, NewPost, Post, PostPatch, PostSummary, RevisionReason, SortOrder, Status,
};
use crate::slug;

/// How an edit was made, which decides whether it cuts a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// The author asked to save (Ctrl+S, `postdesk edit`): always a revision.
    Save,
    /// Autosave while typing: a revision at most every five minutes.
    Autosave,
}

const POST_COLUMNS: &str = "id, title, slug, summary, preview_text, body, lang, translation_of, \
     status, author, created_at, updated_at, publish_at, canonical_url, featured_image, extra, deleted_at";

impl Store {
    /// Create a post. The slug comes from `new.slug` or the title, made safe
    /// and unique within the language (`-2`, `-3`… when taken).
    pub fn create_post(&mut self, new: NewPost) -> Result<Post> {
        let title = clean_title(&new.title)?;
        let now = self.now();
        let tx = self.write_tx()?;
        if let Some(t) = new.translation_of {
            ensure_exists(&tx, t)?;
        }
        let base = slug::slugify(
            new.slug
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or(&title),
        );
        let slug = unique_slug(&tx, &base, new.lang, None)?;
        let created = new.created_at.unwrap_or(now);
        tx.execute(
            "INSERT INTO posts (title, slug, summary, preview_text, body, lang, translation_of, status,
                                author, created_at, updated_at, publish_at, canonical_url, featured_image, extra)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                title,
                slug,
                new.summary.trim(),
                new.preview_text.trim(),
                new.body,
                new.lang.as_str(),
                new.translation_of,
                new.status.as_str(),
                new.author.trim(),
                ts(created),
                ts(now.max(created)),
                new.publish_at.map(ts),
                new.canonical_url.trim(),
                new.featured_image.trim(),
                serde_json::Value::Object(new.extra).to_string(),
            ],
        )?;
        let id = tx.last_insert_rowid();
        if let Some(t) = new.translation_of {
            link_translation(&tx, id, t)?;
        }
        set_tags(&tx, id, &new.tags)?;
        search::index_post(&tx, id)?;
        super::revisions::cut(&tx, id, RevisionReason::Save, now)?;
        tx.commit()?;
        self.get_post(id)
    }

    pub fn get_post(&self, id: i64) -> Result<Post> {
        get(&self.conn, id)?.ok_or(Error::PostIdNotFound(id))
    }

    /// The post with this slug in this language (live or trashed).
    pub fn get_post_by_slug(&self, slug: &str, lang: Lang) -> Result<Post> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM posts WHERE slug = ?1 AND lang = ?2",
                params![slug, lang.as_str()],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.get_post(id),
            None => Err(Error::PostNotFound(slug.to_string())),
        }
    }

    /// The post with this slug; `lang` narrows it down when both languages use the slug.
    pub fn find_post(&self, slug: &str, lang: Option<Lang>) -> Result<Post> {
        if let Some(lang) = lang {
            return self.get_post_by_slug(slug, lang);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, lang FROM posts WHERE slug = ?1 ORDER BY lang")?;
        let ids = stmt
            .query_map([slug], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        match ids.as_slice() {
            [] => Err(Error::PostNotFound(slug.to_string())),
            [(id, _)] => self.get_post(*id),
            _ => Err(Error::invalid(
                "slug",
                format!(
                    "Both an English and a French post use the slug \"{slug}\"; add --lang en or --lang fr."
                ),
            )),
        }
    }

    /// Live posts (or the trash) matching the filter.
    pub fn list_posts(&self, filter: &ListFilter) -> Result<Vec<PostSummary>> {
        let mut sql = String::from(
            "SELECT id, title, slug, summary, lang, status, author, created_at, updated_at, publish_at, deleted_at
             FROM posts p WHERE ",
        );
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
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
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
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for row in &mut rows {
            row.tags = tags(&self.conn, row.id)?;
        }
        Ok(rows)
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

    /// Apply a patch. Cuts a revision on an explicit save, on a status change,
    /// and while autosaving when the last revision is five minutes old.
    pub fn update_post(&mut self, id: i64, patch: PostPatch, kind: EditKind) -> Result<Post> {
        let now = self.now();
        let tx = self.write_tx()?;
        let old = get(&tx, id)?.ok_or(Error::PostIdNotFound(id))?;
        let title = match &patch.title {
            Some(t) => clean_title(t)?,
            None => old.title.clone(),
        };
        let lang = patch.lang.unwrap_or(old.lang);
        let slug = match &patch.slug {
            Some(s) => {
                let wanted = slug::slugify(s);
                if taken(&tx, &wanted, lang, Some(id))? {
                    return Err(Error::SlugTaken {
                        slug: wanted,
                        lang: lang_name(lang).into(),
                    });
                }
                wanted
            }
            // A draft's slug follows its title until someone sets it by hand
            // (a published post keeps its URL).
            None if title != old.title
                && old.status == Status::Draft
                && old.slug == slug::slugify(&old.title) =>
            {
                unique_slug(&tx, &slug::slugify(&title), lang, Some(id))?
            }
            None if lang != old.lang => unique_slug(&tx, &old.slug, lang, Some(id))?,
            None => old.slug.clone(),
        };
        let translation_of = patch.translation_of.unwrap_or(old.translation_of);
        if let Some(t) = translation_of {
            if t == id {
                return Err(Error::invalid(
                    "translation",
                    "A post cannot be its own translation.",
                ));
            }
            ensure_exists(&tx, t)?;
        }
        let status = patch.status.unwrap_or(old.status);
        tx.execute(
            "UPDATE posts SET title = ?2, slug = ?3, summary = ?4, preview_text = ?5, body = ?6, lang = ?7,
                    translation_of = ?8, status = ?9, author = ?10, updated_at = ?11, publish_at = ?12,
                    canonical_url = ?13, featured_image = ?14
             WHERE id = ?1",
            params![
                id,
                title,
                slug,
                patch.summary.as_deref().map(str::trim).unwrap_or(&old.summary),
                patch.preview_text.as_deref().map(str::trim).unwrap_or(&old.preview_text),
                patch.body.as_deref().unwrap_or(&old.body),
                lang.as_str(),
                translation_of,
                status.as_str(),
                patch.author.as_deref().map(str::trim).unwrap_or(&old.author),
                ts(now.max(old.created_at)),
                patch.publish_at.unwrap_or(old.publish_at).map(ts),
                patch.canonical_url.as_deref().map(str::trim).unwrap_or(&old.canonical_url),
                patch.featured_image.as_deref().map(str::trim).unwrap_or(&old.featured_image),
            ],
        )?;
        if translation_of != old.translation_of {
            if let Some(prev) = old.translation_of {
                tx.execute(
                    "UPDATE posts SET translation_of = NULL WHERE id = ?1 AND translation_of = ?2",
                    params![prev, id],
                )?;
            }
            if let Some(t) = translation_of {
                link_translation(&tx, id, t)?;
            }
        }
        if let Some(tags) = &patch.tags {
            set_tags(&tx, id, tags)?;
        }
        search::index_post(&tx, id)?;
        if status != old.status {
            super::revisions::cut(&tx, id, RevisionReason::Status, now)?;
        } else {
            match kind {
                EditKind::Save => {
                    super::revisions::cut_if_changed(&tx, id, RevisionReason::Save, now)?;
                }
                EditKind::Autosave => super::revisions::cut_auto(&tx, id, now)?,
            }
        }
        tx.commit()?;
        self.get_post(id)
    }

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

    /// Purge what has been in the trash for more than [`TRASH_DAYS`] days.
    pub fn purge_expired_trash(&mut self) -> Result<usize> {
        let cutoff = self.now() - Duration::days(TRASH_DAYS);
        self.purge_trash_before(cutoff)
    }

    /// Empty the trash now (the app asks for confirmation first).
    pub fn empty_trash(&mut self) -> Result<usize> {
        let cutoff = self.now() + Duration::seconds(1);
        self.purge_trash_before(cutoff)
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

    /// A write transaction that takes the write lock up front, so it waits
    /// (busy timeout) rather than failing half-way.
    pub(crate) fn write_tx(&mut self) -> Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(Error::from_sqlite)
    }
}

fn clean_title(title: &str) -> Result<String> {
    // Titles are one line: newlines (which could end up in an email Subject) become spaces.
    let t: String = title
        .split(|c: char| c.is_control())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Err(Error::invalid("title", "A post needs a title."));
    }
    if t.chars().count() > 500 {
        return Err(Error::invalid(
            "title",
            "The title is longer than 500 characters; shorten it.",
        ));
    }
    Ok(t)
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Fr => "French",
    }
}

fn normalize_tag(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn set_tags(tx: &Transaction<'_>, id: i64, tags: &[String]) -> Result<()> {
    tx.execute("DELETE FROM post_tags WHERE post_id = ?1", [id])?;
    let mut seen: Vec<String> = Vec::new();
    for t in tags
        .iter()
        .map(|t| normalize_tag(t))
        .filter(|t| !t.is_empty())
    {
        if seen.iter().any(|s| s.eq_ignore_ascii_case(&t)) {
            continue;
        }
        tx.execute(
            "INSERT INTO post_tags (post_id, tag, position) VALUES (?1, ?2, ?3)",
            params![id, t, seen.len() as i64],
        )?;
        seen.push(t);
    }
    Ok(())
}

fn tags(conn: &rusqlite::Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM post_tags WHERE post_id = ?1 ORDER BY position")?;
    let rows = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn taken(tx: &Transaction<'_>, slug: &str, lang: Lang, except: Option<i64>) -> Result<bool> {
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM posts WHERE slug = ?1 AND lang = ?2 AND id IS NOT ?3",
        params![slug, lang.as_str(), except],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

fn unique_slug(
    tx: &Transaction<'_>,
    base: &str,
    lang: Lang,
    except: Option<i64>,
) -> Result<String> {
    if !taken(tx, base, lang, except)? {
        return Ok(base.to_string());
    }
    for n in 2..10_000 {
        let candidate = slug::with_suffix(base, n);
        if !taken(tx, &candidate, lang, except)? {
            return Ok(candidate);
        }
    }
    Err(Error::SlugTaken {
        slug: base.to_string(),
        lang: lang_name(lang).into(),
    })
}

fn ensure_exists(tx: &Transaction<'_>, id: i64) -> Result<()> {
    get(tx, id)?.map(|_| ()).ok_or(Error::PostIdNotFound(id))
}

/// Translations point at each other.
fn link_translation(tx: &Transaction<'_>, id: i64, other: i64) -> Result<()> {
    tx.execute(
        "UPDATE posts SET translation_of = ?2 WHERE id = ?1",
        params![other, id],
    )?;
    Ok(())
}

fn get(conn: &rusqlite::Connection, id: i64) -> Result<Option<Post>> {
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

fn row_to_post(r: &Row<'_>) -> rusqlite::Result<Post> {
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

impl Store {
    /// A copy of a post as a new draft ("Copy of …"), tags included.
    pub fn duplicate_post(&mut self, id: i64) -> Result<Post> {
        let p = self.get_post(id)?;
        self.create_post(NewPost {
            title: format!("Copy of {}", p.title),
            summary: p.summary,
            preview_text: p.preview_text,
            body: p.body,
            lang: p.lang,
            status: Status::Draft,
            tags: p.tags,
            author: p.author,
            featured_image: p.featured_image,
            extra: p.extra,
            ..NewPost::default()
        })
    }

    /// Start the other-language version of a post: a draft with the same
    /// words to translate, linked both ways. Refused when one exists.
    pub fn create_translation(&mut self, id: i64) -> Result<Post> {
        let p = self.get_post(id)?;
        if let Some(existing) = p.translation_of.and_then(|t| self.get_post(t).ok()) {
            return Err(Error::invalid(
                "translation",
                format!(
                    "\"{}\" already has a translation: \"{}\".",
                    p.title, existing.title
                ),
            ));
        }
        let lang = match p.lang {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        };
        self.create_post(NewPost {
            title: p.title,
            slug: Some(p.slug),
            summary: p.summary,
            preview_text: p.preview_text,
            body: p.body,
            lang,
            translation_of: Some(p.id),
            status: Status::Draft,
            tags: p.tags,
            author: p.author,
            featured_image: p.featured_image,
            ..NewPost::default()
        })
    }
}

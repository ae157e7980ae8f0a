//! Posts: create, read, find by slug and update one post, with the SQL for
//! unique slugs, tags and translation links. The rules these follow (title
//! cleaning, a draft's slug following its title, tags, revision cadence) are
//! in [`super::rules`]; listing, the trash and copies have their own modules.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use super::rows::get;
use super::rules::{
    base_slug, clean_title, normalize_tags, revision_for_update, slug_follows_title, EditKind,
};
use super::{revisions, search, ts, Store};
use crate::error::{Error, Result};
use crate::model::{Lang, NewPost, Post, PostPatch, RevisionReason};
use crate::slug;

impl Store {
    /// Create a post. The slug comes from `new.slug` or the title, made safe
    /// and unique within the language (`-2`, `-3`… when taken).
    pub fn create_post(&mut self, new: NewPost) -> Result<Post> {
        let now = self.now();
        let tx = self.write_tx()?;
        let id = insert_post(&tx, new, now)?;
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

    /// The post with this slug; `lang` narrows it down when both languages
    /// use the slug. Without `lang`, a slug both languages use is refused
    /// with [`Error::AmbiguousSlug`].
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
            _ => Err(Error::AmbiguousSlug {
                slug: slug.to_string(),
            }),
        }
    }

    /// Apply a patch. Cuts a revision on an explicit save, on a status change,
    /// and while autosaving when the last revision is five minutes old.
    pub fn update_post(&mut self, id: i64, patch: PostPatch, kind: EditKind) -> Result<Post> {
        let now = self.now();
        let tx = self.write_tx()?;
        update_in(&tx, id, patch, kind, now)?;
        tx.commit()?;
        self.get_post(id)
    }

    /// [`Store::update_post`] for an editor whose copy of the post was read
    /// when the post's `updated_at` was `based_on`. If something else wrote
    /// the post since (a team sync), nothing is overwritten: the editor's
    /// title, teaser and body are kept as a revision (reason `sync`, like the
    /// words a sync replaces) and the save is refused with
    /// [`Error::PostChangedMeanwhile`], so the editor can show the newer copy.
    pub fn update_post_based_on(
        &mut self,
        id: i64,
        patch: PostPatch,
        kind: EditKind,
        based_on: DateTime<Utc>,
    ) -> Result<Post> {
        let now = self.now();
        let tx = self.write_tx()?;
        let old = get(&tx, id)?.ok_or(Error::PostIdNotFound(id))?;
        if old.updated_at != based_on {
            keep_editor_words(&tx, &old, &patch, now)?;
            tx.commit()?;
            return Err(Error::PostChangedMeanwhile { title: old.title });
        }
        update_in(&tx, id, patch, kind, now)?;
        tx.commit()?;
        self.get_post(id)
    }

    /// A write transaction that takes the write lock up front, so it waits
    /// (busy timeout) rather than failing half-way.
    pub(crate) fn write_tx(&mut self) -> Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(Error::from_sqlite)
    }
}

/// The inside of [`Store::update_post`], for callers that write several
/// posts in one transaction (a WordPress import).
pub(super) fn update_in(
    tx: &Transaction<'_>,
    id: i64,
    patch: PostPatch,
    kind: EditKind,
    now: DateTime<Utc>,
) -> Result<()> {
    let old = get(tx, id)?.ok_or(Error::PostIdNotFound(id))?;
    let title = match &patch.title {
        Some(t) => clean_title(t)?,
        None => old.title.clone(),
    };
    let lang = patch.lang.unwrap_or(old.lang);
    let slug = match &patch.slug {
        Some(s) => {
            let wanted = slug::slugify(s);
            if taken(tx, &wanted, lang, Some(id))? {
                return Err(Error::SlugTaken {
                    slug: wanted,
                    lang: crate::lang::name_in_english(lang).into(),
                });
            }
            wanted
        }
        None if slug_follows_title(&old.title, &old.slug, old.status, &title) => {
            unique_slug(tx, &slug::slugify(&title), lang, Some(id))?
        }
        None if lang != old.lang => unique_slug(tx, &old.slug, lang, Some(id))?,
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
        ensure_exists(tx, t)?;
    }
    let status = patch.status.unwrap_or(old.status);
    tx.execute(
        "UPDATE posts SET title = ?2, slug = ?3, summary = ?4, preview_text = ?5, body = ?6, lang = ?7,
                translation_of = ?8, status = ?9, author = ?10, updated_at = ?11, publish_at = ?12,
                canonical_url = ?13, featured_image = ?14, reviewer = ?15
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
            patch.reviewer.as_deref().map(str::trim).unwrap_or(&old.reviewer),
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
            link_translation(tx, id, t)?;
        }
    }
    if let Some(tags) = &patch.tags {
        set_tags(tx, id, tags)?;
    }
    search::index_post(tx, id)?;
    revisions::cut_as_planned(tx, id, revision_for_update(status != old.status, kind), now)?;
    Ok(())
}

/// The inside of [`Store::create_post`], for callers that write several
/// posts in one transaction (a WordPress import): returns the new id.
pub(super) fn insert_post(tx: &Transaction<'_>, new: NewPost, now: DateTime<Utc>) -> Result<i64> {
    let title = clean_title(&new.title)?;
    if let Some(t) = new.translation_of {
        ensure_exists(tx, t)?;
    }
    let slug = unique_slug(tx, &base_slug(new.slug.as_deref(), &title), new.lang, None)?;
    let created = new.created_at.unwrap_or(now);
    tx.execute(
        "INSERT INTO posts (title, slug, summary, preview_text, body, lang, translation_of, status,
                            author, created_at, updated_at, publish_at, canonical_url, featured_image, extra,
                            reviewer, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 lower(hex(randomblob(16))))",
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
            new.reviewer.trim(),
        ],
    )?;
    let id = tx.last_insert_rowid();
    if let Some(t) = new.translation_of {
        link_translation(tx, id, t)?;
    }
    set_tags(tx, id, &new.tags)?;
    search::index_post(tx, id)?;
    revisions::cut(tx, id, RevisionReason::Save, now)?;
    Ok(id)
}

/// Replace a post's tags with `tags`, as [`normalize_tags`] keeps them.
pub(super) fn set_tags(tx: &Transaction<'_>, id: i64, tags: &[String]) -> Result<()> {
    tx.execute("DELETE FROM post_tags WHERE post_id = ?1", [id])?;
    for (position, tag) in normalize_tags(tags).iter().enumerate() {
        tx.execute(
            "INSERT INTO post_tags (post_id, tag, position) VALUES (?1, ?2, ?3)",
            params![id, tag, position as i64],
        )?;
    }
    Ok(())
}

pub(super) fn taken(
    tx: &Transaction<'_>,
    slug: &str,
    lang: Lang,
    except: Option<i64>,
) -> Result<bool> {
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM posts WHERE slug = ?1 AND lang = ?2 AND id IS NOT ?3",
        params![slug, lang.as_str(), except],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// `base`, or `base-2`, `base-3`… whichever is free in `lang`.
pub(super) fn unique_slug(
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
        lang: crate::lang::name_in_english(lang).into(),
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

/// The words an editor held for `old` when its save was refused, as a
/// revision (only when they differ from what the library holds).
fn keep_editor_words(
    tx: &Transaction<'_>,
    old: &Post,
    patch: &PostPatch,
    now: DateTime<Utc>,
) -> Result<()> {
    let title = patch.title.as_deref().unwrap_or(&old.title);
    let summary = patch.summary.as_deref().unwrap_or(&old.summary);
    let body = patch.body.as_deref().unwrap_or(&old.body);
    if (title, summary, body) == (old.title.as_str(), old.summary.as_str(), old.body.as_str()) {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO revisions (post_id, title, summary, body, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            old.id,
            title,
            summary,
            body,
            RevisionReason::Sync.as_str(),
            ts(now)
        ],
    )?;
    Ok(())
}

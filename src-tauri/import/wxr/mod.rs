//! Import a WordPress export file (WXR: Tools → Export in WordPress, or
//! `export_wp()`): its posts and drafts become Postdesk posts.
//!
//! - Recognised by content ([`is_wxr_file`]: root `rss` declaring
//!   WordPress's export namespace), never by extension.
//! - Posts only: pages, attachments, menu items, revisions and other types
//!   are skipped and counted ([`WxrReport::skipped`]). Status, dates, tags and
//!   categories: see `convert`.
//! - Bodies are hostile: sanitized by the app's one policy, then Markdown.
//! - Images: links to their URL, or stored as assets from `--uploads DIR` (`images`).
//! - Re-importing: each imported post keeps in `extra.wordpress` the item's
//!   `guid` (the key matched on; `<site>/?p=<id>` when a file has none),
//!   `post_id`, `link`, `categories` and a `hash` of what was imported. An
//!   item already imported is "unchanged" when its hash is the same (local
//!   edits are kept), else "updated" (the site changed it; the local text is
//!   kept in a revision). Its slug is never changed by a re-import.
//! - All or nothing: the file is read (≤ [`MAX_WXR_BYTES`], UTF-8), parsed and
//!   converted first, then every image and post is written in ONE transaction.

mod convert;
mod images;
mod parse;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Serialize;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{Lang, NewPost, PostPatch, Status};
use crate::store::{BatchPost, ImportBatch, Store};
use convert::Kind;

/// The largest WordPress export read: 100 MiB (thousands of posts).
pub const MAX_WXR_BYTES: u64 = 100 * 1024 * 1024;
/// The bytes read to recognise a WXR file.
const SNIFF_BYTES: u64 = 64 * 1024;
/// Where an imported post keeps what it was on WordPress.
pub const EXTRA_KEY: &str = "wordpress";
/// The JSON path of the key re-imports match on.
const GUID_PATH: &str = "$.wordpress.guid";

/// Options of a WXR import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WxrOptions {
    /// A copy of the site's `wp-content/uploads` folder: body images found
    /// there are stored in the library.
    pub uploads: Option<PathBuf>,
}

/// A post the import created, updated or left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WxrPost {
    pub slug: String,
    pub title: String,
    /// The post's id on the WordPress site.
    pub wordpress_id: String,
}

/// Items that were not imported, by kind ("page", "attachment"…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WxrSkipped {
    pub what: String,
    pub count: usize,
}

/// Something the person should know about an import. Typed, so the window
/// words it in its own language (ui/src/publishing.ts); `Display` is the
/// CLI's English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WxrNote {
    /// The file holds this item twice: it was imported once.
    Duplicate { guid: String },
    /// A private post on WordPress: a draft here.
    PrivateMadeDraft { title: String },
    /// A body image not in the uploads folder (or not an image Postdesk
    /// stores): it stays a link to the old site.
    ImageNotStored { url: String },
}

impl std::fmt::Display for WxrNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Duplicate { guid } => write!(f, "{guid} appears twice in the file; imported once"),
            Self::PrivateMadeDraft { title } => write!(
                f,
                "\u{201c}{title}\u{201d} was private on WordPress; it is a draft here"
            ),
            Self::ImageNotStored { url } => write!(
                f,
                "the image {url} is not in the uploads folder (or is not an image Postdesk stores); \
                 it stays a link to the old site"
            ),
        }
    }
}

/// What a WXR import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct WxrReport {
    pub created: Vec<WxrPost>,
    pub updated: Vec<WxrPost>,
    pub unchanged: Vec<WxrPost>,
    pub skipped: Vec<WxrSkipped>,
    /// Things to know (a private post made a draft, an image not found…).
    pub notes: Vec<WxrNote>,
    /// Images stored in the library from the uploads folder.
    pub images_stored: usize,
}

impl WxrReport {
    /// `12 posts: 10 new, 1 updated, 1 unchanged; skipped 3 pages, 1 attachment`.
    pub fn summary(&self) -> String {
        let total = self.created.len() + self.updated.len() + self.unchanged.len();
        let mut line = format!(
            "{total} post(s) from WordPress: {} new, {} updated, {} unchanged",
            self.created.len(),
            self.updated.len(),
            self.unchanged.len()
        );
        if self.images_stored > 0 {
            line += &format!("; {} image(s) stored", self.images_stored);
        }
        if !self.skipped.is_empty() {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|s| {
                    let plural = if s.count == 1 { "" } else { "s" };
                    format!("{} {}{plural}", s.count, s.what)
                })
                .collect();
            line += &format!("; skipped {}", parts.join(", "));
        }
        line
    }
}

/// True when the file at `path` is a WordPress export, by its content.
pub fn is_wxr_file(path: &Path) -> bool {
    use std::io::Read;
    // Opened without blocking (a named pipe never stalls the import), and
    // only a regular file is read.
    let Ok(file) = super::read::open(path) else {
        return false;
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = Vec::new();
    if file.take(SNIFF_BYTES).read_to_end(&mut head).is_err() {
        return false;
    }
    parse::looks_like_wxr(&head)
}

/// Import the WordPress export at `path`. Nothing is written unless the
/// whole file was read and converted.
pub fn import_wxr(store: &mut Store, path: &Path, opts: &WxrOptions) -> Result<WxrReport> {
    let bytes = super::read::read_regular(path, MAX_WXR_BYTES, "a WordPress export")?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Import {
        path: path.to_path_buf(),
        message: format!(
            "the file is not UTF-8 text (byte {} is not valid UTF-8), as WordPress exports are; \
             export it from WordPress again",
            e.utf8_error().valid_up_to() + 1
        ),
    })?;
    import_wxr_text(store, path, &text, opts)
}

/// [`import_wxr`] on text already read (`path` names it in errors): for a
/// round trip, an export fetched from a test WordPress.
pub fn import_wxr_text(
    store: &mut Store,
    path: &Path,
    text: &str,
    opts: &WxrOptions,
) -> Result<WxrReport> {
    let refuse = |message: String| Error::Import {
        path: path.to_path_buf(),
        message,
    };
    let file = parse::parse(text)
        .map_err(|why| refuse(format!("the WordPress export could not be read: {why}")))?;
    let uploads = opts
        .uploads
        .as_deref()
        .map(images::Uploads::open)
        .transpose()?;
    let lang = Lang::from_str(&file.language).unwrap_or_default();
    let known = store.posts_by_extra_key(GUID_PATH)?;

    let mut report = WxrReport::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut imgs = images::Images::default();
    let mut batch = ImportBatch::default();
    // Where each batch post goes in the report: (created?, post).
    let mut outcomes: Vec<(bool, WxrPost)> = Vec::new();
    for item in &file.items {
        let (status, made_draft) = match convert::kind(item) {
            Kind::Post(status, made_draft) => (status, made_draft),
            Kind::Skip(what) => {
                skip(&mut report, &what);
                continue;
            }
        };
        let guid = if item.guid.is_empty() {
            format!("{}/?p={}", file.base_site_url, item.post_id)
        } else {
            item.guid.clone()
        };
        if !seen.insert(guid.clone()) {
            report.notes.push(WxrNote::Duplicate { guid });
            continue;
        }
        let title = match convert::plain_text(&item.title) {
            t if t.is_empty() => format!("Untitled (WordPress post {})", item.post_id),
            t => t,
        };
        if made_draft {
            report.notes.push(WxrNote::PrivateMadeDraft {
                title: title.clone(),
            });
        }
        let clean = convert::clean_html(&item.content);
        let mut body = convert::markdown(&clean);
        if let Some(up) = &uploads {
            let urls = images::upload_urls(&clean);
            up.collect(urls.iter().map(String::as_str), &mut imgs);
            for url in &urls {
                if let Some(reference) = imgs.stored.get(url) {
                    body = body.replace(url.as_str(), reference);
                }
            }
        }
        let date = convert::post_date(item);
        let publish_at = match status {
            Status::Published | Status::Scheduled => date,
            _ => None,
        };
        let author = file
            .authors
            .get(&item.creator)
            .filter(|d| !d.is_empty())
            .cloned()
            .unwrap_or_else(|| item.creator.clone());
        let new = NewPost {
            title,
            slug: Some(percent_decode(&item.post_name)).filter(|s| !s.trim().is_empty()),
            summary: convert::plain_text(&item.excerpt),
            body,
            lang,
            status,
            tags: convert::tags(item),
            author,
            created_at: date,
            publish_at,
            ..NewPost::default()
        };
        let hash = content_hash(&new);
        let wordpress = json!({
            "guid": guid,
            "post_id": item.post_id,
            "link": item.link,
            "categories": convert::categories(item),
            "hash": hash,
        });
        let shown = |slug: String, title: &str| WxrPost {
            slug,
            title: title.to_string(),
            wordpress_id: item.post_id.clone(),
        };
        match known.get(&guid) {
            Some(&id) => {
                let old = store.get_post(id)?;
                let old_hash = old
                    .extra
                    .get(EXTRA_KEY)
                    .and_then(|w| w.get("hash"))
                    .and_then(Value::as_str);
                if old_hash == Some(hash.as_str()) {
                    report.unchanged.push(shown(old.slug, &old.title));
                    continue;
                }
                let mut extra = old.extra.clone();
                extra.insert(EXTRA_KEY.into(), wordpress);
                let patch = PostPatch {
                    title: Some(new.title.clone()),
                    summary: Some(new.summary),
                    body: Some(new.body),
                    status: Some(new.status),
                    tags: Some(new.tags),
                    author: Some(new.author),
                    publish_at: Some(new.publish_at),
                    ..PostPatch::default()
                };
                outcomes.push((false, shown(old.slug, &new.title)));
                batch.posts.push(BatchPost::Update { id, patch, extra });
            }
            None => {
                let mut new = new;
                let mut extra = Map::new();
                extra.insert(EXTRA_KEY.into(), wordpress);
                new.extra = extra;
                outcomes.push((true, shown(String::new(), &new.title)));
                batch.posts.push(BatchPost::Create(new));
            }
        }
    }
    for url in &imgs.missing {
        report
            .notes
            .push(WxrNote::ImageNotStored { url: url.clone() });
    }
    report.images_stored = imgs.files.len();
    batch.images = imgs.files;
    let ids = store.write_import(batch).map_err(|e| match e {
        Error::Invalid { message, .. } => refuse(format!(
            "nothing was imported because a post or image was refused: {message}"
        )),
        other => other,
    })?;
    for ((created, mut post), id) in outcomes.into_iter().zip(ids) {
        if created {
            post.slug = store.get_post(id)?.slug;
            report.created.push(post);
        } else {
            report.updated.push(post);
        }
    }
    Ok(report)
}

fn skip(report: &mut WxrReport, what: &str) {
    match report.skipped.iter_mut().find(|s| s.what == what) {
        Some(s) => s.count += 1,
        None => report.skipped.push(WxrSkipped {
            what: what.to_string(),
            count: 1,
        }),
    }
}

/// What was imported, as a hash: a re-import compares it.
fn content_hash(new: &NewPost) -> String {
    let value = json!([
        new.title,
        new.slug,
        new.summary,
        new.body,
        new.status,
        new.tags,
        new.author,
        new.created_at,
        new.publish_at,
    ]);
    Sha256::digest(value.to_string().as_bytes())
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// WordPress keeps non-ASCII slugs percent-encoded (`%c3%a9t%c3%a9`).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn percent_decoding() {
        assert_eq!(super::percent_decode("%c3%a9t%c3%a9-x"), "été-x");
        assert_eq!(super::percent_decode("100%"), "100%");
        assert_eq!(super::percent_decode("a%2"), "a%2");
    }
}

//! Publishing a post to a WordPress site through its REST API, and what the
//! app and the CLI need around it: the settings (`wordpress.url`,
//! `wordpress.user`, `wordpress.category`, the application password in the
//! keychain), the state of a post's remote copy, and [`publish_post`].
//!
//! Decisions:
//! * **What is sent**: the title, the body as the same sanitized HTML the
//!   preview shows (library images pointed at their media items), the teaser
//!   as the excerpt, the slug, the tags, the date and the featured image.
//! * **Categories**: Postdesk posts have tags, not categories (imports fold
//!   categories into tags). A post's `categories` front-matter key kept in
//!   `extra` (a list of names) is used when present, else the
//!   `wordpress.category` setting, else none (the site's default category).
//!   Missing tags and categories are created.
//! * **Order**: images first, then the post in one request, then the record
//!   of it: a failure before the last step leaves the remote post as it was
//!   (uploaded images are remembered and reused on the next try).
//! * **Publish again = update**: the remote id is remembered per post and
//!   site. Before overwriting, the remote post is read back: when it was
//!   changed on the site since (its `modified_gmt` moved *and* its title,
//!   excerpt or body differ from what the site kept after our write), the
//!   publish is refused with the difference unless `force` is given.
//! * **Translations**: each language is its own post. When the site runs
//!   Polylang (the `pll/v1` REST namespace, or a `lang` field on posts), the
//!   language is sent and twins already published are linked; otherwise the
//!   outcome says plainly that the twins are not linked.

mod client;
pub mod credentials;
mod media;
mod outgoing;
mod publish;
mod terms;

use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::diff::{DiffKind, RevisionDiff};
use crate::error::{Error, Result};
use crate::library_settings;
use crate::store::Store;

pub use publish::{publish_post, publish_post_shared};

/// The WordPress settings as Settings → Publishing shows them (never the password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WordPressSettings {
    /// The site's address, empty when not set.
    pub url: String,
    pub user: String,
    /// The category of posts that name none; empty for the site's default.
    pub category: String,
    /// Whether an application password is available (keychain or environment).
    pub password_stored: bool,
}

/// A change to the WordPress settings; `password: None` keeps the stored one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct WordPressSettingsUpdate {
    pub url: String,
    pub user: String,
    pub category: String,
    #[ts(optional)]
    pub password: Option<String>,
}

/// The status a post gets on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum WordPressStatus {
    Draft,
    Publish,
    /// Scheduled: WordPress publishes it at its date.
    Future,
}

impl WordPressStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            WordPressStatus::Draft => "draft",
            WordPressStatus::Publish => "publish",
            WordPressStatus::Future => "future",
        }
    }
}

impl FromStr for WordPressStatus {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "draft" => Ok(WordPressStatus::Draft),
            "publish" => Ok(WordPressStatus::Publish),
            "future" => Ok(WordPressStatus::Future),
            _ => Err(Error::invalid(
                "status",
                format!("\"{s}\" is not a WordPress status; use draft, publish or future"),
            )),
        }
    }
}

/// How to publish.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct PublishOptions {
    /// `None`: from the post (see [`publish_post`]).
    pub status: Option<WordPressStatus>,
    /// Overwrite the remote post even when it was changed on the site.
    pub force: bool,
}

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublishOutcome {
    pub post_id: i64,
    pub wordpress_id: i64,
    /// The post's address on the site ("Open on site").
    pub link: String,
    /// The status the site gave it (`draft`, `publish`, `future`…).
    pub status: String,
    /// Whether a new remote post was created (else the remembered one was updated).
    pub created: bool,
    pub images_uploaded: u32,
    pub images_reused: u32,
    /// Things to tell the person (twins not linked, a post deleted on the site…).
    pub notes: Vec<PublishNote>,
}

/// Something the person should know about a publish. Typed, so the window
/// words it in its own language (ui/src/publishing.ts); `Display` is the
/// CLI's English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PublishNote {
    /// The remote post was deleted on the site since the last publish
    /// (`link`: where it was): it was published again as a new post.
    DeletedOnSite { link: String },
    /// Changes made on the site were overwritten (the person chose to).
    SiteChangesOverwritten,
    /// The site does not run Polylang: the post and its translation are
    /// separate, unlinked posts.
    NoPolylang,
    /// The translation in `lang` is not on the site yet; publishing it links the two.
    TwinNotPublished { lang: crate::model::Lang },
    /// Linked with its translation through Polylang.
    LinkedWithTranslation,
}

impl std::fmt::Display for PublishNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::DeletedOnSite { link } => write!(
                f,
                "The post was deleted on the site since it was last published ({link}); it was published again as a new post."
            ),
            Self::SiteChangesOverwritten => f.write_str("Changes made on the site were overwritten."),
            Self::NoPolylang => f.write_str(
                "The site does not run Polylang, so this post and its translation are separate posts, not linked as translations of each other.",
            ),
            Self::TwinNotPublished { lang } => write!(
                f,
                "The {} version is not on the site yet; publish it and the two will be linked.",
                lang.as_str()
            ),
            Self::LinkedWithTranslation => f.write_str("Linked with its translation through Polylang."),
        }
    }
}

/// Where a post stands on the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RemoteCopyStatus {
    pub post_id: i64,
    /// Whether Postdesk published it to the configured site.
    pub published: bool,
    pub wordpress_id: Option<i64>,
    pub link: Option<String>,
    pub last_published: Option<DateTime<Utc>>,
    /// The remote post was changed on the site since the last publish.
    pub changed_on_site: bool,
    /// The remote post is gone from the site (the next publish creates it again).
    pub deleted_on_site: bool,
    /// On the site → in Postdesk, when `changed_on_site`.
    pub diff: Option<RevisionDiff>,
}

/// The settings, and whether a password is available.
pub fn settings(store: &Store) -> Result<WordPressSettings> {
    let url = library_settings::get(store, "wordpress.url")?;
    let user = library_settings::get(store, "wordpress.user")?;
    let password_stored =
        !url.is_empty() && !user.is_empty() && credentials::has_password(&url, &user);
    Ok(WordPressSettings {
        category: library_settings::get(store, "wordpress.category")?,
        url,
        user,
        password_stored,
    })
}

/// Check and save the settings; a new password goes to the keychain.
pub fn save_settings(
    store: &mut Store,
    update: WordPressSettingsUpdate,
) -> Result<WordPressSettings> {
    library_settings::set(store, "wordpress.url", &update.url)?;
    library_settings::set(store, "wordpress.user", &update.user)?;
    library_settings::set(store, "wordpress.category", &update.category)?;
    if let Some(password) = update.password.as_deref() {
        let url = library_settings::get(store, "wordpress.url")?;
        let user = library_settings::get(store, "wordpress.user")?;
        credentials::store_password(&url, &user, password)?;
    }
    settings(store)
}

/// The site address and user name, or the error that says which is missing.
pub(crate) fn site_and_user(store: &Store) -> Result<(String, String)> {
    let url = library_settings::get(store, "wordpress.url")?;
    if url.is_empty() {
        return Err(Error::WordPressNotConfigured {
            setting: "site address",
            key: "wordpress.url",
        });
    }
    let user = library_settings::get(store, "wordpress.user")?;
    if user.is_empty() {
        return Err(Error::WordPressNotConfigured {
            setting: "user name",
            key: "wordpress.user",
        });
    }
    Ok((url.trim_end_matches('/').to_string(), user))
}

/// The remembered remote id and link of a post on the configured site
/// (no network). `postdesk show --json` prints them.
pub fn remote_copy(store: &Store, post_id: i64) -> Result<Option<(i64, String)>> {
    let site = library_settings::get(store, "wordpress.url")?;
    Ok(store
        .wordpress_copy(post_id)?
        .filter(|c| c.site_url == site.trim_end_matches('/'))
        .map(|c| (c.remote_id, c.link)))
}

/// Where a post stands on the site: asks the site whether its copy changed.
pub fn remote_status(store: &Store, post_id: i64) -> Result<RemoteCopyStatus> {
    status_from(read_status(store, post_id)?)
}

/// [`remote_status`] for a library shared behind a lock (the app): the lock
/// is not held while the site is asked.
pub fn remote_status_shared(
    store: &std::sync::Mutex<Store>,
    post_id: i64,
) -> Result<RemoteCopyStatus> {
    let read = read_status(&*store.lock().map_err(|_| Error::LockPoisoned)?, post_id)?;
    status_from(read)
}

/// What [`remote_status`] needs from the library.
struct StatusRead {
    post: crate::model::Post,
    copy: Option<crate::store::WordPressCopy>,
    client: client::Client,
}

fn read_status(store: &Store, post_id: i64) -> Result<StatusRead> {
    let post = store.get_post(post_id)?;
    let (site, user) = site_and_user(store)?;
    let copy = store
        .wordpress_copy(post_id)?
        .filter(|c| c.site_url == site);
    let password = match copy {
        // Not published: no need for the password.
        None => String::new(),
        Some(_) => credentials::password(&site, &user)?,
    };
    Ok(StatusRead {
        post,
        copy,
        client: client::Client::new(&site, &user, &password),
    })
}

fn status_from(read: StatusRead) -> Result<RemoteCopyStatus> {
    let mut status = RemoteCopyStatus {
        post_id: read.post.id,
        published: false,
        wordpress_id: None,
        link: None,
        last_published: None,
        changed_on_site: false,
        deleted_on_site: false,
        diff: None,
    };
    let Some(copy) = read.copy else {
        return Ok(status);
    };
    status.published = true;
    status.wordpress_id = Some(copy.remote_id);
    status.link = Some(copy.link.clone());
    status.last_published = Some(copy.published_at);
    match publish::read_remote(&read.client, copy.remote_id)? {
        None => status.deleted_on_site = true,
        Some(remote) => {
            if let Some(diff) = publish::changed_on_site(&remote, &copy, &read.post) {
                status.changed_on_site = true;
                status.diff = Some(diff);
            }
        }
    }
    Ok(status)
}

/// A diff as text lines: `-` on the site, `+` in Postdesk, at most 60 lines.
pub fn diff_as_text(diff: &RevisionDiff) -> String {
    const MAX_LINES: usize = 60;
    let mut out = String::new();
    let changed = diff.lines.iter().filter(|l| l.kind != DiffKind::Same);
    for (i, line) in changed.enumerate() {
        if i == MAX_LINES {
            out.push_str("  …\n");
            break;
        }
        let mark = match line.kind {
            DiffKind::Added => "+ ",
            DiffKind::Removed => "- ",
            DiffKind::Same | DiffKind::Skipped => "  ",
        };
        out.push_str(mark);
        out.push_str(&line.text);
        out.push('\n');
    }
    if let Some(notice) = &diff.notice {
        out.push_str(&notice.to_string());
        out.push('\n');
    }
    out
}

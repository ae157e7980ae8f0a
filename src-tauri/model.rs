//! Plain data types shared by the store, the renderer, the importer, the CLI
//! and the desktop commands. Dates are UTC in storage and in these types; the
//! edges convert to local time for display.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;

/// Where a post is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Draft,
    /// Written, waiting for the reviewer named on the post.
    Review,
    Ready,
    Scheduled,
    Published,
    Archived,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Draft,
        Status::Review,
        Status::Ready,
        Status::Scheduled,
        Status::Published,
        Status::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Ready => "ready",
            Status::Scheduled => "scheduled",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::Invalid {
                field: "status",
                message: format!(
                    "\"{s}\" is not a status; use one of draft, review, ready, scheduled, published, archived"
                ),
            })
    }
}

/// The languages the organisation publishes in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default, TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        // Accept regional forms such as `fr-CA` or `en_GB` as Hugo and Jekyll sites write them.
        let base = s
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            _ => Err(Error::Invalid {
                field: "language",
                message: format!("\"{s}\" is not a supported language; use en or fr"),
            }),
        }
    }
}

/// A post as stored. `Default` is an empty, unsaved English draft (id 0),
/// for building a post that is rendered or exported without being stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Post {
    pub id: i64,
    /// The stable identity shared by every laptop of a team (random hex,
    /// never changes; a slug can). Empty only for a post never stored.
    pub uid: String,
    pub title: String,
    pub slug: String,
    /// The teaser shown on listing pages and in digests. Empty means "use the first paragraph".
    pub summary: String,
    /// The email preheader. Empty means "use the teaser".
    pub preview_text: String,
    pub body: String,
    pub lang: Lang,
    /// The id of the same post in the other language, if any.
    pub translation_of: Option<i64>,
    pub status: Status,
    pub tags: Vec<String>,
    pub author: String,
    /// Who is asked to review it (a name or an email; empty: nobody).
    pub reviewer: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub publish_at: Option<DateTime<Utc>>,
    pub canonical_url: String,
    pub featured_image: String,
    /// Front-matter keys an import did not understand, kept as JSON.
    #[ts(type = "Record<string, unknown>")]
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// When the post was moved to the trash; `None` when it is live.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// What is needed to create a post. Everything but the title has a default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewPost {
    pub title: String,
    /// Derived from the title when `None`.
    pub slug: Option<String>,
    pub summary: String,
    pub preview_text: String,
    pub body: String,
    pub lang: Lang,
    pub translation_of: Option<i64>,
    pub status: Status,
    pub tags: Vec<String>,
    pub author: String,
    pub reviewer: String,
    /// Defaults to now.
    pub created_at: Option<DateTime<Utc>>,
    pub publish_at: Option<DateTime<Utc>>,
    pub canonical_url: String,
    pub featured_image: String,
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A partial update: `None` leaves a field as it is (so every field is
/// optional in TypeScript too).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct PostPatch {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub preview_text: Option<String>,
    pub body: Option<String>,
    pub lang: Option<Lang>,
    pub translation_of: Option<Option<i64>>,
    pub status: Option<Status>,
    pub tags: Option<Vec<String>>,
    pub author: Option<String>,
    pub reviewer: Option<String>,
    pub publish_at: Option<Option<DateTime<Utc>>>,
    pub canonical_url: Option<String>,
    pub featured_image: Option<String>,
}

/// A line in the library list: everything but the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PostSummary {
    pub id: i64,
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub lang: Lang,
    pub status: Status,
    pub tags: Vec<String>,
    pub author: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub publish_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Why a revision was cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RevisionReason {
    /// The author asked for it (Ctrl+S, `postdesk edit`).
    Save,
    /// The status changed.
    Status,
    /// Cut while editing, at most every five minutes.
    Auto,
    /// The state just before a restore.
    Restore,
    /// The local words just before a team sync replaced them.
    Sync,
}

impl RevisionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionReason::Save => "save",
            RevisionReason::Status => "status",
            RevisionReason::Auto => "auto",
            RevisionReason::Restore => "restore",
            RevisionReason::Sync => "sync",
        }
    }

    pub fn parse(s: &str) -> RevisionReason {
        match s {
            "status" => RevisionReason::Status,
            "auto" => RevisionReason::Auto,
            "restore" => RevisionReason::Restore,
            "sync" => RevisionReason::Sync,
            _ => RevisionReason::Save,
        }
    }
}

/// A snapshot of the words of a post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Revision {
    pub id: i64,
    pub post_id: i64,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub reason: RevisionReason,
    pub created_at: DateTime<Utc>,
}

/// Filters for listing posts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields = nullable)]
pub struct ListFilter {
    pub status: Option<Status>,
    pub tag: Option<String>,
    pub lang: Option<Lang>,
    /// List the trash instead of live posts.
    #[ts(as = "Option<bool>", optional)]
    pub trashed: bool,
    #[ts(as = "Option<SortOrder>", optional)]
    pub sort: SortOrder,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    #[default]
    Updated,
    Created,
    Title,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub status: Status,
    pub lang: Lang,
    /// HTML-escaped text where each match is wrapped in `<mark>…</mark>`.
    pub snippet: String,
    /// Lower is better (FTS5 bm25).
    pub rank: f64,
}

/// An image stored in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Asset {
    pub id: i64,
    /// The stable reference used in Markdown: `asset:<first 16 hex digits of the SHA-256>`.
    pub reference: String,
    pub hash: String,
    pub file_name: String,
    pub mime: String,
    pub size: i64,
    pub created_at: DateTime<Utc>,
}

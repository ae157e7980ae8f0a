//! The digest being put together in the app (its posts, intro, subject,
//! email service and language), kept in the library so it survives a
//! restart. Stored as JSON under an internal raw setting (like
//! `ui.welcome_pending`): one small value per library, not a user setting,
//! so no table of its own. A value that cannot be read (written by a newer
//! version, damaged) gives an empty digest rather than an error.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::Lang;
use crate::store::Store;

/// The internal key (not in `library_settings::KEYS`).
const KEY: &str = "ui.digest_draft";
/// The most posts a digest keeps.
pub const MAX_POSTS: usize = 200;
/// The longest intro kept, in bytes.
pub const MAX_INTRO_BYTES: usize = 256 * 1024;

/// The digest as it was left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DigestDraft {
    /// The chosen posts, in digest order.
    pub ids: Vec<i64>,
    pub intro: String,
    /// Empty: the newsletter's name and the date.
    pub subject: String,
    /// Empty: as in settings.
    pub esp: String,
    /// `None`: from the posts.
    pub lang: Option<Lang>,
}

/// The digest as it was left (empty when none was, or it cannot be read).
pub fn load(store: &Store) -> Result<DigestDraft> {
    Ok(store
        .setting_raw(KEY)?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Keep the digest as it is now. Refused, keeping the previous one, when
/// it is larger than a digest can sensibly be.
pub fn save(store: &mut Store, draft: &DigestDraft) -> Result<()> {
    if draft.ids.len() > MAX_POSTS {
        return Err(Error::invalid(
            "digest",
            format!("A digest can hold at most {MAX_POSTS} posts; remove some."),
        ));
    }
    if draft.intro.len() > MAX_INTRO_BYTES {
        return Err(Error::invalid(
            "digest",
            "The introduction is too long to keep; shorten it.",
        ));
    }
    let json = serde_json::to_string(draft)
        .map_err(|e| Error::invalid("digest", format!("The digest could not be kept: {e}.")))?;
    store.set_setting_raw(KEY, &json)
}

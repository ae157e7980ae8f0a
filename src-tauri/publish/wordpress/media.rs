//! Library images in the site's media library: each image (by content
//! hash) is uploaded once per site with its alt text, and the media item is
//! remembered; a remembered item that was deleted on the site is uploaded
//! again. Works on what was read from the library beforehand (no store
//! here: this runs without the library's lock).

use serde_json::{json, Value};

use super::client::Client;
use crate::error::{Error, Result};
use crate::store::{Store, WordPressMedia};

/// A library image a post shows, read from the library.
#[derive(Debug)]
pub(crate) struct LibraryImage {
    /// `asset:…`
    pub reference: String,
    pub alt: String,
    pub hash: String,
    pub file_name: String,
    pub mime: String,
    pub data: Vec<u8>,
    /// The media item it already became on this site, if any.
    pub known: Option<WordPressMedia>,
}

impl LibraryImage {
    pub(crate) fn read(
        store: &Store,
        site: &str,
        reference: &str,
        alt: &str,
    ) -> Result<LibraryImage> {
        let asset = store.asset(reference)?;
        Ok(LibraryImage {
            reference: reference.to_string(),
            alt: alt.to_string(),
            known: store.wordpress_media(site, &asset.hash)?,
            data: store.asset_data(reference)?,
            hash: asset.hash,
            file_name: asset.file_name,
            mime: asset.mime,
        })
    }
}

/// What uploading the images of one post did.
#[derive(Debug, Default)]
pub(crate) struct MediaCounts {
    pub uploaded: u32,
    pub reused: u32,
    /// Newly uploaded items to remember (content hash, item), kept even
    /// when the post itself then fails, so a retry does not upload again.
    pub new_items: Vec<(String, WordPressMedia)>,
}

/// The media item of `image` on the site, uploading it when the site does
/// not have it (any more).
pub(crate) fn ensure(
    client: &Client,
    image: &LibraryImage,
    counts: &mut MediaCounts,
) -> Result<WordPressMedia> {
    if let Some(known) = &image.known {
        let route = format!("/wp/v2/media/{}", known.media_id);
        if let Some(item) = client.get_if_exists(&route, &[("context", "edit")])? {
            let current_alt = item
                .get("alt_text")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if !image.alt.is_empty() && current_alt.is_empty() {
                client.post_json(&route, &json!({ "alt_text": image.alt }))?;
            }
            counts.reused += 1;
            return media_of(&item);
        }
    }
    let item = client.post_file(
        "/wp/v2/media",
        &[("alt_text", &image.alt)],
        &image.file_name,
        &image.mime,
        &image.data,
    )?;
    let media = media_of(&item)?;
    counts.uploaded += 1;
    counts.new_items.push((image.hash.clone(), media.clone()));
    Ok(media)
}

/// The id and file URL of a media item as the REST API returns it.
fn media_of(item: &Value) -> Result<WordPressMedia> {
    let media_id = item.get("id").and_then(Value::as_i64);
    let source_url = item.get("source_url").and_then(Value::as_str);
    match (media_id, source_url) {
        (Some(media_id), Some(url)) if !url.is_empty() => Ok(WordPressMedia {
            media_id,
            source_url: url.to_string(),
        }),
        _ => Err(Error::WordPressRejected {
            status: 200,
            message: "the site's answer to an image upload has no id or address".into(),
        }),
    }
}

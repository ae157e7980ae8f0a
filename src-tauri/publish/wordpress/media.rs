//! Library images in the site's media library: each image (by content
//! hash) is uploaded once per site with its alt text, and the media item is
//! remembered; a remembered item that was deleted on the site is uploaded
//! again.

use serde_json::{json, Value};

use super::client::Client;
use crate::error::{Error, Result};
use crate::store::{Store, WordPressMedia};

/// What uploading the images of one post did.
#[derive(Debug, Default)]
pub(crate) struct MediaCounts {
    pub uploaded: u32,
    pub reused: u32,
}

/// The media item of the library image `reference` on the site, uploading it
/// when the site does not have it yet.
pub(crate) fn ensure(
    store: &mut Store,
    client: &Client,
    reference: &str,
    alt: &str,
    counts: &mut MediaCounts,
) -> Result<WordPressMedia> {
    let asset = store.asset(reference)?;
    if let Some(known) = store.wordpress_media(client.site(), &asset.hash)? {
        let route = format!("/wp/v2/media/{}", known.media_id);
        if let Some(item) = client.get_if_exists(&route, &[("context", "edit")])? {
            let current_alt = item
                .get("alt_text")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if !alt.is_empty() && current_alt.is_empty() {
                client.post_json(&route, &json!({ "alt_text": alt }))?;
            }
            counts.reused += 1;
            return media_of(&item).map(|m| WordPressMedia {
                media_id: known.media_id,
                ..m
            });
        }
    }
    let data = store.asset_data(reference)?;
    let item = client.post_file(
        "/wp/v2/media",
        &[("alt_text", alt)],
        &asset.file_name,
        &asset.mime,
        &data,
    )?;
    let media = media_of(&item)?;
    store.save_wordpress_media(client.site(), &asset.hash, &media)?;
    counts.uploaded += 1;
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

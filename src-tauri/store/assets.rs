//! Images stored in the library as blobs, addressed from Markdown by a
//! stable reference derived from their content: `asset:<16 hex digits>`.

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{parse_ts, ts, Store};
use crate::error::{Error, Result};
use crate::model::Asset;

/// The URL scheme of asset references in Markdown.
pub const ASSET_SCHEME: &str = "asset:";
/// Largest image accepted, in bytes.
pub const MAX_ASSET_BYTES: usize = 20 * 1024 * 1024;

impl Store {
    /// Store an image and return its record. The same bytes stored twice give
    /// the same reference. Only raster images whose bytes match their type are
    /// accepted (SVG can carry scripts, so it is refused).
    pub fn add_asset(&mut self, file_name: &str, data: &[u8]) -> Result<Asset> {
        let checked = check_image(file_name, data)?;
        let now = self.now();
        let tx = self.write_tx()?;
        insert_asset(&tx, &checked, data, now)?;
        tx.commit()?;
        self.asset(&checked.reference)
    }

    /// Store the image file at `path` (one chosen in the system's open
    /// dialog): read as an import reads an uploaded image (a regular file, at
    /// most [`MAX_ASSET_BYTES`]), then checked as [`Store::add_asset`] does.
    pub fn add_asset_file(&mut self, path: &std::path::Path) -> Result<Asset> {
        let data = crate::import::read::read_regular(path, MAX_ASSET_BYTES as u64, "an image")?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "image".to_string());
        self.add_asset(&name, &data)
    }

    /// The library images a post uses, to pick its featured image from: those
    /// in its body in order, then its featured image, once each; references
    /// the library does not hold are left out.
    pub fn post_images(&self, id: i64) -> Result<Vec<Asset>> {
        let post = self.get_post(id)?;
        let mut refs = crate::markdown::asset_refs(&post.body);
        let featured = post.featured_image.trim();
        if featured.starts_with(ASSET_SCHEME) && !refs.iter().any(|r| r == featured) {
            refs.push(featured.to_string());
        }
        let mut out = Vec::with_capacity(refs.len());
        for reference in refs {
            match self.asset(&reference) {
                Ok(asset) => out.push(asset),
                Err(Error::AssetNotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// The record of an image, by its reference (`asset:…`).
    pub fn asset(&self, reference: &str) -> Result<Asset> {
        self.conn
            .query_row(
                "SELECT id, reference, hash, file_name, mime, size, created_at FROM assets WHERE reference = ?1",
                [reference],
                |r| {
                    Ok(Asset {
                        id: r.get(0)?,
                        reference: r.get(1)?,
                        hash: r.get(2)?,
                        file_name: r.get(3)?,
                        mime: r.get(4)?,
                        size: r.get(5)?,
                        created_at: parse_ts(&r.get::<_, String>(6)?)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| Error::AssetNotFound(reference.to_string()))
    }

    /// The bytes of an image.
    pub fn asset_data(&self, reference: &str) -> Result<Vec<u8>> {
        self.conn
            .query_row(
                "SELECT data FROM assets WHERE reference = ?1",
                [reference],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::AssetNotFound(reference.to_string()))
    }
}

/// An image that passed [`check_image`]: its type, hash, reference and safe name.
pub(crate) struct CheckedImage {
    pub mime: &'static str,
    pub hash: String,
    pub reference: String,
    pub name: String,
}

/// The checks of [`Store::add_asset`]: size, and bytes that are a raster image.
pub(crate) fn check_image(file_name: &str, data: &[u8]) -> Result<CheckedImage> {
    if data.len() > MAX_ASSET_BYTES {
        return Err(Error::invalid(
            "image",
            format!(
                "{file_name} is larger than {} MB; resize it first.",
                MAX_ASSET_BYTES / 1024 / 1024
            ),
        ));
    }
    let mime = sniff_image(data).ok_or_else(|| {
        Error::invalid(
            "image",
            format!("{file_name} is not a PNG, JPEG, GIF, WebP or AVIF image."),
        )
    })?;
    let hash = hex(&Sha256::digest(data));
    let reference = format!("{ASSET_SCHEME}{}", &hash[..16]);
    let name = safe_file_name(file_name, mime);
    Ok(CheckedImage {
        mime,
        hash,
        reference,
        name,
    })
}

/// Store a checked image inside `tx` (the same bytes twice are stored once).
pub(super) fn insert_asset(
    tx: &rusqlite::Transaction<'_>,
    image: &CheckedImage,
    data: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let CheckedImage {
        mime,
        hash,
        reference,
        name,
    } = image;
    tx.execute(
        "INSERT INTO assets (hash, reference, file_name, mime, size, data, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(hash) DO NOTHING",
        params![
            hash,
            reference,
            name,
            mime,
            data.len() as i64,
            data,
            ts(now)
        ],
    )?;
    Ok(())
}

/// Recognise an image by its first bytes.
pub fn sniff_image(data: &[u8]) -> Option<&'static str> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if data.starts_with(b"GIF87a") || data.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if data.len() >= 12 && &data[..4] == b"RIFF" && &data[8..12] == b"WEBP" {
        Some("image/webp")
    } else if data.len() >= 12
        && &data[4..8] == b"ftyp"
        && (&data[8..12] == b"avif" || &data[8..12] == b"avis")
    {
        Some("image/avif")
    } else {
        None
    }
}

/// The file extension for an image type.
pub fn extension(mime: &str) -> &'static str {
    match mime {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/avif" => "avif",
        _ => "bin",
    }
}

/// A file name safe on every OS, with the extension that matches the bytes.
fn safe_file_name(original: &str, mime: &str) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or(original);
    let stem = base.rsplit_once('.').map(|(s, _)| s).unwrap_or(base);
    format!("{}.{}", crate::slug::slugify(stem), extension(mime))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

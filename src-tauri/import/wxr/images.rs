//! Images of imported posts. Without an uploads folder, an image stays a
//! link to its URL on the old site. With `--uploads DIR` (a copy of the
//! site's `wp-content/uploads`), each body image whose URL is under
//! `/wp-content/uploads/` is looked up in DIR and stored in the library; the
//! body then refers to it as `asset:…`. DIR is hostile too: a file is used
//! only when it is a regular file whose real path is inside DIR, no bigger
//! than [`MAX_ASSET_BYTES`], and a raster image (`store::add_asset`'s checks).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::store::{sniff_image, ASSET_SCHEME, MAX_ASSET_BYTES};

const UPLOADS: &str = "/wp-content/uploads/";

/// The uploads folder given with `--uploads`, canonical.
#[derive(Debug)]
pub struct Uploads {
    root: PathBuf,
}

/// What became of the images of an import.
#[derive(Debug, Default)]
pub struct Images {
    /// URL → `asset:` reference, for the images found.
    pub stored: HashMap<String, String>,
    /// `(file name, bytes)` to store, once each.
    pub files: Vec<(String, Vec<u8>)>,
    /// URLs under the uploads path not found (or refused) in the folder, with why.
    pub missing: Vec<String>,
}

impl Uploads {
    pub fn open(dir: &Path) -> Result<Uploads> {
        let root = dir.canonicalize().map_err(|source| Error::ReadFile {
            path: dir.to_path_buf(),
            source,
        })?;
        if !root.is_dir() {
            return Err(Error::Import {
                path: dir.to_path_buf(),
                message: "it is not a folder; give the site's wp-content/uploads folder".into(),
            });
        }
        Ok(Uploads { root })
    }

    /// The file for an uploads URL (`…/wp-content/uploads/2024/03/a.png`):
    /// `DIR/2024/03/a.png`, or `DIR/uploads/2024/03/a.png` when DIR is the
    /// `wp-content` folder. `None` when it is not there or not allowed.
    fn file_for(&self, url: &str) -> Option<PathBuf> {
        let rel = url.split(UPLOADS).nth(1)?;
        let rel = rel.split(['?', '#']).next()?;
        let parts: Vec<&str> = rel.split('/').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == ".." || p.contains('\\') || p.contains('%'))
        {
            return None;
        }
        [self.root.clone(), self.root.join("uploads")]
            .into_iter()
            .map(|base| parts.iter().fold(base, |p, part| p.join(part)))
            .find_map(|candidate| {
                let real = candidate.canonicalize().ok()?;
                (real.starts_with(&self.root) && real.is_file()).then_some(real)
            })
    }

    /// Look up every uploads URL of `urls`, reading each file once.
    pub fn collect<'a>(&self, urls: impl IntoIterator<Item = &'a str>, images: &mut Images) {
        let mut by_hash: HashMap<String, String> = HashMap::new();
        for url in urls {
            if images.stored.contains_key(url) || images.missing.iter().any(|m| m == url) {
                continue;
            }
            let found = self.file_for(url).and_then(|path| {
                let data =
                    crate::import::read::read_regular(&path, MAX_ASSET_BYTES as u64, "an image")
                        .ok()?;
                sniff_image(&data)?;
                Some((path, data))
            });
            let Some((path, data)) = found else {
                images.missing.push(url.to_string());
                continue;
            };
            let hash: String = Sha256::digest(&data)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let reference = format!("{ASSET_SCHEME}{}", &hash[..16]);
            if by_hash.insert(hash, reference.clone()).is_none() {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "image".into());
                images.files.push((name, data));
            }
            images.stored.insert(url.to_string(), reference);
        }
    }
}

/// Every URL in `src="…"` and `href="…"` of sanitized HTML that points
/// into a WordPress uploads folder.
pub fn upload_urls(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for attr in ["src=\"", "href=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let Some(end) = rest.find('"') else { break };
            let url = crate::util::html::unescape(&rest[..end]);
            if url.contains(UPLOADS) && !urls.contains(&url) {
                urls.push(url);
            }
            rest = &rest[end..];
        }
    }
    urls
}

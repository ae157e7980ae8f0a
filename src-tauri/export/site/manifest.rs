//! `.postdesk-export.json`: the record, kept in the export folder, of every
//! file Postdesk wrote there and the SHA-256 of what it wrote. It is how an
//! export knows a file is its own (so it may replace it), that a file was
//! changed by hand since (so it may not), and which folders it created.
//!
//! A manifest is only believed when it names the library that wrote it
//! ([`crate::store::Store::library_id`]): one that came with a cloned site,
//! was written by another library or by an older Postdesk, or was made up,
//! authorizes nothing (see `plan`).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::rel_path::RelPath;
use super::write::{Existing, Root};
use super::SiteFormat;
use crate::error::{Error, Result};

/// The manifest's file name, at the top of the export folder.
pub const MANIFEST_NAME: &str = ".postdesk-export.json";
const VERSION: u32 = 1;

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub version: u32,
    /// The id of the library that wrote it; empty in manifests written
    /// before libraries had an id.
    #[serde(default)]
    pub library: String,
    /// Relative path → what was written there.
    pub files: BTreeMap<String, Entry>,
    /// Folders Postdesk created; removed again when they end up empty.
    #[serde(default)]
    pub dirs: BTreeSet<String>,
}

/// One file Postdesk wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// SHA-256 (hex) of the bytes written.
    pub sha256: String,
    /// The export that wrote it: a whole-site export only cleans up its own
    /// format's files, so a Hugo export never removes the HTML export beside it.
    pub format: SiteFormat,
}

impl Manifest {
    /// An empty manifest of the library `library` (its id).
    pub fn new(library: &str) -> Manifest {
        Manifest {
            version: VERSION,
            library: library.to_string(),
            ..Manifest::default()
        }
    }

    /// Whether this library wrote it, so its records may be believed.
    pub fn written_by(&self, library: &str) -> bool {
        !library.is_empty() && self.library == library
    }

    /// The manifest in `root`, if there is one. Entries whose path does not
    /// pass [`RelPath::parse`] are dropped: a hand-edited manifest cannot
    /// point an export (or a clean-up) outside the folder.
    pub fn load(root: &Root) -> Result<Option<Manifest>> {
        let bytes = match root.inspect(&manifest_path()?)? {
            Existing::Missing => return Ok(None),
            Existing::File(b) => b,
        };
        let mut m: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
            Error::invalid(
                "manifest",
                format!(
                    "{} in {} is damaged ({e}); delete it to export into this folder again.",
                    MANIFEST_NAME,
                    root.path.display()
                ),
            )
        })?;
        m.files.retain(|p, _| RelPath::parse(p).is_ok());
        m.dirs.retain(|p| RelPath::parse(p).is_ok());
        m.version = VERSION;
        Ok(Some(m))
    }

    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let mut bytes = serde_json::to_vec_pretty(self).map_err(|e| {
            Error::invalid("manifest", format!("Could not write {MANIFEST_NAME}: {e}"))
        })?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    pub fn hash_of(&self, path: &RelPath) -> Option<&str> {
        self.files.get(path.as_str()).map(|e| e.sha256.as_str())
    }
}

/// The manifest's path. Its name starts with a dot (hidden; Hugo and Jekyll
/// skip it), which [`RelPath`] refuses for exported files, so it is built here.
pub(crate) fn manifest_path() -> Result<RelPath> {
    super::rel_path::check_component(MANIFEST_NAME.trim_start_matches('.'))?;
    Ok(RelPath::hidden(MANIFEST_NAME))
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

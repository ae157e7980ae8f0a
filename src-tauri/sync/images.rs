//! A post's images in the repository: beside its file, named by the full
//! SHA-256 of their bytes (`posts/<folder>/<sha256>.<ext>`), so the same
//! image is the same file on every laptop and never needs merging. Sent
//! with the post that references them (`asset:<16 hex>` in the body or the
//! featured image); brought in when a teammate's post references one this
//! library does not hold. Images of a deleted post stay in the folder.

use std::collections::BTreeSet;

use super::format::SharedPost;
use super::repo::{Change, Repo};
use super::types::SyncProblem;
use crate::error::Result;
use crate::model::Post;
use crate::store::{extension, Store, ASSET_SCHEME};

/// The asset references a post uses (in its body and featured image).
pub fn references(body: &str, featured_image: &str) -> BTreeSet<String> {
    let mut refs = BTreeSet::new();
    for text in [body, featured_image] {
        for (i, _) in text.match_indices(ASSET_SCHEME) {
            let hex: String = text[i + ASSET_SCHEME.len()..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect();
            if hex.len() == 16 {
                refs.insert(format!("{ASSET_SCHEME}{hex}"));
            }
        }
    }
    refs
}

fn folder_of(post_path: &str) -> &str {
    post_path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// The image files a post's commit must carry and the remote lacks.
pub(super) fn outgoing(
    store: &Store,
    repo: &Repo,
    remote: Option<&str>,
    posts: &[(&SharedPost, &str)],
) -> Result<Vec<Change>> {
    let mut wanted: Vec<(String, String)> = Vec::new(); // (path, reference)
    for (p, path) in posts {
        for r in references(&p.body, &p.featured_image) {
            if let Ok(a) = store.asset(&r) {
                let file = format!("{}/{}.{}", folder_of(path), a.hash, extension(&a.mime));
                wanted.push((file, r));
            }
        }
    }
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let present = match remote {
        Some(c) => {
            let paths: Vec<String> = wanted.iter().map(|(p, _)| p.clone()).collect();
            repo.blobs_at(c, &paths)?
        }
        None => Default::default(),
    };
    let mut changes = Vec::new();
    let mut seen = BTreeSet::new();
    for (path, r) in wanted {
        if !present.contains_key(&path) && seen.insert(path.clone()) {
            changes.push((path, Some(store.asset_data(&r)?)));
        }
    }
    Ok(changes)
}

/// Bring in the images teammates' posts reference and this library lacks.
pub(super) fn incoming(
    store: &mut Store,
    repo: &Repo,
    commit: &str,
    posts: &[(&Post, &str)],
    problems: &mut Vec<SyncProblem>,
) -> Result<()> {
    let mut everywhere: Option<std::collections::HashMap<String, String>> = None;
    for (p, path) in posts {
        let missing: Vec<String> = references(&p.body, &p.featured_image)
            .into_iter()
            .filter(|r| store.asset(r).is_err())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let folder = folder_of(path);
        let listing = repo.folder_files(commit, folder)?;
        for r in missing {
            let hex = &r[ASSET_SCHEME.len()..];
            let prefix = format!("{folder}/{hex}");
            let found = match listing.iter().find(|(f, _)| f.starts_with(&prefix)) {
                Some(hit) => Some(hit.clone()),
                // Shared beside another post (the post moved, or a copy of it): look everywhere.
                None => everywhere
                    .get_or_insert_with(|| repo.all_posts(commit).unwrap_or_default())
                    .iter()
                    .find(|(f, _)| f.rsplit('/').next().is_some_and(|n| n.starts_with(hex)))
                    .map(|(f, o)| (f.clone(), o.clone())),
            };
            let Some((file, oid)) = found else {
                continue; // the teammate's image was never shared; the post shows it missing
            };
            let data = repo.git.read_blobs(std::slice::from_ref(&oid))?;
            let Some(Some(bytes)) = data.into_iter().next() else {
                continue;
            };
            let name = file.rsplit('/').next().unwrap_or("image");
            if let Err(e) = store.add_asset(name, &bytes) {
                problems.push(SyncProblem {
                    path: repo.full(&file),
                    message: e.to_string(),
                });
            }
        }
    }
    Ok(())
}

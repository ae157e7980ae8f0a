//! Import Markdown files with front matter, as Hugo and Jekyll sites keep them.
//!
//! Each document goes through three steps, as in Zola: `split` cuts the
//! front matter (YAML between `---` lines, TOML between `+++` lines) from the
//! body; `frontmatter` parses it; `fields` gives the keys their meaning,
//! checks it, and keeps the keys it does not know in [`NewPost::extra`]. The
//! file's name and folder fill in what Hugo and Jekyll read from them
//! (`filename`). Errors name the file and say what to change.
//!
//! [`import_paths`] walks files and folders and creates a post for each file;
//! one failure never stops the rest. Every file is hostile until checked:
//! `walk` lets through only regular files inside the folder chosen, `read`
//! opens them without blocking and up to a size, and `limits` and
//! `yaml_anchors` refuse front matter that is too big, too deep or that uses
//! YAML aliases (which can expand a small file into a huge one).
//!
//! A WordPress export file (WXR) is recognised by its content
//! ([`wxr::is_wxr_file`]) and imported by [`wxr`] instead, in one transaction.

mod date;
mod fields;
mod filename;
mod frontmatter;
mod limits;
pub(crate) mod read;
mod split;
mod walk;
pub mod wxr;
mod yaml_anchors;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Lang, NewPost, Post};

pub use limits::{MAX_FRONT_MATTER_BYTES, MAX_NESTING};
pub use read::MAX_FILE_BYTES;

/// A file that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportFailure {
    pub path: PathBuf,
    /// One plain sentence, without the path, e.g. "the YAML front matter is not
    /// valid: mapping values are not allowed in this context at line 3 column 13;
    /// if the value of `title` contains a colon, put the whole value in double quotes".
    pub reason: String,
}

/// What an import did: the posts created (with their new slugs) and the files that failed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub imported: Vec<(PathBuf, String)>,
    pub failed: Vec<ImportFailure>,
}

/// Split, parse and check one document. `path` names the file in errors and
/// supplies what Hugo and Jekyll read from file names: Jekyll's date and slug
/// (`2024-03-05-budget-vote.md`), Hugo's language suffix (`post.fr.md`) and
/// bundle folder (`my-post/index.md`), Jekyll's `_drafts` folder.
///
/// Errors are [`Error::Import`], whose message says what to fix.
pub fn parse_document(path: &Path, text: &str) -> Result<NewPost> {
    parse_at(path, text, Utc::now()).map_err(|message| Error::Import {
        path: path.to_path_buf(),
        message,
    })
}

fn parse_at(
    path: &Path,
    text: &str,
    now: chrono::DateTime<Utc>,
) -> std::result::Result<NewPost, String> {
    let text = split::normalise(text);
    let parts = split::split(&text)?;
    let (entries, format) = match &parts.front {
        Some(front) => (frontmatter::parse(front)?, Some(front.format)),
        None => (Vec::new(), None),
    };
    fields::build(entries, format, &filename::file_info(path), parts.body, now)
}

/// The reason for an [`ImportFailure`]: the message without the path.
fn reason(error: &Error) -> String {
    match error {
        Error::Import { message, .. } => message.clone(),
        Error::ReadFile { source, .. } => format!("the file could not be read: {source}"),
        other => format!("the post could not be saved: {other}"),
    }
}

/// Import Markdown files and folders of them (recursively: `.md`,
/// `.markdown` and `.mdown` files; hidden files and folders, `node_modules`
/// and Hugo's `_index.md` section pages are skipped). Only regular files are
/// read, up to [`MAX_FILE_BYTES`]: a link leading out of the folder chosen,
/// a named pipe, a socket or a device is listed as a failure with the reason. Files in a Jekyll
/// `_drafts` folder become drafts. Translations (`index.md` and
/// `index.fr.md`, `post.md` and `post.fr.md`) are linked to each other.
/// One failure never stops the rest.
pub fn import_paths(store: &mut crate::store::Store, paths: &[PathBuf]) -> ImportReport {
    import_with(paths, |new| store.create_post(new))
}

/// [`import_paths`] with the creation of a post left to `create`.
fn import_with(paths: &[PathBuf], mut create: impl FnMut(NewPost) -> Result<Post>) -> ImportReport {
    let mut report = ImportReport::default();
    let files = walk::collect(paths, &mut report.failed);
    // The first post imported for each translation key, to link the others to.
    let mut translations: HashMap<PathBuf, (i64, Lang)> = HashMap::new();
    for found in files {
        let path = found.path.clone();
        let created = read::read_found(&found).and_then(|text| {
            let mut new = parse_document(&path, &text)?;
            let key = filename::file_info(&path).translation_key;
            if let Some(&(id, lang)) = translations.get(&key) {
                if lang != new.lang && new.translation_of.is_none() {
                    new.translation_of = Some(id);
                }
            }
            let post = create(new)?;
            translations.entry(key).or_insert((post.id, post.lang));
            Ok(post)
        });
        match created {
            Ok(post) => {
                tracing::info!(path = %path.display(), slug = %post.slug, "imported");
                report.imported.push((path, post.slug));
            }
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "not imported");
                report.failed.push(ImportFailure {
                    reason: reason(&e),
                    path,
                });
            }
        }
    }
    report
}

#[cfg(test)]
mod tests;

//! What an export did, for the CLI's summary line and the app's dialog, and
//! the files it would not overwrite without being told to.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{SiteFormat, SiteWarning};
use crate::error::Error;

/// The outcome of a site export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    pub format: SiteFormat,
    /// The export folder (canonical).
    pub out_dir: PathBuf,
    /// Posts exported.
    pub posts: usize,
    /// Posts with at least one file (page or image) written this time.
    pub posts_written: usize,
    /// Posts whose every file was already there with the same bytes.
    pub posts_unchanged: usize,
    /// Image files in the export.
    pub images: usize,
    /// Files written, relative to `out_dir`, `/`-separated.
    pub written: Vec<String>,
    /// Files left as they were because their bytes were already right.
    pub unchanged: usize,
    /// Files that were not Postdesk's (or were changed by hand) and were
    /// overwritten because the export was forced.
    pub overwritten: Vec<String>,
    /// Files of an earlier export no longer part of the site, removed.
    pub removed: Vec<String>,
    /// Things that did not stop the export (an image missing from the library…).
    pub warnings: Vec<SiteWarning>,
}

impl ExportReport {
    /// `Exported 23 posts: 5 written, 18 unchanged, 12 images → DIR`.
    pub fn summary(&self) -> String {
        let mut line = format!(
            "Exported {} {}: {} written, {} unchanged, {} {}",
            self.posts,
            plural(self.posts, "post", "posts"),
            self.posts_written,
            self.posts_unchanged,
            self.images,
            plural(self.images, "image", "images"),
        );
        if !self.removed.is_empty() {
            line += &format!(
                ", {} old {} removed",
                self.removed.len(),
                plural(self.removed.len(), "file", "files")
            );
        }
        line + &format!(" \u{2192} {}", self.out_dir.display())
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A file the export would overwrite but may not without being forced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// Relative to the export folder, `/`-separated.
    pub path: String,
    pub kind: ConflictKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// The file is not in the export manifest: someone else put it there.
    NotPostdesks,
    /// Postdesk wrote it, but it was changed since.
    ChangedSinceExport,
}

/// The error for an export refused because of `conflicts` (field `conflict`,
/// so the app can offer to overwrite): it names the first file.
pub(crate) fn conflict_error(root: &Path, conflicts: &[Conflict]) -> Error {
    let Some(first) = conflicts.first() else {
        return Error::ExportConflict {
            message: "Nothing was exported.".into(),
        };
    };
    let why = match first.kind {
        ConflictKind::NotPostdesks => "was not written by Postdesk",
        ConflictKind::ChangedSinceExport => "was changed since Postdesk exported it",
    };
    let mut msg = format!(
        "Nothing was exported: {} already exists in {} and {why}. Move it away, or export again with --force to overwrite it.",
        first.path,
        root.display()
    );
    if conflicts.len() > 1 {
        let more: Vec<&str> = conflicts[1..]
            .iter()
            .take(5)
            .map(|c| c.path.as_str())
            .collect();
        msg += &format!(
            " {} more {} would be overwritten too: {}{}",
            conflicts.len() - 1,
            plural(conflicts.len() - 1, "file", "files"),
            more.join(", "),
            if conflicts.len() > 6 {
                ", \u{2026}"
            } else {
                "."
            }
        );
    }
    Error::ExportConflict { message: msg }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(posts: usize, written: usize, images: usize, removed: usize) -> ExportReport {
        ExportReport {
            format: SiteFormat::Hugo,
            out_dir: PathBuf::from("/tmp/site"),
            posts,
            posts_written: written,
            posts_unchanged: posts - written,
            images,
            written: Vec::new(),
            unchanged: 0,
            overwritten: Vec::new(),
            removed: (0..removed).map(|i| format!("old{i}.md")).collect(),
            warnings: Vec::new(),
        }
    }

    /// The same sentences as ui/src/exportText.test.ts pins for the English catalogue.
    #[test]
    fn summary_sentences() {
        assert_eq!(
            report(0, 0, 0, 0).summary(),
            "Exported 0 posts: 0 written, 0 unchanged, 0 images \u{2192} /tmp/site"
        );
        assert_eq!(
            report(1, 1, 1, 1).summary(),
            "Exported 1 post: 1 written, 0 unchanged, 1 image, 1 old file removed \u{2192} /tmp/site"
        );
        assert_eq!(
            report(2, 0, 2, 2).summary(),
            "Exported 2 posts: 0 written, 2 unchanged, 2 images, 2 old files removed \u{2192} /tmp/site"
        );
    }
}

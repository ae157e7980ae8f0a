//! What a renderer produces: files in memory, each named by a checked
//! [`RelPath`] and tagged with the post it belongs to. Nothing touches the
//! disk until the whole export has been rendered and checked (see `plan`).

use std::collections::HashMap;

use super::context::{PostEntry, SiteContext};
use super::rel_path::RelPath;
use super::{body, safe_body, SiteWarning};
use crate::error::{Error, Result};

/// One site format (as mdBook's `Renderer`): turns the context into files.
pub(crate) trait SiteRenderer {
    fn render(&self, ctx: &SiteContext, out: &mut Output) -> Result<()>;
}

/// What a file is, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// A post's page or Markdown file.
    Post,
    /// An image beside a post.
    Image,
    /// A listing page or the home page.
    Listing,
}

pub(crate) struct OutFile {
    pub path: RelPath,
    pub bytes: Vec<u8>,
    pub kind: FileKind,
    /// Index into [`SiteContext::posts`].
    pub post: Option<usize>,
}

/// The files of one export, in the order they were added.
#[derive(Default)]
pub(crate) struct Output {
    pub files: Vec<OutFile>,
    /// What rendering had to leave out, for the export report.
    pub warnings: Vec<SiteWarning>,
    index: HashMap<RelPath, usize>,
}

impl Output {
    /// Add a file. The same path twice is fine when the bytes agree (an image
    /// shared by an English and a French post in one Hugo bundle); two
    /// different contents for one path is refused rather than one silently lost.
    pub fn add(
        &mut self,
        path: RelPath,
        bytes: Vec<u8>,
        kind: FileKind,
        post: Option<usize>,
    ) -> Result<()> {
        if let Some(&i) = self.index.get(&path) {
            if self.files[i].bytes == bytes {
                return Ok(());
            }
            return Err(Error::invalid(
                "export",
                format!("Two different files would be written to {path}; rename one of the posts."),
            ));
        }
        self.index.insert(path.clone(), self.files.len());
        self.files.push(OutFile {
            path,
            bytes,
            kind,
            post,
        });
        Ok(())
    }

    /// The Markdown body of `post`, made safe for a site generator
    /// ([`safe_body::neutralize`]); what had to go is reported, naming the post.
    pub fn safe_body(&mut self, post: &PostEntry) -> String {
        let safe = safe_body::neutralize(&body::clean(&post.post.body));
        if !safe.removed.is_empty() {
            self.warnings.push(SiteWarning::ContentRemoved {
                title: post.post.title.clone(),
                removed: safe.removed,
            });
        }
        safe.markdown
    }

    /// Add every image of post `post` (index `i`) into `dir`.
    pub fn add_images(&mut self, dir: &RelPath, post: &PostEntry, i: usize) -> Result<()> {
        for img in &post.images {
            self.add(
                dir.join(&img.file_name)?,
                img.data.clone(),
                FileKind::Image,
                Some(i),
            )?;
        }
        Ok(())
    }
}

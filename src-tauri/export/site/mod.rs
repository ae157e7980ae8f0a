//! Site exports: Hugo page bundles, Jekyll posts, a standalone HTML site,
//! and RSS/Atom feeds. Core only (no Tauri, no printing): the CLI and the
//! app's Export dialog drive it, following progress through a callback and
//! reading an [`ExportReport`] at the end.
//!
//! # How an export runs
//!
//! 1. `context` loads the chosen posts once, renders each with the one
//!    Markdown renderer and loads its images: one `SiteContext`.
//! 2. A renderer for the format (`hugo`, `jekyll`, `html`; one small
//!    trait, as mdBook has) turns that context into files in memory, each
//!    named by a checked `RelPath`.
//! 3. `plan` compares them with the folder and its manifest
//!    (`manifest`): new, changed, unchanged, or in conflict (a file
//!    Postdesk did not write, or one changed by hand since).
//! 4. [`SitePlan::execute`] writes only what changed (`write`: no path
//!    outside the folder, no writing through links, atomic renames) and
//!    records what it wrote.
//!
//! Every output puts a post at the shared URL scheme ([`crate::export::urls`]):
//! `/posts/<slug>/`, `/fr/posts/<slug>/`.

mod body;
mod context;
mod feed;
mod html;
mod hugo;
mod jekyll;
mod manifest;
mod output;
mod plan;
mod rel_path;
mod report;
mod safe_body;
mod safe_html;
mod step;
mod teaser;
mod warning;
mod write;
mod yaml;

use std::path::PathBuf;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::export::urls;
use crate::model::{Lang, Status};
use crate::store::Store;
use output::SiteRenderer;

pub use feed::{feed, Feed, FeedFormat, FeedOptions};
pub use manifest::MANIFEST_NAME;
pub use plan::SitePlan;
pub use report::{Conflict, ConflictKind, ExportReport};
pub use safe_body::Removed;
pub use step::{Step, StepKind};
pub use warning::SiteWarning;

/// Progress: `(done, total, what is being done)`. `total` is per phase
/// (preparing posts, checking files, writing files), so a bar may restart.
/// The step's `Display` is its English sentence.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize, &Step<'_>);

/// The site generator the export is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SiteFormat {
    Hugo,
    Jekyll,
    Html,
}

impl SiteFormat {
    /// Where a post's image is on the built site, from the site root.
    pub fn image_path(self, lang: Lang, slug: &str, file: &str) -> String {
        match self {
            SiteFormat::Hugo | SiteFormat::Html => format!("{}{file}", urls::post_path(lang, slug)),
            SiteFormat::Jekyll => format!("/assets/images/{slug}/{file}"),
        }
    }

    /// Hugo and Jekyll leave posts dated in the future out of a build, so a
    /// scheduled post can go into the site ahead of its date; the HTML
    /// export is the built site itself, so it takes published posts only.
    fn honours_future_dates(self) -> bool {
        matches!(self, SiteFormat::Hugo | SiteFormat::Jekyll)
    }

    fn renderer(self) -> Box<dyn SiteRenderer> {
        match self {
            SiteFormat::Hugo => Box::new(hugo::Hugo),
            SiteFormat::Jekyll => Box::new(jekyll::Jekyll),
            SiteFormat::Html => Box::new(html::Html),
        }
    }
}

impl FromStr for SiteFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<SiteFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "hugo" => Ok(SiteFormat::Hugo),
            "jekyll" => Ok(SiteFormat::Jekyll),
            "html" => Ok(SiteFormat::Html),
            _ => Err(Error::invalid(
                "format",
                format!("\"{s}\" is not a site format; use hugo, jekyll or html"),
            )),
        }
    }
}

/// Which posts to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every published post: the site. Listings are written, and files an
    /// earlier whole-site export wrote for posts no longer published are removed.
    /// For Hugo and Jekyll, also the scheduled posts with a publish date,
    /// dated then and not drafts: the site shows them from that date on.
    Published,
    /// Every live post, drafts included (Hugo gets `draft: true`, Jekyll
    /// `published: false`). Also a whole-site export.
    All,
    /// Posts with this status. Adds to the folder; removes nothing.
    Status(Status),
    /// These posts (by id). Adds to the folder; removes nothing, writes no listing.
    Posts(Vec<i64>),
}

/// One site export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteOptions {
    pub format: SiteFormat,
    /// The export folder; for Hugo and Jekyll, the site's root folder.
    pub out_dir: PathBuf,
    pub selection: Selection,
    /// Overwrite files Postdesk did not write, or that were changed since.
    pub force: bool,
}

/// Render the export and compare it with the folder, writing nothing (the
/// folder is created if missing). The app shows [`SitePlan::conflicts`]
/// and asks before calling [`SitePlan::execute`].
pub fn plan_site(store: &Store, opts: &SiteOptions, progress: Progress<'_>) -> Result<SitePlan> {
    let with_scheduled = opts.format.honours_future_dates();
    let ctx = context::load(store, &opts.selection, with_scheduled, &mut *progress)?;
    let mut out = output::Output::default();
    opts.format.renderer().render(&ctx, &mut out)?;
    let root = write::Root::open(&opts.out_dir)?;
    let mut warnings = ctx.warnings;
    warnings.append(&mut out.warnings);
    plan::SitePlan::new(
        opts.format,
        &store.library_id()?,
        root,
        out,
        ctx.posts.len(),
        ctx.whole_site,
        warnings,
        progress,
    )
}

/// Plan and write an export in one go; refused, with nothing written, when
/// a file is in the way and `opts.force` is false.
pub fn export_site(
    store: &Store,
    opts: &SiteOptions,
    progress: Progress<'_>,
) -> Result<ExportReport> {
    plan_site(store, opts, &mut *progress)?.execute(opts.force, progress)
}

/// The page description: the email preview text when there is one, else the teaser.
fn description(e: &context::PostEntry) -> String {
    crate::export::description::preview_text_or_teaser(&e.post.preview_text, &e.teaser)
}

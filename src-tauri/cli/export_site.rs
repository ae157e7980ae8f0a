//! `postdesk export site` and `postdesk export feed`: thin wrappers over
//! [`crate::export::site`], which does the work and returns a report; this
//! file only turns arguments into options and the report into lines.

use std::io::Write;
use std::path::PathBuf;

use super::common::find_post;
use crate::error::{Error, Result};
use crate::export::site::{self, FeedFormat, FeedOptions, Selection, SiteFormat, SiteOptions};
use crate::model::{Lang, Status};
use crate::store::Store;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Without --all, SLUG or --status, the published posts are exported \
                  (for hugo and jekyll also the scheduled posts, dated at their publish date, \
                  which the site shows from then on). \
                  For hugo and jekyll, DIR is the site's root folder (posts go under content/ and _posts/). \
                  Files Postdesk did not write are never overwritten without --force."
)]
pub struct SiteArgs {
    /// hugo, jekyll or html.
    #[arg(long, value_name = "FORMAT")]
    format: SiteFormat,
    /// The folder to export into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Export every post, drafts included.
    #[arg(long, conflicts_with_all = ["slugs", "status"])]
    all: bool,
    /// Export only these posts.
    #[arg(value_name = "SLUG", conflicts_with = "status")]
    slugs: Vec<String>,
    /// Export the posts with this status.
    #[arg(long, value_name = "S")]
    status: Option<Status>,
    /// Which post a SLUG means when an English and a French post share it.
    #[arg(long, value_name = "L", requires = "slugs")]
    lang: Option<Lang>,
    /// Overwrite files in DIR that Postdesk did not write (or that were changed since).
    #[arg(long)]
    force: bool,
}

#[derive(Debug, clap::Args)]
pub struct FeedArgs {
    /// rss or atom.
    #[arg(long, value_name = "FORMAT")]
    format: FeedFormat,
    /// The language of the posts in the feed.
    #[arg(long, value_name = "L", default_value = "en")]
    lang: Lang,
    /// The file to write, or - for standard output.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The site's format, which decides the images' addresses (hugo and html
    /// put them beside the page, jekyll under /assets/images/).
    #[arg(long, value_name = "FORMAT", default_value = "hugo")]
    site: SiteFormat,
}

pub fn run_site(store: &mut Store, args: SiteArgs, out: &mut dyn Write) -> Result<()> {
    let selection = if args.all {
        Selection::All
    } else if !args.slugs.is_empty() {
        let mut ids = Vec::with_capacity(args.slugs.len());
        for slug in &args.slugs {
            ids.push(find_post(store, slug, args.lang)?.id);
        }
        Selection::Posts(ids)
    } else {
        match args.status {
            None | Some(Status::Published) => Selection::Published,
            Some(s) => Selection::Status(s),
        }
    };
    let opts = SiteOptions {
        format: args.format,
        out_dir: args.out,
        selection,
        force: args.force,
    };
    let report = site::export_site(store, &opts, &mut |_, _, _| {})?;
    for path in &report.overwritten {
        writeln!(out, "overwrote {path} (--force)")?;
    }
    for path in &report.removed {
        writeln!(out, "removed {path}")?;
    }
    for warning in &report.warnings {
        writeln!(out, "warning: {warning}")?;
    }
    writeln!(out, "{}", report.summary())?;
    Ok(())
}

pub fn run_feed(store: &mut Store, args: FeedArgs, out: &mut dyn Write) -> Result<()> {
    let feed = site::feed(
        store,
        &FeedOptions {
            format: args.format,
            lang: args.lang,
            site: args.site,
        },
    )?;
    if args.out.as_os_str() == "-" {
        out.write_all(feed.xml.as_bytes())?;
        return Ok(());
    }
    if args.out.is_dir() {
        return Err(Error::invalid(
            "out",
            format!(
                "{} is a folder; give the feed's file name, e.g. {}",
                args.out.display(),
                args.out.join("index.xml").display()
            ),
        ));
    }
    crate::util::atomic_file::write_atomic(&args.out, feed.xml.as_bytes())?;
    let kind = match args.format {
        FeedFormat::Rss => "RSS",
        FeedFormat::Atom => "Atom",
    };
    let lang = crate::lang::name_in_english(args.lang);
    writeln!(
        out,
        "Wrote the {kind} feed of {} published {lang} {} \u{2192} {}",
        feed.items,
        if feed.items == 1 { "post" } else { "posts" },
        args.out.display()
    )?;
    Ok(())
}

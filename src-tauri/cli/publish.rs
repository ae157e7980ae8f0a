//! `postdesk publish`: publish posts where readers see them. `publish site`
//! exports into the site repository's clone (`publish.repo`), commits what
//! it wrote and pushes (the work is in [`crate::publish::site_repo`]);
//! `publish wordpress` is in `cli/wordpress.rs`.

use std::io::Write;

use super::common::find_post;
use crate::error::Result;
use crate::model::Lang;
use crate::publish::site_repo::{self, PublishScope};
use crate::store::Store;

#[derive(Debug, clap::Subcommand)]
pub enum PublishCommand {
    /// Export into the site repository (publish.repo), commit exactly what was written, push; prints the commit.
    Site(SiteArgs),
    /// Publish (or update) a post on the WordPress site (wordpress.url); prints its link.
    Wordpress(super::wordpress::PublishArgs),
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["all", "slugs"])))]
pub struct SiteArgs {
    /// Publish the whole site: every published post, and every scheduled post dated at its publish date, which the site shows from then on (files of posts no longer published are removed).
    #[arg(long)]
    all: bool,
    /// Publish only these posts.
    #[arg(value_name = "SLUG")]
    slugs: Vec<String>,
    /// Which post a SLUG means when an English and a French post share it.
    #[arg(long, value_name = "L", requires = "slugs")]
    lang: Option<Lang>,
}

pub fn run(store: &mut Store, command: PublishCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        PublishCommand::Site(args) => run_site(store, args, out),
        PublishCommand::Wordpress(args) => super::wordpress::run_publish(store, args, out),
    }
}

fn run_site(store: &mut Store, args: SiteArgs, out: &mut dyn Write) -> Result<()> {
    let scope = if args.all {
        PublishScope::Site
    } else {
        let mut ids = Vec::with_capacity(args.slugs.len());
        for slug in &args.slugs {
            ids.push(find_post(store, slug, args.lang)?.id);
        }
        PublishScope::Posts(ids)
    };
    let report = site_repo::publish_site(store, &scope, &mut |_, _, _| {})?;
    writeln!(out, "{}", report.export_summary)?;
    match &report.commit {
        Some(commit) => writeln!(
            out,
            "pushed {commit} to {} {} ({} file(s))",
            report.remote,
            report.branch,
            report.files.len()
        )?,
        None => writeln!(
            out,
            "nothing changed; {} {} is up to date",
            report.remote, report.branch
        )?,
    }
    Ok(())
}

//! `postdesk export site|feed|email|digest`: which exporter runs; each lives
//! in its own file (`export_site.rs`, `export_email.rs`).

use std::io::Write;

use clap::Subcommand;

use super::{export_email, export_site};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Posts for a static site: Hugo, Jekyll or standalone HTML, with listing pages.
    Site(export_site::SiteArgs),
    /// An RSS or Atom feed of published posts.
    Feed(export_site::FeedArgs),
    /// One post as an email: HTML, plain text or .eml.
    Email(export_email::EmailArgs),
    /// A newsletter digest of several posts: HTML, plain text or .eml.
    Digest(export_email::DigestArgs),
}

pub fn run(store: &mut Store, what: ExportCommand, out: &mut dyn Write) -> Result<()> {
    match what {
        ExportCommand::Site(args) => export_site::run_site(store, args, out),
        ExportCommand::Feed(args) => export_site::run_feed(store, args, out),
        ExportCommand::Email(args) => export_email::run_email(store, args, out),
        ExportCommand::Digest(args) => export_email::run_digest(store, args, out),
    }
}

//! `postdesk publish …`: send posts to where they are published. Only the
//! command enum and the dispatch; each target has its own file.

use std::io::Write;

use clap::Subcommand;

use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum PublishCommand {
    /// Publish (or update) a post on the WordPress site (wordpress.url); prints its link.
    Wordpress(super::wordpress::PublishArgs),
}

pub fn run(store: &mut Store, what: PublishCommand, out: &mut dyn Write) -> Result<()> {
    match what {
        PublishCommand::Wordpress(args) => super::wordpress::run_publish(store, args, out),
    }
}

//! `postdesk export site` and `postdesk export feed` (being written).
use std::io::Write;

use crate::error::Result;
use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct SiteArgs {}

#[derive(Debug, clap::Args)]
pub struct FeedArgs {}

pub fn run_site(_store: &mut Store, _args: SiteArgs, _out: &mut dyn Write) -> Result<()> {
    Err(crate::Error::invalid(
        "export",
        "Site export is not available yet.",
    ))
}

pub fn run_feed(_store: &mut Store, _args: FeedArgs, _out: &mut dyn Write) -> Result<()> {
    Err(crate::Error::invalid(
        "export",
        "Feed export is not available yet.",
    ))
}

//! `postdesk export email` and `postdesk export digest` (being written).
use std::io::Write;

use crate::error::Result;
use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct EmailArgs {}

#[derive(Debug, clap::Args)]
pub struct DigestArgs {}

pub fn run_email(_store: &mut Store, _args: EmailArgs, _out: &mut dyn Write) -> Result<()> {
    Err(crate::Error::invalid(
        "export",
        "Email export is not available yet.",
    ))
}

pub fn run_digest(_store: &mut Store, _args: DigestArgs, _out: &mut dyn Write) -> Result<()> {
    Err(crate::Error::invalid(
        "export",
        "Digest export is not available yet.",
    ))
}

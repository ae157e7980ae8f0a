//! `postdesk trash`, `restore` and `empty-trash`.

use std::io::Write;

use super::common::find_post;
use crate::error::Result;
use crate::model::Lang;
use crate::store::{Store, TRASH_DAYS};

// The arguments of `trash` and `restore`: which post.
#[derive(Debug, clap::Args)]
pub struct PostArgs {
    slug: String,
    #[arg(long)]
    lang: Option<Lang>,
}

pub fn run_trash(store: &mut Store, args: PostArgs, out: &mut dyn Write) -> Result<()> {
    let post = find_post(store, &args.slug, args.lang)?;
    store.trash_post(post.id)?;
    writeln!(
        out,
        "Moved \"{}\" to the trash; it is kept for {TRASH_DAYS} days.",
        post.title
    )?;
    Ok(())
}

pub fn run_restore(store: &mut Store, args: PostArgs, out: &mut dyn Write) -> Result<()> {
    let post = find_post(store, &args.slug, args.lang)?;
    store.restore_post(post.id)?;
    writeln!(out, "Restored \"{}\".", post.title)?;
    Ok(())
}

pub fn run_empty(store: &mut Store, out: &mut dyn Write) -> Result<()> {
    let n = store.empty_trash()?;
    writeln!(out, "Deleted {n} post(s) from the trash for good.")?;
    Ok(())
}

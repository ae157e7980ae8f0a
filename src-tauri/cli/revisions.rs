//! `postdesk revisions`: list a post's revisions, or restore one.

use std::io::Write;

use super::common::{find_post, local, write_json};
use crate::error::Result;
use crate::model::Lang;
use crate::store::Store;

// The arguments of `revisions`.
#[derive(Debug, clap::Args)]
pub struct RevisionsArgs {
    slug: String,
    #[arg(long)]
    lang: Option<Lang>,
    /// Restore this revision (the current text is kept as a revision first).
    #[arg(long, value_name = "ID")]
    restore: Option<i64>,
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, args: RevisionsArgs, out: &mut dyn Write) -> Result<()> {
    let post = find_post(store, &args.slug, args.lang)?;
    if let Some(id) = args.restore {
        store.restore_revision(post.id, id)?;
        writeln!(out, "Restored revision {id} of \"{}\".", post.title)?;
        return Ok(());
    }
    let revs = store.revisions(post.id)?;
    if args.json {
        return write_json(out, &revs);
    }
    for r in revs {
        let words = r.body.split_whitespace().count();
        writeln!(
            out,
            "{:>6}  {}  {:<8} {} words  {}",
            r.id,
            local(r.created_at),
            r.reason.as_str(),
            words,
            r.title
        )?;
    }
    Ok(())
}

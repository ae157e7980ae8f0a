//! `postdesk search`: full-text search, hits with a bracketed snippet.

use std::io::Write;

use super::common::write_json;
use crate::error::Result;
use crate::store::Store;

// The arguments of `search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    query: String,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, args: SearchArgs, out: &mut dyn Write) -> Result<()> {
    let hits = store.search(&args.query, args.limit)?;
    if args.json {
        write_json(out, &hits)?;
    } else if hits.is_empty() {
        writeln!(out, "Nothing matches \"{}\".", args.query)?;
    } else {
        for h in hits {
            writeln!(out, "{}  {} ({})", h.slug, h.title, h.lang)?;
            writeln!(out, "    {}", snippet_text(&h.snippet))?;
        }
    }
    Ok(())
}

/// The snippet for a terminal: marks become [brackets], entities decoded.
fn snippet_text(html: &str) -> String {
    crate::util::html::unescape(&html.replace("<mark>", "[").replace("</mark>", "]"))
}

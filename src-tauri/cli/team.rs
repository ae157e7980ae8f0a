//! `postdesk team connect|status`, `postdesk sync`, `postdesk conflicts`
//! and `postdesk resolve`: thin wording over `crate::sync`.

use std::io::Write;

use super::common::write_json;
use crate::error::Result;
use crate::store::Store;
use crate::sync::{self, SyncOptions, SyncReport, Take};

#[derive(Debug, clap::Subcommand)]
pub enum TeamAction {
    /// Connect this library to a team repository (URL or a folder holding a clone).
    Connect {
        url: String,
        /// The folder inside the repository that holds the posts.
        #[arg(long, default_value = sync::DEFAULT_FOLDER)]
        folder: String,
    },
    /// Where this library is shared, what is not shared yet, the last good sync.
    Status,
}

#[derive(Debug, clap::Args)]
pub struct ConflictsArgs {
    /// Print JSON (for scripts) instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TakeArg {
    Mine,
    Theirs,
    Both,
}

#[derive(Debug, clap::Args)]
pub struct ResolveArgs {
    /// The post (its slug, or its id in the repository).
    slug: String,
    #[arg(long, value_enum)]
    take: TakeArg,
}

pub fn run_team(store: &mut Store, action: TeamAction, out: &mut dyn Write) -> Result<()> {
    match action {
        TeamAction::Connect { url, folder } => {
            let report = sync::connect(store, &url, Some(&folder))?;
            writeln!(out, "Connected to {url} (folder {folder}).")?;
            print_report(&report, out)
        }
        TeamAction::Status => {
            let s = sync::status(store)?;
            if !s.connected {
                writeln!(
                    out,
                    "Not connected to a team repository (postdesk team connect URL)."
                )?;
                return Ok(());
            }
            writeln!(
                out,
                "Repository: {} (folder {}, branch {})",
                s.remote, s.folder, s.branch
            )?;
            writeln!(out, "Not shared yet: {} post(s)", s.unshared)?;
            writeln!(out, "Conflicts: {}", s.conflicts)?;
            writeln!(
                out,
                "Last sync: {}",
                s.last_sync_at.as_deref().unwrap_or("never")
            )?;
            Ok(())
        }
    }
}

pub fn run_sync(store: &mut Store, out: &mut dyn Write) -> Result<()> {
    let report = sync::sync_now(store, &SyncOptions::default())?;
    print_report(&report, out)
}

fn print_report(r: &SyncReport, out: &mut dyn Write) -> Result<()> {
    writeln!(
        out,
        "Shared {} post file(s), received {} change(s), {} conflict(s).",
        r.pushed, r.received, r.conflicts
    )?;
    if r.skipped > 0 {
        writeln!(
            out,
            "{} post(s) changed during the sync; they are shared next time.",
            r.skipped
        )?;
    }
    for p in &r.problems {
        writeln!(out, "Skipped {}: {}", p.path, p.message)?;
    }
    if r.conflicts > 0 {
        writeln!(out, "See them with: postdesk conflicts")?;
    }
    Ok(())
}

pub fn run_conflicts(store: &mut Store, args: ConflictsArgs, out: &mut dyn Write) -> Result<()> {
    let list = sync::conflicts(store)?;
    if args.json {
        return write_json(out, &list);
    }
    if list.is_empty() {
        writeln!(out, "No conflicts.")?;
    }
    for c in list {
        let by = c
            .theirs_by
            .as_ref()
            .map(|b| format!(" (theirs by {} <{}>, {})", b.name, b.email, b.at))
            .unwrap_or_default();
        writeln!(out, "{} \"{}\"{by}", c.slug, c.title)?;
        for i in &c.items {
            let what = if i.field == "body" {
                format!("body, block {}", i.block + 1)
            } else {
                i.field.clone()
            };
            writeln!(
                out,
                "  {what}:\n    mine:   {}\n    theirs: {}",
                one_line(&i.mine),
                one_line(&i.theirs)
            )?;
        }
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 100 {
        format!("{}…", flat.chars().take(100).collect::<String>())
    } else {
        flat
    }
}

pub fn run_resolve(store: &mut Store, args: ResolveArgs, out: &mut dyn Write) -> Result<()> {
    let take = match args.take {
        TakeArg::Mine => Take::Mine,
        TakeArg::Theirs => Take::Theirs,
        TakeArg::Both => Take::Both,
    };
    match sync::resolve(store, &args.slug, take)? {
        None => writeln!(
            out,
            "Resolved {}; it is shared at the next sync.",
            args.slug
        )?,
        Some(left) => writeln!(
            out,
            "{} still has {} item(s) in conflict (it changed meanwhile); run resolve again.",
            args.slug,
            left.items.iter().filter(|i| i.choice.is_none()).count()
        )?,
    }
    Ok(())
}

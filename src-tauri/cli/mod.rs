//! The command line: the same binary as the app. With a subcommand it works
//! headless on the library and never opens a window.
//!
//! This file holds only the top-level command enum, the `--db` resolution and
//! the dispatch. Each command group has a file with its `Args` and its `run`:
//! `posts` (new, list, show, render, edit), `search`, `trash` (trash, restore,
//! empty-trash), `revisions`, `import`, `config`, `export` (dispatching to
//! `export_site` and `export_email`), `backup` (backup, backups,
//! restore-backup); `common` has what they share.

mod backup;
mod common;
mod config;
mod export;
mod export_email;
mod export_site;
mod import;
mod posts;
mod publish;
mod revisions;
mod search;
mod team;
mod trash;
mod wordpress;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::Result;
use crate::library_location;

pub use config::ConfigAction;
pub use export::ExportCommand;

#[derive(Debug, Parser)]
#[command(
    name = "postdesk",
    version,
    about = "Write, find and revise posts offline; preview and export them.",
    long_about = "Postdesk with no command opens the desktop app. With a command it works on the library \
                  from the terminal and never opens a window."
)]
pub struct Cli {
    /// The library file (default: the Postdesk folder in your data folder; also POSTDESK_DB).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a post and print its slug.
    New(posts::NewArgs),
    /// List posts, most recently updated first.
    List(posts::ListArgs),
    /// Show one post.
    Show(posts::ShowArgs),
    /// Full-text search (accents ignored; "quoted phrases", prefix*).
    Search(search::SearchArgs),
    /// Print the preview HTML of a post.
    Render(posts::RenderArgs),
    /// Change a post (this is an explicit save: it cuts a revision).
    Edit(posts::EditArgs),
    /// Move a post to the trash (kept 30 days).
    Trash(trash::PostArgs),
    /// Bring a post back from the trash.
    Restore(trash::PostArgs),
    /// Delete everything in the trash now.
    EmptyTrash,
    /// List a post's revisions, or restore one.
    Revisions(revisions::RevisionsArgs),
    /// Import Markdown files with Hugo or Jekyll front matter (files or folders), or a WordPress export file (WXR).
    Import(import::ImportArgs),
    /// Export posts for the site or the newsletter.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Read and change the library's settings.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Publish posts: `publish site` commits them to the site's repository and pushes; `publish wordpress` sends one through the site's REST API.
    Publish {
        #[command(subcommand)]
        what: publish::PublishCommand,
    },
    /// Snapshot the library into its backups folder (or to --out FILE).
    Backup(backup::BackupArgs),
    /// List the library's backups: id, time, reason, size.
    Backups(backup::ListArgs),
    /// Restore a backup; the library as it is now is kept aside, never deleted.
    RestoreBackup(backup::RestoreArgs),
    /// Share this library with a team through a git repository.
    Team {
        #[command(subcommand)]
        action: team::TeamAction,
    },
    /// Share local changes and bring in teammates' (fetch, merge, push).
    Sync,
    /// List posts whose local and shared versions clash.
    Conflicts(team::ConflictsArgs),
    /// Settle a post's conflict: keep mine, take theirs, or keep both.
    Resolve(team::ResolveArgs),
    /// The WordPress connection: `login` stores the application password.
    Wordpress {
        #[command(subcommand)]
        action: wordpress::WordpressAction,
    },
}

/// Run a subcommand on the library `--db` (else `POSTDESK_DB`, else the
/// default library) names, writing results to `out`.
/// A damaged library (met on opening or later) is reported with the backup
/// to restore and the command that restores it.
pub fn run(db: Option<PathBuf>, command: Command, out: &mut dyn Write) -> Result<()> {
    let location = library_location::resolve(db)?;
    let library = location.path().to_path_buf();
    run_on(&location, command, out)
        .map_err(|e| backup::reword_damaged(crate::store::restore::classify(e, &library)))
}

fn run_on(
    location: &library_location::LibraryLocation,
    command: Command,
    out: &mut dyn Write,
) -> Result<()> {
    // These two must work on a library that does not open.
    let command = match command {
        Command::Backups(args) => return backup::run_list(location.path(), args, out),
        Command::RestoreBackup(args) => return backup::run_restore(location.path(), args, out),
        other => other,
    };
    let mut store = library_location::open_library(location)?;
    let store = &mut store;
    match command {
        Command::New(args) => posts::run_new(store, args, out),
        Command::List(args) => posts::run_list(store, args, out),
        Command::Show(args) => posts::run_show(store, args, out),
        Command::Search(args) => search::run(store, args, out),
        Command::Render(args) => posts::run_render(store, args, out),
        Command::Edit(args) => posts::run_edit(store, args, out),
        Command::Trash(args) => trash::run_trash(store, args, out),
        Command::Restore(args) => trash::run_restore(store, args, out),
        Command::EmptyTrash => trash::run_empty(store, out),
        Command::Revisions(args) => revisions::run(store, args, out),
        Command::Import(args) => {
            store.backup_before(crate::store::BackupReason::PreImport)?;
            import::run(store, args, out)
        }
        Command::Export { what } => export::run(store, what, out),
        Command::Config { action } => config::run(store, action, out),
        Command::Backup(args) => backup::run_backup(store, args, out),
        Command::Team { action } => team::run_team(store, action, out),
        Command::Sync => team::run_sync(store, out),
        Command::Conflicts(args) => team::run_conflicts(store, args, out),
        Command::Resolve(args) => team::run_resolve(store, args, out),
        Command::Publish { what } => publish::run(store, what, out),
        Command::Wordpress { action } => wordpress::run(store, action, out),
        // Handled above, before the library is opened.
        Command::Backups(_) | Command::RestoreBackup(_) => Ok(()),
    }
}

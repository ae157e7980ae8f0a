//! `postdesk backup`, `backups` and `restore-backup`, and the command line's
//! wording of a damaged library (which names the restore command).
//! `backups` and `restore-backup` work without opening the library, so they
//! work when it is damaged.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;

use super::common::{local, write_json};
use crate::error::{Error, Result};
use crate::store::restore::restore_backup;
use crate::store::{backups, BackupReason, Store};

// The arguments of `backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Write the snapshot to this file (it must not exist) instead of the backups folder.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

// The arguments of `backups`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long)]
    json: bool,
}

// The arguments of `restore-backup`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup's id, as `postdesk backups` lists it.
    id: String,
}

pub fn run_backup(store: &Store, args: BackupArgs, out: &mut dyn Write) -> Result<()> {
    match args.out {
        Some(file) => {
            store.backup_to(&file)?;
            writeln!(out, "Wrote a backup of the library to {}.", file.display())?;
        }
        None => {
            if let Some(b) = store.backup_before(BackupReason::Manual)? {
                writeln!(
                    out,
                    "Backed up the library as {} ({}).",
                    b.id,
                    b.path.display()
                )?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    created_at: chrono::DateTime<Utc>,
    reason: &'a str,
    size: u64,
    path: &'a Path,
}

pub fn run_list(library: &Path, args: ListArgs, out: &mut dyn Write) -> Result<()> {
    let all = backups::list(library)?;
    if args.json {
        let listed: Vec<Listed> = all
            .iter()
            .map(|b| Listed {
                id: &b.id,
                created_at: b.created_at,
                reason: &b.reason,
                size: b.size,
                path: &b.path,
            })
            .collect();
        return write_json(out, &listed);
    }
    if all.is_empty() {
        writeln!(
            out,
            "No backups yet in {}.",
            backups::backups_dir(library).display()
        )?;
    }
    for b in &all {
        writeln!(
            out,
            "{}  {}  {:<16} {}",
            b.id,
            local(b.created_at),
            b.reason,
            size(b.size)
        )?;
    }
    Ok(())
}

pub fn run_restore(library: &Path, args: RestoreArgs, out: &mut dyn Write) -> Result<()> {
    let restored = restore_backup(library, &args.id, Utc::now())?;
    writeln!(
        out,
        "Restored the backup of {} ({}).",
        local(restored.backup.created_at),
        restored.backup.id
    )?;
    if let Some(aside) = &restored.kept_aside {
        writeln!(out, "The library as it was is kept as {}.", aside.display())?;
    }
    // Open it once: a restored older format is migrated now, and checked.
    Store::open(library)?;
    Ok(())
}

/// A damaged library in the command line's words: which backup to restore, and how.
pub fn reword_damaged(e: Error) -> Error {
    let Error::Damaged {
        path,
        detail,
        newest_backup,
    } = &e
    else {
        return e;
    };
    let offer = match newest_backup {
        Some(b) => format!(
            "The newest good backup is from {}: run `postdesk restore-backup {}` to restore it \
             (the damaged file is kept aside, not deleted).",
            local(b.created_at),
            b.id
        ),
        None => "No good backup of it was found (`postdesk backups` lists them).".to_string(),
    };
    Error::invalid(
        "library",
        format!(
            "The library at {} is damaged ({detail}); it was left as it is. {offer}",
            path.display()
        ),
    )
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1 << 20) as f64),
        b if b >= 1 << 10 => format!("{} KB", b >> 10),
        b => format!("{b} B"),
    }
}

//! Team libraries through git (issue #10): a library connected to a
//! repository shares its posts as files (`format`), merges teammates' work
//! post by post against a stored base (`merge`), and talks to the remote
//! through the system git (`repo` over `crate::gitcli`). The SQLite library
//! stays the offline working store; `engine` runs one sync.
//!
//! Each function here is what one app command or CLI subcommand calls.

pub mod engine;
pub mod format;
mod images;
pub mod merge;
mod placement;
pub mod remote_url;
pub mod repo;
mod resolve;
pub mod types;

use std::path::PathBuf;

pub use merge::{ConflictItem, Take};
pub use resolve::{conflicts, resolve, resolve_item, teammate_versions};
pub use types::{
    ChangedByInfo, CrashPoint, PostConflict, SyncOptions, SyncProblem, SyncReport, TeamStatus,
    TeammateVersion,
};

use crate::error::{Error, Result};
use crate::gitcli::Git;
use crate::library_settings;
use crate::model::PostSummary;
use crate::store::Store;
use repo::{Author, Repo};

/// The shared folder when none is given.
pub const DEFAULT_FOLDER: &str = "postdesk";
/// Written into the shared folder with the first commit: LF everywhere.
pub const GITATTRIBUTES: &str = "* text=auto eol=lf\n";

/// A library's connection, as stored in its `sync_meta`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    pub remote: String,
    pub folder: String,
    pub branch: String,
}

impl Team {
    /// The connection of this library, or an error saying how to connect.
    pub fn load(store: &Store) -> Result<Team> {
        match (
            store.sync_meta("remote")?,
            store.sync_meta("folder")?,
            store.sync_meta("branch")?,
        ) {
            (Some(remote), Some(folder), Some(branch)) => Ok(Team {
                remote,
                folder,
                branch,
            }),
            _ => Err(Error::invalid(
                "team",
                "This library is not connected to a team repository; connect it in Settings → Team (or postdesk team connect URL).",
            )),
        }
    }

    pub fn repo(&self, store: &Store) -> Result<Repo> {
        Repo::open(&clone_dir(store)?, &self.remote, &self.folder, &self.branch)
    }

    /// The commit author: Settings (author.name, author.email), else git's user.name/user.email.
    pub fn author(&self, store: &Store, repo: &Repo) -> Result<Author> {
        let from_git = |key: &str| {
            repo.git
                .run(&["config", "--get", key])
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let pick = |setting: &str, git_key: &str, fallback: &str| -> Result<String> {
            let v = library_settings::get(store, setting)?;
            Ok(if !v.is_empty() {
                v
            } else {
                Some(from_git(git_key))
                    .filter(|v| !v.is_empty())
                    .unwrap_or_else(|| fallback.to_string())
            })
        };
        Ok(Author {
            name: pick("author.name", "user.name", "Postdesk user")?,
            email: pick("author.email", "user.email", "postdesk@localhost")?,
        })
    }
}

/// Postdesk's own clone for this library: beside the library file, never a
/// path from the UI.
fn clone_dir(store: &Store) -> Result<PathBuf> {
    store.path().map(repo::clone_dir).ok_or_else(|| {
        Error::invalid(
            "team",
            "Only a library saved in a file can be shared with a team.",
        )
    })
}

/// Connect this library to a repository (`url`: https, ssh, user@host:path
/// or a folder) and its shared `folder`, then sync: an empty folder receives
/// this library; otherwise the team's posts are brought in (and this
/// library's own posts shared beside them).
pub fn connect(store: &mut Store, url: &str, folder: Option<&str>) -> Result<SyncReport> {
    let url = url.trim();
    let folder = repo::check_folder(folder.unwrap_or(DEFAULT_FOLDER))?;
    if let Ok(existing) = Team::load(store) {
        if existing.remote != url || existing.folder != folder {
            return Err(Error::invalid(
                "team",
                format!(
                    "This library is already shared through {} (folder {}); it cannot join another repository.",
                    existing.remote, existing.folder
                ),
            ));
        }
        return sync_now(store, &SyncOptions::default());
    }
    let dir = clone_dir(store)?;
    let probe = Repo::open(&dir, url, &folder, "main")?;
    let branch = Repo::remote_default_branch(&probe.git)?;
    store.sync_mark_all_dirty()?;
    store.set_sync_meta(&[("remote", url), ("folder", &folder), ("branch", &branch)])?;
    sync_now(store, &SyncOptions::default())
}

/// The badge: connected where, how much is not shared yet, last good sync.
pub fn status(store: &Store) -> Result<TeamStatus> {
    let Ok(team) = Team::load(store) else {
        return Ok(TeamStatus::default());
    };
    Ok(TeamStatus {
        connected: true,
        remote: team.remote,
        folder: team.folder,
        branch: team.branch,
        unshared: store.sync_dirty()?.len() as u32,
        conflicts: store.sync_conflicts()?.len() as u32,
        last_sync_at: store.sync_meta("last_sync_at")?,
        last_commit: store.sync_meta("last_commit")?,
    })
}

/// Sync now: fetch, merge, share, apply. Safe to call at any time (it never
/// holds the library while talking to the network).
pub fn sync_now(store: &mut Store, opts: &SyncOptions) -> Result<SyncReport> {
    let team = Team::load(store)?;
    engine::run(store, &team, opts)
}

/// Who last changed this post in the repository, and when.
pub fn changed_by(store: &Store, uid: &str) -> Result<Option<ChangedByInfo>> {
    Ok(store.sync_changed_by(uid)?.map(|c| ChangedByInfo {
        name: c.name,
        email: c.email,
        at: c.at,
    }))
}

/// "Waiting for my review": posts in review whose reviewer is me (the
/// team name or email in Settings, else git's).
pub fn waiting_for_my_review(store: &Store) -> Result<Vec<PostSummary>> {
    let mut me = vec![
        library_settings::get(store, "author.name")?,
        library_settings::get(store, "author.email")?,
    ];
    let git = Git::new(
        store
            .path()
            .and_then(|p| p.parent())
            .unwrap_or(std::path::Path::new(".")),
    );
    for key in ["user.name", "user.email"] {
        if let Ok(v) = git.run(&["config", "--get", key]) {
            me.push(v.trim().to_string());
        }
    }
    let me: Vec<&str> = me.iter().map(String::as_str).collect();
    store.list_waiting_for_review(&me)
}

/// True when `text` holds a git-style conflict block (a `<<<<<<<` line and
/// a later `>>>>>>>` line): such a file is never committed.
pub fn has_conflict_markers(text: &str) -> bool {
    let mut open = false;
    for line in text.lines() {
        if line.starts_with("<<<<<<<") {
            open = true;
        } else if open && line.starts_with(">>>>>>>") {
            return true;
        }
    }
    false
}

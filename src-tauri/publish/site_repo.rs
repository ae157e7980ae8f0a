//! Publishing to a static site's git repository (Hugo or Jekyll): the
//! existing incremental site export ([`crate::export::site`]) writes into a
//! local clone of the site (`publish.repo`), then exactly the files that
//! export wrote or removed are committed, with a message naming the posts,
//! and pushed to `publish.branch` (empty: the branch the clone is on; a
//! `postdesk/<slug>` branch is created from the current one for a pull
//! request). Through the system `git` command, so the user's credentials
//! work. Never a force-push, never `git add -A`, never a file Postdesk did
//! not write; refused when the export folder has uncommitted changes that
//! are not Postdesk's. A push the remote rejects (someone published
//! meanwhile) is [`Error::PublishRejected`]: the user pulls, Postdesk does
//! not merge someone else's site.

mod git;
mod message;
mod settings;

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::export::site::{plan_site, Progress, Selection, SiteFormat, SiteOptions, MANIFEST_NAME};
use crate::gitcli::GitErrorKind;
use crate::store::Store;
use git::{said, Git};
use message::{commit_message, post_titles};
pub use settings::{check_branch, check_repo, SiteRepoSettings};

/// Which posts to publish (the app's Publish button sends one of these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "ids")]
pub enum PublishScope {
    /// The whole site: every published post (and what is no longer published is removed).
    Site,
    /// These posts, by id.
    Posts(Vec<i64>),
}

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SitePublishReport {
    /// The commit pushed (full hash); `None` when nothing changed and nothing was pushed.
    pub commit: Option<String>,
    pub branch: String,
    pub remote: String,
    /// The files committed, relative to the repository.
    pub files: Vec<String>,
    /// The titles of the posts the commit is about.
    pub posts: Vec<String>,
    /// The export's own summary line.
    pub export_summary: String,
}

/// Publish: export into the clone, commit what the export wrote, push.
pub fn publish_site(
    store: &Store,
    scope: &PublishScope,
    progress: Progress<'_>,
) -> Result<SitePublishReport> {
    let settings = SiteRepoSettings::load(store)?;
    if settings.format == SiteFormat::Html {
        return Err(Error::invalid(
            "publish.format",
            "A site repository is published as hugo or jekyll.",
        ));
    }
    let git = Git::new(&settings.repo);
    let top = PathBuf::from(
        git.ok(&["rev-parse", "--show-toplevel"], "find the repository")?
            .trim(),
    );
    // The site root's place in the repository ("" when it is the top).
    let prefix = match settings.repo.strip_prefix(&top) {
        Ok(p) => p.to_string_lossy().replace('\\', "/"),
        Err(_) => String::new(),
    };
    let in_repo = |p: &str| {
        if prefix.is_empty() {
            p.to_string()
        } else {
            format!("{prefix}/{p}")
        }
    };
    let branch = switch_to_target_branch(&git, &settings.branch)?;
    let remote = remote_for(&git, &branch)?;

    let selection = match scope {
        PublishScope::Site => Selection::Published,
        PublishScope::Posts(ids) => Selection::Posts(ids.clone()),
    };
    let opts = SiteOptions {
        format: settings.format,
        out_dir: settings.repo.clone(),
        selection,
        force: false,
    };
    let plan = plan_site(store, &opts, &mut *progress)?;
    if let Some(first) = plan.conflicts().first() {
        return Err(Error::SiteRepo {
            message: format!(
                "Nothing was published: {} is already in the site repository and was not written by Postdesk (or was changed by hand since). \
                 Give the post another slug, or move that file away in the repository and commit, then publish again.",
                in_repo(&first.path)
            ),
        });
    }
    let ours = plan.postdesk_files();
    refuse_unrelated_changes(&git, &prefix, &ours, &in_repo)?;
    let report = plan.execute(false, &mut *progress)?;

    let mut paths: Vec<String> = report.written.iter().map(|p| in_repo(p)).collect();
    paths.push(in_repo(MANIFEST_NAME));
    let removed: Vec<String> = report.removed.iter().map(|p| in_repo(p)).collect();
    paths.extend(tracked(&git, &removed)?);
    let changed = changed_paths(&git, &paths)?;
    let posts = post_titles(store, scope, &report.written, &report.removed)?;
    let commit = if changed.is_empty() {
        None
    } else {
        let mut add = vec!["add", "--"];
        add.extend(changed.iter().map(String::as_str));
        git.ok(&add, "stage the exported files")?;
        let message = commit_message(&posts);
        let mut commit = vec![
            "commit",
            "--quiet",
            "--no-verify",
            "--only",
            "-m",
            &message,
            "--",
        ];
        commit.extend(changed.iter().map(String::as_str));
        git.ok(&commit, "commit the exported files")?;
        Some(
            git.ok(&["rev-parse", "HEAD"], "read the commit")?
                .trim()
                .to_string(),
        )
    };
    push(&git, &remote, &branch)?;
    Ok(SitePublishReport {
        commit,
        branch,
        remote,
        files: changed,
        posts,
        export_summary: report.summary(),
    })
}

/// The branch to commit on: `wanted`, switched to (created from the current
/// one when new), or the current branch when `wanted` is empty.
fn switch_to_target_branch(git: &Git, wanted: &str) -> Result<String> {
    let Ok(current) = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"])? else {
        return Err(Error::SiteRepo {
            message: format!(
                "The site repository {} is not on a branch (detached HEAD); check out the branch to publish to.",
                git.dir.display()
            ),
        });
    };
    let current = current.trim().to_string();
    if wanted.is_empty() || wanted == current {
        return Ok(current);
    }
    check_branch(wanted).map_err(|why| Error::SiteRepo {
        message: format!("publish.branch cannot be \"{wanted}\": {why}"),
    })?;
    let reference = format!("refs/heads/{wanted}");
    let exists = git
        .run(&["rev-parse", "--verify", "--quiet", &reference])?
        .is_ok();
    let args: Vec<&str> = if exists {
        vec!["switch", "--quiet", wanted]
    } else {
        vec!["switch", "--quiet", "--create", wanted]
    };
    git.ok(&args, &format!("switch to branch {wanted}"))?;
    Ok(wanted.to_string())
}

/// The remote `branch` pushes to: its upstream's, else `origin`.
fn remote_for(git: &Git, branch: &str) -> Result<String> {
    let key = format!("branch.{branch}.remote");
    let configured = git.run(&["config", "--get", &key])?.unwrap_or_default();
    let remote = if configured.trim().is_empty() {
        "origin".to_string()
    } else {
        configured.trim().to_string()
    };
    let remotes = git.ok(&["remote"], "list the remotes")?;
    if !remotes.lines().any(|r| r.trim() == remote) {
        return Err(Error::SiteRepo {
            message: format!(
                "The site repository {} has no remote \"{remote}\" to push to; clone the site from its server, or add the remote.",
                git.dir.display()
            ),
        });
    }
    Ok(remote)
}

/// Refuse when the export's folders hold uncommitted changes to files that
/// are not Postdesk's (`ours`: what the export writes and what its manifest
/// says Postdesk wrote).
fn refuse_unrelated_changes(
    git: &Git,
    prefix: &str,
    ours: &BTreeSet<String>,
    in_repo: &dyn Fn(&str) -> String,
) -> Result<()> {
    // The export's folders: the first two levels of every path that is Postdesk's.
    let mut folders: BTreeSet<String> = ours
        .iter()
        .map(|p| p.splitn(3, '/').take(2).collect::<Vec<_>>().join("/"))
        .collect();
    folders.insert(MANIFEST_NAME.to_string());
    let mut args = vec![
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--",
    ];
    let specs: Vec<String> = folders.iter().map(|f| in_repo(f)).collect();
    args.extend(specs.iter().map(String::as_str));
    let status = git.ok(&args, "read the status of the site")?;
    let strip = |p: &str| -> String {
        if prefix.is_empty() {
            p.to_string()
        } else {
            p.strip_prefix(&format!("{prefix}/"))
                .unwrap_or(p)
                .to_string()
        }
    };
    let mut foreign = Vec::new();
    let mut entries = status.split('\0').filter(|e| e.len() > 3);
    while let Some(entry) = entries.next() {
        let (code, path) = entry.split_at(3);
        if code.starts_with('R') || code.starts_with('C') {
            entries.next(); // the original path of a rename
        }
        let path = strip(path);
        if path != MANIFEST_NAME && !ours.contains(&path) {
            foreign.push(path);
        }
    }
    if let Some(first) = foreign.first() {
        let more = if foreign.len() > 1 {
            format!(" (and {} more)", foreign.len() - 1)
        } else {
            String::new()
        };
        return Err(Error::SiteRepo {
            message: format!(
                "Nothing was published: {first}{more} in the site repository {} has changes that are not committed and were not written by Postdesk. Commit or discard them in that folder, then publish again.",
                git.dir.display()
            ),
        });
    }
    Ok(())
}

/// Those of `paths` git tracks (a removed file only matters if it was committed).
fn tracked(git: &Git, paths: &[String]) -> Result<Vec<String>> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let mut args = vec!["ls-files", "-z", "--"];
    args.extend(paths.iter().map(String::as_str));
    Ok(git
        .ok(&args, "list the tracked files")?
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect())
}

/// Those of `paths` whose content differs from the last commit (or that are new).
fn changed_paths(git: &Git, paths: &[String]) -> Result<Vec<String>> {
    let mut args = vec![
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--",
    ];
    args.extend(paths.iter().map(String::as_str));
    let status = git.ok(&args, "read the status of the exported files")?;
    let dirty: BTreeSet<&str> = status
        .split('\0')
        .filter(|e| e.len() > 3)
        .map(|e| &e[3..])
        .collect();
    Ok(paths
        .iter()
        .filter(|p| dirty.contains(p.as_str()))
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect())
}

/// Push `branch` to `remote`, never forced. A rejection is [`Error::PublishRejected`].
fn push(git: &Git, remote: &str, branch: &str) -> Result<()> {
    let refspec = format!("refs/heads/{branch}:refs/heads/{branch}");
    let Err(e) = git.run(&["push", "--set-upstream", remote, &refspec])? else {
        return Ok(());
    };
    if e.kind == GitErrorKind::PushRejected {
        let commit = git
            .run(&["rev-parse", "--short", "HEAD"])
            .ok()
            .and_then(|o| o.ok())
            .map(|o| o.trim().to_string())
            .unwrap_or_default();
        return Err(Error::PublishRejected {
            remote: remote.to_string(),
            branch: branch.to_string(),
            commit,
        });
    }
    Err(Error::SiteRepo {
        message: format!(
            "The commit was made in {} but could not be pushed to {remote}: {}. Check the network and your access to the site's repository, then publish again.",
            git.dir.display(),
            said(&e)
        ),
    })
}

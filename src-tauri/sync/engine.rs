//! One sync round: fetch, merge each candidate post against its base,
//! commit what is ours on top of the fetched commit, push (a refusal means
//! fetch and merge again, a few times), then apply the outcome to the
//! library in one transaction.
//!
//! Crash safety rests on one invariant: a post's stored base is its content
//! in a commit that is an ancestor of the remote branch (bases and the last
//! synced commit change only after the push succeeded, in the same
//! transaction as the posts). A kill anywhere leaves the library as it was
//! or fully applied; the remote has our commit or not; and merging again is
//! idempotent (our own pushed change comes back as "both sides made the same
//! change"), so the next sync completes the work.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::format::{self, SharedPost};
use super::merge::{merge, ConflictItem, Merged};
use super::placement::{french_folder, settle_slug_collisions};
use super::repo::{Change, Repo, Touch};
use super::types::{CrashPoint, SyncOptions, SyncProblem, SyncReport};
use super::{has_conflict_markers, Team};
use crate::error::{Error, Result};
use crate::gitcli::GitErrorKind;
use crate::model::Lang;
use crate::store::sync_state::{
    BaseRow, ChangedBy, ConflictRow, ConflictWrite, LocalWrite, SyncItem,
};
use crate::store::Store;

/// One post under consideration.
pub(super) struct Candidate {
    pub(super) uid: String,
    seen_edits: Option<i64>,
    base: Option<BaseRow>,
    base_post: Option<SharedPost>,
    mine: Option<SharedPost>,
    theirs_path: Option<String>,
    theirs_text: Option<String>,
    theirs: Option<SharedPost>,
    choices: Vec<ConflictItem>,
}

fn crash(opts: &SyncOptions, at: CrashPoint) -> Result<()> {
    if opts.crash_at == Some(at) {
        return Err(Error::invalid(
            "sync",
            format!("stopped at {at:?} (fault injection)"),
        ));
    }
    if std::env::var("POSTDESK_SYNC_KILL_AT").ok().as_deref() == Some(at.as_str()) {
        // A real kill -9 of this process, for the crash tests.
        #[cfg(unix)]
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
        std::process::abort();
    }
    Ok(())
}

pub fn run(store: &mut Store, team: &Team, opts: &SyncOptions) -> Result<SyncReport> {
    let repo = team.repo(store)?;
    let attempts = opts.max_attempts.max(1);
    for attempt in 1..=attempts {
        match round(store, team, &repo, opts, attempt == 1) {
            Err(Error::Git(g)) if g.kind == GitErrorKind::PushRejected && attempt < attempts => {
                tracing::info!(
                    attempt,
                    "push refused, a teammate shared first: merging again"
                );
            }
            other => return other,
        }
    }
    unreachable!("the loop returns on its last attempt")
}

fn round(
    store: &mut Store,
    team: &Team,
    repo: &Repo,
    opts: &SyncOptions,
    first: bool,
) -> Result<SyncReport> {
    let remote = repo.fetch()?;
    crash(opts, CrashPoint::AfterFetch)?;
    let last = store.sync_meta("last_commit")?;
    let dirty: BTreeMap<String, i64> = store.sync_dirty()?.into_iter().collect();
    let conflicted = store.sync_conflicts()?;
    let mut report = SyncReport::default();
    // Incoming: post files the remote changed since our last sync (all of them the first time).
    let incoming: HashMap<String, Option<String>> = match (&remote, &last) {
        (Some(r), Some(l)) if r == l => HashMap::new(),
        (Some(r), Some(l)) => repo.changed(l, r)?.into_iter().collect(),
        (Some(r), None) => repo
            .all_posts(r)?
            .into_iter()
            .map(|(p, o)| (p, Some(o)))
            .collect(),
        (None, _) => HashMap::new(),
    };
    let mut uids: BTreeSet<String> = dirty.keys().cloned().collect();
    uids.extend(conflicted.iter().map(|c| c.uid.clone()));
    // Incoming paths → uids: the folder names the post for index.md; a moved or
    // French file names its uid in front matter (read below), and deleted paths
    // are found through the bases.
    let mut theirs_blob: HashMap<String, (String, String)> = HashMap::new(); // uid → (path, oid)
    let mut to_read: Vec<(String, String)> = Vec::new(); // (path, oid)
    for (path, oid) in &incoming {
        if !format::is_post_path(path) {
            continue;
        }
        uids.extend(store.sync_uids_at_path(path)?);
        if let Some(oid) = oid {
            to_read.push((path.clone(), oid.clone()));
        }
    }
    if uids.is_empty() && to_read.is_empty() && remote == last {
        store.set_sync_meta(&[("last_sync_at", &chrono::Utc::now().to_rfc3339())])?;
        return Ok(report);
    }
    // Candidates that did not come with an incoming file: look for theirs where it should be.
    if let Some(r) = &remote {
        let mut wanted: BTreeSet<String> = BTreeSet::new();
        for uid in &uids {
            if let Some(b) = store.sync_base(uid)? {
                wanted.insert(b.path);
            }
            for name in ["index.md", "index.fr.md"] {
                wanted.insert(format!("posts/{uid}/{name}"));
            }
            if let Some(local) = store.sync_local(uid)? {
                if let Some(t) = local.twin_uid {
                    wanted.insert(format!("posts/{t}/index.fr.md"));
                }
            }
        }
        wanted.retain(|p| !incoming.contains_key(p));
        let wanted: Vec<String> = wanted.into_iter().collect();
        for (path, oid) in repo.blobs_at(r, &wanted)? {
            to_read.push((path, oid));
        }
    }
    let oids: Vec<String> = to_read.iter().map(|(_, o)| o.clone()).collect();
    let blobs = repo.git.read_blobs(&oids)?;
    let mut texts: HashMap<String, String> = HashMap::new(); // uid → text
    for ((path, oid), blob) in to_read.iter().zip(blobs) {
        let Some(bytes) = blob else { continue };
        match format::parse(path, &bytes) {
            Ok(p) => {
                let in_own_folder = path.starts_with(&format!("posts/{}/", p.uid));
                let expected_name = matches!(
                    (p.lang, path.ends_with("/index.fr.md")),
                    (Lang::En, false) | (Lang::Fr, true)
                );
                if !expected_name || (!in_own_folder && p.lang == Lang::En) {
                    report.problems.push(SyncProblem {
                        path: repo.full(path),
                        message: "the file is not where its id and language say it belongs".into(),
                    });
                    continue;
                }
                if let Some((other, _)) = theirs_blob.get(&p.uid) {
                    if other != path {
                        report.problems.push(SyncProblem {
                            path: repo.full(path),
                            message: format!("another file ({other}) holds the same post id"),
                        });
                        continue;
                    }
                }
                uids.insert(p.uid.clone());
                theirs_blob.insert(p.uid.clone(), (path.clone(), oid.clone()));
                texts.insert(p.uid.clone(), String::from_utf8_lossy(&bytes).into_owned());
            }
            Err(e) => report.problems.push(SyncProblem {
                path: repo.full(path),
                message: e.to_string(),
            }),
        }
    }
    let problem_paths: BTreeSet<String> = report.problems.iter().map(|p| p.path.clone()).collect();
    // Gather each candidate's three versions.
    let mut cands: Vec<Candidate> = Vec::new();
    for uid in &uids {
        let base = store.sync_base(uid)?;
        if base
            .as_ref()
            .is_some_and(|b| problem_paths.contains(&repo.full(&b.path)))
        {
            continue; // a damaged shared file: leave this post alone, say so
        }
        let base_post = match base
            .as_ref()
            .and_then(|b| b.text.as_ref().map(|t| (&b.path, t)))
        {
            Some((p, t)) => format::parse(p, t.as_bytes()).ok(),
            None => None,
        };
        let local = store.sync_local(uid)?;
        let mine = local
            .as_ref()
            .and_then(|l| SharedPost::from_local(&l.post, l.twin_uid.clone()));
        let (theirs_path, theirs_text) = match theirs_blob.get(uid) {
            Some((p, _)) => (Some(p.clone()), texts.get(uid).cloned()),
            None => (None, None),
        };
        let theirs = theirs_text
            .as_ref()
            .zip(theirs_path.as_ref())
            .and_then(|(t, p)| format::parse(p, t.as_bytes()).ok());
        let choices = conflicted
            .iter()
            .find(|c| &c.uid == uid)
            .and_then(|c| serde_json::from_str::<Vec<ConflictItem>>(&c.items).ok())
            .unwrap_or_default();
        cands.push(Candidate {
            uid: uid.clone(),
            seen_edits: dirty.get(uid).copied(),
            base,
            base_post,
            mine,
            theirs_path,
            theirs_text,
            theirs,
            choices,
        });
    }
    // Merge.
    let mut outcomes: Vec<Merged> = cands
        .iter()
        .map(|c| {
            merge(
                c.base_post.as_ref(),
                c.mine.as_ref(),
                c.theirs.as_ref(),
                &c.choices,
            )
        })
        .collect();
    settle_slug_collisions(store, &cands, &mut outcomes)?;
    // The files of the new commit.
    let results: HashMap<&str, &SharedPost> = cands
        .iter()
        .zip(&outcomes)
        .filter_map(|(c, o)| match o {
            Merged::Clean(Some(p)) => Some((c.uid.as_str(), p)),
            _ => None,
        })
        .collect();
    let mut changes: Vec<Change> = Vec::new();
    let mut new_files: HashMap<&str, (String, String)> = HashMap::new(); // uid → (path, text)
    for (c, o) in cands.iter().zip(&outcomes) {
        match o {
            Merged::Clean(Some(p)) => {
                let path = format::rel_path(p, french_folder(store, p, &results)?.as_deref());
                let text = format::render(p)?;
                if has_conflict_markers(&text) {
                    report.problems.push(SyncProblem {
                        path: repo.full(&path),
                        message: "the post holds lines that look like conflict markers; remove them to share it".into(),
                    });
                    continue;
                }
                if c.theirs_path.as_deref() != Some(path.as_str())
                    || c.theirs_text.as_deref() != Some(text.as_str())
                {
                    if let Some(old) = c.theirs_path.as_ref().filter(|o| **o != path) {
                        changes.push((old.clone(), None));
                    }
                    changes.push((path.clone(), Some(text.clone().into_bytes())));
                }
                new_files.insert(&c.uid, (path, text));
            }
            Merged::Clean(None) => {
                if let Some(old) = &c.theirs_path {
                    changes.push((old.clone(), None));
                }
            }
            Merged::Conflict { .. } => {}
        }
    }
    // Images the posts we share reference, beside them.
    let sent: Vec<(&SharedPost, &str)> = cands
        .iter()
        .zip(&outcomes)
        .filter_map(|(c, o)| match (o, new_files.get(c.uid.as_str())) {
            (Merged::Clean(Some(p)), Some((path, text)))
                if c.theirs_text.as_deref() != Some(text.as_str()) =>
            {
                Some((p, path.as_str()))
            }
            _ => None,
        })
        .collect();
    if !sent.is_empty() {
        changes.extend(super::images::outgoing(
            store,
            repo,
            remote.as_deref(),
            &sent,
        )?);
    }
    // A path both deleted (a move away) and written (a move in) is written.
    let written: BTreeSet<String> = changes
        .iter()
        .filter(|(_, d)| d.is_some())
        .map(|(p, _)| p.clone())
        .collect();
    changes.retain(|(p, d)| d.is_some() || !written.contains(p));
    let mut commit = remote.clone();
    if !changes.is_empty() {
        if remote.is_none() || !repo.has(remote.as_deref().unwrap_or_default(), ".gitattributes")? {
            changes.push((
                ".gitattributes".into(),
                Some(super::GITATTRIBUTES.as_bytes().to_vec()),
            ));
        }
        let author = team.author(store, repo)?;
        let n = changes
            .iter()
            .filter(|(p, _)| format::is_post_path(p))
            .count();
        let message = format!("Postdesk: {n} post file(s) from {}", author.name);
        let c = repo.commit(remote.as_deref(), &changes, &author, &message)?;
        crash(opts, CrashPoint::AfterCommit)?;
        if let Some(hook) = opts.before_first_push.as_ref().filter(|_| first) {
            hook();
        }
        repo.push(&c)?;
        crash(opts, CrashPoint::AfterPush)?;
        report.pushed = n as u32;
        commit = Some(c);
    }
    // Who changed what: the newest commit touching each file, up to the commit we end on.
    let touches: HashMap<String, Touch> = match (&commit, &last) {
        (Some(c), Some(l)) if c != l => repo.last_touches(&format!("{l}..{c}"))?,
        (Some(c), None) => repo.last_touches(c)?,
        _ => HashMap::new(),
    };
    let now = chrono::Utc::now().to_rfc3339();
    let mut items = Vec::new();
    for (c, o) in cands.iter().zip(outcomes) {
        let mut item = SyncItem {
            uid: c.uid.clone(),
            seen_edits: c.seen_edits,
            write: LocalWrite::Keep,
            base: None,
            conflict: ConflictWrite::Clear,
            changed_by: None,
            keep_dirty: false,
        };
        match o {
            Merged::Clean(Some(p)) => {
                let Some((path, text)) = new_files.get(c.uid.as_str()) else {
                    continue;
                };
                if c.mine.as_ref() != Some(&p) {
                    report.received += 1;
                    let twin_uid = p.translation.clone();
                    item.write = LocalWrite::Put {
                        post: Box::new(p.to_post()),
                        twin_uid,
                    };
                }
                item.base = Some(BaseRow {
                    path: path.clone(),
                    text: Some(text.clone()),
                });
                item.changed_by = touches.get(path).map(|t| ChangedBy {
                    name: t.name.clone(),
                    email: t.email.clone(),
                    at: t.at.clone(),
                });
            }
            Merged::Clean(None) => {
                if c.mine.is_some() {
                    report.received += 1;
                    item.write = LocalWrite::Trash;
                }
                let path = c
                    .base
                    .as_ref()
                    .map(|b| b.path.clone())
                    .or(c.theirs_path.clone());
                item.base = path.map(|path| BaseRow { path, text: None });
            }
            Merged::Conflict {
                items: conflict_items,
                ..
            } => {
                report.conflicts += 1;
                item.conflict = ConflictWrite::Set(ConflictRow {
                    uid: c.uid.clone(),
                    theirs_path: c.theirs_path.clone().unwrap_or_default(),
                    theirs: c.theirs_text.clone(),
                    items: serde_json::to_string(&conflict_items).unwrap_or_else(|_| "[]".into()),
                    found_at: now.clone(),
                });
            }
        }
        items.push(item);
    }
    // Images teammates' posts bring (content-addressed, so fetching them twice is harmless).
    if let Some(c) = &commit {
        let received: Vec<(&crate::model::Post, &str)> = items
            .iter()
            .filter_map(|i| match (&i.write, new_files.get(i.uid.as_str())) {
                (LocalWrite::Put { post, .. }, Some((path, _))) => Some((&**post, path.as_str())),
                _ => None,
            })
            .collect();
        super::images::incoming(store, repo, c, &received, &mut report.problems)?;
    }
    crash(opts, CrashPoint::BeforeApply)?;
    let mut meta: Vec<(&str, &str)> = vec![("last_sync_at", &now)];
    if let Some(c) = &commit {
        meta.push(("last_commit", c));
    }
    report.skipped = store.apply_sync(&items, &meta)?.len() as u32;
    report.commit = commit;
    Ok(report)
}

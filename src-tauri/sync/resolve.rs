//! Conflicts: list them for the side-by-side view, settle them (all at once
//! or item by item: take mine, theirs, or both), and teammates' versions of
//! a post for History.
//!
//! Settling writes the chosen post locally (a "sync" revision of the local
//! words first), makes the shared version it clashed with the new base, and
//! leaves the post marked as changed so the next sync shares it.

use super::format::{self, SharedPost};
use super::merge::{merge, ConflictItem, Merged, Take};
use super::types::{ChangedByInfo, PostConflict, TeammateVersion};
use super::Team;
use crate::error::{Error, Result};
use crate::store::sync_state::{BaseRow, ConflictRow, ConflictWrite, LocalWrite, SyncItem};
use crate::store::Store;

/// Every post in conflict, oldest first.
pub fn conflicts(store: &Store) -> Result<Vec<PostConflict>> {
    store
        .sync_conflicts()?
        .into_iter()
        .map(|row| describe(store, row))
        .collect()
}

fn describe(store: &Store, row: ConflictRow) -> Result<PostConflict> {
    let local = store.sync_local(&row.uid)?;
    let items: Vec<ConflictItem> = serde_json::from_str(&row.items).unwrap_or_default();
    let theirs_by = super::changed_by(store, &row.uid)?.map(|c| ChangedByInfo {
        name: c.name,
        email: c.email,
        at: c.at,
    });
    Ok(PostConflict {
        post_id: local.as_ref().map(|l| l.post.id),
        slug: local
            .as_ref()
            .map(|l| l.post.slug.clone())
            .unwrap_or_default(),
        title: local
            .as_ref()
            .map(|l| l.post.title.clone())
            .unwrap_or_default(),
        uid: row.uid,
        items,
        theirs_by,
        found_at: row.found_at,
    })
}

/// The conflict of the post with this uid or slug.
fn find(store: &Store, key: &str) -> Result<ConflictRow> {
    if let Some(row) = store.sync_conflict(key)? {
        return Ok(row);
    }
    let post = store.find_post(key, None)?;
    store.sync_conflict(&post.uid)?.ok_or_else(|| {
        Error::invalid(
            "conflict",
            format!("\"{}\" has no conflict to resolve.", post.title),
        )
    })
}

/// Settle every item of a post's conflict the same way. Returns what is left
/// (nothing once settled).
pub fn resolve(store: &mut Store, uid_or_slug: &str, take: Take) -> Result<Option<PostConflict>> {
    let row = find(store, uid_or_slug)?;
    let mut items: Vec<ConflictItem> = serde_json::from_str(&row.items).unwrap_or_default();
    for i in &mut items {
        i.choice = Some(take);
    }
    settle(store, row, items)
}

/// Settle one item (a field, or one body block) of a post's conflict; the
/// post is written once every item has a choice. Returns what is left.
pub fn resolve_item(
    store: &mut Store,
    uid: &str,
    field: &str,
    block: u32,
    take: Take,
) -> Result<Option<PostConflict>> {
    let row = find(store, uid)?;
    let mut items: Vec<ConflictItem> = serde_json::from_str(&row.items).unwrap_or_default();
    let item = items
        .iter_mut()
        .find(|i| i.field == field && i.block == block)
        .ok_or_else(|| {
            Error::invalid(
                "conflict",
                "That part of the post is not in conflict any more; reload the conflict view.",
            )
        })?;
    item.choice = Some(take);
    if items.iter().any(|i| i.choice.is_none()) {
        let json = serde_json::to_string(&items).unwrap_or_else(|_| "[]".into());
        store.set_sync_conflict_items(&row.uid, &json)?;
        return describe(store, ConflictRow { items: json, ..row }).map(Some);
    }
    settle(store, row, items)
}

fn settle(
    store: &mut Store,
    row: ConflictRow,
    items: Vec<ConflictItem>,
) -> Result<Option<PostConflict>> {
    let base = store.sync_base(&row.uid)?;
    let base_post = base
        .as_ref()
        .and_then(|b| b.text.as_ref().map(|t| (b.path.as_str(), t)))
        .and_then(|(p, t)| format::parse(p, t.as_bytes()).ok());
    let local = store.sync_local(&row.uid)?;
    let mine = local
        .as_ref()
        .and_then(|l| SharedPost::from_local(&l.post, l.twin_uid.clone()));
    let theirs = row
        .theirs
        .as_ref()
        .and_then(|t| format::parse(&row.theirs_path, t.as_bytes()).ok());
    // Choices apply only to the texts the person saw; anything new is asked again.
    let outcome = merge(base_post.as_ref(), mine.as_ref(), theirs.as_ref(), &items);
    let seen_edits = store
        .sync_dirty()?
        .into_iter()
        .find(|(u, _)| *u == row.uid)
        .map(|(_, n)| n);
    let write = match outcome {
        Merged::Conflict { items: left, .. } => {
            let json = serde_json::to_string(&left).unwrap_or_else(|_| "[]".into());
            store.set_sync_conflict_items(&row.uid, &json)?;
            return describe(store, ConflictRow { items: json, ..row }).map(Some);
        }
        Merged::Clean(Some(p)) if mine.as_ref() != Some(&p) => LocalWrite::Put {
            twin_uid: p.translation.clone(),
            post: Box::new(p.to_post()),
        },
        Merged::Clean(_) => LocalWrite::Keep,
    };
    let item = SyncItem {
        uid: row.uid.clone(),
        seen_edits,
        write,
        base: Some(BaseRow {
            path: row.theirs_path.clone(),
            text: row.theirs.clone(),
        }),
        conflict: ConflictWrite::Clear,
        changed_by: None,
        keep_dirty: true,
    };
    // Images the chosen words use and this library lacks come from the last fetch.
    if let LocalWrite::Put { post, .. } = &item.write {
        let team = Team::load(store)?;
        let repo = team.repo(store)?;
        if let Some(head) = repo.tracking_head() {
            let mut problems = Vec::new();
            let at = [(&**post, row.theirs_path.as_str())];
            super::images::incoming(store, &repo, &head, &at, &mut problems)?;
        }
    }
    let skipped = store.apply_sync(&[item], &[])?;
    if !skipped.is_empty() {
        return Err(Error::Busy);
    }
    Ok(None)
}

/// Teammates' versions of a post (newest first, at most `limit`), for History.
pub fn teammate_versions(store: &Store, uid: &str, limit: usize) -> Result<Vec<TeammateVersion>> {
    let team = Team::load(store)?;
    let repo = team.repo(store)?;
    let Some(base) = store.sync_base(uid)? else {
        return Ok(Vec::new());
    };
    Ok(repo
        .versions(&base.path, limit)?
        .into_iter()
        .filter_map(|(t, text)| {
            let p = format::parse(&base.path, text?.as_bytes()).ok()?;
            Some(TeammateVersion {
                commit: t.commit,
                name: t.name,
                email: t.email,
                at: t.at,
                title: p.title,
                body: p.body,
            })
        })
        .collect())
}

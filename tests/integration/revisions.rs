//! Revisions are cut on explicit saves, status changes and at most every five
//! minutes of autosave; restoring keeps the current words as a revision first.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use postdesk::model::{PostPatch, RevisionReason, Status};
use postdesk::store::{EditKind, Store};

use crate::common::{post, Library};
use crate::support::manual_clock;

fn clock(store: &mut Store) -> Arc<Mutex<DateTime<Utc>>> {
    manual_clock(store, Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap())
}

fn body(store: &mut Store, id: i64, text: &str, kind: EditKind) {
    store
        .update_post(
            id,
            PostPatch {
                body: Some(text.into()),
                ..PostPatch::default()
            },
            kind,
        )
        .unwrap();
}

#[test]
fn autosave_cuts_at_most_one_revision_every_five_minutes() {
    let lib = Library::new();
    let mut store = lib.open();
    let now = clock(&mut store);
    let p = post(&mut store, "Draft", "v0");
    assert_eq!(
        store.revisions(p.id).unwrap().len(),
        1,
        "creation is a revision"
    );
    for (i, minute) in [1, 2, 3, 4].into_iter().enumerate() {
        *now.lock().unwrap() += Duration::minutes(minute - i as i64);
        body(&mut store, p.id, &format!("v{minute}"), EditKind::Autosave);
    }
    assert_eq!(
        store.revisions(p.id).unwrap().len(),
        1,
        "no revision within 5 minutes"
    );
    *now.lock().unwrap() += Duration::minutes(2);
    body(&mut store, p.id, "v6", EditKind::Autosave);
    let revs = store.revisions(p.id).unwrap();
    assert_eq!(revs.len(), 2);
    assert_eq!(revs[0].body, "v6");
    assert_eq!(revs[0].reason, RevisionReason::Auto);
}

#[test]
fn explicit_saves_and_status_changes_cut_revisions() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(&mut store, "Draft", "v0");
    body(&mut store, p.id, "v1", EditKind::Save);
    body(&mut store, p.id, "v1", EditKind::Save); // nothing changed: no duplicate
    store
        .update_post(
            p.id,
            PostPatch {
                status: Some(Status::Published),
                ..PostPatch::default()
            },
            EditKind::Autosave,
        )
        .unwrap();
    assert!(
        store.save_revision(p.id).unwrap().is_none(),
        "unchanged: no revision"
    );
    let reasons: Vec<_> = store
        .revisions(p.id)
        .unwrap()
        .iter()
        .map(|r| r.reason)
        .collect();
    assert_eq!(
        reasons,
        vec![
            RevisionReason::Status,
            RevisionReason::Save,
            RevisionReason::Save
        ]
    );
}

#[test]
fn restoring_brings_back_the_words_and_keeps_the_current_ones() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(&mut store, "Original title", "original body");
    let first = store.revisions(p.id).unwrap()[0].id;
    store
        .update_post(
            p.id,
            PostPatch {
                title: Some("New title".into()),
                body: Some("rewritten body".into()),
                ..PostPatch::default()
            },
            EditKind::Autosave,
        )
        .unwrap();
    let restored = store.restore_revision(p.id, first).unwrap();
    assert_eq!(restored.title, "Original title");
    assert_eq!(restored.body, "original body");
    let revs = store.revisions(p.id).unwrap();
    assert_eq!(revs[0].reason, RevisionReason::Restore);
    assert_eq!(
        revs[0].body, "rewritten body",
        "the words before the restore are kept"
    );
    // Search follows the restored words.
    assert_eq!(store.search("original", 5).unwrap().len(), 1);
    assert!(store.search("rewritten", 5).unwrap().is_empty());
    // A revision of another post, or one that does not exist, is refused.
    let other = post(&mut store, "Other", "x");
    let before = store.get_post(other.id).unwrap();
    assert!(store.restore_revision(other.id, first).is_err());
    assert!(store.restore_revision(other.id, 99_999).is_err());
    assert_eq!(store.get_post(other.id).unwrap(), before);
}

#[test]
fn the_history_diff_shows_the_title_and_teaser_that_changed_then_the_body() {
    use postdesk::diff::{version_diff, DiffField, DiffKind};
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(&mut store, "Rally on Friday", "Meet at noon.\n");
    let first = store.revisions(p.id).unwrap().pop().unwrap();
    store
        .update_post(
            p.id,
            PostPatch {
                title: Some("Rally on Saturday".into()),
                summary: Some("Bring a sign.".into()),
                body: Some("Meet at one.\n".into()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let now = store.get_post(p.id).unwrap();
    let diff = version_diff((&first).into(), (&now).into());
    let fields: Vec<_> = diff
        .fields
        .iter()
        .map(|f| (f.field, f.old.as_str(), f.new.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (DiffField::Title, "Rally on Friday", "Rally on Saturday"),
            (DiffField::Summary, "", "Bring a sign."),
        ]
    );
    let kinds: Vec<_> = diff
        .body
        .lines
        .iter()
        .map(|l| (l.kind, l.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (DiffKind::Removed, "Meet at noon."),
            (DiffKind::Added, "Meet at one.")
        ]
    );
    // Only what changed: the same version against itself has no fields.
    let latest = store.revisions(p.id).unwrap().remove(0);
    assert!(version_diff((&latest).into(), (&now).into())
        .fields
        .is_empty());
}

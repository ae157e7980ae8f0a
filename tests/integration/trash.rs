//! Soft delete, restore, and the purge after 30 days.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use postdesk::model::{ListFilter, Post};
use postdesk::store::Store;

use crate::common::{post, Library};
use crate::support::manual_clock;

#[test]
fn trashed_posts_leave_the_list_and_search_and_come_back() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(
        &mut store,
        "Petition delivered",
        "We delivered the petition.",
    );
    post(&mut store, "Other", "unrelated");
    store.trash_post(p.id).unwrap();
    let live = store.list_posts(&ListFilter::default()).unwrap();
    assert_eq!(live.len(), 1);
    assert!(store.search("petition", 10).unwrap().is_empty());
    let trash = store
        .list_posts(&ListFilter {
            trashed: true,
            ..ListFilter::default()
        })
        .unwrap();
    assert_eq!(trash.len(), 1);
    assert!(trash[0].deleted_at.is_some());
    assert!(store.trash_post(p.id).is_err(), "already in the trash");
    let back = store.restore_post(p.id).unwrap();
    assert!(back.deleted_at.is_none());
    assert_eq!(back.slug, p.slug);
    assert_eq!(store.search("petition", 10).unwrap().len(), 1);
    assert!(store.restore_post(p.id).is_err(), "not in the trash");
}

/// At 2026-01-01 12:00 "Old" is trashed, 20 days later "Recent"; returns
/// the clock (still at day 20) and both posts.
fn trash_old_then_recent(store: &mut Store) -> (Arc<Mutex<DateTime<Utc>>>, Post, Post) {
    let t0 = start();
    let now = manual_clock(store, t0);
    let old = post(store, "Old", "x");
    let recent = post(store, "Recent", "x");
    store.trash_post(old.id).unwrap();
    *now.lock().unwrap() = t0 + Duration::days(20);
    store.trash_post(recent.id).unwrap();
    (now, old, recent)
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap()
}

#[test]
fn the_trash_is_purged_after_thirty_days_on_open() {
    let lib = Library::new();
    let (old, recent) = {
        let mut store = lib.open();
        let (now, old, recent) = trash_old_then_recent(&mut store);
        *now.lock().unwrap() = start() + Duration::days(29);
        assert_eq!(store.purge_expired_trash().unwrap(), 0);
        (old, recent)
    };
    // Opening the library today (years later) purges both.
    let store = lib.open();
    assert!(store.get_post(old.id).is_err());
    assert!(store.get_post(recent.id).is_err());
    assert!(store.revisions(old.id).is_err());
}

#[test]
fn only_posts_older_than_thirty_days_are_purged() {
    let lib = Library::new();
    let mut store = lib.open();
    let (now, old, recent) = trash_old_then_recent(&mut store);
    *now.lock().unwrap() = start() + Duration::days(31);
    assert_eq!(store.purge_expired_trash().unwrap(), 1);
    assert!(store.get_post(old.id).is_err());
    assert!(store.get_post(recent.id).unwrap().deleted_at.is_some());
    assert_eq!(store.empty_trash().unwrap(), 1);
    assert!(store.get_post(recent.id).is_err());
}

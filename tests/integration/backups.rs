//! Backups: taken daily on open, before a migration and before bulk changes;
//! pruned to the retention policy; listed, written and restored by the CLI,
//! the library as it was kept aside.

use chrono::{Duration, TimeZone, Utc};
use postdesk::model::ListFilter;
use postdesk::store::backups::{self, KEEP_DAYS, KEEP_LATEST, KEEP_WEEKS};
use postdesk::store::migrations;
use postdesk::store::{BackupReason, Store};
use rusqlite::Connection;

use crate::common::{cli, file_bytes, ok, post, stderr, stdout, Library};
use crate::support::manual_clock;

fn titles(store: &Store) -> Vec<String> {
    let mut t: Vec<String> = store
        .list_posts(&ListFilter::default())
        .expect("list")
        .into_iter()
        .map(|p| p.title)
        .collect();
    t.sort();
    t
}

fn reasons(lib: &Library) -> Vec<String> {
    backups::list(&lib.path)
        .expect("list backups")
        .into_iter()
        .map(|b| b.reason)
        .collect()
}

#[test]
fn a_library_with_data_is_backed_up_once_a_day_on_open() {
    let lib = Library::new();
    post(&mut lib.open(), "Spring appeal", "Text.");
    assert!(
        reasons(&lib).is_empty(),
        "a brand-new library is not backed up"
    );
    drop(lib.open());
    drop(lib.open());
    assert_eq!(reasons(&lib), ["daily"], "once a day, not on every open");
    let backup = &backups::list(&lib.path).unwrap()[0];
    assert!(backup.path.starts_with(lib.dir.path().join("backups")));
    assert!(backup
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("library-"));

    let mut store = lib.open();
    let now = manual_clock(&mut store, Utc::now() + Duration::hours(23));
    assert!(store.backup_if_due().unwrap().is_none());
    *now.lock().unwrap() = Utc::now() + Duration::hours(25);
    assert!(store.backup_if_due().unwrap().is_some());
    assert_eq!(reasons(&lib), ["daily", "daily"]);
}

#[test]
fn a_library_with_data_is_backed_up_before_it_is_migrated() {
    let lib = Library::new();
    {
        let mut conn = Connection::open(&lib.path).unwrap();
        migrations::migrate_to(&mut conn, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO posts (id, title, slug, body, lang, status, created_at, updated_at)
             VALUES (1, 'Old', 'old', 'Kept.', 'en', 'draft',
                     '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z');",
        )
        .unwrap();
    }
    drop(lib.open());
    let list = backups::list(&lib.path).unwrap();
    assert_eq!(list.len(), 1, "the migration backup also counts as today's");
    assert_eq!(list[0].reason, "pre-migration");
    let old = Connection::open(&list[0].path).unwrap();
    assert_eq!(
        migrations::user_version(&old).unwrap(),
        1,
        "the file as it was"
    );
    let title: String = old
        .query_row("SELECT title FROM posts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(title, "Old");
}

#[test]
fn emptying_the_trash_backs_up_what_it_deletes_first() {
    let lib = Library::new();
    let mut store = lib.open();
    assert_eq!(store.empty_trash().unwrap(), 0);
    assert!(
        reasons(&lib).is_empty(),
        "nothing to delete, nothing to back up"
    );
    let p = post(&mut store, "Old news", "Gone soon.");
    store.trash_post(p.id).unwrap();
    assert_eq!(store.empty_trash().unwrap(), 1);
    let list = backups::list(&lib.path).unwrap();
    assert_eq!(list[0].reason, "pre-empty-trash");
    let kept = Store::open(&list[0].path).unwrap();
    assert_eq!(kept.get_post(p.id).unwrap().title, "Old news");
}

#[test]
fn an_import_is_backed_up_first() {
    let lib = Library::new();
    post(&mut lib.open(), "Before", "Text.");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ntitle: Imported\n---\nHello.\n",
    )
    .unwrap();
    ok(&lib.path, &["import", dir.path().to_str().unwrap()]);
    assert!(reasons(&lib).contains(&"pre-import".to_string()));
}

#[test]
fn retention_keeps_the_latest_seven_days_and_four_weeks() {
    let lib = Library::new();
    let mut store = lib.open();
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
    let now = manual_clock(&mut store, start);
    // Three backups a day for 60 days.
    for day in 0..60 {
        for hour in [0, 4, 8] {
            *now.lock().unwrap() = start + Duration::days(day) + Duration::hours(hour);
            store.backup_before(BackupReason::Manual).unwrap();
        }
    }
    let list = backups::list(&lib.path).unwrap();
    assert!(
        list.len() <= KEEP_LATEST + KEEP_DAYS + KEEP_WEEKS,
        "{}",
        list.len()
    );
    let newest = start + Duration::days(59) + Duration::hours(8);
    assert_eq!(list[0].created_at, newest);
    // The newest of each of the last 7 days is there.
    for d in 0..7 {
        let t = newest - Duration::days(d);
        assert!(list.iter().any(|b| b.created_at == t), "day {d} back");
    }
    let oldest = list.last().unwrap().created_at;
    assert!(
        newest - oldest >= Duration::days(21),
        "weeks kept: {oldest}"
    );
    assert!(
        newest - oldest < Duration::days(28),
        "too old kept: {oldest}"
    );
    // A foreign file in the folder is never touched.
    let foreign = lib.dir.path().join("backups/notes.txt");
    std::fs::write(&foreign, "mine").unwrap();
    store.backup_before(BackupReason::Manual).unwrap();
    assert!(foreign.exists());
}

#[test]
fn the_cli_backs_up_lists_and_restores_keeping_the_current_file_aside() {
    let lib = Library::new();
    ok(&lib.path, &["new", "--title", "Kept"]);
    let said = ok(&lib.path, &["backup"]);
    assert!(said.contains("Backed up the library"), "{said}");
    let listed: serde_json::Value =
        serde_json::from_str(&ok(&lib.path, &["backups", "--json"])).unwrap();
    let id = listed[0]["id"].as_str().unwrap().to_string();
    assert_eq!(listed[0]["reason"], "manual");
    assert!(listed[0]["size"].as_u64().unwrap() > 0);
    assert!(ok(&lib.path, &["backups"]).contains(&id));

    ok(&lib.path, &["new", "--title", "Later"]);
    let said = ok(&lib.path, &["restore-backup", &id]);
    assert!(said.contains(&id), "{said}");
    assert_eq!(titles(&lib.open()), ["Kept"]);
    let aside: Vec<_> = std::fs::read_dir(lib.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("library.before-restore-") && name.ends_with(".sqlite")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(said.contains(&aside[0].display().to_string()), "{said}");
    assert_eq!(titles(&Store::open(&aside[0]).unwrap()), ["Kept", "Later"]);

    let o = cli(
        &lib.path,
        &["restore-backup", "20200101-000000-daily"],
        None,
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("No backup"), "{}", stderr(&o));
}

#[test]
fn backup_out_writes_a_library_and_never_replaces_a_file() {
    let lib = Library::new();
    ok(&lib.path, &["new", "--title", "Copied"]);
    let out = lib.dir.path().join("copy.sqlite");
    ok(&lib.path, &["backup", "--out", out.to_str().unwrap()]);
    assert_eq!(titles(&Store::open(&out).unwrap()), ["Copied"]);

    let existing = lib.dir.path().join("notes.txt");
    std::fs::write(&existing, "my notes").unwrap();
    let o = cli(
        &lib.path,
        &["backup", "--out", existing.to_str().unwrap()],
        None,
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(file_bytes(&existing), b"my notes");
}

#[test]
fn a_damaged_backup_is_not_restored() {
    let lib = Library::new();
    ok(&lib.path, &["new", "--title", "Current"]);
    ok(&lib.path, &["backup"]);
    let b = backups::list(&lib.path).unwrap().remove(0);
    std::fs::write(&b.path, b"not a database at all, just some bytes").unwrap();
    let before = file_bytes(&lib.path);
    let o = cli(&lib.path, &["restore-backup", &b.id], None);
    assert!(!o.status.success(), "{}", stdout(&o));
    assert!(stderr(&o).contains("damaged"), "{}", stderr(&o));
    assert_eq!(file_bytes(&lib.path), before, "the library was not touched");
}

//! Schema migrations: empty → latest, older → latest with data kept, twice
//! is a no-op, newer or foreign files refused and left byte-for-byte as they were.

use postdesk::error::Error;
use postdesk::store::migrations::{self, latest};
use postdesk::store::Store;
use rusqlite::Connection;

use crate::common::{cli, file_bytes, stderr, Library};

#[test]
fn an_empty_file_is_brought_to_the_latest_version() {
    let lib = Library::new();
    std::fs::write(&lib.path, b"").unwrap();
    let store = lib.open();
    assert_eq!(store.schema_version().unwrap(), latest());
    assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
}

#[test]
fn a_version_1_library_is_upgraded_with_its_posts_kept_and_searchable() {
    let lib = Library::new();
    {
        let mut conn = Connection::open(&lib.path).unwrap();
        migrations::migrate_to(&mut conn, 1).unwrap();
        assert_eq!(migrations::user_version(&conn).unwrap(), 1);
        conn.execute_batch(
            "INSERT INTO posts (id, title, slug, body, lang, status, created_at, updated_at)
             VALUES (7, 'Budget vote', 'budget-vote', 'The **événement** is on Tuesday.', 'fr', 'ready',
                     '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z');
             INSERT INTO post_tags (post_id, tag, position) VALUES (7, 'council', 0);
             INSERT INTO revisions (post_id, title, summary, body, reason, created_at)
             VALUES (7, 'Budget vote', '', 'old words', 'save', '2025-01-01T00:00:00.000000Z');
             INSERT INTO settings (key, value) VALUES ('site.name', 'Kept Name');",
        )
        .unwrap();
    }
    let store = lib.open();
    assert_eq!(store.schema_version().unwrap(), latest());
    let post = store.get_post(7).unwrap();
    assert_eq!(post.title, "Budget vote");
    assert_eq!(post.tags, vec!["council".to_string()]);
    assert_eq!(post.body, "The **événement** is on Tuesday.");
    assert_eq!(store.revisions(7).unwrap().len(), 1);
    assert_eq!(
        postdesk::library_settings::get(&store, "site.name").unwrap(),
        "Kept Name"
    );
    // Migration 3 indexed the old posts.
    let hits = store.search("evenement", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].id, 7);
}

#[test]
fn migrating_twice_changes_nothing() {
    let lib = Library::new();
    {
        let mut store = lib.open();
        crate::common::post(&mut store, "One", "body");
    }
    let before = {
        let store = lib.open();
        (store.schema_version().unwrap(), store.all_posts().unwrap())
    };
    let mut conn = Connection::open(&lib.path).unwrap();
    migrations::migrate_to(&mut conn, latest()).unwrap();
    drop(conn);
    let store = lib.open();
    assert_eq!(
        (store.schema_version().unwrap(), store.all_posts().unwrap()),
        before
    );
}

#[test]
fn the_migration_list_counts_the_versions() {
    assert_eq!(latest(), migrations::MIGRATIONS.len() as i64);
    assert!(latest() >= 2);
}

#[test]
fn a_library_from_a_newer_postdesk_is_refused_and_left_untouched() {
    let lib = Library::new();
    {
        let mut store = lib.open();
        crate::common::post(&mut store, "Keep me", "words");
    }
    {
        let conn = Connection::open(&lib.path).unwrap();
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        // Fold the WAL into the main file so the bytes below are the whole library.
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = file_bytes(&lib.path);
    let err = Store::open(&lib.path).unwrap_err();
    assert!(
        matches!(err, Error::TooNew { found, .. } if found == latest() + 1),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer Postdesk"), "{err}");
    assert_eq!(file_bytes(&lib.path), before, "the file changed");

    // The CLI says it in one sentence and changes nothing either.
    let out = cli(&lib.path, &["list"], None);
    assert!(!out.status.success());
    let msg = stderr(&out);
    assert!(
        msg.contains("newer Postdesk") && msg.trim().lines().count() == 1,
        "{msg}"
    );
    assert_eq!(file_bytes(&lib.path), before, "the CLI changed the file");
}

#[test]
fn a_file_that_is_not_a_library_is_refused_and_left_untouched() {
    let lib = Library::new();
    std::fs::write(&lib.path, "these are my notes, not a database\n".repeat(50)).unwrap();
    let before = file_bytes(&lib.path);
    let err = Store::open(&lib.path).unwrap_err();
    assert!(matches!(err, Error::NotALibrary { .. }), "{err:?}");
    assert_eq!(file_bytes(&lib.path), before);

    let other = lib.dir.path().join("other-app.sqlite");
    {
        let conn = Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .unwrap();
    }
    let before = file_bytes(&other);
    let err = Store::open(&other).unwrap_err();
    assert!(matches!(err, Error::NotALibrary { .. }), "{err:?}");
    assert_eq!(file_bytes(&other), before);
}

#[test]
fn the_library_file_is_in_wal_mode() {
    let lib = Library::new();
    let _store = lib.open();
    let conn = Connection::open(&lib.path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

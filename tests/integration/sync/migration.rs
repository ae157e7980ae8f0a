//! Migration 4 on a version-3 library: the posts table is rebuilt (review
//! status, uid, reviewer) without losing ids, tags, revisions or search.

use postdesk::model::{PostPatch, Status};
use postdesk::store::{migrations, EditKind, Store};

#[test]
fn a_version_3_library_gets_uids_and_keeps_everything() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
        migrations::migrate_to(&mut conn, 3).expect("v3");
        for i in 1..=3 {
            conn.execute(
                "INSERT INTO posts (id, title, slug, body, lang, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'Évènement body', 'en', 'draft', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')",
                rusqlite::params![i * 10, format!("Post {i}"), format!("post-{i}")],
            )
            .expect("post");
            conn.execute(
                "INSERT INTO post_tags (post_id, tag, position) VALUES (?1, 'kept', 0)",
                [i * 10],
            )
            .expect("tag");
            conn.execute(
                "INSERT INTO revisions (post_id, title, summary, body, reason, created_at)
                 VALUES (?1, 't', '', 'b', 'save', '2026-01-01T00:00:00.000000Z')",
                [i * 10],
            )
            .expect("revision");
        }
        conn.execute_batch("DELETE FROM posts_fts; INSERT INTO posts_fts(rowid, title, summary, body) SELECT id, title, summary, body FROM posts;").expect("fts");
    }
    let mut store = Store::open(&path).expect("migrates");
    assert_eq!(store.schema_version().expect("v"), migrations::latest());
    let posts = store.all_posts().expect("posts");
    assert_eq!(posts.iter().map(|p| p.id).collect::<Vec<_>>().len(), 3);
    let mut uids: Vec<&str> = posts.iter().map(|p| p.uid.as_str()).collect();
    assert!(uids
        .iter()
        .all(|u| u.len() == 32 && postdesk::sync::format::is_uid(u)));
    uids.dedup();
    assert_eq!(uids.len(), 3);
    for p in &posts {
        assert_eq!(p.tags, ["kept"], "tags survive the rebuild");
        assert_eq!(store.revisions(p.id).expect("revisions").len(), 1);
    }
    assert_eq!(store.search("evenement", 10).expect("search").len(), 3);
    let p = store
        .update_post(
            10,
            PostPatch {
                status: Some(Status::Review),
                reviewer: Some("Ana".into()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .expect("review is a status now");
    assert_eq!((p.status, p.reviewer.as_str()), (Status::Review, "Ana"));
    assert_eq!(store.integrity_check().expect("check"), ["ok"]);
}

//! Whole syncs between laptops through a bare repository on disk.

use std::sync::Arc;

use postdesk::model::{Lang, PostPatch, Status};
use postdesk::store::{EditKind, Store};
use postdesk::sync::{self, SyncOptions, Take};

use super::{git, TeamRepo};

#[test]
fn first_connect_publishes_and_a_new_teammate_imports_the_library() {
    let team = TeamRepo::new();
    let mut ana = team.laptop("ana");
    let p = ana.new_post("Spring appeal", "Give.\n\nNow.");
    ana.store
        .update_post(
            p.id,
            PostPatch {
                tags: Some(vec!["appeal".into(), "news".into()]),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .expect("tags");
    let report = sync::connect(&mut ana.store, &team.url(), None).expect("connect");
    assert_eq!(report.pushed, 1);
    let files = git(&team.remote, &["ls-tree", "-r", "--name-only", "main"]);
    assert_eq!(
        files.lines().collect::<Vec<_>>(),
        [
            "postdesk/.gitattributes".to_string(),
            format!("postdesk/posts/{}/index.md", p.uid)
        ]
    );
    let text = git(
        &team.remote,
        &["show", &format!("main:postdesk/posts/{}/index.md", p.uid)],
    );
    assert!(text.starts_with(&format!(
        "---\nuid: {}\ntitle: Spring appeal\nslug: spring-appeal\n",
        p.uid
    )));
    assert!(!text.contains("updated"), "no volatile timestamp: {text}");

    let mut ben = team.joined("ben");
    let got = ben.by_uid(&p.uid);
    assert_eq!(
        (got.slug.as_str(), got.body.as_str()),
        ("spring-appeal", "Give.\n\nNow.")
    );
    assert_eq!(got.tags, ["appeal", "news"]);
    let by = sync::changed_by(&ben.store, &p.uid)
        .expect("who")
        .expect("known");
    assert_eq!(
        (by.name.as_str(), by.email.as_str()),
        ("ana", "ana@example.org")
    );
    assert_eq!(ben.sync().received, 0, "a second sync has nothing to do");
    assert_eq!(sync::status(&ben.store).expect("status").unshared, 0);
}

#[test]
fn edits_of_different_paragraphs_and_fields_merge_on_every_laptop() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "One.\n\nTwo.\n\nThree.").uid;
    ana.sync();
    let mut ben = team.joined("ben");
    ana.set_body(&uid, "One, by Ana.\n\nTwo.\n\nThree.");
    ben.edit(
        &uid,
        PostPatch {
            body: Some("One.\n\nTwo.\n\nThree, by Ben.".into()),
            status: Some(Status::Review),
            reviewer: Some("ana".into()),
            tags: Some(vec!["ben".into()]),
            ..PostPatch::default()
        },
    );
    ana.edit(
        &uid,
        PostPatch {
            tags: Some(vec!["ana".into()]),
            ..PostPatch::default()
        },
    );
    ana.sync();
    assert_eq!(ben.sync().conflicts, 0);
    ana.sync();
    for l in [&ana, &ben] {
        let p = l.by_uid(&uid);
        assert_eq!(
            p.body, "One, by Ana.\n\nTwo.\n\nThree, by Ben.",
            "{}",
            l.name
        );
        assert_eq!(p.status, Status::Review);
        assert_eq!(p.tags, ["ben", "ana"]);
    }
    let waiting = sync::waiting_for_my_review(&ana.store).expect("list");
    assert_eq!(
        waiting.iter().map(|p| p.id).collect::<Vec<_>>(),
        [ana.by_uid(&uid).id]
    );
    assert!(sync::waiting_for_my_review(&ben.store)
        .expect("list")
        .is_empty());
    // Ben's library keeps his words as a revision from before the sync replaced them.
    let revs = ben.store.revisions(ben.by_uid(&uid).id).expect("revisions");
    assert!(revs
        .iter()
        .any(|r| r.body == "One.\n\nTwo.\n\nThree, by Ben."));
}

#[test]
fn a_conflict_keeps_both_versions_until_resolved_and_never_commits_markers() {
    let team = TeamRepo::new();
    let (mut ana, mut ben, uid) = team.ana_shares_gala_with_ben();
    ana.set_body(&uid, "One, Ana's way.\n\nTwo.");
    ben.set_body(&uid, "One, Ben's way.\n\nTwo.");
    ana.sync();
    let before = team.head();
    let r = ben.sync();
    assert_eq!(r.conflicts, 1);
    assert_eq!(team.head(), before, "the post in conflict is not pushed");
    assert_eq!(
        ben.by_uid(&uid).body,
        "One, Ben's way.\n\nTwo.",
        "local kept"
    );
    let list = sync::conflicts(&ben.store).expect("conflicts");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].items[0].field, "body");
    assert_eq!(list[0].items[0].theirs, "One, Ana's way.");
    assert_eq!(
        list[0].theirs_by.as_ref().map(|b| b.name.as_str()),
        Some("ana")
    );
    // Another sync keeps the conflict (nothing silently resolved).
    assert_eq!(ben.sync().conflicts, 1);
    assert!(sync::resolve(&mut ben.store, "gala", Take::Both)
        .expect("resolve")
        .is_none());
    assert!(sync::conflicts(&ben.store).expect("conflicts").is_empty());
    ben.sync();
    ana.sync();
    for l in [&ana, &ben] {
        assert_eq!(
            l.by_uid(&uid).body,
            "One, Ben's way.\n\nOne, Ana's way.\n\nTwo."
        );
    }
    assert!(team
        .all_committed_texts()
        .iter()
        .all(|t| !sync::has_conflict_markers(t)));
}

#[test]
fn resolving_field_by_field_in_the_side_by_side_view() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "Body.").uid;
    ana.sync();
    let mut ben = team.joined("ben");
    let both = |t: &str, b: &str| PostPatch {
        title: Some(t.into()),
        body: Some(b.into()),
        ..PostPatch::default()
    };
    ana.edit(&uid, both("Gala by Ana", "Body by Ana."));
    ben.edit(&uid, both("Gala by Ben", "Body by Ben."));
    ana.sync();
    ben.sync();
    // A draft's slug follows its title, so the slug clashes too.
    sync::resolve_item(&mut ben.store, &uid, "slug", 0, Take::Theirs).expect("slug");
    let left = sync::resolve_item(&mut ben.store, &uid, "title", 0, Take::Theirs)
        .expect("resolve title")
        .expect("body still open");
    assert_eq!(left.items.iter().filter(|i| i.choice.is_none()).count(), 1);
    assert!(
        sync::resolve_item(&mut ben.store, &uid, "body", 0, Take::Mine)
            .expect("resolve body")
            .is_none()
    );
    ben.sync();
    ana.sync();
    for l in [&ana, &ben] {
        let p = l.by_uid(&uid);
        assert_eq!(
            (p.title.as_str(), p.body.as_str()),
            ("Gala by Ana", "Body by Ben.")
        );
    }
}

#[test]
fn an_edit_beats_a_delete_in_both_orders() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let first = ana.new_post("First", "x").uid;
    let second = ana.new_post("Second", "y").uid;
    ana.sync();
    let mut ben = team.joined("ben");
    // Delete shared first, edit second.
    let id = ana.by_uid(&first).id;
    ana.store.trash_post(id).expect("trash");
    ana.sync();
    ben.set_body(&first, "x, edited by Ben");
    ben.sync();
    ana.sync();
    assert!(
        ana.by_uid(&first).deleted_at.is_none(),
        "restored by the edit"
    );
    assert_eq!(ana.by_uid(&first).body, "x, edited by Ben");
    // Edit shared first, delete second.
    ben.set_body(&second, "y, edited by Ben");
    ben.sync();
    let id = ana.by_uid(&second).id;
    ana.store.trash_post(id).expect("trash");
    ana.sync();
    assert!(ana.by_uid(&second).deleted_at.is_none());
    assert_eq!(ana.by_uid(&second).body, "y, edited by Ben");
    // A delete nobody contests is shared.
    let id = ana.by_uid(&second).id;
    ana.store.trash_post(id).expect("trash");
    ana.sync();
    ben.sync();
    assert!(ben.by_uid(&second).deleted_at.is_some());
}

#[test]
fn two_new_posts_wanting_one_slug_settle_the_same_way_everywhere() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let mut ben = team.joined("ben");
    let a = ana.new_post("Hello", "from Ana").uid;
    let b = ben.new_post("Hello", "from Ben").uid;
    ana.sync();
    ben.sync();
    ana.sync();
    let (low, high) = if a < b { (&a, &b) } else { (&b, &a) };
    for l in [&ana, &ben] {
        assert_eq!(l.by_uid(low).slug, "hello", "{}", l.name);
        assert_eq!(l.by_uid(high).slug, "hello-2", "{}", l.name);
    }
}

#[test]
fn a_french_twin_shares_the_english_folder() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let en = ana.new_post("Gala", "Evening.");
    let fr = ana.store.create_translation(en.id).expect("translate");
    ana.sync();
    let files = git(&team.remote, &["ls-tree", "-r", "--name-only", "main"]);
    assert!(
        files.contains(&format!("postdesk/posts/{}/index.fr.md", en.uid)),
        "{files}"
    );
    let ben = team.joined("ben");
    let got = ben.by_uid(&fr.uid);
    assert_eq!(got.lang, Lang::Fr);
    assert_eq!(got.translation_of, Some(ben.by_uid(&en.uid).id));
    assert_eq!(ben.by_uid(&en.uid).translation_of, Some(got.id));
}

#[test]
fn a_push_refused_because_a_teammate_pushed_first_merges_again() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "One.\n\nTwo.").uid;
    ana.sync();
    let ben = team.joined("ben");
    let ben_path = ben.path.clone();
    drop(ben);
    ana.set_body(&uid, "One, Ana.\n\nTwo.");
    let ben_uid = uid.clone();
    let opts = SyncOptions {
        before_first_push: Some(Arc::new(move || {
            let mut b = Store::open(&ben_path).expect("ben");
            let id = b.sync_local(&ben_uid).expect("read").expect("post").post.id;
            b.update_post(
                id,
                PostPatch {
                    body: Some("One.\n\nTwo, Ben.".into()),
                    ..PostPatch::default()
                },
                EditKind::Save,
            )
            .expect("edit");
            sync::sync_now(&mut b, &SyncOptions::default()).expect("ben syncs");
        })),
        ..SyncOptions::default()
    };
    sync::sync_now(&mut ana.store, &opts).expect("sync after a refused push");
    assert_eq!(ana.by_uid(&uid).body, "One, Ana.\n\nTwo, Ben.");
    let log = git(&team.remote, &["log", "--format=%an", "main"]);
    assert_eq!(log.lines().take(2).collect::<Vec<_>>(), ["ana", "ben"]);
}

#[test]
fn an_image_travels_beside_its_post_under_its_content_hash() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "Text.").uid;
    let image = ana
        .store
        .add_asset("photo.png", crate::assets::PNG)
        .expect("image");
    ana.set_body(&uid, &format!("Text.\n\n![Gala]({})", image.reference));
    ana.sync();
    let files = git(&team.remote, &["ls-tree", "-r", "--name-only", "main"]);
    assert!(
        files.contains(&format!("postdesk/posts/{uid}/{}.png", image.hash)),
        "{files}"
    );
    let ben = team.joined("ben");
    assert_eq!(
        ben.store
            .asset_data(&image.reference)
            .expect("image arrived"),
        crate::assets::PNG
    );
}

#[test]
fn history_shows_teammates_versions_with_who_and_when() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "First.").uid;
    ana.sync();
    let mut ben = team.joined("ben");
    ben.set_body(&uid, "Second, by Ben.");
    ben.sync();
    ana.sync();
    let versions = sync::teammate_versions(&ana.store, &uid, 10).expect("history");
    let seen: Vec<(&str, &str)> = versions
        .iter()
        .map(|v| (v.name.as_str(), v.body.as_str()))
        .collect();
    assert_eq!(seen, [("ben", "Second, by Ben."), ("ana", "First.")]);
    assert!(versions
        .iter()
        .all(|v| v.commit.len() == 40 && !v.at.is_empty()));
}

#[test]
fn the_command_line_connects_syncs_lists_and_resolves_conflicts() {
    let team = TeamRepo::new();
    let run = |lib: &std::path::Path, args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_postdesk"))
            .arg("--db")
            .arg(lib)
            .args(args)
            .output()
            .expect("postdesk runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (a, b) = (
        team.dir.path().join("a.sqlite"),
        team.dir.path().join("b.sqlite"),
    );
    let body = |name: &str, text: &str| {
        let f = team.dir.path().join(name);
        std::fs::write(&f, text).expect("body file");
        f.to_string_lossy().into_owned()
    };
    run(
        &a,
        &[
            "new",
            "--title",
            "Gala",
            "--body-file",
            &body("one.md", "One."),
        ],
    );
    let url = team.url();
    assert!(run(&a, &["team", "connect", &url]).contains("Shared 1 post file(s)"));
    assert!(run(&b, &["team", "connect", &url, "--folder", "postdesk"]).contains("received 1"));
    run(
        &a,
        &["edit", "gala", "--body-file", &body("a.md", "One, by A.")],
    );
    run(
        &b,
        &["edit", "gala", "--body-file", &body("b.md", "One, by B.")],
    );
    run(&a, &["sync"]);
    assert!(run(&b, &["sync"]).contains("1 conflict(s)"));
    let json: serde_json::Value =
        serde_json::from_str(&run(&b, &["conflicts", "--json"])).expect("json");
    assert_eq!(json[0]["items"][0]["theirs"], "One, by A.");
    assert!(run(&b, &["team", "status"]).contains("Conflicts: 1"));
    assert!(run(&b, &["resolve", "gala", "--take", "theirs"]).contains("Resolved gala"));
    assert!(run(&b, &["conflicts"]).contains("No conflicts."));
}

#[test]
fn an_editor_left_on_the_copy_before_a_sync_overwrites_nothing_and_loses_no_word() {
    let team = TeamRepo::new();
    let (mut ana, mut ben, uid) = team.ana_shares_gala_with_ben();
    // Ben's editor holds the post as read now, and he types (not saved yet).
    let in_editor = ben.by_uid(&uid);
    // Ana's change reaches Ben's library while his words are still unsaved.
    ana.set_body(&uid, "One.\n\nTwo, with Ana's fix.");
    ana.sync();
    assert_eq!(ben.sync().received, 1);
    let typed = PostPatch {
        body: Some("One, with Ben's words.\n\nTwo.".into()),
        ..PostPatch::default()
    };
    let refused = ben.store.update_post_based_on(
        in_editor.id,
        typed.clone(),
        EditKind::Autosave,
        in_editor.updated_at,
    );
    assert!(
        matches!(refused, Err(postdesk::Error::PostChangedMeanwhile { ref title }) if title == "Gala"),
        "{refused:?}"
    );
    ben.assert_kept_theirs_and_mine(
        &uid,
        "One.\n\nTwo, with Ana's fix.",
        "One, with Ben's words.\n\nTwo.",
    );
    // Based on the copy the library holds now, the save goes through.
    let now = ben.by_uid(&uid);
    let saved = ben
        .store
        .update_post_based_on(now.id, typed, EditKind::Autosave, now.updated_at)
        .expect("a save based on the current copy");
    assert_eq!(saved.body, "One, with Ben's words.\n\nTwo.");
}

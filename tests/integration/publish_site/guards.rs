//! What a publish refuses to do: commit someone's uncommitted work, touch
//! unrelated files, or force a push someone else's commit rejected.

use super::*;

#[test]
fn a_dirty_export_folder_is_refused_and_unrelated_changes_are_left_alone() {
    let site = Site::new("hugo");
    let mut store = site.lib.open();
    let post = published(&mut store, "River day recap", 2);
    let before = git(&site.clone, &["rev-parse", "HEAD"]);

    // Someone's uncommitted work in the export folder: refused, nothing written.
    let theirs = site.clone.join("content/posts/draft-by-hand/index.md");
    fs::create_dir_all(theirs.parent().unwrap()).unwrap();
    fs::write(&theirs, "---\ntitle: Mine\n---\n").unwrap();
    let err = publish(&store, &PublishScope::Site).expect_err("refused");
    assert!(matches!(err, Error::SiteRepo { .. }), "{err:?}");
    assert_eq!(err.code(), "site_repo");
    assert!(
        err.to_string()
            .contains("content/posts/draft-by-hand/index.md"),
        "{err}"
    );
    assert_eq!(git(&site.clone, &["rev-parse", "HEAD"]), before);
    assert!(!site.clone.join("content/posts").join(&post.slug).exists());
    fs::remove_dir_all(theirs.parent().unwrap()).unwrap();

    // A hand edit outside the export folder, and one staged: neither committed.
    fs::write(site.clone.join("README.md"), "Work in progress.\n").unwrap();
    fs::write(site.clone.join("notes.txt"), "staged by the user\n").unwrap();
    git(&site.clone, &["add", "notes.txt"]);
    let report = publish(&store, &PublishScope::Site).expect("publish");
    assert!(report.commit.is_some());
    let files = git(&site.clone, &["show", "--name-only", "--format=", "HEAD"]);
    assert!(
        !files.contains("README.md") && !files.contains("notes.txt"),
        "{files}"
    );
    assert_eq!(
        fs::read_to_string(site.clone.join("README.md")).unwrap(),
        "Work in progress.\n"
    );
    let status = git(&site.clone, &["status", "--porcelain"]);
    assert!(
        status.contains("M README.md") && status.contains("A  notes.txt"),
        "{status}"
    );
}

#[test]
fn a_rejected_push_is_a_typed_error_and_never_forced() {
    let site = Site::new("hugo");
    let mut store = site.lib.open();
    published(&mut store, "River day recap", 2);
    publish(&store, &PublishScope::Site).expect("first publish");

    // Someone else pushes to the site meanwhile.
    let other = site.fresh_clone("other", "main");
    identify(&other);
    fs::write(other.join("README.md"), "Changed by a colleague.\n").unwrap();
    git(&other, &["commit", "--quiet", "-am", "Colleague's change"]);
    git(&other, &["push", "--quiet", "origin", "main"]);
    let theirs = site.remote_head("main");

    published(&mut store, "Volunteer thanks", 3);
    let err = publish(&store, &PublishScope::Site).expect_err("rejected");
    match &err {
        Error::PublishRejected { remote, branch, .. } => {
            assert_eq!(remote, "origin");
            assert_eq!(branch, "main");
        }
        other => panic!("expected PublishRejected, got {other:?}"),
    }
    assert_eq!(err.code(), "publish_rejected");
    assert!(err.to_string().contains("git pull"), "{err}");
    assert_eq!(
        site.remote_head("main"),
        theirs,
        "the colleague's commit was not overwritten"
    );

    // After a pull, publishing works (the local commit is pushed).
    git(
        &site.clone,
        &[
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "origin",
            "main",
        ],
    );
    let report = publish(&store, &PublishScope::Site).expect("publish after pull");
    let _ = report;
    let log = git(&site.bare, &["log", "--format=%s", "main"]);
    assert!(
        log.contains("Colleague's change") && log.contains("Volunteer thanks"),
        "{log}"
    );
}

#[test]
fn a_file_of_the_site_at_a_post_s_place_is_never_overwritten() {
    let site = Site::new("hugo");
    let mut store = site.lib.open();
    // The site already has content/posts/handwritten/index.md, not Postdesk's.
    let post = published(&mut store, "Handwritten", 2);
    assert_eq!(post.slug, "handwritten");
    let before = git(&site.clone, &["rev-parse", "HEAD"]);
    let err = publish(&store, &PublishScope::Site).expect_err("refused");
    assert_eq!(err.code(), "site_repo");
    assert!(
        err.to_string()
            .contains("content/posts/handwritten/index.md"),
        "{err}"
    );
    assert_eq!(git(&site.clone, &["rev-parse", "HEAD"]), before);
    assert_eq!(
        fs::read_to_string(site.clone.join("content/posts/handwritten/index.md")).unwrap(),
        "---\ntitle: Written by hand\nlayout: post\n---\nNot Postdesk's.\n"
    );
}

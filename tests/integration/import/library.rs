//! `import_paths` end to end: sites and broken files into a real library.

use super::*;
use crate::support::copy_dir;

fn paths(report: &ImportReport, root: &Path) -> (Vec<String>, Vec<String>) {
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/")
    };
    let mut imported: Vec<String> = report.imported.iter().map(|(p, _)| rel(p)).collect();
    let mut failed: Vec<String> = report.failed.iter().map(|f| rel(&f.path)).collect();
    imported.sort();
    failed.sort();
    (imported, failed)
}

#[test]
fn import_a_hugo_site_a_jekyll_site_and_broken_files_into_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("sites");
    copy_dir(&fixtures(), &root).expect("copy the fixtures");
    // Latin-1, not UTF-8.
    fs::write(root.join("broken/latin1.md"), b"---\ntitle: Caf\xe9\n---\n").unwrap();

    let mut store = Store::open(&dir.path().join("library.sqlite")).unwrap();
    let report = import_paths(&mut store, std::slice::from_ref(&root));

    let (imported, failed) = paths(&report, &root);
    assert_eq!(
        imported,
        [
            "hugo/content/posts/a-bundle/index.fr.md",
            "hugo/content/posts/a-bundle/index.md",
            "hugo/content/posts/draft-post.md",
            "hugo/content/posts/toml-post.md",
            "jekyll/_drafts/idea.md",
            "jekyll/_posts/2023-11-20-old-notice.md",
            "jekyll/_posts/2024-03-05-budget-vote.md",
            "jekyll/_posts/2024-03-05-council-meeting.md",
            "misc/agm-notes.md",
            "misc/crlf-bom.md",
            "misc/just-text.md",
        ],
        "{report:#?}"
    );
    assert_eq!(
        failed,
        [
            "broken/bad-date.md",
            "broken/invalid-yaml.md",
            "broken/latin1.md",
            "broken/unknown-language.md",
            "broken/unterminated.md",
        ],
        "{report:#?}"
    );
    let reason = |name: &str| {
        &report
            .failed
            .iter()
            .find(|f| f.path.ends_with(name))
            .unwrap()
            .reason
    };
    assert!(reason("bad-date.md").contains("\"next Tuesday\""));
    assert!(reason("invalid-yaml.md").contains("at line 3 column"));
    assert!(reason("latin1.md").starts_with("the file is not UTF-8 text"));
    assert!(reason("unknown-language.md").ends_with("use en or fr"));
    assert!(reason("unterminated.md").contains("closing `---` line was not found"));
    for f in &report.failed {
        assert!(
            !f.reason.contains(&*root.to_string_lossy()),
            "no path in: {}",
            f.reason
        );
    }

    // The slugs reported are the ones in the library.
    for (path, slug) in &report.imported {
        let lang = if path.to_string_lossy().ends_with(".fr.md") {
            Lang::Fr
        } else {
            Lang::En
        };
        store
            .get_post_by_slug(slug, lang)
            .unwrap_or_else(|e| panic!("{slug}: {e}"));
    }

    let en = store.get_post_by_slug("a-bundle", Lang::En).unwrap();
    assert_eq!(en.title, "Library hours are changing");
    assert_eq!(en.status, Status::Published);
    assert_eq!(en.created_at, utc(2024, 4, 2, 14, 0));
    assert_eq!(en.publish_at, Some(utc(2024, 4, 2, 14, 0)));
    assert_eq!(en.author, "Marie Tremblay");
    assert_eq!(en.featured_image, "hours.jpg");
    assert_eq!(en.extra["weight"], json!(10));
    let mut tags = en.tags.clone();
    tags.sort();
    assert_eq!(tags, ["hours", "library"]);
    // The French file of the bundle is its translation.
    let fr = store.get_post_by_slug("a-bundle", Lang::Fr).unwrap();
    assert_eq!(fr.title, "Les heures de la bibliothèque changent");
    assert_eq!(fr.translation_of, Some(en.id));
    assert_eq!(en.translation_of, Some(fr.id), "the store links both ways");

    let toml = store.get_post_by_slug("spring-cleanup", Lang::En).unwrap();
    assert_eq!(
        toml.canonical_url,
        "https://example.org/posts/spring-cleanup/"
    );
    assert_eq!(toml.extra["lastmod"], json!("2024-04-21T08:00:00Z"));

    let draft = store.get_post_by_slug("draft-post", Lang::En).unwrap();
    assert_eq!(draft.status, Status::Draft);
    assert_eq!(draft.summary, "Where to park during snow removal.");

    let vote = store.get_post_by_slug("budget-vote", Lang::En).unwrap();
    assert_eq!(vote.title, "Budget vote: what changes");
    assert_eq!(vote.created_at, utc(2024, 3, 5, 0, 0));
    assert_eq!(vote.status, Status::Published);
    assert_eq!(vote.body, "The council voted the 2024 budget.\n");

    let meeting = store.get_post_by_slug("council-meeting", Lang::En).unwrap();
    assert_eq!(meeting.created_at, utc(2024, 3, 5, 14, 30));
    assert_eq!(meeting.summary, "Three motions passed, one was tabled.");
    assert_eq!(meeting.preview_text, "What the council decided on Tuesday");

    assert_eq!(
        store
            .get_post_by_slug("old-notice", Lang::En)
            .unwrap()
            .status,
        Status::Draft
    );
    assert_eq!(
        store.get_post_by_slug("idea", Lang::En).unwrap().status,
        Status::Draft
    );
    let windows = store.get_post_by_slug("crlf-bom", Lang::En).unwrap();
    assert_eq!(windows.body, "Line one\nLine two\n");
    let agm = store.get_post_by_slug("agm-notes", Lang::En).unwrap();
    assert_eq!(agm.title, "Notes from the AGM");

    // The Hugo section page was skipped, not imported.
    assert!(store.get_post_by_slug("posts", Lang::En).is_err());
    assert!(store.get_post_by_slug("news", Lang::En).is_err());
}

#[test]
fn importing_one_file_and_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("library.sqlite")).unwrap();
    let file = fixtures().join("jekyll/_posts/2024-03-05-budget-vote.md");
    let missing = dir.path().join("nope.md");
    let report = import_paths(&mut store, &[missing.clone(), file.clone()]);
    assert_eq!(
        report.imported,
        vec![(file.clone(), "budget-vote".to_string())]
    );
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].path, missing);
    assert_eq!(report.failed[0].reason, "the file or folder does not exist");

    // Imported again, it is a second post with a slug of its own.
    let again = import_paths(&mut store, &[file]);
    assert_eq!(again.imported.len(), 1);
    assert_ne!(again.imported[0].1, "budget-vote");
    assert!(again.imported[0].1.starts_with("budget-vote"));
}

#[cfg(unix)]
#[test]
fn unreadable_files_fail_and_the_rest_import() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir(&src).unwrap();
    fs::write(src.join("a-locked.md"), "# Locked\n").unwrap();
    fs::write(src.join("b-open.md"), "# Open\n").unwrap();
    std::os::unix::fs::symlink(src.join("gone.md"), src.join("c-dangling.md")).unwrap();
    fs::set_permissions(src.join("a-locked.md"), fs::Permissions::from_mode(0o000)).unwrap();
    // As root, permissions do not stop reading and the locked file imports.
    let locked_is_unreadable = fs::read(src.join("a-locked.md")).is_err();

    let mut store = Store::open(&dir.path().join("library.sqlite")).unwrap();
    let report = import_paths(&mut store, std::slice::from_ref(&src));

    assert!(report
        .imported
        .contains(&(src.join("b-open.md"), "b-open".to_string())));
    let failure = |name: &str| report.failed.iter().find(|f| f.path == src.join(name));
    assert_eq!(
        failure("c-dangling.md").map(|f| f.reason.as_str()),
        Some("the file or folder does not exist")
    );
    if locked_is_unreadable {
        let reason = &failure("a-locked.md").expect("locked file failed").reason;
        assert!(
            reason.starts_with("the file could not be read: ")
                && reason.contains("ermission denied"),
            "{reason}"
        );
        assert_eq!((report.imported.len(), report.failed.len()), (1, 2));
    } else {
        assert_eq!((report.imported.len(), report.failed.len()), (2, 1));
    }
}

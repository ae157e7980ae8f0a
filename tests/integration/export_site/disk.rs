//! What the export does on disk: never through links, never outside the
//! folder, nothing rewritten when nothing changed, partial exports.

use super::*;

#[cfg(unix)]
#[test]
fn links_out_of_the_folder_are_never_followed() {
    let s = sample();
    let store = s.lib.open();
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let site_dir = tmp.path().join("site");
    fs::create_dir_all(site_dir.join("content")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, site_dir.join("content/posts")).unwrap();
    let opts = SiteOptions {
        format: SiteFormat::Hugo,
        out_dir: site_dir.clone(),
        selection: Selection::Published,
        force: true,
    };
    let err = site::export_site(&store, &opts, &mut no_progress()).unwrap_err();
    assert!(
        err.to_string().contains("leads out of the export folder"),
        "{err}"
    );
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);

    // A link in place of a file is refused too, even when forced.
    fs::remove_file(site_dir.join("content/posts")).unwrap();
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    let page = site_dir.join("content/posts").join(&s.rich.slug);
    fs::create_dir_all(&page).unwrap();
    std::os::unix::fs::symlink(&victim, page.join("index.md")).unwrap();
    let err = site::export_site(&store, &opts, &mut no_progress()).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn a_damaged_manifest_cannot_point_outside_the_folder() {
    let s = sample();
    let mut store = s.lib.open();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    export(&store, SiteFormat::Html, &out, Selection::Published);
    let outside = tmp.path().join("outside.txt");
    fs::write(&outside, "precious").unwrap();
    let hash = sha256(b"precious");
    let manifest = out.join(MANIFEST_NAME);
    let mut json: serde_json::Value =
        serde_json::from_slice(&fs::read(&manifest).unwrap()).unwrap();
    let entry = serde_json::json!({ "sha256": hash, "format": "html" });
    json["files"]["../outside.txt"] = entry.clone();
    json["files"]["/etc/hostname"] = entry;
    fs::write(&manifest, serde_json::to_vec(&json).unwrap()).unwrap();
    // Unpublishing a post makes the next export clean up; it must stay inside.
    store
        .update_post(
            s.linked.id,
            PostPatch {
                status: Some(Status::Draft),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let report = export(&store, SiteFormat::Html, &out, Selection::Published);
    assert_eq!(fs::read_to_string(&outside).unwrap(), "precious");
    let dangling = format!("links to /posts/{}/", s.linked.slug);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.to_string().contains(&dangling)),
        "the link to the unpublished post is reported: {:?}",
        report.warnings
    );
    assert!(
        report
            .removed
            .iter()
            .all(|r| r.starts_with(&format!("posts/{}/", s.linked.slug))),
        "{:?}",
        report.removed
    );
    assert!(
        !out.join("posts").join(&s.linked.slug).exists(),
        "the unpublished post's folder is gone"
    );
    assert!(out
        .join("posts")
        .join(&s.rich.slug)
        .join("index.html")
        .is_file());
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ---------------------------------------------------------------- incremental

#[cfg(unix)]
fn stamps(dir: &Path) -> BTreeMap<PathBuf, (std::time::SystemTime, u64)> {
    use std::os::unix::fs::MetadataExt;
    walk(dir)
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| {
            let m = fs::metadata(&p).unwrap();
            (p, (m.modified().unwrap(), m.ino()))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_second_export_rewrites_nothing_and_a_change_rewrites_one_post() {
    let s = sample();
    let mut store = s.lib.open();
    for format in [SiteFormat::Hugo, SiteFormat::Jekyll, SiteFormat::Html] {
        let out = tempfile::tempdir().unwrap();
        let first = export(&store, format, out.path(), Selection::Published);
        assert_eq!(first.posts_written, first.posts);
        let before = stamps(out.path());
        std::thread::sleep(std::time::Duration::from_millis(20));
        let again = export(&store, format, out.path(), Selection::Published);
        assert_eq!(
            (again.posts_written, again.posts_unchanged),
            (0, s.published.len()),
            "{format:?}"
        );
        assert!(again.written.is_empty(), "{format:?}: {:?}", again.written);
        assert_eq!(stamps(out.path()), before, "{format:?}: no file touched");
        assert!(
            again
                .summary()
                .starts_with("Exported 28 posts: 0 written, 28 unchanged, "),
            "{}",
            again.summary()
        );

        let body = s.linked.body.replace("More words.", "More words, edited.");
        store
            .update_post(
                s.linked.id,
                PostPatch {
                    body: Some(body),
                    ..PostPatch::default()
                },
                EditKind::Save,
            )
            .unwrap();
        let third = export(&store, format, out.path(), Selection::Published);
        assert_eq!(third.posts_written, 1, "{format:?}: {:?}", third.written);
        assert!(
            third.written.iter().all(|w| w.contains(&s.linked.slug)),
            "{format:?}: {:?}",
            third.written
        );
        let after = stamps(out.path());
        let changed: Vec<&PathBuf> = after
            .keys()
            .filter(|k| before.get(*k) != after.get(*k))
            .collect();
        assert!(changed.iter().all(|p| p.to_string_lossy().contains(&s.linked.slug) || p.ends_with(MANIFEST_NAME)), "{changed:?}");
        store
            .update_post(
                s.linked.id,
                PostPatch {
                    body: Some(s.linked.body.clone()),
                    ..PostPatch::default()
                },
                EditKind::Save,
            )
            .unwrap();
    }
}

#[test]
fn exporting_chosen_posts_adds_them_and_nothing_else() {
    let s = sample();
    let store = s.lib.open();
    let out = tempfile::tempdir().unwrap();
    let report = export(
        &store,
        SiteFormat::Html,
        out.path(),
        Selection::Posts(vec![s.rich.id, s.drafts[0].id]),
    );
    assert_eq!(report.posts, 2);
    let files: Vec<PathBuf> = walk(out.path())
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert!(
        !out.path().join("index.html").exists(),
        "no listing for a partial export"
    );
    assert!(out
        .path()
        .join("posts")
        .join(&s.drafts[0].slug)
        .join("index.html")
        .is_file());
    assert_eq!(
        files.len(),
        4,
        "two pages, one image, the manifest: {files:?}"
    );
}

#[test]
fn whole_site_exports_of_two_formats_share_a_folder() {
    let s = sample();
    let mut store = s.lib.open();
    let out = tempfile::tempdir().unwrap();
    export(&store, SiteFormat::Html, out.path(), Selection::Published);
    export(&store, SiteFormat::Hugo, out.path(), Selection::Published);
    let html_page = out
        .path()
        .join("posts")
        .join(&s.rich.slug)
        .join("index.html");
    let hugo_page = out
        .path()
        .join("content/posts")
        .join(&s.rich.slug)
        .join("index.md");
    assert!(html_page.is_file() && hugo_page.is_file());

    // Unpublish a post: the Hugo export removes its own bundle, and only that.
    store
        .update_post(
            s.rich.id,
            PostPatch {
                status: Some(Status::Archived),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let report = export(&store, SiteFormat::Hugo, out.path(), Selection::Published);
    assert!(!hugo_page.exists(), "{:?}", report.removed);
    assert!(
        report
            .removed
            .iter()
            .all(|r| r.starts_with("content/posts/")),
        "{:?}",
        report.removed
    );
    assert!(
        html_page.is_file(),
        "the HTML export beside it is left alone"
    );
    assert!(
        report.summary().contains("old files removed"),
        "{}",
        report.summary()
    );
}

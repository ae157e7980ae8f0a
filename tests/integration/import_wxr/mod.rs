//! WordPress export (WXR) import, on a file exported by a REAL WordPress
//! (`tests/fixtures/wxr/make-fixture.sh`: Debian's WordPress 6.1, posts made
//! with `wp_insert_post`, exported with `export_wp()`): every field, hostile
//! bodies sanitized, images as links or as library assets, re-import without
//! duplicates, broken files refused with nothing imported, the CLI, and the
//! time to import 1,000 posts.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{TimeZone, Utc};
use postdesk::import::wxr::{self, WxrNote, WxrOptions, WxrReport};
use postdesk::model::{ListFilter, Post, Status};
use postdesk::store::Store;
use postdesk::Error;

use crate::common::{cli, ok, stderr, stdout, Library};

mod limits;
mod scale;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wxr")
        .join(name)
}

fn export_file() -> PathBuf {
    fixture("wordpress-export.xml")
}

fn import(store: &mut Store, path: &Path, uploads: Option<&Path>) -> WxrReport {
    wxr::import_wxr(
        store,
        path,
        &WxrOptions {
            uploads: uploads.map(Path::to_path_buf),
        },
    )
    .unwrap_or_else(|e| panic!("import {}: {e}", path.display()))
}

fn all_posts(store: &Store) -> Vec<Post> {
    store
        .list_posts(&ListFilter::default())
        .expect("list")
        .into_iter()
        .map(|s| store.get_post(s.id).expect("post"))
        .collect()
}

fn by_title<'a>(posts: &'a [Post], title: &str) -> &'a Post {
    posts
        .iter()
        .find(|p| p.title == title)
        .unwrap_or_else(|| panic!("no post \u{201c}{title}\u{201d}"))
}

const UPLOAD_URL: &str = "http://127.0.0.1:8093/wp-content/uploads/2024/03/river-cleanup.png";

#[test]
fn the_real_export_is_recognised_by_content() {
    assert!(wxr::is_wxr_file(&export_file()));
    let lib = Library::new();
    let renamed = lib.dir.path().join("site-backup.txt");
    fs::copy(export_file(), &renamed).unwrap();
    assert!(wxr::is_wxr_file(&renamed), "by content, not by extension");
    let rss = lib.dir.path().join("feed.xml");
    fs::write(
        &rss,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>",
    )
    .unwrap();
    assert!(
        !wxr::is_wxr_file(&rss),
        "a plain RSS feed is not a WordPress export"
    );
    assert!(!wxr::is_wxr_file(&fixture(
        "uploads/2024/03/river-cleanup.png"
    )));
}

#[test]
fn every_field_of_the_real_export() {
    let lib = Library::new();
    let mut store = lib.open();
    let report = import(&mut store, &export_file(), None);
    assert_eq!(report.created.len(), 12, "{report:#?}");
    assert!(report.updated.is_empty() && report.unchanged.is_empty());
    let skipped: Vec<(String, usize)> = report
        .skipped
        .iter()
        .map(|s| (s.what.clone(), s.count))
        .collect();
    assert!(skipped.contains(&("page".into(), 3)), "{skipped:?}");
    assert!(skipped.contains(&("attachment".into(), 1)), "{skipped:?}");
    assert!(skipped.contains(&("menu item".into(), 1)), "{skipped:?}");
    assert!(
        report.summary().contains("skipped 3 page"),
        "{}",
        report.summary()
    );

    let posts = all_posts(&store);
    assert_eq!(posts.len(), 12);
    let spring = by_title(&posts, "Spring river cleanup");
    assert_eq!(spring.slug, "spring-river-cleanup");
    assert_eq!(spring.status, Status::Published);
    let date = Utc.with_ymd_and_hms(2024, 3, 5, 10, 0, 0).unwrap();
    assert_eq!(spring.publish_at, Some(date));
    assert_eq!(spring.created_at, date);
    assert_eq!(spring.summary, "Forty volunteers, two tonnes of rubbish.");
    assert_eq!(spring.author, "editor");
    for tag in ["cleanup", "volunteers", "events", "rivers"] {
        assert!(
            spring.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)),
            "{tag} in {:?}",
            spring.tags
        );
    }
    let body = &spring.body;
    assert!(!body.contains("wp:"), "block comments removed:\n{body}");
    assert!(body.contains("**Saint-Charles**"), "{body}");
    assert!(
        body.contains("[full report](https://example.org/report)"),
        "{body}"
    );
    assert!(body.contains("## What we found"), "{body}");
    assert!(body.contains("- Tyres"), "{body}");
    assert!(
        body.contains(&format!("![Volunteers on the bank]({UPLOAD_URL})")),
        "the image stays a link to its URL:\n{body}"
    );
    let wp = &spring.extra["wordpress"];
    assert_eq!(wp["guid"], "http://127.0.0.1:8093/?p=5");
    assert_eq!(wp["post_id"], "5");
    assert_eq!(wp["categories"], serde_json::json!(["Events", "Rivers"]));

    let fr = by_title(
        &posts,
        "Nettoyage de la rivi\u{e8}re : un \u{e9}t\u{e9} r\u{e9}ussi",
    );
    assert_eq!(fr.slug, "nettoyage-de-la-riviere-un-ete-reussi");
    assert_eq!(fr.author, "Marie Tremblay");
    assert!(
        fr.body
            .contains("Merci \u{e0} tous les b\u{e9}n\u{e9}voles"),
        "{}",
        fr.body
    );
    assert!(fr.body.contains("*magnifique*") || fr.body.contains("_magnifique_"));
    assert!(
        fr.tags.iter().any(|t| t == "b\u{e9}n\u{e9}voles"),
        "{:?}",
        fr.tags
    );

    let draft = by_title(&posts, "Draft: budget notes");
    assert_eq!(draft.status, Status::Draft);
    assert_eq!(
        draft.slug, "draft-budget-notes",
        "an empty post_name: from the title"
    );
    assert_eq!(draft.publish_at, None);
    assert!(!draft
        .tags
        .iter()
        .any(|t| t.eq_ignore_ascii_case("uncategorized")));
    assert_eq!(
        by_title(&posts, "Pending review post").status,
        Status::Draft
    );

    let gala = by_title(&posts, "Autumn gala announcement");
    assert_eq!(gala.status, Status::Scheduled);
    assert_eq!(
        gala.publish_at,
        Some(Utc.with_ymd_and_hms(2031, 10, 1, 18, 0, 0).unwrap())
    );
    let private = by_title(&posts, "Board minutes (private)");
    assert_eq!(private.status, Status::Draft);
    assert!(
        report.notes.contains(&WxrNote::PrivateMadeDraft {
            title: "Board minutes (private)".into()
        }),
        "{:?}",
        report.notes
    );

    let table = by_title(&posts, "Water quality results");
    assert!(
        table.body.contains("E. coli") && table.body.contains("Mill"),
        "{}",
        table.body
    );
    assert!(
        table.body.contains('|') || table.body.contains("<table"),
        "{}",
        table.body
    );

    let gallery = by_title(&posts, "Photo gallery from the bank");
    assert!(gallery.body.contains("The east bank"), "{}", gallery.body);
    assert!(gallery.body.contains("Left column."), "{}", gallery.body);
    assert!(!gallery.body.contains("wp:"), "{}", gallery.body);

    let code = by_title(&posts, "Code and quotes");
    assert!(
        code.body.contains("> Rivers are the arteries"),
        "{}",
        code.body
    );
    assert!(code.body.contains("let x = 1 < 2;"), "{}", code.body);
    assert!(code.body.contains("`git pull`"), "{}", code.body);
}

#[test]
fn hostile_bodies_are_sanitized() {
    let lib = Library::new();
    let mut store = lib.open();
    import(&mut store, &export_file(), None);
    let posts = all_posts(&store);
    let hostile = by_title(&posts, "Hostile markup test");
    let body = hostile.body.to_lowercase();
    for bad in ["<script", "alert('owned')", "onerror", "javascript:"] {
        assert!(!body.contains(bad), "{bad} survived:\n{}", hostile.body);
    }
    assert!(hostile.body.contains("Before.") && hostile.body.contains("After"));
    let video = by_title(&posts, "Our video");
    assert!(!video.body.contains("<iframe"), "{}", video.body);
    assert!(video.body.contains("Watch it:"), "{}", video.body);
    // What the app renders from it is clean as well.
    for p in &posts {
        let html = postdesk::markdown::render(&p.body, &Default::default()).html;
        assert!(!html.to_lowercase().contains("<script"), "{}", p.title);
        assert!(!html.to_lowercase().contains("onerror"), "{}", p.title);
    }
}

#[test]
fn images_from_the_uploads_folder_become_assets() {
    let lib = Library::new();
    let mut store = lib.open();
    let report = import(&mut store, &export_file(), Some(&fixture("uploads")));
    assert_eq!(report.images_stored, 1, "{report:#?}");
    let posts = all_posts(&store);
    let spring = by_title(&posts, "Spring river cleanup");
    assert!(!spring.body.contains(UPLOAD_URL), "{}", spring.body);
    let start = spring.body.find("](asset:").expect("an asset reference") + 2;
    let reference: String = spring.body[start..]
        .chars()
        .take_while(|c| *c != ')')
        .collect();
    let stored = store
        .asset_data(&reference)
        .expect("the asset is in the library");
    assert_eq!(
        stored,
        fs::read(fixture("uploads/2024/03/river-cleanup.png")).unwrap()
    );
    // The gallery's copy of the same image is the same asset.
    let gallery = by_title(&posts, "Photo gallery from the bank");
    assert!(gallery.body.contains(&reference), "{}", gallery.body);
}

#[test]
fn uploads_outside_the_folder_or_not_images_stay_links() {
    let lib = Library::new();
    let uploads = lib.dir.path().join("uploads");
    fs::create_dir_all(uploads.join("2024")).unwrap();
    let secret = lib.dir.path().join("secret.png");
    fs::copy(fixture("uploads/2024/03/river-cleanup.png"), &secret).unwrap();
    // A link leading out of the folder is not followed.
    std::os::unix::fs::symlink(lib.dir.path(), uploads.join("2024/03")).unwrap();
    fs::rename(&secret, lib.dir.path().join("river-cleanup.png")).unwrap();
    let mut store = lib.open();
    let report = import(&mut store, &export_file(), Some(&uploads));
    assert_eq!(report.images_stored, 0);
    assert!(
        report.notes.iter().any(
            |n| matches!(n, WxrNote::ImageNotStored { url } if url.contains("river-cleanup"))
                && n.to_string().contains("stays a link")
        ),
        "{:?}",
        report.notes
    );
    let posts = all_posts(&store);
    assert!(by_title(&posts, "Spring river cleanup")
        .body
        .contains(UPLOAD_URL));
}

#[test]
fn importing_again_duplicates_nothing() {
    let lib = Library::new();
    let mut store = lib.open();
    import(&mut store, &export_file(), None);
    let second = import(&mut store, &export_file(), None);
    assert_eq!(second.created.len(), 0, "{second:#?}");
    assert_eq!(second.unchanged.len(), 12);
    assert_eq!(all_posts(&store).len(), 12);

    // A post edited here is left as it is while the site's copy is unchanged.
    let spring = by_title(&all_posts(&store), "Spring river cleanup").clone();
    store
        .update_post(
            spring.id,
            postdesk::model::PostPatch {
                body: Some("Edited here.".into()),
                ..Default::default()
            },
            postdesk::store::EditKind::Save,
        )
        .unwrap();
    import(&mut store, &export_file(), None);
    assert_eq!(store.get_post(spring.id).unwrap().body, "Edited here.");

    // The site changed a post: it is updated, not duplicated; its slug stays.
    let text = fs::read_to_string(export_file()).unwrap().replace(
        "<title><![CDATA[Water quality results]]></title>",
        "<title><![CDATA[Water quality results, corrected]]></title>",
    );
    let changed = lib.dir.path().join("export-2.xml");
    fs::write(&changed, text).unwrap();
    let third = import(&mut store, &changed, None);
    assert_eq!(third.updated.len(), 1, "{third:#?}");
    assert_eq!(third.updated[0].slug, "water-quality-results");
    assert_eq!(third.created.len(), 0);
    let posts = all_posts(&store);
    assert_eq!(posts.len(), 12);
    let water = by_title(&posts, "Water quality results, corrected");
    assert_eq!(water.slug, "water-quality-results");
}

#[test]
fn the_cli_imports_a_wordpress_export_by_content() {
    let lib = Library::new();
    let renamed = lib.dir.path().join("site.txt");
    fs::copy(export_file(), &renamed).unwrap();
    let uploads = fixture("uploads");
    let out = ok(
        &lib.path,
        &[
            "import",
            renamed.to_str().unwrap(),
            "--uploads",
            uploads.to_str().unwrap(),
        ],
    );
    assert!(out.contains("12 post(s) from WordPress: 12 new"), "{out}");
    assert!(out.contains("1 image(s) stored"), "{out}");
    assert!(
        out.contains("imported spring-river-cleanup (WordPress post 5)"),
        "{out}"
    );
    let again = ok(&lib.path, &["import", renamed.to_str().unwrap()]);
    assert!(again.contains("0 new"), "{again}");
    let list = ok(&lib.path, &["list"]);
    assert_eq!(list.matches("spring-river-cleanup").count(), 1, "{list}");

    let broken = lib.dir.path().join("broken.xml");
    let real = fs::read(export_file()).unwrap();
    fs::write(&broken, &real[..real.len() / 2]).unwrap();
    let o = cli(&lib.path, &["import", broken.to_str().unwrap()], None);
    assert!(!o.status.success(), "{}", stdout(&o));
    assert!(stderr(&o).contains("broken.xml"), "{}", stderr(&o));
}

//! The real `postdesk` binary: `export site` and `export feed`.

use super::*;

#[test]
fn cli_refuses_to_overwrite_a_foreign_file_unless_forced() {
    let s = sample();
    let site_dir = tempfile::tempdir().unwrap();
    let dir = site_dir.path().to_str().unwrap();
    let foreign = site_dir
        .path()
        .join("content/posts")
        .join(&s.rich.slug)
        .join("index.md");
    fs::create_dir_all(foreign.parent().unwrap()).unwrap();
    fs::write(&foreign, "my own page\n").unwrap();

    let o = cli(
        &s.lib.path,
        &["export", "site", "--format", "hugo", "--out", dir],
        None,
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains(&format!("content/posts/{}/index.md", s.rich.slug)) && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&foreign).unwrap(), "my own page\n");
    assert_eq!(
        walk(site_dir.path())
            .into_iter()
            .filter(|p| p.is_file())
            .count(),
        1,
        "nothing written"
    );

    let out = ok(
        &s.lib.path,
        &[
            "export", "site", "--format", "hugo", "--out", dir, "--force",
        ],
    );
    assert!(
        out.contains(&format!("overwrote content/posts/{}/index.md", s.rich.slug)),
        "{out}"
    );
    assert!(fs::read_to_string(&foreign)
        .unwrap()
        .starts_with("---\ntitle: Budget vote results\n"));

    // A page changed by hand after the export is protected the same way.
    fs::write(&foreign, "edited by hand\n").unwrap();
    let o = cli(
        &s.lib.path,
        &["export", "site", "--format", "hugo", "--out", dir],
        None,
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("changed since Postdesk exported it"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&foreign).unwrap(), "edited by hand\n");
}

#[test]
fn cli_exports_a_site_and_feeds() {
    let s = sample();
    let out_dir = tempfile::tempdir().unwrap();
    let dir = out_dir.path().join("site");
    let d = dir.to_str().unwrap();
    let images = s
        .published
        .iter()
        .filter(|p| p.body.contains("](asset:"))
        .count();
    let first = ok(
        &s.lib.path,
        &["export", "site", "--format", "html", "--out", d],
    );
    let want = format!("Exported 28 posts: 28 written, 0 unchanged, {images} images \u{2192} ");
    assert!(first.starts_with(&want), "{first}");
    assert!(
        first
            .trim_end()
            .ends_with(fs::canonicalize(&dir).unwrap().to_str().unwrap()),
        "{first}"
    );
    let second = ok(
        &s.lib.path,
        &["export", "site", "--format", "html", "--out", d],
    );
    let want = format!("Exported 28 posts: 0 written, 28 unchanged, {images} images \u{2192} ");
    assert!(second.starts_with(&want), "{second}");
    let one = ok(
        &s.lib.path,
        &[
            "export",
            "site",
            "--format",
            "jekyll",
            "--out",
            d,
            &s.rich.slug,
        ],
    );
    assert!(
        one.starts_with("Exported 1 post: 1 written, 0 unchanged, 1 image"),
        "{one}"
    );
    let drafts = ok(
        &s.lib.path,
        &[
            "export", "site", "--format", "hugo", "--out", d, "--status", "draft",
        ],
    );
    assert!(
        drafts.starts_with("Exported 2 posts: 2 written"),
        "{drafts}"
    );
    let draft_md = fs::read_to_string(
        dir.join("content/posts")
            .join(&s.drafts[0].slug)
            .join("index.md"),
    )
    .unwrap();
    assert!(draft_md.contains("\ndraft: true\n"), "{draft_md}");

    let feed_path = out_dir.path().join("fr.atom");
    let said = ok(
        &s.lib.path,
        &[
            "export",
            "feed",
            "--format",
            "atom",
            "--lang",
            "fr",
            "--out",
            feed_path.to_str().unwrap(),
        ],
    );
    assert!(
        said.contains("Atom feed of 6 published French posts"),
        "{said}"
    );
    let parsed = feed_rs::parser::parse(fs::read(&feed_path).unwrap().as_slice()).unwrap();
    assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(parsed.entries.len(), 6);
    let rss = ok(
        &s.lib.path,
        &["export", "feed", "--format", "rss", "--out", "-"],
    );
    let parsed = feed_rs::parser::parse(rss.as_bytes()).unwrap();
    assert_eq!(parsed.feed_type, feed_rs::model::FeedType::RSS2);
    assert_eq!(parsed.entries.len(), 22);

    let o = cli(
        &s.lib.path,
        &["export", "site", "--format", "word", "--out", d],
        None,
    );
    assert!(
        !o.status.success() && stderr(&o).contains("hugo, jekyll or html"),
        "{}",
        stderr(&o)
    );
}

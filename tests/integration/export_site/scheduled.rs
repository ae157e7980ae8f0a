//! Scheduled posts go into a Hugo or Jekyll site dated at their publish
//! date and not as drafts, so the real `hugo` and `jekyll` leave them out of
//! the built site until that date (and build them with `--buildFuture` /
//! `--future`); a scheduled post without a date goes out as a draft, with a
//! warning; the standalone HTML export, which is the built site, leaves
//! scheduled posts out.

use super::*;

struct Scheduled {
    lib: Library,
    live: Post,
    /// Scheduled, dated about a year ahead.
    ahead: Post,
    /// Scheduled, with no publish date.
    undated: Post,
    when: DateTime<Utc>,
}

fn scheduled_library() -> Scheduled {
    let lib = Library::new();
    let mut store = lib.open();
    let live = store
        .create_post(new_post(
            "Already out",
            Lang::En,
            Status::Published,
            day(1),
            "Unique phrase live zebra.\n".into(),
        ))
        .unwrap();
    // Whole seconds: the front matter carries seconds.
    let when = Utc
        .timestamp_opt(Utc::now().timestamp() + 400 * 86_400, 0)
        .unwrap();
    let ahead = store
        .create_post(new_post(
            "Rally next year",
            Lang::En,
            Status::Scheduled,
            when,
            "Unique phrase ahead zebra.\n".into(),
        ))
        .unwrap();
    let undated = store
        .create_post(NewPost {
            publish_at: None,
            ..new_post(
                "Someday maybe",
                Lang::En,
                Status::Scheduled,
                day(2),
                "Unique phrase undated zebra.\n".into(),
            )
        })
        .unwrap();
    Scheduled {
        lib,
        live,
        ahead,
        undated,
        when,
    }
}

fn page_exists(out: &Path, p: &Post) -> bool {
    out.join(urls::post_path(p.lang, &p.slug).trim_start_matches('/'))
        .join("index.html")
        .is_file()
}

fn left_out_warning(report: &ExportReport, p: &Post) -> bool {
    report
        .warnings
        .iter()
        .map(ToString::to_string)
        .any(|w| w.contains(&p.title) && w.contains("no publish date") && w.contains("left out"))
}

#[test]
fn hugo_gets_a_scheduled_post_dated_ahead_which_it_builds_only_with_build_future() {
    let s = scheduled_library();
    let site = tempfile::tempdir().unwrap();
    let report = export(
        &s.lib.open(),
        SiteFormat::Hugo,
        site.path(),
        Selection::Published,
    );
    assert_eq!(
        report.posts, 2,
        "the published and the dated scheduled post"
    );
    assert!(
        left_out_warning(&report, &s.undated),
        "{:?}",
        report.warnings
    );
    let fm = front_matter(
        &site
            .path()
            .join("content/posts")
            .join(&s.ahead.slug)
            .join("index.md"),
    );
    assert_eq!(fm["draft"].as_bool(), Some(false));
    assert_eq!(
        fm["date"].as_str(),
        Some(
            s.when
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                .as_str()
        )
    );
    assert!(!site
        .path()
        .join("content/posts")
        .join(&s.undated.slug)
        .exists());

    let public = hugo_build(site.path());
    assert!(page_exists(&public, &s.live));
    assert!(!page_exists(&public, &s.ahead), "built before its date");
    let future = hugo_build_with(site.path(), "public-future", &["--buildFuture"]);
    assert!(page_exists(&future, &s.ahead), "built with --buildFuture");
    assert!(built_page(&future, &s.ahead)
        .1
        .contains("Unique phrase ahead"));
}

#[test]
fn jekyll_gets_a_scheduled_post_dated_ahead_which_it_builds_only_with_future() {
    let s = scheduled_library();
    let site = tempfile::tempdir().unwrap();
    let report = export(
        &s.lib.open(),
        SiteFormat::Jekyll,
        site.path(),
        Selection::Published,
    );
    assert_eq!(report.posts, 2);
    assert!(
        left_out_warning(&report, &s.undated),
        "{:?}",
        report.warnings
    );
    let file = site.path().join("_posts").join(format!(
        "{}-{}.md",
        s.when.format("%Y-%m-%d"),
        s.ahead.slug
    ));
    let fm = front_matter(&file);
    assert!(fm.get("published").is_none(), "not a draft: {fm:?}");
    assert_eq!(
        fm["date"].as_str(),
        Some(
            s.when
                .format("%Y-%m-%d %H:%M:%S +0000")
                .to_string()
                .as_str()
        )
    );

    let built = jekyll_build(site.path());
    assert!(page_exists(&built, &s.live));
    assert!(!page_exists(&built, &s.ahead), "built before its date");
    let future = jekyll_build_with(site.path(), "_site_future", &["--future"]);
    assert!(page_exists(&future, &s.ahead), "built with --future");
}

#[test]
fn a_scheduled_post_without_a_date_goes_out_as_a_draft_and_html_leaves_scheduled_posts_out() {
    let s = scheduled_library();
    let store = s.lib.open();
    let site = tempfile::tempdir().unwrap();
    let report = export(
        &store,
        SiteFormat::Hugo,
        site.path(),
        Selection::Posts(vec![s.undated.id]),
    );
    assert!(
        report
            .warnings
            .iter()
            .map(ToString::to_string)
            .any(|w| w.contains(&s.undated.title) && w.contains("exported as a draft")),
        "{:?}",
        report.warnings
    );
    let fm = front_matter(
        &site
            .path()
            .join("content/posts")
            .join(&s.undated.slug)
            .join("index.md"),
    );
    assert_eq!(fm["draft"].as_bool(), Some(true));

    let jekyll = tempfile::tempdir().unwrap();
    export(
        &store,
        SiteFormat::Jekyll,
        jekyll.path(),
        Selection::Posts(vec![s.undated.id]),
    );
    let name = format!(
        "{}-{}.md",
        s.undated.created_at.format("%Y-%m-%d"),
        s.undated.slug
    );
    assert_eq!(
        front_matter(&jekyll.path().join("_posts").join(name))["published"].as_bool(),
        Some(false)
    );

    let html = tempfile::tempdir().unwrap();
    let report = export(&store, SiteFormat::Html, html.path(), Selection::Published);
    assert_eq!(report.posts, 1, "only the published post");
    assert!(page_exists(html.path(), &s.live));
    assert!(!page_exists(html.path(), &s.ahead));
}

//! The importer of Markdown files with front matter: `parse_document` on the
//! fixtures (a Hugo site, a Jekyll site, odd and broken files) and on small
//! documents, then `import_paths` into a real library file.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use postdesk::error::Error;
use postdesk::import::{import_paths, parse_document, ImportReport};
use postdesk::model::{Lang, NewPost, Status};
use postdesk::store::Store;
use serde_json::json;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// Parse a fixture, named relative to `tests/fixtures/import`.
fn fixture(rel: &str) -> Result<NewPost, Error> {
    let path = fixtures().join(rel);
    let text = fs::read_to_string(&path).expect("read fixture");
    parse_document(&path, &text)
}

fn ok(rel: &str) -> NewPost {
    fixture(rel).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Parse a small document as if it were the file `name`.
fn doc(name: &str, text: &str) -> Result<NewPost, Error> {
    parse_document(Path::new(name), text)
}

/// The message of an import error, checking that it names the file.
fn import_error(result: Result<NewPost, Error>, name: &str) -> String {
    match result {
        Err(e @ Error::Import { .. }) => {
            let Error::Import { path, message } = &e else {
                unreachable!()
            };
            assert!(path.ends_with(name), "{path:?} should be {name}");
            assert_eq!(e.code(), "import_failed");
            assert!(e.to_string().contains(name), "{e}");
            message.clone()
        }
        Err(e) => panic!("expected an import error, got {e:?}"),
        Ok(post) => panic!("expected an import error, got {post:?}"),
    }
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

// ---- Hugo -------------------------------------------------------------------

#[test]
fn hugo_leaf_bundle_with_yaml() {
    let p = ok("hugo/content/posts/a-bundle/index.md");
    assert_eq!(p.title, "Library hours are changing");
    assert_eq!(
        p.slug.as_deref(),
        Some("a-bundle"),
        "slug from the bundle folder"
    );
    assert_eq!(p.lang, Lang::En);
    assert_eq!(p.created_at, Some(utc(2024, 4, 2, 14, 0)));
    assert_eq!(p.publish_at, Some(utc(2024, 4, 2, 14, 0)));
    assert_eq!(p.status, Status::Published);
    assert_eq!(p.tags, ["library", "hours"]);
    assert_eq!(p.author, "Marie Tremblay");
    assert_eq!(p.summary, "From May, the branch opens at 9.");
    assert_eq!(p.featured_image, "hours.jpg");
    assert_eq!(
        p.body,
        "From **May 1**, the branch opens at 9 and closes at 8.\n"
    );
    // Kept: unknown keys, the description that lost to the summary, and the
    // maps the author and image were taken from (they held more).
    assert_eq!(p.extra["lastmod"], json!("2024-04-03"));
    assert_eq!(p.extra["weight"], json!(10));
    assert_eq!(
        p.extra["description"],
        json!("The library's new hours from May.")
    );
    assert_eq!(p.extra["author"]["email"], json!("marie@example.org"));
    assert_eq!(p.extra["cover"]["alt"], json!("The library entrance"));
    assert!(!p.extra.contains_key("title") && !p.extra.contains_key("tags"));
}

#[test]
fn hugo_language_suffix() {
    let p = ok("hugo/content/posts/a-bundle/index.fr.md");
    assert_eq!(p.lang, Lang::Fr);
    assert_eq!(p.slug.as_deref(), Some("a-bundle"));
    assert_eq!(p.title, "Les heures de la bibliothèque changent");
    assert_eq!(p.tags, ["bibliothèque"]);

    let p = doc("content/posts/vote.fr.md", "---\ntitle: Le vote\n---\n").unwrap();
    assert_eq!((p.lang, p.slug.as_deref()), (Lang::Fr, Some("vote")));
    // The front matter wins over the file name.
    let p = doc("vote.fr.md", "---\ntitle: The vote\nlang: en\n---\n").unwrap();
    assert_eq!(p.lang, Lang::En);
}

#[test]
fn hugo_toml_front_matter() {
    let p = ok("hugo/content/posts/toml-post.md");
    assert_eq!(p.title, "Spring clean-up volunteers");
    assert_eq!(
        p.slug.as_deref(),
        Some("spring-cleanup"),
        "the slug key wins"
    );
    assert_eq!(p.created_at, Some(utc(2024, 4, 20, 9, 0)));
    assert_eq!(p.status, Status::Published);
    assert_eq!(p.tags, ["volunteers", "parks", "Events"]);
    assert_eq!(p.canonical_url, "https://example.org/posts/spring-cleanup/");
    assert_eq!(p.featured_image, "cleanup.jpg");
    assert_eq!(p.body, "Bring gloves; we supply the bags.\n");
    // TOML datetimes are kept as text, tables as objects.
    assert_eq!(p.extra["lastmod"], json!("2024-04-21T08:00:00Z"));
    assert_eq!(p.extra["params"], json!({"location": "Parc Lafontaine"}));
    assert!(!p.extra.contains_key("draft") && !p.extra.contains_key("images"));
}

#[test]
fn hugo_draft_with_tags_categories_and_description() {
    let p = ok("hugo/content/posts/draft-post.md");
    assert_eq!(p.status, Status::Draft);
    assert_eq!(p.created_at, Some(utc(2024, 1, 10, 0, 0)));
    // Categories merged into the tags, without a second "winter".
    assert_eq!(p.tags, ["parking", "winter", "City"]);
    assert_eq!(p.summary, "Where to park during snow removal.");
    assert_eq!(p.preview_text, "Snow removal starts Monday");
    assert_eq!(p.lang, Lang::En, "en-CA is English");
    assert_eq!(p.slug.as_deref(), Some("draft-post"));
    assert!(p.extra.is_empty(), "{:?}", p.extra);
}

// ---- Jekyll -----------------------------------------------------------------

#[test]
fn jekyll_date_and_slug_from_the_file_name() {
    let p = ok("jekyll/_posts/2024-03-05-budget-vote.md");
    assert_eq!(p.title, "Budget vote: what changes");
    assert_eq!(p.slug.as_deref(), Some("budget-vote"));
    assert_eq!(p.created_at, Some(utc(2024, 3, 5, 0, 0)));
    assert_eq!(p.publish_at, Some(utc(2024, 3, 5, 0, 0)));
    assert_eq!(p.status, Status::Published);
    // A space-separated string, as Jekyll writes tags, and the category.
    assert_eq!(p.tags, ["budget", "council", "news"]);
    assert_eq!(
        p.extra,
        json!({"layout": "post"}).as_object().unwrap().clone()
    );
}

#[test]
fn jekyll_date_with_offset_excerpt_and_authors() {
    let p = ok("jekyll/_posts/2024-03-05-council-meeting.md");
    // The front matter's date wins over the file name's; -0500 is five hours behind UTC.
    assert_eq!(p.created_at, Some(utc(2024, 3, 5, 14, 30)));
    assert_eq!(p.slug.as_deref(), Some("council-meeting"));
    assert_eq!(p.summary, "Three motions passed, one was tabled.");
    assert_eq!(p.author, "Jean Roy");
    assert_eq!(p.extra["author"], json!(["Jean Roy", "Ana Silva"]));
    assert_eq!(p.featured_image, "/assets/council.jpg");
    assert_eq!(
        p.canonical_url,
        "https://example.org/2024/03/05/council-meeting/"
    );
    assert_eq!(p.preview_text, "What the council decided on Tuesday");
    assert_eq!(p.extra["comments"], json!(true));
}

#[test]
fn jekyll_published_false_and_drafts_folder() {
    let p = ok("jekyll/_posts/2023-11-20-old-notice.md");
    assert_eq!(p.status, Status::Draft);
    assert_eq!(p.created_at, Some(utc(2023, 11, 20, 0, 0)));
    assert!(!p.extra.contains_key("published"));

    let p = ok("jekyll/_drafts/idea.md");
    assert_eq!(p.status, Status::Draft);
    assert_eq!(p.slug.as_deref(), Some("idea"));
    assert_eq!(p.created_at, None);
    assert_eq!(p.title, "An idea for the newsletter");
}

// ---- Odd files ----------------------------------------------------------------

#[test]
fn byte_order_mark_crlf_and_spaces_after_the_fences() {
    let raw = fs::read(fixtures().join("misc/crlf-bom.md")).unwrap();
    assert!(
        raw.starts_with(b"\xef\xbb\xbf---  \r\n"),
        "fixture kept as written"
    );
    let p = ok("misc/crlf-bom.md");
    assert_eq!(p.title, "Saved on Windows");
    assert_eq!(p.tags, ["minutes", "board"]);
    assert_eq!(p.body, "Line one\nLine two\n");
}

#[test]
fn no_front_matter_takes_the_heading_then_the_file_name() {
    let p = ok("misc/agm-notes.md");
    assert_eq!(p.title, "Notes from the AGM");
    assert_eq!(
        p.body, "We met on Tuesday; 42 members came.\n",
        "heading removed"
    );
    assert_eq!(p.status, Status::Draft, "no date, so not published");

    let p = ok("misc/just-text.md");
    assert_eq!(p.title, "Just text");
    assert!(p.body.starts_with("No heading"));

    // Front matter without a title uses the heading too; an empty title is no title.
    let p = doc(
        "x.md",
        "---\ntitle: \"\"\ntags: [a]\n---\n\n# From the heading\n\nText\n",
    )
    .unwrap();
    assert_eq!(
        (p.title.as_str(), p.body.as_str()),
        ("From the heading", "Text\n")
    );
    // A heading is not removed when the front matter has the title.
    let p = doc("x.md", "---\ntitle: Given\n---\n# Heading\n").unwrap();
    assert_eq!(
        (p.title.as_str(), p.body.as_str()),
        ("Given", "# Heading\n")
    );
    // Nothing usable at all.
    assert_eq!(doc("", "").unwrap().title, "Untitled");
}

// ---- Key mapping ----------------------------------------------------------------

#[test]
fn keys_ignore_case_and_aliases_are_understood() {
    let p = doc(
        "x.md",
        "---\nTitle: Aliases\nDate: 2024-05-01 08:00\nCanonicalURL: https://a.example/x\n\
         featured_image: a.jpg\nPreheader: Read this\nLocale: fr_CA\nAuthors:\n  - name: Ana\n\
         Slug: my-slug\nDraft: \"yes\"\n---\n",
    )
    .unwrap();
    assert_eq!(p.title, "Aliases");
    assert_eq!(
        p.created_at,
        Some(utc(2024, 5, 1, 8, 0)),
        "no offset is UTC"
    );
    assert_eq!(p.canonical_url, "https://a.example/x");
    assert_eq!(p.featured_image, "a.jpg");
    assert_eq!(p.preview_text, "Read this");
    assert_eq!(p.lang, Lang::Fr);
    assert_eq!(p.author, "Ana");
    assert_eq!(p.slug.as_deref(), Some("my-slug"));
    assert_eq!(p.status, Status::Draft);
    assert!(p.extra.is_empty(), "{:?}", p.extra);

    let p = doc(
        "x.md",
        "---\ntitle: T\ncanonical: https://b.example/\nimage:\n  path: /b.png\nlanguage: en\n---\n",
    )
    .unwrap();
    assert_eq!(p.canonical_url, "https://b.example/");
    assert_eq!(p.featured_image, "/b.png");
    assert!(p.extra.is_empty(), "{:?}", p.extra);
}

#[test]
fn tags_as_lists_or_strings() {
    let tags = |fm: &str| {
        doc("x.md", &format!("---\ntitle: T\n{fm}\n---\n"))
            .unwrap()
            .tags
    };
    assert_eq!(
        tags("tags: open data, city council"),
        ["open data", "city council"]
    );
    assert_eq!(tags("tags: budget council"), ["budget", "council"]);
    assert_eq!(tags("tags: [2024, budget, Budget]"), ["2024", "budget"]);
    assert_eq!(tags("category: news\ntags: [a]"), ["a", "news"]);
    assert!(tags("tags:").is_empty());
}

#[test]
fn the_first_summary_wins_and_the_others_are_kept_when_different() {
    let p = doc(
        "x.md",
        "---\ntitle: T\nexcerpt: Same\ndescription: Same\nsummary: \"\"\n---\n",
    )
    .unwrap();
    assert_eq!(p.summary, "Same", "an empty summary is no summary");
    assert!(p.extra.is_empty(), "{:?}", p.extra);

    let p = doc("x.md", "---\ntitle: T\nsummary: A\nexcerpt: B\n---\n").unwrap();
    assert_eq!(p.summary, "A");
    assert_eq!(p.extra["excerpt"], json!("B"));
}

#[test]
fn unknown_keys_are_kept_as_json() {
    let p = doc(
        "x.md",
        "---\ntitle: T\nlast_modified_at: 2024-05-02\nseries: [Budget]\nweight: 2.5\n\
         toc: false\nsidebar:\n  nav: main\n  depth: 2\nempty:\n---\n",
    )
    .unwrap();
    assert_eq!(
        serde_json::Value::Object(p.extra),
        json!({
            "last_modified_at": "2024-05-02",
            "series": ["Budget"],
            "weight": 2.5,
            "toc": false,
            "sidebar": {"nav": "main", "depth": 2},
            "empty": null,
        })
    );
}

#[test]
fn dates_in_every_accepted_form() {
    let date = |d: &str| {
        doc("x.md", &format!("---\ntitle: T\ndate: {d}\n---\n"))
            .unwrap()
            .created_at
    };
    assert_eq!(date("2024-03-05"), Some(utc(2024, 3, 5, 0, 0)));
    assert_eq!(
        date("2024-03-05T09:30:00+01:00"),
        Some(utc(2024, 3, 5, 8, 30))
    );
    assert_eq!(
        date("\"2024-03-05 09:30:00 -0500\""),
        Some(utc(2024, 3, 5, 14, 30))
    );
    assert_eq!(date("2024-03-05 09:30"), Some(utc(2024, 3, 5, 9, 30)));
    let toml = doc(
        "x.md",
        "+++\ntitle = \"T\"\ndate = 2024-03-05T09:30:00\n+++\n",
    )
    .unwrap();
    assert_eq!(
        toml.created_at,
        Some(utc(2024, 3, 5, 9, 30)),
        "TOML local datetime is UTC"
    );
}

// ---- Errors ------------------------------------------------------------------

#[test]
fn invalid_yaml_names_the_line_and_the_fix() {
    let m = import_error(fixture("broken/invalid-yaml.md"), "invalid-yaml.md");
    assert!(
        m.starts_with("the YAML front matter is not valid: mapping values are not allowed"),
        "{m}"
    );
    assert!(m.contains("at line 3 column"), "the file's line: {m}");
    assert!(
        m.ends_with(
            "if the value of `title` contains a colon, put the whole value in double quotes"
        ),
        "{m}"
    );
}

#[test]
fn unterminated_front_matter_says_the_closing_fence_is_missing() {
    let m = import_error(fixture("broken/unterminated.md"), "unterminated.md");
    assert!(m.contains("the closing `---` line was not found"), "{m}");
    assert!(m.contains("on line 1"), "{m}");
    let m = import_error(doc("t.md", "+++\ntitle = \"T\"\n"), "t.md");
    assert!(m.contains("the closing `+++` line was not found"), "{m}");
}

#[test]
fn a_bad_date_names_the_value_and_the_accepted_forms() {
    let m = import_error(fixture("broken/bad-date.md"), "bad-date.md");
    assert_eq!(
        m,
        "the date \"next Tuesday\" in `date` is not a date Postdesk can read; \
         write it as 2024-03-05, 2024-03-05 09:30:00 -0500 or 2024-03-05T09:30:00Z"
    );
    let m = import_error(doc("n.md", "---\ntitle: T\ndate: 2024\n---\n"), "n.md");
    assert!(m.contains("a number (2024), not a date"), "{m}");
}

#[test]
fn an_unknown_language_says_use_en_or_fr() {
    let m = import_error(fixture("broken/unknown-language.md"), "unknown-language.md");
    assert_eq!(
        m,
        "the language \"de\" in `lang` is not supported; use en or fr"
    );
    let m = import_error(doc("post.de.md", "# Beitrag\n"), "post.de.md");
    assert!(
        m.starts_with("the language \"de\" in the file name is not supported; use en or fr"),
        "{m}"
    );
}

#[test]
fn a_title_that_is_not_text_is_refused_with_the_fix() {
    let m = import_error(doc("t.md", "---\ntitle: 2024\n---\n"), "t.md");
    assert_eq!(
        m,
        "the title must be text, but `title` is a number (2024); put it in double quotes, as in title: \"2024\""
    );
    let m = import_error(doc("t.md", "+++\ntitle = [\"a\"]\n+++\n"), "t.md");
    assert!(
        m.contains("is a list") && m.contains("title = \"My post\""),
        "{m}"
    );
}

#[test]
fn other_wrong_types_are_refused() {
    let m = import_error(doc("t.md", "---\ntitle: T\ndraft: maybe\n---\n"), "t.md");
    assert_eq!(m, "`draft` must be true or false, not \"maybe\"");
    let m = import_error(doc("t.md", "---\ntitle: T\ntags: {a: 1}\n---\n"), "t.md");
    assert!(m.starts_with("`tags` must be a list of words"), "{m}");
    let m = import_error(doc("t.md", "---\ntitle: T\nsummary: [a]\n---\n"), "t.md");
    assert!(
        m.starts_with("`summary` must be text, but it is a list"),
        "{m}"
    );
    let m = import_error(doc("t.md", "---\n- a list\n---\n"), "t.md");
    assert!(m.contains("not `key: value` lines"), "{m}");
}

// ---- End to end ------------------------------------------------------------------

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

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
    copy_dir(&fixtures(), &root);
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

//! Hugo and Jekyll front matter, and odd files (byte order mark, CRLF, no
//! front matter).

use super::*;

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

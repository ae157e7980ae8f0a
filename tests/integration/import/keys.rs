//! How front-matter keys map to a post: case, aliases, tags, summaries,
//! unknown keys and dates.

use super::*;

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

//! Slugs from titles: French accents transliterated, unique, and safe as a
//! file name on Windows, macOS and Linux whatever the title.

use postdesk::slug::{is_valid, slugify, MAX_LEN};

use crate::common::{post, Library};

#[test]
fn french_titles() {
    assert_eq!(slugify("Événement à Montréal"), "evenement-a-montreal");
    assert_eq!(
        slugify("Ça s'en va : « rues-écoles » !"),
        "ca-s-en-va-rues-ecoles"
    );
    assert_eq!(slugify("Noël 2026"), "noel-2026");
}

#[test]
fn hostile_titles_give_safe_names() {
    let long = "Très long titre ".repeat(20);
    let hostile = [
        "../../x",
        "/etc/passwd",
        "..\\..\\windows\\system32",
        "CON",
        "nul.txt",
        "Com1",
        "LPT9",
        "...",
        "",
        "   ",
        "a/b\\c:d*e?f\"g<h>i|j",
        "\u{0}\u{1}\u{7f}",
        "🙂🙂",
        long.as_str(),
        ".hidden",
        "trailing dot.",
    ];
    for title in hostile {
        let s = slugify(title);
        assert!(is_valid(&s), "{title:?} gave {s:?}");
        assert!(s.len() <= MAX_LEN);
        assert!(!s.contains(".."), "{s}");
        assert!(!s.contains('/') && !s.contains('\\'), "{s}");
    }
    assert_eq!(slugify("../../x"), "x");
    assert_eq!(slugify("CON"), "con-post");
    assert_eq!(slugify(""), "post");
}

#[test]
fn the_store_keeps_slugs_safe_and_unique() {
    let lib = Library::new();
    let mut store = lib.open();
    let long_title = "Ceci est un titre vraiment très long ".repeat(9);
    assert!(long_title.chars().count() >= 300);
    let mut seen = std::collections::HashSet::new();
    for title in [
        "../../x",
        "x",
        "X!",
        "CON",
        "con",
        long_title.as_str(),
        long_title.as_str(),
    ] {
        let p = post(&mut store, title, "");
        assert!(is_valid(&p.slug), "{title:?} → {:?}", p.slug);
        assert!(seen.insert(p.slug.clone()), "duplicate slug {}", p.slug);
    }
    assert!(seen.contains("x") && seen.contains("x-2") && seen.contains("x-3"));
    assert!(seen.contains("con-post") && seen.contains("con-post-2"));
}

#[test]
fn a_slug_typed_by_hand_is_cleaned_too() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = store
        .create_post(postdesk::model::NewPost {
            title: "T".into(),
            slug: Some("../../Mon Slug/../".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(p.slug, "mon-slug");
}

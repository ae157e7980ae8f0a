//! Full-text search: ranking, snippets, accents folded, prefixes and phrases.

use postdesk::model::{Lang, NewPost};

use crate::common::{post, Library};

#[test]
fn accents_are_folded_both_ways() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = store
        .create_post(NewPost {
            title: "Événement à Montréal".into(),
            body: "Un événement pour la sécurité des écoles.".into(),
            lang: Lang::Fr,
            ..NewPost::default()
        })
        .unwrap();
    for q in [
        "evenement",
        "Événement",
        "EVENEMENT",
        "montreal",
        "securite",
        "écoles",
    ] {
        let hits = store.search(q, 10).unwrap();
        assert_eq!(hits.len(), 1, "query {q:?}");
        assert_eq!(hits[0].id, p.id);
    }
}

#[test]
fn title_matches_rank_above_body_matches() {
    let lib = Library::new();
    let mut store = lib.open();
    let body_only = post(
        &mut store,
        "Weekly update",
        "Long text about many things. The crossing was mentioned once.",
    );
    let in_title = post(
        &mut store,
        "Crossing guards return",
        "They are back at work.",
    );
    let hits = store.search("crossing", 10).unwrap();
    let ids: Vec<i64> = hits.iter().map(|h| h.id).collect();
    assert_eq!(ids, vec![in_title.id, body_only.id]);
    assert!(hits[0].rank <= hits[1].rank);
}

#[test]
fn snippets_highlight_matches_and_escape_html() {
    let lib = Library::new();
    let mut store = lib.open();
    post(
        &mut store,
        "Notes",
        "Intro paragraph.\n\nThe <b>council</b> & the mayor met about **safe routes** today.",
    );
    let hits = store.search("routes", 10).unwrap();
    assert_eq!(hits.len(), 1);
    let s = &hits[0].snippet;
    assert!(s.contains("<mark>routes</mark>"), "{s}");
    assert!(
        !s.contains("**"),
        "snippets are plain text, not Markdown: {s}"
    );
    assert!(!s.contains("<b>"), "no raw HTML from the body: {s}");
    assert!(s.contains("&amp;"), "{s}");
}

#[test]
fn prefix_and_phrase_queries() {
    let lib = Library::new();
    let mut store = lib.open();
    let a = post(&mut store, "A", "Raised crossings near schools.");
    let b = post(
        &mut store,
        "B",
        "Crossings were raised last year near the park.",
    );
    let ids = |q: &str| -> Vec<i64> {
        let mut v: Vec<i64> = store.search(q, 10).unwrap().iter().map(|h| h.id).collect();
        v.sort();
        v
    };
    assert_eq!(
        ids("cross"),
        vec![a.id, b.id],
        "the last word is a prefix while typing"
    );
    assert_eq!(ids("cross* schools"), vec![a.id]);
    assert_eq!(ids("\"raised crossings\""), vec![a.id]);
    assert_eq!(ids("\"crossings were\""), vec![b.id]);
    assert!(
        ids("crossings parliament").is_empty(),
        "all words must match"
    );
}

#[test]
fn odd_input_never_breaks_the_query() {
    let lib = Library::new();
    let mut store = lib.open();
    post(&mut store, "Safe routes", "text");
    for q in [
        "",
        "   ",
        "\"",
        "(",
        "a OR",
        "NEAR(",
        "*",
        "-x",
        "col:val",
        "'; DROP TABLE posts; --",
        "ü\"ö",
    ] {
        assert!(store.search(q, 10).is_ok(), "query {q:?} failed");
    }
    assert_eq!(store.all_posts().unwrap().len(), 1);
}

#[test]
fn edits_are_searchable_at_once() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(&mut store, "Post", "before");
    store
        .update_post(
            p.id,
            postdesk::model::PostPatch {
                body: Some("afterwards".into()),
                ..Default::default()
            },
            postdesk::store::EditKind::Autosave,
        )
        .unwrap();
    assert!(store.search("before", 10).unwrap().is_empty());
    assert_eq!(store.search("afterwards", 10).unwrap().len(), 1);
}

/// A word in most posts: bm25 cannot tell them apart (the word weighs
/// nothing), so the posts with it in the title come first, then the
/// others, newest first; trashed posts stay out and snippets are built.
#[test]
fn a_word_in_most_posts_lists_title_matches_then_the_newest() {
    let lib = Library::new();
    let mut store = lib.open();
    let mut body_only = Vec::new();
    for i in 0..30 {
        body_only.push(post(&mut store, &format!("Update {i}"), "The council met.").id);
    }
    let titled = post(&mut store, "The council", "Minutes of the evening.").id;
    let rare = post(&mut store, "Elsewhere", "Nothing about it.").id;
    let trashed = body_only.pop().unwrap();
    store.trash_post(trashed).unwrap();

    let hits = store.search("council", 5).unwrap();
    let ids: Vec<i64> = hits.iter().map(|h| h.id).collect();
    let newest: Vec<i64> = body_only.iter().rev().take(4).copied().collect();
    assert_eq!(ids[0], titled, "the title match first");
    assert_eq!(
        ids[1..],
        newest[..],
        "then the newest, the trashed one left out"
    );
    assert!(!ids.contains(&rare) && !ids.contains(&trashed));
    assert!(
        hits[1].snippet.contains("<mark>council</mark>"),
        "{}",
        hits[1].snippet
    );
    // A rarer word is still ranked by bm25 (here: its only post).
    assert_eq!(store.search("evening", 5).unwrap()[0].id, titled);
    assert_eq!(store.search("council", 100).unwrap().len(), 30);
}

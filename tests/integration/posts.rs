//! Creating, reading, listing and editing posts on a real library file.

use postdesk::error::Error;
use postdesk::model::{Lang, ListFilter, NewPost, PostPatch, SortOrder, Status};
use postdesk::store::EditKind;

use crate::common::{post, Library};

#[test]
fn a_created_post_reads_back_with_every_field_after_reopening() {
    let lib = Library::new();
    let created = {
        let mut store = lib.open();
        store
            .create_post(NewPost {
                title: "Budget vote on Tuesday".into(),
                summary: "Council votes on the budget.".into(),
                preview_text: "Two minutes to help.".into(),
                body: "# Hello\n\nWords here.".into(),
                lang: Lang::En,
                status: Status::Ready,
                tags: vec!["council".into(), "budget".into(), "Council".into()],
                author: "Sam".into(),
                canonical_url: "https://example.org/budget".into(),
                featured_image: "asset:0123456789abcdef".into(),
                ..NewPost::default()
            })
            .unwrap()
    };
    let store = lib.open();
    let p = store.get_post(created.id).unwrap();
    assert_eq!(p, created);
    assert_eq!(p.slug, "budget-vote-on-tuesday");
    assert_eq!(
        p.tags,
        vec!["council", "budget"],
        "duplicate tags (any case) dropped"
    );
    assert_eq!(p.status, Status::Ready);
    assert_eq!(p.preview_text, "Two minutes to help.");
    assert_eq!(p.canonical_url, "https://example.org/budget");
    assert!(p.deleted_at.is_none());
    assert_eq!(
        store
            .get_post_by_slug("budget-vote-on-tuesday", Lang::En)
            .unwrap()
            .id,
        p.id
    );
}

#[test]
fn slugs_are_unique_per_language_only() {
    let lib = Library::new();
    let mut store = lib.open();
    let a = post(&mut store, "Rally", "");
    let b = post(&mut store, "Rally", "");
    let c = store
        .create_post(NewPost {
            title: "Rally".into(),
            lang: Lang::Fr,
            ..NewPost::default()
        })
        .unwrap();
    assert_eq!(a.slug, "rally");
    assert_eq!(b.slug, "rally-2");
    assert_eq!(c.slug, "rally");
    // Asking for a taken slug by hand is refused, and nothing changes.
    let err = store
        .update_post(
            b.id,
            PostPatch {
                slug: Some("Rally".into()),
                title: Some("Changed".into()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap_err();
    assert!(matches!(err, Error::SlugTaken { .. }), "{err:?}");
    assert_eq!(store.get_post(b.id).unwrap(), b);
    // Ambiguous lookups ask for the language (the CLI words it as --lang: tests/integration/cli.rs).
    let err = store.find_post("rally", None).unwrap_err();
    assert!(
        matches!(&err, Error::AmbiguousSlug { slug } if slug == "rally"),
        "{err:?}"
    );
    assert!(
        !err.to_string().contains("--"),
        "no CLI wording in the store: {err}"
    );
    assert_eq!(store.find_post("rally", Some(Lang::Fr)).unwrap().id, c.id);
}

#[test]
fn edits_change_only_what_the_patch_names() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(&mut store, "First title", "first body");
    let edited = store
        .update_post(
            p.id,
            PostPatch {
                body: Some("second body".into()),
                tags: Some(vec!["a".into()]),
                ..PostPatch::default()
            },
            EditKind::Autosave,
        )
        .unwrap();
    assert_eq!(edited.title, "First title");
    assert_eq!(edited.slug, p.slug);
    assert_eq!(edited.body, "second body");
    assert_eq!(edited.tags, vec!["a"]);
    assert!(edited.updated_at >= p.updated_at);
    assert_eq!(edited.created_at, p.created_at);
}

#[test]
fn bad_input_is_refused_and_nothing_saved_changes() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(&mut store, "Keep", "keep this body");
    for patch in [
        PostPatch {
            title: Some("   ".into()),
            body: Some("lost?".into()),
            ..PostPatch::default()
        },
        PostPatch {
            translation_of: Some(Some(p.id)),
            body: Some("lost?".into()),
            ..PostPatch::default()
        },
        PostPatch {
            translation_of: Some(Some(9999)),
            body: Some("lost?".into()),
            ..PostPatch::default()
        },
    ] {
        assert!(store.update_post(p.id, patch, EditKind::Save).is_err());
        assert_eq!(store.get_post(p.id).unwrap(), p);
    }
    assert!(store
        .create_post(NewPost {
            title: "\n\t ".into(),
            ..NewPost::default()
        })
        .is_err());
    assert_eq!(store.all_posts().unwrap().len(), 1);
}

#[test]
fn a_title_with_line_breaks_becomes_one_line() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(&mut store, "Line one\r\nBcc: evil@example.com", "");
    assert_eq!(p.title, "Line one Bcc: evil@example.com");
}

#[test]
fn translations_point_at_each_other() {
    let lib = Library::new();
    let mut store = lib.open();
    let en = post(&mut store, "Update", "");
    let fr = store
        .create_post(NewPost {
            title: "Mise à jour".into(),
            lang: Lang::Fr,
            translation_of: Some(en.id),
            ..NewPost::default()
        })
        .unwrap();
    assert_eq!(fr.translation_of, Some(en.id));
    assert_eq!(store.get_post(en.id).unwrap().translation_of, Some(fr.id));
}

#[test]
fn lists_filter_by_status_tag_and_language_and_sort() {
    let lib = Library::new();
    let mut store = lib.open();
    let mk = |store: &mut postdesk::store::Store, title: &str, status, lang, tag: &str| {
        store
            .create_post(NewPost {
                title: title.into(),
                status,
                lang,
                tags: vec![tag.into()],
                ..NewPost::default()
            })
            .unwrap()
    };
    mk(&mut store, "Bravo", Status::Draft, Lang::En, "x");
    mk(&mut store, "alpha", Status::Published, Lang::En, "y");
    mk(&mut store, "Charlie", Status::Published, Lang::Fr, "x");
    let titles = |f: ListFilter| -> Vec<String> {
        store
            .list_posts(&f)
            .unwrap()
            .into_iter()
            .map(|p| p.title)
            .collect()
    };
    assert_eq!(
        titles(ListFilter {
            status: Some(Status::Published),
            sort: SortOrder::Title,
            ..ListFilter::default()
        }),
        vec!["alpha", "Charlie"]
    );
    assert_eq!(
        titles(ListFilter {
            tag: Some("X".into()),
            sort: SortOrder::Title,
            ..ListFilter::default()
        }),
        vec!["Bravo", "Charlie"]
    );
    assert_eq!(
        titles(ListFilter {
            lang: Some(Lang::Fr),
            ..ListFilter::default()
        }),
        vec!["Charlie"]
    );
    assert_eq!(
        titles(ListFilter::default()),
        vec!["Charlie", "alpha", "Bravo"]
    );
}

#[test]
fn a_drafts_slug_follows_its_title_until_set_by_hand() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = post(&mut store, "Untitled post", "");
    let title = |store: &mut postdesk::store::Store, t: &str| {
        store
            .update_post(
                p.id,
                PostPatch {
                    title: Some(t.into()),
                    ..PostPatch::default()
                },
                EditKind::Autosave,
            )
            .unwrap()
    };
    assert_eq!(title(&mut store, "Rally on Friday").slug, "rally-on-friday");
    store
        .update_post(
            p.id,
            PostPatch {
                slug: Some("rally".into()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    assert_eq!(
        title(&mut store, "Rally on Saturday").slug,
        "rally",
        "hand-set slug stays"
    );
    let q = post(&mut store, "Published one", "");
    store
        .update_post(
            q.id,
            PostPatch {
                status: Some(Status::Published),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let renamed = store
        .update_post(
            q.id,
            PostPatch {
                title: Some("Renamed".into()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    assert_eq!(
        renamed.slug, "published-one",
        "a published post keeps its URL"
    );
}

#[test]
fn duplicate_and_translate() {
    let lib = Library::new();
    let mut store = lib.open();
    let p = store
        .create_post(NewPost {
            title: "Rally".into(),
            body: "Come.".into(),
            tags: vec!["events".into()],
            status: Status::Published,
            ..NewPost::default()
        })
        .unwrap();
    let copy = store.duplicate_post(p.id).unwrap();
    assert_eq!(copy.title, "Copy of Rally");
    assert_eq!(copy.body, "Come.");
    assert_eq!(copy.status, Status::Draft);
    assert_eq!(copy.tags, vec!["events"]);
    let fr = store.create_translation(p.id).unwrap();
    assert_eq!(fr.lang, Lang::Fr);
    assert_eq!(fr.slug, "rally");
    assert_eq!(fr.translation_of, Some(p.id));
    assert_eq!(store.get_post(p.id).unwrap().translation_of, Some(fr.id));
    assert!(
        store.create_translation(p.id).is_err(),
        "only one translation"
    );
}

//! The digest builder's state survives a restart (kept in the library), and
//! a digest in one language lists the other language's posts through their
//! translation when they have one.

use chrono::NaiveDate;
use postdesk::export::email::digest_draft::{self, DigestDraft, MAX_POSTS};
use postdesk::export::email::{digest_email, in_language, Digest, EmailOptions};
use postdesk::model::{Lang, PostPatch};
use postdesk::store::EditKind;

use super::{library, publish};

#[test]
fn the_digest_being_built_is_kept_in_the_library_across_a_restart() {
    let (lib, mut store) = library(&[]);
    assert_eq!(digest_draft::load(&store).unwrap(), DigestDraft::default());
    let draft = DigestDraft {
        ids: vec![3, 1, 2],
        intro: "Spring is here.\n\n**Join us.**".into(),
        subject: "Spring news".into(),
        esp: "mailchimp".into(),
        lang: Some(Lang::Fr),
    };
    digest_draft::save(&mut store, &draft).unwrap();
    drop(store);
    let mut store = lib.open();
    assert_eq!(digest_draft::load(&store).unwrap(), draft);

    let huge = DigestDraft {
        ids: (0..=MAX_POSTS as i64).collect(),
        ..DigestDraft::default()
    };
    assert!(digest_draft::save(&mut store, &huge).is_err());
    assert_eq!(
        digest_draft::load(&store).unwrap(),
        draft,
        "the old one kept"
    );
    drop(store);

    // A value this version cannot read gives an empty digest, not an error.
    let conn = rusqlite::Connection::open(&lib.path).unwrap();
    conn.execute(
        "UPDATE settings SET value = '{\"ids\": \"oops\"' WHERE key = 'ui.digest_draft'",
        [],
    )
    .unwrap();
    drop(conn);
    assert_eq!(
        digest_draft::load(&lib.open()).unwrap(),
        DigestDraft::default()
    );
}

#[test]
fn a_digest_in_one_language_lists_the_other_languages_posts_through_their_translation() {
    let (_lib, mut store) = library(&[]);
    let rally = publish(&mut store, "Rally on Friday", "Meet at noon.\n", Lang::En);
    let mut rally_fr = store.create_translation(rally.id).unwrap();
    rally_fr = store
        .update_post(
            rally_fr.id,
            PostPatch {
                title: Some("Rassemblement vendredi".into()),
                status: Some(postdesk::model::Status::Published),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let english_only = publish(&mut store, "Bike count results", "Up 12%.\n", Lang::En);
    let french_only = publish(&mut store, "Atelier vélo", "Samedi.\n", Lang::Fr);

    let chosen = vec![
        store.get_post(rally.id).unwrap(),
        english_only.clone(),
        french_only.clone(),
        rally_fr.clone(),
    ];
    let fr = in_language(&store, chosen.clone(), Lang::Fr).unwrap();
    let ids: Vec<i64> = fr.iter().map(|p| p.id).collect();
    assert_eq!(
        ids,
        [rally_fr.id, english_only.id, french_only.id],
        "the translation replaces the English post, once; a post without one stays"
    );
    let en = in_language(&store, chosen, Lang::En).unwrap();
    let ids: Vec<i64> = en.iter().map(|p| p.id).collect();
    assert_eq!(ids, [rally.id, english_only.id, french_only.id]);

    let options = EmailOptions::load(&store).unwrap();
    let email = digest_email(
        &store,
        &Digest {
            posts: fr,
            intro: String::new(),
            subject: None,
            lang: Some(Lang::Fr),
            date: NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
        },
        &options,
    )
    .unwrap();
    assert!(email.html.contains("Lire la suite"), "French labels");
    assert!(email.html.contains("Rassemblement vendredi"));
    assert!(!email.html.contains("Rally on Friday"));
    assert!(
        email
            .html
            .contains(&format!("/fr/posts/{}/", rally_fr.slug)),
        "links to the French page"
    );
    assert!(email.html.contains("Bike count results"), "kept as it is");

    // A translation in the trash is not used.
    store.trash_post(rally_fr.id).unwrap();
    let fr = in_language(&store, vec![store.get_post(rally.id).unwrap()], Lang::Fr).unwrap();
    assert_eq!(fr[0].id, rally.id);
}

//! Digests: order, links, languages, ESP presets.

use chrono::NaiveDate;
use postdesk::export::email::{digest_email, Digest, EmailOptions, EmailParts, Esp};
use postdesk::model::{Lang, Post};
use postdesk::store::Store;

use super::{date, fixture, hrefs, library, parse, publish, start_tags, tree};

fn digest(store: &Store, posts: Vec<Post>, esp: Option<Esp>, lang: Option<Lang>) -> EmailParts {
    let mut options = EmailOptions::load(store).expect("options");
    if let Some(esp) = esp {
        options.settings.esp = esp;
    }
    let digest = Digest {
        posts,
        intro: fixture("intro.md"),
        subject: None,
        lang,
        date: NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"),
    };
    digest_email(store, &digest, &options).expect("digest")
}

/// The `href`s of the "Continue reading" (or "Lire la suite") buttons.
fn button_links(html: &str) -> Vec<String> {
    start_tags(html, "a")
        .into_iter()
        .filter(|t| t.contains("class=\"pd-btn\""))
        .flat_map(hrefs)
        .collect()
}

fn three_posts(store: &mut Store) -> Vec<Post> {
    vec![
        publish(
            store,
            "Council funds the Beaubien crossing",
            &fixture("crossing.md"),
            Lang::En,
        ),
        publish(
            store,
            "Bike lanes plowed first",
            &fixture("plowing.md"),
            Lang::En,
        ),
        publish(
            store,
            "Spring town hall",
            &fixture("town-hall.md"),
            Lang::En,
        ),
    ]
}

#[test]
fn one_item_per_post_in_order_each_with_its_exact_link() {
    let (_lib, mut store) = library(&[("newsletter.name", "Vélo Notes")]);
    let mut posts = three_posts(&mut store);
    posts.swap(0, 2);
    let parts = digest(&store, posts, None, None);

    assert_eq!(parts.subject, "Vélo Notes — March 5, 2026");
    assert_eq!(
        button_links(&parts.html),
        [
            "https://velo.example.org/posts/spring-town-hall/",
            "https://velo.example.org/posts/bike-lanes-plowed-first/",
            "https://velo.example.org/posts/council-funds-the-beaubien-crossing/",
        ]
    );
    assert_eq!(parts.html.matches(">Continue reading</a>").count(), 3);
    assert_eq!(parts.html.matches("class=\"pd-item\"").count(), 3);
    // The intro went through the renderer; the teasers are the first paragraphs.
    assert!(
        parts.html.contains("It has been a <strong"),
        "{}",
        parts.html
    );
    assert!(parts
        .html
        .contains("Our spring town hall is on Thursday, March 19"));
    assert!(
        parts.preheader.starts_with("Hello neighbours"),
        "{}",
        parts.preheader
    );
    assert!(parts.text.contains("Continue reading ["), "{}", parts.text);
}

#[test]
fn a_french_digest_speaks_french_from_subject_to_footer() {
    let (_lib, mut store) = library(&[("newsletter.name", "Nouvelles Vélo")]);
    let fr = publish(
        &mut store,
        "Événement à Montréal : ça bouge",
        &fixture("evenement.md"),
        Lang::Fr,
    );
    let parts = digest(&store, vec![fr], Some(Esp::Mailchimp), None);
    assert_eq!(parts.lang, Lang::Fr);
    assert_eq!(parts.subject, "Nouvelles Vélo — 5 mars 2026");
    for label in ["Lire la suite", "Se désabonner", "Voir en ligne"] {
        assert!(parts.html.contains(label), "{label}");
        assert!(parts.text.contains(label), "{label}");
    }
    assert!(!parts.html.contains("Continue reading"));
    assert_eq!(
        button_links(&parts.html),
        ["https://velo.example.org/fr/posts/evenement-a-montreal-ca-bouge/"]
    );
    assert!(parts.html.contains("<html lang=\"fr\""));

    // --lang fr makes a digest of English posts French too.
    let en = publish(&mut store, "Town hall", &fixture("town-hall.md"), Lang::En);
    let forced = digest(&store, vec![en], None, Some(Lang::Fr));
    assert!(forced.html.contains(">Lire la suite</a>"));
}

#[test]
fn each_esp_preset_fills_the_footer_its_own_way() {
    let (_lib, mut store) = library(&[
        ("org.address", "5120 Rue Saint-Denis, Montréal QC H2J 2M1"),
        (
            "newsletter.unsubscribe_url",
            "https://velo.example.org/unsubscribe",
        ),
    ]);
    let posts = three_posts(&mut store);

    let mc = digest(&store, posts.clone(), Some(Esp::Mailchimp), None);
    assert!(hrefs(&mc.html).contains(&"*|UNSUB|*".to_string()));
    assert!(hrefs(&mc.html).contains(&"*|ARCHIVE|*".to_string()));
    assert!(mc.html.contains("*|HTML:LIST_ADDRESS_HTML|*"));
    assert!(mc.text.contains("*|LIST:ADDRESS|*") && !mc.text.contains("LIST_ADDRESS_HTML"));

    let bd = digest(&store, posts.clone(), Some(Esp::Buttondown), None);
    assert!(hrefs(&bd.html).contains(&"{{ unsubscribe_url }}".to_string()));
    assert!(hrefs(&bd.html).contains(&"{{ email_url }}".to_string()));
    assert!(bd.html.contains("5120 Rue Saint-Denis"));

    let plain = digest(&store, posts, Some(Esp::Plain), None);
    let links = hrefs(&plain.html);
    assert!(links.contains(&"https://velo.example.org/unsubscribe".to_string()));
    assert!(
        links.contains(&"https://velo.example.org/posts/".to_string()),
        "{links:?}"
    );
    assert!(!plain.html.contains("*|") && !plain.html.contains("{{"));
    assert!(plain.warnings.is_empty(), "{:?}", plain.warnings);
}

#[test]
fn a_digest_eml_holds_every_link_in_both_parts() {
    let (_lib, mut store) =
        library(&[("newsletter.unsubscribe_url", "https://velo.example.org/u")]);
    let posts = three_posts(&mut store);
    let eml = digest(&store, posts, None, None)
        .to_eml(date())
        .expect("eml");
    let message = parse(&eml);
    assert_eq!(
        tree(&message),
        "multipart/alternative[text/plain;utf-8,text/html;utf-8]"
    );
    assert_eq!(
        message.subject(),
        Some("Our Organisation News — March 5, 2026")
    );
    assert!(message.header_raw("List-Unsubscribe").is_some());
    let html = message.body_html(0).expect("html");
    let text = message.body_text(0).expect("text");
    for href in hrefs(&html) {
        assert!(text.contains(&href), "{href} missing from the text");
    }
}

#[test]
fn a_subject_with_line_breaks_stays_one_line_and_empty_digests_are_refused() {
    let (_lib, mut store) = library(&[]);
    let post = publish(&mut store, "One", "Text.", Lang::En);
    let options = EmailOptions::load(&store).expect("options");
    let mut d = Digest {
        posts: vec![post],
        intro: String::new(),
        subject: Some("March\r\nBcc: all@example.com".into()),
        lang: None,
        date: NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"),
    };
    let parts = digest_email(&store, &d, &options).expect("digest");
    assert_eq!(parts.subject, "March Bcc: all@example.com");
    let eml = parts.to_eml(date()).expect("eml");
    assert!(parse(&eml).bcc().is_none());

    d.posts.clear();
    let err = digest_email(&store, &d, &options).expect_err("no posts");
    assert_eq!(err.code(), "invalid");
}

#[test]
fn trashed_posts_are_refused_and_unpublished_ones_flagged() {
    let (_lib, mut store) = library(&[]);
    let draft = store
        .create_post(postdesk::model::NewPost {
            title: "Still a draft".into(),
            body: "Soon.".into(),
            ..Default::default()
        })
        .expect("draft");
    let parts = digest(&store, vec![draft.clone()], None, None);
    assert!(
        parts
            .warnings
            .iter()
            .map(ToString::to_string)
            .any(|w| w.contains("Still a draft") && w.contains("not published")),
        "{:?}",
        parts.warnings
    );

    let trashed = store.trash_post(draft.id).expect("trash");
    let options = EmailOptions::load(&store).expect("options");
    let d = Digest {
        posts: vec![trashed],
        intro: String::new(),
        subject: None,
        lang: None,
        date: NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"),
    };
    let err = digest_email(&store, &d, &options).expect_err("trashed");
    assert!(err.to_string().contains("in the trash"), "{err}");
}

#[test]
fn intro_images_must_be_embedded_since_they_have_no_page() {
    let (_lib, mut store) = library(&[]);
    let photo = store.add_asset("team.png", super::PNG).expect("asset");
    let post = publish(&mut store, "One", "Text.", Lang::En);
    let mut options = EmailOptions::load(&store).expect("options");
    let d = Digest {
        posts: vec![post],
        intro: format!("![The team]({})\n\nHello!", photo.reference),
        subject: None,
        lang: None,
        date: NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"),
    };
    let err = digest_email(&store, &d, &options).expect_err("no page for intro images");
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("embed"), "{err}");

    options.images = postdesk::export::email::ImageMode::Embedded;
    let parts = digest_email(&store, &d, &options).expect("embedded");
    assert_eq!(parts.images.len(), 1);
    assert!(parts
        .html
        .contains(&format!("src=\"cid:{}\"", parts.images[0].cid)));
    let eml = parts.to_eml(date()).expect("eml");
    assert!(tree(&parse(&eml)).contains("multipart/related[text/html;utf-8,image/png]"));
}

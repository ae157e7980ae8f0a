//! The `.eml` file, read back with mail-parser.

use mail_parser::{MimeHeaders, PartType};
use postdesk::export::email::{post_email, EmailOptions, ImageMode};
use postdesk::model::Lang;

use super::{date, email, header_names, hrefs, library, parse, publish, tree, PNG};

const FRENCH_TITLE: &str = "Événement à Montréal : ça bouge";

#[test]
fn a_french_post_is_multipart_alternative_in_utf8_with_encoded_headers() {
    let (_lib, mut store) = library(&[
        ("sender.name", "Équipe Vélo Québec"),
        ("sender.email", "nouvelles@velo.example.org"),
    ]);
    let post = publish(&mut store, FRENCH_TITLE, "Une *grande* journée.", Lang::Fr);
    let eml = email(&store, &post).to_eml(date()).expect("eml");

    // Non-ASCII headers are RFC 2047 encoded on the wire…
    let raw = String::from_utf8_lossy(&eml);
    let subject_line = raw
        .lines()
        .find(|l| l.starts_with("Subject:"))
        .expect("a Subject line");
    assert!(subject_line.contains("=?utf-8?"), "{subject_line}");
    assert!(raw.is_ascii(), "headers and bodies are 7-bit on the wire");

    // …and decode to the original text.
    let message = parse(&eml);
    assert_eq!(message.subject(), Some(FRENCH_TITLE));
    let from = message.from().and_then(|a| a.first()).expect("From");
    assert_eq!(from.name.as_deref(), Some("Équipe Vélo Québec"));
    assert_eq!(from.address.as_deref(), Some("nouvelles@velo.example.org"));
    assert_eq!(
        tree(&message),
        "multipart/alternative[text/plain;utf-8,text/html;utf-8]"
    );
    assert!(message.date().is_some(), "a Date header");
    let id = message.message_id().expect("a Message-ID");
    assert!(id.ends_with("@velo.example.org"), "{id}");
    assert_eq!(
        message.header_raw("Content-Language").map(str::trim),
        Some("fr")
    );

    let text = message.body_text(0).expect("text part");
    let html = message.body_html(0).expect("html part");
    assert!(text.contains(FRENCH_TITLE), "{text}");
    assert!(html.contains(FRENCH_TITLE), "{html}");
    assert!(html.contains("<html lang=\"fr\""));
    // Not configured: no List-Unsubscribe.
    assert!(message.header_raw("List-Unsubscribe").is_none());
    assert!(message.header_raw("List-Unsubscribe-Post").is_none());
}

#[test]
fn list_unsubscribe_headers_appear_when_an_unsubscribe_url_is_configured() {
    let url = "https://velo.example.org/unsubscribe?list=news";
    let (_lib, mut store) = library(&[("newsletter.unsubscribe_url", url)]);
    let post = publish(&mut store, "Town hall", "See you there.", Lang::En);
    let eml = email(&store, &post).to_eml(date()).expect("eml");
    let message = parse(&eml);
    assert_eq!(
        message.header_raw("List-Unsubscribe").map(str::trim),
        Some(format!("<{url}>").as_str())
    );
    assert_eq!(
        message.header_raw("List-Unsubscribe-Post").map(str::trim),
        Some("List-Unsubscribe=One-Click")
    );
    // The plain preset links the same URL in the footer.
    let html = message.body_html(0).expect("html");
    assert!(hrefs(&html).iter().any(|h| h == url), "{html}");
}

#[test]
fn embedded_images_make_a_related_part_referenced_by_cid() {
    let (_lib, mut store) = library(&[]);
    let asset = store.add_asset("Rally photo.png", PNG).expect("asset");
    let body = format!(
        "Before.\n\n![Families at the rally]({r})\n\nAgain: ![Same photo]({r})",
        r = asset.reference
    );
    let post = publish(&mut store, "Rally", &body, Lang::En);
    let mut options = EmailOptions::load(&store).expect("options");
    options.images = ImageMode::Embedded;
    let parts = post_email(&store, &post, &options).expect("email");
    assert_eq!(parts.images.len(), 1, "one part per distinct image");
    let cid = parts.images[0].cid.clone();

    let eml = parts.to_eml(date()).expect("eml");
    let message = parse(&eml);
    assert_eq!(
        tree(&message),
        "multipart/alternative[text/plain;utf-8,multipart/related[text/html;utf-8,image/png]]"
    );
    let image = message
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|c| c.ctype() == "image"))
        .expect("image part");
    assert_eq!(image.content_id(), Some(cid.as_str()));
    assert!(
        matches!(&image.body, PartType::Binary(b) | PartType::InlineBinary(b) if b.as_ref() == PNG)
    );
    let html = message.body_html(0).expect("html");
    assert!(html.contains(&format!("src=\"cid:{cid}\"")), "{html}");
    assert!(html.contains("alt=\"Families at the rally\""), "{html}");

    // Linked (the default): beside the post's page on the site.
    let linked = super::email(&store, &post);
    assert!(linked.images.is_empty());
    let expected = format!(
        "src=\"{}{}\"",
        "https://velo.example.org/posts/rally/", asset.file_name
    );
    assert!(linked.html.contains(&expected), "{}", linked.html);
}

#[test]
fn a_title_with_line_breaks_cannot_inject_headers() {
    let (_lib, mut store) = library(&[]);
    let mut post = publish(&mut store, "Budget", "Text.", Lang::En);
    // The store already flattens titles; the export must hold on its own.
    post.title = "Budget vote\r\nBcc: everyone@example.com\r\n\r\n<b>body</b>".into();
    let mut parts = email(&store, &post);
    parts.sender.name = "Org\nBcc: evil@example.com".into();
    let eml = parts.to_eml(date()).expect("eml");

    let message = parse(&eml);
    let subject = message.subject().expect("subject");
    assert!(!subject.contains(['\r', '\n']), "{subject:?}");
    assert!(subject.starts_with("Budget vote Bcc:"), "{subject:?}");
    assert!(message.bcc().is_none());
    let names = header_names(&eml);
    assert!(
        !names.iter().any(|n| n.eq_ignore_ascii_case("bcc")),
        "{names:?}"
    );
    assert_eq!(names.iter().filter(|n| *n == "Subject").count(), 1);
    assert_eq!(
        message
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.name.as_deref()),
        Some("Org Bcc: evil@example.com")
    );
}

#[test]
fn an_http_unsubscribe_url_gets_no_one_click_header_and_a_warning() {
    let (_lib, mut store) = library(&[]);
    // The setting refuses http now; a library may still hold an older value.
    let refused = postdesk::library_settings::set(
        &mut store,
        "newsletter.unsubscribe_url",
        "http://velo.example.org/u",
    );
    assert!(
        refused.is_err_and(|e| e.to_string().contains("https")),
        "http is refused"
    );
    let post = publish(&mut store, "Town hall", "See you there.", Lang::En);
    let mut options = EmailOptions::load(&store).expect("options");
    options.settings.unsubscribe_url = Some("http://velo.example.org/u".into());
    let parts = post_email(&store, &post, &options).expect("email");
    assert!(
        parts
            .warnings
            .iter()
            .map(ToString::to_string)
            .any(|w| w.contains("http://velo.example.org/u") && w.contains("RFC 8058")),
        "{:?}",
        parts.warnings
    );
    let eml = parts.to_eml(date()).expect("eml");
    let message = parse(&eml);
    assert_eq!(
        message.header_raw("List-Unsubscribe").map(str::trim),
        Some("<http://velo.example.org/u>")
    );
    assert!(message.header_raw("List-Unsubscribe-Post").is_none());
}

#[test]
fn bidi_controls_never_reach_subject_or_from() {
    let (_lib, mut store) = library(&[("sender.name", "Vélo\u{202E}gnp.exe\u{2066}x\u{2069}")]);
    let post = publish(
        &mut store,
        "Report\u{202E}fdp.exe\u{200F}",
        "Text.",
        Lang::En,
    );
    let parts = email(&store, &post);
    assert_eq!(parts.subject, "Reportfdp.exe");
    let eml = parts.to_eml(date()).expect("eml");
    let message = parse(&eml);
    assert_eq!(message.subject(), Some("Reportfdp.exe"));
    assert_eq!(
        message
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.name.as_deref()),
        Some("Vélognp.exex")
    );
}

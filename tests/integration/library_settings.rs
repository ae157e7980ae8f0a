//! Settings: known keys with defaults and checks.

use postdesk::library_settings;

use crate::common::{cli, ok, stderr, Library};

#[test]
fn defaults_then_set_values_read_back() {
    let lib = Library::new();
    let mut store = lib.open();
    assert_eq!(
        library_settings::get(&store, "newsletter.esp").unwrap(),
        "plain"
    );
    library_settings::set(&mut store, "site.base_url", "https://safestreets.example").unwrap();
    library_settings::set(&mut store, "newsletter.esp", "mailchimp").unwrap();
    library_settings::set(&mut store, "sender.email", "news@safestreets.example").unwrap();
    drop(store);
    let store = lib.open();
    assert_eq!(
        library_settings::get(&store, "site.base_url").unwrap(),
        "https://safestreets.example"
    );
    let all = library_settings::list(&store).unwrap();
    let keys: Vec<_> = all.iter().map(|s| s.key).collect();
    for k in [
        "site.name",
        "site.base_url",
        "newsletter.name",
        "sender.name",
        "sender.email",
        "newsletter.esp",
        "newsletter.unsubscribe_url",
        "org.address",
    ] {
        assert!(keys.contains(&k), "{k} missing");
    }
}

#[test]
fn bad_keys_and_values_are_refused_and_the_old_value_kept() {
    let lib = Library::new();
    let mut store = lib.open();
    library_settings::set(&mut store, "sender.name", "Safe Streets").unwrap();
    let err = library_settings::get(&store, "sender.nam")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Valid keys") && err.contains("sender.name"),
        "{err}"
    );
    for (k, v) in [
        ("newsletter.esp", "sendgrid"),
        ("site.base_url", "javascript:alert(1)"),
        ("site.base_url", "example.org"),
        ("sender.email", "not an address"),
        ("sender.name", "Safe\r\nBcc: x@y.z"),
        ("newsletter.unsubscribe_url", "http://example.org/u"),
    ] {
        let e = library_settings::set(&mut store, k, v)
            .unwrap_err()
            .to_string();
        assert!(e.contains(k), "{e}");
    }
    assert_eq!(
        library_settings::get(&store, "sender.name").unwrap(),
        "Safe Streets"
    );
    assert_eq!(
        library_settings::get(&store, "newsletter.esp").unwrap(),
        "plain"
    );
}

#[test]
fn the_cli_gets_sets_and_lists() {
    let lib = Library::new();
    ok(&lib.path, &["config", "set", "site.name", "Coalition"]);
    assert_eq!(
        ok(&lib.path, &["config", "get", "site.name"]).trim(),
        "Coalition"
    );
    assert!(ok(&lib.path, &["config", "list"]).contains("site.name = Coalition"));
    let o = cli(
        &lib.path,
        &["config", "set", "newsletter.esp", "nope"],
        None,
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("mailchimp, buttondown, plain"),
        "{}",
        stderr(&o)
    );
    let o = cli(&lib.path, &["config", "get", "bogus"], None);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("newsletter.unsubscribe_url"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_key_has_a_settings_window_group_and_the_author_keys_are_checked() {
    use library_settings::SettingGroup;
    let lib = Library::new();
    let mut store = lib.open();
    let all = library_settings::list(&store).unwrap();
    let group = |k: &str| all.iter().find(|s| s.key == k).map(|s| s.group);
    assert_eq!(group("site.base_url"), Some(SettingGroup::Site));
    assert_eq!(group("sender.email"), Some(SettingGroup::Newsletter));
    assert_eq!(group("org.address"), Some(SettingGroup::Organisation));
    assert_eq!(group("author.name"), Some(SettingGroup::You));
    assert_eq!(group("author.email"), Some(SettingGroup::You));
    // The editor's font: proportional unless chosen otherwise, one of two.
    assert_eq!(group("ui.editor_font"), Some(SettingGroup::Interface));
    assert_eq!(
        library_settings::get(&store, "ui.editor_font").unwrap(),
        "proportional"
    );
    assert!(library_settings::set(&mut store, "ui.editor_font", "comic").is_err());
    library_settings::set(&mut store, "ui.editor_font", "monospace").unwrap();
    assert_eq!(
        library_settings::get(&store, "ui.editor_font").unwrap(),
        "monospace"
    );
    // An empty author email is allowed (git's own is used then); a wrong one is not.
    library_settings::set(&mut store, "author.email", "").unwrap();
    let err = library_settings::set(&mut store, "author.email", "not an address").unwrap_err();
    assert!(err.to_string().contains("email address"), "{err}");
    library_settings::set(&mut store, "author.email", "ana@safestreets.example").unwrap();
    let one = library_settings::describe(&store, "author.email").unwrap();
    assert_eq!(one.value, "ana@safestreets.example");
}

#[test]
fn the_welcome_is_asked_once_on_a_seeded_default_library_only() {
    let lib = Library::new();
    let mut store = lib.open();
    assert!(
        library_settings::welcome(&store).unwrap().is_empty(),
        "an explicit library never shows the welcome"
    );
    postdesk::seed::seed(&mut store).unwrap();
    let asked: Vec<_> = library_settings::welcome(&store)
        .unwrap()
        .iter()
        .map(|s| s.key)
        .collect();
    assert_eq!(asked, library_settings::WELCOME_KEYS);
    library_settings::finish_welcome(&mut store).unwrap();
    drop(store);
    let store = lib.open();
    assert!(library_settings::welcome(&store).unwrap().is_empty());
}

#[test]
fn the_interface_language_is_a_checked_setting_in_its_own_group() {
    use library_settings::SettingGroup;
    let lib = Library::new();
    let mut store = lib.open();
    // Follows the computer's language until set.
    assert_eq!(
        library_settings::get(&store, "ui.language").unwrap(),
        "auto"
    );
    let one = library_settings::describe(&store, "ui.language").unwrap();
    assert_eq!(one.group, SettingGroup::Interface);
    library_settings::set(&mut store, "ui.language", "fr").unwrap();
    let err = library_settings::set(&mut store, "ui.language", "de").unwrap_err();
    assert!(err.to_string().contains("auto, en or fr"), "{err}");
    assert_eq!(library_settings::get(&store, "ui.language").unwrap(), "fr");
    // The CLI sets it too (a screenshot script switches the app to French this way).
    let o = cli(&lib.path, &["config", "set", "ui.language", "en"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        library_settings::get(&lib.open(), "ui.language").unwrap(),
        "en"
    );
}

//! The email's warnings that name a setting carry its key, so the Email tab
//! and the digest can open Settings at that field instead of telling staff
//! to set a command-line key.

use postdesk::ipc::EmailWarning;
use postdesk::library_settings::{self, named_setting, KEYS};

use super::*;

#[test]
fn warnings_that_ask_for_a_setting_name_its_key() {
    let (_lib, mut store) = library(&[]);
    let mut post = publish(&mut store, "Bike lanes", "Ride safely.\n", Lang::En);
    post.status = Status::Draft;
    let warnings: Vec<EmailWarning> = email(&store, &post)
        .warnings
        .into_iter()
        .map(EmailWarning::of)
        .collect();
    let setting_of = |needle: &str| {
        warnings
            .iter()
            .find(|w| w.message.contains(needle))
            .unwrap_or_else(|| panic!("no warning about {needle}: {warnings:?}"))
            .setting
            .clone()
    };
    assert_eq!(setting_of("postal address").as_deref(), Some("org.address"));
    assert_eq!(
        setting_of("unsubscribe link").as_deref(),
        Some("newsletter.unsubscribe_url")
    );
    assert_eq!(setting_of("not published yet"), None);

    library_settings::set(&mut store, "org.address", "1 Main St, Ottawa").unwrap();
    library_settings::set(
        &mut store,
        "newsletter.unsubscribe_url",
        "https://velo.example.org/u",
    )
    .unwrap();
    let left: Vec<_> = email(&store, &post)
        .warnings
        .into_iter()
        .map(EmailWarning::of)
        .filter(|w| w.setting.is_some())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_setting_is_named_only_as_a_whole_key() {
    assert_eq!(
        named_setting("Set newsletter.unsubscribe_url to an https:// address."),
        Some("newsletter.unsubscribe_url")
    );
    assert_eq!(named_setting("set org.address."), Some("org.address"));
    assert_eq!(named_setting("set org.addressbook first"), None);
    assert_eq!(named_setting("set site.name.x"), None);
    assert_eq!(named_setting("the org.address is empty"), None);
    for k in KEYS {
        assert_eq!(
            named_setting(&format!("please set {} (x)", k.name)),
            Some(k.name)
        );
    }
}

//! The email's warnings that name a setting carry its key, so the Email tab
//! and the digest can open Settings at that field instead of telling staff
//! to set a command-line key; and each carries its kind's code and values,
//! so the interface can word it in French.

use std::collections::BTreeMap;

use postdesk::export::email::{post_email, EmailNotice, EmailOptions};
use postdesk::ipc::EmailWarning;
use postdesk::library_settings::{self, KEYS};

use super::*;

#[test]
fn warnings_that_ask_for_a_setting_name_its_key() {
    let (_lib, mut store) = library(&[]);
    let mut post = publish(&mut store, "Bike lanes", "Ride safely.\n", Lang::En);
    post.status = Status::Draft;
    let warnings: Vec<EmailWarning> = email(&store, &post)
        .warnings
        .iter()
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
        .iter()
        .map(EmailWarning::of)
        .filter(|w| w.setting.is_some())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// `(code, args)` of each warning, in order.
fn kinds(warnings: &[EmailWarning]) -> Vec<(String, BTreeMap<String, String>)> {
    warnings
        .iter()
        .map(|w| (w.code.clone(), w.args.clone()))
        .collect()
}

fn args(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn each_warning_carries_its_code_and_values() {
    let (_lib, mut store) = library(&[]);
    let mut post = publish(
        &mut store,
        "Bike lanes",
        "Ride safely.\n\n![](https://cdn.example/lane.png)\n",
        Lang::En,
    );
    post.status = Status::Review;
    let notices = email(&store, &post).warnings;
    assert_eq!(
        notices[0],
        EmailNotice::PostNotPublished {
            title: "Bike lanes".into(),
            status: Status::Review
        }
    );
    let warnings: Vec<EmailWarning> = notices.iter().map(EmailWarning::of).collect();
    let src = "https://cdn.example/lane.png";
    assert_eq!(
        kinds(&warnings),
        [
            (
                "post_not_published".to_string(),
                args(&[("title", "Bike lanes"), ("status", "review")])
            ),
            ("remote_image".to_string(), args(&[("host", "cdn.example")])),
            ("image_without_alt".to_string(), args(&[("src", src)])),
            ("footer_without_address".to_string(), args(&[])),
            ("footer_without_unsubscribe".to_string(), args(&[])),
        ]
    );
    // The message is the English sentence, made with the same values; a
    // setting named is a real key, the one that sentence tells the reader to set.
    for w in &warnings {
        for value in w.args.values() {
            assert!(w.message.contains(value.as_str()), "{w:?}");
        }
        if let Some(setting) = &w.setting {
            assert!(KEYS.iter().any(|k| k.name == setting), "{w:?}");
            assert!(w.message.contains(&format!("set {setting}")), "{w:?}");
        }
    }
    assert_eq!(
        warnings.iter().filter(|w| w.setting.is_some()).count(),
        2,
        "the address and the unsubscribe link: {warnings:?}"
    );

    let mut options = EmailOptions::load(&store).expect("options");
    options.settings.unsubscribe_url = Some("http://velo.example.org/u".into());
    let warnings: Vec<EmailWarning> = post_email(&store, &post, &options)
        .expect("email")
        .warnings
        .iter()
        .map(EmailWarning::of)
        .collect();
    let last = warnings.last().expect("a warning");
    assert_eq!(
        (last.code.as_str(), &last.args),
        (
            "unsubscribe_not_https",
            &args(&[("url", "http://velo.example.org/u")])
        )
    );
    assert_eq!(last.setting.as_deref(), Some("newsletter.unsubscribe_url"));
    assert!(last.message.contains("RFC 8058"), "{last:?}");
}

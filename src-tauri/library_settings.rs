//! Library settings: a fixed set of keys, each with a check and a default.
//! `postdesk config get|set|list` and the app's settings panel both use this.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::Store;

/// One setting the library knows.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub description: &'static str,
    pub default: &'static str,
    check: fn(&str) -> std::result::Result<(), String>,
}

pub const KEYS: &[Key] = &[
    Key {
        name: "site.name",
        description: "the website's name",
        default: "Our Organisation",
        check: one_line,
    },
    Key {
        name: "site.base_url",
        description: "the website's address, e.g. https://example.org",
        default: "https://example.org",
        check: http_url,
    },
    Key {
        name: "newsletter.name",
        description: "the newsletter's name",
        default: "Our Organisation News",
        check: one_line,
    },
    Key {
        name: "sender.name",
        description: "the name newsletters come from",
        default: "Our Organisation",
        check: one_line,
    },
    Key {
        name: "sender.email",
        description: "the address newsletters come from",
        default: "news@example.org",
        check: email,
    },
    Key {
        name: "newsletter.esp",
        description: "the email service: mailchimp, buttondown or plain",
        default: "plain",
        check: esp,
    },
    Key {
        name: "newsletter.unsubscribe_url",
        description:
            "the unsubscribe page, https (for the plain preset and one-click List-Unsubscribe)",
        default: "",
        check: optional_https_url,
    },
    Key {
        name: "org.address",
        description: "the organisation's postal address, shown in email footers",
        default: "",
        check: one_line,
    },
    Key {
        name: "wordpress.url",
        description: "the WordPress site posts are published to, e.g. https://example.org",
        default: "",
        check: optional_http_url,
    },
    Key {
        name: "wordpress.user",
        description: "the WordPress user name Postdesk publishes as",
        default: "",
        check: one_line,
    },
    Key {
        name: "wordpress.category",
        description: "the WordPress category for posts that name none (empty: the site's default)",
        default: "",
        check: one_line,
    },
];

/// A key and its current value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting {
    pub key: &'static str,
    pub value: String,
    pub description: &'static str,
}

fn find(key: &str) -> Result<&'static Key> {
    KEYS.iter().find(|k| k.name == key).ok_or_else(|| {
        Error::invalid(
            "setting",
            format!(
                "\"{key}\" is not a setting. Valid keys: {}.",
                KEYS.iter().map(|k| k.name).collect::<Vec<_>>().join(", ")
            ),
        )
    })
}

/// The value of a setting (its default when never set).
pub fn get(store: &Store, key: &str) -> Result<String> {
    let k = find(key)?;
    Ok(store
        .setting_raw(k.name)?
        .unwrap_or_else(|| k.default.to_string()))
}

/// Check and store a setting. A bad value is refused and the old one kept.
pub fn set(store: &mut Store, key: &str, value: &str) -> Result<()> {
    let k = find(key)?;
    let value = value.trim();
    (k.check)(value).map_err(|why| {
        Error::invalid(
            "setting",
            format!("{} cannot be \"{value}\": {why}", k.name),
        )
    })?;
    store.set_setting_raw(k.name, value)
}

/// Every setting with its value.
pub fn list(store: &Store) -> Result<Vec<Setting>> {
    KEYS.iter()
        .map(|k| {
            Ok(Setting {
                key: k.name,
                value: get(store, k.name)?,
                description: k.description,
            })
        })
        .collect()
}

fn one_line(v: &str) -> std::result::Result<(), String> {
    if v.chars().any(char::is_control) {
        return Err("it must be a single line".into());
    }
    if v.chars().count() > 300 {
        return Err("it must be at most 300 characters".into());
    }
    Ok(())
}

fn http_url(v: &str) -> std::result::Result<(), String> {
    one_line(v)?;
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
        .ok_or("it must start with https:// or http://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains(char::is_whitespace) || v.contains(['"', '<', '>', ' ']) {
        return Err("it must be a web address such as https://example.org".into());
    }
    Ok(())
}

/// Empty, or an http(s) address.
fn optional_http_url(v: &str) -> std::result::Result<(), String> {
    if v.is_empty() {
        return Ok(());
    }
    http_url(v)
}

/// Empty, or an https address: a one-click unsubscribe (RFC 8058, which
/// Gmail and Yahoo require of bulk senders) must be https.
fn optional_https_url(v: &str) -> std::result::Result<(), String> {
    if v.is_empty() {
        return Ok(());
    }
    http_url(v)?;
    if !v.starts_with("https://") {
        return Err(
            "it must start with https:// (one-click unsubscribe, RFC 8058, needs https)".into(),
        );
    }
    Ok(())
}

fn email(v: &str) -> std::result::Result<(), String> {
    one_line(v)?;
    let bad = || "it must be an email address such as news@example.org".to_string();
    let (local, domain) = v.split_once('@').ok_or_else(bad)?;
    let ok_part = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
    };
    if !ok_part(local) || !ok_part(domain) || !domain.contains('.') || domain.contains('@') {
        return Err(bad());
    }
    Ok(())
}

fn esp(v: &str) -> std::result::Result<(), String> {
    match v {
        "mailchimp" | "buttondown" | "plain" => Ok(()),
        _ => Err("it must be one of mailchimp, buttondown, plain".into()),
    }
}

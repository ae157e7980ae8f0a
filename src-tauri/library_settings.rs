//! Library settings: a fixed set of keys, each with a check and a default.
//! `postdesk config get|set|list` and the app's settings panel both use this.

use serde::Serialize;
use ts_rs::TS;

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
        name: "author.name",
        description:
            "your name, shown as the author of posts you create and of your shared changes (default: git's user.name)",
        default: "",
        check: one_line,
    },
    Key {
        name: "author.email",
        description: "your email address, recorded with your shared changes (default: git's user.email)",
        default: "",
        check: optional_email,
    },
    Key {
        name: "ui.language",
        description: "the language of the app's menus and messages: auto (the computer's language), en or fr",
        default: "auto",
        check: ui_language,
    },
    Key {
        name: "publish.repo",
        description: "your copy (git clone) of the site's repository, as a full path, for postdesk publish site",
        default: "",
        check: site_repo_path,
    },
    Key {
        name: "publish.format",
        description: "the site repository's generator: hugo or jekyll",
        default: "hugo",
        check: site_repo_format,
    },
    Key {
        name: "publish.branch",
        description: "the branch publish site pushes to (empty: the branch the copy is on), e.g. postdesk/spring-appeal for a pull request",
        default: "",
        check: crate::publish::site_repo::check_branch,
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
    Key {
        name: "ui.editor_font",
        description: "the editor's font: proportional (IBM Plex Sans, for writing prose) or monospace",
        default: "proportional",
        check: editor_font,
    },
];

/// A key and its current value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Setting {
    pub key: &'static str,
    pub value: String,
    pub description: &'static str,
    /// The value used while nothing is set.
    pub default: &'static str,
    pub group: SettingGroup,
}

/// The section of the Settings window a key belongs to, from its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SettingGroup {
    Site,
    Newsletter,
    Organisation,
    You,
    Interface,
    Team,
    Publishing,
}

impl SettingGroup {
    /// The group of a key: `site.*` → Site, `newsletter.*`/`sender.*` →
    /// Newsletter, `org.*` → Organisation, `author.*` → You, `ui.*` →
    /// Interface, `team.*` →
    /// Team, `wordpress.*`/`publish.*` → Publishing.
    pub fn of(key: &str) -> SettingGroup {
        match key.split('.').next().unwrap_or_default() {
            "site" => SettingGroup::Site,
            "newsletter" | "sender" => SettingGroup::Newsletter,
            "author" => SettingGroup::You,
            "ui" => SettingGroup::Interface,
            "team" => SettingGroup::Team,
            "wordpress" | "publish" => SettingGroup::Publishing,
            _ => SettingGroup::Organisation,
        }
    }
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
    KEYS.iter().map(|k| describe(store, k.name)).collect()
}

/// The settings the first-run welcome asks for: the ones a site export and
/// an email cannot do without.
pub const WELCOME_KEYS: &[&str] = &[
    "site.name",
    "site.base_url",
    "sender.name",
    "sender.email",
    "org.address",
];

/// Internal flag (not a user setting): set when the default library is
/// first seeded, cleared when the welcome is finished or skipped.
const WELCOME_PENDING: &str = "ui.welcome_pending";

/// Ask for the welcome on the next start (a freshly seeded default library).
pub fn ask_welcome(store: &mut Store) -> Result<()> {
    store.set_setting_raw(WELCOME_PENDING, "1")
}

/// The settings the first-run welcome asks for, or none when it is not due.
pub fn welcome(store: &Store) -> Result<Vec<Setting>> {
    if store.setting_raw(WELCOME_PENDING)?.as_deref() != Some("1") {
        return Ok(Vec::new());
    }
    WELCOME_KEYS.iter().map(|k| describe(store, k)).collect()
}

/// The welcome was finished or skipped: never show it again.
pub fn finish_welcome(store: &mut Store) -> Result<()> {
    store.set_setting_raw(WELCOME_PENDING, "0")
}

/// One setting with its current value.
pub fn describe(store: &Store, key: &str) -> Result<Setting> {
    let k = find(key)?;
    Ok(Setting {
        key: k.name,
        value: get(store, k.name)?,
        description: k.description,
        default: k.default,
        group: SettingGroup::of(k.name),
    })
}

fn editor_font(v: &str) -> std::result::Result<(), String> {
    match v {
        "proportional" | "monospace" => Ok(()),
        _ => Err("use proportional or monospace".to_string()),
    }
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

fn optional_email(v: &str) -> std::result::Result<(), String> {
    if v.is_empty() {
        return Ok(());
    }
    email(v)
}

fn esp(v: &str) -> std::result::Result<(), String> {
    match v {
        "mailchimp" | "buttondown" | "plain" => Ok(()),
        _ => Err("it must be one of mailchimp, buttondown, plain".into()),
    }
}

/// Empty, or a git clone's folder as its real full path.
fn site_repo_path(v: &str) -> std::result::Result<(), String> {
    if v.is_empty() {
        return Ok(());
    }
    one_line(v)?;
    crate::publish::site_repo::check_repo(v).map(|_| ())
}

fn ui_language(v: &str) -> std::result::Result<(), String> {
    match v {
        "auto" | "en" | "fr" => Ok(()),
        _ => Err("it must be auto, en or fr".into()),
    }
}

fn site_repo_format(v: &str) -> std::result::Result<(), String> {
    match v {
        "hugo" | "jekyll" => Ok(()),
        _ => Err("it must be hugo or jekyll".into()),
    }
}

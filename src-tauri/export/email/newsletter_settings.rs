//! The newsletter's settings, read once per export so one email never mixes
//! two versions of them.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::library_settings;
use crate::store::Store;

/// The email service the newsletter goes out with. It decides what the
/// footer's unsubscribe, archive and postal-address slots hold: each service
/// substitutes its own placeholders per subscriber when it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Esp {
    /// Mailchimp merge tags: `*|UNSUB|*`, `*|ARCHIVE|*`, and the audience's
    /// address (`*|HTML:LIST_ADDRESS_HTML|*` in HTML, `*|LIST:ADDRESS|*` in
    /// the plain text, which cannot hold the HTML variant's markup).
    Mailchimp,
    /// Buttondown template variables, as its "Template variables" page names
    /// them: `{{ unsubscribe_url }}` ("a personalized URL for the given
    /// subscriber to unsubscribe with") and `{{ email_url }}` ("the permalink
    /// of the email being sent out"). Buttondown has no address variable, so
    /// the `org.address` setting is printed.
    Buttondown,
    /// Real links from the settings: `newsletter.unsubscribe_url`, and the
    /// post (or the listing page, for a digest) on the site as the archive.
    Plain,
}

impl Esp {
    pub const ALL: [Esp; 3] = [Esp::Mailchimp, Esp::Buttondown, Esp::Plain];

    pub fn as_str(self) -> &'static str {
        match self {
            Esp::Mailchimp => "mailchimp",
            Esp::Buttondown => "buttondown",
            Esp::Plain => "plain",
        }
    }
}

impl fmt::Display for Esp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Esp {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Esp::ALL
            .into_iter()
            .find(|e| e.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    "esp",
                    format!("\"{s}\" is not an email service; use mailchimp, buttondown or plain"),
                )
            })
    }
}

/// Who the newsletter comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sender {
    pub name: String,
    pub email: String,
}

/// Every setting an email export reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewsletterSettings {
    pub site_name: String,
    /// `site.base_url` without a trailing slash.
    pub base_url: String,
    pub newsletter_name: String,
    pub sender: Sender,
    pub esp: Esp,
    /// `newsletter.unsubscribe_url`; `None` when not set. It is the plain
    /// preset's footer link and the `List-Unsubscribe` header of an `.eml`.
    pub unsubscribe_url: Option<String>,
    /// `org.address`; may be empty.
    pub org_address: String,
}

impl NewsletterSettings {
    /// Read the settings (their defaults when never set).
    pub fn load(store: &Store) -> Result<NewsletterSettings> {
        let get = |key: &str| library_settings::get(store, key);
        let unsubscribe_url = get("newsletter.unsubscribe_url")?;
        Ok(NewsletterSettings {
            site_name: get("site.name")?,
            base_url: get("site.base_url")?.trim_end_matches('/').to_string(),
            newsletter_name: get("newsletter.name")?,
            sender: Sender {
                name: get("sender.name")?,
                email: get("sender.email")?,
            },
            esp: get("newsletter.esp")?.parse()?,
            unsubscribe_url: (!unsubscribe_url.trim().is_empty())
                .then(|| unsubscribe_url.trim().to_string()),
            org_address: get("org.address")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esp_names_round_trip() {
        for esp in Esp::ALL {
            assert_eq!(esp.as_str().parse::<Esp>().ok(), Some(esp));
        }
        assert_eq!(" Mailchimp ".parse::<Esp>().ok(), Some(Esp::Mailchimp));
        assert!("sendgrid".parse::<Esp>().is_err());
    }

    #[test]
    fn defaults_load_without_an_unsubscribe_url() -> Result<()> {
        let store = Store::open_in_memory()?;
        let s = NewsletterSettings::load(&store)?;
        assert_eq!(s.esp, Esp::Plain);
        assert_eq!(s.unsubscribe_url, None);
        assert!(!s.base_url.ends_with('/'));
        Ok(())
    }
}

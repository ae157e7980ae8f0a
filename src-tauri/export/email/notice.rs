//! The warnings an email export gives, as a closed set of kinds each with
//! its values: the CLI prints the English sentence ([`fmt::Display`]), the
//! app gets the kind's `code` and values too, so its interface can word the
//! warning in its own language, and the setting that would fix it, so it can
//! open Settings at that field.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::model::Status;

/// Something the author may want to fix before sending an email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailNotice {
    /// The post is not on the site yet: its link will not work.
    PostNotPublished { title: String, status: Status },
    /// An image has neither alt text nor a title.
    ImageWithoutAlt { src: String },
    /// An image is loaded from a server other than the site's.
    RemoteImage { host: String },
    /// `org.address` is empty (and the email service does not fill it in).
    FooterWithoutAddress,
    /// The plain preset has no `newsletter.unsubscribe_url`.
    FooterWithoutUnsubscribe,
    /// The unsubscribe URL is not https, so there is no one-click unsubscribe.
    UnsubscribeNotHttps { url: String },
}

impl EmailNotice {
    /// The kind, snake_case, stable across IPC (the interface's message key).
    pub fn code(&self) -> &'static str {
        match self {
            EmailNotice::PostNotPublished { .. } => "post_not_published",
            EmailNotice::ImageWithoutAlt { .. } => "image_without_alt",
            EmailNotice::RemoteImage { .. } => "remote_image",
            EmailNotice::FooterWithoutAddress => "footer_without_address",
            EmailNotice::FooterWithoutUnsubscribe => "footer_without_unsubscribe",
            EmailNotice::UnsubscribeNotHttps { .. } => "unsubscribe_not_https",
        }
    }

    /// The values the sentence is made with, by name (a status by its code,
    /// e.g. `draft`).
    pub fn args(&self) -> BTreeMap<String, String> {
        let pairs: Vec<(&str, String)> = match self {
            EmailNotice::PostNotPublished { title, status } => {
                vec![("title", title.clone()), ("status", status.to_string())]
            }
            EmailNotice::ImageWithoutAlt { src } => vec![("src", src.clone())],
            EmailNotice::RemoteImage { host } => vec![("host", host.clone())],
            EmailNotice::FooterWithoutAddress | EmailNotice::FooterWithoutUnsubscribe => vec![],
            EmailNotice::UnsubscribeNotHttps { url } => vec![("url", url.clone())],
        };
        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    }

    /// The library setting that would fix it, if one does.
    pub fn setting(&self) -> Option<&'static str> {
        match self {
            EmailNotice::FooterWithoutAddress => Some("org.address"),
            EmailNotice::FooterWithoutUnsubscribe | EmailNotice::UnsubscribeNotHttps { .. } => {
                Some("newsletter.unsubscribe_url")
            }
            EmailNotice::PostNotPublished { .. }
            | EmailNotice::ImageWithoutAlt { .. }
            | EmailNotice::RemoteImage { .. } => None,
        }
    }
}

/// The English sentence (the CLI's, and the app's in English).
impl fmt::Display for EmailNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmailNotice::PostNotPublished { title, status } => write!(
                f,
                "\"{title}\" is not published yet (status: {status}): its link to the site will not work until it is."
            ),
            EmailNotice::ImageWithoutAlt { src } => write!(
                f,
                "The image {src} has no alt text; readers who cannot see it, \
                 or whose client blocks images, get nothing. Write ![what it shows]({src})."
            ),
            EmailNotice::RemoteImage { host } => write!(
                f,
                "An image is loaded from {host}, a server other than the site's: it can tell who opened \
                 the email and when (a tracking pixel). Add the image to the library instead, or remove it."
            ),
            EmailNotice::FooterWithoutAddress => f.write_str(
                "The footer has no postal address: set org.address (anti-spam laws such as \
                 CAN-SPAM and CASL require one).",
            ),
            EmailNotice::FooterWithoutUnsubscribe => f.write_str(
                "The footer has no unsubscribe link: set newsletter.unsubscribe_url, or \
                 choose the mailchimp or buttondown preset.",
            ),
            EmailNotice::UnsubscribeNotHttps { url } => write!(
                f,
                "The unsubscribe link {url} is not https: mailbox providers want a one-click \
                 unsubscribe (RFC 8058), which needs https, so the .eml has no List-Unsubscribe-Post \
                 header. Set newsletter.unsubscribe_url to an https:// address."
            ),
        }
    }
}

/// Serialized as its sentence.
impl Serialize for EmailNotice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

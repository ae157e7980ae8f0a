//! The footer every newsletter email ends with: why the reader gets it, the
//! sender's postal address, an unsubscribe link and a link to read it
//! online. What fills those slots depends on the email service
//! ([`Esp`]): placeholders it substitutes per subscriber, or real links.

use super::newsletter_settings::{Esp, NewsletterSettings};
use super::EmailNotice;
use crate::labels::Labels;
use crate::util::html::escape;

/// The footer as HTML, twice: for the HTML part and for the plain text
/// (Mailchimp's address placeholder differs between the two).
pub(crate) struct Footer {
    pub html: String,
    pub text_html: String,
}

/// Build the footer. `site_url` is the plain preset's "read online" link: the
/// post's page, or the listing page for a digest. Missing legal pieces
/// (address, unsubscribe link) are reported in `warnings`.
pub(crate) fn footer(
    settings: &NewsletterSettings,
    labels: &Labels,
    site_url: &str,
    warnings: &mut Vec<EmailNotice>,
) -> Footer {
    let why = format!(
        "<p>{}</p>\n",
        escape(&labels.subscribed_to(&settings.newsletter_name))
    );
    let mut org_address = || {
        if settings.org_address.trim().is_empty() {
            warnings.push(EmailNotice::FooterWithoutAddress);
            String::new()
        } else {
            format!("<p>{}</p>\n", escape(settings.org_address.trim()))
        }
    };
    let (address_html, address_text, unsubscribe, online, online_label) = match settings.esp {
        Esp::Mailchimp => (
            "<p>*|HTML:LIST_ADDRESS_HTML|*</p>\n".to_string(),
            "<p>*|LIST:ADDRESS|*</p>\n".to_string(),
            Some("*|UNSUB|*".to_string()),
            "*|ARCHIVE|*".to_string(),
            labels.view_online,
        ),
        Esp::Buttondown => {
            let address = org_address();
            (
                address.clone(),
                address,
                Some("{{ unsubscribe_url }}".to_string()),
                "{{ email_url }}".to_string(),
                labels.view_online,
            )
        }
        Esp::Plain => {
            let address = org_address();
            if settings.unsubscribe_url.is_none() {
                warnings.push(EmailNotice::FooterWithoutUnsubscribe);
            }
            (
                address.clone(),
                address,
                settings.unsubscribe_url.clone(),
                site_url.to_string(),
                labels.read_on_site,
            )
        }
    };
    let mut links = Vec::with_capacity(2);
    if let Some(url) = unsubscribe {
        links.push(format!(
            "<a href=\"{}\">{}</a>",
            escape(&url),
            escape(labels.unsubscribe)
        ));
    }
    links.push(format!(
        "<a href=\"{}\">{}</a>",
        escape(&online),
        escape(online_label)
    ));
    let links = format!("<p>{}</p>\n", links.join(" · "));
    Footer {
        html: format!("{why}{address_html}{links}"),
        text_html: format!("{why}{address_text}{links}"),
    }
}

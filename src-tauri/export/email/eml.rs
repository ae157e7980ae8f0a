//! The `.eml` file, built by mail-builder: it encodes headers (RFC 2047 for
//! the accents of a French subject or sender), folds long lines and picks
//! each part's transfer encoding. Nothing here writes MIME by hand.

use chrono::{DateTime, Utc};
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::date::Date;
use mail_builder::headers::text::Text;
use mail_builder::headers::url::URL;
use mail_builder::mime::MimePart;
use mail_builder::MessageBuilder;
use sha2::{Digest as _, Sha256};

use super::{header_line, one_line, EmailNotice, EmailParts};
use crate::error::Result;

/// Build the message. Every header value goes through [`one_line`] first,
/// so no title, name or setting can end a header line and start another;
/// Subject and From are written by [`phrase_text`]. mail-builder writes a
/// display name as a quoted string when it is ASCII and as whole RFC 2047
/// encoded words otherwise (never an encoded word inside quotes);
/// `tests/integration/export_email/headers.rs` checks that strictly.
pub(crate) fn build(parts: &EmailParts, date: DateTime<Utc>) -> Result<Vec<u8>> {
    let text = MimePart::new("text/plain", parts.text.as_str());
    let mut html = MimePart::new("text/html", parts.html.as_str());
    if !parts.images.is_empty() {
        let mut related = Vec::with_capacity(parts.images.len() + 1);
        related.push(html);
        for image in &parts.images {
            related.push(
                MimePart::new(image.mime.as_str(), image.data.as_slice())
                    .header(
                        "Content-Disposition",
                        ContentType::new("inline").attribute("filename", image.file_name.as_str()),
                    )
                    .cid(image.cid.as_str()),
            );
        }
        html = MimePart::new("multipart/related", related);
    }
    let body = MimePart::new("multipart/alternative", vec![text, html]);

    let sender_email = one_line(&parts.sender.email);
    let mut message = MessageBuilder::new()
        .from(Address::new_address(
            Some(phrase_text(&parts.sender.name)),
            sender_email.clone(),
        ))
        .subject(Text::new(phrase_text(&parts.subject)))
        .date(Date::new(date.timestamp()))
        .message_id(message_id(parts, date, &sender_email))
        .header("Content-Language", Text::new(parts.lang.as_str()));
    if let Some(url) = &parts.unsubscribe_url {
        let url = one_line(url);
        let one_click = is_https(&url);
        message = message.header("List-Unsubscribe", URL::new(url));
        if one_click {
            // RFC 8058 one-click unsubscribe: the ESP (or the site) must
            // accept a POST to this URL; mailbox providers require it for
            // bulk senders. RFC 8058 allows it for https URIs only.
            message = message.header(
                "List-Unsubscribe-Post",
                Text::new("List-Unsubscribe=One-Click"),
            );
        }
    }
    Ok(message.body(body).write_to_vec()?)
}

/// A Subject or From name for the wire: [`header_line`] (one line, no bidi
/// controls), and no `=?` left as typed. ASCII text is written as is (or
/// quoted), and lenient readers, most clients among them, decode an
/// encoded-word look-alike found there, so a name typed as
/// `=?utf-8?B?…?=` would read as something else. An invisible joiner
/// after the `=` makes the text non-ASCII: it is then encoded whole, and
/// decodes to what was typed.
fn phrase_text(text: &str) -> String {
    header_line(text).replace("=?", "=\u{200D}?")
}

/// Whether `url` is https, the only kind a one-click unsubscribe may use.
fn is_https(url: &str) -> bool {
    url.get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
}

/// Warn when the unsubscribe URL cannot be a one-click one (RFC 8058 wants
/// https): the `.eml` then has `List-Unsubscribe` without
/// `List-Unsubscribe-Post`. The setting accepts https only now, but a
/// library may hold an older http value.
pub(crate) fn check_unsubscribe_url(url: Option<&str>, warnings: &mut Vec<EmailNotice>) {
    if let Some(url) = url.filter(|u| !is_https(u)) {
        warnings.push(EmailNotice::UnsubscribeNotHttps {
            url: url.to_string(),
        });
    }
}

/// `<date>.<hash of the content>@<sender's domain>`: unique per content and
/// time, and stable for the same export (tests, repeated saves).
fn message_id(parts: &EmailParts, date: DateTime<Utc>, sender_email: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(parts.subject.as_bytes());
    hash.update([0]);
    hash.update(parts.html.as_bytes());
    let hex: String = hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let domain: String = sender_email
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .collect();
    let domain = if domain.is_empty() {
        "postdesk.invalid"
    } else {
        &domain
    };
    format!("{}.{hex}@{domain}", date.format("%Y%m%d%H%M%S"))
}

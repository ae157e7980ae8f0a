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

use super::{one_line, EmailParts};
use crate::error::Result;

/// Build the message. Every header value goes through [`one_line`] first,
/// so no title, name or setting can end a header line and start another.
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
            Some(one_line(&parts.sender.name)),
            sender_email.clone(),
        ))
        .subject(Text::new(one_line(&parts.subject)))
        .date(Date::new(date.timestamp()))
        .message_id(message_id(parts, date, &sender_email))
        .header("Content-Language", Text::new(parts.lang.as_str()));
    if let Some(url) = &parts.unsubscribe_url {
        // RFC 8058 one-click unsubscribe: the ESP (or the site) must accept
        // a POST to this URL; mailbox providers require it for bulk senders.
        message = message
            .header("List-Unsubscribe", URL::new(one_line(url)))
            .header(
                "List-Unsubscribe-Post",
                Text::new("List-Unsubscribe=One-Click"),
            );
    }
    Ok(message.body(body).write_to_vec()?)
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

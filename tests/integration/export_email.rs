//! Newsletter exports (issue #5): email HTML, plain text, `.eml` and
//! digests, through the core API and through the real CLI binary. Every
//! `.eml` is read back with a real MIME parser (mail-parser).
//!
//! Helpers live here; the tests are split by subject below.

mod cli;
mod digest;
mod digest_draft;
mod eml;
mod headers;
mod hostile;
mod html;
mod text;
mod warnings;

use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use mail_parser::{Message, MessageParser, MimeHeaders, PartType};
use postdesk::export::email::{post_email, EmailOptions, EmailParts};
use postdesk::library_settings;
use postdesk::model::{Lang, NewPost, Post, Status};
use postdesk::store::Store;

use crate::common::Library;

/// A real 1×1 PNG (the one the asset tests use).
pub use crate::assets::PNG;

/// A library on disk with these settings.
pub fn library(settings: &[(&str, &str)]) -> (Library, Store) {
    let lib = Library::new();
    let mut store = lib.open();
    library_settings::set(&mut store, "site.base_url", "https://velo.example.org")
        .expect("base url");
    for (key, value) in settings {
        library_settings::set(&mut store, key, value).expect("setting");
    }
    (lib, store)
}

/// A published post.
pub fn publish(store: &mut Store, title: &str, body: &str, lang: Lang) -> Post {
    store
        .create_post(NewPost {
            title: title.into(),
            body: body.into(),
            lang,
            status: Status::Published,
            ..NewPost::default()
        })
        .expect("create post")
}

/// One post as an email with the library's settings.
pub fn email(store: &Store, post: &Post) -> EmailParts {
    let options = EmailOptions::load(store).expect("options");
    post_email(store, post, &options).expect("email")
}

/// A fixed send date, so `.eml` files are reproducible.
pub fn date() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 5, 14, 30, 0)
        .single()
        .expect("valid date")
}

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export_email")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn parse(eml: &[u8]) -> Message<'_> {
    MessageParser::default()
        .parse(eml)
        .expect("a parsable message")
}

/// The MIME tree, e.g. `multipart/alternative[text/plain;utf-8,text/html;utf-8]`.
pub fn tree(message: &Message<'_>) -> String {
    fn walk(message: &Message<'_>, id: usize, out: &mut String) {
        let part = &message.parts[id];
        let ct = part.content_type().expect("content type");
        out.push_str(&format!(
            "{}/{}",
            ct.ctype(),
            ct.subtype().unwrap_or_default()
        ));
        if let Some(charset) = ct.attribute("charset") {
            out.push_str(&format!(";{}", charset.to_ascii_lowercase()));
        }
        if let PartType::Multipart(children) = &part.body {
            out.push('[');
            for (i, child) in children.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                walk(message, *child as usize, out);
            }
            out.push(']');
        }
    }
    let mut out = String::new();
    walk(message, 0, &mut out);
    out
}

/// Every `href` of an HTML document, decoded, in order.
pub fn hrefs(html: &str) -> Vec<String> {
    attribute_values(html, "href")
}

/// Every value of `name="…"` in `html`, decoded.
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| {
                rest[..end]
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
            })
        })
        .collect()
}

/// The start tags named `tag` in `html` (`<p …>`, not `<pre>`).
pub fn start_tags<'h>(html: &'h str, tag: &str) -> Vec<&'h str> {
    let open = format!("<{tag}");
    html.match_indices(&open)
        .filter(|(at, _)| {
            matches!(
                html.as_bytes().get(at + open.len()),
                Some(b' ' | b'>' | b'/')
            )
        })
        .filter_map(|(at, _)| html[at..].find('>').map(|end| &html[at..=at + end]))
        .collect()
}

/// The header lines of a raw message (unfolded names only).
pub fn header_names(eml: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(eml);
    let head = text
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_string();
    head.split("\r\n")
        .filter(|line| !line.starts_with([' ', '\t']))
        .filter_map(|line| line.split_once(':').map(|(name, _)| name.to_string()))
        .collect()
}

//! The renderer's sanitized HTML, made fit for an inbox. Email clients load
//! nothing relative and run no page logic, so this pass, and only this pass:
//!
//! * turns `asset:` images into absolute site URLs, `cid:` parts or `data:`
//!   URLs (see [`ImageMode`]), and `asset:` links into site URLs;
//! * makes relative links absolute against the post's page (or the site);
//! * unwraps in-page links (`#fn-1`…) and drops footnote back-references,
//!   which most clients cannot follow;
//! * replaces task-list checkboxes (`<input>`, a form control) with ☑/☐;
//! * gives every image an `alt` attribute;
//! * breaks the email services' merge tags in text, attribute values and
//!   URLs ([`super::merge_tags`]: this HTML is post content, never the
//!   footer);
//! * notes each server other than the site's that an image is loaded from
//!   (a remote image can track who opens the email, and when).
//!
//! The input is ammonia's serialization, so it is regular: tags are
//! `<name attr="value">` with `&`, `"` (and maybe `<`, `>`) escaped in values,
//! and `<` in text is always `&lt;`. Only the tags changed here are
//! re-serialized; everything else is copied byte for byte, so nothing the
//! sanitizer let through is widened.

use super::merge_tags::neutralize_text;
use super::tokens::{Token, Tokens};
use super::{EmailNotice, EmbeddedImage, ImageMode};
use crate::error::{Error, Result};
use crate::markdown;
use crate::store::Store;
use crate::util::data_url::data_url;

/// Where the HTML will be read, and how to reach its images from there.
pub(crate) struct Target<'a> {
    pub store: &'a Store,
    pub images: ImageMode,
    /// `site.base_url` without a trailing slash.
    pub base_url: &'a str,
    /// The site URL of the post the HTML belongs to (trailing slash). `None`
    /// for a digest's intro, which has no page: its images cannot be linked.
    pub page_url: Option<&'a str>,
}

/// What rewriting found besides the HTML.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    /// Images to attach as `cid:` parts, each once.
    pub images: Vec<EmbeddedImage>,
    /// Things the author may want to fix (images without alt text…).
    pub warnings: Vec<EmailNotice>,
    /// The servers, other than the site's, that images are loaded from
    /// (each once, lower case), each also told in `warnings`.
    pub remote_image_hosts: Vec<String>,
}

/// Rewrite sanitized HTML for email; see the module documentation.
///
/// The HTML is passed through [`markdown::sanitize`] (the one policy) once
/// more first. The renderer already sanitizes, and the policy is idempotent,
/// so this changes nothing when all is well; it is here because this pass
/// *depends* on ammonia's regular serialization, and because an email is sent
/// to thousands: safety must not rest on one call elsewhere staying in place.
pub(crate) fn for_email(html: &str, target: &Target, found: &mut Collected) -> Result<String> {
    let html = markdown::sanitize(html);
    let html = html.as_str();
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    // For each open <a>: whether its start tag was written (so is its end tag).
    let mut anchors: Vec<bool> = Vec::new();
    // Depth of <a> inside a dropped footnote back-reference.
    let mut skipping = 0usize;
    for token in Tokens(html) {
        if skipping > 0 {
            match token {
                Token::Start(tag) if tag.name == "a" => skipping += 1,
                Token::End("a", _) => skipping -= 1,
                _ => {}
            }
            continue;
        }
        match token {
            Token::Text(raw) | Token::Other(raw) => out.push_str(&neutralize_text(raw)),
            Token::End(name, raw) => {
                if name != "a" || anchors.pop().unwrap_or(true) {
                    out.push_str(raw);
                }
            }
            Token::Start(mut tag) => match tag.name.as_str() {
                "a" if tag.has_class("footnote-backref") => skipping = 1,
                "a" => {
                    let href = tag.attr("href").unwrap_or_default().trim().to_string();
                    if href.is_empty() || href.starts_with('#') {
                        anchors.push(false);
                    } else {
                        anchors.push(true);
                        tag.set("href", link_url(&href, target)?);
                        tag.neutralize_merge_tags();
                        tag.write(&mut out);
                    }
                }
                "img" => {
                    let src = tag.attr("src").unwrap_or_default().trim().to_string();
                    let final_src = image_url(&src, target, found)?;
                    note_remote_image(&final_src, target, found);
                    tag.set("src", final_src);
                    let alt = tag.attr("alt").unwrap_or_default().trim().to_string();
                    let title = tag.attr("title").unwrap_or_default().trim().to_string();
                    if alt.is_empty() && title.is_empty() {
                        found
                            .warnings
                            .push(EmailNotice::ImageWithoutAlt { src: src.clone() });
                    }
                    tag.set("alt", if alt.is_empty() { title } else { alt });
                    tag.neutralize_merge_tags();
                    tag.write(&mut out);
                }
                "input" => out.push_str(if tag.attr("checked").is_some() {
                    "☑ "
                } else {
                    "☐ "
                }),
                _ => {
                    if tag.neutralize_merge_tags() {
                        tag.write(&mut out);
                    } else {
                        out.push_str(tag.raw);
                    }
                }
            },
        }
    }
    Ok(out)
}

/// Warn, once per server, about an image loaded from a server other than
/// the site's: it can log who opens the email and when (a tracking pixel).
fn note_remote_image(src: &str, target: &Target, found: &mut Collected) {
    let Some(host) = http_host(src) else {
        return;
    };
    if http_host(target.base_url).as_deref() == Some(host.as_str())
        || found.remote_image_hosts.contains(&host)
    {
        return;
    }
    found
        .warnings
        .push(EmailNotice::RemoteImage { host: host.clone() });
    found.remote_image_hosts.push(host);
}

/// The host of an `http:`/`https:` URL, lower case, without user, port or
/// final dot; `None` for any other URL.
fn http_host(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or_default();
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The URL a link points to from an email.
fn link_url(url: &str, target: &Target) -> Result<String> {
    if is_asset(url) {
        return linked_asset_url(url, target);
    }
    Ok(absolute(url, target))
}

/// The `src` of an image in an email, collecting embedded images.
fn image_url(src: &str, target: &Target, found: &mut Collected) -> Result<String> {
    if !is_asset(src) {
        return Ok(absolute(src, target));
    }
    let reference = src.to_ascii_lowercase();
    Ok(match target.images {
        ImageMode::Linked => linked_asset_url(&reference, target)?,
        ImageMode::Embedded => {
            let hex = reference.trim_start_matches(ASSET_PREFIX);
            let cid = format!("{hex}@postdesk");
            if !found.images.iter().any(|i| i.cid == cid) {
                let asset = target.store.asset(&reference)?;
                found.images.push(EmbeddedImage {
                    data: target.store.asset_data(&reference)?,
                    cid: cid.clone(),
                    mime: asset.mime,
                    file_name: asset.file_name,
                });
            }
            format!("cid:{cid}")
        }
        ImageMode::Inline => {
            let asset = target.store.asset(&reference)?;
            let data = target.store.asset_data(&reference)?;
            data_url(&asset.mime, &data)
        }
    })
}

const ASSET_PREFIX: &str = "asset:";

/// `asset:` followed by 16 hex digits, as the renderer recognises them.
fn is_asset(url: &str) -> bool {
    url.strip_prefix(ASSET_PREFIX)
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Where the site export puts an image: beside the post's page.
fn linked_asset_url(reference: &str, target: &Target) -> Result<String> {
    let page = target.page_url.ok_or_else(|| {
        Error::invalid(
            "intro",
            format!(
                "The digest introduction uses the image {reference}, which has no address on the \
                 site; embed the images in the .eml, or use a web address instead."
            ),
        )
    })?;
    let asset = target.store.asset(&reference.to_ascii_lowercase())?;
    Ok(format!("{page}{}", asset.file_name))
}

/// `url` made absolute: against the post's page, or the site for a path
/// from the root or for text without a page.
fn absolute(url: &str, target: &Target) -> String {
    if has_scheme(url) {
        url.to_string()
    } else if let Some(rest) = url.strip_prefix("//") {
        format!("https://{rest}")
    } else if url.starts_with('/') {
        format!("{}{url}", target.base_url)
    } else {
        match target.page_url {
            Some(page) => format!("{page}{url}"),
            None => format!("{}/{url}", target.base_url),
        }
    }
}

/// Whether `url` starts with `scheme:` (RFC 3986).
fn has_scheme(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) => {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(html: &str, page: Option<&str>) -> String {
        let store = Store::open_in_memory().expect("store");
        let target = Target {
            store: &store,
            images: ImageMode::Linked,
            base_url: "https://example.org",
            page_url: page,
        };
        for_email(html, &target, &mut Collected::default()).expect("rewrite")
    }

    #[test]
    fn relative_links_become_absolute() {
        let page = Some("https://example.org/posts/a/");
        assert_eq!(
            rewrite(r#"<a href="/about?x=1&amp;y=2" rel="x">A</a>"#, page),
            r#"<a href="https://example.org/about?x=1&amp;y=2" rel="noopener noreferrer">A</a>"#
        );
        assert_eq!(
            rewrite(r#"<a href="guide.pdf">G</a>"#, page),
            r#"<a href="https://example.org/posts/a/guide.pdf" rel="noopener noreferrer">G</a>"#
        );
        assert_eq!(
            rewrite(r#"<a href="mailto:a@b.org">m</a>"#, None),
            r#"<a href="mailto:a@b.org" rel="noopener noreferrer">m</a>"#
        );
        // Whatever the caller passes goes through the sanitizer first.
        assert_eq!(
            rewrite(
                r#"<a href="javascript:alert(1)" onclick="x">j</a><script>s</script>"#,
                None
            ),
            "j"
        );
    }

    #[test]
    fn footnote_links_are_unwrapped_and_back_references_dropped() {
        let html = r##"<p>x<sup id="fnref-1"><a href="#fn-1">1</a></sup></p><p>Note. <a href="#fnref-1" class="footnote-backref">↩</a></p>"##;
        assert_eq!(
            rewrite(html, None),
            r#"<p>x<sup id="fnref-1">1</sup></p><p>Note. </p>"#
        );
    }

    #[test]
    fn checkboxes_become_characters_and_images_keep_alt() {
        let html = r#"<li><input disabled="" type="checkbox" checked="">Done</li><img src="https://x.org/a.png" title="T">"#;
        assert_eq!(
            rewrite(html, None),
            r#"<li>☑ Done</li><img src="https://x.org/a.png" title="T" alt="T">"#
        );
    }

    #[test]
    fn values_are_decoded_then_escaped_again() {
        let html = r#"<img src="https://x.org/a.png?a=1&amp;b=2" alt="a &quot;b&quot; > c">"#;
        assert_eq!(
            rewrite(html, None),
            r#"<img src="https://x.org/a.png?a=1&amp;b=2" alt="a &quot;b&quot; &gt; c">"#
        );
    }

    #[test]
    fn merge_tags_in_text_attributes_and_urls_are_broken() {
        let html = r#"<p>Hi *|FNAME|*</p><img src="https://t.example/p.gif?u=*|URL:EMAIL|*" alt="{{ email }}"><a href="https://x.org/?e={{email}}" title="{% x %}">l</a><abbr title="*|LNAME|*">A</abbr>"#;
        let out = rewrite(html, None);
        assert_eq!(
            out,
            "<p>Hi *\u{200D}|FNAME|\u{200D}*</p>\
             <img src=\"https://t.example/p.gif?u=*%7CURL:EMAIL%7C*\" alt=\"{\u{200D}{ email }\u{200D}}\">\
             <a href=\"https://x.org/?e=%7B%7Bemail%7D%7D\" title=\"{\u{200D}% x %\u{200D}}\" rel=\"noopener noreferrer\">l</a>\
             <abbr title=\"*\u{200D}|LNAME|\u{200D}*\">A</abbr>"
        );
    }

    #[test]
    fn images_from_other_servers_are_warned_about_once_per_host() {
        let store = Store::open_in_memory().expect("store");
        let target = Target {
            store: &store,
            images: ImageMode::Linked,
            base_url: "https://Example.org",
            page_url: Some("https://example.org/posts/a/"),
        };
        let mut found = Collected::default();
        let html = r#"<img src="https://t.example:8080/a.gif" alt="a"><img src="http://user@T.example./b.gif" alt="b"><img src="//cdn.example/c.png" alt="c"><img src="/own.png" alt="d"><img src="https://example.org/e.png" alt="e"><img src="data:image/png;base64,AAAA" alt="f">"#;
        for_email(html, &target, &mut found).expect("rewrite");
        // A protocol-relative `//cdn.example/…` is no image at all: the one
        // policy (markdown/sanitize.rs) refuses such addresses outright.
        assert_eq!(found.remote_image_hosts, ["t.example"]);
        assert_eq!(found.warnings.len(), 1, "{:?}", found.warnings);
        assert!(
            found.warnings[0].to_string().contains("t.example"),
            "{:?}",
            found.warnings
        );
    }

    #[test]
    fn schemes_are_recognised() {
        assert!(has_scheme("https://x.org"));
        assert!(has_scheme("tel:+15145550100"));
        assert!(!has_scheme("posts/a:b"));
        assert!(!has_scheme("/x"));
    }
}

//! The one HTML policy: an explicit ammonia allow-list. Everything not named
//! here is removed, so safety does not depend on knowing the payloads.
//!
//! Longer than 400 lines because of its tests: the policy and every check
//! on it stay in one file, so there is never a second policy.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};

/// Elements kept (their disallowed attributes are dropped).
const TAGS: &[&str] = &[
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "input",
    "sup",
    "sub",
    "section",
    "div",
    "span",
    "figure",
    "figcaption",
    "abbr",
    "mark",
    "kbd",
    "details",
    "summary",
];

/// Elements removed together with everything inside them: their content is
/// code, or controls, or foreign markup, never article text.
const REMOVED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript",
    "textarea", "select", "button", "title",
];

/// Attributes allowed per element. `class` is governed by [`CLASSES`], except
/// on `code` where [`filter_attribute`] keeps only `language-*`.
const ATTRIBUTES: &[(&str, &[&str])] = &[
    ("h1", &["id"]),
    ("h2", &["id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
    ("a", &["href", "title"]),
    ("img", &["src", "alt", "title", "width", "height"]),
    ("ol", &["start"]),
    ("th", &["align"]),
    ("td", &["align"]),
    ("input", &["type", "checked", "disabled"]),
    ("code", &["class"]),
    ("div", &["id"]),
    ("sup", &["id"]),
    ("section", &["id"]),
    ("abbr", &["title"]),
    ("details", &["open"]),
];

/// Attributes allowed on every element.
const GENERIC_ATTRIBUTES: &[&str] = &["lang"];

/// The classes pulldown-cmark and the footnote pass write.
const CLASSES: &[(&str, &[&str])] = &[
    ("div", &["footnote-definition"]),
    ("sup", &["footnote-reference", "footnote-definition-label"]),
    ("a", &["footnote-backref"]),
    ("section", &["footnotes"]),
];

/// URL schemes allowed in `href` and `src`; relative URLs and fragments are
/// passed through. `data:` is narrowed further by [`url_allowed`].
/// `pdasset:` is the desktop app's read-only scheme that serves library
/// images to the live preview (see `desktop/assets.rs`).
const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel", "asset", "pdasset", "data"];

/// The only `data:` media types allowed, and only in `<img src>`. Not SVG,
/// which can carry script.
const DATA_IMAGE_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
];

/// Values of `<th align>` and `<td align>`.
const ALIGNMENTS: &[&str] = &["left", "center", "right"];

static POLICY: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
        .tag_attributes(to_map(ATTRIBUTES))
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .allowed_classes(to_map(CLASSES))
        .url_schemes(URL_SCHEMES.iter().copied().collect())
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        // Any <input> that survives is a checkbox, whatever it said.
        .set_tag_attribute_value("input", "type", "checkbox")
        .attribute_filter(filter_attribute);
    builder
});

fn to_map(
    pairs: &'static [(&'static str, &'static [&'static str])],
) -> HashMap<&'static str, HashSet<&'static str>> {
    pairs
        .iter()
        .map(|(tag, attributes)| (*tag, attributes.iter().copied().collect()))
        .collect()
}

/// Sanitizes `html` with Postdesk's one policy. Every HTML path (preview,
/// exports, newsletters) goes through it.
pub fn sanitize(html: &str) -> String {
    POLICY.clean(html).to_string()
}

/// Whether the policy keeps the element `name` (lower case), attributes aside.
pub(crate) fn keeps_tag(name: &str) -> bool {
    TAGS.contains(&name)
}

/// Whether the policy removes the element `name` (lower case) together with
/// everything inside it (`script`, `style`, …).
pub(crate) fn drops_content(name: &str) -> bool {
    REMOVED_WITH_CONTENT.contains(&name)
}

/// What becomes of the destination `url` of a Markdown link (`element` "a",
/// `attribute` "href") or image ("img", "src") once rendered and sanitized:
/// `None` when the policy removes it, else the address the page ends up with.
///
/// Exact by construction: the lone link or image is written by the same
/// pulldown-cmark HTML writer as every rendering, passed through the one
/// policy, and the attribute read back; and the address as written must
/// pass the policy's structural rules too, since a site generator may write
/// it without the writer's escaping. [`UrlFate::Changed`] means the
/// policy rewrote it (a `mailto:` losing its `attach=`, say).
pub(crate) fn url_fate(element: &str, attribute: &str, url: &str) -> UrlFate {
    use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
    // The HTML writer percent-encodes what a browser would read as syntax
    // (`\\host` becomes harmless `%5C%5Chost`), but another Markdown renderer
    // may write the address as it is: it must pass as it is, too.
    if !url_allowed(element, attribute, url) {
        return UrlFate::Removed;
    }
    let dest_url = CowStr::Borrowed(url);
    let (start, end) = if element == "img" {
        (
            Tag::Image {
                link_type: LinkType::Inline,
                dest_url,
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            },
            TagEnd::Image,
        )
    } else {
        (
            Tag::Link {
                link_type: LinkType::Inline,
                dest_url,
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            },
            TagEnd::Link,
        )
    };
    let mut written = String::new();
    pulldown_cmark::html::push_html(
        &mut written,
        [Event::Start(start), Event::End(end)].into_iter(),
    );
    let before = attribute_value(&written, attribute);
    match (before, attribute_value(&sanitize(&written), attribute)) {
        (_, None) => UrlFate::Removed,
        (Some(before), Some(after)) if before == after => UrlFate::Kept,
        (_, Some(after)) => UrlFate::Changed(after),
    }
}

/// See [`url_fate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UrlFate {
    Kept,
    /// The address as the policy rewrote it (decoded from the HTML).
    Changed(String),
    Removed,
}

/// The decoded value of the first `attribute="…"` of an HTML tag written by
/// pulldown-cmark or ammonia (both quote with `"` and escape `"` inside).
fn attribute_value(html: &str, attribute: &str) -> Option<String> {
    let needle = format!(" {attribute}=\"");
    let start = html.find(&needle)? + needle.len();
    let len = html[start..].find('"')?;
    Some(crate::util::html::unescape(&html[start..start + len]))
}

/// The value checks ammonia's allow-lists cannot express. Runs after
/// ammonia's own scheme check, on attributes already allowed.
fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let keep = match (element, attribute) {
        (_, "href" | "src") if !url_allowed(element, attribute, value) => false,
        ("a", "href") => return Some(mailto_fields_kept(value)),
        ("th" | "td", "align") => ALIGNMENTS.iter().any(|a| a.eq_ignore_ascii_case(value)),
        ("input", "type") => return Some(Cow::Borrowed("checkbox")),
        ("code", "class") => return language_class(value),
        _ => true,
    };
    keep.then_some(Cow::Borrowed(value))
}

/// The structural URL rules ammonia's scheme allow-list leaves open:
///
/// * no network-path reference (`//host/x`, and `\\host\share` or `/\host`,
///   which browsers read the same way): opened from a file on disk, it
///   reaches a Windows share;
/// * a URL without a valid scheme must not have a `:` in its first segment
///   (RFC 3986 `path-noscheme`), so that nothing a browser might read as a
///   scheme (`java%09script:`, `:x`) survives as a "relative" URL;
/// * `data:` only in `<img src>`, and only for raster image types.
///
/// Every URL with a scheme has already passed ammonia's allow-list. The URL
/// is read as a WHATWG parser reads it: leading and trailing C0 controls and
/// spaces trimmed, tabs and newlines ignored, the scheme case-insensitive.
fn url_allowed(element: &str, attribute: &str, value: &str) -> bool {
    /// Longer than any allowed scheme.
    const MAX_SCHEME: usize = 16;
    let mut chars = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
    if slash(chars.clone().next()) && slash(chars.clone().nth(1)) {
        return false;
    }
    let mut scheme = String::new();
    let mut valid = true;
    loop {
        match chars.next() {
            None | Some('/' | '?' | '#') => return true,
            Some(':') => break,
            Some(c) => {
                valid &= if scheme.is_empty() {
                    c.is_ascii_alphabetic()
                } else {
                    c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')
                };
                if scheme.len() < MAX_SCHEME {
                    scheme.push(c.to_ascii_lowercase());
                } else {
                    valid = false;
                }
            }
        }
    }
    if !valid || scheme.is_empty() {
        return false;
    }
    if scheme != "data" {
        return true;
    }
    if (element, attribute) != ("img", "src") {
        return false;
    }
    let media_type: String = chars
        .take_while(|c| !matches!(c, ';' | ','))
        .take(64)
        .collect();
    let media_type = media_type.trim().to_ascii_lowercase();
    DATA_IMAGE_TYPES.contains(&media_type.as_str())
}

/// The header fields a `mailto:` link may carry: a mail client must never be
/// told to attach a file (`attach=`, `attachment=`) or to send anywhere else.
const MAILTO_FIELDS: &[&str] = &["subject", "body", "cc"];

/// A `mailto:` URL with every header field but [`MAILTO_FIELDS`] removed
/// (names compared as a mail client reads them: percent-decoded, any case);
/// any other URL as it is.
fn mailto_fields_kept(value: &str) -> Cow<'_, str> {
    let trimmed = value.trim_matches(|c: char| c <= ' ');
    let is_mailto = trimmed
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
    let Some((address, query)) = trimmed.split_once('?').filter(|_| is_mailto) else {
        return Cow::Borrowed(value);
    };
    let (query, fragment) = match query.split_once('#') {
        Some((q, f)) => (q, Some(f)),
        None => (query, None),
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|field| {
            let name = field.split('=').next().unwrap_or_default();
            let name = percent_decoded(name).to_ascii_lowercase();
            MAILTO_FIELDS.contains(&name.trim())
        })
        .collect();
    let mut url = address.to_string();
    if !kept.is_empty() {
        url.push('?');
        url.push_str(&kept.join("&"));
    }
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    if url == value {
        Cow::Borrowed(value)
    } else {
        Cow::Owned(url)
    }
}

/// `%XX` sequences decoded (bytes that are not UTF-8 become U+FFFD).
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Keeps the `language-*` classes of a code block (written by pulldown-cmark
/// from the fence info), if their names are plain.
fn language_class(value: &str) -> Option<Cow<'_, str>> {
    let plain = |name: &str| {
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'#' | b'.'))
    };
    let kept: Vec<&str> = value
        .split_ascii_whitespace()
        .filter(|class| class.strip_prefix("language-").is_some_and(plain))
        .collect();
    if kept.is_empty() {
        None
    } else {
        Some(Cow::Owned(kept.join(" ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_only_for_raster_images() {
        assert!(url_allowed("img", "src", "data:image/png;base64,AAAA"));
        assert!(url_allowed("img", "src", " DATA:Image/JPEG;base64,AAAA"));
        assert!(url_allowed("img", "src", "data:image/webp,AAAA"));
        assert!(!url_allowed("img", "src", "data:image/svg+xml;base64,AAAA"));
        assert!(!url_allowed("img", "src", "da\tta:text/html,<script>"));
        assert!(!url_allowed("a", "href", "data:image/png;base64,AAAA"));
        assert!(url_allowed("a", "href", "https://example.com/data:x"));
        assert!(url_allowed("img", "src", "images/data.png"));
        assert!(url_allowed("img", "src", "images/a:b.png"));
        assert!(url_allowed("a", "href", "#fn-1"));
        assert!(url_allowed("a", "href", "?q=a:b"));
        assert!(url_allowed("a", "href", "asset:0123456789abcdef"));
        assert!(!url_allowed("a", "href", "java%09script:alert(1)"));
        assert!(!url_allowed("a", "href", ":alert(1)"));
    }

    #[test]
    fn network_paths_are_not_links() {
        for url in [
            "//evil.example/x",
            "\\\\server\\share",
            "/\\host/x",
            " //h",
            "/\t/h",
        ] {
            assert!(!url_allowed("a", "href", url), "{url:?}");
            assert!(!url_allowed("img", "src", url), "{url:?}");
        }
        assert!(url_allowed("a", "href", "/posts/x/"));
        assert!(url_allowed("a", "href", "https://example.org//x"));
        assert_eq!(
            sanitize("<a href=\"//evil.example/x\">t</a><img src=\"\\\\srv\\s\\a.png\">"),
            "<a rel=\"noopener noreferrer\">t</a><img>"
        );
    }

    #[test]
    fn mailto_keeps_subject_body_and_cc_only() {
        assert_eq!(
            mailto_fields_kept("mailto:a@b.org?subject=Hi&attach=/etc/passwd&body=x&Cc=c@d.org&bcc=e@f.org&%61ttach=y&ATTACHMENT=z"),
            "mailto:a@b.org?subject=Hi&body=x&Cc=c@d.org"
        );
        assert_eq!(
            mailto_fields_kept("MAILTO:a@b.org?attach=x"),
            "MAILTO:a@b.org"
        );
        assert_eq!(
            mailto_fields_kept("mailto:a@b.org?subject=a"),
            "mailto:a@b.org?subject=a"
        );
        assert_eq!(
            mailto_fields_kept("https://x.org/?attach=1"),
            "https://x.org/?attach=1"
        );
        assert_eq!(
            sanitize("<a href=\"mailto:a@b.org?attach=C:%5Cx&amp;subject=S\">m</a>"),
            "<a href=\"mailto:a@b.org?subject=S\" rel=\"noopener noreferrer\">m</a>"
        );
    }

    #[test]
    fn url_fate_is_what_a_rendering_keeps() {
        assert_eq!(
            url_fate("a", "href", "https://example.org/a b"),
            UrlFate::Kept
        );
        assert_eq!(url_fate("a", "href", "mailto:a@b.org"), UrlFate::Kept);
        assert_eq!(url_fate("a", "href", "/posts/x/"), UrlFate::Kept);
        assert_eq!(
            url_fate("a", "href", "javascript:alert(1)"),
            UrlFate::Removed
        );
        assert_eq!(
            url_fate("a", "href", "JaVa\tScRiPt:alert(1)"),
            UrlFate::Removed
        );
        assert_eq!(url_fate("a", "href", "//evil.example/"), UrlFate::Removed);
        assert_eq!(url_fate("a", "href", "\\\\evil\\share"), UrlFate::Removed);
        assert_eq!(url_fate("img", "src", "/\\evil/x.png"), UrlFate::Removed);
        assert_eq!(url_fate("a", "href", "data:text/html,x"), UrlFate::Removed);
        assert_eq!(
            url_fate("img", "src", "data:image/png;base64,AA"),
            UrlFate::Kept
        );
        assert_eq!(
            url_fate("img", "src", "data:image/svg+xml,<svg>"),
            UrlFate::Removed
        );
        assert_eq!(
            url_fate("a", "href", "mailto:a@b.org?attach=x&subject=y"),
            UrlFate::Changed("mailto:a@b.org?subject=y".into())
        );
        assert!(keeps_tag("span") && !keeps_tag("form"));
        assert!(drops_content("script") && !drops_content("span"));
    }

    #[test]
    fn code_classes_keep_languages_only() {
        assert_eq!(
            language_class("language-rust").as_deref(),
            Some("language-rust")
        );
        assert_eq!(
            language_class("evil language-c++").as_deref(),
            Some("language-c++")
        );
        assert_eq!(language_class("language-\"x"), None);
        assert_eq!(language_class("hljs"), None);
    }

    #[test]
    fn the_policy_builds_and_cleans() {
        assert_eq!(
            sanitize("<p onclick=x>hi<script>bad()</script></p>"),
            "<p>hi</p>"
        );
    }
}

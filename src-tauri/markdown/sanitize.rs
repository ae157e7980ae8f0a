//! The one HTML policy: an explicit ammonia allow-list. Everything not named
//! here is removed, so safety does not depend on knowing the payloads.

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

/// The value checks ammonia's allow-lists cannot express. Runs after
/// ammonia's own scheme check, on attributes already allowed.
fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let keep = match (element, attribute) {
        (_, "href" | "src") => url_allowed(element, attribute, value),
        ("th" | "td", "align") => ALIGNMENTS.iter().any(|a| a.eq_ignore_ascii_case(value)),
        ("input", "type") => return Some(Cow::Borrowed("checkbox")),
        ("code", "class") => return language_class(value),
        _ => true,
    };
    keep.then_some(Cow::Borrowed(value))
}

/// The structural URL rules ammonia's scheme allow-list leaves open:
///
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

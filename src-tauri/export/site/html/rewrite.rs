//! A pass over the renderer's sanitized HTML that rewrites `href` and `src`
//! attribute values: site paths (`/posts/other/`) become relative links in
//! the standalone HTML export and absolute URLs in feeds.
//!
//! It reads the serializer's output, not arbitrary HTML: in it a `<` in text
//! is always `&lt;`, so every `<` opens a tag, and attribute values are
//! double-quoted with `"` written as `&quot;`. Text that merely looks like
//! `href="/x"` (in a code block, say) is never inside a tag, so never touched.

use crate::util::html::{escape, unescape};

/// Rewrite every `href="…"` and `src="…"` value for which `map` returns a
/// new URL; `map` sees the value unescaped.
pub(crate) fn rewrite_urls(html: &str, map: &dyn Fn(&str) -> Option<String>) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut copied = 0;
    let mut i = 0;
    let mut in_tag = false;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        if !in_tag {
            in_tag = c == b'<';
            continue;
        }
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            b'>' => in_tag = false,
            b'"' | b'\'' => quote = Some(c),
            c if c.is_ascii_whitespace() => {
                // `i` is just past an ASCII byte: a char boundary.
                let rest = &html[i..];
                let name = ["href=\"", "src=\""].into_iter().find(|n| {
                    rest.len() >= n.len()
                        && rest.as_bytes()[..n.len()].eq_ignore_ascii_case(n.as_bytes())
                });
                let Some(name) = name else { continue };
                let start = i + name.len();
                let Some(len) = html[start..].find('"') else {
                    continue;
                };
                let end = start + len;
                if let Some(new) = map(&unescape(&html[start..end])) {
                    out.push_str(&html[copied..start]);
                    out.push_str(&escape(&new));
                    copied = end;
                }
                i = end + 1;
            }
            _ => {}
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// For a page `depth` folders below the export folder: a site path such as
/// `/posts/x/#top` becomes `../../posts/x/index.html#top`, which works both
/// opened from disk and served from any folder of a web server.
pub(crate) fn site_path_to_relative(url: &str, depth: usize) -> Option<String> {
    if !url.starts_with('/') || url.starts_with("//") {
        return None;
    }
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(cut);
    let mut path = path.trim_start_matches('/').to_string();
    let last = path.rsplit('/').next().unwrap_or_default();
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    } else if !last.contains('.') {
        path.push_str("/index.html");
    }
    Some(format!("{}{path}{rest}", "../".repeat(depth)))
}

/// For feeds: a site path becomes an absolute URL on `base` (no trailing slash).
pub(crate) fn site_path_to_absolute(url: &str, base: &str) -> Option<String> {
    (url.starts_with('/') && !url.starts_with("//")).then(|| format!("{base}{url}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(html: &str) -> String {
        rewrite_urls(html, &|u| site_path_to_relative(u, 2))
    }

    #[test]
    fn site_links_become_relative() {
        assert_eq!(
            rel(r#"<p><a href="/posts/other/">x</a> <a href="/fr/posts/y/#n">y</a></p>"#),
            r#"<p><a href="../../posts/other/index.html">x</a> <a href="../../fr/posts/y/index.html#n">y</a></p>"#
        );
        assert_eq!(
            rel(r#"<a href="/posts">p</a>"#),
            r#"<a href="../../posts/index.html">p</a>"#
        );
        assert_eq!(
            rel(r#"<a href="/">h</a>"#),
            r#"<a href="../../index.html">h</a>"#
        );
    }

    #[test]
    fn other_urls_and_text_are_untouched() {
        let html = r#"<p title="a &quot;href=&quot;/x">href="/posts/a/" <a href="https://e.org/posts/">e</a> <a href="//cdn/x">c</a> <img src="photo.png" alt=""></p><pre><code>&lt;a href="/posts/z/"&gt;</code></pre>"#;
        assert_eq!(rel(html), html);
    }

    #[test]
    fn non_ascii_after_a_space_is_fine() {
        let html = "<img alt=\"\u{e9}\u{e9}\" src=\"/x.png\"><p> \u{e9}</p>";
        assert_eq!(rel(html), html.replace("/x.png", "../../x.png"));
    }

    #[test]
    fn absolute_for_feeds() {
        let html = r#"<a href="/posts/a/?q=1&amp;r=2">a</a>"#;
        let out = rewrite_urls(html, &|u| site_path_to_absolute(u, "https://e.org"));
        assert_eq!(out, r#"<a href="https://e.org/posts/a/?q=1&amp;r=2">a</a>"#);
    }
}

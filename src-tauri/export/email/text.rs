//! The plain-text alternative, converted by html2text from the same HTML
//! as the email's HTML part, so the two say the same thing and hold the same
//! links.
//!
//! Format:
//!
//! * headings start with `#`, `##`…; list items with `* ` or `1. `; quotes
//!   with `> `; images read `[Image: alt text]`;
//! * every link is followed by its number, `text [1]`, and the numbered URLs
//!   are listed at the end. A URL linked twice keeps its first number;
//! * lines are at most [`WIDTH`] characters. The one exception is a URL
//!   longer than that in the link list: it stands alone on its own line,
//!   unbroken, because a broken URL can no longer be clicked or copied. A
//!   long URL written as its own link text (`<https://…>`) is shortened in
//!   the running text (`example.org/reports/2026/…`) for the same reason:
//!   wrapped, it would be broken; its number leads to the whole URL.

use std::cell::RefCell;
use std::rc::Rc;

use html2text::render::{TaggedLine, TextDecorator};

use super::tokens::{Token, Tokens};
use crate::error::{Error, Result};
use crate::labels::Labels;
use crate::util::html::{escape, unescape};

/// The longest line of the plain text (RFC 5322 recommends 78).
pub const WIDTH: usize = 78;

/// The plain text of `html`, with its numbered link list.
pub(crate) fn to_text(html: &str, labels: &Labels) -> Result<String> {
    let links = Rc::new(RefCell::new(Links::default()));
    let decorator = Numbered {
        links: Rc::clone(&links),
        image: labels.image,
    };
    // Overflow is allowed rather than failing on deeply nested blocks;
    // `push_wrapped` then keeps the width promise.
    let html = prepare(html);
    let body = html2text::config::with_decorator(decorator)
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), WIDTH)
        .map_err(|e| Error::invalid("text", format!("Could not write the plain text: {e}")))?;

    let mut out = String::with_capacity(body.len() + 512);
    let mut blank = 0;
    for line in body.lines().map(str::trim_end) {
        // At most one blank line in a row, none at the start.
        blank = if line.is_empty() { blank + 1 } else { 0 };
        if blank > 1 || (line.is_empty() && out.is_empty()) {
            continue;
        }
        push_wrapped(&mut out, line);
    }
    let links = links.borrow();
    if !links.urls.is_empty() {
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(labels.links);
        out.push_str(":\n");
        for (i, url) in links.urls.iter().enumerate() {
            let number = format!("[{}]", i + 1);
            if number.len() + 1 + url.chars().count() <= WIDTH {
                out.push_str(&format!("{number} {url}\n"));
            } else {
                out.push_str(&format!("{number}\n{url}\n"));
            }
        }
    }
    Ok(out)
}

/// A rule in the plain text.
const RULE: &str = "<p>----------</p>";

/// Bare links (text = URL) longer than this are shortened in the running text.
const BARE_LINK_CHARS: usize = 40;

/// What html2text would drop or break, made text-friendly first: long bare
/// links are shortened (see the module documentation), and rules (`<hr>`,
/// which html2text ignores) become a visible line.
fn prepare(html: &str) -> String {
    let tokens: Vec<Token> = Tokens(html).collect();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while i < tokens.len() {
        if let (Token::Start(tag), Some(Token::Text(text)), Some(Token::End("a", end))) =
            (&tokens[i], tokens.get(i + 1), tokens.get(i + 2))
        {
            let href = tag.attr("href").unwrap_or_default();
            let shown = unescape(text);
            let shown = shown.trim();
            let bare = shown == href || href.strip_prefix("mailto:") == Some(shown);
            if tag.name == "a" && bare && shown.chars().count() > BARE_LINK_CHARS {
                let short = shown
                    .trim_start_matches("https://")
                    .trim_start_matches("http://");
                let short: String = short.chars().take(BARE_LINK_CHARS - 1).collect();
                out.push_str(tag.raw);
                out.push_str(&escape(&short));
                out.push('…');
                out.push_str(end);
                i += 3;
                continue;
            }
        }
        out.push_str(match &tokens[i] {
            Token::Start(tag) if tag.name == "hr" => RULE,
            Token::Text(raw) | Token::Other(raw) | Token::End(_, raw) => raw,
            Token::Start(tag) => tag.raw,
        });
        i += 1;
    }
    out
}

/// Append `line`, hard-breaking it if html2text left it too long (a single
/// word longer than the width). Rare: a safety net for the width promise.
fn push_wrapped(out: &mut String, line: &str) {
    let mut count = 0;
    for c in line.chars() {
        if count == WIDTH {
            out.push('\n');
            count = 0;
        }
        out.push(c);
        count += 1;
    }
    out.push('\n');
}

/// The URLs of a document, numbered in order of first appearance.
#[derive(Debug, Default)]
struct Links {
    urls: Vec<String>,
    /// URLs of the links being read (a link's number is written at its end).
    open: Vec<String>,
}

impl Links {
    fn number(&mut self, url: &str) -> usize {
        match self.urls.iter().position(|u| u == url) {
            Some(i) => i + 1,
            None => {
                self.urls.push(url.to_string());
                self.urls.len()
            }
        }
    }
}

/// A plain decorator that numbers links. html2text clones decorators for
/// nested blocks (list items, table cells), so the numbering lives behind a
/// shared `Rc`.
#[derive(Clone)]
struct Numbered {
    links: Rc<RefCell<Links>>,
    image: &'static str,
}

impl TextDecorator for Numbered {
    type Annotation = ();

    fn decorate_link_start(&mut self, url: &str) -> (String, ()) {
        self.links.borrow_mut().open.push(url.to_string());
        (String::new(), ())
    }

    fn decorate_link_end(&mut self) -> String {
        let mut links = self.links.borrow_mut();
        match links.open.pop() {
            Some(url) => format!(" [{}]", links.number(&url)),
            None => String::new(),
        }
    }

    fn decorate_em_start(&self) -> (String, ()) {
        (String::new(), ())
    }

    fn decorate_em_end(&self) -> String {
        String::new()
    }

    fn decorate_strong_start(&self) -> (String, ()) {
        (String::new(), ())
    }

    fn decorate_strong_end(&self) -> String {
        String::new()
    }

    fn decorate_strikeout_start(&self) -> (String, ()) {
        (String::new(), ())
    }

    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }

    fn decorate_code_start(&self) -> (String, ()) {
        (String::new(), ())
    }

    fn decorate_code_end(&self) -> String {
        String::new()
    }

    fn decorate_preformat_first(&self) {}

    fn decorate_preformat_cont(&self) {}

    fn decorate_image(&mut self, _src: &str, title: &str) -> (String, ()) {
        (format!("[{}: {}]", self.image, title.trim()), ())
    }

    fn header_prefix(&self, level: usize) -> String {
        format!("{} ", "#".repeat(level))
    }

    fn quote_prefix(&self) -> String {
        "> ".to_string()
    }

    fn unordered_item_prefix(&self) -> String {
        "* ".to_string()
    }

    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{i}. ")
    }

    fn make_subblock_decorator(&self) -> Self {
        self.clone()
    }

    fn finalise(&mut self, _urls: Vec<String>) -> Vec<TaggedLine<()>> {
        // The link list is written by `to_text`, with its own layout.
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::labels;
    use crate::model::Lang;

    fn text(html: &str) -> String {
        to_text(html, labels(Lang::En)).expect("text")
    }

    #[test]
    fn links_are_numbered_once_and_listed() {
        let t = text(
            r#"<h2>Title</h2><hr><p>See <a href="https://a.org/">A</a>, <a href="https://b.org/">B</a> and <a href="https://a.org/">A again</a>.</p><ul><li>one</li><li>two</li></ul>"#,
        );
        assert!(t.contains("## Title\n\n----------\n"), "{t}");
        assert!(t.contains("A [1], B [2] and A again [1]."), "{t}");
        assert!(t.contains("* one"), "{t}");
        assert!(
            t.ends_with("Links:\n[1] https://a.org/\n[2] https://b.org/\n"),
            "{t}"
        );
    }

    #[test]
    fn lines_stay_short_and_long_urls_stand_alone() {
        let long_word = "x".repeat(120);
        let long_url = format!("https://example.org/{}", "segment/".repeat(12));
        let t = text(&format!(
            r#"<p>{} {long_word}</p><p>See <a href="{long_url}">{long_url}</a>.</p>"#,
            "word ".repeat(40)
        ));
        for line in t.lines() {
            assert!(
                line.chars().count() <= WIDTH || line == long_url,
                "{line:?}"
            );
        }
        assert!(t.contains(&format!("[1]\n{long_url}\n")), "{t}");
        assert!(
            t.contains("See example.org/segment/segment/segment/seg… [1]."),
            "{t}"
        );
    }
}

//! The Markdown written into Hugo and Jekyll posts, made to hold no more than
//! the preview showed. The preview renders the author's Markdown and passes
//! the HTML through the one ammonia policy; a static site generator renders
//! the *Markdown* again, with its own extensions, so the Markdown itself has
//! to be made inert wherever it could say more than the preview let through:
//!
//! * raw HTML (blocks and inline tags) is replaced, tag by tag, by what the
//!   same policy keeps of it ([`super::safe_html`]);
//! * links, images and reference definitions whose address the policy
//!   refuses (`javascript:`, `data:text/html`, `//host`, …) lose the address
//!   and keep their text; an address the policy rewrites (a `mailto:` that
//!   asks to attach a file) is written as the policy left it;
//! * heading attribute blocks (`# T {#id .c onclick=…}`, read by
//!   pulldown-cmark, Hugo's goldmark and kramdown alike) keep only a plain
//!   `{#id}`;
//! * in prose, every `{`, `[` and `<` is written as a character reference
//!   (`&#123;`, `&#91;`, `&lt;`), which every renderer shows as the character
//!   but none reads as kramdown's `{: …}` attribute lists or `{::…}`
//!   extensions, goldmark's attribute blocks, or a link or tag that
//!   pulldown-cmark did not see.
//!
//! Code spans and code blocks are left exactly as written. Liquid (Jekyll)
//! and shortcodes (Hugo) run on the text before any Markdown: see
//! `body::liquid_raw` and `body::escape_hugo_shortcodes`.
//!
//! Longer than 400 lines because of its tests: one pass over one event
//! stream, kept whole so the offsets it edits are read in one place.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use serde::Serialize;
use ts_rs::TS;

use super::safe_html;
use crate::markdown::{self, sanitize, sanitize::UrlFate};

/// A body made safe, and what had to go, for the export report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct SafeBody {
    pub markdown: String,
    /// Each kind of removal once, in the order first met.
    pub removed: Vec<Removed>,
}

/// What an export removed from a body that the preview did not show either
/// (the interface words each kind: `export-removed-<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "RemovedContent")]
pub enum Removed {
    Html,
    LinkAddress,
    ImageAddress,
    MailtoFields,
    HeadingAttributes,
}

impl Removed {
    /// For the export report, after "removed …".
    pub fn describe(self) -> &'static str {
        match self {
            Removed::Html => {
                "HTML the preview does not show (scripts, event handlers, forms, comments…)"
            }
            Removed::LinkAddress => "a link address the preview does not allow",
            Removed::ImageAddress => "an image address the preview does not allow",
            Removed::MailtoFields => "mail link fields other than subject, body and cc",
            Removed::HeadingAttributes => "heading attributes other than an id",
        }
    }
}

type Events<'a> = [(Event<'a>, Range<usize>)];

/// `md` with everything the preview's policy would have removed made inert.
pub(crate) fn neutralize(md: &str) -> SafeBody {
    let parser = markdown::parser(md);
    let mut edits = Edits::default();
    for (_, def) in parser.reference_definitions().iter() {
        let removed = match sanitize::url_fate("a", "href", &def.dest) {
            UrlFate::Kept => continue,
            // Every use of it is rewritten inline (see `link`).
            UrlFate::Changed(_) => None,
            UrlFate::Removed => Some(Removed::LinkAddress),
        };
        edits.push(def.span.clone(), String::new(), removed);
    }
    let events: Vec<(Event<'_>, Range<usize>)> = parser.into_offset_iter().collect();
    // Indexes of the links and images open at this point.
    let mut open: Vec<usize> = Vec::new();
    let mut in_code_block = false;
    // Events up to this offset are inside a removal already made.
    let mut skip_to = 0;
    for (i, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => open.push(i),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(start) = open.pop() {
                    link(md, &events, start, i, &mut edits);
                }
            }
            _ => {}
        }
        if range.start < skip_to {
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(Tag::HtmlBlock) => {
                let (clean, removed) = safe_html::clean_block(&md[range.clone()]);
                edits.push(range.clone(), clean, removed.then_some(Removed::Html));
                skip_to = range.end;
            }
            Event::InlineHtml(tag) => {
                let end = inline_html(&events, i, tag, &mut edits);
                skip_to = skip_to.max(end);
            }
            Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) if id.is_some() || !classes.is_empty() || !attrs.is_empty() => {
                heading_attributes(md, range, id.as_deref(), classes, attrs, &mut edits)
            }
            Event::Text(_) if !in_code_block => {
                let text = &md[range.clone()];
                if text.contains(['{', '[', '<']) {
                    edits.push(range.clone(), inert_prose(md, range), None);
                }
            }
            _ => {}
        }
    }
    edits.apply(md)
}

/// A link or image whose address the policy refuses keeps its text (or alt
/// text) and loses `[`, `![`, `<` and everything from `]` on; one whose
/// address the policy rewrites is written inline with the rewritten address.
fn link(md: &str, events: &Events<'_>, start: usize, end: usize, edits: &mut Edits) {
    let (event, range) = &events[start];
    let (element, attribute, dest, title, link_type, prefix, removed) = match event {
        Event::Start(Tag::Link {
            dest_url,
            title,
            link_type,
            ..
        }) => (
            "a",
            "href",
            dest_url,
            title,
            *link_type,
            "[",
            Removed::LinkAddress,
        ),
        Event::Start(Tag::Image {
            dest_url,
            title,
            link_type,
            ..
        }) => (
            "img",
            "src",
            dest_url,
            title,
            *link_type,
            "![",
            Removed::ImageAddress,
        ),
        _ => return,
    };
    // The HTML writer adds the scheme of an e-mail autolink itself.
    if link_type == LinkType::Email {
        return;
    }
    let fate = sanitize::url_fate(element, attribute, dest);
    if fate == UrlFate::Kept {
        return;
    }
    if link_type == LinkType::Autolink {
        let (with, removed) = match fate {
            UrlFate::Changed(url) => (format!("<{}>", dest_in_angles(&url)), Removed::MailtoFields),
            _ => {
                let text = md[range.clone()]
                    .trim_start_matches('<')
                    .trim_end_matches('>');
                (inert_prose(text, &(0..text.len())), removed)
            }
        };
        edits.push(range.clone(), with, Some(removed));
        return;
    }
    let inner_start = range.start + prefix.len();
    let inner_end = if end == start + 1 {
        inner_start
    } else {
        events[end - 1].1.end
    };
    if !md[range.clone()].starts_with(prefix) || inner_end < inner_start || inner_end > range.end {
        // Not written the way the parser usually reports it: drop it whole.
        edits.push(range.clone(), String::new(), Some(removed));
        return;
    }
    match fate {
        UrlFate::Changed(url) => {
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(" \"{}\"", title.replace('\\', "\\\\").replace('"', "\\\""))
            };
            let with = format!("](<{}>{title})", dest_in_angles(&url));
            edits.push(inner_end..range.end, with, Some(Removed::MailtoFields));
        }
        _ => {
            edits.push(range.start..inner_start, String::new(), Some(removed));
            edits.push(inner_end..range.end, String::new(), None);
        }
    }
}

/// A destination written between `<` and `>`: those two and line breaks
/// percent-encoded, `\` escaped.
fn dest_in_angles(url: &str) -> String {
    url.replace('\\', "\\\\")
        .replace('<', "%3C")
        .replace('>', "%3E")
        .replace('\n', "%0A")
        .replace('\r', "%0D")
}

/// Replaces one inline HTML tag by what the policy keeps of it. An element
/// removed with its content (`<script>`, `<style>`, …) takes everything up to
/// its closing tag, or to the end of its block, with it. Returns the offset
/// up to which later events are covered by this edit.
fn inline_html(events: &Events<'_>, i: usize, tag: &CowStr<'_>, edits: &mut Edits) -> usize {
    let range = &events[i].1;
    let tokens = safe_html::tokens(tag);
    let [safe_html::Token::Tag { name, closing, .. }] = tokens.as_slice() else {
        // A comment, a declaration, or several tags at once: cleaned as a block.
        let (clean, removed) = safe_html::clean_block(tag);
        edits.push(range.clone(), clean, removed.then_some(Removed::Html));
        return range.end;
    };
    if sanitize::drops_content(name) && !closing {
        let mut end = range.end;
        for (event, r) in &events[i + 1..] {
            match event {
                Event::InlineHtml(t)
                    if t.starts_with("</")
                        && safe_html::tag_name(t).as_deref() == Some(name.as_str()) =>
                {
                    end = r.end;
                    break;
                }
                Event::End(t) if !is_inline(t) => break,
                _ => end = end.max(r.end),
            }
        }
        edits.push(range.start..end, String::new(), Some(Removed::Html));
        return end;
    }
    let (clean, removed) = safe_html::clean_tag(tag, name, *closing);
    edits.push(
        range.clone(),
        clean.unwrap_or_default(),
        removed.then_some(Removed::Html),
    );
    range.end
}

/// A heading's `{…}` attribute block reduced to `{#id}` when the id is plain.
fn heading_attributes(
    md: &str,
    range: &Range<usize>,
    id: Option<&str>,
    classes: &[CowStr<'_>],
    attrs: &[(CowStr<'_>, Option<CowStr<'_>>)],
    edits: &mut Edits,
) {
    let source = &md[range.clone()];
    // The attribute block ends the heading's text line: the only line of an
    // ATX heading, the line above the underline of a setext heading.
    let lines: Vec<(usize, &str)> = source
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .collect();
    let setext = lines.len() > 1
        && lines.last().is_some_and(|(_, l)| {
            let l = l.trim();
            !l.is_empty() && (l.bytes().all(|b| b == b'=') || l.bytes().all(|b| b == b'-'))
        });
    let line = if setext {
        lines.get(lines.len() - 2)
    } else {
        lines.first()
    };
    let Some(&(offset, line)) = line else {
        return;
    };
    let text = line.trim_end();
    let text = if setext {
        text
    } else {
        text.trim_end_matches('#').trim_end()
    };
    let Some(open) = text.rfind('{').filter(|_| text.ends_with('}')) else {
        return;
    };
    let plain_id = id.filter(|id| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
    });
    let replacement = plain_id.map(|id| format!("{{#{id}}}")).unwrap_or_default();
    let removed = (!classes.is_empty() || !attrs.is_empty() || plain_id.is_none())
        .then_some(Removed::HeadingAttributes);
    let start = range.start + offset + open;
    edits.push(
        start..range.start + offset + text.len(),
        replacement,
        removed,
    );
}

/// `md[range]` (prose) with every `{`, `[` and `<` not escaped by a
/// backslash written as a character reference.
fn inert_prose(md: &str, range: &Range<usize>) -> String {
    let mut out = String::with_capacity(range.len() + 8);
    let bytes = md.as_bytes();
    for (at, c) in md[range.clone()].char_indices() {
        let backslashes = bytes[..range.start + at]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        match c {
            '{' | '[' | '<' if backslashes % 2 == 0 => out.push_str(match c {
                '{' => "&#123;",
                '[' => "&#91;",
                _ => "&lt;",
            }),
            c => out.push(c),
        }
    }
    out
}

fn is_inline(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Replacements of byte ranges of the source, applied in order; an edit that
/// overlaps one already applied is dropped (the earlier one covers it).
#[derive(Default)]
struct Edits {
    list: Vec<(Range<usize>, String)>,
    removed: Vec<Removed>,
}

impl Edits {
    fn push(&mut self, range: Range<usize>, with: String, removed: Option<Removed>) {
        if let Some(r) = removed {
            if !self.removed.contains(&r) {
                self.removed.push(r);
            }
        }
        self.list.push((range, with));
    }

    fn apply(mut self, md: &str) -> SafeBody {
        self.list.sort_by_key(|(r, _)| (r.start, r.end));
        let mut out = String::with_capacity(md.len());
        let mut pos = 0;
        for (range, with) in self.list {
            if range.start < pos || range.end > md.len() {
                continue;
            }
            out.push_str(&md[pos..range.start]);
            out.push_str(&with);
            pos = range.end;
        }
        out.push_str(&md[pos..]);
        SafeBody {
            markdown: out,
            removed: self.removed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(md: &str) -> String {
        neutralize(md).markdown
    }

    #[test]
    fn plain_markdown_is_unchanged() {
        let md = "# Title\n\nA *paragraph* with [a link](https://example.org).\n\n```\n{: code} <b>\n```\n\n- [ ] task\n";
        let out = neutralize(md);
        assert_eq!(out.markdown, md);
        assert!(out.removed.is_empty());
    }

    #[test]
    fn raw_html_blocks_are_cleaned() {
        let out =
            neutralize("Hi\n\n<div onclick=\"x()\">\n<script>alert(1)</script>\n</div>\n\nBye\n");
        assert!(!out.markdown.contains("onclick"), "{}", out.markdown);
        assert!(!out.markdown.contains("alert"), "{}", out.markdown);
        assert!(out.markdown.contains("<div>") && out.markdown.contains("Bye"));
        assert_eq!(out.removed, vec![Removed::Html]);
        let out = safe("<script>\nalert(1)\n</script>\nText after\n");
        assert!(!out.contains("alert"), "{out}");
        assert!(out.contains("Text after"), "{out}");
    }

    #[test]
    fn inline_html_keeps_allowed_tags_only() {
        let out = safe(
            "a <img src=x onerror=alert(1)> b <span onmouseover=\"y\">c</span> <form>d</form>\n",
        );
        assert_eq!(out, "a <img src=\"x\"> b <span>c</span> d\n");
        let out = neutralize("x<br>y <kbd>K</kbd>\n");
        assert_eq!(out.markdown, "x<br>y <kbd>K</kbd>\n");
        assert!(out.removed.is_empty());
    }

    #[test]
    fn inline_script_goes_with_its_content() {
        assert_eq!(
            safe("a <script>alert(*1*)</script> b\n\nnext\n"),
            "a  b\n\nnext\n"
        );
        let out = safe("a <style>p{}</style>\n");
        assert!(!out.contains("p{}") && !out.contains("style"), "{out}");
    }

    #[test]
    fn unsafe_links_keep_their_text() {
        let out = neutralize(
            "[click *me*](javascript:alert(1)) and ![pic](javascript:x) <javascript:alert(2)> [s](//evil.example/x)\n",
        );
        assert_eq!(out.markdown, "click *me* and pic javascript:alert(2) s\n");
        assert_eq!(
            out.removed,
            vec![Removed::LinkAddress, Removed::ImageAddress]
        );
        let kept = "[ok](https://example.org) [mail](mailto:a@b.org) <a@b.org> ![i](data:image/png;base64,AA)\n";
        assert_eq!(safe(kept), kept);
        let out = safe("[x][r]\n\n[r]: javascript:alert(1)\n");
        assert!(!out.contains("javascript"), "{out}");
        assert!(out.contains('x'));
    }

    #[test]
    fn mailto_attachments_are_dropped_from_the_address() {
        let out = neutralize(
            "[m](mailto:a@b.org?attach=/etc/passwd&subject=Hi \"T\") <mailto:c@d.org?attach=x>\n",
        );
        assert_eq!(
            out.markdown,
            "[m](<mailto:a@b.org?subject=Hi> \"T\") <mailto:c@d.org>\n"
        );
        assert_eq!(out.removed, vec![Removed::MailtoFields]);
        let out = safe("[m][r]\n\n[r]: mailto:a@b.org?attach=x\n");
        assert_eq!(out, "[m](<mailto:a@b.org>)\n\n\n");
    }

    #[test]
    fn attribute_syntax_is_made_inert() {
        let out =
            safe("Para\n{: onmouseover=\"alert(1)\"}\n\n*x*{: .c}\n\n{::nomarkdown}<b>x</b>{:/}\n");
        assert!(!out.contains("{:"), "{out}");
        assert!(out.contains("&#123;: onmouseover"), "{out}");
        assert_eq!(safe("Set \\{a} here\n"), "Set \\{a} here\n");
        assert_eq!(safe("Set \\\\{a}\n"), "Set \\\\&#123;a}\n");
        assert_eq!(safe("`{: x}`\n"), "`{: x}`\n");
        assert_eq!(safe("a [b] < c\n"), "a &#91;b] &lt; c\n");
    }

    #[test]
    fn heading_attributes_keep_a_plain_id() {
        let out = neutralize("# Title {#intro .big onclick=\"x\"}\n\nSub\n---\n\n## B {.c}\n");
        assert_eq!(out.markdown, "# Title {#intro}\n\nSub\n---\n\n## B \n");
        assert_eq!(out.removed, vec![Removed::HeadingAttributes]);
        let out = neutralize("## Plain {#ok}\n");
        assert_eq!(out.markdown, "## Plain {#ok}\n");
        assert!(out.removed.is_empty());
    }
}

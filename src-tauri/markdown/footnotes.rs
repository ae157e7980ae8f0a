//! Footnotes: numbered in order of first appearance (as pulldown-cmark
//! does), with ids that cannot clash with heading slugs of ordinary text:
//! the reference links to `#fn-N`, the definition has `id="fn-N"`, the
//! first reference has `id="fnref-N"` and, when a reference came before the
//! definition, the definition ends with a `↩` link back to it.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The footnote pass: replaces footnote references and definitions with the
/// equivalent HTML carrying our ids. Outside footnote definitions it maps one
/// event to one event; it looks one event ahead only inside a definition.
pub(crate) struct Footnotes<'a, I> {
    inner: I,
    /// Footnote number by label (labels match case-insensitively).
    numbers: HashMap<String, usize>,
    /// `referenced[n - 1]`: whether footnote `n` has had a reference yet.
    referenced: Vec<bool>,
    /// The definition being written and whether its back-reference is due.
    definition: Option<(usize, bool)>,
    /// An event already processed, to hand out next.
    ready: Option<Event<'a>>,
    /// An event read ahead but not processed yet, to process before reading.
    held: Option<Event<'a>>,
}

impl<'a, I: Iterator<Item = Event<'a>>> Footnotes<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        Footnotes {
            inner,
            numbers: HashMap::new(),
            referenced: Vec::new(),
            definition: None,
            ready: None,
            held: None,
        }
    }

    fn number(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        let n = *self.numbers.entry(label.to_lowercase()).or_insert(next);
        if self.referenced.len() < n {
            self.referenced.resize(n, false);
        }
        n
    }

    fn reference(&mut self, label: &str) -> Event<'a> {
        let n = self.number(label);
        let first = !std::mem::replace(&mut self.referenced[n - 1], true);
        let html = if first {
            format!(
                "<sup class=\"footnote-reference\" id=\"fnref-{n}\"><a href=\"#fn-{n}\">{n}</a></sup>"
            )
        } else {
            format!("<sup class=\"footnote-reference\"><a href=\"#fn-{n}\">{n}</a></sup>")
        };
        Event::InlineHtml(html.into())
    }

    fn definition_start(&mut self, label: &str) -> Event<'a> {
        let n = self.number(label);
        self.definition = Some((n, self.referenced[n - 1]));
        Event::Html(
            format!(
                "<div class=\"footnote-definition\" id=\"fn-{n}\">\
                 <sup class=\"footnote-definition-label\">{n}</sup>\n"
            )
            .into(),
        )
    }

    /// The back-reference of the current definition, if one is still due.
    fn take_backref(&mut self) -> Option<String> {
        match &mut self.definition {
            Some((n, due @ true)) => {
                *due = false;
                Some(format!(
                    " <a href=\"#fnref-{n}\" class=\"footnote-backref\">↩</a>"
                ))
            }
            _ => None,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Footnotes<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(event) = self.ready.take() {
            return Some(event);
        }
        let event = match self.held.take() {
            Some(event) => event,
            None => self.inner.next()?,
        };
        Some(match event {
            Event::FootnoteReference(label) => self.reference(&label),
            Event::Start(Tag::FootnoteDefinition(label)) => self.definition_start(&label),
            // Put the back-reference inside the definition's last paragraph:
            // look at what follows the end of a paragraph in a definition.
            Event::End(TagEnd::Paragraph) if self.definition.is_some() => {
                self.held = self.inner.next();
                let last = matches!(self.held, Some(Event::End(TagEnd::FootnoteDefinition)));
                match if last { self.take_backref() } else { None } {
                    Some(backref) => {
                        self.ready = Some(event);
                        Event::InlineHtml(backref.into())
                    }
                    None => event,
                }
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let mut html = self.take_backref().unwrap_or_default();
                html.push_str("</div>\n");
                self.definition = None;
                Event::Html(CowStr::from(html))
            }
            event => event,
        })
    }
}

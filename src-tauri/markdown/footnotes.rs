//! Footnotes: numbered in order of first appearance (as pulldown-cmark
//! does), with ids that cannot clash with heading slugs of ordinary text:
//! the reference links to `#fn-N`, the definition has `id="fn-N"`, the
//! first reference has `id="fnref-N"` and, when a reference came before the
//! definition, the definition ends with a `↩` link back to it.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use unicase::UniCase;

/// A footnote label as pulldown-cmark matches them: Unicode case folded
/// (`[^Straße]` refers to `[^STRASSE]`), whitespace already collapsed by the
/// parser.
pub(crate) type FootnoteLabel = UniCase<String>;

/// One footnote reference or definition met, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct FootnoteUse {
    pub label: FootnoteLabel,
    pub definition: bool,
}

/// The footnote numbers handed out so far in one document.
#[derive(Debug, Default, Clone)]
pub(crate) struct FootnoteState {
    /// Footnote number by label.
    numbers: HashMap<FootnoteLabel, usize>,
    /// The number the next new label gets.
    next: usize,
    /// The numbers that have had a reference yet.
    referenced: HashSet<usize>,
    /// Every reference and definition met, in order.
    pub uses: Vec<FootnoteUse>,
}

impl FootnoteState {
    /// A state that already knows `numbers` and which of them were
    /// `referenced` (a block rendered with its place in the document).
    pub(crate) fn given(
        numbers: HashMap<FootnoteLabel, usize>,
        referenced: HashSet<usize>,
    ) -> Self {
        FootnoteState {
            next: numbers.values().max().copied().unwrap_or(0),
            numbers,
            referenced,
            uses: Vec::new(),
        }
    }

    /// The number of `label`, given out in order of first use.
    pub(crate) fn number(&mut self, label: &FootnoteLabel) -> usize {
        if let Some(n) = self.numbers.get(label) {
            return *n;
        }
        self.next += 1;
        self.numbers.insert(label.clone(), self.next);
        self.next
    }

    /// Record a reference to footnote `n`; true when it is the first.
    pub(crate) fn refer(&mut self, n: usize) -> bool {
        self.referenced.insert(n)
    }

    pub(crate) fn is_referenced(&self, n: usize) -> bool {
        self.referenced.contains(&n)
    }
}

/// The footnote pass: replaces footnote references and definitions with the
/// equivalent HTML carrying our ids. Outside footnote definitions it maps one
/// event to one event; it looks one event ahead only inside a definition.
pub(crate) struct Footnotes<'a, 's, I> {
    inner: I,
    state: &'s mut FootnoteState,
    /// The definition being written and whether its back-reference is due.
    definition: Option<(usize, bool)>,
    /// An event already processed, to hand out next.
    ready: Option<Event<'a>>,
    /// An event read ahead but not processed yet, to process before reading.
    held: Option<Event<'a>>,
}

impl<'a, 's, I: Iterator<Item = Event<'a>>> Footnotes<'a, 's, I> {
    pub(crate) fn new(inner: I, state: &'s mut FootnoteState) -> Self {
        Footnotes {
            inner,
            state,
            definition: None,
            ready: None,
            held: None,
        }
    }

    fn number(&mut self, label: &str, definition: bool) -> usize {
        let label = UniCase::new(label.to_owned());
        let n = self.state.number(&label);
        self.state.uses.push(FootnoteUse { label, definition });
        n
    }

    fn reference(&mut self, label: &str) -> Event<'a> {
        let n = self.number(label, false);
        let first = self.state.refer(n);
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
        let n = self.number(label, true);
        self.definition = Some((n, self.state.is_referenced(n)));
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

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Footnotes<'a, '_, I> {
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

//! Heading anchors: every heading gets an `id` (its explicit `{#id}`, else a
//! slug of its text, unique in the document) and an outline entry. Slugs
//! follow the one rule set of [`crate::slug`] (its table says how anchors
//! differ from post slugs).

use std::collections::{HashMap, HashSet, VecDeque};

use pulldown_cmark::{Event, Tag, TagEnd};

use super::text::{Collapsed, Walker};
use super::Heading;
use crate::slug::base_slug;

/// The slug used for a heading whose text has no letter or digit.
const EMPTY_SLUG: &str = "section";

/// Whether `id` has the form of a footnote id (`fn-3`, `fnref-3`), which
/// generated heading slugs must not take.
fn is_footnote_id(id: &str) -> bool {
    ["fn-", "fnref-"].iter().any(|prefix| {
        id.strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// What one heading asks for: its own `{#id}`, or a slug of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AnchorRequest {
    Explicit(String),
    Generated { text: String },
}

/// The ids handed out so far in one document.
#[derive(Debug, Default)]
pub(crate) struct Anchors {
    used: HashSet<String>,
    /// The next suffix to try for a slug, so that many identical headings
    /// stay linear.
    next_suffix: HashMap<String, usize>,
    /// Ids decided before this rendering, handed out in order instead of
    /// resolving: the block-incremental preview knows from the whole
    /// document which id each heading of a block gets.
    given: VecDeque<String>,
    /// Every request met, in order (what a block's headings ask for).
    requests: Vec<AnchorRequest>,
}

impl Anchors {
    /// Anchors that hand out `ids`, in order, whatever the headings ask.
    pub(crate) fn given(ids: Vec<String>) -> Self {
        Anchors {
            given: ids.into(),
            ..Anchors::default()
        }
    }

    /// The id of the next heading of the rendering, recording its request.
    fn assign(&mut self, request: AnchorRequest) -> String {
        let id = match self.given.pop_front() {
            Some(id) => id,
            None => self.resolve(&request),
        };
        self.requests.push(request);
        id
    }

    /// The id for `request`, given the ids handed out before it.
    pub(crate) fn resolve(&mut self, request: &AnchorRequest) -> String {
        match request {
            AnchorRequest::Explicit(id) => self.explicit(id),
            AnchorRequest::Generated { text } => self.generate(text),
        }
    }

    /// The requests of the headings met so far, in document order.
    pub(crate) fn into_requests(self) -> Vec<AnchorRequest> {
        self.requests
    }

    /// An explicit id, used as written.
    fn explicit(&mut self, id: &str) -> String {
        self.used.insert(id.to_owned());
        id.to_owned()
    }

    /// A slug of `text` not used before: `intro`, then `intro-1`, `intro-2`…
    fn generate(&mut self, text: &str) -> String {
        let mut base = base_slug(text);
        if base.is_empty() {
            base.push_str(EMPTY_SLUG);
        }
        if !is_footnote_id(&base) && !self.used.contains(&base) {
            self.used.insert(base.clone());
            return base;
        }
        // After "fn" or "fnref" every "-N" is a footnote's id: the second
        // "fn" heading gets "fn-h1" (a plain "-" there looped for ever).
        let separator = if is_footnote_id(&format!("{base}-1")) {
            "-h"
        } else {
            "-"
        };
        let next = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            let candidate = format!("{base}{separator}{next}");
            *next += 1;
            if !is_footnote_id(&candidate) && !self.used.contains(&candidate) {
                self.used.insert(candidate.clone());
                return candidate;
            }
        }
    }
}

/// The heading pass: buffers each heading's events (headings are short),
/// takes its text, and emits the heading again with its `id`, without the
/// classes and custom attributes of `{…}` (the sanitizer would drop them).
pub(crate) struct HeadingIds<'a, 'o, I> {
    inner: I,
    queue: VecDeque<Event<'a>>,
    anchors: &'o mut Anchors,
    outline: &'o mut Vec<Heading>,
}

impl<'a, 'o, I: Iterator<Item = Event<'a>>> HeadingIds<'a, 'o, I> {
    pub(crate) fn new(inner: I, anchors: &'o mut Anchors, outline: &'o mut Vec<Heading>) -> Self {
        HeadingIds {
            inner,
            queue: VecDeque::new(),
            anchors,
            outline,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for HeadingIds<'a, '_, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(event) = self.queue.pop_front() {
            return Some(event);
        }
        let (level, id) = match self.inner.next()? {
            Event::Start(Tag::Heading { level, id, .. }) => (level, id),
            event => return Some(event),
        };
        let mut walker = Walker::default();
        let mut text = Collapsed::inline();
        for event in self.inner.by_ref() {
            if let Event::End(TagEnd::Heading(_)) = event {
                break;
            }
            text.push(walker.piece(&event));
            self.queue.push_back(event);
        }
        self.queue.push_back(Event::End(TagEnd::Heading(level)));
        let text = text.finish();
        let request = match id {
            Some(id) if !id.trim().is_empty() => AnchorRequest::Explicit(id.into_string()),
            _ => AnchorRequest::Generated { text: text.clone() },
        };
        let anchor = self.anchors.assign(request);
        self.outline.push(Heading {
            level: level as u8,
            text,
            anchor: anchor.clone(),
        });
        Some(Event::Start(Tag::Heading {
            level,
            id: Some(anchor.into()),
            classes: Vec::new(),
            attrs: Vec::new(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_anchors_are_unique() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.generate("Intro"), "intro");
        assert_eq!(anchors.generate("Intro 1"), "intro-1");
        assert_eq!(anchors.generate("Intro"), "intro-2");
        assert_eq!(anchors.generate("Intro"), "intro-3");
        assert_eq!(anchors.explicit("custom"), "custom");
        assert_eq!(anchors.generate("Custom"), "custom-1");
        assert_eq!(anchors.generate("!!"), "section");
        assert_eq!(anchors.generate("fn 1"), "fn-1-1");
    }

    /// Found by the property test: the second heading "FN" hung the render.
    #[test]
    fn a_heading_named_like_the_footnote_prefix_gets_an_id_of_its_own() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.generate("FN"), "fn");
        assert_eq!(anchors.generate("fn"), "fn-h1");
        assert_eq!(anchors.generate("Fn"), "fn-h2");
        assert_eq!(anchors.generate("fnref"), "fnref");
        assert_eq!(anchors.generate("fnref"), "fnref-h1");
        assert_eq!(anchors.generate("fn h1"), "fn-h1-1");
    }

    #[test]
    fn anchors_are_neither_bounded_nor_reserved() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.generate("CON"), "con");
        let long = "mot ".repeat(50);
        assert_eq!(anchors.generate(&long).len(), "mot-".len() * 50 - 1);
    }

    #[test]
    fn given_ids_win_and_requests_are_recorded() {
        let mut anchors = Anchors::given(vec!["sources-1".into()]);
        let request = AnchorRequest::Generated {
            text: "Sources".into(),
        };
        assert_eq!(anchors.assign(request.clone()), "sources-1");
        assert_eq!(anchors.assign(AnchorRequest::Explicit("x".into())), "x");
        assert_eq!(
            anchors.into_requests(),
            [request, AnchorRequest::Explicit("x".into())]
        );
    }
}

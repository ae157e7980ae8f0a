//! Heading anchors: every heading gets an `id` (its explicit `{#id}`, else a
//! slug of its text, unique in the document) and an outline entry.

use std::collections::{HashMap, HashSet, VecDeque};

use pulldown_cmark::{Event, Tag, TagEnd};

use super::text::{Collapsed, Walker};
use super::Heading;

/// The slug used for a heading whose text has no letter or digit.
const EMPTY_SLUG: &str = "section";

/// A URL fragment slug: `deunicode` transliteration (so `Été` gives `ete`),
/// ASCII lowercase, every run of other characters turned into one `-`, no
/// leading or trailing `-`. May be empty.
pub(crate) fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    slug
}

/// Whether `id` has the form of a footnote id (`fn-3`, `fnref-3`), which
/// generated heading slugs must not take.
fn is_footnote_id(id: &str) -> bool {
    ["fn-", "fnref-"].iter().any(|prefix| {
        id.strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The ids handed out so far in one document.
#[derive(Debug, Default)]
pub(crate) struct Anchors {
    used: HashSet<String>,
    /// The next suffix to try for a slug, so that many identical headings
    /// stay linear.
    next_suffix: HashMap<String, usize>,
}

impl Anchors {
    /// An explicit id, used as written.
    pub(crate) fn explicit(&mut self, id: &str) -> String {
        self.used.insert(id.to_owned());
        id.to_owned()
    }

    /// A slug of `text` not used before: `intro`, then `intro-1`, `intro-2`…
    pub(crate) fn generate(&mut self, text: &str) -> String {
        let mut base = slugify(text);
        if base.is_empty() {
            base.push_str(EMPTY_SLUG);
        }
        if !is_footnote_id(&base) && !self.used.contains(&base) {
            self.used.insert(base.clone());
            return base;
        }
        let next = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            let candidate = format!("{base}-{next}");
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
    anchors: Anchors,
    outline: &'o mut Vec<Heading>,
}

impl<'a, 'o, I: Iterator<Item = Event<'a>>> HeadingIds<'a, 'o, I> {
    pub(crate) fn new(inner: I, outline: &'o mut Vec<Heading>) -> Self {
        HeadingIds {
            inner,
            queue: VecDeque::new(),
            anchors: Anchors::default(),
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
        let anchor = match id {
            Some(id) if !id.trim().is_empty() => self.anchors.explicit(&id),
            _ => self.anchors.generate(&text),
        };
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
    fn slugs_transliterate_and_collapse() {
        assert_eq!(slugify("Qu’est-ce que l’été ?"), "qu-est-ce-que-l-ete");
        assert_eq!(slugify("  Hello,   World!  "), "hello-world");
        assert_eq!(slugify("Ça coûte 3 €"), "ca-coute-3-eur");
        assert_eq!(slugify("—"), "");
    }

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
}

//! The live preview's blocks: a stretch of a document cut into its top-level
//! blocks (paragraphs, headings, lists, tables…) with the one parser, and one
//! block rendered on its own yet as a whole render renders it.
//!
//! What ties blocks together is handled here, so a block can be rendered
//! alone:
//!
//! * **heading ids** (a second "Sources" heading gets `sources-1`): a block
//!   records what its headings ask for ([`AnchorRequest`]) and is rendered
//!   with the ids the whole document gives them;
//! * **footnotes**: a block records the labels it references and defines,
//!   and is rendered with the document's numbers and "already referenced"
//!   flags; a reference whose definition sits in another block is made a
//!   reference by a stub definition written before the block (its events
//!   are skipped, so nothing of it shows);
//! * **reference links**: a link whose definition is elsewhere is resolved
//!   from the document's definitions (pulldown-cmark's broken-link
//!   callback), and the block records which labels it asked for and what it
//!   got, so only the blocks using a changed definition render again.
//!
//! A stretch whose raw HTML is not self-contained (an unclosed `<b>` or
//! `<script>`, a `<div>` closed blocks later) cannot be cut: the sanitizer
//! reads such HTML across blocks (see `html_balance`); [`split`] says so and
//! the document is then rendered whole ([`super::live`]).
//!
//! [`IncrementalRenderer`] is the whole-text interface over
//! [`super::live::LiveDocument`] (the property tests and the fuzz target).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, Tag};
use serde::Serialize;
use unicase::UniCase;

use super::anchors::{AnchorRequest, Anchors};
use super::footnotes::{FootnoteLabel, FootnoteState, FootnoteUse};
use super::html_balance::is_self_contained;
use super::live::LiveDocument;
use super::{parser, parser_with_links, render_events, Heading, RenderOptions};

/// A reference link label as pulldown-cmark compares them (case folded,
/// whitespace already collapsed by the parser).
pub(crate) type Label = UniCase<String>;

/// A link reference definition: `[label]: dest "title"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkDefinition {
    pub label: Label,
    /// Byte offsets of the definition in the text that was split.
    pub at: usize,
    pub end: usize,
    pub dest: String,
    pub title: String,
}

/// One top-level block found by [`split`].
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub range: Range<usize>,
    /// Footnote labels the block defines.
    pub defines: Vec<FootnoteLabel>,
}

/// A stretch of text cut into blocks, with its link definitions.
#[derive(Debug, Default)]
pub(crate) struct Split {
    pub blocks: Vec<Piece>,
    pub definitions: Vec<LinkDefinition>,
    /// A label may be defined twice (the parser reports only the first).
    pub repeated_definition: bool,
}

/// Cut `markdown` into blocks that each read alone as they read in the
/// document: its top-level blocks, joined where one reads on from the block
/// before ([`own_start`]). `None` when a block's raw HTML reaches into the
/// blocks after it (then nothing can be cut).
pub(crate) fn split(markdown: &str) -> Option<Split> {
    let mut out = Split::default();
    if markdown.trim().is_empty() {
        return Some(out);
    }
    let parser = parser(markdown);
    for (label, def) in parser.reference_definitions().iter() {
        out.definitions.push(LinkDefinition {
            label: UniCase::new(label.to_owned()),
            at: def.span.start,
            end: def.span.end,
            dest: def.dest.to_string(),
            title: def.title.as_deref().unwrap_or_default().to_owned(),
        });
    }
    out.definitions.sort_by_key(|d| d.at);
    out.repeated_definition = may_repeat_definition(markdown, &out.definitions);
    let mut depth = 0usize;
    let mut start = 0usize;
    // The raw HTML of the block being read, and its footnote definitions.
    let mut raw = String::new();
    let mut defines = Vec::new();
    // Where the block before ended, and whether it left nothing open.
    let mut previous_end = 0;
    let mut closed = true;
    // The block being read joins the one before; it leaves nothing open.
    let mut merge = false;
    let mut closes = false;
    for (event, range) in parser.into_offset_iter() {
        match &event {
            Event::Html(html) | Event::InlineHtml(html) => raw.push_str(html),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                defines.push(UniCase::new(label.to_string()))
            }
            _ => {}
        }
        let starts = depth == 0 && !matches!(event, Event::End(_));
        if starts {
            match own_start(markdown, previous_end, range.start, closed) {
                Some(at) => (start, merge) = (at, false),
                None => merge = true,
            }
            closes = match &event {
                Event::Rule => true,
                Event::Start(Tag::Heading { .. }) => markdown[range.clone()]
                    .trim_start_matches([' ', '\t'])
                    .starts_with('#'),
                _ => false,
            };
        }
        let block_end = match event {
            Event::Start(_) => {
                depth += 1;
                None
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                (depth == 0).then_some(start..range.end)
            }
            _ if depth == 0 => Some(start..range.end),
            _ => None,
        };
        if let Some(range) = block_end {
            if !is_self_contained(&raw) {
                return None;
            }
            raw.clear();
            previous_end = range.end;
            closed = closes;
            match out.blocks.last_mut() {
                Some(last) if merge => {
                    last.range.end = range.end;
                    last.defines.append(&mut defines);
                }
                _ => out.blocks.push(Piece {
                    range,
                    defines: std::mem::take(&mut defines),
                }),
            }
        }
    }
    Some(out)
}

/// Where a top-level block the parser starts at `at` starts as a block of
/// its own, or `None` when it stays with the block before (which ended at
/// `previous_end`).
///
/// A block stands alone only where the parser reads on as at the start of a
/// document: after a blank line, or right after a block that leaves nothing
/// open (`closed`: the document's start, an ATX heading, a rule). Anywhere
/// else the lines before shape how the block reads: a paragraph or a list
/// may take a line in, link definitions make an indented line text and
/// `---` a setext underline, a footnote definition an indented paragraph
/// its own. Joined to the block before, the block is cut as the whole
/// document cuts it. It starts at the line after that blank line: link
/// definitions right above it shape it too, so they come with it.
fn own_start(markdown: &str, previous_end: usize, at: usize, closed: bool) -> Option<usize> {
    // A block the parser starts inside the one before: stay with it.
    let gap = markdown.get(previous_end..at)?;
    let line_start = |i: usize| i == 0 || markdown[..i].ends_with('\n');
    let mut from = (closed && line_start(previous_end)).then_some(previous_end);
    let mut line = previous_end;
    for l in gap.split_inclusive('\n') {
        let next = line + l.len();
        if l.ends_with('\n') && l.trim().is_empty() && line_start(line) {
            from = Some(next);
        }
        line = next;
    }
    from
}

/// True when something shaped like a definition of a label defined in
/// `definitions` (`[label]:`) sits outside that definition: the parser keeps
/// only a label's first definition, so a second one is not reported. Errs
/// towards "true" (such a shape inside code, say).
fn may_repeat_definition(markdown: &str, definitions: &[LinkDefinition]) -> bool {
    if definitions.is_empty() {
        return false;
    }
    markdown.match_indices("]:").any(|(close, _)| {
        let line_start = markdown[..close].rfind('\n').map_or(0, |i| i + 1);
        let Some(open) = markdown[line_start..close].rfind('[') else {
            return false;
        };
        let open = line_start + open;
        let label: Vec<&str> = markdown[open + 1..close].split_ascii_whitespace().collect();
        let label = UniCase::new(label.join(" "));
        definitions
            .iter()
            .any(|d| d.label == label && !(d.at..d.end).contains(&open))
    })
}

/// The footnote labels written as `[^label]` in `source` (each once): the
/// ones that need a definition to be references. Read as pulldown-cmark
/// reads them (`linklabel.rs`), or it would not see a stub definition as
/// the one it references: a backslash escapes the `]` after it, runs of
/// whitespace are one space, the ends trimmed, no line break (GFM
/// footnotes). A `\|` also gives the label with `|` (a table cell reads it
/// so). No length limit: a label too long to be one only gets a stub that
/// is not read as a definition, which is harmless.
pub(crate) fn footnote_labels(source: &str) -> Vec<FootnoteLabel> {
    let mut out: Vec<FootnoteLabel> = Vec::new();
    for (at, _) in source.match_indices("[^") {
        let Some(label) = footnote_label(&source[at + 2..]) else {
            continue;
        };
        let in_table = label.contains("\\|").then(|| label.replace("\\|", "|"));
        for label in std::iter::once(label).chain(in_table) {
            let label = UniCase::new(label);
            if !out.contains(&label) {
                out.push(label);
            }
        }
    }
    out
}

/// The label of a footnote reference whose `[^` comes right before `rest`.
fn footnote_label(rest: &str) -> Option<String> {
    let bytes = rest.as_bytes();
    let space = |b: u8| (0x09..=0x0d).contains(&b) || b == b' ';
    let mut label = String::new();
    let mut at = 0;
    loop {
        match *bytes.get(at)? {
            b'[' | b'\n' | b'\r' => return None,
            b']' => break,
            b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => {
                label.push_str(&rest[at..at + 2]);
                at += 2;
            }
            b if space(b) => {
                while bytes
                    .get(at)
                    .is_some_and(|b| space(*b) && !matches!(b, b'\n' | b'\r'))
                {
                    at += 1;
                }
                label.push(' ');
            }
            _ => {
                let c = rest[at..].chars().next()?;
                label.push(c);
                at += c.len_utf8();
            }
        }
    }
    let label = label.trim_matches(' ');
    (!label.is_empty()).then(|| label.to_owned())
}

/// Footnote numbers as a block sees them: each label it uses, in order of
/// first use, with its number and whether it was referenced before the block.
pub(crate) type FootnoteContext = Vec<(FootnoteLabel, usize, bool)>;

/// The context a block rendered on its own has: numbers from 1, nothing
/// referenced before.
fn own_context(uses: &[FootnoteUse]) -> FootnoteContext {
    let mut out: FootnoteContext = Vec::new();
    for u in uses {
        if !out.iter().any(|(l, _, _)| *l == u.label) {
            let n = out.len() + 1;
            out.push((u.label.clone(), n, false));
        }
    }
    out
}

/// The context of a block whose uses are `uses`, in the document's `state`
/// (which is then advanced past the block).
pub(crate) fn context_in(state: &mut FootnoteState, uses: &[FootnoteUse]) -> FootnoteContext {
    let mut out: FootnoteContext = Vec::new();
    for u in uses {
        if !out.iter().any(|(l, _, _)| *l == u.label) {
            let n = state.number(&u.label);
            out.push((u.label.clone(), n, state.is_referenced(n)));
        }
    }
    for u in uses.iter().filter(|u| !u.definition) {
        let n = state.number(&u.label);
        state.refer(n);
    }
    out
}

/// The answer a block got for a reference link defined elsewhere.
pub(crate) type LinkAnswer = Option<(String, String)>;

/// One rendering of a block, kept while the block stays.
#[derive(Debug)]
pub(crate) struct Rendition {
    pub html: String,
    /// A hash of `html`.
    pub key: u64,
    pub words: usize,
    pub teaser: String,
    pub outline: Vec<Heading>,
    /// What the block's headings ask for, in order.
    pub requests: Vec<AnchorRequest>,
    /// The block's footnote references and definitions, in order.
    pub footnotes: Vec<FootnoteUse>,
    /// The footnote numbers it was rendered with.
    pub context: FootnoteContext,
    /// Reference links it resolved from other blocks' definitions.
    pub links: Vec<(Label, LinkAnswer)>,
}

impl Rendition {
    /// The heading ids it was rendered with.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.outline.iter().map(|h| h.anchor.as_str())
    }
}

/// How to render one block: its place in the document.
pub(crate) struct Place<'p> {
    /// Footnote labels defined in other blocks that this one references.
    pub stubs: &'p [FootnoteLabel],
    /// The document's reference link definitions (first one per label).
    pub links: &'p HashMap<Label, LinkDefinition>,
    /// Heading ids to give, or `None` for the block's own.
    pub ids: Option<Vec<String>>,
    /// Footnote numbers to give, or `None` for the block's own.
    pub footnotes: Option<&'p FootnoteContext>,
}

/// Render `source`, one top-level block, as it renders in its document.
///
/// The footnotes it references that other blocks define get stub
/// definitions written before it, closed by a rule and a blank line, so the
/// block reads on as at a document's start; their events are skipped.
/// (After it, an open code fence or HTML comment at its end would take them
/// in.)
pub(crate) fn render_block(source: &str, opts: &RenderOptions, place: &Place) -> Rendition {
    let stubs = place.stubs;
    let mut text = String::with_capacity(source.len() + 16 * stubs.len() + 8);
    for label in stubs {
        text.push_str("[^");
        text.push_str(label);
        text.push_str("]: .\n\n");
    }
    if !stubs.is_empty() {
        text.push_str("***\n\n");
    }
    let block_at = text.len();
    text.push_str(source);
    let asked: RefCell<Vec<(Label, LinkAnswer)>> = RefCell::new(Vec::new());
    let resolve = |link: BrokenLink<'_>| -> Option<(CowStr<'_>, CowStr<'_>)> {
        let label = UniCase::new(link.reference.to_string());
        let answer = place
            .links
            .get(&label)
            .map(|d| (d.dest.clone(), d.title.clone()));
        asked.borrow_mut().push((label, answer.clone()));
        answer.map(|(dest, title)| (dest.into(), title.into()))
    };
    let events = parser_with_links(&text, resolve)
        .into_offset_iter()
        .skip_while(|(_, range)| range.start < block_at)
        .map(|(event, _)| event);
    let mut anchors = match &place.ids {
        Some(ids) => Anchors::given(ids.clone()),
        None => Anchors::default(),
    };
    let mut footnotes = match place.footnotes {
        Some(context) => FootnoteState::given(
            context.iter().map(|(l, n, _)| (l.clone(), *n)).collect(),
            context
                .iter()
                .filter(|(_, _, r)| *r)
                .map(|(_, n, _)| *n)
                .collect::<HashSet<_>>(),
        ),
        None => FootnoteState::default(),
    };
    let summaryless = RenderOptions {
        resolve_asset: opts.resolve_asset,
        summary: "",
    };
    let r = render_events(
        events,
        source.len(),
        &summaryless,
        &mut anchors,
        &mut footnotes,
    );
    let uses = footnotes.uses;
    let context = match place.footnotes {
        Some(context) => context.clone(),
        None => own_context(&uses),
    };
    let mut key = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(&r.html, &mut key);
    Rendition {
        key: std::hash::Hasher::finish(&key),
        html: r.html,
        words: r.word_count,
        teaser: r.teaser,
        outline: r.outline,
        requests: anchors.into_requests(),
        footnotes: uses,
        context,
        links: asked.into_inner(),
    }
}

/// The preview of one document, as keys in order plus the HTML of the keys
/// the view does not hold yet.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PreviewBlocks {
    /// One key per top-level block, in document order (keys repeat when blocks do).
    pub keys: Vec<String>,
    /// Sanitized HTML of the keys the view was not sent before.
    pub html: HashMap<String, String>,
    pub word_count: usize,
    pub reading_minutes: u32,
    pub teaser: String,
    pub outline: Vec<Heading>,
}

/// Renders one document again and again from its whole text, reusing
/// unchanged blocks (the text is compared with the last one, and only the
/// changed stretch is cut and rendered again). [`reset`](Self::reset) when
/// the view starts over.
#[derive(Debug, Default)]
pub struct IncrementalRenderer {
    doc: LiveDocument,
    sent: HashSet<String>,
}

impl IncrementalRenderer {
    /// Forget what the view holds (a new post, or a reloaded view).
    pub fn reset(&mut self) {
        self.sent.clear();
    }

    pub fn render(&mut self, markdown: &str, opts: &RenderOptions) -> PreviewBlocks {
        self.doc.set_text(markdown);
        let summary = self.doc.refresh(opts);
        let mut keys = Vec::new();
        let mut html = HashMap::new();
        for (key, block) in self.doc.shown() {
            let key = format!("{key:016x}");
            if self.sent.insert(key.clone()) {
                html.insert(key.clone(), block.html.clone());
            }
            keys.push(key);
        }
        PreviewBlocks {
            keys,
            html,
            word_count: summary.word_count,
            reading_minutes: summary.reading_minutes,
            teaser: summary.teaser,
            outline: self.doc.outline(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks `split` cuts `markdown` into, as text.
    fn pieces(markdown: &str) -> Vec<&str> {
        let cut = split(markdown).expect("self-contained HTML");
        cut.blocks
            .iter()
            .map(|p| &markdown[p.range.clone()])
            .collect()
    }

    #[test]
    fn a_block_stands_alone_after_a_blank_line_a_heading_or_a_rule() {
        assert_eq!(
            pieces("# Title\nText\n\nMore\n\n***\n    code\n"),
            ["# Title\n", "Text\n", "More\n", "***\n", "    code\n"]
        );
        assert_eq!(pieces("One\n\n\n  Two\n"), ["One\n", "  Two\n"]);
    }

    /// Right under another block, a block's first line may read otherwise
    /// alone (found by the property tests, one construct at a time).
    #[test]
    fn a_block_right_under_another_stays_with_it() {
        assert_eq!(pieces("Text\n- item\n"), ["Text\n- item\n"]);
        assert_eq!(
            pieces("- a\n[^1]: x\n    more\n"),
            ["- a\n[^1]: x\n    more\n"]
        );
        assert_eq!(
            pieces("[^1]: x\n[^2]: y\n    more y\n"),
            ["[^1]: x\n[^2]: y\n    more y\n"]
        );
    }

    /// Link definitions shape the line under them ("-" is text there, an
    /// indented line no code): a block takes in the ones right above it.
    #[test]
    fn a_block_takes_in_the_link_definitions_right_above_it() {
        assert_eq!(pieces("[r]: /x\n    more\n"), ["[r]: /x\n    more\n"]);
        assert_eq!(
            pieces("a\n\n[r]: /x\n\n[s]: /y\n-\n"),
            ["a\n", "[s]: /y\n-\n"]
        );
    }
}

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
//!   reference by a stub definition appended after the block (its events are
//!   cut off, so nothing of it shows);
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

use pulldown_cmark::{BrokenLink, CodeBlockKind, CowStr, Event, Tag};
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

/// Cut `markdown` into its top-level blocks. `None` when a block's raw HTML
/// reaches into the blocks after it (then nothing can be cut).
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
    let mut previous_end = 0;
    let mut merge = false;
    for (event, range) in parser.into_offset_iter() {
        match &event {
            Event::Html(html) | Event::InlineHtml(html) => raw.push_str(html),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                defines.push(UniCase::new(label.to_string()))
            }
            _ => {}
        }
        let block_end = match event {
            Event::Start(ref tag) => {
                if depth == 0 {
                    // A paragraph may start after link definitions, which
                    // then shape how its first line reads ("-" is no list
                    // item there, an indented line no code): it takes them
                    // in. So does a setext heading: a paragraph underlined.
                    let paragraph = matches!(tag, Tag::Paragraph)
                        || (matches!(tag, Tag::Heading { .. })
                            && !markdown[range.clone()]
                                .trim_start_matches([' ', '\t'])
                                .starts_with('#'));
                    let after_definitions = paragraph
                        && !markdown[previous_end.min(range.start)..range.start]
                            .trim()
                            .is_empty();
                    start = if after_definitions {
                        previous_end
                    } else {
                        line_start(markdown, range.start)
                    };
                    // A block that goes on from the block before cannot
                    // stand alone, and joins it:
                    // - a paragraph right under a definition (no blank line
                    //   between) that the block before took in (a list's
                    //   range runs over the definitions under it): its "-"
                    //   is text there, not a list item;
                    // - any block but indented code that starts indented as
                    //   code (a paragraph's lazy line, a footnote definition
                    //   indented under another).
                    let under_definition = || {
                        out.definitions.iter().any(|d| {
                            d.at < previous_end
                                && d.end <= range.start
                                && markdown[d.end..range.start].trim().is_empty()
                                && markdown[d.end..range.start].matches('\n').count() <= 1
                        })
                    };
                    let indented_code = matches!(tag, Tag::CodeBlock(CodeBlockKind::Indented));
                    merge = !after_definitions
                        && ((range.start - start > 3 && !indented_code)
                            || (paragraph && under_definition()));
                }
                depth += 1;
                None
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                (depth == 0).then_some(start..range.end)
            }
            _ if depth == 0 => Some(line_start(markdown, range.start)..range.end),
            _ => None,
        };
        if let Some(range) = block_end {
            if !is_self_contained(&raw) {
                return None;
            }
            raw.clear();
            previous_end = range.end;
            match out.blocks.last_mut() {
                Some(last) if std::mem::take(&mut merge) => {
                    last.range.end = range.end;
                    last.defines.append(&mut defines);
                }
                _ => out.blocks.push(Piece {
                    range: if merge { 0..range.end } else { range },
                    defines: std::mem::take(&mut defines),
                }),
            }
            merge = false;
        }
    }
    Some(out)
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

/// `at`, moved back over the spaces and tabs that start its line: the
/// parser starts an indented code block after its indentation, and without
/// it the block would read as a paragraph.
fn line_start(markdown: &str, at: usize) -> usize {
    let before = &markdown[..at];
    let indent = before.len() - before.trim_end_matches([' ', '\t']).len();
    let start = at - indent;
    if start == 0 || before[..start].ends_with(['\n', '\r']) {
        start
    } else {
        at
    }
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
pub(crate) fn render_block(source: &str, opts: &RenderOptions, place: &Place) -> Rendition {
    render_with_stubs(source, opts, place, true)
        .unwrap_or_else(|| render_with_stubs(source, opts, place, false).unwrap_or_else(empty))
}

fn empty() -> Rendition {
    Rendition {
        html: String::new(),
        key: 0,
        words: 0,
        teaser: String::new(),
        outline: Vec::new(),
        requests: Vec::new(),
        footnotes: Vec::new(),
        context: Vec::new(),
        links: Vec::new(),
    }
}

/// `None` when the stub definitions were read as part of the block (an
/// open code fence or HTML comment takes them in): then they are not needed.
fn render_with_stubs(
    source: &str,
    opts: &RenderOptions,
    place: &Place,
    with_stubs: bool,
) -> Option<Rendition> {
    let stubs = if with_stubs { place.stubs } else { &[] };
    let mut text = String::with_capacity(source.len() + 16 * stubs.len());
    text.push_str(source);
    for label in stubs {
        text.push_str("\n\n[^");
        text.push_str(label);
        text.push_str("]: .\n");
    }
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
    let mut swallowed = false;
    let len = source.len();
    // The stubs start after the blank line appended to the block; what the
    // block ends with (a table's padding cells) may sit at its very end.
    let stubs_at = len + 2;
    let events = parser_with_links(&text, resolve)
        .into_offset_iter()
        .take_while(|(_, range)| range.start < stubs_at)
        .map(|(event, range)| {
            // Text past the block: an open fence or comment took the stubs in.
            swallowed |= range.end > len
                && matches!(
                    event,
                    Event::Text(_) | Event::Code(_) | Event::Html(_) | Event::InlineHtml(_)
                );
            event
        });
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
    let r = render_events(events, len, &summaryless, &mut anchors, &mut footnotes);
    if swallowed && !stubs.is_empty() {
        return None;
    }
    let uses = footnotes.uses;
    let context = match place.footnotes {
        Some(context) => context.clone(),
        None => own_context(&uses),
    };
    let mut key = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(&r.html, &mut key);
    Some(Rendition {
        key: std::hash::Hasher::finish(&key),
        html: r.html,
        words: r.word_count,
        teaser: r.teaser,
        outline: r.outline,
        requests: anchors.into_requests(),
        footnotes: uses,
        context,
        links: asked.into_inner(),
    })
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

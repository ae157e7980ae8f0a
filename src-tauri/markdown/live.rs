//! The open post's document in the core, for the live preview: its text, a
//! version, and its top-level blocks, each with its rendering.
//!
//! Per keystroke the editor sends only what changed (CodeMirror's changes,
//! positions in UTF-16 code units, each applied to the text the previous one
//! left). The document applies them, cuts again only the stretch around the
//! change (from the block before it, forward until the cut meets an old block
//! boundary again, see [`LiveDocument::recut`]), and answers with a splice of
//! the view's blocks: where, how many go, the new ones. When the change
//! cannot move a heading id, a footnote number or a link definition
//! elsewhere (typing in a paragraph, see [`LiveDocument::render_replaced`]),
//! the work is the changed stretch only: its blocks are rendered, the word
//! count is updated by difference and the splice is read off the replaced
//! blocks. Otherwise it is the changed stretch plus a walk over the block
//! list (heading ids, footnote numbers, counts), not a parse of the document.
//!
//! A change that does not apply to the version the core holds (lost or out
//! of order) is refused with `resync`, and the editor sends its whole text
//! once; the core then finds the changed stretch itself.
//!
//! Rendered whole (one block) are only documents that cannot be cut: a bare
//! CR line ending (the parser reads some constructs differently around one),
//! raw HTML that reaches across blocks, or a reference link label defined
//! twice (which definition wins depends on the whole document).

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::anchors::Anchors;
use super::blocks::{
    context_in, footnote_labels, render_block, split, FootnoteContext, Label, LinkDefinition,
    Place, Rendition,
};
use super::footnotes::{FootnoteLabel, FootnoteState};
use super::{reading_minutes, Heading, RenderOptions};

/// One change from the editor: replace UTF-16 code units `from..to` of the
/// text as the previous change left it with `insert`.
#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
pub struct TextChange {
    pub from: u32,
    pub to: u32,
    pub insert: String,
}

/// What the editor sends per keystroke.
#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LiveText {
    /// Changes to version `base` of the core's document, in order.
    Changes { base: u32, changes: Vec<TextChange> },
    /// The whole text (opening a post, or after a `resync`).
    Whole { text: String },
}

/// The view's blocks to replace: `remove` blocks from `at` go, `html` (one
/// entry per new block, with its `keys`) comes in their place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct BlockSplice {
    pub at: u32,
    pub remove: u32,
    pub keys: Vec<String>,
    pub html: Vec<String>,
}

/// The answer to one live edit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct LivePreview {
    /// The version of the document now; the next changes apply to it.
    pub version: u32,
    /// The changes did not apply to the core's version: send the whole text.
    pub resync: bool,
    pub splice: BlockSplice,
    pub word_count: usize,
    pub reading_minutes: u32,
    pub teaser: String,
}

/// Counts and teaser of the whole document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub word_count: usize,
    pub reading_minutes: u32,
    pub teaser: String,
}

#[derive(Debug)]
struct Block {
    start: usize,
    end: usize,
    /// Hash of the block's source.
    key: u64,
    /// Footnote labels it defines and the ones written `[^x]` in it.
    defines: Vec<FootnoteLabel>,
    refers: Vec<FootnoteLabel>,
    /// Its rendering on its own (with the stubs it had), and what is shown.
    own: Option<(Vec<FootnoteLabel>, u64, Arc<Rendition>)>,
    shown: Option<(u64, Arc<Rendition>)>,
}

impl Block {
    fn new(text: &str, start: usize, end: usize, defines: Vec<FootnoteLabel>) -> Block {
        let source = &text[start..end];
        Block {
            start,
            end,
            key: hash(&source),
            defines,
            refers: footnote_labels(source),
            own: None,
            shown: None,
        }
    }
}

/// Past this many cached renderings the cache starts over.
const MAX_CACHED: usize = 20_000;

/// The document of the open post (see the module documentation).
#[derive(Debug, Default)]
pub struct LiveDocument {
    text: String,
    version: u32,
    blocks: Vec<Block>,
    /// Link reference definitions, by position.
    definitions: Vec<LinkDefinition>,
    /// Rendered as one block (see the module documentation).
    whole: bool,
    /// The byte range of the text changed since the blocks were cut.
    dirty: Option<(usize, usize, isize)>,
    /// A known UTF-16 offset and its byte offset (where the last change ended).
    hint: (usize, usize),
    cache: HashMap<u64, Arc<Rendition>>,
    /// The keys of the blocks the view holds.
    view: Vec<u64>,
    /// What the last cut replaced, so that a change that cannot move a
    /// heading id, a footnote number or a definition renders only there.
    replaced: Option<Replaced>,
    /// As of the last render: the footnote labels defined, the link
    /// definitions in effect, the word count and the block giving the teaser.
    defined: HashSet<FootnoteLabel>,
    links: HashMap<Label, LinkDefinition>,
    words: usize,
    teaser_at: Option<usize>,
    /// Set by a render of only the replaced blocks: where they start, the
    /// view keys of the old ones, how many new ones.
    local_splice: Option<(usize, Vec<u64>, usize)>,
    /// How many renders walked every block (tests and the bench read it).
    walks: usize,
}

/// The blocks one cut replaced: the new ones are `at..at + new_len`; the
/// old ones as they were shown.
#[derive(Debug)]
struct Replaced {
    at: usize,
    new_len: usize,
    old: Vec<OldBlock>,
    /// The cut's link definitions are those it replaced (labels,
    /// destinations, titles, in order).
    same_definitions: bool,
}

#[derive(Debug)]
struct OldBlock {
    defines: Vec<FootnoteLabel>,
    shown: Option<Arc<Rendition>>,
}

fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// UTF-16 code units of the UTF-8 bytes `b`.
fn utf16_units(b: &[u8]) -> usize {
    b.iter()
        .map(|&c| usize::from((c & 0xC0) != 0x80) + usize::from(c >= 0xF0))
        .sum()
}

/// The byte offset of UTF-16 offset `target`, scanning forward from a known
/// pair; `None` past the end or inside a character.
fn byte_offset(text: &str, (mut units, mut at): (usize, usize), target: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    const CHUNK: usize = 64;
    while at + CHUNK <= bytes.len() {
        let n = utf16_units(&bytes[at..at + CHUNK]);
        if units + n >= target {
            break;
        }
        units += n;
        at += CHUNK;
    }
    // Move off continuation bytes a chunk may have ended in.
    while at < bytes.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    loop {
        if units == target {
            return Some(at);
        }
        let c = text[at..].chars().next()?;
        units += c.len_utf16();
        at += c.len_utf8();
        if units > target {
            return None;
        }
    }
}

impl LiveDocument {
    pub fn version(&self) -> u32 {
        self.version
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the document is rendered as one block on every edit (it
    /// cannot be cut: see the module's doc), so an edit costs a whole render.
    pub fn renders_whole(&self) -> bool {
        self.whole
    }

    /// How many renders so far walked every block (heading ids, footnote
    /// numbers, counts) rather than only the blocks a change replaced.
    pub fn whole_walks(&self) -> usize {
        self.walks
    }

    /// Apply what the editor sent; `false` (nothing applied) when it was
    /// changes to another version than ours, or did not fit the text.
    pub fn apply(&mut self, edit: LiveText) -> bool {
        match edit {
            LiveText::Whole { text } => {
                self.set_text(&text);
                true
            }
            LiveText::Changes { base, changes } => {
                if base != self.version {
                    return false;
                }
                for c in &changes {
                    if !self.change(c) {
                        // What applied stays (and is marked changed); a new
                        // version makes the editor send its whole text.
                        self.version = self.version.wrapping_add(1);
                        return false;
                    }
                }
                self.version = self.version.wrapping_add(1);
                true
            }
        }
    }

    /// Make the text `text`: only the stretch that differs is treated as changed.
    pub fn set_text(&mut self, text: &str) {
        let old = self.text.as_bytes();
        let new = text.as_bytes();
        let mut prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        while !text.is_char_boundary(prefix) || !self.text.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let max_suffix = old.len().min(new.len()) - prefix;
        let mut suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(max_suffix)
            .take_while(|(a, b)| a == b)
            .count();
        while !text.is_char_boundary(new.len() - suffix)
            || !self.text.is_char_boundary(old.len() - suffix)
        {
            suffix -= 1;
        }
        if prefix == old.len() && old.len() == new.len() {
            return;
        }
        let (from, to) = (prefix, old.len() - suffix);
        self.splice_text(from, to, &text[prefix..new.len() - suffix]);
        self.hint = (0, 0);
        self.version = self.version.wrapping_add(1);
    }

    fn change(&mut self, c: &TextChange) -> bool {
        let (from, to) = (c.from as usize, c.to as usize);
        if to < from {
            return false;
        }
        let start = if from >= self.hint.0 {
            self.hint
        } else {
            (0, 0)
        };
        let Some(bfrom) = byte_offset(&self.text, start, from) else {
            return false;
        };
        let Some(bto) = byte_offset(&self.text, (from, bfrom), to) else {
            return false;
        };
        self.splice_text(bfrom, bto, &c.insert);
        self.hint = (
            from + c.insert.encode_utf16().count(),
            bfrom + c.insert.len(),
        );
        true
    }

    /// Replace bytes `from..to` and widen the changed range over it.
    fn splice_text(&mut self, from: usize, to: usize, insert: &str) {
        self.text.replace_range(from..to, insert);
        let delta = insert.len() as isize - (to - from) as isize;
        // `dirty` is (start, end in the new text, total size change).
        self.dirty = Some(match self.dirty {
            None => (from, from + insert.len(), delta),
            Some((lo, hi, d)) => {
                let hi = if hi >= to {
                    (hi as isize + delta) as usize
                } else {
                    from + insert.len()
                };
                (lo.min(from), hi.max(from + insert.len()), d + delta)
            }
        });
    }

    /// Cut the changed stretch again and render what must be, returning the
    /// document's counts and teaser.
    pub fn refresh(&mut self, opts: &RenderOptions) -> Summary {
        self.local_splice = None;
        self.replaced = None;
        if let Some((lo, hi, delta)) = self.dirty.take() {
            self.recut(lo, hi, delta);
        }
        if self.cache.len() > MAX_CACHED {
            self.cache.clear();
        }
        if let Some(replaced) = self.replaced.take() {
            if let Some(summary) = self.render_replaced(&replaced, opts) {
                return summary;
            }
        }
        self.render_blocks(opts)
    }

    /// Blocks as the view should show them: key and rendering, in order.
    /// The key is the hash of the block's HTML, so the view replaces
    /// exactly the blocks whose HTML changed.
    pub(crate) fn shown(&self) -> impl Iterator<Item = (u64, &Rendition)> {
        self.blocks
            .iter()
            .filter_map(|b| b.shown.as_ref().map(|(_, r)| (r.key, &**r)))
    }

    /// Every heading of the document, in order.
    pub fn outline(&self) -> Vec<Heading> {
        self.shown().flat_map(|(_, r)| r.outline.clone()).collect()
    }

    /// Apply `edit` and answer with the splice of the view (`reset`: the view
    /// holds nothing).
    pub fn edit(&mut self, edit: LiveText, opts: &RenderOptions, reset: bool) -> LivePreview {
        if reset {
            self.view.clear();
        }
        if !self.apply(edit) {
            return LivePreview {
                version: self.version,
                resync: true,
                ..LivePreview::default()
            };
        }
        let summary = self.refresh(opts);
        let splice = match self.local_splice.take() {
            Some(local) => self.splice_replaced(local),
            None => None,
        };
        let splice = match splice {
            Some(splice) => splice,
            None => self.splice_all(),
        };
        LivePreview {
            version: self.version,
            resync: false,
            splice,
            word_count: summary.word_count,
            reading_minutes: summary.reading_minutes,
            teaser: summary.teaser,
        }
    }

    /// The splice after a render of only the replaced blocks: the view
    /// changes there and nowhere else. `None` when the view does not hold
    /// what the blocks held before.
    fn splice_replaced(
        &mut self,
        (at, old, new_len): (usize, Vec<u64>, usize),
    ) -> Option<BlockSplice> {
        let fits = self.view.len() + new_len == self.blocks.len() + old.len()
            && self.view.get(at..at + old.len()) == Some(&old[..]);
        if !fits {
            return None;
        }
        let new: Vec<(u64, &Rendition)> = self.blocks[at..at + new_len]
            .iter()
            .map(|b| b.shown.as_ref().map(|(_, r)| (r.key, &**r)))
            .collect::<Option<_>>()?;
        let head = old
            .iter()
            .zip(&new)
            .take_while(|(o, (n, _))| *o == n)
            .count();
        let tail = old[head..]
            .iter()
            .rev()
            .zip(new[head..].iter().rev())
            .take_while(|(o, (n, _))| *o == n)
            .count();
        let run = &new[head..new.len() - tail];
        let splice = BlockSplice {
            at: (at + head) as u32,
            remove: (old.len() - head - tail) as u32,
            keys: run.iter().map(|(k, _)| format!("{k:016x}")).collect(),
            html: run.iter().map(|(_, r)| r.html.clone()).collect(),
        };
        let keys: Vec<u64> = run.iter().map(|(k, _)| *k).collect();
        let from = at + head;
        self.view.splice(from..from + splice.remove as usize, keys);
        Some(splice)
    }

    /// The splice found by comparing every block with the view.
    fn splice_all(&mut self) -> BlockSplice {
        let keys: Vec<u64> = self.shown().map(|(k, _)| k).collect();
        let head = self
            .view
            .iter()
            .zip(&keys)
            .take_while(|(a, b)| a == b)
            .count();
        let tail = self.view[head..]
            .iter()
            .rev()
            .zip(keys[head..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let new_run = head..keys.len() - tail;
        let splice = BlockSplice {
            at: head as u32,
            remove: (self.view.len() - tail - head) as u32,
            keys: keys[new_run.clone()]
                .iter()
                .map(|k| format!("{k:016x}"))
                .collect(),
            html: self
                .shown()
                .skip(new_run.start)
                .take(new_run.len())
                .map(|(_, r)| r.html.clone())
                .collect(),
        };
        self.view = keys;
        splice
    }

    /// Cut again the blocks around bytes `lo..hi` of the new text (the text
    /// grew by `delta` bytes): from the block before the change, forward
    /// until the last block cut is an old block, unchanged, at its old place
    /// (the parse from there on is then the old one); the whole rest of the
    /// text at worst.
    fn recut(&mut self, lo: usize, hi: usize, delta: isize) {
        let text_len = self.text.len();
        if self.whole || self.text.contains('\r') && has_lone_carriage_return(&self.text) {
            return self.cut_all();
        }
        let old_hi = (hi as isize - delta) as usize;
        let shift = |x: usize| (x as isize + delta) as usize;
        // The first block touching the change, then one more before it.
        let first = self.blocks.partition_point(|b| b.end < lo);
        let from = first.saturating_sub(1);
        let window_start = if first == 0 {
            0
        } else {
            self.blocks[from].start
        };
        // The first old block wholly after the change: the candidate to meet.
        let mut meet = self.blocks.partition_point(|b| b.start <= old_hi);
        loop {
            let window_end = match self.blocks.get(meet) {
                Some(b) => shift(b.end),
                None => text_len,
            };
            let Some(cut) = split(&self.text[window_start..window_end]) else {
                return self.cut_all();
            };
            if cut.repeated_definition {
                return self.cut_all();
            }
            let met = match (self.blocks.get(meet), cut.blocks.last()) {
                (None, _) => true,
                (Some(old), Some(new)) => {
                    new.range.start + window_start == shift(old.start)
                        && new.range.end + window_start == shift(old.end)
                }
                (Some(_), None) => false,
            };
            if !met {
                meet += (meet - from).max(2);
                meet = meet.min(self.blocks.len());
                continue;
            }
            let replaced = from..(meet + 1).min(self.blocks.len());
            let old_range = (
                self.blocks
                    .get(from)
                    .map_or(0, |b| b.start)
                    .min(window_start),
                self.blocks.get(meet).map_or(usize::MAX, |b| b.end),
            );
            let new_blocks: Vec<Block> = cut
                .blocks
                .into_iter()
                .map(|p| {
                    Block::new(
                        &self.text,
                        p.range.start + window_start,
                        p.range.end + window_start,
                        p.defines,
                    )
                })
                .collect();
            for b in &mut self.blocks[replaced.end..] {
                b.start = shift(b.start);
                b.end = shift(b.end);
            }
            let new_len = new_blocks.len();
            let old_blocks: Vec<Block> = self.blocks.splice(replaced, []).collect();
            let (old_lo, old_hi_end) = old_range;
            let same_definitions = self
                .definitions
                .iter()
                .filter(|d| d.at >= old_lo && d.at < old_hi_end)
                .map(|d| (&d.label, &d.dest, &d.title))
                .eq(cut
                    .definitions
                    .iter()
                    .map(|d| (&d.label, &d.dest, &d.title)));
            self.replaced = Some(Replaced {
                at: from.min(self.blocks.len()),
                new_len,
                old: old_blocks
                    .iter()
                    .map(|b| OldBlock {
                        defines: b.defines.clone(),
                        shown: b.shown.as_ref().map(|(_, r)| r.clone()),
                    })
                    .collect(),
                same_definitions,
            });
            // Keep the renderings of blocks that came back unchanged.
            let mut old: HashMap<u64, Block> = old_blocks.into_iter().map(|b| (b.key, b)).collect();
            let new_blocks: Vec<Block> = new_blocks
                .into_iter()
                .map(|mut b| {
                    if let Some(o) = old.remove(&b.key) {
                        b.own = o.own;
                        b.shown = o.shown;
                    }
                    b
                })
                .collect();
            let at = from.min(self.blocks.len());
            self.blocks.splice(at..at, new_blocks);
            // Definitions: those of the old stretch go, the cut's come in.
            self.definitions
                .retain(|d| d.at < old_lo || d.at >= old_hi_end);
            for d in &mut self.definitions {
                if d.at >= old_hi_end {
                    d.at = shift(d.at);
                    d.end = shift(d.end);
                }
            }
            self.definitions
                .extend(cut.definitions.into_iter().map(|mut d| {
                    d.at += window_start;
                    d.end += window_start;
                    d
                }));
            self.definitions.sort_by_key(|d| d.at);
            if self.has_repeated_definition() {
                self.cut_all();
            }
            return;
        }
    }

    /// Cut the whole text; render it as one block when it cannot be cut.
    fn cut_all(&mut self) {
        self.replaced = None;
        let text = &self.text;
        let cut = if has_lone_carriage_return(text) {
            None
        } else {
            split(text)
        };
        let mut old: HashMap<u64, Block> = self.blocks.drain(..).map(|b| (b.key, b)).collect();
        let (blocks, definitions, whole) = match cut {
            Some(cut) if !cut.repeated_definition => (
                cut.blocks
                    .into_iter()
                    .map(|p| Block::new(text, p.range.start, p.range.end, p.defines))
                    .collect(),
                cut.definitions,
                false,
            ),
            _ => (Vec::new(), Vec::new(), true),
        };
        self.blocks = blocks;
        self.definitions = definitions;
        self.whole = whole;
        if !self.whole && self.has_repeated_definition() {
            self.whole = true;
        }
        if self.whole {
            self.blocks.clear();
            self.definitions.clear();
            if !self.text.trim().is_empty() {
                self.blocks
                    .push(Block::new(&self.text, 0, self.text.len(), Vec::new()));
                self.blocks[0].refers.clear();
            }
        }
        for b in &mut self.blocks {
            if let Some(o) = old.remove(&b.key) {
                b.own = o.own;
                b.shown = o.shown;
            }
        }
    }

    fn has_repeated_definition(&self) -> bool {
        let mut seen = HashSet::new();
        self.definitions.iter().any(|d| !seen.insert(&d.label))
    }

    /// Give every block its heading ids and footnote numbers in the whole
    /// document, render those whose rendering does not fit any more.
    fn render_blocks(&mut self, opts: &RenderOptions) -> Summary {
        self.walks += 1;
        self.defined = if self.whole {
            HashSet::new()
        } else {
            self.blocks
                .iter()
                .flat_map(|b| b.defines.iter().cloned())
                .collect()
        };
        self.links.clear();
        for d in &self.definitions {
            self.links
                .entry(d.label.clone())
                .or_insert_with(|| d.clone());
        }
        let mut anchors = Anchors::default();
        let mut footnotes = FootnoteState::default();
        let mut words = 0;
        self.teaser_at = None;
        let parts = Parts {
            text: &self.text,
            defined: &self.defined,
            links: &self.links,
            opts,
        };
        for (i, block) in self.blocks.iter_mut().enumerate() {
            let stubs = parts.render_own(block, &mut self.cache);
            let Some((_, _, own)) = &block.own else {
                continue;
            };
            let ids: Vec<String> = own.requests.iter().map(|r| anchors.resolve(r)).collect();
            let context: FootnoteContext = context_in(&mut footnotes, &own.footnotes);
            parts.render_shown(block, &stubs, ids, context, &mut self.cache);
            if let Some((_, shown)) = &block.shown {
                words += shown.words;
                if self.teaser_at.is_none() && !shown.teaser.is_empty() {
                    self.teaser_at = Some(i);
                }
            }
        }
        self.words = words;
        self.summary(opts)
    }

    /// Render only the blocks one cut replaced, when that cannot change
    /// anything elsewhere: the same footnote labels defined, the same link
    /// definitions, and either no heading or footnote in the old blocks nor
    /// in the new ones, or block for block the same heading requests and
    /// footnote uses (then each new block takes the ids and numbers its old
    /// one had). `None` when the whole walk is needed.
    fn render_replaced(&mut self, r: &Replaced, opts: &RenderOptions) -> Option<Summary> {
        let new = r.at..r.at + r.new_len;
        if self.whole || !r.same_definitions || self.blocks.len() < new.end {
            return None;
        }
        let old_shown: Vec<&Arc<Rendition>> = r
            .old
            .iter()
            .map(|o| o.shown.as_ref())
            .collect::<Option<_>>()?;
        let old_defines = r.old.iter().flat_map(|o| o.defines.iter());
        if !old_defines.eq(self.blocks[new.clone()]
            .iter()
            .flat_map(|b| b.defines.iter()))
        {
            return None;
        }
        let parts = Parts {
            text: &self.text,
            defined: &self.defined,
            links: &self.links,
            opts,
        };
        let mut stubs = Vec::with_capacity(r.new_len);
        for block in &mut self.blocks[new.clone()] {
            stubs.push(parts.render_own(block, &mut self.cache));
        }
        let own = |b: &Block| b.own.as_ref().map(|(_, _, r)| r.clone());
        let new_own: Vec<Arc<Rendition>> = self.blocks[new.clone()]
            .iter()
            .map(own)
            .collect::<Option<_>>()?;
        let plain = |x: &Rendition| x.requests.is_empty() && x.footnotes.is_empty();
        let all_plain = old_shown.iter().all(|x| plain(x)) && new_own.iter().all(|x| plain(x));
        let same_places = old_shown.len() == new_own.len()
            && old_shown
                .iter()
                .zip(&new_own)
                .all(|(o, n)| o.requests == n.requests && o.footnotes == n.footnotes);
        if !all_plain && !same_places {
            return None;
        }
        for (k, block) in self.blocks[new.clone()].iter_mut().enumerate() {
            let (ids, context) = match old_shown.get(k) {
                Some(o) if !all_plain => (o.ids().map(str::to_owned).collect(), o.context.clone()),
                _ => (Vec::new(), FootnoteContext::new()),
            };
            parts.render_shown(block, &stubs[k], ids, context, &mut self.cache);
        }
        let shown_words = |b: &Block| b.shown.as_ref().map_or(0, |(_, r)| r.words);
        let old_words: usize = old_shown.iter().map(|o| o.words).sum();
        let new_words: usize = self.blocks[new.clone()].iter().map(shown_words).sum();
        self.words = (self.words + new_words).saturating_sub(old_words);
        // The teaser: the first block with one. Blocks before the change
        // keep theirs; from the change on, look again.
        self.teaser_at = match self.teaser_at {
            Some(t) if t < r.at => Some(t),
            _ => self.blocks[r.at..]
                .iter()
                .position(|b| b.shown.as_ref().is_some_and(|(_, s)| !s.teaser.is_empty()))
                .map(|i| i + r.at),
        };
        self.local_splice = Some((r.at, old_shown.iter().map(|o| o.key).collect(), r.new_len));
        Some(self.summary(opts))
    }

    /// Counts and teaser from the last render.
    fn summary(&self, opts: &RenderOptions) -> Summary {
        let summary = opts.summary.trim();
        let teaser = self
            .teaser_at
            .and_then(|i| self.blocks.get(i)?.shown.as_ref())
            .map(|(_, r)| r.teaser.clone())
            .unwrap_or_default();
        Summary {
            word_count: self.words,
            reading_minutes: reading_minutes(self.words),
            teaser: if summary.is_empty() {
                teaser
            } else {
                summary.to_owned()
            },
        }
    }
}

/// What rendering a block needs from its document.
struct Parts<'a> {
    text: &'a str,
    defined: &'a HashSet<FootnoteLabel>,
    links: &'a HashMap<Label, LinkDefinition>,
    opts: &'a RenderOptions<'a>,
}

impl Parts<'_> {
    /// Whether rendition `r` resolved its reference links as they are now.
    fn fits(&self, r: &Rendition) -> bool {
        r.links.iter().all(|(label, answer)| {
            self.links
                .get(label)
                .map(|d| (d.dest.clone(), d.title.clone()))
                == *answer
        })
    }

    /// Give `block` its rendering on its own (stubs for the footnotes it
    /// references that other blocks define), unless the one it has still
    /// fits; returns the stubs.
    fn render_own(
        &self,
        block: &mut Block,
        cache: &mut HashMap<u64, Arc<Rendition>>,
    ) -> Vec<FootnoteLabel> {
        let stubs: Vec<FootnoteLabel> = block
            .refers
            .iter()
            .filter(|l| self.defined.contains(*l) && !block.defines.contains(l))
            .cloned()
            .collect();
        let own_ok = matches!(&block.own, Some((s, _, r)) if *s == stubs && self.fits(r));
        if !own_ok {
            let key = hash(&(block.key, &stubs));
            let r = match cache.get(&key) {
                Some(r) if self.fits(r) => r.clone(),
                _ => {
                    let place = Place {
                        stubs: &stubs,
                        links: self.links,
                        ids: None,
                        footnotes: None,
                    };
                    let r = Arc::new(render_block(
                        &self.text[block.start..block.end],
                        self.opts,
                        &place,
                    ));
                    cache.insert(key, r.clone());
                    r
                }
            };
            block.own = Some((stubs.clone(), key, r));
            block.shown = None;
        }
        stubs
    }

    /// Give `block` (rendered on its own) its rendering with heading ids
    /// `ids` and footnote numbers `context`.
    fn render_shown(
        &self,
        block: &mut Block,
        stubs: &[FootnoteLabel],
        ids: Vec<String>,
        context: FootnoteContext,
        cache: &mut HashMap<u64, Arc<Rendition>>,
    ) {
        let Some((_, own_key, own)) = &block.own else {
            return;
        };
        let shown = if own.ids().eq(ids.iter().map(String::as_str)) && own.context == context {
            (*own_key, own.clone())
        } else {
            let key = hash(&(own_key, &ids, &context));
            match &block.shown {
                Some((k, r)) if *k == key => (key, r.clone()),
                _ => match cache.get(&key) {
                    Some(r) if self.fits(r) => (key, r.clone()),
                    _ => {
                        let place = Place {
                            stubs,
                            links: self.links,
                            ids: Some(ids),
                            footnotes: Some(&context),
                        };
                        let r = Arc::new(render_block(
                            &self.text[block.start..block.end],
                            self.opts,
                            &place,
                        ));
                        cache.insert(key, r.clone());
                        (key, r)
                    }
                },
            }
        };
        block.shown = Some(shown);
    }
}

/// True when a line ends with a bare CR (old Mac files, some pastes). The
/// parser does not read every construct the same way around one (a fence
/// line `` ``` `` followed by CR CR and a backtick is a paragraph in the
/// document, a fence on its own), so such documents render whole.
fn has_lone_carriage_return(markdown: &str) -> bool {
    markdown
        .match_indices('\r')
        .any(|(i, _)| markdown.as_bytes().get(i + 1) != Some(&b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render;

    /// The page the view shows after applying every splice.
    fn page(view: &mut Vec<String>, p: &LivePreview) -> String {
        let at = p.splice.at as usize;
        view.splice(
            at..at + p.splice.remove as usize,
            p.splice.html.iter().cloned(),
        );
        view.concat()
    }

    fn whole(text: &str) -> String {
        render(text, &RenderOptions::default()).html
    }

    /// The whole text, as the UI sends it when it opens a post.
    fn whole_text(text: &str) -> LiveText {
        LiveText::Whole {
            text: text.to_owned(),
        }
    }

    /// Set `texts` in turn, checking each page against a whole render.
    fn check(texts: &[&str]) {
        let mut doc = LiveDocument::default();
        let mut view = Vec::new();
        for t in texts {
            let p = doc.edit(whole_text(t), &RenderOptions::default(), false);
            assert_eq!(page(&mut view, &p), whole(t), "{t:?}");
        }
    }

    fn changes(base: u32, from: u32, to: u32, insert: &str) -> LiveText {
        LiveText::Changes {
            base,
            changes: vec![TextChange {
                from,
                to,
                insert: insert.to_owned(),
            }],
        }
    }

    /// Lines after link definitions go on the definitions' paragraph: an
    /// indented line there is text, not code, and with `---` under it a
    /// setext heading (found by the property test: a footnote definition
    /// became a link definition as a letter was typed into its label).
    #[test]
    fn a_setext_heading_after_link_definitions_reads_as_in_a_whole_render() {
        check(&[
            "- a\n\n[^1]: Sources\n    more Sources\n---\n~~~\ncode\n",
            "- a\n\n[a^1]: Sources\n    more Sources\n---\n~~~\ncode\n",
            "[a]: /x\n    more\n---\n\nEnd.\n",
            "[a]: /x\n[b]: /y\n  more\nSources\n===\n\nEnd.\n",
            "[a]: /x\n## Heading\n\nEnd.\n",
        ]);
        check(&[
            "[^1]: Notes\n    more Notes\n\n\n\n",
            "[^1]: Notes\n    [^1]: Sources\n    more Sources\nmore Notes\n\n\n\n",
        ]);
        check(&[
            "* x\n    indented code\n\n[r]: https://example.org/r \"R\"\na[^1] and [^n1]\n",
            "* x\n    indented code\n\n[r]: https://example\n-\na[^1] and [^n1]\n",
        ]);
    }

    /// A reference to a footnote another block defines is read with the
    /// parser's label rules, or the block gets no stub and shows `[^3 ]` as
    /// text (found by the property test: a space typed inside `[^3]`).
    #[test]
    fn footnote_labels_match_as_the_parser_matches_them() {
        check(&[
            "fn-1[^3] and x\n---\n[^3]: x\n    more x\n",
            "fn-1[^3 ] and x\n---\n[^3]: x\n    more x\n",
            "fn-1[^ 3] and [^a \t b]\n\n[^3]: x\n\n[^A B]: y\n",
            "a[^x\\]y] b\n\n[^x\\]y]: escaped\n",
            "[^Straße] first\n\n[^STRASSE]: folded as pulldown-cmark folds\n",
            "| a[^t\\|u] |\n|---|\n\n[^t|u]: in a table\n",
        ]);
    }

    /// A block reading on into an open code fence still gets the stub
    /// definitions of the footnotes it references: they go before it, where
    /// the fence cannot take them in (found by the property test once a
    /// paragraph and the fence right under it became one block).
    #[test]
    fn a_reference_above_an_open_fence_in_its_block_is_a_reference() {
        check(&[
            "[^1]: Note\n    more\n\nText[^1]\n~~~rust\nfn main() {}\n",
            "# Title\n[^1]: Note\n    more\n# Sources\nText[^1] and [^n1]\n~~~rust\nfn main() {}\n",
            "[^1]: Note\n\nText[^1]\n<!-- open\n\ncomment\n",
        ]);
    }

    #[test]
    fn positions_are_utf16_code_units() {
        let mut doc = LiveDocument::default();
        let opts = RenderOptions::default();
        doc.edit(whole_text("Été 😀 à Montréal.\n\nB."), &opts, true);
        // "Été 😀 " is 7 UTF-16 units (the emoji is two), 10 bytes.
        let p = doc.edit(changes(1, 7, 8, "á"), &opts, false);
        assert!(!p.resync);
        assert_eq!(doc.text(), "Été 😀 á Montréal.\n\nB.");
        // Inside the emoji: refused, nothing else changes.
        let p = doc.edit(changes(2, 5, 5, "x"), &opts, false);
        assert!(p.resync);
        // Past the end: refused too.
        let v = p.version;
        assert!(doc.edit(changes(v, 99, 99, "x"), &opts, false).resync);
    }

    #[test]
    fn a_lost_change_is_refused_and_the_whole_text_heals_it() {
        let mut doc = LiveDocument::default();
        let opts = RenderOptions::default();
        let mut view = Vec::new();
        let p = doc.edit(whole_text("A.\n\nB."), &opts, true);
        page(&mut view, &p);
        // Version 1 → 2 was lost on the way; this change was made on 2.
        let p = doc.edit(changes(p.version + 1, 6, 6, "!"), &opts, false);
        assert!(p.resync);
        assert_eq!(p.splice, BlockSplice::default());
        let p = doc.edit(whole_text("A?\n\nB.!"), &opts, false);
        assert!(!p.resync);
        assert_eq!(page(&mut view, &p), whole("A?\n\nB.!"));
        // Only the two changed blocks crossed.
        assert_eq!(
            (p.splice.at, p.splice.remove, p.splice.html.len()),
            (0, 2, 2)
        );
    }

    #[test]
    fn only_the_changed_block_is_sent() {
        let mut doc = LiveDocument::default();
        let opts = RenderOptions::default();
        let mut view = Vec::new();
        let p = doc.edit(whole_text("A.\n\nB.\n\nC."), &opts, true);
        assert_eq!(p.splice.html.len(), 3);
        page(&mut view, &p);
        let p = doc.edit(changes(p.version, 6, 6, "!"), &opts, false);
        assert_eq!((p.splice.at, p.splice.remove), (1, 1));
        assert_eq!(p.splice.html, ["<p>B.!</p>\n"]);
        assert_eq!(page(&mut view, &p), whole("A.\n\nB.!\n\nC."));
    }

    /// Footnotes and reference links defined in other blocks: the blocks
    /// using a definition render again when it changes, the others do not,
    /// and the numbers are those of a whole render.
    #[test]
    fn definitions_elsewhere_re_render_only_their_users() {
        let text =
            "# Sources\n\nA claim[^a] and [a link][w].\n\nPlain.\n\nAnother[^b], again[^a].\n\n\
                    # Sources\n\n[^b]: Second.\n\n[^a]: First.\n\n[w]: https://example.org/one\n";
        let mut doc = LiveDocument::default();
        let opts = RenderOptions::default();
        let mut view = Vec::new();
        let p = doc.edit(whole_text(text), &opts, true);
        assert_eq!(page(&mut view, &p), whole(text));
        assert!(view.concat().contains("id=\"sources-1\""));
        assert!(
            view[1].contains("href=\"https://example.org/one\""),
            "{}",
            view[1]
        );

        // The link's definition changes: only the paragraph using it is sent.
        let edited = text.replace("example.org/one", "example.org/two");
        let p = doc.edit(whole_text(&edited), &opts, false);
        assert_eq!(page(&mut view, &p), whole(&edited));
        assert_eq!((p.splice.at, p.splice.remove), (1, 1), "{:?}", p.splice);

        // A new first footnote reference renumbers: the blocks whose numbers
        // changed are sent, "Plain." is not.
        let edited = edited.replace("Plain.", "Plain[^b].");
        let p = doc.edit(whole_text(&edited), &opts, false);
        assert_eq!(page(&mut view, &p), whole(&edited));
        assert!(p.splice.html.iter().all(|h| !h.contains("Sources")));
    }

    /// Typing in a paragraph that cites a footnote, after a repeated
    /// heading: only that block is rendered and sent, with the number and
    /// ids the whole document gives; counts follow by difference.
    #[test]
    fn typing_in_a_paragraph_renders_only_it_with_its_place() {
        let text = "# Sources\n\nIntro.\n\n# Sources\n\nA claim[^b] and [w].\n\n\
                    Another[^a], again[^b].\n\n[^a]: First.\n\n[^b]: Second.\n\n[w]: https://example.org/w\n";
        let mut doc = LiveDocument::default();
        let opts = RenderOptions::default();
        let mut view = Vec::new();
        let p = doc.edit(whole_text(text), &opts, true);
        assert_eq!(page(&mut view, &p), whole(text));
        let mut current = text.to_owned();
        let mut version = p.version;
        let walks = doc.whole_walks();
        for (typed, after) in [
            ("!", "A claim"),
            (" more words", "Intro"),
            ("x", "again[^b]"),
        ] {
            let at = current.find(after).unwrap() + after.len();
            current.insert_str(at, typed);
            let p = doc.edit(changes(version, at as u32, at as u32, typed), &opts, false);
            version = p.version;
            assert!(!p.resync);
            assert_eq!(doc.whole_walks(), walks, "no walk over every block");
            assert_eq!(page(&mut view, &p), whole(&current), "{typed:?}");
            assert_eq!(
                (p.splice.remove, p.splice.html.len()),
                (1, 1),
                "{:?}",
                p.splice
            );
            let whole_count = render(&current, &opts).word_count;
            assert_eq!(p.word_count, whole_count);
        }
        // A new paragraph (Enter twice) is two blocks for one.
        let at = current.find("Intro").unwrap() + 2;
        current.insert_str(at, "\n\n");
        let p = doc.edit(changes(version, at as u32, at as u32, "\n\n"), &opts, false);
        assert_eq!(page(&mut view, &p), whole(&current));
        assert_eq!(
            (p.splice.remove, p.splice.html.len()),
            (1, 2),
            "{:?}",
            p.splice
        );
    }

    #[test]
    fn a_label_defined_twice_renders_whole() {
        let text = "[x]\n\n[x]: /one\n\n[x]: /two\n";
        check(&[text, "[x]\n\n[x]: /one\n\n[y]: /two\n", text]);
        let mut doc = LiveDocument::default();
        doc.set_text(text);
        doc.refresh(&RenderOptions::default());
        assert_eq!(doc.shown().count(), 1);
    }

    #[test]
    fn a_broken_definition_is_forgotten() {
        let a = "# Sources\n| a | Sources |\n|:--|--:|\n| Sources | 1 |\n\n[Sources]: <https://example.org/s>\n# Sources\nA[Sources]: <https://example.org/s>\n";
        let at = (a.len() as f64 * 0.556) as usize;
        let b = format!("{}# Sources\n{}", &a[..at], &a[at + 1..]);
        check(&[a, &b]);
    }
}

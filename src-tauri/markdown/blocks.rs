//! Incremental rendering for the live preview of long documents.
//!
//! A document is cut into its top-level blocks (paragraphs, headings, lists,
//! tables…) with the one parser; each block is rendered and sanitized by
//! [`render`](super::render) and cached by the hash of its source. A keystroke
//! then costs one parse to find the blocks plus the rendering of the block that
//! changed, and only blocks the view does not have yet cross the IPC.
//!
//! Documents with link reference definitions or footnotes are rendered whole
//! (as one block): those constructs tie blocks together. So are documents
//! with a block whose raw HTML is not self-contained (an unclosed `<b>` or
//! `<script>`, a `<div>` closed blocks later): the sanitizer reads such HTML
//! across blocks (see `html_balance`).
//!
//! Heading ids tie blocks together too (a second "Sources" heading gets
//! `sources-1`), so each block also records what its headings asked for;
//! the ids are then given out over the whole document in order, and a block
//! whose ids differ from those of its own rendering is rendered again with
//! the document's ids, under a key of its own. The ids are thus always those
//! of a whole render.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use pulldown_cmark::Event;
use serde::Serialize;

use super::anchors::{AnchorRequest, Anchors};
use super::html_balance::is_self_contained;
use super::{parser, reading_minutes, render_with_anchors, AssetResolver, Heading, RenderOptions};

/// What one rendering of a block produced, kept for the next keystroke.
#[derive(Debug, Clone)]
struct Cached {
    html: String,
    words: usize,
    outline: Vec<Heading>,
    teaser: String,
    /// What the block's headings asked for, in order.
    requests: Vec<AnchorRequest>,
}

impl Cached {
    /// Render one block with its heading ids drawn from `anchors`.
    fn render(
        source: &str,
        resolve_asset: Option<AssetResolver<'_>>,
        mut anchors: Anchors,
    ) -> Self {
        let opts = RenderOptions {
            resolve_asset,
            summary: "",
        };
        let r = render_with_anchors(source, &opts, &mut anchors);
        Cached {
            html: r.html,
            words: r.word_count,
            outline: r.outline,
            teaser: r.teaser,
            requests: anchors.into_requests(),
        }
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

/// Renders one document again and again, reusing unchanged blocks. One per
/// preview view; [`reset`](Self::reset) when the view starts over.
#[derive(Debug, Default)]
pub struct IncrementalRenderer {
    cache: HashMap<String, Cached>,
    sent: HashSet<String>,
}

/// Past this many cached blocks the cache starts over (a view holds one post).
const MAX_CACHED: usize = 20_000;

impl IncrementalRenderer {
    /// Forget what the view holds (a new post, or a reloaded view).
    pub fn reset(&mut self) {
        self.sent.clear();
    }

    pub fn render(&mut self, markdown: &str, opts: &RenderOptions) -> PreviewBlocks {
        if self.cache.len() > MAX_CACHED {
            self.cache.clear();
            self.sent.clear();
        }
        let mut keys = Vec::new();
        let mut html = HashMap::new();
        let mut words = 0;
        let mut outline = Vec::new();
        let mut teaser = String::new();
        // The ids handed out so far in the whole document.
        let mut anchors = Anchors::default();
        for source in split(markdown) {
            let own_key = key_of(source);
            let own = self
                .cache
                .entry(own_key.clone())
                .or_insert_with(|| Cached::render(source, opts.resolve_asset, Anchors::default()));
            let ids: Vec<String> = own.requests.iter().map(|r| anchors.resolve(r)).collect();
            let (key, block) = if own.outline.iter().map(|h| &h.anchor).eq(&ids) {
                (own_key, &*own)
            } else {
                // A heading repeated from an earlier block: the ids differ.
                let key = format!("{own_key}-{}", key_of(&ids.join("\n")));
                let block = self.cache.entry(key.clone()).or_insert_with(|| {
                    Cached::render(source, opts.resolve_asset, Anchors::given(ids))
                });
                (key, &*block)
            };
            words += block.words;
            outline.extend(block.outline.iter().cloned());
            if teaser.is_empty() {
                teaser.clone_from(&block.teaser);
            }
            if self.sent.insert(key.clone()) {
                html.insert(key.clone(), block.html.clone());
            }
            keys.push(key);
        }
        let summary = opts.summary.trim();
        PreviewBlocks {
            keys,
            html,
            word_count: words,
            reading_minutes: reading_minutes(words),
            teaser: if summary.is_empty() {
                teaser
            } else {
                summary.to_owned()
            },
            outline,
        }
    }
}

fn key_of(source: &str) -> String {
    let mut h = DefaultHasher::new();
    source.hash(&mut h);
    format!("{:016x}{:x}", h.finish(), source.len())
}

/// True when the document has constructs that span blocks.
fn has_cross_block_refs(markdown: &str) -> bool {
    markdown.contains("[^")
        || markdown.lines().any(|l| {
            let t = l.trim_start();
            l.len() - t.len() <= 3 && t.starts_with('[') && t.contains("]:")
        })
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

/// The source of each top-level block, in order.
pub fn split(markdown: &str) -> Vec<&str> {
    if markdown.trim().is_empty() {
        return Vec::new();
    }
    if has_cross_block_refs(markdown) || has_lone_carriage_return(markdown) {
        return vec![markdown];
    }
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    // The raw HTML of the block being read.
    let mut raw = String::new();
    for (event, range) in parser(markdown).into_offset_iter() {
        if let Event::Html(html) | Event::InlineHtml(html) = &event {
            raw.push_str(html);
        }
        let block_end = match event {
            Event::Start(_) => {
                if depth == 0 {
                    start = line_start(markdown, range.start);
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
        if let Some(block) = block_end {
            if !is_self_contained(&raw) {
                // Its HTML reaches into the blocks after it.
                return vec![markdown];
            }
            raw.clear();
            out.push(&markdown[block]);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render;

    fn anchors(outline: &[Heading]) -> Vec<&str> {
        outline.iter().map(|h| h.anchor.as_str()).collect()
    }

    #[test]
    fn repeated_headings_in_different_blocks_get_the_whole_render_ids() {
        // "Sources" is the 3rd and the 10th block (and in a quote at the end);
        // an explicit id takes "sources-1" in between.
        let md = "# Title\n\nIntro.\n\n## Sources\n\nA.\n\n## Notes {#sources-1}\n\nB.\n\nC.\n\n\
                  ## Notes\n\nD.\n\n## Sources\n\nE.\n\n> ## Sources\n";
        let whole = render(md, &RenderOptions::default());
        assert_eq!(
            anchors(&whole.outline),
            [
                "title",
                "sources",
                "sources-1",
                "notes",
                "sources-2",
                "sources-3"
            ]
        );
        let mut r = IncrementalRenderer::default();
        let p = r.render(md, &RenderOptions::default());
        assert_eq!(p.keys.len(), 12);
        assert_eq!(anchors(&p.outline), anchors(&whole.outline));
        // The view keeps every block it was sent, by key, as preview.ts does.
        let mut view = p.html.clone();
        let joined = |keys: &[String], view: &HashMap<String, String>| -> String {
            keys.iter().map(|k| view[k].replace('\n', "")).collect()
        };
        assert_eq!(joined(&p.keys, &view), whole.html.replace('\n', ""));

        // The first "Sources" renamed: its twin becomes "sources", in the view too.
        let edited = md.replacen("## Sources\n\nA.", "## Other\n\nA.", 1);
        let p = r.render(&edited, &RenderOptions::default());
        view.extend(p.html);
        let whole = render(&edited, &RenderOptions::default());
        assert_eq!(anchors(&p.outline), anchors(&whole.outline));
        assert_eq!(p.outline[4].anchor, "sources");
        assert_eq!(joined(&p.keys, &view), whole.html.replace('\n', ""));
    }

    #[test]
    fn blocks_join_to_the_same_html_as_a_whole_render() {
        let md = "# Title\n\nOne *para*.\n\n- a\n- b\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n\n---\n\n```\ncode\n```\n";
        let mut r = IncrementalRenderer::default();
        let p = r.render(md, &RenderOptions::default());
        let joined: String = p.keys.iter().map(|k| p.html[k].as_str()).collect();
        let whole = render(md, &RenderOptions::default());
        assert_eq!(joined.replace('\n', ""), whole.html.replace('\n', ""));
        assert_eq!(p.word_count, whole.word_count);
        assert_eq!(p.teaser, whole.teaser);
        assert_eq!(p.keys.len(), 6);
    }

    #[test]
    fn only_changed_blocks_are_sent_again() {
        let mut r = IncrementalRenderer::default();
        let first = r.render("A.\n\nB.\n\nC.", &RenderOptions::default());
        assert_eq!(first.html.len(), 3);
        let second = r.render("A.\n\nB!\n\nC.", &RenderOptions::default());
        assert_eq!(second.keys.len(), 3);
        assert_eq!(second.html.len(), 1, "only the edited block");
        assert!(second
            .html
            .values()
            .next()
            .is_some_and(|h| h.contains("B!")));
        r.reset();
        assert_eq!(
            r.render("A.\n\nB!\n\nC.", &RenderOptions::default())
                .html
                .len(),
            3
        );
    }

    #[test]
    fn footnotes_and_reference_links_render_whole() {
        assert_eq!(split("A[^1].\n\nB.\n\n[^1]: note").len(), 1);
        assert_eq!(split("[a][x]\n\nB.\n\n[x]: https://example.org").len(), 1);
        assert_eq!(split("A.\n\nB.").len(), 2);
    }

    /// Found by the property test: an unclosed `<script>` in one block makes
    /// the sanitizer drop everything after it in a whole render, so the
    /// blocks after it must not be shown on their own either.
    #[test]
    fn html_reaching_into_later_blocks_renders_whole() {
        let md = "<div class=\"x\">\n<b>bold</b> <script>alert(1)</sc```\nSources\n\n\
                  Sources\n```\nript>\n</div>\n# Sources\n";
        assert_eq!(split(md), [md]);
        let p = IncrementalRenderer::default().render(md, &RenderOptions::default());
        let page: String = p.keys.iter().map(|k| p.html[k].as_str()).collect();
        assert_eq!(page, render(md, &RenderOptions::default()).html);
        // A block whose HTML closes what it opens stays a block of its own.
        assert_eq!(split("<div>\n<b>A</b>\n</div>\n\nB.").len(), 2);
        assert_eq!(split("<div>\n\nA.\n\n</div>").len(), 1);
        assert_eq!(split("A <b>bold\n\nB.</b>").len(), 1);
    }

    /// Found by the property test: an indented code block after another
    /// block was cut from its indentation and shown as a paragraph.
    #[test]
    fn indented_code_keeps_its_indentation() {
        let md = "# Sources\n    indented code\n\n\tcode too\n";
        assert_eq!(
            split(md),
            ["# Sources\n", "    indented code\n\n\tcode too\n"]
        );
        let p = IncrementalRenderer::default().render(md, &RenderOptions::default());
        let page: String = p.keys.iter().map(|k| p.html[k].as_str()).collect();
        assert_eq!(page, render(md, &RenderOptions::default()).html);
    }

    /// Found by fuzzing (render_incremental): with bare CR line endings a
    /// block read on its own was a code fence, in the document a paragraph.
    #[test]
    fn bare_carriage_returns_render_whole() {
        let md = "```\r\r`";
        assert_eq!(split(md), [md]);
        let p = IncrementalRenderer::default().render(md, &RenderOptions::default());
        let page: String = p.keys.iter().map(|k| p.html[k].as_str()).collect();
        assert_eq!(page, render(md, &RenderOptions::default()).html);
        assert_eq!(split("A.\r\n\r\nB.\r\n").len(), 2);
    }

    #[test]
    fn scripts_stay_out_of_blocks() {
        let mut r = IncrementalRenderer::default();
        let p = r.render(
            "ok\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>",
            &RenderOptions::default(),
        );
        for h in p.html.values() {
            assert!(!h.contains("<script") && !h.contains("onerror"), "{h}");
        }
    }
}

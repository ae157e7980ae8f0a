//! Markdown rendering: one parser configuration, one sanitizer policy, one
//! result struct.
//!
//! Every Markdown path in Postdesk (the editor preview, site exports,
//! newsletters, search indexing) goes through this module:
//!
//! * [`options`] is the single place the pulldown-cmark extensions are chosen,
//!   and [`parser`] the single place a [`Parser`] is built (as mdBook does);
//! * [`render`] returns everything a caller needs in one [`Rendered`] struct
//!   (as Zola does): sanitized HTML, outline, word count, links, images and
//!   teaser;
//! * [`sanitize`] is the one ammonia allow-list; no HTML leaves this module
//!   without going through it.
//!
//! # How `render` works
//!
//! The event stream is walked **once**. It is pulled through a chain of small
//! named passes, each a lazy iterator adapter, and then into pulldown-cmark's
//! HTML writer:
//!
//! 1. `LinkPass`: resolves `asset:` URLs and records links and images;
//! 2. `HeadingIds`: gives every heading a unique `id` and records
//!    the outline;
//! 3. a text observer (`Stats`): counts words and picks the teaser;
//! 4. `Footnotes`: numbers footnotes with `fn-N` / `fnref-N` ids
//!    and back-references;
//! 5. `AlignCells`: writes table alignment as an `align` attribute
//!    instead of a `style` attribute (styles are not allowed through the
//!    sanitizer);
//!
//! and the resulting HTML is passed through [`sanitize`].
//!
//! # Decisions worth knowing
//!
//! * **Words** are whitespace-separated tokens of the visible body text that
//!   contain at least one letter or digit, as word processors count them:
//!   `l’été`, `aujourd’hui` and `peut-être` are one word each, and the
//!   free-standing punctuation of French typography (`»`, `:`, `—`) is not a
//!   word. Markup, raw HTML and image alt text are not counted; headings,
//!   code, table cells and footnotes are.
//! * **The teaser** is the explicit summary when it is not blank, otherwise
//!   the first paragraph *that contains text* (so a leading heading or an
//!   image-only paragraph is skipped), outside footnote definitions, flattened
//!   to plain text with whitespace collapsed (no-break spaces, which French
//!   typography needs, are kept).
//! * **Anchors**: an explicit `{#id}` is used as written; generated slugs
//!   never collide with an earlier heading id nor with the footnote ids
//!   (`fn-N`, `fnref-N`). Two explicit ids that are equal stay equal.
//! * **Raw HTML** in the Markdown goes through like the rest and is cleaned by
//!   [`sanitize`]: allowed inline tags such as `<b>` or `<kbd>` survive,
//!   `<script>` goes with its content. `asset:` URLs in raw HTML are not
//!   resolved (only Markdown links and images are).
//! * **`Link::url`** is the destination as written (with `mailto:` for email
//!   autolinks), not the resolved asset URL; `Image` has both.

mod anchors;
pub mod blocks;
mod footnotes;
mod html_balance;
mod links;
pub mod live;
pub(crate) mod sanitize;
mod tables;
mod text;

use pulldown_cmark::{Options, Parser};
use serde::Serialize;

pub use links::asset_refs;
pub use sanitize::sanitize;
pub use text::plain_text;

/// Average adult silent-reading speed, in words per minute.
const WORDS_PER_MINUTE: usize = 230;

/// The pulldown-cmark extensions Postdesk uses: tables, footnotes (GitHub
/// style), strikethrough, task lists, smart punctuation and heading
/// attributes (`# Title {#id}`).
pub fn options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_SMART_PUNCTUATION);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    opts
}

/// A parser over `markdown` with [`options`]. The only place in Postdesk a
/// [`Parser`] is built.
pub fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, options())
}

/// [`parser`] that asks `links` for the reference links it finds no
/// definition for (the live preview parses one block at a time, while the
/// definitions may sit in other blocks).
pub(crate) fn parser_with_links<'i, F>(markdown: &'i str, links: F) -> Parser<'i, F>
where
    F: pulldown_cmark::BrokenLinkCallback<'i>,
{
    Parser::new_with_broken_link_callback(markdown, options(), Some(links))
}

/// Maps an `asset:<16 hex>` URL to a real URL; `None` leaves it as is.
pub type AssetResolver<'a> = &'a dyn Fn(&str) -> Option<String>;

/// What a caller can change about one rendering.
#[derive(Default)]
pub struct RenderOptions<'a> {
    /// Maps an image/link URL of the form `asset:<16 hex>` to a real URL (a
    /// `data:` URL in the preview, a relative file path in exports). `None`
    /// from the callback, or no callback, leaves the URL as it is.
    pub resolve_asset: Option<AssetResolver<'a>>,
    /// The post's explicit summary; when not blank it is the teaser.
    pub summary: &'a str,
}

/// Everything one rendering produces.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rendered {
    /// Sanitized HTML.
    pub html: String,
    /// Every heading, in document order.
    pub outline: Vec<Heading>,
    /// Words of the body text (see the module documentation).
    pub word_count: usize,
    /// `ceil(word_count / 230)`: at least 1 for a non-empty text, 0 for none.
    pub reading_minutes: u32,
    /// Every Markdown link, in document order.
    pub links: Vec<Link>,
    /// Every Markdown image, in document order.
    pub images: Vec<Image>,
    /// Plain text: the explicit summary (trimmed), else the first paragraph
    /// of the body that contains text.
    pub teaser: String,
}

/// One entry of the outline.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading as plain text.
    pub text: String,
    /// The `id` of the heading in the HTML (without `#`).
    pub anchor: String,
}

/// A Markdown link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// The destination as written (`mailto:` added to email autolinks).
    pub url: String,
    /// The link text as plain text.
    pub text: String,
}

/// A Markdown image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// The source as written in the Markdown.
    pub src: String,
    /// The source after `resolve_asset` (equal to `src` when not resolved).
    pub url: String,
    /// The alt text as plain text.
    pub alt: String,
    /// The title, empty when none.
    pub title: String,
}

/// Renders `markdown` to sanitized HTML, collecting the outline, the word
/// count, the links, the images and the teaser in the same walk.
pub fn render(markdown: &str, opts: &RenderOptions) -> Rendered {
    render_with_anchors(markdown, opts, &mut anchors::Anchors::default())
}

/// [`render`] with the heading ids drawn from `anchors`, which also records
/// what each heading asked for (the block-incremental preview renders a
/// document block by block yet must give the ids a whole render gives).
fn render_with_anchors(
    markdown: &str,
    opts: &RenderOptions,
    anchors: &mut anchors::Anchors,
) -> Rendered {
    let mut footnotes = footnotes::FootnoteState::default();
    render_events(
        parser(markdown),
        markdown.len(),
        opts,
        anchors,
        &mut footnotes,
    )
}

/// [`render`] of an event stream, with heading ids from `anchors` and
/// footnote numbers from `footnotes` (both also record what was asked).
fn render_events<'a>(
    events: impl Iterator<Item = pulldown_cmark::Event<'a>>,
    source_len: usize,
    opts: &RenderOptions,
    anchors: &mut anchors::Anchors,
    footnotes: &mut footnotes::FootnoteState,
) -> Rendered {
    let mut outline = Vec::new();
    let mut refs = links::Refs::default();
    let mut stats = text::Stats::default();

    // Raw HTML is usually a little larger than its Markdown.
    let mut raw = String::with_capacity(source_len + source_len / 2);
    let events = links::LinkPass::new(events, opts.resolve_asset, &mut refs);
    let events = anchors::HeadingIds::new(events, anchors, &mut outline);
    let events = events.inspect(|event| stats.observe(event));
    let events = footnotes::Footnotes::new(events, footnotes);
    let events = tables::AlignCells::new(events);
    pulldown_cmark::html::push_html(&mut raw, events);

    let html = sanitize(&raw);
    let (word_count, first_paragraph) = stats.finish();
    let summary = opts.summary.trim();
    let teaser = if summary.is_empty() {
        first_paragraph
    } else {
        summary.to_owned()
    };

    Rendered {
        html,
        outline,
        word_count,
        reading_minutes: reading_minutes(word_count),
        links: refs.links,
        images: refs.images,
        teaser,
    }
}

/// Minutes to read `words` words, rounded up; 0 only for no words.
fn reading_minutes(words: usize) -> u32 {
    u32::try_from(words.div_ceil(WORDS_PER_MINUTE)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(230), 1);
        assert_eq!(reading_minutes(231), 2);
    }

    #[test]
    fn options_enable_the_documented_extensions() {
        let opts = options();
        assert!(opts.contains(Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES));
        assert!(opts.contains(Options::ENABLE_SMART_PUNCTUATION));
        assert!(opts.contains(Options::ENABLE_HEADING_ATTRIBUTES));
        assert!(!opts.contains(Options::ENABLE_OLD_FOOTNOTES));
        assert!(!opts.contains(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS));
    }
}

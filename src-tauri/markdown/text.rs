//! The text a reader sees, without markup: word counts, the teaser and
//! [`plain_text`] all read the event stream through the same [`Walker`], so
//! they agree on what counts as text.

use pulldown_cmark::{Event, Tag, TagEnd};

/// What one event contributes to the plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'e> {
    /// Visible text (may contain whitespace).
    Text(&'e str),
    /// A break between words inside a block (line breaks, table cells).
    Space,
    /// A break between blocks (paragraphs, headings, list items, …).
    Block,
    /// Nothing: markup, or text that is not body text (image alt text).
    Nothing,
}

/// Classifies events into [`Piece`]s. Keeps only the state needed to skip
/// image alt text, which is not body text.
#[derive(Debug, Default)]
pub(crate) struct Walker {
    image_depth: usize,
    /// Inside an inline `<script>` or `<style>`: its text is never shown
    /// (the sanitizer drops it), so it is not words, teaser or search text.
    raw_depth: usize,
}

impl Walker {
    pub(crate) fn piece<'e>(&mut self, event: &'e Event<'_>) -> Piece<'e> {
        match event {
            Event::Start(Tag::Image { .. }) => {
                self.image_depth += 1;
                Piece::Nothing
            }
            Event::End(TagEnd::Image) => {
                self.image_depth = self.image_depth.saturating_sub(1);
                Piece::Nothing
            }
            Event::InlineHtml(html) => {
                let tag = html.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    self.raw_depth += 1;
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    self.raw_depth = self.raw_depth.saturating_sub(1);
                }
                Piece::Nothing
            }
            _ if self.image_depth > 0 || self.raw_depth > 0 => Piece::Nothing,
            Event::Text(text) | Event::Code(text) => Piece::Text(text),
            Event::SoftBreak | Event::HardBreak => Piece::Space,
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell) => Piece::Space,
            Event::Start(tag) => block_piece(tag.to_end()),
            Event::End(end) => block_piece(*end),
            Event::Rule | Event::Html(_) => Piece::Block,
            _ => Piece::Nothing,
        }
    }
}

fn block_piece(end: TagEnd) -> Piece<'static> {
    match end {
        TagEnd::Paragraph
        | TagEnd::Heading(_)
        | TagEnd::BlockQuote(_)
        | TagEnd::CodeBlock
        | TagEnd::HtmlBlock
        | TagEnd::List(_)
        | TagEnd::Item
        | TagEnd::FootnoteDefinition
        | TagEnd::DefinitionList
        | TagEnd::DefinitionListTitle
        | TagEnd::DefinitionListDefinition
        | TagEnd::Table
        | TagEnd::TableHead
        | TagEnd::TableRow
        | TagEnd::MetadataBlock(_) => Piece::Block,
        _ => Piece::Nothing,
    }
}

/// A separator waiting to be written before the next text; the stronger one
/// wins.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    #[default]
    None,
    Space,
    Block,
}

/// Whitespace that [`Collapsed`] folds into one space: all of it except the
/// no-break spaces, which French typography puts before `:`, `;`, `!`, `?`
/// and inside `« »`, and which are content.
fn is_collapsible(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
}

/// Builds text with whitespace collapsed to single spaces, blocks separated
/// by `block_sep`, and no leading or trailing whitespace.
#[derive(Debug)]
pub(crate) struct Collapsed {
    out: String,
    pending: Sep,
    block_sep: &'static str,
}

impl Collapsed {
    /// For inline text (headings, link text, alt text, the teaser): blocks
    /// are separated by a space.
    pub(crate) fn inline() -> Self {
        Self::with_block_sep(" ")
    }

    fn with_block_sep(block_sep: &'static str) -> Self {
        Collapsed {
            out: String::new(),
            pending: Sep::None,
            block_sep,
        }
    }

    pub(crate) fn push(&mut self, piece: Piece<'_>) {
        match piece {
            Piece::Text(text) => self.text(text),
            Piece::Space => self.separate(Sep::Space),
            Piece::Block => self.separate(Sep::Block),
            Piece::Nothing => {}
        }
    }

    pub(crate) fn text(&mut self, text: &str) {
        for (i, word) in text.split(is_collapsible).enumerate() {
            if i > 0 {
                self.separate(Sep::Space);
            }
            if word.is_empty() {
                continue;
            }
            if !self.out.is_empty() {
                match self.pending {
                    Sep::None => {}
                    Sep::Space => self.out.push(' '),
                    Sep::Block => self.out.push_str(self.block_sep),
                }
            }
            self.pending = Sep::None;
            self.out.push_str(word);
        }
    }

    pub(crate) fn space(&mut self) {
        self.separate(Sep::Space);
    }

    fn separate(&mut self, sep: Sep) {
        self.pending = self.pending.max(sep);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// Counts words across text pieces: a word is a run of non-whitespace
/// characters (which may span several events, as in `**bold**er`) holding
/// at least one letter or digit.
#[derive(Debug, Default)]
pub(crate) struct WordCounter {
    count: usize,
    in_token: bool,
    token_has_alnum: bool,
}

impl WordCounter {
    pub(crate) fn push(&mut self, piece: Piece<'_>) {
        match piece {
            Piece::Text(text) => {
                // The state lives in locals for the loop: this runs over
                // every character of the document.
                let (mut in_token, mut has_alnum) = (self.in_token, self.token_has_alnum);
                for c in text.chars() {
                    let space = if c.is_ascii() {
                        c.is_ascii_whitespace() || c == '\u{0B}'
                    } else {
                        c.is_whitespace()
                    };
                    if space {
                        self.count += usize::from(in_token && has_alnum);
                        in_token = false;
                        has_alnum = false;
                    } else {
                        in_token = true;
                        // Once a token is a word, its other characters need
                        // no (Unicode table) lookup.
                        has_alnum = has_alnum || c.is_alphanumeric();
                    }
                }
                self.in_token = in_token;
                self.token_has_alnum = has_alnum;
            }
            Piece::Space | Piece::Block => self.end_token(),
            Piece::Nothing => {}
        }
    }

    fn end_token(&mut self) {
        if self.in_token && self.token_has_alnum {
            self.count += 1;
        }
        self.in_token = false;
        self.token_has_alnum = false;
    }

    pub(crate) fn finish(mut self) -> usize {
        self.end_token();
        self.count
    }
}

/// Observes the rendered event stream: counts words and keeps the first
/// paragraph that has text (outside footnote definitions) as the teaser.
#[derive(Debug, Default)]
pub(crate) struct Stats {
    walker: Walker,
    words: WordCounter,
    footnote_depth: usize,
    paragraph: Option<Collapsed>,
    teaser: Option<String>,
}

impl Stats {
    pub(crate) fn observe(&mut self, event: &Event<'_>) {
        let piece = self.walker.piece(event);
        self.words.push(piece);
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => self.footnote_depth += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                self.footnote_depth = self.footnote_depth.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph) if self.teaser.is_none() && self.footnote_depth == 0 => {
                self.paragraph = Some(Collapsed::inline());
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(paragraph) = self.paragraph.take() {
                    if !paragraph.is_empty() {
                        self.teaser = Some(paragraph.finish());
                    }
                }
            }
            _ => {
                if let Some(paragraph) = &mut self.paragraph {
                    paragraph.push(piece);
                }
            }
        }
    }

    /// The word count and the teaser (empty when no paragraph has text).
    pub(crate) fn finish(self) -> (usize, String) {
        (self.words.finish(), self.teaser.unwrap_or_default())
    }
}

/// The body of `markdown` as plain text, for search indexing and word
/// counts: markup, raw HTML and image alt text dropped, whitespace
/// collapsed, blocks (paragraphs, headings, list items, table rows, code
/// blocks) separated by a blank line, table cells by a space.
pub fn plain_text(markdown: &str) -> String {
    let mut walker = Walker::default();
    let mut out = Collapsed::with_block_sep("\n\n");
    for event in super::parser(markdown) {
        out.push(walker.piece(&event));
    }
    out.finish()
}

/// The number of words in one piece of text.
#[cfg(test)]
pub(crate) fn count_words(text: &str) -> usize {
    let mut counter = WordCounter::default();
    counter.push(Piece::Text(text));
    counter.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn inline_script_text_is_not_text() {
        let r = super::super::render(
            "Hello <script>alert('s')</script> world <style>p{}</style>.",
            &super::super::RenderOptions::default(),
        );
        assert_eq!(r.teaser, "Hello world .");
        assert_eq!(r.word_count, 2);
        assert!(!super::plain_text("a <script>evil()</script> b").contains("evil"));
    }

    use super::*;

    #[test]
    fn collapsed_text_collapses_and_trims() {
        let mut c = Collapsed::with_block_sep("\n\n");
        c.text("  a \n b  ");
        c.push(Piece::Block);
        c.text(" c");
        c.push(Piece::Space);
        c.push(Piece::Block);
        assert_eq!(c.finish(), "a b\n\nc");
    }

    #[test]
    fn collapsed_text_keeps_no_break_spaces() {
        let mut c = Collapsed::inline();
        c.text("«\u{A0}Oui\u{A0}», dit-il\u{202F}:  non\n !");
        assert_eq!(c.finish(), "«\u{A0}Oui\u{A0}», dit-il\u{202F}: non !");
    }

    #[test]
    fn words_count_french_sensibly() {
        assert_eq!(count_words("L’été, c’est aujourd’hui : peut-être !"), 4);
        assert_eq!(count_words("« Bonjour » — dit-il."), 2);
        assert_eq!(count_words("  "), 0);
        assert_eq!(count_words("3,14 et 42"), 3);
        // Every Unicode whitespace separates words, no-break spaces included.
        assert_eq!(count_words("a\u{0B}b\u{A0}c\u{202F}d\u{2003}e\tf"), 6);
    }

    #[test]
    fn words_span_events() {
        let mut counter = WordCounter::default();
        counter.push(Piece::Text("bold"));
        counter.push(Piece::Text("er text"));
        counter.push(Piece::Space);
        counter.push(Piece::Text("more"));
        assert_eq!(counter.finish(), 3);
    }
}

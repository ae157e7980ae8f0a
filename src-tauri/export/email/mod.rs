//! Newsletter exports: one post, or a digest of several, as an email.
//!
//! Everything returns an [`EmailParts`]: the subject, the preheader, the
//! HTML and the plain-text alternative, plus what an `.eml` needs
//! ([`EmailParts::to_eml`]). The CLI writes one of them to a file; the app's
//! Email preview tab shows `html` (built with [`ImageMode::Inline`] so it
//! needs no network), "Copy for email" puts `html` and `text` on the
//! clipboard ([`ImageMode::Linked`]), and "Save .eml…" writes `to_eml`.
//!
//! How the pieces are made:
//!
//! * Post bodies and the digest intro are rendered by [`crate::markdown`]
//!   (the one renderer, which sanitizes), then [`rewrite`] adapts that HTML
//!   to email (absolute URLs, images, no in-page links, no form controls);
//! * [`layout`] wraps it in a 600 px table layout and inlines the styles;
//! * [`text`] converts the same HTML to plain text with numbered links;
//! * [`eml`] builds the MIME message with mail-builder.
//!
//! Post content is treated as hostile: besides the sanitizer, every text and
//! URL that comes from a post or a digest's intro and subject has the email
//! services' merge tags broken ([`merge_tags`], for every service whatever
//! the chosen one), while the footer's own placeholders stay live; Subject
//! and From lose Unicode bidi controls ([`header_line`]).

mod digest;
pub mod digest_draft;
mod eml;
mod footer;
mod layout;
mod merge_tags;
mod newsletter_settings;
mod notice;
mod rewrite;
mod text;
mod tokens;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::export::description::preview_text_or_teaser;
use crate::export::urls::post_url;
use crate::labels;
use crate::markdown::{self, RenderOptions};
use crate::model::{Lang, Post, Status};
use crate::store::Store;
use crate::util::html::escape;
use merge_tags::neutralize_text;

pub use digest::{digest_email, in_language, Digest};
pub use newsletter_settings::{Esp, NewsletterSettings, Sender};
pub use notice::EmailNotice;
pub use text::WIDTH as TEXT_WIDTH;

/// Gmail clips messages whose HTML is larger than about 102 KB.
pub const GMAIL_CLIP_BYTES: usize = 102 * 1024;

/// How images stored in the library (`asset:` references) reach the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageMode {
    /// Absolute URLs where the site export puts them, beside the post's page:
    /// `<post URL><file name>`. What ESPs expect; the default.
    Linked,
    /// `cid:` references to image parts of the `.eml` (multipart/related):
    /// the email shows its images before the site is published.
    Embedded,
    /// `data:` URLs: self-contained, for an offline preview only (many
    /// clients block them, and they bloat the message).
    Inline,
}

/// What an export needs besides the posts.
#[derive(Debug, Clone)]
pub struct EmailOptions {
    pub settings: NewsletterSettings,
    pub images: ImageMode,
}

impl EmailOptions {
    /// The library's settings, with images linked from the site.
    pub fn load(store: &Store) -> Result<EmailOptions> {
        Ok(EmailOptions {
            settings: NewsletterSettings::load(store)?,
            images: ImageMode::Linked,
        })
    }
}

/// An image to attach to the `.eml` and show through `cid:`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmbeddedImage {
    /// The Content-ID, without angle brackets: `<16 hex>@postdesk`.
    pub cid: String,
    pub mime: String,
    pub file_name: String,
    #[serde(skip)]
    pub data: Vec<u8>,
}

/// One email, ready to show, copy or save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmailParts {
    /// One line: line breaks and control characters are already replaced.
    pub subject: String,
    /// The hidden preview line (also at the top of `html`).
    pub preheader: String,
    /// The whole HTML document, styles inlined.
    pub html: String,
    /// The plain-text alternative (lines of at most [`TEXT_WIDTH`]).
    pub text: String,
    pub lang: Lang,
    pub sender: Sender,
    /// Becomes `List-Unsubscribe` in the `.eml`.
    pub unsubscribe_url: Option<String>,
    /// Images the HTML refers to by `cid:` ([`ImageMode::Embedded`]).
    pub images: Vec<EmbeddedImage>,
    /// Things the author may want to fix before sending.
    pub warnings: Vec<EmailNotice>,
}

impl EmailParts {
    /// The message as an `.eml` file dated `date`: multipart/alternative
    /// (text, then HTML), the HTML inside multipart/related with its images
    /// when there are embedded images.
    pub fn to_eml(&self, date: DateTime<Utc>) -> Result<Vec<u8>> {
        eml::build(self, date)
    }
}

/// One post as an email: its title, its body in full, and the footer.
pub fn post_email(store: &Store, post: &Post, options: &EmailOptions) -> Result<EmailParts> {
    let settings = &options.settings;
    let mut found = rewrite::Collected::default();
    check_post(post, &mut found.warnings)?;
    let labels = labels::labels(post.lang);
    let rendered = markdown::render(
        &post.body,
        &RenderOptions {
            resolve_asset: None,
            summary: &post.summary,
        },
    );
    let page_url = post_url(&settings.base_url, post);
    let target = rewrite::Target {
        store,
        images: options.images,
        base_url: &settings.base_url,
        page_url: Some(&page_url),
    };
    let body = rewrite::for_email(&rendered.html, &target, &mut found)?;
    let subject = neutralize_text(&header_line(&post.title));
    let preview = preview_text_or_teaser(&post.preview_text, &rendered.teaser);
    let footer = footer::footer(settings, labels, &page_url, &mut found.warnings);
    assemble(Draft {
        settings,
        lang: post.lang,
        preheader: preheader(&preview),
        main: format!("<h1>{}</h1>\n{body}", content_text(&post.title)),
        subject,
        footer,
        found,
    })
}

/// Everything an email is made of, before layout.
struct Draft<'a> {
    settings: &'a NewsletterSettings,
    lang: Lang,
    subject: String,
    preheader: String,
    /// The content, as HTML.
    main: String,
    footer: footer::Footer,
    found: rewrite::Collected,
}

/// Lay out the HTML and derive the text from the same pieces.
fn assemble(draft: Draft) -> Result<EmailParts> {
    let settings = draft.settings;
    let header = escape(&settings.site_name);
    let html = layout::document(&layout::Page {
        lang: draft.lang,
        title: &draft.subject,
        preheader: &draft.preheader,
        header: &header,
        main: &draft.main,
        footer: &draft.footer.html,
    })?;
    let text_source = format!(
        "<p>{header}</p>\n{}\n<hr>\n{}",
        draft.main, draft.footer.text_html
    );
    let text = text::to_text(&text_source, labels::labels(draft.lang))?;
    let mut warnings = draft.found.warnings;
    eml::check_unsubscribe_url(settings.unsubscribe_url.as_deref(), &mut warnings);
    Ok(EmailParts {
        subject: draft.subject,
        preheader: draft.preheader,
        html,
        text,
        lang: draft.lang,
        sender: settings.sender.clone(),
        unsubscribe_url: settings.unsubscribe_url.clone(),
        images: draft.found.images,
        warnings,
    })
}

/// Refuse posts in the trash; warn about posts not yet on the site, whose
/// links will not work until they are.
fn check_post(post: &Post, warnings: &mut Vec<EmailNotice>) -> Result<()> {
    if post.deleted_at.is_some() {
        return Err(Error::invalid(
            "slug",
            format!(
                "\"{}\" is in the trash; restore it before sending it.",
                post.title
            ),
        ));
    }
    if matches!(post.status, Status::Draft | Status::Review | Status::Ready) {
        warnings.push(EmailNotice::PostNotPublished {
            title: post.title.clone(),
            status: post.status,
        });
    }
    Ok(())
}

/// The longest preheader kept: inbox previews show 40 to 140 characters.
const PREHEADER_CHARS: usize = 150;

/// A preheader from `text` (post content): one line, cut at a word near
/// [`PREHEADER_CHARS`], merge tags broken.
fn preheader(text: &str) -> String {
    let line = one_line(text);
    if line.chars().count() <= PREHEADER_CHARS {
        return neutralize_text(&line);
    }
    let cut: String = line.chars().take(PREHEADER_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    neutralize_text(&format!(
        "{}…",
        cut.trim_end_matches([',', ';', ':', '.', ' '])
    ))
}

/// Post text (a title, a teaser) as HTML text: on one line, merge tags
/// broken, escaped.
fn content_text(text: &str) -> String {
    escape(&neutralize_text(&one_line(text)))
}

/// Unicode bidirectional controls: embeddings and overrides (U+202A–U+202E),
/// isolates (U+2066–U+2069), marks (U+200E, U+200F, U+061C). In a Subject
/// or a From name they can make a header read as something else (U+202E then "gnp.exe"
/// shows as "exe.png"), so they never reach one.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// A Subject or a From display name: [`one_line`], without bidi controls.
pub(crate) fn header_line(text: &str) -> String {
    one_line(&text.replace(is_bidi_control, ""))
}

/// `text` on one line: every run of whitespace or control characters
/// (CR, LF, tabs, Unicode line separators) becomes one space. This is what
/// keeps a title from ever starting a new header line.
pub(crate) fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_removes_every_line_break() {
        assert_eq!(
            one_line(" A\r\nBcc: x@y.org\u{2028}B\tC\u{0}D "),
            "A Bcc: x@y.org B C D"
        );
    }

    #[test]
    fn header_lines_lose_bidi_controls() {
        let every = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}";
        assert_eq!(
            header_line(&format!("a{every}b\u{202E}gnp.exe c")),
            "abgnp.exe c"
        );
        assert_eq!(header_line("Été à Montréal"), "Été à Montréal");
    }

    #[test]
    fn preheaders_break_merge_tags() {
        assert_eq!(preheader("Hi *|FNAME|*"), "Hi *\u{200D}|FNAME|\u{200D}*");
    }

    #[test]
    fn preheaders_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let p = preheader(&long);
        assert!(p.chars().count() <= PREHEADER_CHARS + 1, "{p}");
        assert!(p.ends_with("word…"), "{p}");
        assert_eq!(preheader("Short\nline"), "Short line");
    }
}

//! One WordPress item → a Postdesk post: which items are posts, the status
//! and dates, tags and categories, and the HTML body → Markdown.
//!
//! Mapping (documented in `super`):
//! - `publish` → published; `draft`, `pending` → draft; `future` → scheduled
//!   (its date is the publish date); `private` → draft, with a note, since a
//!   private post is not for the public site.
//! - Tags (`domain="post_tag"`) and categories (`domain="category"`) both
//!   become tags (the model has one list), tags first; WordPress's
//!   placeholder category "Uncategorized" is dropped. The categories are also
//!   kept in `extra.wordpress.categories` so a later publish can restore them.
//! - The body: block-editor comments removed, classic-editor line breaks
//!   made paragraphs, then the app's ONE sanitizer policy, then `htmd`
//!   (HTML it cannot say in Markdown stays as the sanitized HTML).

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

use super::parse::WxrItem;
use crate::model::Status;

/// What an item is for the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A post to import, with its status; `true`: a private post, made a
    /// draft (the report says so).
    Post(Status, bool),
    /// Not a post (page, attachment, menu item, revision…) or a status
    /// not imported (trash, auto-draft): skipped, counted under this name.
    Skip(String),
}

pub fn kind(item: &WxrItem) -> Kind {
    if item.post_type != "post" {
        let what = match item.post_type.as_str() {
            "" => "item without a type",
            "page" => "page",
            "attachment" => "attachment",
            "nav_menu_item" => "menu item",
            "revision" => "revision",
            other => return Kind::Skip(format!("{other} item")),
        };
        return Kind::Skip(what.to_string());
    }
    match item.status.as_str() {
        "publish" => Kind::Post(Status::Published, false),
        "draft" | "pending" => Kind::Post(Status::Draft, false),
        "future" => Kind::Post(Status::Scheduled, false),
        "private" => Kind::Post(Status::Draft, true),
        "" => Kind::Skip("post without a status".to_string()),
        other => Kind::Skip(format!("post with status {other}")),
    }
}

/// A WordPress date (`2024-03-05 10:00:00`); `0000-00-00 00:00:00` (a
/// draft's GMT date) and anything unreadable are `None`.
pub fn date(text: &str) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S").ok()?;
    Some(Utc.from_utc_datetime(&naive))
}

/// The post's date: the GMT one, else the site-local one (drafts have only
/// that), read as UTC.
pub fn post_date(item: &WxrItem) -> Option<DateTime<Utc>> {
    date(&item.post_date_gmt).or_else(|| date(&item.post_date))
}

/// Tags then categories (without "Uncategorized"), as names.
pub fn tags(item: &WxrItem) -> Vec<String> {
    let of = |domain: &'static str| {
        item.terms
            .iter()
            .filter(move |t| t.domain == domain && !t.name.is_empty())
            .map(|t| crate::util::html::unescape(&t.name))
    };
    of("post_tag")
        .chain(of("category").filter(|c| !c.eq_ignore_ascii_case("Uncategorized")))
        .collect()
}

pub fn categories(item: &WxrItem) -> Vec<String> {
    item.terms
        .iter()
        .filter(|t| t.domain == "category")
        .map(|t| crate::util::html::unescape(&t.name))
        .collect()
}

/// A title as plain text: WordPress titles may hold markup and entities.
pub fn plain_text(html: &str) -> String {
    let text = html2text::config::plain_no_decorate()
        .string_from_read(html.as_bytes(), usize::MAX)
        .unwrap_or_else(|_| html.to_string());
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Remove the block editor's comments (`<!-- wp:paragraph -->`,
/// `<!-- /wp:paragraph -->`); other text is left as it is.
pub fn strip_block_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let after = rest[start + 4..].trim_start();
        if after.starts_with("wp:") || after.starts_with("/wp:") {
            out.push_str(&rest[..start]);
            match rest[start..].find("-->") {
                Some(end) => rest = &rest[start + end + 3..],
                None => {
                    rest = "";
                    break;
                }
            }
        } else {
            out.push_str(&rest[..start + 4]);
            rest = &rest[start + 4..];
        }
    }
    out.push_str(rest);
    out
}

/// The classic editor stores paragraphs as blank lines (WordPress's
/// `wpautop` adds the `<p>` when showing them): make them paragraphs when
/// the body has none of its own.
fn paragraphs(html: &str) -> String {
    if html.contains("<p") || html.contains("<div") || !html.contains("\n\n") {
        return html.to_string();
    }
    html.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>\n", p.replace('\n', "<br>\n")))
        .collect()
}

/// The HTML body, sanitized by the app's policy (the body is hostile).
pub fn clean_html(content: &str) -> String {
    crate::markdown::sanitize::sanitize(&paragraphs(&strip_block_comments(content)))
}

/// Sanitized HTML made plainer for Markdown: the `rel` the sanitizer adds
/// to links goes (the renderer adds it again), and wrappers left without
/// attributes (`<figure>`, `<div>`, `<section>`, `<span>`) are unwrapped, a
/// caption becoming a paragraph, so images, links and text become Markdown.
fn plainer(clean: &str) -> String {
    let mut html = clean
        .replace(" rel=\"noopener noreferrer\"", "")
        .replace(" class=\"\"", "");
    for tag in ["figure", "div", "section", "span"] {
        // Only when no such element kept attributes: tags stay balanced.
        if !html.contains(&format!("<{tag} ")) {
            html = html
                .replace(&format!("<{tag}>"), "")
                .replace(&format!("</{tag}>"), "\n");
        }
    }
    // A heading's id is its anchor, which the renderer gives again from the
    // text (WordPress keeps the one Postdesk published); without it the
    // heading becomes a Markdown heading instead of staying HTML.
    for level in 1..=6 {
        let open = format!("<h{level} id=\"");
        while let Some(start) = html.find(&open) {
            let value = start + open.len();
            let Some(len) = html[value..].find('"') else {
                break;
            };
            html.replace_range(start + open.len() - 5..value + len + 1, "");
        }
    }
    if !html.contains("<figcaption ") {
        html = html
            .replace("<figcaption>", "<p>")
            .replace("</figcaption>", "</p>");
    }
    html
}

/// Sanitized HTML → Markdown.
pub fn markdown(clean: &str) -> String {
    let clean = &plainer(clean);
    use htmd::options::{BulletListMarker, CodeBlockStyle, HeadingStyle, Options, TranslationMode};
    let converter = htmd::HtmlToMarkdown::builder()
        .options(Options {
            heading_style: HeadingStyle::Atx,
            code_block_style: CodeBlockStyle::Fenced,
            bullet_list_marker: BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            translation_mode: TranslationMode::Faithful,
            ..Options::default()
        })
        .build();
    // htmd reads with html5ever, which accepts any input; fall back to the
    // sanitized HTML itself (valid in Markdown) should it ever fail.
    converter
        .convert(clean)
        .unwrap_or_else(|_| clean.to_string())
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_anchors_go_so_headings_become_markdown() {
        let md = markdown("<h2 id=\"what-changes\">What changes</h2><p>Text.</p>");
        assert_eq!(md, "## What changes\n\nText.");
    }

    #[test]
    fn block_comments_go_other_comments_stay() {
        let html = "<!-- wp:paragraph {\"a\":1} -->\n<p>x</p>\n<!-- /wp:paragraph --><!-- keep -->";
        assert_eq!(strip_block_comments(html), "\n<p>x</p>\n<!-- keep -->");
        assert_eq!(strip_block_comments("a<!-- wp:x"), "a");
    }

    #[test]
    fn dates() {
        assert_eq!(date("0000-00-00 00:00:00"), None);
        assert_eq!(
            date("2024-03-05 10:00:00").map(|d| d.to_rfc3339()),
            Some("2024-03-05T10:00:00+00:00".into())
        );
    }

    #[test]
    fn classic_paragraphs() {
        assert_eq!(
            paragraphs("one\ntwo\n\nthree"),
            "<p>one<br>\ntwo</p>\n<p>three</p>\n"
        );
        assert_eq!(paragraphs("<p>a</p>\n\n<p>b</p>"), "<p>a</p>\n\n<p>b</p>");
    }
}

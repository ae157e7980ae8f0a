//! What Postdesk sends for a post: the title and teaser (escaped: WordPress
//! titles and excerpts are HTML), the body as the very HTML the preview shows
//! (`markdown::render`, the one renderer and sanitizer, with library images
//! pointed at their media items), the WordPress status and date, and the
//! comparable text of a post on either side (for the "changed on the site"
//! check and its difference).

use chrono::{DateTime, Utc};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::WordPressStatus;
use crate::error::{Error, Result};
use crate::markdown::{self, RenderOptions, Rendered};
use crate::model::{Post, Status};
use crate::store::ASSET_SCHEME;

/// The post rendered for the site; `media` maps `asset:` references to URLs.
pub(crate) fn render(post: &Post, media: &dyn Fn(&str) -> Option<String>) -> Rendered {
    markdown::render(
        &post.body,
        &RenderOptions {
            resolve_asset: Some(media),
            summary: &post.summary,
        },
    )
}

/// The library images a post shows, each with the alt text it first has in
/// the body (the featured image last when it is not in the body; its alt is
/// the title).
pub(crate) fn images(post: &Post) -> Vec<(String, String)> {
    let rendered = render(post, &|_| None);
    let mut out: Vec<(String, String)> = Vec::new();
    for reference in markdown::asset_refs(&post.body) {
        let alt = rendered
            .images
            .iter()
            .find(|i| i.src == reference && !i.alt.trim().is_empty())
            .map(|i| i.alt.trim().to_string())
            .unwrap_or_default();
        out.push((reference, alt));
    }
    let featured = post.featured_image.trim();
    if featured.starts_with(ASSET_SCHEME) && !out.iter().any(|(r, _)| r == featured) {
        out.push((featured.to_string(), post.title.trim().to_string()));
    }
    out
}

/// The status to send: the one asked for, else from the post (a published or
/// scheduled post goes out published, or scheduled when its date is still
/// ahead; anything else as a draft).
pub(crate) fn status(
    post: &Post,
    asked: Option<WordPressStatus>,
    now: DateTime<Utc>,
) -> Result<WordPressStatus> {
    let ahead = post.publish_at.is_some_and(|d| d > now);
    Ok(match asked {
        Some(WordPressStatus::Draft) => WordPressStatus::Draft,
        Some(WordPressStatus::Future) if !ahead => {
            return Err(Error::invalid(
                "status",
                "A scheduled post needs a publish date in the future; set the post's date first.",
            ))
        }
        Some(WordPressStatus::Future | WordPressStatus::Publish) if ahead => {
            WordPressStatus::Future
        }
        Some(s) => s,
        None => match post.status {
            // Not sent live at once: the author meant a date and has not set it.
            Status::Scheduled if post.publish_at.is_none() => {
                return Err(Error::invalid(
                    "status",
                    "This post is scheduled but has no publish date; set its date first, or publish it as a draft.",
                ))
            }
            Status::Published | Status::Scheduled if ahead => WordPressStatus::Future,
            Status::Published | Status::Scheduled => WordPressStatus::Publish,
            _ => WordPressStatus::Draft,
        },
    })
}

/// WordPress's `date_gmt` format.
pub(crate) fn date_gmt(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// The raw (`context=edit`) title, excerpt and body of a remote post.
pub(crate) struct RemoteText {
    pub title: String,
    pub excerpt: String,
    pub content: String,
}

impl RemoteText {
    pub(crate) fn of(remote: &Value) -> RemoteText {
        let raw = |field: &str| {
            remote
                .get(field)
                .and_then(|f| f.get("raw").or(Some(f)))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        RemoteText {
            title: raw("title"),
            excerpt: raw("excerpt"),
            content: raw("content"),
        }
    }

    /// What tells a change made on the site.
    pub(crate) fn hash(&self) -> String {
        let mut h = Sha256::new();
        for part in [&self.title, &self.excerpt, &self.content] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Title, excerpt and body as plain text, for a line diff.
    pub(crate) fn comparable(&self) -> String {
        comparable(
            &crate::util::html::unescape(&self.title),
            &crate::util::html::unescape(&strip_paragraph(&self.excerpt)),
            &self.content,
        )
    }
}

/// `Title: …`, `Excerpt: …`, then the body's text.
pub(crate) fn comparable(title: &str, excerpt: &str, body_html: &str) -> String {
    let body = html2text::config::plain_no_decorate()
        .string_from_read(body_html.as_bytes(), 100)
        .unwrap_or_else(|_| body_html.to_string());
    format!(
        "Title: {}\nExcerpt: {}\n\n{}",
        title.trim(),
        excerpt.trim(),
        body.trim_end()
    )
}

fn strip_paragraph(s: &str) -> String {
    let t = s.trim();
    t.strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
        .unwrap_or(t)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn post(status: Status, publish_at: Option<DateTime<Utc>>) -> Post {
        Post {
            status,
            publish_at,
            ..Post::default()
        }
    }

    #[test]
    fn the_status_follows_the_post_unless_asked() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
        let later = Some(Utc.with_ymd_and_hms(2026, 7, 1, 9, 0, 0).unwrap());
        let earlier = Some(Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap());
        use WordPressStatus::*;
        assert_eq!(
            status(&post(Status::Draft, later), None, now).unwrap(),
            Draft
        );
        assert_eq!(
            status(&post(Status::Published, later), None, now).unwrap(),
            Future
        );
        assert_eq!(
            status(&post(Status::Published, earlier), None, now).unwrap(),
            Publish
        );
        assert_eq!(
            status(&post(Status::Draft, later), Some(Publish), now).unwrap(),
            Future
        );
        assert_eq!(
            status(&post(Status::Draft, earlier), Some(Publish), now).unwrap(),
            Publish
        );
        assert!(status(&post(Status::Draft, earlier), Some(Future), now).is_err());
        assert!(status(&post(Status::Draft, None), Some(Future), now).is_err());
        assert_eq!(
            status(&post(Status::Scheduled, later), None, now).unwrap(),
            Future
        );
        assert_eq!(
            status(&post(Status::Scheduled, earlier), None, now).unwrap(),
            Publish,
            "its time has come"
        );
        assert!(status(&post(Status::Scheduled, None), None, now).is_err());
        assert_eq!(
            status(&post(Status::Scheduled, None), Some(Draft), now).unwrap(),
            Draft
        );
    }

    #[test]
    fn remote_text_reads_raw_fields_and_hashes_them() {
        let v = serde_json::json!({
            "title": {"raw": "A &amp; B", "rendered": "x"},
            "excerpt": {"raw": "Teaser"},
            "content": {"raw": "<p>Hello <b>world</b></p>"}
        });
        let t = RemoteText::of(&v);
        assert_eq!(t.title, "A &amp; B");
        let text = t.comparable();
        assert!(
            text.starts_with("Title: A & B\nExcerpt: Teaser\n\n"),
            "{text}"
        );
        assert!(text.contains("Hello world"), "{text}");
        let mut other = RemoteText::of(&v);
        assert_eq!(t.hash(), other.hash());
        other.content.push('!');
        assert_ne!(t.hash(), other.hash());
    }
}

//! The digest: the newsletter as the organisation usually sends it. A short
//! intro, then one item per post (title, one-paragraph teaser, "Continue
//! reading" link to the post on the site), then the footer.

use chrono::NaiveDate;

use super::merge_tags::neutralize_text;
use super::{
    assemble, check_post, content_text, footer, header_line, labels, preheader, rewrite, Draft,
    EmailOptions, EmailParts,
};
use crate::error::{Error, Result};
use crate::export::urls::{listing_path, post_url};
use crate::markdown::{self, RenderOptions};
use crate::model::{Lang, Post};
use crate::store::Store;
use crate::util::html::escape;

/// What goes into a digest.
#[derive(Debug, Clone)]
pub struct Digest {
    /// The posts, in the order they appear.
    pub posts: Vec<Post>,
    /// The introduction, in Markdown (may be empty).
    pub intro: String,
    /// The subject; by default the newsletter's name and the date.
    pub subject: Option<String>,
    /// The language of the labels; by default French when every post is
    /// French, English otherwise.
    pub lang: Option<Lang>,
    /// The date (in the default subject).
    pub date: NaiveDate,
}

impl Digest {
    /// The language the digest is written in.
    pub fn language(&self) -> Lang {
        self.lang.unwrap_or_else(|| {
            if !self.posts.is_empty() && self.posts.iter().all(|p| p.lang == Lang::Fr) {
                Lang::Fr
            } else {
                Lang::En
            }
        })
    }
}

/// The posts as a digest in `lang` lists them: a post of the other language
/// is replaced by its translation in `lang` when it has one that is not in
/// the trash, else kept as it is; a post chosen in both languages appears once.
pub fn in_language(store: &Store, posts: Vec<Post>, lang: Lang) -> Result<Vec<Post>> {
    let mut out: Vec<Post> = Vec::with_capacity(posts.len());
    for post in posts {
        let twin = match post.translation_of {
            Some(t) if post.lang != lang => Some(store.get_post(t)?),
            _ => None,
        };
        let chosen = match twin {
            Some(t) if t.lang == lang && t.deleted_at.is_none() => t,
            _ => post,
        };
        if !out.iter().any(|p| p.id == chosen.id) {
            out.push(chosen);
        }
    }
    Ok(out)
}

/// Build a digest email. Images in the intro have no page on the site, so
/// they need [`super::ImageMode::Embedded`] or [`super::ImageMode::Inline`].
pub fn digest_email(store: &Store, digest: &Digest, options: &EmailOptions) -> Result<EmailParts> {
    if digest.posts.is_empty() {
        return Err(Error::invalid(
            "digest",
            "A digest needs at least one post.",
        ));
    }
    let settings = &options.settings;
    let lang = digest.language();
    let labels = labels::labels(lang);
    let mut found = rewrite::Collected::default();

    let subject = match digest.subject.as_deref().map(header_line) {
        Some(s) if !s.is_empty() => s,
        _ => header_line(&format!(
            "{} — {}",
            settings.newsletter_name,
            labels.email_date(digest.date)
        )),
    };
    // Typed for this issue, but pasted as often as a post's title.
    let subject = neutralize_text(&subject);
    let intro = markdown::render(&digest.intro, &RenderOptions::default());
    let target = rewrite::Target {
        store,
        images: options.images,
        base_url: &settings.base_url,
        page_url: None,
    };
    let intro_html = rewrite::for_email(&intro.html, &target, &mut found)?;

    let mut main = format!("<h1>{}</h1>\n{intro_html}", escape(&subject));
    let mut first_teaser = String::new();
    for post in &digest.posts {
        check_post(post, &mut found.warnings)?;
        let teaser = markdown::render(
            &post.body,
            &RenderOptions {
                resolve_asset: None,
                summary: &post.summary,
            },
        )
        .teaser;
        if first_teaser.is_empty() {
            first_teaser.clone_from(&teaser);
        }
        main.push_str(&item(
            post,
            &teaser,
            &post_url(&settings.base_url, post),
            labels,
        ));
    }

    let listing = format!("{}{}", settings.base_url, listing_path(lang));
    let footer = footer::footer(settings, labels, &listing, &mut found.warnings);
    let preview = if intro.teaser.trim().is_empty() {
        first_teaser
    } else {
        intro.teaser
    };
    assemble(Draft {
        settings,
        lang,
        subject,
        preheader: preheader(&preview),
        main,
        footer,
        found,
    })
}

/// One digest item. The title links to the post too: readers click titles.
/// The button's `aria-label` names the post, since a screen reader listing
/// links would otherwise hear "Continue reading" several times over.
fn item(post: &Post, teaser: &str, url: &str, labels: &labels::Labels) -> String {
    let title = content_text(&post.title);
    let url = escape(url);
    let teaser = if teaser.trim().is_empty() {
        String::new()
    } else {
        format!("<p>{}</p>\n", content_text(teaser))
    };
    let label = escape(labels.continue_reading);
    format!(
        "<div class=\"pd-item\">\n<h2 class=\"pd-item-title\"><a href=\"{url}\">{title}</a></h2>\n\
         {teaser}<p class=\"pd-cta\"><a class=\"pd-btn\" href=\"{url}\" aria-label=\"{label} — {title}\">{label}</a></p>\n</div>\n"
    )
}

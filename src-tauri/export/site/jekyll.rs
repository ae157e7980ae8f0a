//! Jekyll: `_posts/YYYY-MM-DD-<slug>.md` (French posts in `_posts/fr/`, so
//! an English and a French post with one slug and one date do not collide;
//! Jekyll reads `_posts` recursively), images under
//! `assets/images/<slug>/`. The front matter's `permalink` puts each page at
//! the shared URL scheme whatever the site's `permalink` setting. The body
//! is wrapped in a Liquid `raw` block (`body::liquid_raw`) so a `{{` or `{%`
//! in a post is never run as a Liquid template, on Jekyll 3 (GitHub Pages,
//! which ignores `render_with_liquid: false`) as on Jekyll 4; so the front
//! matter must not say `render_with_liquid: false`, or Jekyll 4 would print
//! the raw tags. UTF-8, no byte-order mark.

use serde::Serialize;

use super::body;
use super::context::{Featured, PostEntry, Release, SiteContext};
use super::output::{FileKind, Output, SiteRenderer};
use super::rel_path::RelPath;
use super::{teaser, SiteFormat};
use crate::error::Result;
use crate::export::urls;
use crate::model::Lang;

pub(crate) struct Jekyll;

#[derive(Serialize)]
struct FrontMatter<'a> {
    layout: &'a str,
    title: &'a str,
    /// `YYYY-MM-DD HH:MM:SS +0000`: Jekyll's own format, with the offset.
    date: String,
    last_modified_at: String,
    lang: &'a str,
    tags: &'a [String],
    /// Themes print it as HTML, some through `markdownify`: see `teaser`.
    excerpt: String,
    description: String,
    /// Always the shared scheme, so the page is where feeds and listings link.
    permalink: String,
    /// Where the post first appeared, when elsewhere (read by jekyll-seo-tag).
    #[serde(skip_serializing_if = "str::is_empty")]
    canonical_url: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    author: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    /// Only written for drafts, which Jekyll then skips. A scheduled post is
    /// left out by its future `date` instead (Jekyll's `future: false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<bool>,
}

impl SiteRenderer for Jekyll {
    fn render(&self, ctx: &SiteContext, out: &mut Output) -> Result<()> {
        for (i, e) in ctx.posts.iter().enumerate() {
            let name = format!("{}-{}.md", e.date.format("%Y-%m-%d"), e.slug);
            let path = match e.post.lang {
                Lang::En => RelPath::new(&["_posts", name.as_str()])?,
                Lang::Fr => RelPath::new(&["_posts", "fr", name.as_str()])?,
            };
            let md = out.safe_body(e);
            out.add(path, page(e, md)?.into_bytes(), FileKind::Post, Some(i))?;
            let dir = RelPath::new(&["assets", "images", e.slug.as_str()])?;
            out.add_images(&dir, e, i)?;
        }
        Ok(())
    }
}

/// The post file: front matter, then `md` (the safe body) with its images
/// rewritten, inside a Liquid `raw` block.
fn page(e: &PostEntry, md: String) -> Result<String> {
    let post = &e.post;
    let image_url = |file: &str| SiteFormat::Jekyll.image_path(post.lang, &e.slug, file);
    let fm = FrontMatter {
        layout: "post",
        title: &post.title,
        date: e.date.format("%Y-%m-%d %H:%M:%S %z").to_string(),
        last_modified_at: post.updated_at.format("%Y-%m-%d %H:%M:%S %z").to_string(),
        lang: post.lang.as_str(),
        tags: &post.tags,
        excerpt: teaser::inert_html(&e.teaser),
        description: super::description(e),
        permalink: urls::post_path(post.lang, &e.slug),
        canonical_url: post.canonical_url.trim(),
        author: post.author.trim(),
        image: match &e.featured {
            Some(Featured::Asset(img)) => Some(image_url(&img.file_name)),
            Some(Featured::Url(url)) => Some(url.clone()),
            None => None,
        },
        published: (e.release == Release::Draft).then_some(false),
    };
    let md = body::rewrite_assets(&md, &|r| e.image_file(r).map(image_url));
    Ok(super::yaml::front_matter(&fm)? + "\n" + &body::liquid_raw(&md))
}

//! Hugo: one leaf page bundle per post, `content/posts/<slug>/index.md`
//! (`index.fr.md` for French), images beside it. With the default
//! permalinks and `fr` configured as a language, Hugo publishes the page at
//! `/posts/<slug>/` (`/fr/posts/<slug>/`), the shared URL scheme, and copies
//! the images next to it, so the bundle-relative image names just work.

use chrono::SecondsFormat;
use serde::Serialize;

use super::body;
use super::context::{Featured, PostEntry, Release, SiteContext};
use super::output::{FileKind, Output, SiteRenderer};
use super::rel_path::RelPath;
use super::{teaser, SiteFormat};
use crate::error::Result;
use crate::model::Lang;

pub(crate) struct Hugo;

#[derive(Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    date: String,
    lastmod: String,
    draft: bool,
    slug: &'a str,
    /// Hugo renders it as Markdown, themes print it as HTML: see `teaser`.
    summary: String,
    description: String,
    tags: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    images: Vec<String>,
    /// Shared by a post and its translation; unique otherwise, so two
    /// unrelated posts that happen to share a bundle folder are not linked.
    #[serde(rename = "translationKey")]
    translation_key: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    author: &'a str,
    #[serde(rename = "canonicalURL", skip_serializing_if = "str::is_empty")]
    canonical_url: &'a str,
}

impl SiteRenderer for Hugo {
    fn render(&self, ctx: &SiteContext, out: &mut Output) -> Result<()> {
        for (i, e) in ctx.posts.iter().enumerate() {
            let dir = RelPath::new(&["content", "posts", e.slug.as_str()])?;
            let name = match e.post.lang {
                Lang::En => "index.md",
                Lang::Fr => "index.fr.md",
            };
            let md = out.safe_body(e);
            out.add(
                dir.join(name)?,
                page(e, md)?.into_bytes(),
                FileKind::Post,
                Some(i),
            )?;
            out.add_images(&dir, e, i)?;
        }
        Ok(())
    }
}

/// The page: front matter, then `md` (the safe body) with its images and
/// shortcode-like text rewritten.
fn page(e: &PostEntry, md: String) -> Result<String> {
    let post = &e.post;
    let mut images = Vec::new();
    match &e.featured {
        Some(Featured::Asset(img)) => {
            images.push(SiteFormat::Hugo.image_path(post.lang, &e.slug, &img.file_name))
        }
        Some(Featured::Url(url)) => images.push(url.clone()),
        None => {}
    }
    for img in &e.images {
        let path = SiteFormat::Hugo.image_path(post.lang, &e.slug, &img.file_name);
        if !images.contains(&path) {
            images.push(path);
        }
    }
    let fm = FrontMatter {
        title: &post.title,
        date: e.date.to_rfc3339_opts(SecondsFormat::Secs, true),
        lastmod: post.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        draft: e.release == Release::Draft,
        slug: &e.slug,
        summary: teaser::inert_html(&e.teaser),
        description: super::description(e),
        tags: &post.tags,
        images,
        translation_key: &e.translation_key,
        author: post.author.trim(),
        canonical_url: post.canonical_url.trim(),
    };
    let md = body::rewrite_assets(&md, &|r| e.image_file(r).map(str::to_string));
    Ok(super::yaml::front_matter(&fm)? + "\n" + &body::escape_hugo_shortcodes(&md))
}

//! The standalone HTML export: a folder that is a whole small site.
//!
//! - `posts/<slug>/index.html` and `fr/posts/<slug>/index.html`: one page
//!   per post, CSS inlined, images beside it, at the shared URL scheme;
//! - `posts/index.html`, `posts/page/2/index.html`… (and under `fr/`): the
//!   listings, newest first, 20 posts a page;
//! - `index.html`: the home page, linking to each language's listing.
//!
//! **Links are relative and end in `index.html`** (`../../posts/x/index.html`),
//! so the folder works opened from disk, and served from a web server at
//! any address. Links between posts, written as site paths in Markdown
//! (`/posts/x/`), are rewritten the same way by a pass over the renderer's
//! HTML ([`rewrite`]).

mod listing;
pub(crate) mod rewrite;
mod template;

use std::fmt::Write as _;

use super::context::{Featured, SiteContext};
use super::output::{FileKind, Output, SiteRenderer};
use super::rel_path::RelPath;
use crate::error::Result;
use crate::export::urls;
use crate::labels::labels;
use crate::lang;
use crate::model::Lang;
use crate::util::html::escape;
use rewrite::{rewrite_urls, site_path_to_relative};
use template::{document, time, Head};

pub(crate) struct Html;

impl SiteRenderer for Html {
    fn render(&self, ctx: &SiteContext, out: &mut Output) -> Result<()> {
        for (i, e) in ctx.posts.iter().enumerate() {
            let path = post_page(e.post.lang, &e.slug)?;
            let page = post_page_html(ctx, i, &path)?;
            let dir = path.parent();
            out.add(path, page.into_bytes(), FileKind::Post, Some(i))?;
            if let Some(dir) = &dir {
                out.add_images(dir, e, i)?;
            }
        }
        if ctx.whole_site {
            listing::render(ctx, out)?;
        }
        Ok(())
    }
}

/// The page of a post: the shared scheme's path plus `index.html`.
pub(crate) fn post_page(lang: Lang, slug: &str) -> Result<RelPath> {
    folder_index(&urls::post_path(lang, slug), &[])
}

/// Page `n` (from 1) of a language's listing.
pub(crate) fn listing_page(lang: Lang, n: usize) -> Result<RelPath> {
    let n = n.to_string();
    let extra: &[&str] = if n == "1" { &[] } else { &["page", &n] };
    folder_index(urls::listing_path(lang), extra)
}

fn folder_index(site_path: &str, extra: &[&str]) -> Result<RelPath> {
    let mut parts: Vec<&str> = site_path.split('/').filter(|s| !s.is_empty()).collect();
    parts.extend_from_slice(extra);
    parts.push("index.html");
    RelPath::new(&parts)
}

/// A link from the page at `from` to the file at `to`.
pub(crate) fn href(from: &RelPath, to: &RelPath) -> String {
    format!("{}{to}", "../".repeat(from.depth()))
}

/// The header navigation: a link to the listing of each language exported.
fn nav(ctx: &SiteContext, from: &RelPath) -> Result<String> {
    let mut nav = String::new();
    for lang in Lang::ALL {
        if ctx.posts.iter().any(|p| p.post.lang == lang) {
            let label = lang::native_name(lang);
            let to = listing_page(lang, 1)?;
            let _ = write!(
                nav,
                "<a href=\"{}\" hreflang=\"{lang}\" lang=\"{lang}\">{label}</a>",
                href(from, &to)
            );
        }
    }
    Ok(if nav.is_empty() {
        nav
    } else {
        format!("<nav>{nav}</nav>")
    })
}

fn post_page_html(ctx: &SiteContext, i: usize, path: &RelPath) -> Result<String> {
    let e = &ctx.posts[i];
    let post = &e.post;
    let lang = post.lang;
    let depth = path.depth();
    let mut main = format!(
        "<article class=\"post\">\n<header>\n<h1 dir=\"auto\">{}</h1>\n<p class=\"meta\">{}",
        escape(&post.title),
        time(lang, e.date)
    );
    if !post.author.trim().is_empty() {
        let _ = write!(main, " \u{b7} {}", escape(post.author.trim()));
    }
    main.push_str("</p>\n</header>\n");
    match &e.featured {
        Some(Featured::Asset(img)) if !e.html.contains(&format!("src=\"{}\"", img.file_name)) => {
            let _ = writeln!(
                main,
                "<figure class=\"featured\"><img src=\"{}\" alt=\"\"></figure>",
                escape(&img.file_name)
            );
        }
        Some(Featured::Url(url)) if url.starts_with("https://") || url.starts_with("http://") => {
            let _ = writeln!(
                main,
                "<figure class=\"featured\"><img src=\"{}\" alt=\"\"></figure>",
                escape(url)
            );
        }
        _ => {}
    }
    let body = rewrite_urls(&e.html, &|u| site_path_to_relative(u, depth));
    let _ = write!(main, "<div class=\"body\">\n{body}</div>\n");
    if !post.tags.is_empty() {
        let _ = write!(
            main,
            "<ul class=\"tags\" aria-label=\"{}\">",
            labels(lang).tags
        );
        for t in &post.tags {
            let _ = write!(main, "<li>{}</li>", escape(t));
        }
        main.push_str("</ul>\n");
    }
    if let Some(other) = e.translation.map(|t| &ctx.posts[t]) {
        let to = post_page(other.post.lang, &other.slug)?;
        let _ = writeln!(
            main,
            "<p class=\"translation\"><a href=\"{}\" hreflang=\"{l}\" lang=\"{l}\">{}{}<span dir=\"auto\">{}</span></a></p>",
            href(path, &to),
            labels(other.post.lang).other_language,
            labels(other.post.lang).colon,
            escape(&other.post.title),
            l = other.post.lang,
        );
    }
    main.push_str("</article>\n");
    let _ = writeln!(
        main,
        "<p class=\"back\"><a href=\"{}\">{}</a></p>",
        href(path, &listing_page(lang, 1)?),
        labels(lang).all_posts
    );
    let canonical = if post.canonical_url.starts_with("https://")
        || post.canonical_url.starts_with("http://")
    {
        post.canonical_url.clone()
    } else {
        format!("{}{}", ctx.base_url, urls::post_path(lang, &e.slug))
    };
    let title = format!("{} \u{b7} {}", post.title, ctx.site_name);
    Ok(document(
        &Head {
            lang,
            title: &title,
            description: &super::description(e),
            canonical: Some(&canonical),
            site_name: &ctx.site_name,
            root: &"../".repeat(depth),
            nav: &nav(ctx, path)?,
        },
        &main,
    ))
}

//! Listing pages (each post as its title, a link; its teaser; and a
//! "Continue reading" link), newest first, [`PER_PAGE`] to a page, one
//! listing per language; and the home page that links to them.

use std::fmt::Write as _;

use super::template::{document, time, Head};
use super::{href, listing_page, nav, post_page};
use crate::error::Result;
use crate::export::site::context::{PostEntry, SiteContext};
use crate::export::site::output::{FileKind, Output};
use crate::export::site::rel_path::RelPath;
use crate::labels::labels;
use crate::model::Lang;
use crate::util::html::escape;

/// Posts on one listing page.
pub(crate) const PER_PAGE: usize = 20;
/// Posts of each language shown on the home page.
const ON_HOME: usize = 5;

pub(super) fn render(ctx: &SiteContext, out: &mut Output) -> Result<()> {
    for lang in Lang::ALL {
        let posts: Vec<&PostEntry> = ctx.posts.iter().filter(|p| p.post.lang == lang).collect();
        let pages = posts.len().div_ceil(PER_PAGE);
        for (n, chunk) in posts.chunks(PER_PAGE).enumerate() {
            let path = listing_page(lang, n + 1)?;
            let html = page(ctx, lang, &path, chunk, n + 1, pages)?;
            out.add(path, html.into_bytes(), FileKind::Listing, None)?;
        }
    }
    let home = RelPath::new(&["index.html"])?;
    let html = home_page(ctx, &home)?;
    out.add(home, html.into_bytes(), FileKind::Listing, None)
}

fn item(from: &RelPath, e: &PostEntry) -> Result<String> {
    let to = href(from, &post_page(e.post.lang, &e.slug)?);
    let w = labels(e.post.lang);
    let teaser = if e.teaser.is_empty() {
        String::new()
    } else {
        format!(
            "<p class=\"teaser\" dir=\"auto\">{}</p>\n",
            escape(&e.teaser)
        )
    };
    Ok(format!(
        "<article class=\"item\">\n<h2 dir=\"auto\"><a href=\"{to}\">{title}</a></h2>\n\
         <p class=\"meta\">{time}</p>\n{teaser}\
         <p class=\"more\"><a href=\"{to}\" aria-label=\"{more}: {title}\">{more}</a></p>\n</article>\n",
        title = escape(&e.post.title),
        time = time(e.post.lang, e.date),
        more = w.continue_reading,
    ))
}

fn page(
    ctx: &SiteContext,
    lang: Lang,
    path: &RelPath,
    posts: &[&PostEntry],
    n: usize,
    pages: usize,
) -> Result<String> {
    let w = labels(lang);
    let mut main = format!("<h1>{}</h1>\n", w.listing_title);
    for e in posts {
        main.push_str(&item(path, e)?);
    }
    if pages > 1 {
        let _ = write!(
            main,
            "<nav class=\"pager\" aria-label=\"{}\">",
            w.pages_label
        );
        if n > 1 {
            let newer = href(path, &listing_page(lang, n - 1)?);
            let _ = write!(main, "<a rel=\"prev\" href=\"{newer}\">{}</a>", w.newer);
        }
        let _ = write!(main, "<span>{} {n} {} {pages}</span>", w.page, w.of);
        if n < pages {
            let older = href(path, &listing_page(lang, n + 1)?);
            let _ = write!(main, "<a rel=\"next\" href=\"{older}\">{}</a>", w.older);
        }
        main.push_str("</nav>\n");
    }
    let title = if n == 1 {
        format!("{} \u{b7} {}", w.listing_title, ctx.site_name)
    } else {
        format!(
            "{} ({} {n}) \u{b7} {}",
            w.listing_title, w.page, ctx.site_name
        )
    };
    let canonical = format!(
        "{}{}",
        ctx.base_url,
        if n == 1 {
            crate::export::urls::listing_path(lang).to_string()
        } else {
            format!("{}page/{n}/", crate::export::urls::listing_path(lang))
        }
    );
    Ok(document(
        &Head {
            lang,
            title: &title,
            description: &title,
            canonical: Some(&canonical),
            site_name: &ctx.site_name,
            root: &"../".repeat(path.depth()),
            nav: &nav(ctx, path)?,
        },
        &main,
    ))
}

fn home_page(ctx: &SiteContext, path: &RelPath) -> Result<String> {
    let mut main = format!("<h1>{}</h1>\n", escape(&ctx.site_name));
    for lang in Lang::ALL {
        let posts: Vec<&PostEntry> = ctx.posts.iter().filter(|p| p.post.lang == lang).collect();
        if posts.is_empty() {
            continue;
        }
        let w = labels(lang);
        let _ = writeln!(
            main,
            "<section lang=\"{lang}\">\n<h2>{}</h2>",
            w.listing_title
        );
        for e in posts.iter().take(ON_HOME) {
            main.push_str(&item(path, e)?);
        }
        let _ = writeln!(
            main,
            "<p><a href=\"{}\">{} ({})</a></p>\n</section>",
            href(path, &listing_page(lang, 1)?),
            w.all_posts,
            posts.len()
        );
    }
    let lang = if ctx.posts.iter().any(|p| p.post.lang == Lang::En) {
        Lang::En
    } else {
        Lang::Fr
    };
    Ok(document(
        &Head {
            lang,
            title: &ctx.site_name,
            description: &ctx.site_name,
            canonical: Some(&format!("{}/", ctx.base_url)),
            site_name: &ctx.site_name,
            root: "",
            nav: &nav(ctx, path)?,
        },
        &main,
    ))
}

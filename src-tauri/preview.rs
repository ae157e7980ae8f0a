//! The preview document: a post rendered by the one renderer and wrapped in a
//! minimal page. The app's preview frame and `postdesk render` both use it.

use crate::error::Result;
use crate::markdown::{self, RenderOptions, Rendered};
use crate::model::Post;
use crate::store::{Store, ASSET_SCHEME};
use crate::util::data_url::data_url;
use crate::util::html::escape;

/// Render a post's body with its images resolved to `data:` URLs, so the
/// result needs nothing but itself.
pub fn render_post(store: &Store, post: &Post) -> Result<Rendered> {
    let resolve = |url: &str| library_image_as_data_url(store, url);
    Ok(markdown::render(
        &post.body,
        &RenderOptions {
            resolve_asset: Some(&resolve),
            summary: &post.summary,
        },
    ))
}

/// An image in the library as a `data:` URL (`None` for anything else).
fn library_image_as_data_url(store: &Store, url: &str) -> Option<String> {
    if !url.starts_with(ASSET_SCHEME) {
        return None;
    }
    let asset = store.asset(url).ok()?;
    let data = store.asset_data(url).ok()?;
    Some(data_url(&asset.mime, &data))
}

/// A whole HTML document showing the post as the page will.
pub fn preview_document(store: &Store, post: &Post) -> Result<String> {
    let rendered = render_post(store, post)?;
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n<article>\n<h1>{title}</h1>\n{body}</article>\n</body>\n</html>\n",
        lang = post.lang,
        title = escape(&post.title),
        body = rendered.html,
    ))
}

/// The stylesheet of the preview page.
pub const PAGE_CSS: &str = r#"
:root { color-scheme: light dark; }
body { margin: 0; padding: 32px 40px 80px; font: 17px/1.6 Georgia, "DejaVu Serif", serif; color: #1d1d1f; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e8e8ea; background: #1c1c1e; } a { color: #8ec1ea; } }
article { max-width: 42em; margin: 0 auto; }
h1, h2, h3, h4 { font-family: system-ui, "DejaVu Sans", sans-serif; line-height: 1.25; }
h1 { font-size: 2em; margin: 0 0 .6em; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 4px 10px; }
td[align=right], th[align=right] { text-align: right; }
td[align=center], th[align=center] { text-align: center; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc; color: #555; }
pre { overflow-x: auto; background: rgba(127,127,127,.12); padding: 10px; }
code { font-size: .9em; }
.footnote-definition, .footnotes { font-size: .9em; }
"#;

/// The empty page the app's preview frame starts from; the app then fills
/// `#pd-title` and `#pd-body` with what [`crate::markdown::render`] returns.
pub fn preview_shell(lang: crate::model::Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<style>{PAGE_CSS}</style>\n</head>\n\
         <body>\n<article>\n<h1 id=\"pd-title\"></h1>\n<div id=\"pd-body\"></div>\n</article>\n</body>\n</html>\n"
    )
}

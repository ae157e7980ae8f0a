//! The preview document: a post rendered by the one renderer and wrapped in a
//! minimal page. The app's preview frame and `postdesk render` both use it.

use crate::error::Result;
use crate::markdown::{self, RenderOptions, Rendered};
use crate::model::Post;
use crate::store::{Store, ASSET_SCHEME};

/// Render a post's body with its images resolved to `data:` URLs, so the
/// result needs nothing but itself.
pub fn render_post(store: &Store, post: &Post) -> Result<Rendered> {
    let resolve = |url: &str| -> Option<String> {
        if !url.starts_with(ASSET_SCHEME) {
            return None;
        }
        let asset = store.asset(url).ok()?;
        let data = store.asset_data(url).ok()?;
        Some(format!("data:{};base64,{}", asset.mime, base64(&data)))
    };
    Ok(markdown::render(
        &post.body,
        &RenderOptions {
            resolve_asset: Some(&resolve),
            summary: &post.summary,
        },
    ))
}

/// A whole HTML document showing the post as the page will.
pub fn preview_document(store: &Store, post: &Post) -> Result<String> {
    let rendered = render_post(store, post)?;
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n</head>\n<body>\n<article>\n<h1>{title}</h1>\n{body}</article>\n</body>\n</html>\n",
        lang = post.lang,
        title = escape(&post.title),
        body = rendered.html,
    ))
}

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Standard base64 for data: URLs.
pub fn base64(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(data)
}

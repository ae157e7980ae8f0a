//! The one URL scheme every export shares, so a listing page, a feed, a
//! digest's "Continue reading" link and the exported page all agree:
//!
//! - English: `<base>/posts/<slug>/`
//! - French:  `<base>/fr/posts/<slug>/`
//!
//! `<base>` is the `site.base_url` setting without a trailing slash.

use crate::model::{Lang, Post};

/// The path of a post on the site, from the site root, with a trailing slash.
pub fn post_path(lang: Lang, slug: &str) -> String {
    match lang {
        Lang::En => format!("/posts/{slug}/"),
        Lang::Fr => format!("/fr/posts/{slug}/"),
    }
}

/// The absolute URL of a post on the site.
pub fn post_url(base_url: &str, post: &Post) -> String {
    format!(
        "{}{}",
        base_url.trim_end_matches('/'),
        post_path(post.lang, &post.slug)
    )
}

/// The path of a language's listing page (its first page).
pub fn listing_path(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "/posts/",
        Lang::Fr => "/fr/posts/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_language() {
        assert_eq!(post_path(Lang::En, "budget"), "/posts/budget/");
        assert_eq!(post_path(Lang::Fr, "budget"), "/fr/posts/budget/");
    }
}

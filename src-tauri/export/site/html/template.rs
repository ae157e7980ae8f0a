//! The page shell of the standalone HTML export, the words it uses in each
//! language, and dates written the way each language writes them. Every
//! piece of text that comes from a post goes through [`escape`] here or in
//! the callers; only the renderer's sanitized HTML is inserted as is.

use chrono::{DateTime, Datelike, SecondsFormat, Utc};

use crate::model::Lang;
use crate::preview::escape;

/// The stylesheet, inlined in every page so each page stands alone.
const CSS: &str = include_str!("style.css");

/// The interface words of one language.
pub(crate) struct Words {
    pub listing_title: &'static str,
    pub continue_reading: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub page: &'static str,
    pub of: &'static str,
    pub all_posts: &'static str,
    pub other_language: &'static str,
    /// A colon as the language writes it (French puts a space before it).
    pub colon: &'static str,
    pub tags: &'static str,
    pub pages_label: &'static str,
}

pub(crate) fn words(lang: Lang) -> &'static Words {
    const EN: Words = Words {
        listing_title: "Posts",
        continue_reading: "Continue reading",
        newer: "\u{2190} Newer posts",
        older: "Older posts \u{2192}",
        page: "Page",
        of: "of",
        all_posts: "All posts",
        other_language: "Read in English",
        colon: ": ",
        tags: "Tags",
        pages_label: "Pages",
    };
    const FR: Words = Words {
        listing_title: "Articles",
        continue_reading: "Lire la suite",
        newer: "\u{2190} Articles plus r\u{e9}cents",
        older: "Articles plus anciens \u{2192}",
        page: "Page",
        of: "sur",
        all_posts: "Tous les articles",
        other_language: "Lire en fran\u{e7}ais",
        colon: "\u{a0}: ",
        tags: "\u{c9}tiquettes",
        pages_label: "Pages",
    };
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// `5 March 2024`, `1er mars 2024`.
pub(crate) fn long_date(lang: Lang, t: DateTime<Utc>) -> String {
    let month = crate::export::dates::month_name(lang, t.month0());
    match lang {
        Lang::En => format!("{} {} {}", t.day(), month, t.year()),
        Lang::Fr if t.day() == 1 => format!("1er {} {}", month, t.year()),
        Lang::Fr => format!("{} {} {}", t.day(), month, t.year()),
    }
}

/// `<time datetime="…">…</time>`.
pub(crate) fn time(lang: Lang, t: DateTime<Utc>) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        t.to_rfc3339_opts(SecondsFormat::Secs, true),
        escape(&long_date(lang, t))
    )
}

/// What one page says about itself in its `<head>`.
pub(crate) struct Head<'a> {
    pub lang: Lang,
    /// Plain text; escaped here.
    pub title: &'a str,
    pub description: &'a str,
    pub canonical: Option<&'a str>,
    pub site_name: &'a str,
    /// `../` repeated to reach the export folder from this page.
    pub root: &'a str,
    /// Header navigation, already HTML.
    pub nav: &'a str,
}

/// A whole HTML document around `main` (already HTML).
pub(crate) fn document(head: &Head<'_>, main: &str) -> String {
    let canonical = head
        .canonical
        .map(|c| format!("<link rel=\"canonical\" href=\"{}\">\n", escape(c)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n\
         {canonical}<meta name=\"generator\" content=\"Postdesk\">\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <header class=\"site\"><a class=\"site-name\" href=\"{root}index.html\">{site}</a>{nav}</header>\n\
         <main>\n{main}</main>\n<footer class=\"site\"><p>{site}</p></footer>\n</body>\n</html>\n",
        lang = head.lang,
        title = escape(head.title),
        description = escape(head.description),
        root = head.root,
        site = escape(head.site_name),
        nav = head.nav,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_read_naturally() {
        let t = Utc.with_ymd_and_hms(2024, 3, 1, 9, 0, 0).unwrap();
        assert_eq!(long_date(Lang::En, t), "1 March 2024");
        assert_eq!(long_date(Lang::Fr, t), "1er mars 2024");
    }

    #[test]
    fn head_text_is_escaped() {
        let page = document(
            &Head {
                lang: Lang::En,
                title: "</title><script>x</script>",
                description: "\"><b>",
                canonical: Some("https://e.org/?a=1&b=\""),
                site_name: "A & B",
                root: "",
                nav: "",
            },
            "",
        );
        assert!(!page.contains("<script>"));
        assert!(page.contains("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"));
        assert!(page.contains("content=\"&quot;&gt;&lt;b&gt;\""));
        assert!(page.contains("A &amp; B"));
        assert!(page.contains("href=\"https://e.org/?a=1&amp;b=&quot;\""));
    }
}

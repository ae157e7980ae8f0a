//! The page shell of the standalone HTML export and its `<time>` element
//! (the words come from [`crate::labels`]). Every piece of text that comes
//! from a post goes through [`escape`] here or in the callers; only the
//! renderer's sanitized HTML is inserted as is.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::labels::labels;
use crate::model::Lang;
use crate::util::html::escape;

/// The stylesheet, inlined in every page so each page stands alone.
const CSS: &str = include_str!("style.css");

/// `<time datetime="…">…</time>`.
pub(crate) fn time(lang: Lang, t: DateTime<Utc>) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        t.to_rfc3339_opts(SecondsFormat::Secs, true),
        escape(&labels(lang).page_date(t.date_naive()))
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
    fn times_read_naturally() {
        let t = Utc.with_ymd_and_hms(2024, 3, 1, 9, 0, 0).unwrap();
        assert_eq!(
            time(Lang::Fr, t),
            "<time datetime=\"2024-03-01T09:00:00Z\">1er mars 2024</time>"
        );
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

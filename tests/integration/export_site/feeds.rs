//! RSS and Atom feeds read back by feed-rs.

use super::*;

#[test]
fn feeds_are_read_back_by_a_real_parser() {
    let s = sample();
    let store = s.lib.open();
    for lang in Lang::ALL {
        let mut expected: Vec<&Post> = s.published.iter().filter(|p| p.lang == lang).collect();
        expected.sort_by_key(|p| std::cmp::Reverse(p.publish_at));
        for format in [FeedFormat::Rss, FeedFormat::Atom] {
            let feed = site::feed(
                &store,
                &FeedOptions {
                    format,
                    lang,
                    site: SiteFormat::Hugo,
                },
            )
            .unwrap();
            let parsed = feed_rs::parser::parse(feed.xml.as_bytes())
                .unwrap_or_else(|e| panic!("{format:?} {lang}: {e}\n{}", feed.xml));
            assert_eq!(parsed.entries.len(), expected.len(), "{format:?} {lang}");
            for (entry, p) in parsed.entries.iter().zip(&expected) {
                let what = format!("{format:?} {lang} {}", p.slug);
                assert_eq!(
                    entry.title.as_ref().map(|t| t.content.trim()),
                    Some(p.title.as_str()),
                    "{what}"
                );
                assert_eq!(
                    entry.links.first().map(|l| l.href.as_str()),
                    Some(urls::post_url(BASE, p).as_str()),
                    "{what}"
                );
                assert_eq!(entry.published, p.publish_at, "{what}");
                assert_eq!(
                    entry.summary.as_ref().map(|t| t.content.trim()),
                    Some(teaser(p).as_str()),
                    "{what}"
                );
            }
        }
    }
    // Images in the content are absolute, where the Hugo export puts them.
    let parsed = english_rss(&store);
    let rich = parsed
        .entries
        .iter()
        .find(|e| e.links[0].href.ends_with(&format!("/{}/", s.rich.slug)))
        .unwrap();
    let content = rich.content.as_ref().and_then(|c| c.body.clone()).unwrap();
    assert!(
        content.contains(&format!("src=\"{BASE}/posts/{}/rally-photo-", s.rich.slug)),
        "{content}"
    );
    assert!(
        content.contains(&format!("href=\"{BASE}/posts/{}/\"", s.linked.slug)),
        "{content}"
    );
}

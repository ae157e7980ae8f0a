//! The standalone HTML export: pages, listings, pagination, relative links.

use super::*;

#[test]
fn html_export_has_pages_listings_and_working_relative_links() {
    let s = sample();
    let out = tempfile::tempdir().unwrap();
    let report = export(
        &s.lib.open(),
        SiteFormat::Html,
        out.path(),
        Selection::Published,
    );
    assert_eq!((report.posts, report.posts_written), (28, 28));
    assert_built_site_html(&s, out.path());

    let mut english: Vec<&Post> = s.published.iter().filter(|p| p.lang == Lang::En).collect();
    english.sort_by_key(|p| std::cmp::Reverse(p.publish_at));
    let page1 = fs::read_to_string(out.path().join("posts/index.html")).unwrap();
    let page2 = fs::read_to_string(out.path().join("posts/page/2/index.html")).unwrap();
    assert!(!out.path().join("posts/page/3").exists());
    assert_eq!(page1.matches("<article class=\"item\">").count(), 20);
    assert_eq!(page2.matches("<article class=\"item\">").count(), 2);
    assert_eq!(page1.matches(">Continue reading</a>").count(), 20);
    let order: Vec<usize> = english[..20]
        .iter()
        .map(|p| page1.find(&format!(">{}</a></h2>", p.title)).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "newest first");
    assert!(page1.contains(&markdown_escape(&teaser(english[0]))));
    assert!(
        page1.contains("rel=\"next\" href=\"../posts/page/2/index.html\""),
        "pager"
    );
    let fr = fs::read_to_string(out.path().join("fr/posts/index.html")).unwrap();
    assert_eq!(fr.matches(">Lire la suite</a>").count(), 6);
    assert!(!fr.contains("Continue reading"));
    let home = fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(
        home.contains("href=\"posts/index.html\"") && home.contains("href=\"fr/posts/index.html\"")
    );

    // Every relative link and image of every page leads to a file in the folder.
    for page in walk(out.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = fs::read_to_string(&page).unwrap();
        assert!(
            html.contains("<style>"),
            "CSS inlined in {}",
            page.display()
        );
        for url in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            if url.starts_with("https://") || url.starts_with('#') || url.starts_with("mailto:") {
                continue;
            }
            assert!(
                !url.starts_with('/'),
                "root-relative {url} in {}",
                page.display()
            );
            let target = resolve(out.path(), &page, &url);
            assert!(
                target.is_file(),
                "{url} in {} leads nowhere",
                page.display()
            );
        }
    }
}

fn markdown_escape(s: &str) -> String {
    postdesk::util::html::escape(s)
}

fn assert_built_site_html(s: &Sample, out: &Path) {
    for p in &s.published {
        let (_, html) = built_page(out, p);
        assert!(
            html.contains(&format!("<h1 dir=\"auto\">{}</h1>", p.title)),
            "{}",
            p.slug
        );
        assert!(html.contains(&phrase(p)));
    }
    let (_, html) = built_page(out, &s.rich);
    assert!(html.contains("<table>") && html.contains("Source council minutes"));
    assert!(html.contains(&format!(
        "href=\"../../posts/{}/index.html\"",
        s.linked.slug
    )));
    assert!(html.contains(&format!(
        "<a href=\"../../fr/posts/{}/index.html\" hreflang=\"fr\"",
        s.rich_fr.slug
    )));
    let img = attr_values(&html, "src")
        .into_iter()
        .find(|u| u.ends_with(".png"))
        .unwrap();
    assert_eq!(
        fs::read(out.join("posts").join(&s.rich.slug).join(img)).unwrap(),
        s.pixel
    );
    for d in &s.drafts {
        assert!(!out.join("posts").join(&d.slug).exists());
    }
}

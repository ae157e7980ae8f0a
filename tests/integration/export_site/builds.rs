//! Hugo and Jekyll: the export built by the real tools, every post checked
//! at the shared URL scheme.

use super::*;

/// The checks shared by the Hugo and Jekyll builds.
fn assert_built_site(s: &Sample, out: &Path) {
    for p in &s.published {
        let (path, html) = built_page(out, p);
        assert!(
            html.contains(&format!("<title>{}</title>", p.title)),
            "title of {}",
            p.slug
        );
        assert!(
            html.contains(&phrase(p)),
            "body of {} in {}",
            p.slug,
            path.display()
        );
        if p.body.contains("](asset:") {
            let imgs: Vec<String> = attr_values(&html, "src")
                .into_iter()
                .filter(|u| u.ends_with(".png"))
                .collect();
            assert!(!imgs.is_empty(), "no image in {}", path.display());
            for src in imgs {
                let file = resolve(out, &path, &src);
                let bytes = fs::read(&file)
                    .unwrap_or_else(|e| panic!("{src} from {}: {e}", path.display()));
                assert!(
                    bytes.starts_with(b"\x89PNG"),
                    "{} is not the PNG",
                    file.display()
                );
            }
        }
    }
    for d in &s.drafts {
        assert!(
            !out.join("posts").join(&d.slug).exists(),
            "draft {} was built",
            d.slug
        );
    }
    let (path, html) = built_page(out, &s.rich);
    assert!(html.contains("<table"), "table in {}", path.display());
    assert!(
        html.contains("Source council minutes"),
        "footnote in {}",
        path.display()
    );
    let hrefs = attr_values(&html, "href");
    for target in [&s.linked, &s.linked_fr] {
        let link = urls::post_path(target.lang, &target.slug);
        assert!(
            hrefs.contains(&link),
            "link to {link} in {}: {hrefs:?}",
            path.display()
        );
        assert!(
            resolve(out, &path, &link).is_file(),
            "{link} does not lead to a page"
        );
    }
}

#[test]
fn hugo_builds_every_post_at_the_shared_url() {
    let s = sample();
    let site = tempfile::tempdir().unwrap();
    let report = export(
        &s.lib.open(),
        SiteFormat::Hugo,
        site.path(),
        Selection::Published,
    );
    assert_eq!(report.posts, s.published.len());
    assert!(site
        .path()
        .join("content/posts")
        .join(&s.rich.slug)
        .join("index.md")
        .is_file());
    assert!(site
        .path()
        .join("content/posts")
        .join(&s.rich_fr.slug)
        .join("index.fr.md")
        .is_file());
    let md = fs::read_to_string(
        site.path()
            .join("content/posts")
            .join(&s.rich.slug)
            .join("index.md"),
    )
    .unwrap();
    let fm: serde_yaml::Value = serde_yaml::from_str(md.split("---\n").nth(1).unwrap()).unwrap();
    let fm_fr: serde_yaml::Value = serde_yaml::from_str(
        fs::read_to_string(
            site.path()
                .join("content/posts")
                .join(&s.rich_fr.slug)
                .join("index.fr.md"),
        )
        .unwrap()
        .split("---\n")
        .nth(1)
        .unwrap(),
    )
    .unwrap();
    assert_eq!(fm["title"].as_str(), Some("Budget vote results"));
    assert_eq!(
        fm["summary"].as_str(),
        Some("The budget passed after a long night.")
    );
    assert_eq!(fm["draft"].as_bool(), Some(false));
    assert_eq!(fm["slug"].as_str(), Some(s.rich.slug.as_str()));
    assert_eq!(
        fm["translationKey"], fm_fr["translationKey"],
        "translations share a key"
    );
    assert!(fm["images"][0]
        .as_str()
        .unwrap()
        .starts_with(&format!("/posts/{}/rally-photo-", s.rich.slug)));

    let public = hugo_build(site.path());
    assert_built_site(&s, &public);
    // Hugo linked the translations through translationKey.
    let (_, html) = built_page(&public, &s.rich);
    assert!(
        html.contains(&format!("href=\"/fr/posts/{}/\"", s.rich_fr.slug)),
        "{html}"
    );
}

#[test]
fn jekyll_builds_every_post_at_the_shared_url() {
    let s = sample();
    let site = tempfile::tempdir().unwrap();
    export(
        &s.lib.open(),
        SiteFormat::Jekyll,
        site.path(),
        Selection::Published,
    );
    let name = format!("2024-02-10-{}.md", s.rich.slug);
    let bytes = fs::read(site.path().join("_posts").join(&name)).unwrap();
    assert!(!bytes.starts_with(b"\xef\xbb\xbf"), "no byte-order mark");
    let text = String::from_utf8(bytes).unwrap();
    let fm: serde_yaml::Value = serde_yaml::from_str(text.split("---\n").nth(1).unwrap()).unwrap();
    assert_eq!(fm["date"].as_str(), Some("2024-02-10 10:00:00 +0000"));
    assert_eq!(
        fm["permalink"].as_str(),
        Some(urls::post_path(Lang::En, &s.rich.slug).as_str())
    );
    assert_eq!(
        fm["excerpt"].as_str(),
        Some("The budget passed after a long night.")
    );
    assert_eq!(fm["layout"].as_str(), Some("post"));
    assert_eq!(fm["lang"].as_str(), Some("en"));
    assert!(
        text.contains(&format!("](/assets/images/{}/rally-photo-", s.rich.slug)),
        "{text}"
    );
    assert!(site
        .path()
        .join("_posts/fr")
        .join(format!("2024-02-11-{}.md", s.rich_fr.slug))
        .is_file());

    let built = jekyll_build(site.path());
    assert_built_site(&s, &built);
}

//! Over 100 hostile titles (fixtures/export_site/hostile-titles.json) against
//! every format: names stay portable and inside the folder, front matter
//! stays valid YAML for serde_yaml, Hugo and Jekyll, HTML stays escaped.

use super::*;

/// The hostile titles (JSON, so NUL bytes, controls and RTL marks are exact).
fn hostile_titles() -> Vec<String> {
    let json = fs::read_to_string(fixture("hostile-titles.json")).unwrap();
    serde_json::from_str(&json).unwrap()
}

fn hostile_library() -> (Library, Vec<Post>) {
    let lib = Library::new();
    let mut store = lib.open();
    let png = fs::read(fixture("pixel.png")).unwrap();
    let mut posts = Vec::new();
    for (i, title) in hostile_titles().iter().enumerate() {
        let asset = store
            .add_asset(&format!("../../{title}.png"), &png)
            .unwrap();
        let lang = if i % 4 == 3 { Lang::Fr } else { Lang::En };
        let new = NewPost {
            slug: Some(title.clone()),
            tags: vec![title.clone()],
            summary: title.clone(),
            ..new_post(
                title,
                lang,
                Status::Published,
                day(i as i64),
                format!("Hostile body {i}.\n\n![{title}]({})\n", asset.reference),
            )
        };
        match store.create_post(new) {
            Ok(p) => posts.push(p),
            Err(e) => assert!(
                title.trim().is_empty()
                    || title
                        .trim_matches(|c: char| c.is_control())
                        .trim()
                        .is_empty(),
                "{title:?} refused: {e}"
            ),
        }
    }
    assert!(posts.len() >= 100, "{} hostile posts", posts.len());
    (lib, posts)
}

/// A name Windows, macOS and Linux all accept, and that cannot climb out.
fn assert_portable(rel: &Path) {
    let s = rel
        .to_str()
        .unwrap_or_else(|| panic!("{} is not UTF-8", rel.display()));
    assert!(s.len() < 240, "{s} is too long");
    for c in rel.components() {
        let std::path::Component::Normal(name) = c else {
            panic!("{s} has a {c:?} component")
        };
        let name = name.to_str().unwrap();
        assert!(name.len() <= 255 && !name.is_empty(), "{s}");
        if name == MANIFEST_NAME {
            continue;
        }
        assert!(
            name.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b)),
            "{s}"
        );
        assert!(
            !name.starts_with('.') && !name.ends_with('.') && !name.ends_with(' '),
            "{s}"
        );
        let stem = name.split('.').next().unwrap().to_ascii_lowercase();
        let reserved = ["con", "prn", "aux", "nul"].contains(&stem.as_str())
            || ((stem.starts_with("com") || stem.starts_with("lpt"))
                && stem.len() == 4
                && stem.as_bytes()[3].is_ascii_digit());
        assert!(!reserved, "{s} is a Windows device name");
    }
}

#[test]
fn hostile_titles_write_only_portable_names_inside_the_folder() {
    let (lib, posts) = hostile_library();
    let store = lib.open();
    let tmp = tempfile::tempdir().unwrap();
    let canary = tmp.path().join("canary");
    fs::create_dir(&canary).unwrap();
    for format in [SiteFormat::Hugo, SiteFormat::Jekyll, SiteFormat::Html] {
        let out = tmp
            .path()
            .join(format!("{format:?}").to_lowercase())
            .join("site");
        let report = export(&store, format, &out, Selection::Published);
        assert_eq!(report.posts, posts.len());
        for path in walk(&out) {
            assert!(fs::canonicalize(&path)
                .unwrap()
                .starts_with(fs::canonicalize(&out).unwrap()));
            assert_portable(path.strip_prefix(&out).unwrap());
        }
        if format == SiteFormat::Html {
            for p in &posts {
                let (_, html) = built_page(&out, p);
                let title = postdesk::util::html::escape(&p.title);
                assert!(
                    html.contains(&format!("<h1 dir=\"auto\">{title}</h1>")),
                    "{:?}",
                    p.title
                );
                assert!(!html.contains("<script>alert"), "{:?}", p.title);
            }
        }
        let mds: Vec<PathBuf> = walk(&out)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        if format != SiteFormat::Html {
            assert_eq!(mds.len(), posts.len());
            let mut titles: Vec<String> = mds
                .iter()
                .map(|m| front_matter(m)["title"].as_str().unwrap().to_string())
                .collect();
            let mut want: Vec<String> = posts.iter().map(|p| p.title.clone()).collect();
            titles.sort();
            want.sort();
            assert_eq!(titles, want, "{format:?} front matter keeps every title");
        }
    }
    let mut top: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    top.sort();
    assert_eq!(
        top,
        ["canary", "html", "hugo", "jekyll"],
        "nothing beside the export folders"
    );
    assert_eq!(fs::read_dir(&canary).unwrap().count(), 0);
}

#[test]
fn hostile_titles_survive_the_real_hugo_and_jekyll() {
    let (lib, posts) = hostile_library();
    let store = lib.open();
    let hugo_site = tempfile::tempdir().unwrap();
    export(
        &store,
        SiteFormat::Hugo,
        hugo_site.path(),
        Selection::Published,
    );
    let public = hugo_build(hugo_site.path());
    let jekyll_site = tempfile::tempdir().unwrap();
    export(
        &store,
        SiteFormat::Jekyll,
        jekyll_site.path(),
        Selection::Published,
    );
    let built = jekyll_build(jekyll_site.path());
    for out in [public, built] {
        for p in &posts {
            let (path, html) = built_page(&out, p);
            let start = html.find("<title>").unwrap() + "<title>".len();
            let end = html.find("</title>").unwrap();
            assert_eq!(
                unescape_html(&html[start..end]),
                p.title,
                "{}",
                path.display()
            );
            assert!(html.contains("Hostile body"), "{}", path.display());
        }
    }
}

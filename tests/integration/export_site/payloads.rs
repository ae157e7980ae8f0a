//! Hostile post content (issue #9): raw HTML, event handlers, `javascript:`,
//! `data:` and network-path URLs, kramdown attribute lists and extensions,
//! Liquid, Hugo heading attributes and shortcodes, newsletter merge tags and
//! a hostile teaser, exported to Hugo, Jekyll and standalone HTML and built
//! by the real `hugo` and `jekyll`. The built pages hold no script element,
//! no event-handler attribute and no `javascript:` address, still show every
//! ordinary word of the post, and the export report names the post.
//! Also: a manifest that came with a copied folder authorizes nothing.

use super::*;

/// One paragraph per payload class; each carries an ordinary word that must
/// still be on the built page.
const BODY: &str = r#"Intro words alpha1.

<script>alert('s1')</script>

<div onclick="alert('d1')">Block words bravo2 <img src="x.png" onerror="alert('i1')"></div>

Inline charlie3 <span onmouseover="alert('m1')">hover</span> <a href="javascript:alert('a1')">jslink delta4</a> <a href='//evil.example/x'>netpath</a>.

[click echo5](javascript:alert('l1')) and [data foxtrot6](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and [share golf7](//evil.example/x) and [unc hotel8](\\\\evil\\share) and ![img india9](javascript:alert('g1'))

Para juliet10
{: onmouseover="alert('k1')"}

*kilo11*{: onclick="alert('k2')"}

{::nomarkdown}<script>alert('k3')</script>{:/} lima12

Liquid mike13 {% include x.html %} {{ site.title }} {% raw %}{% endraw %}{%- endraw -%}<script>alert('q1')</script> end

# Heading november14 {#h1 onclick="alert('h1')" .c}

Hugo {{< youtube x >}} oscar15 {{% x %}}

Merge *|EMAIL|* {{ subscriber.email }} papa16 {% if x %}y{% endif %}

[mail quebec17](mailto:a@example.org?attach=/etc/passwd&subject=Hi)

<javascript:alert('auto')> romeo18

Reference [sierra19][evil]

[evil]: javascript:alert('ref')

```
{: code stays} tango20 <b> {{ site.title }} {% include missing.html %} {{< youtube x >}}
```
"#;

const WORDS: &[&str] = &[
    "alpha1",
    "bravo2",
    "charlie3",
    "hover",
    "delta4",
    "netpath",
    "echo5",
    "foxtrot6",
    "golf7",
    "hotel8",
    "india9",
    "juliet10",
    "kilo11",
    "lima12",
    "mike13",
    "november14",
    "oscar15",
    "papa16",
    "quebec17",
    "romeo18",
    "sierra19",
    "tango20",
];

const TEASER: &str =
    "<img src=x onerror=alert(1)> {{ site.x }} {% include x %} *em* [l](javascript:alert(2))";

fn payload_library() -> (Library, Post) {
    let lib = Library::new();
    let mut store = lib.open();
    postdesk::library_settings::set(&mut store, "site.base_url", BASE).unwrap();
    let post = store
        .create_post(NewPost {
            summary: TEASER.into(),
            ..new_post("Payloads", Lang::En, Status::Published, day(1), BODY.into())
        })
        .unwrap();
    (lib, post)
}

/// Every tag of a page: its lower-case name and attributes (name, value).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if rest.is_empty() || rest.starts_with('>') {
                break;
            }
            let n = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>')
                .unwrap_or(rest.len());
            let attr = rest[..n].to_ascii_lowercase();
            rest = &rest[n..];
            let mut value = String::new();
            if let Some(v) = rest.strip_prefix('=') {
                let (val, after) = match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = v[1..].find(q).map_or(v.len(), |e| e + 1);
                        (&v[1..end], v.get(end + 1..).unwrap_or_default())
                    }
                    _ => {
                        let end = v
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap_or(v.len());
                        (&v[..end], &v[end..])
                    }
                };
                value = unescape_html(val);
                rest = after;
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

fn assert_inert(html: &str, what: &str) {
    for (name, attrs) in tags(html) {
        assert_ne!(name, "script", "script element in {what}");
        for (attr, value) in attrs {
            assert!(
                !attr.starts_with("on"),
                "event handler {attr} on <{name}> in {what}"
            );
            if [
                "href",
                "src",
                "action",
                "formaction",
                "srcset",
                "poster",
                "data",
                "xlink:href",
            ]
            .contains(&attr.as_str())
            {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for bad in ["javascript:", "data:text", "//evil", "\\\\evil", "attach="] {
                    assert!(!v.contains(bad), "{attr}={value} on <{name}> in {what}");
                }
            }
        }
    }
}

fn assert_words(html: &str, what: &str) {
    for w in WORDS {
        assert!(html.contains(w), "{w} is missing from {what}");
    }
}

/// The text of the first `<p class="{class}">…</p>`, decoded.
fn paragraph(html: &str, class: &str) -> String {
    let open = format!("<p class=\"{class}\">");
    let start = html.find(&open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = start + html[start..].find("</p>").unwrap();
    unescape_html(&html[start..end])
}

fn assert_reported(report: &ExportReport) {
    let w = report
        .warnings
        .iter()
        .map(ToString::to_string)
        .find(|w| w.contains("\u{201c}Payloads\u{201d}: removed"))
        .unwrap_or_else(|| panic!("no warning names the post: {:?}", report.warnings));
    for what in [
        "HTML",
        "link address",
        "image address",
        "mail link",
        "heading attributes",
    ] {
        assert!(w.contains(what), "{what} not in {w}");
    }
}

#[test]
fn hostile_content_is_inert_on_the_built_hugo_site() {
    let (lib, post) = payload_library();
    let site = tempfile::tempdir().unwrap();
    let report = export(
        &lib.open(),
        SiteFormat::Hugo,
        site.path(),
        Selection::Published,
    );
    assert_reported(&report);
    let public = hugo_build(site.path());
    let (_, html) = built_page(&public, &post);
    assert_inert(&html, "the Hugo page");
    assert_words(&html, "the Hugo page");
    assert!(!html.contains("youtube.com"), "the shortcode ran");
    assert!(
        html.contains("{{&lt; youtube x &gt;}}") || html.contains("{{< youtube x >}}"),
        "{html}"
    );
    assert_eq!(
        paragraph(&html, "summary"),
        TEASER,
        "the summary shows as text"
    );
}

#[test]
fn hostile_content_is_inert_on_the_built_jekyll_site() {
    let (lib, post) = payload_library();
    let site = tempfile::tempdir().unwrap();
    let report = export(
        &lib.open(),
        SiteFormat::Jekyll,
        site.path(),
        Selection::Published,
    );
    assert_reported(&report);
    let md = fs::read_to_string(site.path().join("_posts/2024-01-02-payloads.md")).unwrap();
    assert!(!md.contains("render_with_liquid"), "{md}");
    let built = jekyll_build(site.path());
    let (_, html) = built_page(&built, &post);
    assert_inert(&html, "the Jekyll page");
    assert_words(&html, "the Jekyll page");
    // Liquid did not run: the text is there as written.
    assert!(
        html.contains("{% include x.html %} {{ site.title }}"),
        "{html}"
    );
    assert!(html.contains("{{ subscriber.email }}"), "{html}");
    assert!(
        !html.contains("Postdesk test site"),
        "site.title was expanded"
    );
    assert!(
        html.contains(
            "{: code stays} tango20 &lt;b&gt; {{ site.title }} {% include missing.html %}"
        ),
        "code block as written: {html}"
    );
    assert_eq!(
        paragraph(&html, "excerpt"),
        TEASER,
        "the excerpt shows as text"
    );
}

#[test]
fn hostile_content_is_inert_in_the_html_export_and_the_feed() {
    let (lib, post) = payload_library();
    let store = lib.open();
    let out = tempfile::tempdir().unwrap();
    export(&store, SiteFormat::Html, out.path(), Selection::Published);
    for page in walk(out.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = fs::read_to_string(&page).unwrap();
        assert_inert(&html, &page.display().to_string());
    }
    let (_, html) = built_page(out.path(), &post);
    assert_words(&html, "the HTML export");
    let listing = fs::read_to_string(out.path().join("posts/index.html")).unwrap();
    assert_eq!(paragraph(&listing, "teaser\" dir=\"auto"), TEASER);

    let parsed = english_rss(&store);
    let description = &parsed.entries[0].summary.as_ref().unwrap().content;
    assert!(
        !description.contains('<'),
        "RSS readers read it as HTML: {description}"
    );
    assert_eq!(unescape_html(description), TEASER);
    let content = parsed.entries[0]
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .unwrap();
    assert_inert(&content, "the feed's content");
}

/// An id that is not this library's.
const OTHER_LIBRARY: &str = "0123456789abcdef0123456789abcdef";

#[test]
fn a_manifest_from_elsewhere_authorizes_nothing() {
    let (lib, post) = payload_library();
    let store = lib.open();
    let tmp = tempfile::tempdir().unwrap();
    let site_dir = tmp.path().join("cloned");
    // A cloned site: a file of its own at the path of the post, and another
    // file, both listed (with their real hashes) in a manifest it brought.
    let page = site_dir
        .join("content/posts")
        .join(&post.slug)
        .join("index.md");
    fs::create_dir_all(page.parent().unwrap()).unwrap();
    fs::write(site_dir.join("hugo.toml"), "their config").unwrap();
    let sha = |b: &[u8]| -> String {
        use sha2::{Digest, Sha256};
        Sha256::digest(b)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    for library in [Some(OTHER_LIBRARY), None] {
        fs::write(&page, "their page").unwrap();
        let mut manifest = serde_json::json!({
            "version": 1,
            "files": {
                format!("content/posts/{}/index.md", post.slug):
                    { "sha256": sha(b"their page"), "format": "hugo" },
                "hugo.toml": { "sha256": sha(b"their config"), "format": "hugo" },
            },
            "dirs": ["content"],
        });
        if let Some(id) = library {
            manifest["library"] = id.into();
        }
        fs::write(site_dir.join(MANIFEST_NAME), manifest.to_string()).unwrap();
        let mut opts = SiteOptions {
            format: SiteFormat::Hugo,
            out_dir: site_dir.clone(),
            selection: Selection::Published,
            force: false,
        };
        let err = site::export_site(&store, &opts, &mut no_progress()).unwrap_err();
        assert!(
            err.to_string().contains("was not written by Postdesk"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&page).unwrap(), "their page");
        // Forced, the page is overwritten as asked, but what the export does
        // not produce is never removed on the manifest's word.
        opts.force = true;
        let report = site::export_site(&store, &opts, &mut no_progress()).unwrap();
        assert!(report
            .warnings
            .iter()
            .any(|w| w.to_string().contains("not written by this library")));
        assert!(report.removed.is_empty(), "{:?}", report.removed);
        assert_eq!(
            fs::read_to_string(site_dir.join("hugo.toml")).unwrap(),
            "their config"
        );
        let ours: serde_json::Value =
            serde_json::from_slice(&fs::read(site_dir.join(MANIFEST_NAME)).unwrap()).unwrap();
        assert_eq!(
            ours["library"].as_str(),
            Some(store.library_id().unwrap().as_str())
        );
        assert!(ours["files"].get("hugo.toml").is_none());
    }
    // This library's own manifest is believed: the next export is quiet.
    let report = export(&store, SiteFormat::Hugo, &site_dir, Selection::Published);
    assert!(!report
        .warnings
        .iter()
        .any(|w| w.to_string().contains("not written by this library")));
}

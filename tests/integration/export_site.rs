//! Site exports: a library of 30 posts (English and French, images, a table,
//! footnotes, links between posts) exported as Hugo, Jekyll and standalone
//! HTML, then built by the real `hugo` and `jekyll`; feeds read back by a
//! real feed parser; hostile titles, links and foreign files; hostile post
//! content (payloads); incremental re-exports; and the CLI.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, TimeZone, Utc};
use postdesk::export::site::{
    self, ExportReport, FeedFormat, FeedOptions, Selection, SiteFormat, SiteOptions, MANIFEST_NAME,
};
use postdesk::export::urls;
use postdesk::markdown::{self, RenderOptions};
use postdesk::model::{Lang, NewPost, Post, PostPatch, Status};
use postdesk::store::{EditKind, Store};

use crate::common::{cli, ok, stderr, stdout, Library};
use crate::support::copy_dir;

mod builds;
mod cli;
mod disk;
mod feeds;
mod hostile;
mod html;
mod payloads;
mod scheduled;

const BASE: &str = "https://example.org";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export_site")
        .join(name)
}

fn no_progress() -> impl FnMut(usize, usize, &site::Step<'_>) {
    |_, _, _| {}
}

/// The sample library: 22 English and 6 French published posts, 2 drafts.
struct Sample {
    lib: Library,
    published: Vec<Post>,
    drafts: Vec<Post>,
    /// The post with a table, a footnote, an image and links to other posts.
    rich: Post,
    /// The post `rich` links to.
    linked: Post,
    /// The French translation of `rich`.
    rich_fr: Post,
    /// The French post `rich` links to.
    linked_fr: Post,
    pixel: Vec<u8>,
}

fn day(n: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 1, 10, 0, 0).unwrap() + Duration::days(n)
}

fn new_post(title: &str, lang: Lang, status: Status, date: DateTime<Utc>, body: String) -> NewPost {
    NewPost {
        title: title.into(),
        body,
        lang,
        status,
        publish_at: Some(date),
        tags: vec!["campaign".into()],
        ..NewPost::default()
    }
}

/// The published English post "Campaign update number {i}", dated `day(i)`.
fn campaign_update(store: &mut Store, i: i64, body: String) -> Post {
    let p = new_post(
        &format!("Campaign update number {i}"),
        Lang::En,
        Status::Published,
        day(i),
        body,
    );
    store.create_post(p).unwrap()
}

fn sample() -> Sample {
    let lib = Library::new();
    let mut store = lib.open();
    postdesk::library_settings::set(&mut store, "site.base_url", BASE).unwrap();
    postdesk::library_settings::set(&mut store, "site.name", "Test Coalition").unwrap();
    let pixel = fs::read(fixture("pixel.png")).unwrap();
    let red = store
        .add_asset("Rally photo.png", &pixel)
        .unwrap()
        .reference;
    let green = store
        .add_asset("chart.png", &fs::read(fixture("green.png")).unwrap())
        .unwrap()
        .reference;
    let mut published = Vec::new();
    for i in 0..19 {
        let image = if i % 3 == 0 {
            format!("\n\n![Rally {i}]({red})")
        } else {
            String::new()
        };
        let body = format!("Unique phrase en{i} zebra about the campaign.{image}\n\nMore words.\n");
        published.push(campaign_update(&mut store, i, body));
    }
    let linked = published[1].clone();
    let fr_target = store
        .create_post(new_post(
            "Mise à jour numéro 0",
            Lang::Fr,
            Status::Published,
            day(30),
            format!("Phrase unique fr0 zèbre.\n\n![Graphique]({green})\n"),
        ))
        .unwrap();
    let rich_body = format!(
        "Unique phrase rich zebra with a footnote.[^src]\n\n\
         ![Rally]({red})\n\n\
         | Ward | Votes |\n|:-----|------:|\n| North | 120 |\n| South | 95 |\n\n\
         See [the earlier update]({}) and [en français]({}).\n\n\
         [^src]: Source council minutes.\n",
        urls::post_path(Lang::En, &linked.slug),
        urls::post_path(Lang::Fr, &fr_target.slug),
    );
    let rich = store
        .create_post(NewPost {
            summary: "The budget passed after a long night.".into(),
            ..new_post(
                "Budget vote results",
                Lang::En,
                Status::Published,
                day(40),
                rich_body,
            )
        })
        .unwrap();
    let rich_fr = store
        .create_post(NewPost {
            translation_of: Some(rich.id),
            ..new_post(
                "Résultats du vote sur le budget",
                Lang::Fr,
                Status::Published,
                day(41),
                format!("Phrase unique richfr zèbre.\n\n![Rassemblement]({red})\n"),
            )
        })
        .unwrap();
    published.push(fr_target.clone());
    published.push(rich.clone());
    published.push(rich_fr.clone());
    for i in 1..5 {
        let p = new_post(
            &format!("Mise à jour numéro {i}"),
            Lang::Fr,
            Status::Published,
            day(30 + i),
            format!("Phrase unique fr{i} zèbre.\n"),
        );
        published.push(store.create_post(p).unwrap());
    }
    for i in 20..22 {
        published.push(campaign_update(
            &mut store,
            i,
            format!("Unique phrase en{i} zebra.\n"),
        ));
    }
    let drafts = (0..2)
        .map(|i| {
            let p = new_post(
                &format!("Unfinished draft {i}"),
                Lang::En,
                Status::Draft,
                day(50 + i),
                format!("Secret draft words {i}.\n"),
            );
            store.create_post(p).unwrap()
        })
        .collect();
    Sample {
        lib,
        published,
        drafts,
        rich,
        linked,
        rich_fr,
        linked_fr: fr_target,
        pixel,
    }
}

fn export(store: &Store, format: SiteFormat, out: &Path, selection: Selection) -> ExportReport {
    site::export_site(
        store,
        &SiteOptions {
            format,
            out_dir: out.to_path_buf(),
            selection,
            force: false,
        },
        &mut no_progress(),
    )
    .unwrap_or_else(|e| panic!("{format:?} export failed: {e}"))
}

fn teaser(p: &Post) -> String {
    markdown::render(
        &p.body,
        &RenderOptions {
            resolve_asset: None,
            summary: &p.summary,
        },
    )
    .teaser
}

/// The phrase that identifies each post's body.
fn phrase(p: &Post) -> String {
    p.body
        .split(" zebra")
        .next()
        .unwrap()
        .split(" zèbre")
        .next()
        .unwrap()
        .to_string()
}

// ---------------------------------------------------------------- tools

/// The real tool, or a failure that says how to get it (never a skip).
fn require(tool: &str) {
    // `hugo version`, `jekyll --version`.
    let version = if tool == "hugo" {
        "version"
    } else {
        "--version"
    };
    let found = Command::new(tool)
        .arg(version)
        .output()
        .map(|o| o.status.success());
    assert!(
        matches!(found, Ok(true)),
        "`{tool}` is not installed, and this test builds the exported site with it: run scripts/test.sh, which installs hugo and jekyll"
    );
}

/// Build a Hugo site in place; returns its output folder.
fn hugo_build(site: &Path) -> PathBuf {
    hugo_build_with(site, "public", &[])
}

/// Build a Hugo site in place into `site/<dest>` with extra flags.
fn hugo_build_with(site: &Path, dest: &str, flags: &[&str]) -> PathBuf {
    require("hugo");
    copy_dir(&fixture("hugo"), site).expect("copy the Hugo fixture");
    let public = site.join(dest);
    let o = Command::new("hugo")
        .args(flags)
        .arg("--source")
        .arg(site)
        .arg("--destination")
        .arg(&public)
        .arg("--quiet")
        .env("HUGO_CACHEDIR", site.join(".hugo-cache"))
        .output()
        .expect("run hugo");
    assert!(
        o.status.success(),
        "hugo failed:\n{}\n{}",
        stdout(&o),
        stderr(&o)
    );
    public
}

/// Build a Jekyll site in place; returns its output folder.
fn jekyll_build(site: &Path) -> PathBuf {
    jekyll_build_with(site, "_site", &[])
}

/// Build a Jekyll site in place into `site/<dest>` with extra flags.
fn jekyll_build_with(site: &Path, dest: &str, flags: &[&str]) -> PathBuf {
    require("jekyll");
    copy_dir(&fixture("jekyll"), site).expect("copy the Jekyll fixture");
    let dest = site.join(dest);
    let o = Command::new("jekyll")
        .arg("build")
        .args(flags)
        .arg("--safe")
        .arg("--quiet")
        .arg("--source")
        .arg(site)
        .arg("--destination")
        .arg(&dest)
        .output()
        .expect("run jekyll");
    assert!(
        o.status.success(),
        "jekyll failed:\n{}\n{}",
        stdout(&o),
        stderr(&o)
    );
    dest
}

/// The built page of a post at the shared URL scheme.
fn built_page(out: &Path, p: &Post) -> (PathBuf, String) {
    let path = out
        .join(urls::post_path(p.lang, &p.slug).trim_start_matches('/'))
        .join("index.html");
    let html = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "\u{201c}{}\u{201d} is not at {}: {e}",
            p.title,
            path.display()
        )
    });
    (path, html)
}

/// Every value of `attr="…"` in an HTML page.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| rest[..end].replace("&amp;", "&"))
        })
        .collect()
}

/// Resolve a link found in the page at `page` (a file under `root`) to a file.
fn resolve(root: &Path, page: &Path, url: &str) -> PathBuf {
    let url = url.split(['#', '?']).next().unwrap();
    let mut p = if let Some(abs) = url.strip_prefix('/') {
        root.join(abs)
    } else {
        page.parent().unwrap().join(url)
    };
    if url.is_empty() || url.ends_with('/') {
        p = p.join("index.html");
    }
    p
}

fn unescape_html(s: &str) -> String {
    postdesk::util::html::unescape(s)
}

/// The English RSS feed of `store`, as a feed reader parses it.
fn english_rss(store: &Store) -> feed_rs::model::Feed {
    let rss = site::feed(
        store,
        &FeedOptions {
            format: FeedFormat::Rss,
            lang: Lang::En,
            site: SiteFormat::Hugo,
        },
    )
    .expect("the RSS feed");
    feed_rs::parser::parse(rss.xml.as_bytes()).expect("the RSS feed parses")
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        out.push(path.clone());
        if fs::symlink_metadata(&path).unwrap().is_dir() {
            out.extend(walk(&path));
        }
    }
    out
}

fn front_matter(path: &Path) -> serde_yaml::Value {
    let text = fs::read_to_string(path).unwrap();
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
        .map(|(y, _)| y);
    serde_yaml::from_str(yaml.unwrap_or_else(|| panic!("no front matter in {}", path.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

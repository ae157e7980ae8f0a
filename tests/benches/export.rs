//! Site export benchmark: 1,000 posts exported as Hugo page bundles, timed
//! against the real `hugo` building those same posts, in the same run, so
//! the figure that matters is the ratio (how much of "publish" is Postdesk).
//!
//! `cargo bench --no-default-features --bench export`
//!
//! Prints, as medians of a few runs: the first export into an empty folder,
//! a re-export with nothing changed (incremental: compares bytes, writes
//! nothing), the `hugo` build, and export/hugo. Without `--bench` (as under
//! `cargo test --benches`) it runs once on 50 posts, as a smoke test.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use postdesk::export::site::{export_site, plan_site, Selection, SiteFormat, SiteOptions};
use postdesk::model::{Lang, NewPost, Status};
use postdesk::store::Store;

#[path = "../support/mod.rs"]
mod support;
use support::{copy_dir, words, Rng, CAMPAIGN_WORDS as WORDS};

fn main() -> ExitCode {
    let full = std::env::args().any(|a| a == "--bench");
    let (posts, runs) = if full { (1_000, 5) } else { (50, 1) };
    match run(posts, runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("export bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(posts: usize, runs: usize) -> Result<(), String> {
    let store = library(posts).map_err(|e| e.to_string())?;
    let mut exports = Vec::new();
    let mut plans = Vec::new();
    let mut reexports = Vec::new();
    let mut builds = Vec::new();
    for _ in 0..runs {
        let site = tempfile::tempdir().map_err(|e| e.to_string())?;
        let opts = SiteOptions {
            format: SiteFormat::Hugo,
            out_dir: site.path().to_path_buf(),
            selection: Selection::Published,
            force: false,
        };
        let t = Instant::now();
        let plan = plan_site(&store, &opts, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
        plans.push(t.elapsed());
        let report = plan
            .execute(false, &mut |_, _, _| {})
            .map_err(|e| e.to_string())?;
        exports.push(t.elapsed());
        if report.posts != posts {
            return Err(format!("exported {} posts, expected {posts}", report.posts));
        }
        let t = Instant::now();
        let again = export_site(&store, &opts, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
        reexports.push(t.elapsed());
        if !again.written.is_empty() {
            return Err(format!("the re-export wrote {} files", again.written.len()));
        }
        builds.push(hugo(site.path())?);
    }
    let (export, reexport, build) = (median(exports), median(reexports), median(builds));
    println!("Hugo export of {posts} posts (median of {runs}):");
    println!("  postdesk export (empty folder):   {:>9.1} ms", ms(export));
    println!(
        "    of which load, render, check:   {:>9.1} ms",
        ms(median(plans))
    );
    println!(
        "  postdesk re-export (no change):   {:>9.1} ms",
        ms(reexport)
    );
    println!("  hugo build of the export:         {:>9.1} ms", ms(build));
    println!(
        "  ratio export / hugo build:        {:>9.2}",
        export.as_secs_f64() / build.as_secs_f64()
    );
    Ok(())
}

/// A library of `n` published posts, alternately English and French-ish,
/// with tables, footnotes, links to the previous post and images.
fn library(n: usize) -> postdesk::Result<Store> {
    let mut store = Store::open_in_memory()?;
    let images: Vec<String> = (0..5u8)
        .map(|i| {
            store
                .add_asset(&format!("photo {i}.png"), &png(i))
                .map(|a| a.reference)
        })
        .collect::<postdesk::Result<_>>()?;
    let mut previous: Option<(Lang, String)> = None;
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for i in 0..n {
        let lang = if i % 5 == 4 { Lang::Fr } else { Lang::En };
        let mut body = String::new();
        for p in 0..6 {
            body.push_str(&words(&mut rng, 60));
            body.push_str(if p == 1 { ".[^1]\n\n" } else { ".\n\n" });
        }
        body.push_str("| Ward | Votes |\n|---|--:|\n| North | 120 |\n| South | 95 |\n\n");
        if i % 3 == 0 {
            body.push_str(&format!("![Photo]({})\n\n", images[i % images.len()]));
        }
        if let Some((l, slug)) = &previous {
            body.push_str(&format!(
                "See [the previous post]({}).\n\n",
                postdesk::export::urls::post_path(*l, slug)
            ));
        }
        body.push_str("[^1]: From the council minutes.\n");
        let post = store.create_post(NewPost {
            title: format!("Campaign update {i}: the {} vote", WORDS[i % WORDS.len()]),
            body,
            lang,
            status: Status::Published,
            tags: vec!["campaign".into(), WORDS[i % 7].into()],
            publish_at: Utc
                .timestamp_opt(1_700_000_000 + i as i64 * 3_600, 0)
                .single(),
            ..NewPost::default()
        })?;
        previous = Some((post.lang, post.slug));
    }
    Ok(store)
}

/// A tiny valid PNG, a different colour for each `i`.
fn png(i: u8) -> Vec<u8> {
    let base = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export_site/pixel.png"),
    )
    .unwrap_or_default();
    // Appending bytes after IEND keeps it a PNG and changes its hash.
    let mut data = base;
    data.extend_from_slice(&[i; 4]);
    data
}

/// Build the site with the real hugo, using the test fixtures' config and layouts.
fn hugo(site: &Path) -> Result<Duration, String> {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export_site/hugo");
    copy_dir(&fixture, site).map_err(|e| format!("copying the Hugo config: {e}"))?;
    let t = Instant::now();
    let out = Command::new("hugo")
        .arg("--source")
        .arg(site)
        .arg("--destination")
        .arg(site.join("public"))
        .arg("--quiet")
        .env("HUGO_CACHEDIR", site.join(".hugo-cache"))
        .output()
        .map_err(|e| format!("could not run hugo ({e}); run scripts/test.sh, which installs it"))?;
    let took = t.elapsed();
    if !out.status.success() {
        return Err(format!(
            "hugo failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(took)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

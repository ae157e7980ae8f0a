//! Newsletter digest benchmark: a 10-item digest built in full (HTML with
//! inlined styles, plain text, `.eml`), against the same run's baseline of
//! just `markdown::render` on the same 10 posts, so the figure reads as a
//! ratio whatever the machine's load. A digest renders every post once (for
//! its teaser), so the ratio is what the email layer adds on top.
//!
//! `cargo bench --no-default-features --bench digest`

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::Criterion;
use postdesk::export::email::{digest_email, Digest, EmailOptions};
use postdesk::markdown::{render, RenderOptions};
use postdesk::model::{Lang, NewPost, Post, Status};
use postdesk::store::Store;

const ITEMS: usize = 10;

/// Realistic bodies: the test fixtures, each repeated to about 600 words.
const BODIES: [&str; 5] = [
    include_str!("../fixtures/export_email/crossing.md"),
    include_str!("../fixtures/export_email/plowing.md"),
    include_str!("../fixtures/export_email/report.md"),
    include_str!("../fixtures/export_email/town-hall.md"),
    include_str!("../fixtures/export_email/evenement.md"),
];
const INTRO: &str = include_str!("../fixtures/export_email/intro.md");

fn setup() -> (Store, Vec<Post>) {
    let mut store = Store::open_in_memory().expect("store");
    let posts = (0..ITEMS)
        .map(|i| {
            store
                .create_post(NewPost {
                    title: format!("Campaign update number {i}: what changed this month"),
                    body: BODIES[i % BODIES.len()].repeat(4),
                    lang: Lang::En,
                    status: Status::Published,
                    ..NewPost::default()
                })
                .expect("post")
        })
        .collect();
    (store, posts)
}

fn build(store: &Store, digest: &Digest, options: &EmailOptions) -> usize {
    let parts = digest_email(store, digest, options).expect("digest");
    let eml = parts
        .to_eml(Utc.timestamp_opt(0, 0).single().unwrap_or_default())
        .expect("eml");
    parts.html.len() + parts.text.len() + eml.len()
}

fn render_all(posts: &[Post]) -> usize {
    posts
        .iter()
        .map(|p| {
            render(
                &p.body,
                &RenderOptions {
                    resolve_asset: None,
                    summary: &p.summary,
                },
            )
            .html
            .len()
        })
        .sum()
}

/// Mean time of `f` over about a second, for the printed ratio.
fn mean(mut f: impl FnMut() -> usize) -> Duration {
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(1) || runs < 5 {
        black_box(f());
        runs += 1;
    }
    start.elapsed() / runs
}

fn main() {
    let (store, posts) = setup();
    let options = EmailOptions::load(&store).expect("options");
    let digest = Digest {
        posts: posts.clone(),
        intro: INTRO.to_string(),
        subject: None,
        lang: None,
        date: NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default(),
    };

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("digest");
    group.bench_function("10 items: html + text + eml", |b| {
        b.iter(|| build(&store, black_box(&digest), &options))
    });
    group.bench_function("baseline: markdown::render x10", |b| {
        b.iter(|| render_all(black_box(&posts)))
    });
    group.finish();
    c.final_summary();

    let full = mean(|| build(&store, &digest, &options));
    let base = mean(|| render_all(&posts));
    println!(
        "digest of {ITEMS}: {full:.2?} per build; render x{ITEMS}: {base:.2?}; ratio {:.1}x",
        full.as_secs_f64() / base.as_secs_f64().max(f64::EPSILON)
    );
}

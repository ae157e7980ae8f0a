//! Full-text search over 10,000 posts (about 3 million words).
//!
//! Baseline in the same run: a naive case-insensitive substring scan over the
//! same 10,000 bodies held in memory, so the figures read as ratios whatever
//! the machine's load.

use criterion::{criterion_group, criterion_main, Criterion};
use postdesk::model::{Lang, NewPost, Status};
use postdesk::store::Store;

#[path = "../support/mod.rs"]
mod support;
use support::{paragraphs, words, Rng};

const POSTS: usize = 10_000;

fn library() -> (Store, Vec<String>) {
    let mut store = Store::open_in_memory().expect("store");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut bodies = Vec::with_capacity(POSTS);
    for i in 0..POSTS {
        // A few rare words so some queries are selective.
        let mut body = paragraphs(&mut rng, 300, 40);
        if i % 500 == 0 {
            body.push_str(" Montréal moratorium");
        }
        store
            .create_post(NewPost {
                title: format!("{} {}", words(&mut rng, 5), i),
                body: body.clone(),
                lang: if i % 4 == 0 { Lang::Fr } else { Lang::En },
                status: Status::Published,
                ..NewPost::default()
            })
            .expect("create");
        bodies.push(body.to_lowercase());
    }
    (store, bodies)
}

/// Sorted milliseconds of 200 runs of `f`.
fn timed(mut f: impl FnMut()) -> Vec<f64> {
    let mut times: Vec<f64> = (0..200)
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

fn at(times: &[f64], q: f64) -> f64 {
    times[((times.len() - 1) as f64 * q).round() as usize]
}

/// p50/p95/max of 200 searches for a word in every post, top 20 with
/// snippets (the target: p95 ≤ 10 ms), and as ratios against two
/// baselines timed in the same run: a search for a rare word (20 posts
/// match) and a substring scan of the 10,000 bodies held in memory for the
/// first 20 holding the word.
fn print_p95(store: &Store, bodies: &[String]) {
    let every_post = "the";
    assert!(store.search(every_post, 20).expect("search").len() == 20);
    let times = timed(|| {
        std::hint::black_box(store.search(every_post, 20).expect("search"));
    });
    let rare = timed(|| {
        std::hint::black_box(store.search("moratorium", 20).expect("search"));
    });
    let scan = timed(|| {
        std::hint::black_box(
            bodies
                .iter()
                .filter(|b| b.contains(" the "))
                .take(20)
                .count(),
        );
    });
    eprintln!(
        "search_10k_posts/word_in_every_post_top_20: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; \
         p50 / rare-word search p50 = {:.2}; p50 / substring scan for 20 posts p50 = {:.1}",
        at(&times, 0.5),
        at(&times, 0.95),
        times[times.len() - 1],
        at(&times, 0.5) / at(&rare, 0.5),
        at(&times, 0.5) / at(&scan, 0.5),
    );
}

fn bench(c: &mut Criterion) {
    let (store, bodies) = library();
    let mut g = c.benchmark_group("search_10k_posts");
    g.sample_size(20);
    print_p95(&store, &bodies);
    for (name, q) in [
        ("rare_word", "moratorium"),
        ("common_word", "crossing"),
        ("accent_folded", "securite"),
        ("prefix_as_you_type", "montr"),
        ("phrase", "\"school street\""),
    ] {
        g.bench_function(name, |b| b.iter(|| store.search(q, 50).expect("search")));
    }
    g.bench_function("baseline_substring_scan", |b| {
        b.iter(|| {
            bodies
                .iter()
                .enumerate()
                .filter(|(_, body)| body.contains("moratorium"))
                .take(50)
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

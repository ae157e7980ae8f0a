//! Team sync of a 10,000-post library through a bare repository on local
//! disk, side by side with plain `git fetch` + `git merge` of the same
//! repository in the same run (a working clone kept beside it):
//! - first connect: publishing the library, and a new teammate importing it
//!   (baseline: a fresh `git fetch` + `git merge` of the whole repository);
//! - a sync with nothing to do (target ≤ 0.3 s);
//! - a sync bringing in 20 teammates' changes (target ≤ 2 s).
//!
//! `cargo bench --no-default-features --bench sync`; `POSTDESK_BENCH_POSTS`
//! and `POSTDESK_SIM_ROUNDS` change the size. The longer seeded simulation
//! runs through the integration test with `POSTDESK_SIM_ROUNDS` set.

use std::path::Path;
use std::time::{Duration, Instant};

use postdesk::library_settings;
use postdesk::model::{NewPost, PostPatch, Status};
use postdesk::store::{EditKind, Store};
use postdesk::sync::{self, SyncOptions};

#[path = "../support/mod.rs"]
mod support;
use support::{git, paragraphs, words, Rng};

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn laptop(path: &Path, name: &str) -> Store {
    let mut s = Store::open(path).expect("library");
    library_settings::set(&mut s, "author.name", name).expect("name");
    library_settings::set(&mut s, "author.email", &format!("{name}@example.org")).expect("email");
    s
}

fn row(what: &str, postdesk: Duration, git: Duration, target: &str) {
    println!(
        "{what:<44} {:>9.3} s {:>9.3} s   {target}",
        postdesk.as_secs_f64(),
        git.as_secs_f64()
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` lists benches; nothing to list here.
    }
    let posts: usize = std::env::var("POSTDESK_BENCH_POSTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    git(root, &["init", "-q", "--bare", "-b", "main", "remote.git"]);
    let url = root.join("remote.git").to_string_lossy().into_owned();

    let mut ana = laptop(&root.join("ana/library.sqlite"), "ana");
    let mut rng = Rng(0x5EED_0010);
    let (_, fill) = timed(|| {
        for i in 0..posts {
            ana.create_post(NewPost {
                title: format!("{} {i}", words(&mut rng, 5)),
                body: paragraphs(&mut rng, 450, 60),
                status: Status::Published,
                tags: vec![words(&mut rng, 1)],
                ..NewPost::default()
            })
            .expect("create");
        }
    });
    println!(
        "library of {posts} posts filled in {:.1} s\n",
        fill.as_secs_f64()
    );
    println!("{:<44} {:>11} {:>11}   target", "", "Postdesk", "git");

    let (r, publish) = timed(|| sync::connect(&mut ana, &url, None).expect("connect"));
    assert_eq!(r.pushed as usize, posts);
    let work = root.join("work");
    std::fs::create_dir_all(&work).expect("work");
    let (_, clone) = timed(|| {
        git(&work, &["init", "-q", "-b", "main"]);
        git(&work, &["fetch", "-q", &url, "main"]);
        git(&work, &["merge", "-q", "FETCH_HEAD"]);
    });
    row("first connect: publish the library", publish, clone, "");
    let mut ben = laptop(&root.join("ben/library.sqlite"), "ben");
    let (r, import) = timed(|| sync::connect(&mut ben, &url, None).expect("connect"));
    assert_eq!(r.received as usize, posts);
    row("first connect: a teammate imports it", import, clone, "");

    let quiet: Vec<Duration> = (0..9)
        .map(|_| timed(|| sync::sync_now(&mut ben, &SyncOptions::default()).expect("sync")).1)
        .collect();
    let quiet_git: Vec<Duration> = (0..9)
        .map(|_| {
            timed(|| {
                git(&work, &["fetch", "-q", &url, "main"]);
                git(&work, &["merge", "-q", "FETCH_HEAD"]);
            })
            .1
        })
        .collect();
    row(
        "sync with nothing to do (median of 9)",
        median(quiet),
        median(quiet_git),
        "≤ 0.3 s",
    );

    let ids: Vec<i64> = ana
        .all_posts()
        .expect("posts")
        .iter()
        .map(|p| p.id)
        .collect();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for round in 0..5 {
        for k in 0..20 {
            let id = ids[(round * 20 + k) * 37 % ids.len()];
            let body = ana.get_post(id).expect("post").body;
            ana.update_post(
                id,
                PostPatch {
                    body: Some(format!("{body}\n\nRound {round}: {}", words(&mut rng, 12))),
                    ..PostPatch::default()
                },
                EditKind::Save,
            )
            .expect("edit");
        }
        let r = sync::sync_now(&mut ana, &SyncOptions::default()).expect("ana shares");
        assert_eq!(r.pushed, 20);
        let (r, t) = timed(|| sync::sync_now(&mut ben, &SyncOptions::default()).expect("sync"));
        assert_eq!(r.received, 20);
        ours.push(t);
        theirs.push(
            timed(|| {
                git(&work, &["fetch", "-q", &url, "main"]);
                git(&work, &["merge", "-q", "FETCH_HEAD"]);
            })
            .1,
        );
    }
    row(
        "sync bringing 20 changes (median of 5)",
        median(ours),
        median(theirs),
        "≤ 2 s",
    );
}

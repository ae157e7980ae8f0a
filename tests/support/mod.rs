//! Helpers shared by every test and bench binary: a library in a temporary
//! folder, the post builder, a manual clock, copying a fixture folder, a
//! small deterministic RNG and a campaign vocabulary to generate text from.
//!
//! Each binary includes this file as a module (no new crate, no dependency
//! beyond the dev-dependencies), so it must compile for all of them:
//! `#[path = "../support/mod.rs"] mod support;` from `tests/<dir>/main.rs`,
//! `#[path = "support/mod.rs"] mod support;` from `tests/<name>.rs`, and
//! `#[path = "../support/mod.rs"] mod support;` from `tests/benches/`.
#![allow(dead_code)]

pub mod wordpress;

/// Run the system `git` in `dir` and return its stdout; panics with git's
/// message when it fails (test setup: a bare remote, a baseline clone).
pub fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use postdesk::model::{NewPost, Post};
use postdesk::store::Store;

/// A library file in its own temporary folder, removed when dropped.
pub struct Library {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Library {
    pub fn new() -> Library {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("library.sqlite");
        Library { dir, path }
    }

    pub fn open(&self) -> Store {
        Store::open(&self.path).expect("open library")
    }
}

/// A draft with this title and body (English, no tags).
pub fn post(store: &mut Store, title: &str, body: &str) -> Post {
    store
        .create_post(NewPost {
            title: title.into(),
            body: body.into(),
            ..NewPost::default()
        })
        .expect("create post")
}

/// Give the store a clock that reads `start` until the test moves it:
/// `*clock.lock().unwrap() = later;`.
pub fn manual_clock(store: &mut Store, start: DateTime<Utc>) -> Arc<Mutex<DateTime<Utc>>> {
    let now = Arc::new(Mutex::new(start));
    let shared = now.clone();
    store.set_clock(move || *shared.lock().expect("clock"));
    now
}

/// Copy the folder `from` into `to` (created if missing), recursively.
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// xorshift64*: small, deterministic for a seed, good enough for generated
/// text and kill times. Seeds must not be 0.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True one time in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// Words of the posts Postdesk is for, English and French, accents included
/// (search must fold them).
pub const CAMPAIGN_WORDS: &[&str] = &[
    "council",
    "budget",
    "crossing",
    "school",
    "street",
    "safety",
    "parents",
    "vote",
    "city",
    "report",
    "collision",
    "children",
    "petition",
    "neighbourhood",
    "transit",
    "bike",
    "lane",
    "sidewalk",
    "winter",
    "lighting",
    "housing",
    "members",
    "campaign",
    "public",
    "hearing",
    "plan",
    "événement",
    "sécurité",
    "école",
    "rue",
    "conseil",
    "traversée",
    "enfants",
    "quartier",
    "vélo",
    "hiver",
    "the",
    "and",
    "of",
    "to",
    "a",
    "in",
    "for",
    "on",
    "our",
    "with",
    "des",
    "les",
    "pour",
    "une",
    "dans",
];

/// `n` random campaign words separated by spaces.
pub fn words(rng: &mut Rng, n: usize) -> String {
    paragraphs(rng, n, usize::MAX)
}

/// `n` random campaign words, a paragraph break (".\n\n") every
/// `per_paragraph` words.
pub fn paragraphs(rng: &mut Rng, n: usize, per_paragraph: usize) -> String {
    let mut s = String::with_capacity(n * 8);
    for i in 0..n {
        if i > 0 {
            s.push_str(if i % per_paragraph == 0 { ".\n\n" } else { " " });
        }
        s.push_str(rng.pick(CAMPAIGN_WORDS));
    }
    s
}

/// `text` with `n` footnotes cited through it (`[^src-i]`) and as many
/// reference links (`[ref-i]`, with a title), all defined at the end, as
/// the "myths and facts" explainers do. Citations go at the end of
/// paragraphs spread evenly through the text, never after a heading, table,
/// list, code fence, image or quote (where they would change its block).
pub fn with_footnotes(text: &str, n: usize) -> String {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let step = (paragraphs.len() / n.max(1)).max(1);
    let mut out = String::with_capacity(text.len() + n * 120);
    let (mut cited, mut due) = (0, 0);
    for (i, p) in paragraphs.iter().enumerate() {
        out.push_str(p);
        if i % step == step - 1 {
            due += 1;
        }
        if due > 0 && cited < n && !p.starts_with(['#', '|', '-', '`', '!', '>']) {
            due -= 1;
            cited += 1;
            out.push_str(&format!(" See [the study][ref-{cited}].[^src-{cited}]"));
        }
        out.push_str("\n\n");
    }
    for i in 1..=cited {
        out.push_str(&format!(
            "[^src-{i}]: Source {i}, *Annual report*, p. {i}.\n\n"
        ));
    }
    for i in 1..=cited {
        out.push_str(&format!(
            "[ref-{i}]: https://example.org/study/{i} \"Study {i}\"\n"
        ));
    }
    out
}

//! The seeded, reproducible 5-laptop simulation: random edits (paragraphs,
//! tags, status, slug renames, trash/restore, French twins, images, new
//! posts with colliding slugs) with syncs in random order and syncs stopped mid-way.
//! After every round all laptops settle (conflicts resolved at random, syncs
//! until quiet) and the invariants are checked:
//! - every body edit reported saved is in the final shared state, or was
//!   shown in a conflict, or was deliberately replaced by someone who saw it;
//! - all laptops hold the same library;
//! - no committed file holds conflict markers;
//! - every earlier synced commit is an ancestor of the final one.
//!
//! `POSTDESK_SIM_ROUNDS` / `POSTDESK_SIM_STEPS` / `POSTDESK_SIM_SEED` run it longer.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use postdesk::model::{ListFilter, PostPatch, Status};
use postdesk::store::EditKind;
use postdesk::sync::format::SharedPost;
use postdesk::sync::{self, CrashPoint, SyncOptions, Take};

use super::{Laptop, TeamRepo};
use crate::support::Rng;

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Figures {
    pub operations: u64,
    pub syncs: u64,
    pub stopped_syncs: u64,
    pub conflicts_shown: u64,
    pub edits_saved: u64,
    pub edits_lost: u64,
}

fn markers(text: &str) -> Vec<String> {
    text.split('⟦')
        .skip(1)
        .filter_map(|s| s.split_once('⟧').map(|(m, _)| m.to_string()))
        .collect()
}

struct Sim {
    team: TeamRepo,
    laptops: Vec<Laptop>,
    rng: Rng,
    next: u64,
    saved: BTreeSet<String>,
    excused: BTreeSet<String>,
    heads: BTreeSet<String>,
    f: Figures,
}

impl Sim {
    fn marker(&mut self, laptop: usize) -> String {
        self.next += 1;
        let m = format!("L{laptop}E{}", self.next);
        self.saved.insert(m.clone());
        self.f.edits_saved += 1;
        format!("⟦{m}⟧ {}", crate::support::words(&mut self.rng, 4))
    }

    fn live_ids(&self, i: usize, trashed: bool) -> Vec<i64> {
        let filter = ListFilter {
            trashed,
            ..ListFilter::default()
        };
        self.laptops[i]
            .store
            .list_posts(&filter)
            .expect("list")
            .iter()
            .map(|p| p.id)
            .collect()
    }

    fn step(&mut self, i: usize) {
        let live = self.live_ids(i, false);
        let pick = |rng: &mut Rng, ids: &[i64]| ids.get(rng.below(ids.len().max(1))).copied();
        let op = self.rng.below(100);
        self.f.operations += 1;
        let Some(id) = pick(&mut self.rng, &live) else {
            let body = self.marker(i);
            self.laptops[i].new_post("Hello", &body);
            return;
        };
        let post = self.laptops[i].store.get_post(id).expect("post");
        let store_patch = |sim: &mut Sim, patch: PostPatch| {
            let _ = sim.laptops[i]
                .store
                .update_post(id, patch, EditKind::Autosave);
        };
        match op {
            0..=34 => {
                // Rewrite one paragraph: whatever markers it held were seen and replaced.
                let mut paras: Vec<String> = post.body.split("\n\n").map(String::from).collect();
                let k = self.rng.below(paras.len());
                self.excused.extend(markers(&paras[k]));
                paras[k] = self.marker(i);
                store_patch(
                    self,
                    PostPatch {
                        body: Some(paras.join("\n\n")),
                        ..PostPatch::default()
                    },
                );
            }
            35..=49 => {
                let mut paras: Vec<String> = post.body.split("\n\n").map(String::from).collect();
                let k = self.rng.below(paras.len() + 1);
                let m = self.marker(i);
                paras.insert(k, m);
                store_patch(
                    self,
                    PostPatch {
                        body: Some(paras.join("\n\n")),
                        ..PostPatch::default()
                    },
                );
            }
            50..=59 => {
                let tag = self
                    .rng
                    .pick(&["appeal", "events", "news", "policy"])
                    .to_string();
                let mut tags = post.tags.clone();
                if tags.contains(&tag) {
                    tags.retain(|t| *t != tag);
                } else {
                    tags.push(tag);
                }
                store_patch(
                    self,
                    PostPatch {
                        tags: Some(tags),
                        ..PostPatch::default()
                    },
                );
            }
            60..=67 => {
                let st = Status::ALL[self.rng.below(Status::ALL.len())];
                store_patch(
                    self,
                    PostPatch {
                        status: Some(st),
                        ..PostPatch::default()
                    },
                );
            }
            68..=73 => {
                let slug = self
                    .rng
                    .pick(&["gala", "spring-news", "hello", "update"])
                    .to_string();
                store_patch(
                    self,
                    PostPatch {
                        slug: Some(slug),
                        ..PostPatch::default()
                    },
                );
            }
            74..=79 => {
                self.excused.extend(markers(&post.body));
                let _ = self.laptops[i].store.trash_post(id);
            }
            80..=84 => {
                let trashed = self.live_ids(i, true);
                if let Some(t) = pick(&mut self.rng, &trashed) {
                    let _ = self.laptops[i].store.restore_post(t);
                }
            }
            85..=87 => {
                let _ = self.laptops[i].store.create_translation(id);
            }
            88..=89 => {
                // An image (unique bytes) in a new paragraph.
                let mut bytes = crate::assets::PNG.to_vec();
                bytes.extend(self.rng.next().to_le_bytes());
                let a = self.laptops[i]
                    .store
                    .add_asset("photo.png", &bytes)
                    .expect("image");
                let m = self.marker(i);
                let body = format!("{}\n\n{m} ![photo]({})", post.body, a.reference);
                store_patch(
                    self,
                    PostPatch {
                        body: Some(body),
                        ..PostPatch::default()
                    },
                );
            }
            _ => {
                let title = self.rng.pick(&["Hello", "Update", "Gala"]).to_string();
                let body = self.marker(i);
                self.laptops[i].new_post(&title, &body);
            }
        }
    }

    fn sync(&mut self, i: usize, crash: Option<CrashPoint>) {
        self.f.syncs += 1;
        let opts = SyncOptions {
            crash_at: crash,
            ..SyncOptions::default()
        };
        match sync::sync_now(&mut self.laptops[i].store, &opts) {
            Ok(r) => {
                if let Some(c) = r.commit {
                    self.heads.insert(c);
                }
            }
            Err(e) if crash.is_some() => {
                self.f.stopped_syncs += 1;
                assert_eq!(e.code(), "invalid", "{e}");
            }
            Err(e) => panic!("laptop {i}: {e}"),
        }
    }

    /// Resolve every conflict at random and sync until nothing moves.
    fn settle(&mut self) {
        for _pass in 0..12 {
            let mut any = false;
            for i in 0..self.laptops.len() {
                for c in sync::conflicts(&self.laptops[i].store).expect("conflicts") {
                    any = true;
                    self.f.conflicts_shown += 1;
                    for item in &c.items {
                        self.excused.extend(markers(&item.mine));
                        self.excused.extend(markers(&item.theirs));
                    }
                    let take = [Take::Mine, Take::Theirs, Take::Both][self.rng.below(3)];
                    sync::resolve(&mut self.laptops[i].store, &c.uid, take).expect("resolve");
                }
                self.sync(i, None);
            }
            let quiet = (0..self.laptops.len()).all(|i| {
                sync::status(&self.laptops[i].store)
                    .expect("status")
                    .unshared
                    == 0
            });
            if !any && quiet && self.converged().is_ok() {
                return;
            }
        }
        panic!("the laptops did not settle: {:?}", self.converged().err());
    }

    fn library(&self, i: usize) -> BTreeMap<String, SharedPost> {
        self.library_of(&self.laptops[i])
    }

    fn library_of(&self, laptop: &Laptop) -> BTreeMap<String, SharedPost> {
        let filter = ListFilter::default();
        let store = &laptop.store;
        store
            .list_posts(&filter)
            .expect("list")
            .iter()
            .filter_map(|p| {
                let uid = store.get_post(p.id).expect("post").uid;
                let l = store.sync_local(&uid).expect("local")?;
                SharedPost::from_local(&l.post, l.twin_uid).map(|s| (uid, s))
            })
            .collect()
    }

    fn converged(&self) -> Result<(), String> {
        let first = self.library(0);
        for i in 1..self.laptops.len() {
            let other = self.library(i);
            if other != first {
                let differ: Vec<&String> = first
                    .keys()
                    .chain(other.keys())
                    .filter(|k| first.get(*k) != other.get(*k))
                    .collect();
                return Err(format!("laptop {i} differs from laptop 0 on {differ:?}"));
            }
        }
        Ok(())
    }

    fn check(&mut self) {
        self.converged().expect("all laptops converge");
        for l in &self.laptops {
            for p in self.library_of(l).values() {
                for (i, _) in p.body.match_indices("asset:") {
                    let r = &p.body[i..i + 22];
                    assert!(l.store.asset(r).is_ok(), "{} lacks the image {r}", l.name);
                }
            }
        }
        let text: String = self.library(0).values().map(|p| p.body.clone()).collect();
        let present: BTreeSet<String> = markers(&text).into_iter().collect();
        let lost: Vec<&String> = self
            .saved
            .iter()
            .filter(|m| !present.contains(*m) && !self.excused.contains(*m))
            .collect();
        self.f.edits_lost = lost.len() as u64;
        assert!(lost.is_empty(), "edits lost silently: {lost:?}");
        let log = super::git(&self.team.remote, &["log", "-p", "--format=", "main"]);
        assert!(
            !log.lines()
                .any(|l| l.starts_with("+<<<<<<<") || l.starts_with("+>>>>>>>")),
            "a conflict marker was committed"
        );
        for h in &self.heads {
            let ok = Command::new("git")
                .args(["merge-base", "--is-ancestor", h, "main"])
                .current_dir(&self.team.remote)
                .status()
                .expect("git")
                .success();
            assert!(ok, "{h} is no longer in the history");
        }
    }
}

/// Run the simulation; returns its figures.
pub fn run(seed: u64, rounds: usize, steps: usize) -> Figures {
    let team = TeamRepo::new();
    let mut first = team.joined("laptop0");
    for t in ["Gala", "Spring appeal", "Annual report"] {
        first.new_post(
            t,
            "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.",
        );
    }
    first.sync();
    let mut laptops = vec![first];
    for n in 1..5 {
        laptops.push(team.joined(&format!("laptop{n}")));
    }
    let mut sim = Sim {
        team,
        laptops,
        rng: Rng(seed),
        next: 0,
        saved: BTreeSet::new(),
        excused: BTreeSet::new(),
        heads: BTreeSet::new(),
        f: Figures::default(),
    };
    for _ in 0..rounds {
        for _ in 0..steps {
            let i = sim.rng.below(5);
            if sim.rng.one_in(4) {
                let crash = sim
                    .rng
                    .one_in(5)
                    .then(|| CrashPoint::ALL[sim.rng.below(CrashPoint::ALL.len())]);
                sim.sync(i, crash);
            } else {
                sim.step(i);
            }
        }
        sim.settle();
        sim.check();
    }
    sim.f
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn five_laptops_converge_and_lose_no_edit() {
    let seed = env("POSTDESK_SIM_SEED", 0x5eed_2026);
    let f = run(
        seed,
        env("POSTDESK_SIM_ROUNDS", 3) as usize,
        env("POSTDESK_SIM_STEPS", 40) as usize,
    );
    println!("simulation seed {seed:#x}: {f:?}");
    assert_eq!(f.edits_lost, 0);
    assert!(
        f.conflicts_shown > 0 || f.operations < 100,
        "the run made no conflict: {f:?}"
    );
}

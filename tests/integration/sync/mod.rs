//! Team sync (issue #10) on this machine, no network: a bare repository on
//! local disk is the remote, each `Laptop` is a library file of its own.
//! `merge` pins the merge rules, `rules` drives whole syncs (every rule of
//! the issue), `failures` (refused key, offline remote, refused push,
//! damaged file), `crash` kills syncs, `migration`
//! upgrades a version-3 library, `simulation` runs the seeded 5-laptop test,
//! `staged` writes the edits a window close writes.

mod crash;
mod failures;
mod merge;
mod migration;
mod rules;
pub mod simulation;
mod staged;

use std::path::PathBuf;

use postdesk::library_settings;
use postdesk::model::{NewPost, Post, PostPatch};
use postdesk::store::{EditKind, Store};
use postdesk::sync::{self, SyncOptions, SyncReport};

pub use crate::support::git;

/// A team: a temporary folder holding the bare remote and the laptops' libraries.
pub struct TeamRepo {
    pub dir: tempfile::TempDir,
    pub remote: PathBuf,
}

impl TeamRepo {
    pub fn new() -> TeamRepo {
        let dir = tempfile::tempdir().expect("temp dir");
        let remote = dir.path().join("remote.git");
        git(
            dir.path(),
            &["init", "-q", "--bare", "-b", "main", "remote.git"],
        );
        TeamRepo { dir, remote }
    }

    pub fn url(&self) -> String {
        self.remote.to_string_lossy().into_owned()
    }

    /// A laptop with an empty library, not connected yet.
    pub fn laptop(&self, name: &str) -> Laptop {
        let path = self.dir.path().join(name).join("library.sqlite");
        let mut store = Store::open(&path).expect("open library");
        library_settings::set(&mut store, "author.name", name).expect("name");
        library_settings::set(&mut store, "author.email", &format!("{name}@example.org"))
            .expect("email");
        Laptop {
            name: name.into(),
            path,
            store,
        }
    }

    /// A laptop connected to the team repository.
    pub fn joined(&self, name: &str) -> Laptop {
        let mut l = self.laptop(name);
        sync::connect(&mut l.store, &self.url(), None).expect("connect");
        l
    }

    /// Ana writes "Gala" ("One.\n\nTwo.") and syncs; Ben joins and receives
    /// it. Returns both laptops and the post's uid.
    pub fn ana_shares_gala_with_ben(&self) -> (Laptop, Laptop, String) {
        let mut ana = self.joined("ana");
        let uid = ana.new_post("Gala", "One.\n\nTwo.").uid;
        ana.sync();
        let ben = self.joined("ben");
        (ana, ben, uid)
    }

    /// Every file of every commit on `main`, as text (for marker checks).
    pub fn all_committed_texts(&self) -> Vec<String> {
        let log = git(&self.remote, &["log", "--format=%H", "main"]);
        let mut texts = Vec::new();
        for commit in log.lines() {
            let files = git(&self.remote, &["ls-tree", "-r", "--name-only", commit]);
            for f in files.lines() {
                texts.push(git(&self.remote, &["show", &format!("{commit}:{f}")]));
            }
        }
        texts
    }

    pub fn head(&self) -> String {
        git(&self.remote, &["rev-parse", "main"]).trim().to_string()
    }
}

pub struct Laptop {
    pub name: String,
    pub path: PathBuf,
    pub store: Store,
}

impl Laptop {
    pub fn sync(&mut self) -> SyncReport {
        sync::sync_now(&mut self.store, &SyncOptions::default()).expect("sync")
    }

    pub fn new_post(&mut self, title: &str, body: &str) -> Post {
        self.store
            .create_post(NewPost {
                title: title.into(),
                body: body.into(),
                ..NewPost::default()
            })
            .expect("create")
    }

    pub fn by_uid(&self, uid: &str) -> Post {
        self.store
            .sync_local(uid)
            .expect("read")
            .unwrap_or_else(|| panic!("{} has no post {uid}", self.name))
            .post
    }

    pub fn edit(&mut self, uid: &str, patch: PostPatch) -> Post {
        let id = self.by_uid(uid).id;
        self.store
            .update_post(id, patch, EditKind::Save)
            .expect("edit")
    }

    /// After this laptop's editor was refused a write of post `uid` because a
    /// sync wrote it meanwhile: the library holds `theirs`, and History's
    /// newest revision (reason `sync`) holds the editor's words, `mine`.
    pub fn assert_kept_theirs_and_mine(&self, uid: &str, theirs: &str, mine: &str) {
        let post = self.by_uid(uid);
        assert_eq!(
            post.body, theirs,
            "the teammate's change is not overwritten"
        );
        let kept = self.store.revisions(post.id).expect("revisions");
        let newest = kept.first().expect("a revision");
        assert_eq!(
            (newest.body.as_str(), newest.reason),
            (mine, postdesk::model::RevisionReason::Sync),
            "the editor's words are kept in History"
        );
    }

    pub fn set_body(&mut self, uid: &str, body: &str) -> Post {
        self.edit(
            uid,
            PostPatch {
                body: Some(body.into()),
                ..PostPatch::default()
            },
        )
    }
}

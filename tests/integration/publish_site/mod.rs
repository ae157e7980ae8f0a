//! Publishing to a static site's repository: a bare repository stands for
//! the site's server, a clone of it (holding an existing Hugo or Jekyll
//! site) is `publish.repo`. After a publish, the bare repository is cloned
//! afresh and the pushed tree is built with the real `hugo` / `jekyll`.
//! Also: a dirty export folder is refused, unrelated files are untouched,
//! a push rejected because someone published meanwhile is a typed error and
//! is never forced, and a `postdesk/<slug>` branch for a pull request.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use postdesk::export::urls;
use postdesk::library_settings;
use postdesk::model::{Lang, NewPost, Post, Status};
use postdesk::publish::site_repo::{publish_site, PublishScope, SitePublishReport};
use postdesk::store::Store;
use postdesk::Error;

use crate::common::{ok, Library};
use crate::support::copy_dir;

mod guards;

fn site_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export_site")
        .join(name)
}

/// Run git in `dir`; panics with git's message when it fails.
fn git(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .expect("run git");
    assert!(
        o.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

fn identify(dir: &Path) {
    git(dir, &["config", "user.name", "Site Editor"]);
    git(dir, &["config", "user.email", "editor@example.org"]);
}

/// A bare "server" repository holding a site (`format`'s fixture plus
/// files Postdesk never writes), and a clone of it to publish from.
struct Site {
    _dir: tempfile::TempDir,
    bare: PathBuf,
    clone: PathBuf,
    root: PathBuf,
    lib: Library,
}

impl Site {
    fn new(format: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let bare = root.join("site.git");
        git(
            &root,
            &[
                "init",
                "--quiet",
                "--bare",
                "-b",
                "main",
                bare.to_str().unwrap(),
            ],
        );
        let seed = root.join("seed");
        git(
            &root,
            &[
                "clone",
                "--quiet",
                bare.to_str().unwrap(),
                seed.to_str().unwrap(),
            ],
        );
        identify(&seed);
        copy_dir(&site_fixture(format), &seed).unwrap();
        fs::write(seed.join("README.md"), "Our site. Edited by hand.\n").unwrap();
        let own = if format == "hugo" {
            "content/posts/handwritten/index.md"
        } else {
            "_posts/2020-01-01-handwritten.md"
        };
        fs::create_dir_all(seed.join(own).parent().unwrap()).unwrap();
        fs::write(
            seed.join(own),
            "---\ntitle: Written by hand\nlayout: post\n---\nNot Postdesk's.\n",
        )
        .unwrap();
        git(&seed, &["add", "-A"]);
        git(&seed, &["commit", "--quiet", "-m", "The site"]);
        git(&seed, &["push", "--quiet", "origin", "main"]);
        let clone = root.join("clone");
        git(
            &root,
            &[
                "clone",
                "--quiet",
                bare.to_str().unwrap(),
                clone.to_str().unwrap(),
            ],
        );
        identify(&clone);
        let lib = Library::new();
        let mut store = lib.open();
        library_settings::set(&mut store, "publish.repo", clone.to_str().unwrap()).unwrap();
        library_settings::set(&mut store, "publish.format", format).unwrap();
        Site {
            _dir: dir,
            bare,
            clone,
            root,
            lib,
        }
    }

    /// A fresh clone of the "server" at `branch`.
    fn fresh_clone(&self, name: &str, branch: &str) -> PathBuf {
        let dest = self.root.join(name);
        git(
            &self.root,
            &[
                "clone",
                "--quiet",
                "-b",
                branch,
                self.bare.to_str().unwrap(),
                dest.to_str().unwrap(),
            ],
        );
        dest
    }

    fn remote_head(&self, branch: &str) -> String {
        git(&self.bare, &["rev-parse", branch])
    }
}

fn published(store: &mut Store, title: &str, day: u32) -> Post {
    let when = Utc.with_ymd_and_hms(2024, 4, day, 9, 0, 0).unwrap();
    store
        .create_post(NewPost {
            title: title.into(),
            body: format!("The words of {title}.\n\nA second paragraph."),
            status: Status::Published,
            created_at: Some(when),
            publish_at: Some(when),
            ..NewPost::default()
        })
        .unwrap()
}

fn publish(store: &Store, scope: &PublishScope) -> postdesk::Result<SitePublishReport> {
    publish_site(store, scope, &mut |_, _, _| {})
}

fn build(format: &str, site: &Path) -> PathBuf {
    let (out, o) = if format == "hugo" {
        let out = site.join("public");
        let o = Command::new("hugo")
            .arg("--source")
            .arg(site)
            .arg("--destination")
            .arg(&out)
            .arg("--quiet")
            .env("HUGO_CACHEDIR", site.join(".hugo-cache"))
            .output()
            .expect("run hugo");
        (out, o)
    } else {
        let out = site.join("_site");
        let o = Command::new("jekyll")
            .args(["build", "--safe", "--quiet", "--source"])
            .arg(site)
            .arg("--destination")
            .arg(&out)
            .output()
            .expect("run jekyll");
        (out, o)
    };
    assert!(
        o.status.success(),
        "{format} failed: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn publish_and_build(format: &str) {
    let site = Site::new(format);
    let mut store = site.lib.open();
    let a = published(&mut store, "River day recap", 2);
    let b = published(&mut store, "Volunteer thanks", 3);
    let before = site.remote_head("main");

    let report = publish(&store, &PublishScope::Site).expect("publish");
    let commit = report.commit.clone().expect("a commit was pushed");
    assert_eq!(report.branch, "main");
    assert_eq!(
        site.remote_head("main"),
        commit,
        "the server has the commit"
    );
    let message = git(&site.clone, &["log", "-1", "--format=%B"]);
    assert!(
        message.contains("River day recap") && message.contains("Volunteer thanks"),
        "{message}"
    );
    // Exactly the files Postdesk wrote, plus its manifest.
    let files = git(&site.clone, &["show", "--name-only", "--format=", "HEAD"]);
    let mut committed: Vec<&str> = files.lines().collect();
    committed.sort();
    let mut expected: Vec<String> = report.files.clone();
    expected.sort();
    assert_eq!(committed, expected);
    assert!(committed.contains(&".postdesk-export.json"));
    assert!(!committed
        .iter()
        .any(|f| f.contains("handwritten") || *f == "README.md"));
    assert_eq!(
        git(&site.clone, &["rev-parse", "HEAD~1"]),
        before,
        "one commit on top"
    );

    let fresh = site.fresh_clone("fresh", "main");
    assert_eq!(
        fs::read_to_string(fresh.join("README.md")).unwrap(),
        "Our site. Edited by hand.\n"
    );
    let out = build(format, &fresh);
    for p in [&a, &b] {
        let page = out
            .join(urls::post_path(Lang::En, &p.slug).trim_start_matches('/'))
            .join("index.html");
        let html = fs::read_to_string(&page)
            .unwrap_or_else(|e| panic!("{} not built at {}: {e}", p.title, page.display()));
        assert!(
            html.contains(&format!("The words of {}.", p.title)),
            "{html}"
        );
    }

    // Publishing again with nothing changed makes no commit.
    let again = publish(&store, &PublishScope::Site).expect("publish again");
    assert_eq!(again.commit, None);
    assert_eq!(site.remote_head("main"), commit);

    // One more post, by slug: only its files are committed.
    let c = published(&mut store, "Spring appeal", 4);
    let third = publish(&store, &PublishScope::Posts(vec![c.id])).expect("publish one");
    assert!(
        third
            .files
            .iter()
            .all(|f| f.contains(&c.slug) || f == ".postdesk-export.json"),
        "{:?}",
        third.files
    );
    assert!(git(&site.clone, &["log", "-1", "--format=%s"]).contains("Spring appeal"));
}

#[test]
fn hugo_site_is_published_pushed_and_builds() {
    publish_and_build("hugo");
}

#[test]
fn jekyll_site_is_published_pushed_and_builds() {
    publish_and_build("jekyll");
}

#[test]
fn a_postdesk_branch_for_a_pull_request() {
    let site = Site::new("hugo");
    let mut store = site.lib.open();
    let post = published(&mut store, "Spring appeal", 2);
    library_settings::set(&mut store, "publish.branch", "postdesk/spring-appeal").unwrap();
    let main_before = site.remote_head("main");
    let report = publish(&store, &PublishScope::Posts(vec![post.id])).expect("publish");
    assert_eq!(report.branch, "postdesk/spring-appeal");
    assert_eq!(
        site.remote_head("postdesk/spring-appeal"),
        report.commit.unwrap()
    );
    assert_eq!(site.remote_head("main"), main_before, "main is untouched");
    for bad in ["--force", "-f", "a..b", "x y"] {
        assert!(
            library_settings::set(&mut store, "publish.branch", bad).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn settings_are_checked() {
    let lib = Library::new();
    let mut store = lib.open();
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().canonicalize().unwrap();
    let err = library_settings::set(&mut store, "publish.repo", plain.to_str().unwrap())
        .expect_err("not a git clone");
    assert!(err.to_string().contains("not a git clone"), "{err}");
    assert!(library_settings::set(&mut store, "publish.repo", "relative/path").is_err());
    assert!(library_settings::set(&mut store, "publish.format", "html").is_err());
    let err = publish(&store, &PublishScope::Site).expect_err("no repository set");
    assert_eq!(err.code(), "site_repo");
}

#[test]
fn the_cli_prints_the_commit_it_pushed() {
    let site = Site::new("hugo");
    let mut store = site.lib.open();
    published(&mut store, "River day recap", 2);
    drop(store);
    let out = ok(&site.lib.path, &["publish", "site", "--all"]);
    let head = site.remote_head("main");
    assert!(
        out.contains(&format!("pushed {head} to origin main")),
        "{out}"
    );
    let settings = ok(&site.lib.path, &["config", "get", "publish.format"]);
    assert_eq!(settings.trim(), "hugo");
}

//! Shared helpers: a library in a temporary folder, and the real CLI binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use postdesk::model::{NewPost, Post};
use postdesk::store::Store;

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

pub fn post(store: &mut Store, title: &str, body: &str) -> Post {
    store
        .create_post(NewPost {
            title: title.into(),
            body: body.into(),
            ..NewPost::default()
        })
        .expect("create post")
}

/// The real `postdesk` binary built by cargo for these tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_postdesk"))
}

/// Run `postdesk --db <db> args…` with `stdin`, returning its output.
pub fn cli(db: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut child = Command::new(bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("POSTDESK_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn postdesk");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(s) = stdin {
        input.write_all(s.as_bytes()).expect("write stdin");
    }
    drop(input);
    child.wait_with_output().expect("wait postdesk")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Run and insist on success; returns stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = cli(db, args, None);
    assert!(
        o.status.success(),
        "postdesk {args:?} failed: {}",
        stderr(&o)
    );
    stdout(&o)
}

pub fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

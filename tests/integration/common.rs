//! Helpers of the integration tests: running the real CLI binary. The
//! library and the post builder every test binary shares are in
//! `tests/support` and re-exported here.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub use crate::support::{post, Library};

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

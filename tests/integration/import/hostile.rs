//! Hostile files (issue #9, item 8), on real files in a temporary folder,
//! through `import_paths` and through `postdesk import`: a link out of the
//! folder (`_posts/x.md -> /etc/passwd` imported as a published post before),
//! links inside it, link loops, a named pipe (which must not block the
//! import), a socket, a device, an oversized file, a YAML alias bomb, and
//! front matter that is too big or too deep. Each is listed with its path and
//! reason; the rest imports; nothing already saved changes.
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use postdesk::import::{MAX_FILE_BYTES, MAX_FRONT_MATTER_BYTES, MAX_NESTING};

use super::*;
use crate::common::bin;

/// Long enough for a debug build on a busy machine; a blocked read never ends.
const NOT_BLOCKED_WITHIN: Duration = Duration::from_secs(60);

/// A folder of hostile and good files, next to a file outside it.
struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    fn at(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }
}

fn write(path: &Path, text: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A classic "billion laughs": nine aliases of nine aliases, nine levels deep.
fn alias_bomb() -> String {
    let mut yaml = String::from("title: Laughs\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for level in 1..9 {
        let prev = format!("*a{}", level - 1);
        let items = [prev.as_str(); 9].join(",");
        yaml += &format!("a{level}: &a{level} [{items}]\n");
    }
    format!("---\n{yaml}---\nBody\n")
}

fn hostile_site() -> Site {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    let outside = site.dir.path().join("outside.md");
    write(
        &outside,
        b"---\ntitle: Secret from outside\n---\nroot:x:0:0:root:/root:/bin/bash\n",
    );
    // Good files, one reached only through a link to a hidden folder inside.
    write(
        &site.at("_posts/2024-03-05-good.md"),
        b"---\ntitle: A good post\n---\nText\n",
    );
    write(&site.at(".store/kept.md"), b"# Kept through a link\n");
    symlink(site.at(".store"), site.at("linked-folder")).unwrap();
    write(&site.at("notes/shared.md"), b"# Shared\n");
    symlink("../notes/shared.md", site.at("_posts/2024-03-06-linked.md")).unwrap();
    // Links out of the folder.
    let passwd = Path::new("/etc/passwd");
    let target = if passwd.exists() { passwd } else { &outside };
    symlink(target, site.at("_posts/2024-03-07-x.md")).unwrap();
    symlink(&outside, site.at("_posts/2024-03-08-out.md")).unwrap();
    symlink(site.dir.path(), site.at("parent-folder")).unwrap();
    symlink("/dev/null", site.at("null.md")).unwrap();
    // Loops: a link to itself, and a folder linking back up the tree.
    symlink("self.md", site.at("self.md")).unwrap();
    symlink("..", site.at("notes/up")).unwrap();
    // Not regular files.
    let fifo = Command::new("mkfifo")
        .arg(site.at("pipe.md"))
        .status()
        .expect("run mkfifo");
    assert!(fifo.success());
    let socket = std::os::unix::net::UnixListener::bind(site.at("socket.md")).unwrap();
    std::mem::forget(socket); // The socket file stays; the listener is not needed.
                              // Too big.
    let mut big = b"# Big\n".to_vec();
    big.resize(MAX_FILE_BYTES as usize + 1, b'a');
    write(&site.at("big.md"), &big);
    write(&site.at("bomb.md"), alias_bomb().as_bytes());
    let deep = format!(
        "---\ntitle: Deep\nx: {}{}\n---\n",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    write(&site.at("deep.md"), deep.as_bytes());
    let deep_toml = format!(
        "+++\ntitle = \"Deep\"\nx = {}1{}\n+++\n",
        "[".repeat(MAX_NESTING + 1),
        "]".repeat(MAX_NESTING + 1)
    );
    write(&site.at("deep-toml.md"), deep_toml.as_bytes());
    let long = format!(
        "+++\ntitle = \"Long\"\nnote = \"{}\"\n+++\n",
        "a".repeat(MAX_FRONT_MATTER_BYTES)
    );
    write(&site.at("long-front-matter.md"), long.as_bytes());
    site
}

/// The reasons expected, by path relative to the site: the start of each.
fn expected_failures() -> Vec<(&'static str, &'static str)> {
    vec![
        ("_posts/2024-03-07-x.md", "it is a link to /"),
        ("_posts/2024-03-08-out.md", "it is a link to /"),
        ("big.md", "the file is 5.0 MiB (5242881 bytes), more than the 5 MiB Postdesk imports from one file; "),
        ("bomb.md", "the YAML front matter uses an anchor or alias (`&name` or `*name`) on line 3, "),
        ("deep-toml.md", "the front matter is nested more than 20 levels deep"),
        ("deep.md", "the front matter is nested more than 20 levels deep"),
        ("long-front-matter.md", "the front matter is 65 KiB, more than the 64 KiB Postdesk reads; "),
        ("null.md", "it is a link to /dev/null, a file outside the folder being imported; "),
        ("parent-folder", "it is a link to /"),
        ("pipe.md", "it is a named pipe (FIFO), not a regular file; "),
        ("self.md", "it is a link that could not be followed ("),
        ("socket.md", "it is a socket, not a regular file; "),
    ]
}

/// Import in another thread, so that a read that blocks fails the test
/// instead of hanging it.
fn import_within_time(db: &Path, paths: Vec<PathBuf>) -> ImportReport {
    let db = db.to_path_buf();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut store = Store::open(&db).unwrap();
        let _ = tx.send(import_paths(&mut store, &paths));
    });
    rx.recv_timeout(NOT_BLOCKED_WITHIN)
        .expect("the import blocked (a named pipe was opened and waited on?)")
}

fn rel(site: &Site, path: &Path) -> String {
    path.strip_prefix(site.root())
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn hostile_files_are_listed_with_reasons_and_the_rest_imports() {
    let site = hostile_site();
    let db = site.dir.path().join("library.sqlite");
    let before = {
        let mut store = Store::open(&db).unwrap();
        crate::support::post(&mut store, "Already here", "Saved text.\n")
    };

    let report = import_within_time(&db, vec![site.root()]);

    let mut failed: Vec<(String, String)> = report
        .failed
        .iter()
        .map(|f| (rel(&site, &f.path), f.reason.clone()))
        .collect();
    failed.sort();
    let names: Vec<&str> = failed.iter().map(|(p, _)| p.as_str()).collect();
    let expected = expected_failures();
    let expected_names: Vec<&str> = expected.iter().map(|(p, _)| *p).collect();
    assert_eq!(names, expected_names, "{report:#?}");
    for ((path, reason), (_, start)) in failed.iter().zip(&expected) {
        assert!(reason.starts_with(start), "{path}: {reason}");
    }
    let reason_of = |name: &str| &failed.iter().find(|(p, _)| p == name).unwrap().1;
    assert!(reason_of("parent-folder").contains("a folder outside the folder being imported"));
    assert!(reason_of("_posts/2024-03-08-out.md").ends_with("copy the file into it to import it"));

    let mut imported: Vec<(String, String)> = report
        .imported
        .iter()
        .map(|(p, slug)| (rel(&site, p), slug.clone()))
        .collect();
    imported.sort();
    assert_eq!(
        imported,
        [
            ("_posts/2024-03-05-good.md".to_string(), "good".to_string()),
            // The file a link inside the folder leads to, imported once.
            (
                "_posts/2024-03-06-linked.md".to_string(),
                "linked".to_string()
            ),
            ("linked-folder/kept.md".to_string(), "kept".to_string()),
        ],
        "{report:#?}"
    );

    let store = Store::open(&db).unwrap();
    let posts = store.all_posts().unwrap();
    assert_eq!(posts.len(), 4, "the post already saved and three imported");
    assert_eq!(store.get_post(before.id).unwrap(), before, "unchanged");
    for post in &posts {
        assert!(!post.body.contains("root:"), "{post:?}");
        assert!(!post.title.contains("Secret"), "{post:?}");
    }
}

#[test]
fn a_chosen_device_or_pipe_is_refused_without_blocking() {
    let site = hostile_site();
    let db = site.dir.path().join("library.sqlite");
    let report = import_within_time(
        &db,
        vec![
            PathBuf::from("/dev/null"),
            site.at("pipe.md"),
            site.at("null.md"),
        ],
    );
    assert!(report.imported.is_empty(), "{report:#?}");
    let reasons: Vec<&str> = report.failed.iter().map(|f| f.reason.as_str()).collect();
    assert_eq!(reasons.len(), 3, "{report:#?}");
    assert!(
        reasons[0].starts_with("it is a device, not a regular file; "),
        "{}",
        reasons[0]
    );
    assert!(
        reasons[1].starts_with("it is a named pipe (FIFO)"),
        "{}",
        reasons[1]
    );
    // A chosen file's links must stay in the folder it is in.
    assert!(
        reasons[2].starts_with("it is a link to /dev/null, a file outside"),
        "{}",
        reasons[2]
    );
}

#[test]
fn the_alias_bomb_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.md");
    let started = Instant::now();
    let m = import_error(parse_document(&path, &alias_bomb()), "bomb.md");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(m.contains("anchor or alias"), "{m}");
}

#[test]
fn postdesk_import_lists_every_refusal_and_exits_1() {
    let site = hostile_site();
    let db = site.dir.path().join("library.sqlite");
    let mut child = Command::new(bin())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(site.root())
        .env_remove("POSTDESK_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn postdesk");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > NOT_BLOCKED_WITHIN {
            let _ = child.kill();
            panic!("postdesk import blocked");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("Imported 3 post(s); 12 file(s) could not be imported."),
        "{stdout}"
    );
    assert!(
        stderr.contains("postdesk: 12 file(s): could not be imported:\n"),
        "{stderr}"
    );
    for (rel, start) in expected_failures() {
        let line = format!("{}: {start}", site.at(rel).display());
        assert!(stderr.contains(&line), "{line}\nnot in\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

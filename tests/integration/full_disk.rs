//! A full disk: on a small tmpfs, a save that does not fit fails with the
//! typed `DiskFull` (the UI keeps the text and retries on that code), the
//! library stays intact with the earlier saves, and once space is freed the
//! same save goes through.
//!
//! Mounting needs root (as here and in CI); elsewhere the test prints why it
//! did not run and passes. The mount is always undone by a guard's `Drop`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use postdesk::error::Error;
use postdesk::model::PostPatch;
use postdesk::store::{EditKind, Store};

use crate::common::post;

/// A tmpfs mounted for the test's life; unmounted (lazily if busy) on drop.
struct TmpfsMount {
    dir: tempfile::TempDir,
}

impl TmpfsMount {
    fn new(size: &str) -> Result<TmpfsMount, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("could not run mount: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(TmpfsMount { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TmpfsMount {
    fn drop(&mut self) {
        let unmounted = Command::new("umount")
            .arg(self.dir.path())
            .status()
            .is_ok_and(|s| s.success());
        if !unmounted {
            let _ = Command::new("umount")
                .arg("-l")
                .arg(self.dir.path())
                .status();
        }
    }
}

/// Write 64 KiB chunks to `path` until the disk refuses one.
fn fill(path: &Path) -> PathBuf {
    let mut f = std::fs::File::create(path).expect("create filler");
    let chunk = vec![0x5a_u8; 64 * 1024];
    while f.write_all(&chunk).and_then(|_| f.sync_all()).is_ok() {}
    path.to_path_buf()
}

#[test]
fn a_save_on_a_full_disk_fails_typed_keeps_the_library_and_succeeds_after_space_is_freed() {
    let mount = match TmpfsMount::new("16m") {
        Ok(m) => m,
        Err(why) => {
            println!("skipped: could not mount a small tmpfs ({why})");
            return;
        }
    };
    let library = mount.path().join("library.sqlite");
    let mut store = Store::open(&library).expect("open on tmpfs");
    let p = post(&mut store, "Appeal", "First draft.");
    let saved = |body: &str| PostPatch {
        body: Some(body.into()),
        ..PostPatch::default()
    };
    store
        .update_post(p.id, saved("Second draft, saved."), EditKind::Save)
        .expect("an early save fits");

    let filler = fill(&mount.path().join("filler"));
    let big = "A long paragraph typed while the disk filled up. ".repeat(20_000);
    let err = store
        .update_post(p.id, saved(&big), EditKind::Autosave)
        .expect_err("the disk is full");
    assert!(matches!(err, Error::DiskFull), "{err:?}");
    assert_eq!(err.code(), "disk_full");

    // Intact, with the earlier save.
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
    assert_eq!(store.get_post(p.id).unwrap().body, "Second draft, saved.");

    std::fs::remove_file(filler).expect("free the space");
    let after = store
        .update_post(p.id, saved(&big), EditKind::Autosave)
        .expect("the retry goes through");
    assert_eq!(after.body, big);
    drop(store);
    let reopened = Store::open(&library).expect("reopen");
    assert_eq!(reopened.integrity_check().unwrap(), ["ok"]);
    assert_eq!(reopened.get_post(p.id).unwrap().body, big);
}

//! A damaged library — truncated, random bytes written into its middle,
//! emptied, overwritten — is refused as damaged, left byte for byte as it
//! was, and the newest GOOD backup is offered (by the CLI with the command
//! that restores it); restoring it brings the posts back and keeps the
//! damaged file aside.

use postdesk::error::Error;
use postdesk::model::ListFilter;
use postdesk::store::{backups, BackupReason, Store};

use crate::common::{cli, file_bytes, ok, stderr, Library};
use crate::support::{paragraphs, Rng};

const POSTS: usize = 120;

/// A library of many posts (many pages), with one good backup.
fn library_with_backup() -> (Library, String) {
    let lib = Library::new();
    let mut store = lib.open();
    let mut rng = Rng(9);
    for i in 0..POSTS {
        crate::common::post(
            &mut store,
            &format!("Post {i}"),
            &paragraphs(&mut rng, 300, 60),
        );
    }
    let id = store
        .backup_before(BackupReason::Manual)
        .unwrap()
        .expect("a file library is backed up")
        .id;
    drop(store); // checkpoints the WAL into the file
    assert!(!lib.dir.path().join("library.sqlite-wal").exists());
    (lib, id)
}

/// Opening fails as damaged, naming `id` as the newest good backup, and the
/// file is left as it was; the CLI names the restore command; restoring
/// brings every post back and keeps the damaged bytes aside.
fn refused_then_restored(lib: &Library, id: &str) {
    let damaged = file_bytes(&lib.path);
    match Store::open(&lib.path) {
        Err(Error::Damaged {
            newest_backup: Some(b),
            ..
        }) => assert_eq!(b.id, id),
        other => panic!("expected Damaged with a backup, got {other:?}"),
    }
    assert_eq!(
        file_bytes(&lib.path),
        damaged,
        "the damaged file was not touched"
    );

    let o = cli(&lib.path, &["list"], None);
    assert!(!o.status.success());
    let said = stderr(&o);
    assert!(said.contains("is damaged"), "{said}");
    assert!(
        said.contains(&format!("postdesk restore-backup {id}")),
        "{said}"
    );
    assert_eq!(file_bytes(&lib.path), damaged);

    ok(&lib.path, &["restore-backup", id]);
    let store = Store::open(&lib.path).expect("the restored library opens");
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
    assert_eq!(
        store.list_posts(&ListFilter::default()).unwrap().len(),
        POSTS
    );
    let aside = std::fs::read_dir(lib.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("library.before-restore-")
        })
        .expect("the damaged file is kept aside");
    assert_eq!(file_bytes(&aside.path()), damaged);
}

#[test]
fn a_truncated_library_is_refused_and_its_backup_offered() {
    let (lib, id) = library_with_backup();
    let len = std::fs::metadata(&lib.path).unwrap().len();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&lib.path)
        .unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);
    refused_then_restored(&lib, &id);
}

#[test]
fn random_bytes_in_the_middle_are_found_and_the_backup_offered() {
    let (lib, id) = library_with_backup();
    let mut bytes = file_bytes(&lib.path);
    let mut rng = Rng(42);
    let page = 4096;
    let middle = (bytes.len() / 2 / page) * page;
    for b in &mut bytes[middle..middle + 4 * page] {
        *b = rng.next() as u8;
    }
    std::fs::write(&lib.path, &bytes).unwrap();
    refused_then_restored(&lib, &id);
}

#[test]
fn an_emptied_or_overwritten_library_with_backups_is_damaged() {
    let (lib, id) = library_with_backup();
    std::fs::write(&lib.path, b"").unwrap();
    refused_then_restored(&lib, &id);

    let (lib, id) = library_with_backup();
    std::fs::write(&lib.path, b"{\"this\": \"is a JSON file now\"}").unwrap();
    refused_then_restored(&lib, &id);
}

#[test]
fn a_damaged_backup_is_skipped_for_the_newest_good_one() {
    let (lib, good) = library_with_backup();
    let mut store = lib.open();
    let later = chrono::Utc::now() + chrono::Duration::minutes(5);
    store.set_clock(move || later);
    let bad = store.backup_before(BackupReason::Manual).unwrap().unwrap();
    drop(store);
    assert_eq!(backups::list(&lib.path).unwrap()[0].id, bad.id);
    let mut bytes = file_bytes(&bad.path);
    bytes.truncate(bytes.len() / 3);
    std::fs::write(&bad.path, bytes).unwrap();
    std::fs::write(&lib.path, b"").unwrap();
    refused_then_restored(&lib, &good);
}

#[test]
fn a_damaged_library_is_never_backed_up_as_good() {
    let (lib, _) = library_with_backup();
    let mut bytes = file_bytes(&lib.path);
    let middle = (bytes.len() / 2 / 4096) * 4096;
    bytes[middle..middle + 4096].fill(0xA5);
    std::fs::write(&lib.path, &bytes).unwrap();
    let o = cli(&lib.path, &["backup"], None);
    assert!(!o.status.success());
    assert_eq!(backups::list(&lib.path).unwrap().len(), 1, "no new backup");
}

#[test]
fn the_apps_way_back_restores_the_newest_good_backup() {
    // The desktop's "Restore the newest good backup" calls this.
    let (lib, good) = library_with_backup();
    std::fs::write(&lib.path, b"").unwrap();
    let restored = postdesk::store::restore::restore_newest_good(&lib.path, chrono::Utc::now())
        .expect("restored");
    assert_eq!(restored.backup.id, good);
    assert!(
        restored.kept_aside.is_some(),
        "the damaged file is kept aside"
    );
    let store = Store::open(&lib.path).expect("the restored library opens");
    assert_eq!(
        store.list_posts(&ListFilter::default()).unwrap().len(),
        POSTS
    );

    // With no good backup left there is nothing to restore, and it says so.
    for b in backups::list(&lib.path).unwrap() {
        std::fs::remove_file(&b.path).unwrap();
    }
    let err = postdesk::store::restore::restore_newest_good(&lib.path, chrono::Utc::now())
        .unwrap_err()
        .to_string();
    assert!(err.contains("No good backup"), "{err}");
}

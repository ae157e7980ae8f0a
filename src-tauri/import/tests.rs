//! Tests of the import loop with a stand-in for the store, and of what
//! depends on the clock. The field mappings are tested through the public
//! API in `tests/integration/import.rs`.

use std::fs;

use chrono::TimeZone;

use super::*;
use crate::model::Status;

/// Creates posts in memory, as the store would, failing on the title "FAIL".
#[derive(Default)]
struct FakeStore {
    created: Vec<Post>,
}

impl FakeStore {
    fn create(&mut self, new: NewPost) -> Result<Post> {
        if new.title == "FAIL" {
            return Err(Error::invalid("title", "The store said no."));
        }
        let now = Utc::now();
        let post = Post {
            id: self.created.len() as i64 + 1,
            slug: new.slug.clone().unwrap_or_else(|| new.title.to_lowercase()),
            title: new.title,
            summary: new.summary,
            preview_text: new.preview_text,
            body: new.body,
            lang: new.lang,
            translation_of: new.translation_of,
            status: new.status,
            tags: new.tags,
            author: new.author,
            created_at: new.created_at.unwrap_or(now),
            updated_at: now,
            publish_at: new.publish_at,
            canonical_url: new.canonical_url,
            featured_image: new.featured_image,
            extra: new.extra,
            deleted_at: None,
            ..Post::default()
        };
        self.created.push(post.clone());
        Ok(post)
    }
}

/// The decoding step of reading a file.
fn read_text(path: &Path) -> Result<String> {
    read::decode(path, fs::read(path).unwrap())
}

fn write(root: &Path, rel: &str, text: &[u8]) -> PathBuf {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn translations_are_linked_and_failures_do_not_stop_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let fr = write(
        root,
        "posts/vote/index.fr.md",
        b"---\ntitle: Le vote\n---\nTexte\n",
    );
    let en = write(
        root,
        "posts/vote/index.md",
        b"---\ntitle: The vote\n---\nText\n",
    );
    let bad = write(root, "posts/bad.md", b"---\ntitle: [\n---\n");
    let refused = write(root, "posts/refused.md", b"# FAIL\n");
    let later = write(root, "posts/zzz.md", b"# Last one\n");
    write(root, "posts/.hidden/secret.md", b"# Hidden\n");
    write(root, "posts/_index.md", b"---\ntitle: Posts\n---\n");
    write(root, "posts/notes.txt", b"not markdown");

    let mut store = FakeStore::default();
    let report = import_with(&[root.join("posts")], |new| store.create(new));

    let imported: Vec<&Path> = report.imported.iter().map(|(p, _)| p.as_path()).collect();
    assert_eq!(imported, [en.as_path(), fr.as_path(), later.as_path()]);
    assert_eq!(report.imported[0].1, "vote");
    let failed: Vec<&Path> = report.failed.iter().map(|f| f.path.as_path()).collect();
    assert_eq!(failed, [bad.as_path(), refused.as_path()]);
    assert!(report.failed[0]
        .reason
        .starts_with("the YAML front matter is not valid"));
    assert_eq!(
        report.failed[1].reason,
        "the post could not be saved: The store said no."
    );

    let (en_post, fr_post) = (&store.created[0], &store.created[1]);
    assert_eq!((en_post.lang, fr_post.lang), (Lang::En, Lang::Fr));
    assert_eq!(en_post.translation_of, None);
    assert_eq!(fr_post.translation_of, Some(en_post.id));
}

#[test]
fn chosen_paths_that_cannot_be_used_are_failures() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(dir.path(), "notes.txt", b"# Notes\n");
    let md = write(dir.path(), "a.md", b"# A\n");
    let missing = dir.path().join("missing.md");
    let mut store = FakeStore::default();
    // The same file twice (once through its folder) is imported once.
    let report = import_with(
        &[
            txt.clone(),
            missing.clone(),
            md.clone(),
            dir.path().to_path_buf(),
        ],
        |new| store.create(new),
    );
    assert_eq!(report.imported, vec![(md, "a".to_string())]);
    assert_eq!(report.failed.len(), 2);
    assert_eq!(report.failed[0].path, txt);
    assert!(report.failed[0].reason.contains("not a Markdown file"));
    assert_eq!(report.failed[1].path, missing);
    assert_eq!(report.failed[1].reason, "the file or folder does not exist");
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "---\r\ntitle: Été\r\n---\r\nCorps\r\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let path = write(dir.path(), "ete.md", &bytes);
    let text = read_text(&path).unwrap();
    let post = parse_document(&path, &text).unwrap();
    assert_eq!(post.title, "Été");
    assert_eq!(post.body, "Corps\n");
}

#[test]
fn not_utf8_says_where_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin1.md", b"# Caf\xe9\n");
    let e = read_text(&path).unwrap_err();
    assert_eq!(e.code(), "import_failed");
    assert_eq!(
        reason(&e),
        "the file is not UTF-8 text (byte 6 is not valid UTF-8); save it as UTF-8 and import it again"
    );
}

#[test]
fn a_future_date_is_scheduled_and_a_past_one_published() {
    let now = Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap();
    let path = Path::new("post.md");
    let future = parse_at(path, "---\ntitle: A\ndate: 2024-07-01\n---\n", now).unwrap();
    assert_eq!(future.status, Status::Scheduled);
    assert_eq!(
        future.publish_at,
        Some(Utc.with_ymd_and_hms(2024, 7, 1, 0, 0, 0).unwrap())
    );
    let past = parse_at(path, "---\ntitle: A\ndate: 2024-05-01\n---\n", now).unwrap();
    assert_eq!(past.status, Status::Published);
    // Hugo's publishDate is when it goes out; date stays when it was written.
    let both = parse_at(
        path,
        "+++\ntitle = \"A\"\ndate = 2024-05-01\npublishDate = 2024-08-01T10:00:00Z\n+++\n",
        now,
    )
    .unwrap();
    assert_eq!(
        both.created_at,
        Some(Utc.with_ymd_and_hms(2024, 5, 1, 0, 0, 0).unwrap())
    );
    assert_eq!(
        both.publish_at,
        Some(Utc.with_ymd_and_hms(2024, 8, 1, 10, 0, 0).unwrap())
    );
    assert_eq!(both.status, Status::Scheduled);
}

//! The importer of Markdown files with front matter: `parse_document` on the
//! fixtures (a Hugo site, a Jekyll site, odd and broken files) and on small
//! documents, then `import_paths` into a real library file. The helpers are
//! here; the tests are in `import/` by theme.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use postdesk::error::Error;
use postdesk::import::{import_paths, parse_document, ImportReport};
use postdesk::model::{Lang, NewPost, Status};
use postdesk::store::Store;
use serde_json::json;

mod errors;
mod formats;
mod hostile;
mod keys;
mod library;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// Parse a fixture, named relative to `tests/fixtures/import`.
fn fixture(rel: &str) -> Result<NewPost, Error> {
    let path = fixtures().join(rel);
    let text = fs::read_to_string(&path).expect("read fixture");
    parse_document(&path, &text)
}

fn ok(rel: &str) -> NewPost {
    fixture(rel).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Parse a small document as if it were the file `name`.
fn doc(name: &str, text: &str) -> Result<NewPost, Error> {
    parse_document(Path::new(name), text)
}

/// The message of an import error, checking that it names the file.
fn import_error(result: Result<NewPost, Error>, name: &str) -> String {
    match result {
        Err(e @ Error::Import { .. }) => {
            let Error::Import { path, message } = &e else {
                unreachable!()
            };
            assert!(path.ends_with(name), "{path:?} should be {name}");
            assert_eq!(e.code(), "import_failed");
            assert!(e.to_string().contains(name), "{e}");
            message.clone()
        }
        Err(e) => panic!("expected an import error, got {e:?}"),
        Ok(post) => panic!("expected an import error, got {post:?}"),
    }
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

//! Helpers every command shares: finding a post by slug (with the
//! command line's own wording when the language is missing), reading a body
//! from a file or standard input, local times and JSON output.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Lang, Post};
use crate::store::Store;

/// The post a SLUG argument names, `lang` being the `--lang` option. When
/// both languages use the slug, the error says which option to add.
pub fn find_post(store: &Store, slug: &str, lang: Option<Lang>) -> Result<Post> {
    store.find_post(slug, lang).map_err(|e| match e {
        Error::AmbiguousSlug { .. } if lang.is_none() => Error::invalid(
            "slug",
            format!(
                "Both an English and a French post use the slug \"{slug}\"; add --lang en or --lang fr."
            ),
        ),
        other => other,
    })
}

/// A Markdown body from a file, or from standard input when the path is `-`.
pub fn read_body(path: &Path) -> Result<String> {
    let mut text = String::new();
    let read_error = |source| Error::ReadFile {
        path: PathBuf::from(path),
        source,
    };
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(read_error)?;
    } else {
        text = std::fs::read_to_string(path).map_err(read_error)?;
    }
    Ok(text)
}

/// A time as the terminal shows it: local, to the minute.
pub fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// Pretty JSON and a newline (`--json`).
pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

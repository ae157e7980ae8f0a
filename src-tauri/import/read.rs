//! Reading one file found by [`super::walk`]: only a regular file, only up to
//! [`MAX_FILE_BYTES`], never blocking (a named pipe swapped in after the walk
//! looked at the file is opened without waiting and then refused), and only
//! the very file the walk checked (same device and inode). The text is UTF-8,
//! or UTF-16 with a byte-order mark as Windows editors may save it.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use super::walk::Found;
use crate::error::{Error, Result};

/// The largest file imported: 5 MiB, far more than any post's text; a bigger
/// `.md` file is most likely something else, or text with data pasted in.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

pub(crate) fn open(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    // Opening a named pipe returns at once instead of waiting for a writer
    // (the walk's file-type check before any open is the first guard).
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// A size in words: "5 MiB", "6.2 MiB", "70 KiB" (rounded up), "900 bytes".
pub(crate) fn size_in_words(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if bytes.is_multiple_of(MIB) && bytes > 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB {
        format!("{} KiB", bytes.div_ceil(KIB))
    } else {
        format!("{bytes} bytes")
    }
}

fn too_large(path: &Path, bytes: u64) -> Error {
    Error::Import {
        path: path.to_path_buf(),
        message: format!(
            "the file is {} ({bytes} bytes), more than the {} Postdesk imports from one file; \
             check that it is the post you meant, or split it into several posts",
            size_in_words(bytes),
            size_in_words(MAX_FILE_BYTES)
        ),
    }
}

/// Read the file the walk found and checked, as text. Errors name the path
/// as it was found (`found.path`), not the file it links to.
pub(crate) fn read_found(found: &Found) -> Result<String> {
    let shown = found.path.as_path();
    let read_error = |source| Error::ReadFile {
        path: shown.to_path_buf(),
        source,
    };
    let file = open(&found.real).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() || !found.identity.matches(&meta) {
        return Err(Error::Import {
            path: shown.to_path_buf(),
            message: "the file changed into something other than a regular file while it was \
                      being imported; import it again"
                .to_string(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(shown, meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(shown, bytes.len() as u64));
    }
    decode(shown, bytes)
}

/// The bytes of a regular file (a WordPress export, an uploaded image) up to
/// `max` bytes, opened without blocking: a named pipe, a device or a folder
/// is refused, and so is a bigger file (`what` names it in the message).
pub(crate) fn read_regular(path: &Path, max: u64, what: &str) -> Result<Vec<u8>> {
    let read_error = |source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    };
    let file = open(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    let refuse = |message: String| Error::Import {
        path: path.to_path_buf(),
        message,
    };
    if !meta.is_file() {
        return Err(refuse(format!("it is not a regular file; choose {what}")));
    }
    let too_big = |bytes: u64| {
        refuse(format!(
            "it is {} ({bytes} bytes), more than the {} Postdesk reads for {what}",
            size_in_words(bytes),
            size_in_words(max)
        ))
    };
    if meta.len() > max {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Decode a file's bytes: UTF-8 (with or without a byte-order mark), or
/// UTF-16 when it starts with a byte-order mark.
pub(crate) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| unit([c[0], c.get(1).copied().unwrap_or(0)]))
            .collect();
        String::from_utf16(&units).ok()
    };
    let decoded = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => None,
    };
    if let Some(text) = decoded {
        return Ok(text);
    }
    String::from_utf8(bytes).map_err(|e| Error::Import {
        path: path.to_path_buf(),
        message: format!(
            "the file is not UTF-8 text (byte {} is not valid UTF-8); save it as UTF-8 and import it again",
            e.utf8_error().valid_up_to() + 1
        ),
    })
}

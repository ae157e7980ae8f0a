//! The one way Postdesk writes a file the user gets: to a new temporary file
//! in the same folder, flushed to disk, then renamed over the target. A
//! reader (or a crash) sees the old file or the whole new one, never half;
//! and a link at the target is replaced by the rename, never followed.

use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// Counts temporary files made by this process, so two writers never pick
/// the same name even within the same nanosecond.
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// Write `bytes` to `path` atomically (see the module doc). The temporary
/// file, `.NAME.PID-N.tmp` beside the target, is created with `create_new`
/// (so it never follows or reuses anything already there) and is removed
/// again when writing fails. Failures are [`Error::WriteFile`] naming `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |source: io::Error| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    };
    let name = path.file_name().ok_or_else(|| {
        fail(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not end in a file name",
        ))
    })?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(
        ".{}-{}.tmp",
        std::process::id(),
        NEXT_TEMP.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = dir.join(temp_name);
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| fs::rename(&temp, path));
    written.map_err(|source| {
        // Best effort: the temporary file may not exist if creating it failed.
        let _ = fs::remove_file(&temp);
        fail(source)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("postdesk-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file_and_leaves_nothing_else() {
        let dir = temp_dir("replace");
        let path = dir.join("out.txt");
        write_atomic(&path, b"old").expect("first write");
        write_atomic(&path, b"new").expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        assert_eq!(entries(&dir), ["out.txt"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_names_the_file_and_cleans_up() {
        let dir = temp_dir("folder");
        let target = dir.join("sub");
        fs::create_dir(&target).expect("folder in the way");
        fs::write(target.join("keep"), b"x").expect("make it non-empty");
        let err = write_atomic(&target, b"data").expect_err("a folder is in the way");
        assert!(matches!(&err, Error::WriteFile { path, .. } if *path == target));
        assert!(err.to_string().starts_with("Could not write "), "{err}");
        assert_eq!(entries(&dir), ["sub"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_target_is_replaced_not_followed() {
        let dir = temp_dir("link");
        let outside = dir.join("outside.txt");
        fs::write(&outside, b"keep me").expect("outside file");
        let link = dir.join("link.txt");
        std::os::unix::fs::symlink(&outside, &link).expect("symlink");
        write_atomic(&link, b"new").expect("write");
        assert_eq!(fs::read(&outside).expect("read"), b"keep me");
        assert!(!fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink());
        let _ = fs::remove_dir_all(&dir);
    }
}

//! Finding the Markdown files under the paths the person chose, and only
//! files that are safe to read: regular files, inside the folder chosen (a
//! link may point elsewhere in that folder, never out of it, so that
//! `_posts/x.md -> /etc/passwd` in a cloned site is not imported), never a
//! named pipe, socket or device (reading one could block or never end).
//! Every file type is checked with `symlink_metadata`/`metadata` before
//! anything is opened. Links to folders inside are followed, each folder once,
//! so a link back up the tree cannot loop.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::ImportFailure;

/// A file to import: the path as found (shown in the report, read for the
/// names Hugo and Jekyll give meaning to) and the file it really is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub path: PathBuf,
    /// The canonical path, checked to be a regular file inside the folder chosen.
    pub real: PathBuf,
    /// Which file `real` was when it was checked, so that the reader can
    /// tell if another took its place before it was opened.
    pub identity: Identity,
}

/// The device and inode of a file (on Unix; elsewhere nothing is compared).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Identity {
    #[cfg(unix)]
    dev_ino: (u64, u64),
}

impl Identity {
    fn of(meta: &fs::Metadata) -> Identity {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Identity {
                dev_ino: (meta.dev(), meta.ino()),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Identity {}
        }
    }

    pub(crate) fn matches(&self, meta: &fs::Metadata) -> bool {
        *self == Identity::of(meta)
    }
}

/// The extensions of the files imported (without regard to case).
pub(crate) const EXTENSIONS: [&str; 3] = ["md", "markdown", "mdown"];

pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Skipped inside folders: hidden files and folders (`.git`, `.obsidian`),
/// `node_modules`, and Hugo's `_index.md` section pages, which list posts
/// rather than being one.
fn skipped_in_folder(name: &str) -> bool {
    name.starts_with('.')
        || name == "node_modules"
        || name.split('.').next().is_some_and(|stem| stem == "_index")
}

/// Sort a folder's entries so that a post's default-language file comes
/// before its translations (`index.md` before `index.fr.md`), and otherwise by name.
fn sort_key(path: &Path) -> (String, usize, String) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let first = name.split('.').next().unwrap_or_default().to_string();
    (first, name.matches('.').count(), name)
}

/// Every Markdown file under `paths`, in a stable order, each once. Paths
/// that cannot be used, and files that are not safe to read, become failures.
pub(crate) fn collect(paths: &[PathBuf], failed: &mut Vec<ImportFailure>) -> Vec<Found> {
    let mut walk = Walk {
        files: Vec::new(),
        failed,
        folders: HashSet::new(),
    };
    for path in paths {
        walk.chosen(path);
    }
    let mut seen = HashSet::new();
    let mut files = walk.files;
    files.retain(|found| seen.insert(found.real.clone()));
    files
}

/// What a path is, its links followed and kept inside the folder chosen.
enum Kind {
    Folder(PathBuf),
    File(PathBuf, Identity),
}

/// The reason for a path that cannot be looked at.
fn unusable(error: &io::Error) -> String {
    if error.kind() == io::ErrorKind::NotFound {
        "the file or folder does not exist".to_string()
    } else {
        format!("the file or folder could not be read: {error}")
    }
}

/// The reason for something that is neither a regular file nor a folder.
fn not_regular(kind: fs::FileType) -> String {
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            "a named pipe (FIFO)"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_block_device() || kind.is_char_device() {
            "a device"
        } else {
            "something other than a file"
        }
    };
    #[cfg(not(unix))]
    let what = {
        let _ = kind;
        "something other than a file"
    };
    format!(
        "it is {what}, not a regular file; only regular Markdown files are imported, \
         so save the text as a .md file and import that"
    )
}

/// Tell what `path` is without opening it. A link is resolved and must lead
/// inside `root` (canonical); what it leads to must be a folder or a regular file.
fn classify(path: &Path, root: &Path) -> Result<Kind, String> {
    let own = fs::symlink_metadata(path).map_err(|e| unusable(&e))?;
    let (meta, real) = if own.file_type().is_symlink() {
        let real = fs::canonicalize(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => unusable(&e),
            _ => format!(
                "it is a link that could not be followed ({e}); check that it does not lead back to itself"
            ),
        })?;
        if !real.starts_with(root) {
            let what = match fs::metadata(&real) {
                Ok(meta) if meta.is_dir() => "folder",
                _ => "file",
            };
            return Err(format!(
                "it is a link to {}, a {what} outside the folder being imported; \
                 links are followed only inside that folder, so copy the {what} into it to import it",
                real.display()
            ));
        }
        (fs::metadata(&real).map_err(|e| unusable(&e))?, real)
    } else {
        (own, fs::canonicalize(path).map_err(|e| unusable(&e))?)
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        Ok(Kind::Folder(real))
    } else if kind.is_file() {
        Ok(Kind::File(real, Identity::of(&meta)))
    } else {
        Err(not_regular(kind))
    }
}

/// The folder links must stay inside: the chosen folder itself, or the
/// folder a chosen file is in.
fn root_of(chosen: &Path) -> io::Result<PathBuf> {
    if fs::metadata(chosen)?.is_dir() {
        return fs::canonicalize(chosen);
    }
    match chosen.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => fs::canonicalize(parent),
        _ => fs::canonicalize("."),
    }
}

/// A walk over the chosen paths, in the order files will be imported.
struct Walk<'a> {
    files: Vec<Found>,
    failed: &'a mut Vec<ImportFailure>,
    /// The folders (canonical) already read: each is read once, so that a
    /// link back up the tree ends the walk there instead of looping.
    folders: HashSet<PathBuf>,
}

/// A path still to look at, in a folder or chosen.
enum Pending {
    Folder { shown: PathBuf, real: PathBuf },
    Entry(PathBuf),
}

impl Walk<'_> {
    fn fail(&mut self, path: &Path, reason: String) {
        self.failed.push(ImportFailure {
            path: path.to_path_buf(),
            reason,
        });
    }

    fn chosen(&mut self, path: &Path) {
        let root = match root_of(path) {
            Ok(root) => root,
            Err(e) => return self.fail(path, unusable(&e)),
        };
        match classify(path, &root) {
            Err(reason) => self.fail(path, reason),
            Ok(Kind::Folder(real)) => self.folder(path, real, &root),
            Ok(Kind::File(real, identity)) if is_markdown(path) => self.files.push(Found {
                path: path.to_path_buf(),
                real,
                identity,
            }),
            Ok(Kind::File(..)) => self.fail(
                path,
                "this is not a Markdown file; only .md, .markdown and .mdown files are imported"
                    .to_string(),
            ),
        }
    }

    /// Walk a folder depth first, with a stack rather than recursion, so
    /// that a very deep tree cannot exhaust the call stack.
    fn folder(&mut self, shown: &Path, real: PathBuf, root: &Path) {
        let mut stack = vec![Pending::Folder {
            shown: shown.to_path_buf(),
            real,
        }];
        while let Some(pending) = stack.pop() {
            match pending {
                Pending::Folder { shown, real } => {
                    if !self.folders.insert(real.clone()) {
                        continue;
                    }
                    let mut children = self.children(&shown, &real);
                    children.sort_by_cached_key(|p| sort_key(p));
                    stack.extend(children.into_iter().rev().map(Pending::Entry));
                }
                Pending::Entry(path) => {
                    let markdown = is_markdown(&path);
                    match classify(&path, root) {
                        Ok(Kind::Folder(real)) => stack.push(Pending::Folder { shown: path, real }),
                        Ok(Kind::File(real, identity)) if markdown => self.files.push(Found {
                            path,
                            real,
                            identity,
                        }),
                        Ok(Kind::File(..)) => {}
                        // Refusals matter for what would have been imported:
                        // Markdown files and folders.
                        Err(reason)
                            if markdown || fs::metadata(&path).is_ok_and(|m| m.is_dir()) =>
                        {
                            self.fail(&path, reason)
                        }
                        Err(_) => {}
                    }
                }
            }
        }
    }

    /// The entries of a folder that are not skipped, named as found under `shown`.
    fn children(&mut self, shown: &Path, real: &Path) -> Vec<PathBuf> {
        let entries = match fs::read_dir(real) {
            Ok(entries) => entries,
            Err(e) => {
                self.fail(shown, format!("the folder could not be read: {e}"));
                return Vec::new();
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let name = entry.file_name();
                    if !skipped_in_folder(&name.to_string_lossy()) {
                        children.push(shown.join(name));
                    }
                }
                Err(e) => self.fail(shown, format!("the folder could not be read: {e}")),
            }
        }
        children
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_extensions() {
        assert!(is_markdown(Path::new("a.md")));
        assert!(is_markdown(Path::new("a.MARKDOWN")));
        assert!(is_markdown(Path::new("a.mdown")));
        assert!(!is_markdown(Path::new("a.txt")));
        assert!(!is_markdown(Path::new("md")));
    }

    #[test]
    fn skipped_names() {
        assert!(skipped_in_folder(".git"));
        assert!(skipped_in_folder("node_modules"));
        assert!(skipped_in_folder("_index.md"));
        assert!(skipped_in_folder("_index.fr.md"));
        assert!(!skipped_in_folder("_drafts"));
        assert!(!skipped_in_folder("index.md"));
    }

    #[test]
    fn default_language_first() {
        let mut names = vec![
            "index.fr.md",
            "post.md",
            "index.md",
            "post-2.md",
            "post.fr.md",
        ];
        names.sort_by_cached_key(|n| sort_key(Path::new(n)));
        assert_eq!(
            names,
            [
                "index.md",
                "index.fr.md",
                "post.md",
                "post.fr.md",
                "post-2.md"
            ]
        );
    }
}

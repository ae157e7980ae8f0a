//! Finding the Markdown files under the paths the person chose.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::ImportFailure;

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
/// that cannot be used become failures.
pub(crate) fn collect(paths: &[PathBuf], failed: &mut Vec<ImportFailure>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        visit(path, true, &mut files, failed);
    }
    let mut seen = HashSet::new();
    files.retain(|p| seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    files
}

fn visit(path: &Path, chosen: bool, files: &mut Vec<PathBuf>, failed: &mut Vec<ImportFailure>) {
    let fail = |failed: &mut Vec<ImportFailure>, reason: String| {
        failed.push(ImportFailure {
            path: path.to_path_buf(),
            reason,
        })
    };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return fail(failed, "the file or folder does not exist".to_string())
        }
        Err(e) => return fail(failed, format!("the file or folder could not be read: {e}")),
    };
    if meta.is_dir() {
        if !chosen && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            // A linked folder could lead back to where we are.
            return;
        }
        let entries = match fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => return fail(failed, format!("the folder could not be read: {e}")),
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    if !skipped_in_folder(&entry.file_name().to_string_lossy()) {
                        children.push(entry.path());
                    }
                }
                Err(e) => fail(failed, format!("the folder could not be read: {e}")),
            }
        }
        children.sort_by_cached_key(|p| sort_key(p));
        for child in children {
            if child.is_dir() || is_markdown(&child) {
                visit(&child, false, files, failed);
            }
        }
    } else if is_markdown(path) {
        files.push(path.to_path_buf());
    } else if chosen {
        fail(
            failed,
            "this is not a Markdown file; only .md, .markdown and .mdown files are imported"
                .to_string(),
        );
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

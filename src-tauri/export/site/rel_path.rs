//! Paths inside the export folder. Every file an export writes is named by a
//! [`RelPath`], and a `RelPath` can only be built from components that pass
//! [`check_component`]: so no title, slug, image name or hand-edited manifest
//! can make a path that leaves the folder or that Windows, macOS or Linux
//! would refuse.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Longest component, in bytes. Slugs are at most 80; the longest names we
/// make are `YYYY-MM-DD-<slug>.md` and `<stem>-<8 hex>.<ext>`.
const MAX_COMPONENT: usize = 120;
/// Longest relative path, in bytes: keeps well inside Windows' 260 for
/// export folders with ordinary names.
const MAX_PATH: usize = 200;

/// A relative path inside the export folder, `/`-separated, every component
/// checked. The only way an export names a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelPath(String);

impl RelPath {
    /// A path from its components, each checked.
    pub fn new<S: AsRef<str>>(components: &[S]) -> Result<RelPath> {
        if components.is_empty() {
            return Err(bad_path("", "it is empty"));
        }
        for c in components {
            check_component(c.as_ref())?;
        }
        let joined = components
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join("/");
        if joined.len() > MAX_PATH {
            return Err(bad_path(&joined, "it is too long"));
        }
        Ok(RelPath(joined))
    }

    /// Parse a `/`-separated path (from the manifest), checking every component.
    pub fn parse(s: &str) -> Result<RelPath> {
        RelPath::new(&s.split('/').collect::<Vec<_>>())
    }

    /// This path with one more component.
    pub fn join(&self, component: &str) -> Result<RelPath> {
        let mut parts: Vec<&str> = self.components().collect();
        parts.push(component);
        RelPath::new(&parts)
    }

    /// A hidden file at the top of the folder (the manifest): only for names
    /// fixed in the code, whose part after the dot passes [`check_component`].
    pub(crate) fn hidden(name: &'static str) -> RelPath {
        RelPath(name.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn components(&self) -> impl Iterator<Item = &str> {
        self.0.split('/')
    }

    /// The folder part (`None` for a file at the top of the export folder).
    pub fn parent(&self) -> Option<RelPath> {
        self.0
            .rsplit_once('/')
            .map(|(dir, _)| RelPath(dir.to_string()))
    }

    /// Every ancestor folder, outermost first (`a`, `a/b` for `a/b/c`).
    pub fn ancestors(&self) -> Vec<RelPath> {
        let parts: Vec<&str> = self.components().collect();
        (1..parts.len())
            .map(|n| RelPath(parts[..n].join("/")))
            .collect()
    }

    /// The path under `root`.
    pub fn under(&self, root: &Path) -> PathBuf {
        let mut p = root.to_path_buf();
        p.extend(self.components());
        p
    }

    /// How many folders deep the file is (`index.html` is 0, `posts/x/index.html` is 2).
    pub fn depth(&self) -> usize {
        self.0.matches('/').count()
    }
}

impl fmt::Display for RelPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Check one path component. We only ever make lowercase ASCII names, so the
/// rule is an allow-list (`a-z`, `0-9`, `-`, `_`, `.`) rather than a list of
/// what each OS forbids; on top of it: no leading dot (hidden files, `..`),
/// no trailing dot (Windows drops it), no device names (`con`, `nul.txt`).
pub fn check_component(c: &str) -> Result<()> {
    let why = if c.is_empty() {
        Some("a part of it is empty")
    } else if c.len() > MAX_COMPONENT {
        Some("a part of it is too long")
    } else if !c
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
    {
        Some("it holds characters other than a-z, 0-9, '-', '_' and '.'")
    } else if c.starts_with('.') || c.ends_with('.') {
        Some("a part of it starts or ends with a dot")
    } else if crate::slug::is_reserved(c) {
        Some("a part of it is a name Windows reserves")
    } else {
        None
    };
    match why {
        Some(why) => Err(bad_path(c, why)),
        None => Ok(()),
    }
}

fn bad_path(path: &str, why: &str) -> Error {
    Error::invalid(
        "path",
        format!("Postdesk will not write the file \"{path}\": {why}."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_components_are_refused() {
        for bad in [
            "", ".", "..", "../x", "/etc", "a/b", "a\\b", "C:", "con", "nul.txt", "Aux", "x.",
            ".hidden", "é", "a b", "a\0b", "lpt1.md",
        ] {
            assert!(check_component(bad).is_err(), "{bad:?} was accepted");
        }
        for good in [
            "index.md",
            "2024-03-05-budget.md",
            "photo-0a1b2c3d.png",
            "page",
            "2",
        ] {
            assert!(check_component(good).is_ok(), "{good:?} was refused");
        }
    }

    #[test]
    fn parse_checks_every_component() {
        assert!(RelPath::parse("posts/../../etc/passwd").is_err());
        assert!(RelPath::parse("/etc/passwd").is_err());
        assert!(RelPath::parse("posts//x").is_err());
        let p = RelPath::parse("fr/posts/x/index.html").unwrap();
        assert_eq!(p.depth(), 3);
        assert_eq!(p.parent().unwrap().as_str(), "fr/posts/x");
        let anc: Vec<String> = p.ancestors().iter().map(|a| a.to_string()).collect();
        assert_eq!(anc, ["fr", "fr/posts", "fr/posts/x"]);
    }

    #[test]
    fn long_paths_are_refused() {
        let long = "a".repeat(100);
        assert!(RelPath::new(&[long.as_str(), long.as_str(), "x"]).is_err());
        assert!(RelPath::new(&["a".repeat(MAX_COMPONENT + 1)]).is_err());
    }
}

//! The `publish.*` settings of a site repository, and their checks (also
//! used by `library_settings` when they are set).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::git::Git;
use crate::error::{Error, Result};
use crate::export::site::SiteFormat;
use crate::library_settings;
use crate::store::Store;

/// The `publish.*` settings, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteRepoSettings {
    /// The site's root in the clone (canonical).
    pub repo: PathBuf,
    pub format: SiteFormat,
    /// Empty: the branch the clone is on.
    pub branch: String,
}

impl SiteRepoSettings {
    pub fn load(store: &Store) -> Result<SiteRepoSettings> {
        let repo = library_settings::get(store, "publish.repo")?;
        if repo.is_empty() {
            return Err(Error::SiteRepo {
                message:
                    "No site repository is set: choose your copy of the site's git repository \
                          in Settings → Publishing (or: postdesk config set publish.repo PATH)."
                        .into(),
            });
        }
        Ok(SiteRepoSettings {
            repo: check_repo(&repo).map_err(|message| Error::SiteRepo { message })?,
            format: SiteFormat::from_str(&library_settings::get(store, "publish.format")?)?,
            branch: library_settings::get(store, "publish.branch")?,
        })
    }
}

/// `publish.repo`: an absolute path, written canonically, to a folder inside
/// a git work tree. Returns the canonical path, or why not (one sentence).
pub fn check_repo(value: &str) -> std::result::Result<PathBuf, String> {
    let path = Path::new(value);
    if !path.is_absolute() {
        return Err("it must be a full path, starting with /".into());
    }
    let real = path
        .canonicalize()
        .map_err(|e| format!("the folder cannot be opened ({e})"))?;
    if real != path {
        return Err(format!("write it as its real path: {}", real.display()));
    }
    if !real.is_dir() {
        return Err("it is not a folder".into());
    }
    let inside = Git::new(&real)
        .run(&["rev-parse", "--is-inside-work-tree"])
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    if inside.trim() != "true" {
        return Err("it is not a git clone of the site (git found no work tree there)".into());
    }
    Ok(real)
}

/// `publish.branch`: empty, or a plain branch name git accepts.
pub fn check_branch(value: &str) -> std::result::Result<(), String> {
    let bad = value.starts_with(['-', '/', '.'])
        || value.ends_with(['/', '.'])
        || value.ends_with(".lock")
        || value.contains("..")
        || value.contains("//")
        || value.contains("@{")
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if !value.is_empty() && bad {
        return Err("it must be a branch name such as main or postdesk/spring-appeal".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_names() {
        for ok in ["", "main", "postdesk/spring-appeal", "release_2.1"] {
            assert!(check_branch(ok).is_ok(), "{ok}");
        }
        for bad in [
            "-f", "--force", "a..b", "a b", "x.lock", "/x", "x/", "a@{1}", "é",
        ] {
            assert!(check_branch(bad).is_err(), "{bad}");
        }
    }
}

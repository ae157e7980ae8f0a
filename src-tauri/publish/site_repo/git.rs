//! Site publishing's view of the app's one git runner ([`crate::gitcli`]):
//! the same safe environment (no prompt, English messages, limited
//! transports, a time limit), plus `--literal-pathspecs` on every run so a
//! file name is never a glob, and git's failures turned into
//! [`Error::SiteRepo`] sentences that name the repository.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::gitcli::{self, GitError, GitErrorKind};

/// A git runner in the site's clone.
#[derive(Debug, Clone)]
pub(crate) struct Git {
    pub dir: PathBuf,
    inner: gitcli::Git,
}

impl Git {
    pub fn new(dir: &Path) -> Git {
        Git {
            dir: dir.to_path_buf(),
            inner: gitcli::Git::new(dir),
        }
    }

    /// Run `git --literal-pathspecs <args>`: git's output, or its failure
    /// (only a git that cannot start at all is an [`Error`] here).
    pub fn run(&self, args: &[&str]) -> Result<std::result::Result<String, GitError>> {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push("--literal-pathspecs");
        all.extend_from_slice(args);
        match self.inner.run(&all) {
            Err(e) if e.kind == GitErrorKind::Missing => Err(Error::SiteRepo {
                message: format!(
                    "Postdesk could not run git ({}); install git and make sure it is on the PATH.",
                    e.detail
                ),
            }),
            other => Ok(other),
        }
    }

    /// [`Git::run`], turning a failure into [`Error::SiteRepo`] saying `doing`.
    pub fn ok(&self, args: &[&str], doing: &str) -> Result<String> {
        self.run(args)?.map_err(|e| Error::SiteRepo {
            message: format!(
                "git could not {doing} in {}: {}",
                self.dir.display(),
                said(&e)
            ),
        })
    }
}

/// git's last words for an error sentence.
pub(crate) fn said(e: &GitError) -> String {
    if e.detail.is_empty() {
        "no message".to_string()
    } else {
        e.detail.clone()
    }
}

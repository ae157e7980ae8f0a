//! A small private runner of the system `git` command for publishing to a
//! site repository. TO BE REPLACED BY gitcli.rs AT MERGE (the app's one git
//! runner, written in parallel): same rules there.
//!
//! Rules: the system `git` (so the user's credentials, SSH config and
//! helpers work); `GIT_TERMINAL_PROMPT=0` so it never waits for a password
//! on a terminal nobody watches; always `-C <repo>`; every user-supplied
//! value goes after `--` or as the value of an `--option=value`, never where
//! git could read it as an option; pathspecs are literal
//! (`--literal-pathspecs`), so a file name is never a glob.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::error::{Error, Result};

/// One git invocation's outcome.
pub(crate) struct GitOutput {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

/// The repository git runs in.
#[derive(Debug, Clone)]
pub(crate) struct Git {
    pub dir: PathBuf,
}

impl Git {
    pub fn new(dir: &Path) -> Git {
        Git {
            dir: dir.to_path_buf(),
        }
    }

    /// Run `git -C <dir> <args>`; a failure to start git at all is an error.
    pub fn run(&self, args: &[&str]) -> Result<GitOutput> {
        let output: Output = Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .arg("--literal-pathspecs")
            .args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| Error::SiteRepo {
                message: format!(
                    "Postdesk could not run git ({e}); install git and make sure it is on the PATH."
                ),
            })?;
        Ok(GitOutput {
            ok: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        })
    }

    /// [`Git::run`], turning a failure into [`Error::SiteRepo`] saying `doing`.
    pub fn ok(&self, args: &[&str], doing: &str) -> Result<String> {
        let out = self.run(args)?;
        if !out.ok {
            return Err(Error::SiteRepo {
                message: format!(
                    "git could not {doing} in {}: {}",
                    self.dir.display(),
                    first_line(&out.stderr)
                ),
            });
        }
        Ok(out.stdout)
    }
}

/// The first non-empty line of git's message, for an error sentence.
pub(crate) fn first_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message")
        .to_string()
}

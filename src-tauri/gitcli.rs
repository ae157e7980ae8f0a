//! The one runner of the system `git` command for the whole app (team sync
//! today, publishing a site later). Going through the user's own `git` means
//! their SSH agent, `~/.ssh/config`, credential helpers and tokens work as in
//! their terminal.
//!
//! Every run: no terminal prompt (`GIT_TERMINAL_PROMPT=0`), no pager, English
//! messages (so failures can be classified), transports limited to
//! file/git/ssh/https (`GIT_ALLOW_PROTOCOL`), stdin closed unless given, and a
//! time limit so nothing hangs. A user's string is never put where git could
//! read it as an option: [`check_remote_url`] refuses addresses starting with
//! `-` and `ext::`-style transports, and callers pass them after `--` or as
//! config values. Failures come back as a [`GitError`] whose [`GitErrorKind`]
//! says what to tell the person.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What went wrong, as far as the person needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitErrorKind {
    /// The remote refused the key, token or password.
    AuthRefused,
    /// No network, host unknown or down, or a local remote that vanished.
    Unreachable,
    /// The address or folder is not a git repository.
    NotARepository,
    /// A push was refused because the remote moved on (fetch, merge, retry).
    PushRejected,
    /// The remote has no such branch (an empty repository).
    NoSuchBranch,
    /// `git` is not installed or could not start.
    Missing,
    /// It ran longer than its time limit and was stopped.
    TimedOut,
    /// The address is refused before running anything (option-like, unsupported transport).
    BadAddress,
    /// Anything else; the detail holds git's own words.
    Other,
}

/// A failed git run: the kind and git's last words (or our reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitError {
    pub kind: GitErrorKind,
    pub detail: String,
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sentence = match self.kind {
            GitErrorKind::AuthRefused => "The repository refused your key or password; check that you can reach it from a terminal (git fetch), then sync again.",
            GitErrorKind::Unreachable => "The repository cannot be reached (no network, or it is not there right now); your work is kept and will be shared at the next sync.",
            GitErrorKind::NotARepository => "That address is not a git repository; check the repository address in Settings → Team.",
            GitErrorKind::PushRejected => "The repository refused the changes because a teammate shared first; sync again to merge them.",
            GitErrorKind::NoSuchBranch => "The repository has no such branch yet.",
            GitErrorKind::Missing => "Git is not installed or could not start; install git and try again.",
            GitErrorKind::TimedOut => "Git took too long and was stopped; check the network and sync again.",
            GitErrorKind::BadAddress => "That repository address is not accepted; use an https://, ssh:// or user@host:path address, or a folder.",
            GitErrorKind::Other => "Git failed; sync again, and if it keeps failing show this message to whoever looks after the repository.",
        };
        if self.detail.is_empty() {
            f.write_str(sentence)
        } else {
            write!(f, "{sentence} (git said: {})", self.detail)
        }
    }
}

impl std::error::Error for GitError {}

/// Network operations may take this long; local ones are much quicker.
pub const NETWORK_TIMEOUT: Duration = Duration::from_secs(180);

/// Runs `git` in one directory with the safe environment.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    envs: Vec<(String, String)>,
    timeout: Duration,
}

impl Git {
    /// A runner working in `dir` (a repository or its parent).
    pub fn new(dir: impl Into<PathBuf>) -> Git {
        Git {
            dir: dir.into(),
            envs: Vec::new(),
            timeout: NETWORK_TIMEOUT,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The same runner with one more environment variable (author, index file).
    pub fn with_env(&self, key: &str, value: &str) -> Git {
        let mut g = self.clone();
        g.envs.push((key.into(), value.into()));
        g
    }

    /// Run and return stdout as text.
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<String, GitError> {
        let out = self.run_bytes(args, None)?;
        String::from_utf8(out).map_err(|_| GitError {
            kind: GitErrorKind::Other,
            detail: "git printed something that is not UTF-8".into(),
        })
    }

    /// Run with `stdin` fed to the process; stdout as bytes.
    pub fn run_bytes<S: AsRef<OsStr>>(
        &self,
        args: &[S],
        stdin: Option<&[u8]>,
    ) -> Result<Vec<u8>, GitError> {
        let mut cmd = Command::new("git");
        cmd.args(["-c", "core.quotePath=false", "--no-pager"])
            .args(args)
            .current_dir(&self.dir)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GCM_INTERACTIVE", "never")
            .env("GIT_PAGER", "cat")
            .env("PAGER", "cat")
            .env("LC_ALL", "C")
            .env("LANGUAGE", "C")
            .env("GIT_ALLOW_PROTOCOL", "file:git:ssh:https")
            // A git environment inherited from a hook or a terminal must not
            // point the run at another repository (callers set their own below).
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.envs {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().map_err(|e| GitError {
            kind: GitErrorKind::Missing,
            detail: e.to_string(),
        })?;
        let writer = match (stdin, child.stdin.take()) {
            (Some(data), Some(mut pipe)) => {
                let data = data.to_vec();
                Some(std::thread::spawn(move || {
                    let _ = pipe.write_all(&data);
                }))
            }
            _ => None,
        };
        let stdout = child.stdout.take().map(reader);
        let stderr = child.stderr.take().map(reader);
        let started = Instant::now();
        let mut pause = Duration::from_micros(200);
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() > self.timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(GitError {
                        kind: GitErrorKind::TimedOut,
                        detail: String::new(),
                    });
                }
                Ok(None) => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(10));
                }
                Err(e) => {
                    return Err(GitError {
                        kind: GitErrorKind::Other,
                        detail: e.to_string(),
                    })
                }
            }
        };
        if let Some(w) = writer {
            let _ = w.join();
        }
        let out = stdout.map(join_reader).unwrap_or_default();
        let err = stderr.map(join_reader).unwrap_or_default();
        if status.success() {
            Ok(out)
        } else {
            Err(classify(&String::from_utf8_lossy(&err)))
        }
    }

    /// The contents of many objects at once (`git cat-file --batch`), in the
    /// order asked (`None` for a missing one): one process however many.
    pub fn read_blobs(&self, oids: &[String]) -> Result<Vec<Option<Vec<u8>>>, GitError> {
        if oids.is_empty() {
            return Ok(Vec::new());
        }
        let mut input = String::with_capacity(oids.len() * 41);
        for oid in oids {
            input.push_str(oid);
            input.push('\n');
        }
        let out = self.run_bytes(&["cat-file", "--batch"], Some(input.as_bytes()))?;
        let bad = |why: &str| GitError {
            kind: GitErrorKind::Other,
            detail: format!("unexpected cat-file output: {why}"),
        };
        let mut blobs = Vec::with_capacity(oids.len());
        let mut rest = out.as_slice();
        for _ in oids {
            let nl = rest
                .iter()
                .position(|b| *b == b'\n')
                .ok_or_else(|| bad("no header"))?;
            let header = String::from_utf8_lossy(&rest[..nl]).to_string();
            if header.ends_with(" missing") || header.ends_with(" ambiguous") {
                blobs.push(None);
                rest = &rest[nl + 1..];
                continue;
            }
            let size: usize = header
                .rsplit(' ')
                .next()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| bad(&header))?;
            let body = rest
                .get(nl + 1..nl + 1 + size)
                .ok_or_else(|| bad("short object"))?;
            blobs.push(Some(body.to_vec()));
            rest = rest.get(nl + 2 + size..).unwrap_or_default();
        }
        Ok(blobs)
    }
}

fn reader<R: Read + Send + 'static>(mut r: R) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn join_reader(h: std::thread::JoinHandle<Vec<u8>>) -> Vec<u8> {
    h.join().unwrap_or_default()
}

/// Sort git's stderr into a kind the person can act on.
pub fn classify(stderr: &str) -> GitError {
    let s = stderr.to_ascii_lowercase();
    let has = |needles: &[&str]| needles.iter().any(|n| s.contains(n));
    let kind = if has(&[
        "permission denied (publickey",
        "authentication failed",
        "could not read username",
        "could not read password",
        "terminal prompts disabled",
        "invalid username or password",
        "access denied",
        "http basic: access denied",
        "the requested url returned error: 403",
        "the requested url returned error: 401",
        "host key verification failed",
    ]) {
        GitErrorKind::AuthRefused
    } else if has(&[
        "could not resolve host",
        "could not resolve hostname",
        "connection refused",
        "network is unreachable",
        "connection timed out",
        "operation timed out",
        "no route to host",
        "temporary failure in name resolution",
        "failed to connect",
        "connection reset",
    ]) {
        GitErrorKind::Unreachable
    } else if has(&[
        "[rejected]",
        "non-fast-forward",
        "fetch first",
        "cannot lock ref",
    ]) {
        GitErrorKind::PushRejected
    } else if has(&["couldn't find remote ref"]) {
        GitErrorKind::NoSuchBranch
    } else if has(&[
        "not a git repository",
        "does not appear to be a git repository",
        "repository not found",
    ]) {
        GitErrorKind::NotARepository
    } else {
        GitErrorKind::Other
    };
    let detail = stderr
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty() && !l.starts_with("hint:"))
        .unwrap_or_default()
        .chars()
        .take(300)
        .collect();
    GitError { kind, detail }
}

/// Accept only addresses git cannot take as an option or a helper program:
/// `https://`, `ssh://`, `git://`, `file://`, `user@host:path` and absolute
/// folders. `-…`, `ext::…` and other `transport::` forms, `http://` (sent in
/// the clear) and control characters are refused.
pub fn check_remote_url(url: &str) -> Result<(), GitError> {
    let refuse = |why: &str| {
        Err(GitError {
            kind: GitErrorKind::BadAddress,
            detail: why.into(),
        })
    };
    let url_trim = url.trim();
    if url_trim.is_empty() {
        return refuse("the address is empty");
    }
    if url_trim.starts_with('-') {
        return refuse("an address cannot start with -");
    }
    if url_trim.chars().any(char::is_control) {
        return refuse("an address is one line");
    }
    if url_trim.contains("::") {
        return refuse("transport helpers (such as ext::) are not allowed");
    }
    let lower = url_trim.to_ascii_lowercase();
    if ["https://", "ssh://", "git://", "file://"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Ok(());
    }
    if lower.starts_with("http://") {
        return refuse("http:// sends your password in the clear; use https://");
    }
    if lower.contains("://") {
        return refuse("only https, ssh, git and file addresses are supported");
    }
    if Path::new(url_trim).is_absolute() {
        return Ok(());
    }
    // scp-like `user@host:path` or `host:path` (no slash before the colon).
    match url_trim.split_once(':') {
        Some((host, path)) if !host.is_empty() && !host.contains('/') && !path.is_empty() => Ok(()),
        _ => refuse("use an https://, ssh:// or user@host:path address, or a full folder path"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_like_and_helper_addresses_are_refused() {
        for bad in [
            "-uhelp",
            "--upload-pack=touch /tmp/x",
            "ext::sh -c touch% /tmp/pwned",
            "fd::17",
            "http://example.org/r.git",
            "relative/path",
            "",
            "https://a\nb",
        ] {
            assert!(check_remote_url(bad).is_err(), "{bad:?} was accepted");
        }
        for good in [
            "https://github.com/org/drafts.git",
            "ssh://git@host/org/drafts.git",
            "git@github.com:org/drafts.git",
            "/srv/git/drafts.git",
            "file:///srv/git/drafts.git",
        ] {
            assert!(check_remote_url(good).is_ok(), "{good:?} was refused");
        }
    }

    #[test]
    fn stderr_is_classified() {
        let k = |s: &str| classify(s).kind;
        assert_eq!(
            k("git@host: Permission denied (publickey).\nfatal: Could not read from remote repository."),
            GitErrorKind::AuthRefused
        );
        assert_eq!(
            k("ssh: Could not resolve hostname nowhere.invalid: Name or service not known"),
            GitErrorKind::Unreachable
        );
        assert_eq!(
            k(" ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs"),
            GitErrorKind::PushRejected
        );
        assert_eq!(
            k("fatal: '/gone' does not appear to be a git repository"),
            GitErrorKind::NotARepository
        );
        assert_eq!(
            k("fatal: couldn't find remote ref main"),
            GitErrorKind::NoSuchBranch
        );
    }
}

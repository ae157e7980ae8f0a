//! Postdesk's own bare clone of the team repository, kept beside the library
//! file (`<library>.team.git`): fetch, read trees and blobs, build commits
//! with plumbing (`git fast-import` onto the fetched remote commit, so no
//! working tree is ever touched) and push them without force.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::gitcli::{Git, GitError, GitErrorKind};

/// The clone Postdesk keeps for a library file.
pub fn clone_dir(library: &Path) -> PathBuf {
    let mut name = library.file_name().unwrap_or_default().to_os_string();
    name.push(".team.git");
    library.with_file_name(name)
}

/// Who commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub email: String,
}

/// One file change for a commit: `None` deletes the path.
pub type Change = (String, Option<Vec<u8>>);

/// One commit that touched a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touch {
    pub commit: String,
    pub name: String,
    pub email: String,
    pub at: String,
}

#[derive(Debug, Clone)]
pub struct Repo {
    pub git: Git,
    /// The shared folder inside the repository, e.g. `postdesk`.
    pub folder: String,
    pub branch: String,
}

impl Repo {
    /// Open (creating it if needed) the bare clone at `dir` pointing at `url`.
    pub fn open(dir: &Path, url: &str, folder: &str, branch: &str) -> Result<Repo> {
        crate::gitcli::check_remote_url(url)?;
        if !dir.join("HEAD").is_file() {
            std::fs::create_dir_all(dir)?;
            Git::new(dir).run(&["init", "--bare", "-q", "."])?;
        }
        let git = Git::new(dir);
        // A config value is never read as an option, whatever it holds.
        git.run(&["config", "remote.origin.url", url])?;
        Ok(Repo {
            git,
            folder: folder.to_string(),
            branch: branch.to_string(),
        })
    }

    fn tracking_ref(&self) -> String {
        format!("refs/remotes/origin/{}", self.branch)
    }

    /// Fetch the team branch; `None` when the repository has no such branch yet.
    pub fn fetch(&self) -> Result<Option<String>> {
        let spec = format!("+refs/heads/{}:{}", self.branch, self.tracking_ref());
        match self.git.run(&[
            "fetch",
            "--no-tags",
            "--no-write-fetch-head",
            "-q",
            "origin",
            &spec,
        ]) {
            Ok(_) => {}
            Err(e) if e.kind == GitErrorKind::NoSuchBranch => return Ok(None),
            Err(e) => return Err(self.local_remote_gone(e).into()),
        }
        Ok(Some(
            self.git
                .run(&["rev-parse", "--verify", "-q", &self.tracking_ref()])?
                .trim()
                .to_string(),
        ))
    }

    /// A local remote that is missing (an unmounted share) is "unreachable", not "not a repository".
    fn local_remote_gone(&self, e: GitError) -> GitError {
        if e.kind != GitErrorKind::NotARepository {
            return e;
        }
        let url = self
            .git
            .run(&["config", "remote.origin.url"])
            .unwrap_or_default();
        let path = url.trim().trim_start_matches("file://");
        if Path::new(path).is_absolute() && !Path::new(path).exists() {
            GitError {
                kind: GitErrorKind::Unreachable,
                detail: e.detail,
            }
        } else {
            e
        }
    }

    /// The last fetched commit of the team branch, if any.
    pub fn tracking_head(&self) -> Option<String> {
        self.git
            .run(&["rev-parse", "--verify", "-q", &self.tracking_ref()])
            .ok()
            .map(|s| s.trim().to_string())
    }

    /// The remote's default branch, or `main` for an empty repository.
    pub fn remote_default_branch(git: &Git) -> Result<String> {
        let out = git.run(&["ls-remote", "--symref", "origin", "HEAD"])?;
        Ok(out
            .lines()
            .find_map(|l| l.strip_prefix("ref: refs/heads/"))
            .and_then(|l| l.split('\t').next())
            .unwrap_or("main")
            .to_string())
    }

    /// The full path of a file of the shared folder.
    pub fn full(&self, rel: &str) -> String {
        format!("{}/{rel}", self.folder)
    }

    /// The path relative to the shared folder, if it is inside it.
    pub fn rel<'a>(&self, full: &'a str) -> Option<&'a str> {
        full.strip_prefix(&self.folder)?.strip_prefix('/')
    }

    /// Post files that changed between two commits: (relative path, new blob or `None` if deleted).
    pub fn changed(&self, from: &str, to: &str) -> Result<Vec<(String, Option<String>)>> {
        let scope = self.full("posts");
        let out = self.git.run(&[
            "diff-tree",
            "-r",
            "--no-renames",
            "-z",
            from,
            to,
            "--",
            &scope,
        ])?;
        let mut parts = out.split('\0');
        let mut changes = Vec::new();
        while let Some(meta) = parts.next() {
            if meta.is_empty() {
                continue;
            }
            let Some(path) = parts.next() else { break };
            let fields: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
            let (new_oid, status) = (fields.get(3), fields.get(4));
            if let (Some(rel), Some(oid), Some(status)) = (self.rel(path), new_oid, status) {
                let blob = (!status.starts_with('D')).then(|| oid.to_string());
                changes.push((rel.to_string(), blob));
            }
        }
        Ok(changes)
    }

    /// Blobs at these relative paths in `commit` (missing paths left out).
    pub fn blobs_at(&self, commit: &str, rels: &[String]) -> Result<HashMap<String, String>> {
        let mut found = HashMap::new();
        for chunk in rels.chunks(500) {
            let mut args = vec![
                "ls-tree".to_string(),
                "-z".into(),
                commit.into(),
                "--".into(),
            ];
            args.extend(chunk.iter().map(|r| self.full(r)));
            found.extend(self.parse_ls_tree(&self.git.run(&args)?));
        }
        Ok(found)
    }

    /// Every file under the shared `posts/` folder in `commit`.
    pub fn all_posts(&self, commit: &str) -> Result<HashMap<String, String>> {
        let scope = self.full("posts");
        let out = self
            .git
            .run(&["ls-tree", "-r", "-z", commit, "--", &scope])?;
        Ok(self.parse_ls_tree(&out))
    }

    /// The files directly inside the folder `rel` in `commit`: (relative path, blob).
    pub fn folder_files(&self, commit: &str, rel: &str) -> Result<Vec<(String, String)>> {
        let spec = format!("{}/", self.full(rel));
        let out = self.git.run(&["ls-tree", "-z", commit, "--", &spec])?;
        let mut files: Vec<(String, String)> = self.parse_ls_tree(&out).into_iter().collect();
        files.sort();
        Ok(files)
    }

    /// Whether `rel` exists in `commit`.
    pub fn has(&self, commit: &str, rel: &str) -> Result<bool> {
        Ok(!self.blobs_at(commit, &[rel.to_string()])?.is_empty())
    }

    fn parse_ls_tree(&self, out: &str) -> HashMap<String, String> {
        out.split('\0')
            .filter_map(|entry| {
                let (meta, path) = entry.split_once('\t')?;
                let mut f = meta.split(' ');
                let (_mode, kind, oid) = (f.next()?, f.next()?, f.next()?);
                (kind == "blob").then_some((self.rel(path)?.to_string(), oid.to_string()))
            })
            .collect()
    }

    /// A commit on top of `parent` (`None`: the first commit) with `changes`
    /// applied, built by `git fast-import` in the clone; returns its id.
    pub fn commit(
        &self,
        parent: Option<&str>,
        changes: &[Change],
        author: &Author,
        message: &str,
    ) -> Result<String> {
        let clean = |s: &str| s.replace(['<', '>', '\n', '\r'], "");
        let who = format!(
            "{} <{}> {} +0000",
            clean(&author.name),
            clean(&author.email),
            chrono::Utc::now().timestamp()
        );
        let out_ref = "refs/postdesk/outgoing";
        let mut s: Vec<u8> = Vec::new();
        s.extend(
            format!("reset {out_ref}\ncommit {out_ref}\nauthor {who}\ncommitter {who}\n").bytes(),
        );
        s.extend(format!("data {}\n{message}\n", message.len()).bytes());
        if let Some(p) = parent {
            s.extend(format!("from {p}\n").bytes());
        }
        for (rel, data) in changes {
            let path = self.full(rel);
            match data {
                Some(bytes) => {
                    s.extend(format!("M 100644 inline {path}\ndata {}\n", bytes.len()).bytes());
                    s.extend(bytes);
                    s.push(b'\n');
                }
                None => s.extend(format!("D {path}\n").bytes()),
            }
        }
        self.git
            .run_bytes(&["fast-import", "--quiet", "--force"], Some(&s))?;
        Ok(self
            .git
            .run(&["rev-parse", "--verify", out_ref])?
            .trim()
            .to_string())
    }

    /// Push `commit` to the team branch, never forcing. A refusal because a
    /// teammate pushed first is [`GitErrorKind::PushRejected`].
    pub fn push(&self, commit: &str) -> Result<()> {
        let spec = format!("{commit}:refs/heads/{}", self.branch);
        self.git.run(&["push", "-q", "origin", &spec])?;
        self.git
            .run(&["update-ref", &self.tracking_ref(), commit])?;
        Ok(())
    }

    /// For each post file touched in `range` (`A..B` or a commit), the newest
    /// commit that touched it.
    pub fn last_touches(&self, range: &str) -> Result<HashMap<String, Touch>> {
        let scope = self.full("posts");
        let out = self.git.run(&[
            "log",
            "--no-renames",
            "--format=%x01%H%x00%an%x00%ae%x00%aI%x00",
            "--name-only",
            "-z",
            range,
            "--",
            &scope,
        ])?;
        let mut touches = HashMap::new();
        for rec in out.split('\u{1}').filter(|r| !r.is_empty()) {
            let mut f = rec.split('\0');
            let (Some(commit), Some(name), Some(email), Some(at)) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let touch = Touch {
                commit: commit.into(),
                name: name.into(),
                email: email.into(),
                at: at.into(),
            };
            for path in f.map(|p| p.trim_matches('\n')).filter(|p| !p.is_empty()) {
                if let Some(rel) = self.rel(path) {
                    touches
                        .entry(rel.to_string())
                        .or_insert_with(|| touch.clone());
                }
            }
        }
        Ok(touches)
    }

    /// The commits that changed `rel`, newest first (at most `limit`), with the file's text then.
    pub fn versions(&self, rel: &str, limit: usize) -> Result<Vec<(Touch, Option<String>)>> {
        let Some(head) = self
            .git
            .run(&["rev-parse", "--verify", "-q", &self.tracking_ref()])
            .ok()
        else {
            return Ok(Vec::new());
        };
        let path = self.full(rel);
        let n = format!("-{limit}");
        let out = self.git.run(&[
            "log",
            &n,
            "--format=%H%x00%an%x00%ae%x00%aI",
            head.trim(),
            "--",
            &path,
        ])?;
        let touches: Vec<Touch> = out
            .lines()
            .filter_map(|l| {
                let mut f = l.split('\0');
                Some(Touch {
                    commit: f.next()?.into(),
                    name: f.next()?.into(),
                    email: f.next()?.into(),
                    at: f.next()?.into(),
                })
            })
            .collect();
        let specs: Vec<String> = touches
            .iter()
            .map(|t| format!("{}:{path}", t.commit))
            .collect();
        let texts = self.git.read_blobs(&specs).map_err(Error::from)?;
        Ok(touches
            .into_iter()
            .zip(texts)
            .map(|(t, b)| (t, b.and_then(|b| String::from_utf8(b).ok())))
            .collect())
    }
}

/// A shared folder name: relative, plain segments (letters, digits, `._-`), no `..` or `.git`.
pub fn check_folder(folder: &str) -> Result<String> {
    let f = folder.trim().trim_matches('/');
    let ok = !f.is_empty()
        && f.split('/').all(|seg| {
            !seg.is_empty()
                && !seg.starts_with(['.', '-'])
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        });
    if ok {
        Ok(f.to_string())
    } else {
        Err(Error::invalid(
            "folder",
            format!("\"{folder}\" cannot be the shared folder; use plain names such as postdesk or content/drafts."),
        ))
    }
}

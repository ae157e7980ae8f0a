//! An export in two steps. [`SitePlan`] holds every file rendered in memory
//! and compared with what is on disk, without writing anything: the app can
//! show the conflicts and ask. [`SitePlan::execute`] then writes only what
//! changed, removes what an earlier whole-site export wrote and is no
//! longer part of the site, and updates the manifest.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::manifest::{manifest_path, sha256_hex, Entry, Manifest, MANIFEST_NAME};
use super::output::{FileKind, OutFile, Output};
use super::rel_path::RelPath;
use super::report::{conflict_error, Conflict, ConflictKind, ExportReport};
use super::write::{Existing, Root};
use super::{Progress, SiteFormat, SiteWarning, Step, StepKind};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    Changed,
    Unchanged,
    Conflict,
}

struct Planned {
    file: OutFile,
    hash: String,
    state: State,
}

/// A rendered export, checked against the folder, not yet written.
pub struct SitePlan {
    format: SiteFormat,
    root: Root,
    files: Vec<Planned>,
    old: Manifest,
    had_manifest: bool,
    whole_site: bool,
    /// Files of an earlier export, unchanged since, no longer produced.
    stale: Vec<RelPath>,
    conflicts: Vec<Conflict>,
    posts: usize,
    warnings: Vec<SiteWarning>,
}

impl SitePlan {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        format: SiteFormat,
        library: &str,
        root: Root,
        output: Output,
        posts: usize,
        whole_site: bool,
        mut warnings: Vec<SiteWarning>,
        progress: Progress<'_>,
    ) -> Result<SitePlan> {
        // Only a manifest this library wrote says which files are Postdesk's.
        let (old, had_manifest) = match Manifest::load(&root)? {
            Some(m) if m.written_by(library) => (m, true),
            Some(_) => {
                warnings.push(SiteWarning::ForeignManifest {
                    manifest: MANIFEST_NAME.to_string(),
                });
                (Manifest::new(library), false)
            }
            None => (Manifest::new(library), false),
        };
        let total = output.files.len();
        let mut files = Vec::with_capacity(total);
        let mut conflicts = Vec::new();
        for (i, file) in output.files.into_iter().enumerate() {
            progress(i, total, &Step::new(StepKind::Checking, file.path.as_str()));
            let hash = sha256_hex(&file.bytes);
            let state = match root.inspect(&file.path)? {
                Existing::Missing => State::New,
                Existing::File(bytes) if bytes == file.bytes => State::Unchanged,
                Existing::File(bytes) => match old.hash_of(&file.path) {
                    Some(h) if h == sha256_hex(&bytes) => State::Changed,
                    Some(_) => {
                        conflicts.push(conflict(&file.path, ConflictKind::ChangedSinceExport));
                        State::Conflict
                    }
                    None => {
                        conflicts.push(conflict(&file.path, ConflictKind::NotPostdesks));
                        State::Conflict
                    }
                },
            };
            files.push(Planned { file, hash, state });
        }
        let produced: BTreeSet<&str> = files.iter().map(|p| p.file.path.as_str()).collect();
        let mut stale = Vec::new();
        if whole_site {
            for (path, entry) in &old.files {
                let Ok(rel) = RelPath::parse(path) else {
                    continue;
                };
                if entry.format != format || produced.contains(path.as_str()) {
                    continue;
                }
                match root.inspect(&rel) {
                    Ok(Existing::File(bytes)) if sha256_hex(&bytes) == entry.sha256 => {
                        stale.push(rel)
                    }
                    Ok(Existing::File(_)) => {
                        warnings.push(SiteWarning::StaleFileChanged { path: path.clone() })
                    }
                    Ok(Existing::Missing) => {}
                    Err(e) => warnings.push(SiteWarning::StaleFileUnreadable {
                        path: path.clone(),
                        detail: e.to_string(),
                    }),
                }
            }
        }
        Ok(SitePlan {
            format,
            root,
            files,
            old,
            had_manifest,
            whole_site,
            stale,
            conflicts,
            posts,
            warnings,
        })
    }

    /// Files that exist and may only be overwritten when forced.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// What is Postdesk's in the folder: every file this export produces and
    /// every file this library's manifest says Postdesk wrote there
    /// (relative, `/`-separated). Publishing to a site repository commits
    /// only these.
    pub fn postdesk_files(&self) -> BTreeSet<String> {
        self.files
            .iter()
            .map(|p| p.file.path.to_string())
            .chain(self.old.files.keys().cloned())
            .collect()
    }

    /// The export folder (canonical).
    pub fn out_dir(&self) -> PathBuf {
        self.root.path.clone()
    }

    /// How many files would be written (new, changed or, when forced, in conflict).
    pub fn files_to_write(&self) -> usize {
        self.files
            .iter()
            .filter(|p| p.state != State::Unchanged)
            .count()
    }

    /// Write the export. Refused, before anything is written, when there are
    /// conflicts and `force` is false.
    pub fn execute(self, force: bool, progress: Progress<'_>) -> Result<ExportReport> {
        if !force && !self.conflicts.is_empty() {
            return Err(conflict_error(&self.root.path, &self.conflicts));
        }
        let total = self.files_to_write() + self.stale.len();
        let mut done = 0;
        let mut created = Vec::new();
        let mut written = Vec::new();
        let mut overwritten = Vec::new();
        let mut post_written = vec![false; self.posts];
        for p in self.files.iter().filter(|p| p.state != State::Unchanged) {
            progress(
                done,
                total,
                &Step::new(StepKind::Writing, p.file.path.as_str()),
            );
            self.root.make_dirs(&p.file.path, &mut created)?;
            self.root.write(&p.file.path, &p.file.bytes)?;
            written.push(p.file.path.to_string());
            if p.state == State::Conflict {
                overwritten.push(p.file.path.to_string());
            }
            if let Some(slot) = p.file.post.and_then(|i| post_written.get_mut(i)) {
                *slot = true;
            }
            done += 1;
        }
        // A whole-site export owns its format's part of the folder: entries of
        // that format it did not produce are removed (or, changed by hand,
        // given up). Other exports only add.
        let mut manifest = self.old.clone();
        if self.whole_site {
            manifest.files.retain(|_, e| e.format != self.format);
        }
        manifest
            .dirs
            .extend(created.iter().map(ToString::to_string));
        for p in &self.files {
            let entry = Entry {
                sha256: p.hash.clone(),
                format: self.format,
            };
            manifest.files.insert(p.file.path.to_string(), entry);
        }
        let mut removed = Vec::new();
        for path in &self.stale {
            progress(done, total, &Step::new(StepKind::Removing, path.as_str()));
            self.root.remove(path)?;
            removed.push(path.to_string());
            done += 1;
        }
        self.prune_dirs(&mut manifest)?;
        self.save_manifest(&manifest)?;
        progress(total, total, &Step::new(StepKind::Done, ""));

        let posts_written = post_written.iter().filter(|w| **w).count();
        Ok(ExportReport {
            format: self.format,
            out_dir: self.root.path.clone(),
            posts: self.posts,
            posts_written,
            posts_unchanged: self.posts - posts_written,
            images: self
                .files
                .iter()
                .filter(|p| p.file.kind == FileKind::Image)
                .count(),
            written,
            unchanged: self
                .files
                .iter()
                .filter(|p| p.state == State::Unchanged)
                .count(),
            overwritten,
            removed,
            warnings: self.warnings,
        })
    }

    /// Remove folders Postdesk created that are now empty, deepest first.
    fn prune_dirs(&self, manifest: &mut Manifest) -> Result<()> {
        if self.stale.is_empty() {
            return Ok(());
        }
        let mut dirs: Vec<RelPath> = manifest
            .dirs
            .iter()
            .filter_map(|d| RelPath::parse(d).ok())
            .collect();
        dirs.sort_by_key(|d| std::cmp::Reverse(d.depth()));
        for dir in dirs {
            if self.root.remove_empty_dir(&dir)? {
                manifest.dirs.remove(dir.as_str());
            }
        }
        Ok(())
    }

    /// Write the manifest only when it changed, so an export that changed
    /// nothing leaves the folder exactly as it was.
    fn save_manifest(&self, manifest: &Manifest) -> Result<()> {
        if self.had_manifest && *manifest == self.old {
            return Ok(());
        }
        let path = manifest_path()?;
        let bytes = manifest.to_bytes()?;
        if let Existing::File(current) = self.root.inspect(&path)? {
            if current == bytes {
                return Ok(());
            }
        }
        self.root.write(&path, &bytes)
    }
}

fn conflict(path: &RelPath, kind: ConflictKind) -> Conflict {
    Conflict {
        path: path.to_string(),
        kind,
    }
}

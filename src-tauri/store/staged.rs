//! Edits typed but not written yet (the autosave timer had not fired), as
//! the desktop keeps them so closing the window writes them. Each keeps the
//! `updated_at` of the copy the editor started from, so writing it on close
//! is guarded like an autosave: a post a team sync wrote meanwhile is not
//! overwritten, the editor's words are kept as a revision instead.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{EditKind, Store};
use crate::error::Result;
use crate::model::{Post, PostPatch};

/// One post's edit waiting to be written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StagedEdit {
    pub patch: PostPatch,
    /// The post's `updated_at` when the editor read its copy; `None`: the
    /// editor did not say (written unguarded).
    pub based_on: Option<DateTime<Utc>>,
}

/// The staged edits of every post, and the last write of each made from the
/// editor: an edit staged from the copy before that write (sent while it was
/// on its way) is not taken for one a sync overtook.
#[derive(Debug, Default)]
pub struct StagedEdits {
    /// Per post: the edit, and its place in the order edits were staged.
    edits: HashMap<i64, (u64, StagedEdit)>,
    staged_so_far: u64,
    /// Per post: the `updated_at` the editor's last write was based on, and
    /// the one it left.
    own_writes: HashMap<i64, (DateTime<Utc>, DateTime<Utc>)>,
}

impl StagedEdits {
    /// Keep the latest unsaved edit of post `id` (replaces the previous one).
    /// An edit based on the copy the editor's own last write replaced is
    /// based on that write's result instead: only its own write came between.
    pub fn stage(&mut self, id: i64, mut edit: StagedEdit) {
        if let (Some(t), Some((from, to))) = (edit.based_on, self.own_writes.get(&id)) {
            if t == *from {
                edit.based_on = Some(*to);
            }
        }
        self.staged_so_far += 1;
        self.edits.insert(id, (self.staged_so_far, edit));
    }

    /// A mark to take before a save starts, for [`StagedEdits::written`].
    pub fn mark(&self) -> u64 {
        self.staged_so_far
    }

    /// The editor's save of post `id`, based on `based_on` and started at
    /// `mark`, wrote `post`. Its staged edit is written, unless it was
    /// staged after the save started (words typed meanwhile): that one
    /// stays, based on what the save left.
    pub fn written(&mut self, id: i64, based_on: Option<DateTime<Utc>>, post: &Post, mark: u64) {
        match self.edits.get_mut(&id) {
            Some((at, _)) if *at <= mark => {
                self.edits.remove(&id);
            }
            Some((_, later)) if later.based_on.is_some() && later.based_on == based_on => {
                later.based_on = Some(post.updated_at);
            }
            _ => {}
        }
        match based_on {
            Some(t) => self.own_writes.insert(id, (t, post.updated_at)),
            None => self.own_writes.remove(&id),
        };
    }

    /// The editor's save of post `id`, started at `mark`, was refused and
    /// kept its words: its staged edit is forgotten (not one staged later).
    pub fn refused(&mut self, id: i64, mark: u64) {
        if matches!(self.edits.get(&id), Some((at, _)) if *at <= mark) {
            self.edits.remove(&id);
        }
    }

    /// Forget everything (another library file was opened).
    pub fn clear(&mut self) {
        *self = StagedEdits::default();
    }

    /// Every staged edit, leaving none.
    pub fn take_all(&mut self) -> Vec<(i64, StagedEdit)> {
        self.edits
            .drain()
            .map(|(id, (_, edit))| (id, edit))
            .collect()
    }
}

impl Store {
    /// Write an edit: guarded ([`Store::update_post_based_on`]) when the
    /// editor says which copy it started from, else [`Store::update_post`].
    pub fn save_edit(
        &mut self,
        id: i64,
        patch: PostPatch,
        kind: EditKind,
        based_on: Option<DateTime<Utc>>,
    ) -> Result<Post> {
        match based_on {
            Some(t) => self.update_post_based_on(id, patch, kind, t),
            None => self.update_post(id, patch, kind),
        }
    }

    /// Write staged edits as autosaves (window closing, app exiting), each
    /// guarded by its `based_on`; every post's outcome, in order. A refused
    /// one ([`crate::Error::PostChangedMeanwhile`]) kept its words as a
    /// revision.
    pub fn write_staged(
        &mut self,
        staged: impl IntoIterator<Item = (i64, StagedEdit)>,
    ) -> Vec<(i64, Result<Post>)> {
        staged
            .into_iter()
            .map(|(id, edit)| {
                let saved = self.save_edit(id, edit.patch, EditKind::Autosave, edit.based_on);
                (id, saved)
            })
            .collect()
    }
}

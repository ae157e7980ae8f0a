//! What team sync returns across IPC (TypeScript twins in ui/src/bindings),
//! and its options.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::merge::ConflictItem;

/// The Team badge: connected where, changes not yet shared, last good sync.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamStatus {
    pub connected: bool,
    /// The repository address as entered.
    pub remote: String,
    /// The shared folder inside it (default `postdesk`).
    pub folder: String,
    pub branch: String,
    /// Posts changed here and not yet shared.
    pub unshared: u32,
    /// Posts waiting for a conflict to be resolved.
    pub conflicts: u32,
    /// RFC 3339 time of the last sync that completed.
    pub last_sync_at: Option<String>,
    pub last_commit: Option<String>,
}

/// A file of the repository that could not be used (the post is left alone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncProblem {
    pub path: String,
    pub message: String,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    /// Post files shared with the team.
    pub pushed: u32,
    /// Posts changed here by teammates' work.
    pub received: u32,
    /// Posts in conflict after this sync.
    pub conflicts: u32,
    /// Posts edited while syncing, left for the next sync.
    pub skipped: u32,
    /// The commit the library is now in step with.
    pub commit: Option<String>,
    pub problems: Vec<SyncProblem>,
}

/// Who last changed a post in the repository, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChangedByInfo {
    pub name: String,
    pub email: String,
    /// RFC 3339.
    pub at: String,
}

/// A post in conflict, for the side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PostConflict {
    pub uid: String,
    pub post_id: Option<i64>,
    pub slug: String,
    pub title: String,
    pub items: Vec<ConflictItem>,
    /// Who made the shared version it clashes with.
    pub theirs_by: Option<ChangedByInfo>,
    /// RFC 3339 time the conflict was found.
    pub found_at: String,
}

/// A teammate's version of a post, for History.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeammateVersion {
    pub commit: String,
    pub name: String,
    pub email: String,
    pub at: String,
    pub title: String,
    pub body: String,
}

/// Where a sync may be stopped on purpose (tests of crash safety).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrashPoint {
    AfterFetch,
    AfterCommit,
    AfterPush,
    BeforeApply,
}

impl CrashPoint {
    pub const ALL: [CrashPoint; 4] = [
        CrashPoint::AfterFetch,
        CrashPoint::AfterCommit,
        CrashPoint::AfterPush,
        CrashPoint::BeforeApply,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CrashPoint::AfterFetch => "after_fetch",
            CrashPoint::AfterCommit => "after_commit",
            CrashPoint::AfterPush => "after_push",
            CrashPoint::BeforeApply => "before_apply",
        }
    }
}

/// A test hook run once, between the first fetch and the first push.
pub type Hook = std::sync::Arc<dyn Fn() + Send + Sync>;

/// How a sync runs.
#[derive(Clone)]
pub struct SyncOptions {
    /// Fetch-merge-push rounds before giving up when pushes keep being refused.
    pub max_attempts: u32,
    /// Stop (as if killed) at this point: fault injection for tests.
    pub crash_at: Option<CrashPoint>,
    /// Run between the first fetch and the first push (tests make a teammate
    /// push there, so the push is refused and the sync must merge again).
    pub before_first_push: Option<Hook>,
}

impl std::fmt::Debug for SyncOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncOptions")
            .field("max_attempts", &self.max_attempts)
            .field("crash_at", &self.crash_at)
            .field("before_first_push", &self.before_first_push.is_some())
            .finish()
    }
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            max_attempts: 5,
            crash_at: None,
            before_first_push: None,
        }
    }
}

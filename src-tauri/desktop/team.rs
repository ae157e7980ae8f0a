//! The team library's commands (issue #10): one-line calls into `crate::sync`.
//!
//! A sync talks to the network, so it never runs on the window's store: it
//! runs on a second connection to the same library file (`Background`), and
//! the editor keeps saving while it runs (the engine leaves a post edited
//! meanwhile for the next sync). Repository addresses typed in the window
//! must be network addresses; a folder on this computer comes from the
//! system's folder dialog as a token.

use std::sync::Mutex;

use tauri::State;

use super::commands::with_store;
use super::AppState;
use crate::ipc::{FolderToken, IpcError, IpcResult};
use crate::model::PostSummary;
use crate::store::Store;
use crate::sync::{
    self, ChangedByInfo, PostConflict, SyncOptions, SyncReport, Take, TeamStatus, TeammateVersion,
};

/// A second connection to the library for work that waits on the network.
#[derive(Default)]
pub struct Background {
    store: Mutex<Option<Store>>,
}

impl Background {
    /// Run `f` on the background connection (opened on first use), never
    /// holding the window's store while it runs. One such job at a time.
    fn run<T>(
        &self,
        state: &State<'_, AppState>,
        f: impl FnOnce(&mut Store) -> crate::Result<T>,
    ) -> IpcResult<T> {
        let mut slot = self.store.lock().map_err(|_| IpcError::poisoned())?;
        if slot.is_none() {
            let path = {
                let main = state.store.lock().map_err(|_| IpcError::poisoned())?;
                main.path().map(|p| p.to_path_buf())
            };
            let path = path.ok_or_else(|| {
                IpcError::from(crate::Error::invalid(
                    "team",
                    "This library is not a file on disk, so it cannot be shared.",
                ))
            })?;
            *slot = Some(Store::open(&path)?);
        }
        match slot.as_mut() {
            Some(store) => f(store).map_err(IpcError::from),
            None => Err(IpcError::poisoned()),
        }
    }
}

#[tauri::command(async)]
pub fn team_status(state: State<'_, AppState>) -> IpcResult<TeamStatus> {
    with_store(&state, |s| sync::status(s))
}

/// Connect to a repository typed in Settings → Team (a network address).
#[tauri::command(async)]
pub fn team_connect(
    state: State<'_, AppState>,
    bg: State<'_, Background>,
    url: String,
    folder: Option<String>,
) -> IpcResult<SyncReport> {
    let url = sync::remote_url::network_remote(&url)?;
    bg.run(&state, |s| sync::connect(s, &url, folder.as_deref()))
}

/// Connect to a repository on this computer chosen with the folder dialog.
#[tauri::command(async)]
pub fn team_connect_folder(
    state: State<'_, AppState>,
    bg: State<'_, Background>,
    repository: FolderToken,
    folder: Option<String>,
) -> IpcResult<SyncReport> {
    let path = state.dialogs.folder(repository)?;
    let url = path.to_string_lossy().into_owned();
    bg.run(&state, |s| sync::connect(s, &url, folder.as_deref()))
}

#[tauri::command(async)]
pub fn sync_now(state: State<'_, AppState>, bg: State<'_, Background>) -> IpcResult<SyncReport> {
    bg.run(&state, |s| sync::sync_now(s, &SyncOptions::default()))
}

#[tauri::command(async)]
pub fn list_conflicts(state: State<'_, AppState>) -> IpcResult<Vec<PostConflict>> {
    with_store(&state, |s| sync::conflicts(s))
}

/// Settle one field or body block; the post is written once all are settled.
#[tauri::command(async)]
pub fn resolve_conflict(
    state: State<'_, AppState>,
    uid: String,
    field: String,
    block: u32,
    take: Take,
) -> IpcResult<Option<PostConflict>> {
    with_store(&state, |s| sync::resolve_item(s, &uid, &field, block, take))
}

#[tauri::command(async)]
pub fn post_changed_by(state: State<'_, AppState>, id: i64) -> IpcResult<Option<ChangedByInfo>> {
    with_store(&state, |s| sync::changed_by(s, &s.get_post(id)?.uid))
}

#[tauri::command(async)]
pub fn teammate_versions(state: State<'_, AppState>, id: i64) -> IpcResult<Vec<TeammateVersion>> {
    with_store(&state, |s| {
        if !sync::status(s)?.connected {
            return Ok(Vec::new());
        }
        sync::teammate_versions(s, &s.get_post(id)?.uid, 20)
    })
}

#[tauri::command(async)]
pub fn waiting_for_my_review(state: State<'_, AppState>) -> IpcResult<Vec<PostSummary>> {
    with_store(&state, |s| sync::waiting_for_my_review(s))
}

/// What a teammate's shared version changed, against the text open now.
#[tauri::command(async)]
pub fn teammate_diff(
    state: State<'_, AppState>,
    id: i64,
    commit: String,
) -> IpcResult<crate::diff::RevisionDiff> {
    with_store(&state, |s| {
        let post = s.get_post(id)?;
        let version = sync::teammate_versions(s, &post.uid, 20)?
            .into_iter()
            .find(|v| v.commit == commit)
            .ok_or_else(|| {
                crate::Error::invalid(
                    "history",
                    "That shared version is no longer in the history; open History again.",
                )
            })?;
        Ok(crate::diff::revision_diff(&version.body, &post.body))
    })
}

/// Settle every part of a post's conflict the same way (Keep all mine / Take all theirs).
#[tauri::command(async)]
pub fn resolve_post_conflict(
    state: State<'_, AppState>,
    uid: String,
    take: Take,
) -> IpcResult<Option<PostConflict>> {
    with_store(&state, |s| sync::resolve(s, &uid, take))
}

//! The Publish dialog's, Settings → Publishing's and Import…'s commands:
//! one-line calls into `crate::publish` and `crate::import::wxr`.
//!
//! - WordPress talks to the network through the core's `_shared` functions,
//!   which take the library's lock only to read and to record: typing and
//!   autosave go on while a post is sent.
//! - A site-repository publish runs `git push`; it works on a second
//!   connection to the same library file, so the app's lock is never held
//!   over the push.
//! - No command takes a path: the repository folder and the WXR file come
//!   from the system's dialogs (`dialogs.rs`); the password goes into the
//!   keychain and never comes back (only "a password is stored").

use tauri::ipc::Channel;
use tauri::State;

use super::commands::with_store;
use super::AppState;
use crate::export::site::Step;
use crate::import::wxr::{self, WxrOptions, WxrReport};
use crate::ipc::{ExportProgress, FolderToken, IpcError, IpcResult};
use crate::library_settings::{self, Setting};
use crate::publish::site_repo::{self, PublishScope, SitePublishReport};
use crate::publish::wordpress::{
    self, PublishOptions, PublishOutcome, RemoteCopyStatus, WordPressSettings,
    WordPressSettingsUpdate,
};
use crate::store::Store;

#[tauri::command(async)]
pub fn wordpress_settings(state: State<'_, AppState>) -> IpcResult<WordPressSettings> {
    with_store(&state, |s| wordpress::settings(s))
}

/// Save the WordPress settings; `password` (when given) goes to the keychain.
#[tauri::command(async)]
pub fn save_wordpress_settings(
    state: State<'_, AppState>,
    update: WordPressSettingsUpdate,
) -> IpcResult<WordPressSettings> {
    with_store(&state, |s| wordpress::save_settings(s, update))
}

/// Publish (or update) a post on the WordPress site.
#[tauri::command(async)]
pub fn publish_wordpress(
    state: State<'_, AppState>,
    id: i64,
    options: PublishOptions,
) -> IpcResult<PublishOutcome> {
    wordpress::publish_post_shared(&state.store, id, options).map_err(IpcError::from)
}

/// Where a post stands on the site (asks the site).
#[tauri::command(async)]
pub fn wordpress_remote_status(state: State<'_, AppState>, id: i64) -> IpcResult<RemoteCopyStatus> {
    wordpress::remote_status_shared(&state.store, id).map_err(IpcError::from)
}

/// The remembered link of a post's copy on the site, if any (no network).
#[tauri::command(async)]
pub fn wordpress_link(state: State<'_, AppState>, id: i64) -> IpcResult<Option<String>> {
    with_store(&state, |s| {
        Ok(wordpress::remote_copy(s, id)?.map(|(_, link)| link))
    })
}

/// Export into the site repository, commit what was written, push.
#[tauri::command(async)]
pub fn publish_site(
    state: State<'_, AppState>,
    scope: PublishScope,
    progress: Channel<ExportProgress>,
) -> IpcResult<SitePublishReport> {
    let store = second_connection(&state)?;
    let mut report = |done: usize, total: usize, step: &Step<'_>| {
        let _ = progress.send(ExportProgress::new(done, total, step));
    };
    site_repo::publish_site(&store, &scope, &mut report).map_err(IpcError::from)
}

/// Set `publish.repo` to a folder chosen with `pick_folder` (its token):
/// the only way the app sets it (`set_setting` refuses that key).
#[tauri::command(async)]
pub fn set_publish_repo(state: State<'_, AppState>, folder: FolderToken) -> IpcResult<Setting> {
    let path = state.dialogs.folder(folder)?;
    // The setting is stored as the folder's real path (the core's check).
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    with_store(&state, |s| {
        library_settings::set(s, "publish.repo", &path.to_string_lossy())?;
        library_settings::describe(s, "publish.repo")
    })
}

/// Import…: the system's open dialog asks for a WordPress export file, then
/// it is imported (`None` when cancelled). `uploads`: a folder chosen with
/// `pick_folder`, the site's `wp-content/uploads` copy.
#[tauri::command(async)]
pub fn import_wordpress_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    uploads: Option<FolderToken>,
) -> IpcResult<Option<WxrReport>> {
    let uploads = uploads.map(|t| state.dialogs.folder(t)).transpose()?;
    let Some(file) = state
        .dialogs
        .open_file(&app, ("WordPress export", &["xml"]))
    else {
        return Ok(None);
    };
    if !wxr::is_wxr_file(&file) {
        return Err(crate::Error::invalid(
            "import",
            "This file is not a WordPress export; in WordPress choose Tools → Export, then import the file it saves.",
        )
        .into());
    }
    with_store(&state, |s| {
        wxr::import_wxr(s, &file, &WxrOptions { uploads })
    })
    .map(Some)
}

/// Another connection to the app's library file, for work that must not
/// hold the app's lock (a push over the network).
fn second_connection(state: &State<'_, AppState>) -> IpcResult<Store> {
    let path = {
        let store = state.store.lock().map_err(|_| IpcError::poisoned())?;
        store.path().map(std::path::Path::to_path_buf)
    };
    let path = path.ok_or_else(|| {
        crate::Error::invalid(
            "library",
            "This library is not a file (it could not be opened); restore it before publishing.",
        )
    })?;
    Store::open(&path).map_err(IpcError::from)
}

//! The Settings window and the first-run welcome: one-line commands over
//! `library_settings` (keys, checks, defaults and groups live there).

use tauri::State;

use super::commands::with_store;
use super::AppState;
use crate::ipc::IpcResult;
use crate::library_settings::{self, Setting};

#[tauri::command(async)]
pub fn list_settings(state: State<'_, AppState>) -> IpcResult<Vec<Setting>> {
    with_store(&state, |s| library_settings::list(s))
}

/// Check and store one setting; a refused value keeps the old one and the
/// error says why, in a sentence the window shows under the field.
#[tauri::command(async)]
pub fn set_setting(state: State<'_, AppState>, key: String, value: String) -> IpcResult<Setting> {
    with_store(&state, |s| {
        // A path typed in the webview is never taken: the site repository
        // comes from the folder dialog (`publish::set_publish_repo`).
        if key == "publish.repo" {
            return Err(crate::Error::invalid(
                "setting",
                "Choose the site repository with the Choose… button.",
            ));
        }
        library_settings::set(s, &key, &value)?;
        library_settings::describe(s, &key)
    })
}

/// The settings the first-run welcome asks for (empty: no welcome).
#[tauri::command(async)]
pub fn welcome(state: State<'_, AppState>) -> IpcResult<Vec<Setting>> {
    with_store(&state, |s| library_settings::welcome(s))
}

#[tauri::command(async)]
pub fn finish_welcome(state: State<'_, AppState>) -> IpcResult<()> {
    with_store(&state, library_settings::finish_welcome)
}

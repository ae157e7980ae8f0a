//! The desktop shell: Tauri setup and thin commands over the core. No
//! business rule lives here; every command is one call into the core.

mod commands;
mod error;

use std::path::PathBuf;
use std::sync::Mutex;

use crate::store::Store;

/// What the commands share: the one store, behind a lock.
pub struct AppState {
    pub store: Mutex<Store>,
}

/// Open the library (seeding the default one on first run) and run the window.
pub fn run(db: Option<PathBuf>) -> crate::Result<()> {
    let location = crate::paths::resolve(db)?;
    let store = crate::paths::open_library(&location)?;
    tracing::info!(path = %location.path().display(), "opened library");
    tauri::Builder::default()
        .manage(AppState {
            store: Mutex::new(store),
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_posts,
            commands::search_posts,
            commands::get_post,
            commands::preview_post,
        ])
        .run(tauri::generate_context!())
        .map_err(|e| crate::Error::invalid("app", format!("The window could not be opened: {e}")))
}

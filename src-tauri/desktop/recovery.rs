//! Start-up with a damaged library, and the daily backup while the app is
//! open. When the library does not open because it is damaged, the window
//! still opens (on an empty library in memory, which the UI hides) and says
//! so (`library_problem`); `restore_newest_backup` restores the newest good
//! backup — the damaged file kept aside, never overwritten — and swaps the
//! restored library in, so the UI reloads onto it.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use chrono::Utc;
use tauri::{AppHandle, Manager, State};

use super::AppState;
use crate::error::Error;
use crate::ipc::{IpcError, IpcResult, RestoredBackup};
use crate::store::restore::restore_newest_good;
use crate::store::Store;

/// How often the app checks whether the daily backup is due.
const DAILY_CHECK: Duration = Duration::from_secs(60 * 60);

/// The library file and why it did not open (`None` once it is fine).
pub struct Recovery {
    library: PathBuf,
    problem: Mutex<Option<Error>>,
}

impl Recovery {
    pub fn new(library: PathBuf, problem: Option<Error>) -> Recovery {
        Recovery {
            library,
            problem: Mutex::new(problem),
        }
    }
}

/// Why the library did not open, in plain words (`library_damaged`), or null.
#[tauri::command(async)]
pub fn library_problem(recovery: State<'_, Recovery>) -> IpcResult<Option<IpcError>> {
    let problem = recovery.problem.lock().map_err(|_| IpcError::poisoned())?;
    Ok(problem.as_ref().map(|e| IpcError {
        code: e.code(),
        message: e.to_string(),
    }))
}

/// Restore the newest good backup and open it; returns what was done (the
/// English sentence, when the backup was taken, where the damaged file is).
#[tauri::command(async)]
pub fn restore_newest_backup(
    state: State<'_, AppState>,
    recovery: State<'_, Recovery>,
) -> IpcResult<RestoredBackup> {
    let mut problem = recovery.problem.lock().map_err(|_| IpcError::poisoned())?;
    let restored = restore_newest_good(&recovery.library, Utc::now())?;
    let store = Store::open(&recovery.library)?;
    *state.store.lock().map_err(|_| IpcError::poisoned())? = store;
    if let Ok(mut staged) = state.staged.lock() {
        staged.clear();
    }
    *problem = None;
    Ok(RestoredBackup::of(&restored))
}

/// Take the daily backup whenever it falls due while the app stays open.
pub fn watch_daily_backup(handle: AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(DAILY_CHECK);
        let state = handle.state::<AppState>();
        let Ok(store) = state.store.lock() else {
            return;
        };
        if let Err(e) = store.backup_if_due() {
            tracing::warn!(error = %e, "could not take the daily backup");
        }
    });
}

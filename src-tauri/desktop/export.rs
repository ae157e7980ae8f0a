//! The Export dialog's commands: choose a folder, export with progress, show
//! the result. The folder comes from the system's dialog (`dialogs.rs`) and
//! crosses IPC only as a token; every export rule (paths, manifest,
//! conflicts) is the core's.

use tauri::ipc::Channel;
use tauri::State;

use super::AppState;
use crate::export::site::{export_site, SiteFormat, SiteOptions, Step};
use crate::ipc::{
    ChosenFolder, ExportProgress, ExportScope, ExportSummary, ExportWarning, FolderToken, IpcError,
    IpcResult,
};

/// Ask for a folder with the system's dialog (`None` when cancelled).
#[tauri::command(async)]
pub fn pick_folder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<ChosenFolder>> {
    state.dialogs.pick_folder(&app).map_err(IpcError::from)
}

/// Export into the folder chosen with `pick_folder` (`folder` is its token).
#[tauri::command(async)]
pub fn export_site_to(
    state: State<'_, AppState>,
    format: SiteFormat,
    folder: FolderToken,
    scope: ExportScope,
    force: bool,
    progress: Channel<ExportProgress>,
) -> IpcResult<ExportSummary> {
    let options = SiteOptions {
        format,
        out_dir: state.dialogs.folder(folder)?,
        selection: scope.into(),
        force,
    };
    let store = state.store.lock().map_err(|_| IpcError::poisoned())?;
    let mut report = |done: usize, total: usize, step: &Step<'_>| {
        let _ = progress.send(ExportProgress::new(done, total, step));
    };
    let r = export_site(&store, &options, &mut report)?;
    state.dialogs.mark_exported(folder)?;
    Ok(ExportSummary {
        summary: r.summary(),
        out_dir: r.out_dir.display().to_string(),
        warnings: r.warnings.iter().map(ExportWarning::of).collect(),
        posts: r.posts,
        posts_written: r.posts_written,
        posts_unchanged: r.posts_unchanged,
        images: r.images,
        removed: r.removed.len(),
    })
}

/// Open the system file manager on the folder of an export just done
/// (`folder`: the token it was exported with). Only a directory is ever
/// opened, so this cannot run or open a file.
#[tauri::command(async)]
pub fn show_in_folder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    folder: FolderToken,
) -> IpcResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let dir = state.dialogs.exported_directory(folder)?;
    app.opener()
        .open_path(dir.display().to_string(), None::<&str>)
        .map_err(|e| {
            crate::Error::invalid("open", format!("The folder could not be shown: {e}")).into()
        })
}

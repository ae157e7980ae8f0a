//! The Export dialog's commands: choose a folder, export with progress, show
//! the result. Every rule (paths, manifest, conflicts) is the core's.

use tauri::ipc::Channel;
use tauri::State;

use super::AppState;
use crate::export::site::{export_site, Selection, SiteFormat, SiteOptions};
use crate::ipc::{ExportProgress, ExportScope, ExportSummary, IpcError, IpcResult};

/// Ask for a folder with the system's dialog (`None` when cancelled).
#[tauri::command(async)]
pub fn pick_folder(app: tauri::AppHandle) -> Option<String> {
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
}

#[tauri::command(async)]
pub fn export_site_to(
    state: State<'_, AppState>,
    format: SiteFormat,
    out_dir: String,
    scope: ExportScope,
    force: bool,
    progress: Channel<ExportProgress>,
) -> IpcResult<ExportSummary> {
    if out_dir.trim().is_empty() {
        return Err(crate::Error::invalid("out", "Choose a folder to export to.").into());
    }
    let options = SiteOptions {
        format,
        out_dir: out_dir.trim().into(),
        selection: match scope {
            ExportScope::Published => Selection::Published,
            ExportScope::All => Selection::All,
            ExportScope::Post { id } => Selection::Posts(vec![id]),
        },
        force,
    };
    let store = state.store.lock().map_err(|_| IpcError::poisoned())?;
    let mut report = |done: usize, total: usize, step: &str| {
        let _ = progress.send(ExportProgress {
            done,
            total,
            step: step.to_string(),
        });
    };
    let r = export_site(&store, &options, &mut report)?;
    Ok(ExportSummary {
        summary: r.summary(),
        out_dir: r.out_dir.display().to_string(),
        warnings: r.warnings.clone(),
    })
}

/// Open the system file manager at the export folder.
#[tauri::command(async)]
pub fn show_in_folder(app: tauri::AppHandle, path: String) -> IpcResult<()> {
    use tauri_plugin_opener::OpenerExt;
    app.opener().open_path(path, None::<&str>).map_err(|e| {
        crate::Error::invalid("open", format!("The folder could not be shown: {e}")).into()
    })
}

//! Every file or folder a command writes to or shows comes from here: the
//! system's dialog, opened by the Rust side. The webview never names a path;
//! it gets a [`ChosenFolder`] token back and can only hand that token in, so
//! a script that ran in the window could not write or open anything the
//! person did not choose.
//!
//! End-to-end tests cannot drive a native dialog through WebDriver. In builds
//! with the `e2e` feature only, `POSTDESK_E2E_DIALOG_DIR`, read once at
//! start-up from the app's own environment (which the webview cannot set),
//! stands in for the dialog: picking a folder returns that folder, saving
//! a file saves the suggested file name inside it, and opening a file opens
//! the first file of the asked-for kind in it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::ipc::{ChosenFolder, ChosenFolders, FolderToken};

/// The system's dialogs and the folders chosen through them.
pub struct Dialogs {
    /// The `e2e` builds' stand-in for every dialog (see the module comment).
    test_dir: Option<PathBuf>,
    folders: Mutex<ChosenFolders>,
}

impl Dialogs {
    /// Read the test stand-in once, at start-up (never in a build without `e2e`).
    pub fn from_env() -> Dialogs {
        #[cfg(feature = "e2e")]
        let test_dir = std::env::var_os("POSTDESK_E2E_DIALOG_DIR").map(PathBuf::from);
        #[cfg(not(feature = "e2e"))]
        let test_dir: Option<PathBuf> = None;
        if let Some(dir) = &test_dir {
            tracing::warn!(dir = %dir.display(), "end-to-end test build: dialogs answer with this folder");
        }
        Dialogs {
            test_dir,
            folders: Mutex::new(ChosenFolders::default()),
        }
    }

    /// Ask for a folder (`None` when cancelled) and remember it under a token.
    pub fn pick_folder(&self, app: &AppHandle) -> crate::Result<Option<ChosenFolder>> {
        let picked = match &self.test_dir {
            Some(dir) => Some(dir.clone()),
            None => app
                .dialog()
                .file()
                .blocking_pick_folder()
                .and_then(|p| p.into_path().ok()),
        };
        let Some(path) = picked else {
            return Ok(None);
        };
        let mut folders = self
            .folders
            .lock()
            .map_err(|_| crate::Error::LockPoisoned)?;
        Ok(Some(folders.remember(path)))
    }

    /// Ask where to save a file, suggesting `file_name` (`None` when cancelled).
    pub fn save_file(
        &self,
        app: &AppHandle,
        file_name: &str,
        filter: (&str, &[&str]),
    ) -> Option<PathBuf> {
        match &self.test_dir {
            // Only the last component: a suggested name never leaves the folder.
            Some(dir) => Path::new(file_name).file_name().map(|name| dir.join(name)),
            None => app
                .dialog()
                .file()
                .set_file_name(file_name)
                .add_filter(filter.0, filter.1)
                .blocking_save_file()
                .and_then(|p| p.into_path().ok()),
        }
    }

    /// Ask for a file to open (`None` when cancelled). In `e2e` builds, the
    /// first file (by name) in the stand-in folder whose extension is one of
    /// `filter`'s.
    pub fn open_file(&self, app: &AppHandle, filter: (&str, &[&str])) -> Option<PathBuf> {
        match &self.test_dir {
            Some(dir) => {
                let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                    .ok()?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.is_file()
                            && p.extension()
                                .and_then(|x| x.to_str())
                                .is_some_and(|x| filter.1.contains(&x))
                    })
                    .collect();
                files.sort();
                files.into_iter().next()
            }
            None => app
                .dialog()
                .file()
                .add_filter(filter.0, filter.1)
                .blocking_pick_file()
                .and_then(|p| p.into_path().ok()),
        }
    }

    /// The folder behind a token from [`Dialogs::pick_folder`].
    pub fn folder(&self, token: FolderToken) -> crate::Result<PathBuf> {
        let folders = self
            .folders
            .lock()
            .map_err(|_| crate::Error::LockPoisoned)?;
        folders.folder(token).map(Path::to_path_buf)
    }

    /// Note that an export wrote into the folder behind `token`.
    pub fn mark_exported(&self, token: FolderToken) -> crate::Result<()> {
        let mut folders = self
            .folders
            .lock()
            .map_err(|_| crate::Error::LockPoisoned)?;
        folders.mark_exported(token);
        Ok(())
    }

    /// The folder an export wrote into, as a directory that exists now:
    /// anything else (a file put in its place, a link to one) is refused, so
    /// showing it can only open a file manager, never run or open a file.
    pub fn exported_directory(&self, token: FolderToken) -> crate::Result<PathBuf> {
        let path = {
            let folders = self
                .folders
                .lock()
                .map_err(|_| crate::Error::LockPoisoned)?;
            folders.exported_folder(token)?.to_path_buf()
        };
        let gone = || crate::Error::invalid("open", "The export folder is no longer there.");
        let real = std::fs::canonicalize(&path).map_err(|_| gone())?;
        match std::fs::metadata(&real) {
            Ok(m) if m.is_dir() => Ok(real),
            _ => Err(gone()),
        }
    }
}

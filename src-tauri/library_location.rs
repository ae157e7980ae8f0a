//! Where the library lives. The desktop app and the CLI agree on the default
//! (`<OS data folder>/<IDENTIFIER>/library.sqlite`, the same folder as Tauri's
//! `app_data_dir()`); `--db PATH` or `POSTDESK_DB` override it.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// The environment variable that overrides the library location.
pub const DB_ENV: &str = "POSTDESK_DB";

/// Where the library file comes from, which decides whether a new one is seeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryLocation {
    /// Chosen by the user (`--db` or `POSTDESK_DB`): created empty if missing.
    Explicit(PathBuf),
    /// The default library in the data folder: seeded with sample posts when first created.
    Default(PathBuf),
}

impl LibraryLocation {
    pub fn path(&self) -> &std::path::Path {
        match self {
            LibraryLocation::Explicit(p) | LibraryLocation::Default(p) => p,
        }
    }

    pub fn is_default(&self) -> bool {
        matches!(self, LibraryLocation::Default(_))
    }
}

/// The default library file.
pub fn default_db_path() -> Result<PathBuf> {
    let base = dirs::data_dir().ok_or_else(|| {
        Error::invalid(
            "library",
            "This system has no data folder for Postdesk to keep its library in; pass --db PATH or set POSTDESK_DB.",
        )
    })?;
    Ok(base.join(crate::IDENTIFIER).join("library.sqlite"))
}

/// Resolve `--db`, then `POSTDESK_DB`, then the default.
pub fn resolve(cli_db: Option<PathBuf>) -> Result<LibraryLocation> {
    if let Some(p) = cli_db {
        return Ok(LibraryLocation::Explicit(p));
    }
    if let Some(p) = std::env::var_os(DB_ENV).filter(|v| !v.is_empty()) {
        return Ok(LibraryLocation::Explicit(PathBuf::from(p)));
    }
    Ok(LibraryLocation::Default(default_db_path()?))
}

/// Open the library, creating it if needed. A default library that did not
/// exist yet is seeded with the sample posts; an explicit path starts empty.
pub fn open_library(location: &LibraryLocation) -> Result<crate::store::Store> {
    let path = location.path();
    let is_new = !path.exists();
    let mut store = crate::store::Store::open(path)?;
    if is_new && location.is_default() {
        crate::seed::seed(&mut store)?;
    }
    Ok(store)
}

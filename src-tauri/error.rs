//! One typed error for the core. Each variant carries enough to write a plain
//! sentence for a person (`Display`) and a stable code for the UI (`code()`).

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("No post has the slug \"{0}\".")]
    PostNotFound(String),

    #[error("No post has the id {0}.")]
    PostIdNotFound(i64),

    #[error("No revision {0} exists for this post.")]
    RevisionNotFound(i64),

    #[error("No image has the reference \"{0}\".")]
    AssetNotFound(String),

    #[error("The slug \"{slug}\" is already used by another {lang} post; choose another.")]
    SlugTaken { slug: String, lang: String },

    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    #[error(
        "The library at {path} was written by a newer Postdesk (format {found}, this version knows up to {supported}). \
         Update Postdesk to open it; the file was not changed."
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("The file {path} is not a Postdesk library ({reason}). It was not changed.")]
    NotALibrary { path: PathBuf, reason: String },

    #[error("Could not open the library at {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error("The library is busy in another Postdesk window or command; try again in a moment.")]
    Busy,

    #[error("The library could not be read or written: {0}")]
    Database(#[from] rusqlite::Error),

    #[error("Could not read {path}: {source}")]
    ReadFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("Could not write {path}: {source}")]
    WriteFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: {message}")]
    Import { path: PathBuf, message: String },

    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// A stable machine-readable code: the UI branches on it, never on the message.
    pub fn code(&self) -> &'static str {
        match self {
            Error::PostNotFound(_) | Error::PostIdNotFound(_) => "post_not_found",
            Error::RevisionNotFound(_) => "revision_not_found",
            Error::AssetNotFound(_) => "asset_not_found",
            Error::SlugTaken { .. } => "slug_taken",
            // The app offers to overwrite; the CLI says --force.
            Error::Invalid {
                field: "conflict", ..
            } => "export_conflict",
            Error::Invalid { .. } => "invalid",
            Error::TooNew { .. } => "library_too_new",
            Error::NotALibrary { .. } => "not_a_library",
            Error::Open { .. } => "library_open_failed",
            Error::Busy => "busy",
            Error::Database(_) => "database",
            Error::ReadFile { .. } => "read_failed",
            Error::WriteFile { .. } => "write_failed",
            Error::Import { .. } => "import_failed",
            Error::Io(_) => "io",
        }
    }

    pub fn invalid(field: &'static str, message: impl Into<String>) -> Error {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    /// Map SQLite's "busy"/"locked" to [`Error::Busy`], everything else to [`Error::Database`].
    pub fn from_sqlite(e: rusqlite::Error) -> Error {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                Error::Busy
            }
            _ => Error::Database(e),
        }
    }
}

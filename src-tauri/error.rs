//! One typed error for the core. Each variant carries enough to write a plain
//! sentence for a person (`Display`) and a stable [`ErrorCode`] for the UI
//! (`code()`): the UI branches on the code, never on the message.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

    /// A slug given without a language that both an English and a French post use.
    #[error("Both an English and a French post use the slug \"{slug}\"; say which language.")]
    AmbiguousSlug { slug: String },

    /// An editor's save was based on an older copy of the post than the
    /// library holds (a team sync wrote it meanwhile): nothing was
    /// overwritten, the editor's words were kept as a revision.
    #[error("\"{title}\" was changed by a team sync while you were editing it; it now shows your team's version and your words are kept in its History.")]
    PostChangedMeanwhile { title: String },

    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    /// An export would overwrite files Postdesk did not write or that changed
    /// since; the app offers to overwrite, the CLI says `--force`.
    #[error("{message}")]
    ExportConflict { message: String },

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

    /// The library file is damaged or no longer a database. It was left as
    /// it is; `newest_backup` is the newest backup that passed its check.
    #[error(
        "The library at {path} is damaged ({detail}); it was left as it is. {}",
        match newest_backup {
            Some(b) => format!("The newest good backup is from {} (backup {}).", b.created_at.format("%Y-%m-%d %H:%M UTC"), b.id),
            None => "No good backup of it was found.".to_string(),
        }
    )]
    Damaged {
        path: PathBuf,
        detail: String,
        newest_backup: Option<Box<crate::store::BackupInfo>>,
    },

    /// SQLite reported a full disk: nothing of the failed write was kept.
    #[error("The disk holding the library is full; this change is not saved yet. Free some space and it will be saved.")]
    DiskFull,

    /// SQLite could not write: the disk or the file is read-only.
    #[error(
        "The library is on a read-only disk or in a read-only file; this change is not saved yet."
    )]
    ReadOnly,

    #[error("The library could not be read or written: {0}")]
    Database(rusqlite::Error),

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

    /// A lock shared between commands was poisoned by a panic in another one.
    #[error("Postdesk hit an internal error; restart it. Nothing saved was lost.")]
    LockPoisoned,

    #[error("{0}")]
    Io(#[from] std::io::Error),

    /// The system `git` command failed (a team library's sync or connect).
    #[error("{0}")]
    Git(#[from] crate::gitcli::GitError),
    /// The site repository cannot be published from as it is (not a git
    /// clone, unrelated uncommitted changes in the export folder, git failed).
    #[error("{message}")]
    SiteRepo { message: String },

    /// The site's remote refused the push because it has commits this clone
    /// does not: someone else published meanwhile. Never forced.
    #[error(
        "The site repository {remote} has changes that are not in your copy yet, so branch {branch} was not pushed (your commit {commit} is kept in the copy). \
         Pull in the site's folder (git pull), then publish again."
    )]
    PublishRejected {
        remote: String,
        branch: String,
        commit: String,
    },
    /// `wordpress.url` or `wordpress.user` is not set.
    #[error("The WordPress {setting} is not set; enter it in Settings → Publishing (postdesk config set {key} …).")]
    WordPressNotConfigured {
        setting: &'static str,
        key: &'static str,
    },

    /// No application password in the keychain nor in the environment.
    #[error("No WordPress application password is stored for {user}; enter it in Settings → Publishing (postdesk wordpress login).")]
    WordPressNoPassword { user: String },

    /// The system keychain did not answer (no Secret Service, locked…).
    #[error("The system keychain could not be used ({detail}); set the environment variable POSTDESK_WORDPRESS_PASSWORD to the application password instead.")]
    Keychain { detail: String },

    /// 401 incorrect_password / invalid_username.
    #[error("The WordPress site {site} refused the user name or the application password; check them in Settings → Publishing. Nothing was changed.")]
    WordPressAuth { site: String },

    /// No REST API: 404 rest_no_route, or a web page where data was expected.
    #[error("The WordPress site {site} does not offer its REST API ({detail}); ask the site's administrator to turn it on. Nothing was changed.")]
    WordPressRestDisabled { site: String, detail: String },

    /// The REST API answered but a plugin, the server or the user's role refused.
    #[error("The WordPress site {site} blocked Postdesk ({detail}); ask the site's administrator to allow the REST API for your user. Nothing was changed.")]
    WordPressBlocked { site: String, detail: String },

    /// Connection refused, address not found, no answer in time.
    #[error("Could not reach the WordPress site {site} ({detail}); check the address and the connection, then try again. Nothing was changed.")]
    WordPressUnreachable { site: String, detail: String },

    /// The remote post changed on the site since the last publish.
    #[error(
        "The post was changed on the site since Postdesk last published it ({link}); publishing would overwrite those changes, so nothing was sent. Publish again with overwrite (--force) to replace them. What differs (- on the site, + in Postdesk):\n{}",
        crate::publish::wordpress::diff_as_text(diff)
    )]
    WordPressChangedOnSite {
        link: String,
        diff: crate::diff::RevisionDiff,
    },

    /// Any other refusal (a bad value, a server error).
    #[error("The WordPress site did not accept the request (HTTP {status}: {message}).")]
    WordPressRejected { status: u16, message: String },
}

impl Error {
    /// A stable machine-readable code: the UI branches on it, never on the message.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::PostNotFound(_) | Error::PostIdNotFound(_) => ErrorCode::PostNotFound,
            Error::RevisionNotFound(_) => ErrorCode::RevisionNotFound,
            Error::AssetNotFound(_) => ErrorCode::AssetNotFound,
            Error::SlugTaken { .. } => ErrorCode::SlugTaken,
            Error::PostChangedMeanwhile { .. } => ErrorCode::PostChanged,
            Error::Invalid { .. } | Error::AmbiguousSlug { .. } => ErrorCode::Invalid,
            Error::ExportConflict { .. } => ErrorCode::ExportConflict,
            Error::TooNew { .. } => ErrorCode::LibraryTooNew,
            Error::NotALibrary { .. } => ErrorCode::NotALibrary,
            Error::Open { .. } => ErrorCode::LibraryOpenFailed,
            Error::Busy => ErrorCode::Busy,
            Error::Damaged { .. } => ErrorCode::LibraryDamaged,
            Error::DiskFull => ErrorCode::DiskFull,
            Error::ReadOnly => ErrorCode::ReadOnly,
            Error::Database(_) => ErrorCode::Database,
            Error::ReadFile { .. } => ErrorCode::ReadFailed,
            Error::WriteFile { .. } => ErrorCode::WriteFailed,
            Error::Import { .. } => ErrorCode::ImportFailed,
            Error::Io(_) => ErrorCode::Io,
            Error::LockPoisoned => ErrorCode::Internal,
            Error::Git(g) => match g.kind {
                crate::gitcli::GitErrorKind::AuthRefused => ErrorCode::GitAuth,
                crate::gitcli::GitErrorKind::Unreachable => ErrorCode::GitOffline,
                _ => ErrorCode::GitFailed,
            },
            Error::SiteRepo { .. } => ErrorCode::SiteRepo,
            Error::PublishRejected { .. } => ErrorCode::PublishRejected,
            Error::WordPressNotConfigured { .. }
            | Error::WordPressNoPassword { .. }
            | Error::Keychain { .. } => ErrorCode::PublishNotConfigured,
            Error::WordPressAuth { .. } => ErrorCode::PublishAuthFailed,
            Error::WordPressRestDisabled { .. } | Error::WordPressBlocked { .. } => {
                ErrorCode::PublishBlocked
            }
            Error::WordPressUnreachable { .. } => ErrorCode::Network,
            Error::WordPressChangedOnSite { .. } => ErrorCode::RemoteChanged,
            Error::WordPressRejected { .. } => ErrorCode::PublishFailed,
        }
    }

    pub fn invalid(field: &'static str, message: impl Into<String>) -> Error {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    /// Map SQLite's "busy"/"locked" to [`Error::Busy`], then as `From` does.
    pub fn from_sqlite(e: rusqlite::Error) -> Error {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                Error::Busy
            }
            _ => Error::from(e),
        }
    }
}

/// A full disk and a read-only disk get their own variants (the UI says so
/// and retries); every other SQLite error is [`Error::Database`].
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Error::DiskFull,
            Some(rusqlite::ErrorCode::ReadOnly) => Error::ReadOnly,
            _ => Error::Database(e),
        }
    }
}

/// Every code an error can carry across IPC, serialized as a snake_case
/// string. The list is closed: the UI's `ErrorCode` union is generated from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    PostNotFound,
    RevisionNotFound,
    AssetNotFound,
    SlugTaken,
    /// An export would overwrite files; the app offers to overwrite.
    ExportConflict,
    Invalid,
    LibraryTooNew,
    NotALibrary,
    LibraryOpenFailed,
    Busy,
    Database,
    ReadFailed,
    WriteFailed,
    ImportFailed,
    Io,
    /// Something that is not the user's doing (a poisoned lock, an unreachable
    /// backend): restarting is the answer.
    Internal,
    /// The library file is damaged; the app offers the newest good backup.
    LibraryDamaged,
    /// A write failed because the disk is full; the UI keeps the text and retries.
    DiskFull,
    /// A write failed because the disk or file is read-only; the UI keeps the text and retries.
    ReadOnly,
    /// The repository refused the credentials (SSH key, token): fix them in the terminal or Settings.
    GitAuth,
    /// The repository cannot be reached (offline, host down): keep working, sync later.
    GitOffline,
    /// Any other git failure (not a repository, git missing, push refused).
    GitFailed,
    /// The site repository is not ready to publish from; the message says what to do.
    SiteRepo,
    /// Someone pushed to the site meanwhile; the UI tells the user to pull.
    PublishRejected,
    /// Publishing needs a setting or a password first; the UI opens Settings → Publishing.
    PublishNotConfigured,
    /// The site refused the user name or password; the UI asks for them again.
    PublishAuthFailed,
    /// The site's REST API is off or blocked; only its administrator can help.
    PublishBlocked,
    /// The site could not be reached; the UI offers to try again.
    Network,
    /// The remote copy changed on the site; the UI shows the difference and offers to overwrite.
    RemoteChanged,
    /// The site refused the request for another reason.
    PublishFailed,
    /// A save was refused because a team sync changed the post meanwhile; the
    /// editor reloads the post (the words it held are kept in History).
    PostChanged,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 31] = [
        ErrorCode::PostNotFound,
        ErrorCode::RevisionNotFound,
        ErrorCode::AssetNotFound,
        ErrorCode::SlugTaken,
        ErrorCode::ExportConflict,
        ErrorCode::Invalid,
        ErrorCode::LibraryTooNew,
        ErrorCode::NotALibrary,
        ErrorCode::LibraryOpenFailed,
        ErrorCode::Busy,
        ErrorCode::Database,
        ErrorCode::ReadFailed,
        ErrorCode::WriteFailed,
        ErrorCode::ImportFailed,
        ErrorCode::Io,
        ErrorCode::Internal,
        ErrorCode::LibraryDamaged,
        ErrorCode::DiskFull,
        ErrorCode::ReadOnly,
        ErrorCode::GitAuth,
        ErrorCode::GitOffline,
        ErrorCode::GitFailed,
        ErrorCode::SiteRepo,
        ErrorCode::PublishRejected,
        ErrorCode::PublishNotConfigured,
        ErrorCode::PublishAuthFailed,
        ErrorCode::PublishBlocked,
        ErrorCode::Network,
        ErrorCode::RemoteChanged,
        ErrorCode::PublishFailed,
        ErrorCode::PostChanged,
    ];

    /// The code as it crosses IPC (the same string serde writes).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::PostNotFound => "post_not_found",
            ErrorCode::RevisionNotFound => "revision_not_found",
            ErrorCode::AssetNotFound => "asset_not_found",
            ErrorCode::SlugTaken => "slug_taken",
            ErrorCode::ExportConflict => "export_conflict",
            ErrorCode::Invalid => "invalid",
            ErrorCode::LibraryTooNew => "library_too_new",
            ErrorCode::NotALibrary => "not_a_library",
            ErrorCode::LibraryOpenFailed => "library_open_failed",
            ErrorCode::Busy => "busy",
            ErrorCode::Database => "database",
            ErrorCode::ReadFailed => "read_failed",
            ErrorCode::WriteFailed => "write_failed",
            ErrorCode::ImportFailed => "import_failed",
            ErrorCode::Io => "io",
            ErrorCode::Internal => "internal",
            ErrorCode::LibraryDamaged => "library_damaged",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::GitAuth => "git_auth",
            ErrorCode::GitOffline => "git_offline",
            ErrorCode::GitFailed => "git_failed",
            ErrorCode::SiteRepo => "site_repo",
            ErrorCode::PublishRejected => "publish_rejected",
            ErrorCode::PublishNotConfigured => "publish_not_configured",
            ErrorCode::PublishAuthFailed => "publish_auth_failed",
            ErrorCode::PublishBlocked => "publish_blocked",
            ErrorCode::Network => "network",
            ErrorCode::RemoteChanged => "remote_changed",
            ErrorCode::PublishFailed => "publish_failed",
            ErrorCode::PostChanged => "post_changed",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets tests and callers compare with the wire string: `e.code() == "invalid"`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

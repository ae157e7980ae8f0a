//! The IPC contract between the desktop shell and the UI, without Tauri: the
//! error shape every command returns (`{code, message}`), the payloads that
//! have no other home in the core (save kind, email source and preview,
//! export scope, progress and summary, the tokens of folders chosen in the
//! system's dialog), and [`typescript_bindings`], which
//! renders the TypeScript declaration of every type that crosses IPC into
//! `ui/src/bindings/` (checked by `tests/integration/ipc_types.rs`).
//!
//! Everything here builds without the `desktop` feature, so the bindings are
//! generated and checked by `cargo test --no-default-features`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, ErrorCode};

/// Every command error as the UI receives it: a stable code to branch on and
/// a plain sentence to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<Error> for IpcError {
    fn from(e: Error) -> Self {
        IpcError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

/// The words of the app's Listing tab for one language, from the core's one
/// label table (`labels.rs`), so the tab says what the site's listing says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ListingLabels {
    /// "Continue reading →" / "Lire la suite →".
    pub continue_reading: String,
}

impl ListingLabels {
    pub fn for_lang(lang: crate::model::Lang) -> Self {
        ListingLabels {
            continue_reading: crate::labels::labels(lang).continue_reading_link(),
        }
    }
}

impl IpcError {
    /// A lock shared between commands was poisoned by a panic elsewhere.
    pub fn poisoned() -> Self {
        Error::LockPoisoned.into()
    }
}

pub type IpcResult<T> = Result<T, IpcError>;

/// How `update_post` was asked for: typing (autosave) or the author's save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SaveKind {
    Autosave,
    Save,
}

/// One post as an email, or a digest of several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum EmailSource {
    Post {
        id: i64,
    },
    Digest {
        ids: Vec<i64>,
        intro: String,
        subject: Option<String>,
        esp: Option<String>,
        /// The digest's language (labels; other-language posts replaced by
        /// their translation when they have one); `None`: from the posts.
        #[serde(default)]
        lang: Option<crate::model::Lang>,
    },
}

/// What the Email tab and the digest builder show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EmailPreview {
    pub subject: String,
    pub preheader: String,
    pub html: String,
    pub text: String,
    pub warnings: Vec<EmailWarning>,
}

/// A warning about an email, with the setting that would fix it, if any
/// (the Email tab and the digest offer to open Settings at that field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EmailWarning {
    /// The English sentence.
    pub message: String,
    /// A library setting key, e.g. `org.address`.
    pub setting: Option<String>,
    /// The kind of warning, snake_case (`post_not_published`…): the
    /// interface words it in its language from `code` and `args`.
    pub code: String,
    /// The values the sentence is made with (`title`, `status`, `src`,
    /// `host`, `url`), by name.
    pub args: std::collections::BTreeMap<String, String>,
}

impl EmailWarning {
    pub fn of(notice: &crate::export::email::EmailNotice) -> EmailWarning {
        EmailWarning {
            message: notice.to_string(),
            setting: notice.setting().map(str::to_string),
            code: notice.code().to_string(),
            args: notice.args(),
        }
    }
}

/// A library image offered by the featured image picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PostImage {
    /// `asset:…`, what the post's featured image field holds.
    pub reference: String,
    pub file_name: String,
    /// Where the window loads its thumbnail from.
    pub url: String,
}

/// Which posts the Export dialog exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ExportScope {
    /// Every published post: the site.
    Published,
    /// Every live post, drafts included.
    All,
    /// One post.
    Post { id: i64 },
}

impl From<ExportScope> for crate::export::site::Selection {
    fn from(scope: ExportScope) -> Self {
        use crate::export::site::Selection;
        match scope {
            ExportScope::Published => Selection::Published,
            ExportScope::All => Selection::All,
            ExportScope::Post { id } => Selection::Posts(vec![id]),
        }
    }
}

/// One step of a site export, streamed to the Export dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
    /// The step in English (`Checking posts/a/index.md`).
    pub step: String,
    /// What the step is, for the interface to word in its language.
    pub kind: crate::export::site::StepKind,
    /// What the step is about: a file's path, a post's title, or empty.
    pub subject: String,
}

impl ExportProgress {
    pub fn new(done: usize, total: usize, step: &crate::export::site::Step<'_>) -> Self {
        ExportProgress {
            done,
            total,
            step: step.to_string(),
            kind: step.kind,
            subject: step.subject.to_string(),
        }
    }
}

/// A folder chosen in the system's dialog, as the webview may name it: by an
/// opaque token, valid while the app runs. The webview never sends a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct FolderToken(pub u64);

/// What `pick_folder` returns: the token to export with, and the folder's
/// path to show (for reading only: no command takes a path back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChosenFolder {
    pub token: FolderToken,
    pub display_name: String,
}

/// The folders chosen through the system's dialog while the app runs, and
/// which of them an export has written to: the only folders a command from
/// the webview can export into or show.
#[derive(Debug, Default)]
pub struct ChosenFolders {
    by_token: HashMap<FolderToken, PathBuf>,
    exported: HashSet<FolderToken>,
}

impl ChosenFolders {
    /// Remember a folder the dialog returned (the same folder keeps its token).
    pub fn remember(&mut self, path: PathBuf) -> ChosenFolder {
        let display_name = path.display().to_string();
        let token = match self.by_token.iter().find(|(_, p)| **p == path) {
            Some((token, _)) => *token,
            None => {
                let token = FolderToken(self.by_token.len() as u64 + 1);
                self.by_token.insert(token, path);
                token
            }
        };
        ChosenFolder {
            token,
            display_name,
        }
    }

    /// The folder behind a token from `pick_folder`.
    pub fn folder(&self, token: FolderToken) -> crate::Result<&Path> {
        self.by_token
            .get(&token)
            .map(PathBuf::as_path)
            .ok_or_else(|| Error::invalid("out", "Choose a folder to export to first."))
    }

    /// Note that an export wrote into the folder behind `token`.
    pub fn mark_exported(&mut self, token: FolderToken) {
        if self.by_token.contains_key(&token) {
            self.exported.insert(token);
        }
    }

    /// The folder behind `token`, when an export has written to it.
    pub fn exported_folder(&self, token: FolderToken) -> crate::Result<&Path> {
        match self.by_token.get(&token) {
            Some(path) if self.exported.contains(&token) => Ok(path),
            _ => Err(Error::invalid(
                "open",
                "Only a folder just exported to can be shown.",
            )),
        }
    }
}

/// The end of a site export, as the Export dialog shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportSummary {
    /// The English sentence (the CLI's): `Exported 23 posts: … → DIR`.
    pub summary: String,
    pub out_dir: String,
    pub warnings: Vec<ExportWarning>,
    /// The summary's numbers, for the interface to word in its language.
    pub posts: usize,
    pub posts_written: usize,
    pub posts_unchanged: usize,
    pub images: usize,
    /// Files of an earlier export removed.
    pub removed: usize,
}

/// A warning after a site export: the English sentence (the CLI's), and
/// its kind with its values, for the interface to word in its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportWarning {
    pub message: String,
    pub warning: crate::export::site::SiteWarning,
}

impl ExportWarning {
    pub fn of(warning: &crate::export::site::SiteWarning) -> ExportWarning {
        ExportWarning {
            message: warning.to_string(),
            warning: warning.clone(),
        }
    }
}

/// What restoring a damaged library's newest good backup did, for the
/// recovery message: the English sentence, and its values for the interface
/// to word in its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoredBackup {
    /// The English sentence: `Restored the backup of 2026-12-01 09:30. …`.
    pub message: String,
    /// When the restored backup was taken.
    pub taken_at: chrono::DateTime<chrono::Utc>,
    /// The name the damaged file was kept aside under, beside the library
    /// (null when there was no file to keep).
    pub kept_aside: Option<String>,
}

impl RestoredBackup {
    pub fn of(restored: &crate::store::restore::Restored) -> RestoredBackup {
        let taken_at = restored.backup.created_at;
        let when = taken_at
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M");
        let message = match &restored.kept_aside {
            Some(aside) => format!(
                "Restored the backup of {when}. The damaged file is kept as {}.",
                aside.display()
            ),
            None => format!("Restored the backup of {when}."),
        };
        RestoredBackup {
            message,
            taken_at,
            kept_aside: restored.kept_aside.as_ref().map(|p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            }),
        }
    }
}

/// One generated TypeScript file: its name inside `ui/src/bindings/` and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub file: PathBuf,
    pub source: String,
}

/// The line under ts-rs' own header in every generated file.
pub const REGENERATE: &str =
    "// Regenerate with: UPDATE_BINDINGS=1 cargo test --no-default-features --test integration ipc_types";

/// The TypeScript declaration of every type that crosses IPC, one file per
/// type. Integers are `number` (ids and sizes stay far below 2^53).
pub fn typescript_bindings() -> Result<Vec<Binding>, ts_rs::ExportError> {
    let cfg = ts_rs::Config::new().with_large_int("number");
    let mut out = Vec::new();
    macro_rules! bind {
        ($($t:ty),* $(,)?) => {$(
            let file = <$t as TS>::output_path()
                .ok_or(ts_rs::ExportError::CannotBeExported(std::any::type_name::<$t>()))?;
            let generated = <$t as TS>::export_to_string(&cfg)?;
            let mut source = String::with_capacity(generated.len() + REGENERATE.len() + 1);
            for (i, line) in generated.lines().enumerate() {
                // ts-rs leaves a space before each field's doc comment.
                source.push_str(line.trim_end());
                source.push('\n');
                if i == 0 {
                    source.push_str(REGENERATE);
                    source.push('\n');
                }
            }
            out.push(Binding { file, source });
        )*};
    }
    use crate::diff::{DiffKind, DiffLine, DiffNotice, RevisionDiff};
    use crate::export::site::StepKind;
    use crate::library_settings::{Setting, SettingGroup};
    use crate::markdown::live::{BlockSplice, LivePreview, LiveText, TextChange};
    use crate::markdown::{blocks::PreviewBlocks, Heading};
    use crate::model::{
        Asset, Lang, ListFilter, Post, PostPatch, PostSummary, Revision, RevisionReason, SearchHit,
        SortOrder, Status,
    };
    use crate::publish::wordpress::{
        PublishOptions, PublishOutcome, RemoteCopyStatus, WordPressSettings,
        WordPressSettingsUpdate, WordPressStatus,
    };
    use crate::templates::Template;
    bind!(
        ErrorCode,
        IpcError,
        Status,
        Lang,
        Post,
        PostSummary,
        PostPatch,
        ListFilter,
        SortOrder,
        SearchHit,
        Revision,
        RevisionReason,
        DiffLine,
        DiffKind,
        RevisionDiff,
        DiffNotice,
        Asset,
        Template,
        Heading,
        PreviewBlocks,
        SaveKind,
        EmailSource,
        EmailPreview,
        ExportScope,
        ExportProgress,
        ExportSummary,
        StepKind,
        FolderToken,
        ChosenFolder,
        ListingLabels,
        Setting,
        SettingGroup,
        LiveText,
        TextChange,
        LivePreview,
        BlockSplice,
    );
    // Team sync (issue #10).
    use crate::sync::{
        ChangedByInfo, ConflictItem, PostConflict, SyncProblem, SyncReport, Take, TeamStatus,
        TeammateVersion,
    };
    bind!(
        TeamStatus,
        SyncReport,
        SyncProblem,
        PostConflict,
        ConflictItem,
        Take,
        ChangedByInfo,
        TeammateVersion,
        crate::publish::site_repo::PublishScope,
        crate::publish::site_repo::SitePublishReport,
        crate::import::wxr::WxrReport,
        crate::import::wxr::WxrPost,
        crate::import::wxr::WxrSkipped,
        crate::import::wxr::WxrNote,
        WordPressSettings,
        WordPressSettingsUpdate,
        WordPressStatus,
        PublishOptions,
        PublishOutcome,
        crate::publish::wordpress::PublishNote,
        RemoteCopyStatus,
    );
    // Rough edges of issue #12.
    bind!(
        EmailWarning,
        crate::diff::VersionDiff,
        crate::diff::FieldChange,
        crate::diff::DiffField,
        crate::export::email::digest_draft::DigestDraft,
        PostImage,
    );
    // Site export warnings in the interface's language.
    bind!(
        ExportWarning,
        crate::export::site::SiteWarning,
        crate::export::site::Removed,
    );
    // The recovery message in the interface's language.
    bind!(RestoredBackup);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restored_backup_says_when_it_was_taken_and_where_the_damaged_file_is() {
        use crate::store::backups::BackupInfo;
        use crate::store::restore::Restored;
        let taken_at = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:30:00Z")
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default();
        let mut restored = Restored {
            backup: BackupInfo {
                id: "20261201-093000-daily".into(),
                path: PathBuf::from("/lib/backups/x.sqlite"),
                created_at: taken_at,
                reason: "daily".into(),
                size: 1,
            },
            kept_aside: Some(PathBuf::from("/lib/library.damaged-1.sqlite")),
        };
        let when = taken_at
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M");
        let r = RestoredBackup::of(&restored);
        assert_eq!(
            r.message,
            format!("Restored the backup of {when}. The damaged file is kept as /lib/library.damaged-1.sqlite.")
        );
        assert_eq!(r.taken_at, taken_at);
        assert_eq!(r.kept_aside.as_deref(), Some("library.damaged-1.sqlite"));
        restored.kept_aside = None;
        let r = RestoredBackup::of(&restored);
        assert_eq!(r.message, format!("Restored the backup of {when}."));
        assert_eq!(r.kept_aside, None);
    }

    #[test]
    fn only_folders_from_the_dialog_have_tokens() {
        let mut folders = ChosenFolders::default();
        assert!(
            folders.folder(FolderToken(1)).is_err(),
            "no folder chosen yet"
        );
        let site = folders.remember(PathBuf::from("/home/me/site"));
        assert_eq!(site.display_name, "/home/me/site");
        assert_eq!(
            folders.folder(site.token).ok(),
            Some(Path::new("/home/me/site"))
        );
        let other = folders.remember(PathBuf::from("/home/me/other"));
        assert_ne!(other.token, site.token);
        assert_eq!(
            folders.remember(PathBuf::from("/home/me/site")).token,
            site.token,
            "the same folder keeps its token"
        );
        assert!(folders.folder(FolderToken(99)).is_err());
    }

    #[test]
    fn only_an_exported_folder_can_be_shown() {
        let mut folders = ChosenFolders::default();
        let site = folders.remember(PathBuf::from("/home/me/site"));
        assert!(folders.exported_folder(site.token).is_err());
        folders.mark_exported(FolderToken(42));
        assert!(folders.exported_folder(FolderToken(42)).is_err());
        folders.mark_exported(site.token);
        assert_eq!(
            folders.exported_folder(site.token).ok(),
            Some(Path::new("/home/me/site"))
        );
    }

    #[test]
    fn a_token_crosses_ipc_as_a_number() {
        let chosen = ChosenFolder {
            token: FolderToken(3),
            display_name: "/x".into(),
        };
        assert_eq!(
            serde_json::to_string(&chosen).unwrap_or_default(),
            r#"{"token":3,"display_name":"/x"}"#
        );
        let back: Result<FolderToken, _> = serde_json::from_str("3");
        assert_eq!(back.ok(), Some(FolderToken(3)));
        let path: Result<FolderToken, _> = serde_json::from_str(r#""/etc""#);
        assert!(path.is_err(), "a path is not a token");
    }
}

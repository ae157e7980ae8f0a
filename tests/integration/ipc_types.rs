//! The IPC contract, pinned: the `{code, message}` JSON of every error, the
//! closed list of error codes, and the TypeScript files in `ui/src/bindings/`
//! generated from the Rust types (`postdesk::ipc::typescript_bindings`).
//!
//! When a type that crosses IPC changes, regenerate the bindings with
//! `UPDATE_BINDINGS=1 cargo test --no-default-features --test integration ipc_types`
//! and commit them with the change.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use postdesk::error::{Error, ErrorCode};
use postdesk::gitcli::{GitError, GitErrorKind};
use postdesk::ipc::{typescript_bindings, Binding, IpcError, REGENERATE};
use serde_json::json;

const UPDATE_VAR: &str = "UPDATE_BINDINGS";

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings")
}

fn io_error() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied")
}

/// One value of every variant, so the exhaustive match in
/// [`expected_code`] fails to compile when a variant is added.
fn one_of_each() -> Vec<Error> {
    vec![
        Error::PostNotFound("spring-appeal".into()),
        Error::PostIdNotFound(7),
        Error::RevisionNotFound(3),
        Error::AssetNotFound("asset:0123".into()),
        Error::SlugTaken {
            slug: "appeal".into(),
            lang: "en".into(),
        },
        Error::AmbiguousSlug {
            slug: "appeal".into(),
        },
        Error::invalid("status", "\"soon\" is not a status"),
        Error::ExportConflict {
            message: "Nothing was exported: index.html already exists.".into(),
        },
        Error::TooNew {
            path: "/lib.sqlite".into(),
            found: 9,
            supported: 4,
        },
        Error::NotALibrary {
            path: "/notes.sqlite".into(),
            reason: "no posts table".into(),
        },
        Error::Open {
            path: "/lib.sqlite".into(),
            source: rusqlite::Error::QueryReturnedNoRows,
        },
        Error::Busy,
        Error::Damaged {
            path: "/lib.sqlite".into(),
            detail: "database disk image is malformed".into(),
            newest_backup: Some(Box::new(postdesk::store::BackupInfo {
                id: "20260501-140312-daily".into(),
                path: "/backups/lib-20260501-140312-daily.sqlite".into(),
                created_at: chrono::DateTime::from_timestamp(1_777_644_192, 0)
                    .expect("a valid time"),
                reason: "daily".into(),
                size: 4096,
            })),
        },
        Error::Damaged {
            path: "/lib.sqlite".into(),
            detail: "the file is empty".into(),
            newest_backup: None,
        },
        Error::DiskFull,
        Error::ReadOnly,
        Error::Database(rusqlite::Error::QueryReturnedNoRows),
        Error::ReadFile {
            path: "/in/post.md".into(),
            source: io_error(),
        },
        Error::WriteFile {
            path: "/out/index.html".into(),
            source: io_error(),
        },
        Error::Import {
            path: "/in/post.md".into(),
            message: "the front matter is not YAML".into(),
        },
        Error::Io(io_error()),
        Error::LockPoisoned,
        Error::Git(GitError {
            kind: GitErrorKind::AuthRefused,
            detail: "git@host: Permission denied (publickey).".into(),
        }),
        Error::Git(GitError {
            kind: GitErrorKind::Unreachable,
            detail: String::new(),
        }),
        Error::Git(GitError {
            kind: GitErrorKind::PushRejected,
            detail: String::new(),
        }),
        Error::SiteRepo {
            message: "The site folder /site is not a git clone.".into(),
        },
        Error::PublishRejected {
            remote: "origin".into(),
            branch: "main".into(),
            commit: "0123abc".into(),
        },
        Error::WordPressNotConfigured {
            setting: "site address",
            key: "wordpress.url",
        },
        Error::WordPressNoPassword {
            user: "editor".into(),
        },
        Error::Keychain {
            detail: "it is locked or not running".into(),
        },
        Error::WordPressAuth {
            site: "https://example.org".into(),
        },
        Error::WordPressRestDisabled {
            site: "https://example.org".into(),
            detail: "HTTP 404 rest_no_route: No route".into(),
        },
        Error::WordPressBlocked {
            site: "https://example.org".into(),
            detail: "HTTP 403 rest_cannot_create: Sorry".into(),
        },
        Error::WordPressUnreachable {
            site: "https://example.org".into(),
            detail: "the connection was refused".into(),
        },
        Error::WordPressChangedOnSite {
            link: "https://example.org/?p=4".into(),
            diff: postdesk::diff::revision_diff("Title: Old\n", "Title: New\n"),
        },
        Error::PostChangedMeanwhile {
            title: "Rally on Friday".into(),
        },
        Error::WordPressRejected {
            status: 400,
            message: "rest_invalid_param: Invalid parameter(s): date".into(),
        },
    ]
}

/// The wire code of each variant, written out by hand: the pin.
fn expected_code(e: &Error) -> &'static str {
    match e {
        Error::PostNotFound(_) | Error::PostIdNotFound(_) => "post_not_found",
        Error::RevisionNotFound(_) => "revision_not_found",
        Error::AssetNotFound(_) => "asset_not_found",
        Error::SlugTaken { .. } => "slug_taken",
        Error::PostChangedMeanwhile { .. } => "post_changed",
        Error::Invalid { .. } | Error::AmbiguousSlug { .. } => "invalid",
        Error::ExportConflict { .. } => "export_conflict",
        Error::TooNew { .. } => "library_too_new",
        Error::NotALibrary { .. } => "not_a_library",
        Error::Open { .. } => "library_open_failed",
        Error::Busy => "busy",
        Error::Damaged { .. } => "library_damaged",
        Error::DiskFull => "disk_full",
        Error::ReadOnly => "read_only",
        Error::Database(_) => "database",
        Error::ReadFile { .. } => "read_failed",
        Error::WriteFile { .. } => "write_failed",
        Error::Import { .. } => "import_failed",
        Error::Io(_) => "io",
        Error::LockPoisoned => "internal",
        Error::Git(g) => match g.kind {
            GitErrorKind::AuthRefused => "git_auth",
            GitErrorKind::Unreachable => "git_offline",
            _ => "git_failed",
        },
        Error::SiteRepo { .. } => "site_repo",
        Error::PublishRejected { .. } => "publish_rejected",
        Error::WordPressNotConfigured { .. }
        | Error::WordPressNoPassword { .. }
        | Error::Keychain { .. } => "publish_not_configured",
        Error::WordPressAuth { .. } => "publish_auth_failed",
        Error::WordPressRestDisabled { .. } | Error::WordPressBlocked { .. } => "publish_blocked",
        Error::WordPressUnreachable { .. } => "network",
        Error::WordPressChangedOnSite { .. } => "remote_changed",
        Error::WordPressRejected { .. } => "publish_failed",
    }
}

#[test]
fn every_error_crosses_ipc_as_code_and_message() {
    let expected = [
        "No post has the slug \"spring-appeal\".",
        "No post has the id 7.",
        "No revision 3 exists for this post.",
        "No image has the reference \"asset:0123\".",
        "The slug \"appeal\" is already used by another en post; choose another.",
        "Both an English and a French post use the slug \"appeal\"; say which language.",
        "\"soon\" is not a status",
        "Nothing was exported: index.html already exists.",
        "The library at /lib.sqlite was written by a newer Postdesk (format 9, this version knows up to 4). \
         Update Postdesk to open it; the file was not changed.",
        "The file /notes.sqlite is not a Postdesk library (no posts table). It was not changed.",
        "Could not open the library at /lib.sqlite: Query returned no rows",
        "The library is busy in another Postdesk window or command; try again in a moment.",
        "The library at /lib.sqlite is damaged (database disk image is malformed); it was left as it is. \
         The newest good backup is from 2026-05-01 14:03 UTC (backup 20260501-140312-daily).",
        "The library at /lib.sqlite is damaged (the file is empty); it was left as it is. \
         No good backup of it was found.",
        "The disk holding the library is full; this change is not saved yet. Free some space and it will be saved.",
        "The library is on a read-only disk or in a read-only file; this change is not saved yet.",
        "The library could not be read or written: Query returned no rows",
        "Could not read /in/post.md: permission denied",
        "Could not write /out/index.html: permission denied",
        "/in/post.md: the front matter is not YAML",
        "permission denied",
        "Postdesk hit an internal error; restart it. Nothing saved was lost.",
        "The repository refused your key or password; check that you can reach it from a terminal (git fetch), \
         then sync again. (git said: git@host: Permission denied (publickey).)",
        "The repository cannot be reached (no network, or it is not there right now); your work is kept and \
         will be shared at the next sync.",
        "The repository refused the changes because a teammate shared first; sync again to merge them.",
        "The site folder /site is not a git clone.",
        "The site repository origin has changes that are not in your copy yet, so branch main was not pushed \
         (your commit 0123abc is kept in the copy). Pull in the site's folder (git pull), then publish again.",
        "The WordPress site address is not set; enter it in Settings → Publishing (postdesk config set wordpress.url …).",
        "No WordPress application password is stored for editor; enter it in Settings → Publishing (postdesk wordpress login).",
        "The system keychain could not be used (it is locked or not running); set the environment variable \
         POSTDESK_WORDPRESS_PASSWORD to the application password instead.",
        "The WordPress site https://example.org refused the user name or the application password; \
         check them in Settings → Publishing. Nothing was changed.",
        "The WordPress site https://example.org does not offer its REST API (HTTP 404 rest_no_route: No route); \
         ask the site's administrator to turn it on. Nothing was changed.",
        "The WordPress site https://example.org blocked Postdesk (HTTP 403 rest_cannot_create: Sorry); \
         ask the site's administrator to allow the REST API for your user. Nothing was changed.",
        "Could not reach the WordPress site https://example.org (the connection was refused); \
         check the address and the connection, then try again. Nothing was changed.",
        "The post was changed on the site since Postdesk last published it (https://example.org/?p=4); \
         publishing would overwrite those changes, so nothing was sent. Publish again with overwrite (--force) \
         to replace them. What differs (- on the site, + in Postdesk):\n- Title: Old\n+ Title: New\n",
        "\"Rally on Friday\" was changed by a team sync while you were editing it; it now shows your team's \
         version and your words are kept in its History.",
        "The WordPress site did not accept the request (HTTP 400: rest_invalid_param: Invalid parameter(s): date).",
    ];
    let errors = one_of_each();
    assert_eq!(errors.len(), expected.len());
    for (e, message) in errors.into_iter().zip(expected) {
        let code = expected_code(&e);
        let json = serde_json::to_value(IpcError::from(e)).expect("IpcError serializes");
        assert_eq!(json, json!({ "code": code, "message": message }));
    }
}

#[test]
fn a_poisoned_lock_is_internal() {
    let json = serde_json::to_value(IpcError::poisoned()).expect("IpcError serializes");
    assert_eq!(json["code"], "internal");
}

#[test]
fn error_code_list_is_closed() {
    // Adding a code means adding an arm here, past the end of `ALL` unless it grows too.
    fn position(code: ErrorCode) -> usize {
        match code {
            ErrorCode::PostNotFound => 0,
            ErrorCode::RevisionNotFound => 1,
            ErrorCode::AssetNotFound => 2,
            ErrorCode::SlugTaken => 3,
            ErrorCode::ExportConflict => 4,
            ErrorCode::Invalid => 5,
            ErrorCode::LibraryTooNew => 6,
            ErrorCode::NotALibrary => 7,
            ErrorCode::LibraryOpenFailed => 8,
            ErrorCode::Busy => 9,
            ErrorCode::Database => 10,
            ErrorCode::ReadFailed => 11,
            ErrorCode::WriteFailed => 12,
            ErrorCode::ImportFailed => 13,
            ErrorCode::Io => 14,
            ErrorCode::Internal => 15,
            ErrorCode::LibraryDamaged => 16,
            ErrorCode::DiskFull => 17,
            ErrorCode::ReadOnly => 18,
            ErrorCode::GitAuth => 19,
            ErrorCode::GitOffline => 20,
            ErrorCode::GitFailed => 21,
            ErrorCode::SiteRepo => 22,
            ErrorCode::PublishRejected => 23,
            ErrorCode::PublishNotConfigured => 24,
            ErrorCode::PublishAuthFailed => 25,
            ErrorCode::PublishBlocked => 26,
            ErrorCode::Network => 27,
            ErrorCode::RemoteChanged => 28,
            ErrorCode::PublishFailed => 29,
            ErrorCode::PostChanged => 30,
        }
    }
    for (i, code) in ErrorCode::ALL.into_iter().enumerate() {
        assert_eq!(
            position(code),
            i,
            "{code} is out of place in ErrorCode::ALL"
        );
        assert_eq!(
            serde_json::to_value(code).expect("ErrorCode serializes"),
            json!(code.as_str())
        );
        let back: ErrorCode =
            serde_json::from_value(json!(code.as_str())).expect("ErrorCode deserializes");
        assert_eq!(back, code);
    }
    // Every error maps to a listed code.
    for e in one_of_each() {
        assert!(ErrorCode::ALL.contains(&e.code()), "{e:?}");
    }
    // The TypeScript union names exactly these codes.
    let ts = generated("ErrorCode.ts");
    let union: BTreeSet<&str> = ts.split('"').skip(1).step_by(2).collect();
    let rust: BTreeSet<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(union, rust, "ErrorCode.ts: {ts}");
}

fn generated(file: &str) -> String {
    typescript_bindings()
        .expect("bindings render")
        .into_iter()
        .find(|b| b.file == Path::new(file))
        .map(|b| b.source)
        .unwrap_or_else(|| panic!("{file} is not generated"))
}

/// Files in `dir` ending in `.ts`, by name.
fn committed_files(dir: &Path) -> BTreeSet<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| PathBuf::from(e.file_name()))
                .filter(|name| name.extension().is_some_and(|x| x == "ts"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let dir = bindings_dir();
    let bindings: Vec<Binding> = typescript_bindings().expect("bindings render");
    let wanted: BTreeSet<PathBuf> = bindings.iter().map(|b| b.file.clone()).collect();
    let update = std::env::var_os(UPDATE_VAR).is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for b in &bindings {
        let path = dir.join(&b.file);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(b.source.as_str()) {
            continue;
        }
        if update {
            std::fs::create_dir_all(&dir).expect("create ui/src/bindings");
            std::fs::write(&path, &b.source).expect("write a binding");
        }
        stale.push(b.file.display().to_string());
    }
    for extra in committed_files(&dir).difference(&wanted) {
        if update {
            std::fs::remove_file(dir.join(extra)).expect("remove an old binding");
        }
        stale.push(format!("{} (no longer generated)", extra.display()));
    }
    assert!(
        update || stale.is_empty(),
        "ui/src/bindings is stale: {}.\nRegenerate with `{UPDATE_VAR}=1 cargo test --no-default-features --test integration ipc_types` and commit the files.",
        stale.join(", ")
    );
}

#[test]
fn bindings_import_only_generated_files() {
    let bindings = typescript_bindings().expect("bindings render");
    let files: BTreeSet<String> = bindings
        .iter()
        .map(|b| b.file.display().to_string())
        .collect();
    for b in &bindings {
        assert!(b.source.contains(REGENERATE), "{}", b.file.display());
        for line in b.source.lines().filter(|l| l.starts_with("import ")) {
            let target = line
                .rsplit_once("from \"./")
                .map(|(_, rest)| rest.trim_end_matches(['"', ';']))
                .unwrap_or_default();
            assert!(
                files.contains(&format!("{target}.ts")),
                "{} imports {target}, which is not generated: add it to typescript_bindings",
                b.file.display()
            );
        }
    }
}

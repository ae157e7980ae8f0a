//! The Email tab and the digest builder: preview, "Copy for email" and
//! "Save .eml…", all built by `export::email` in the core.

use chrono::{Local, Utc};
use tauri::State;

use super::commands::with_store;
use super::AppState;
use crate::export::email::digest_draft::{self, DigestDraft};
use crate::export::email::{
    digest_email, in_language, post_email, Digest, EmailOptions, EmailParts, Esp, ImageMode,
};
use crate::ipc::{EmailPreview, EmailSource, EmailWarning, IpcError, IpcResult};
use crate::store::Store;

fn build(store: &Store, source: &EmailSource, images: ImageMode) -> crate::Result<EmailParts> {
    let mut options = EmailOptions::load(store)?;
    options.images = images;
    match source {
        EmailSource::Post { id } => post_email(store, &store.get_post(*id)?, &options),
        EmailSource::Digest {
            ids,
            intro,
            subject,
            esp,
            lang,
        } => {
            if let Some(esp) = esp.as_deref().filter(|e| !e.is_empty()) {
                options.settings.esp = esp.parse::<Esp>()?;
            }
            let posts = ids
                .iter()
                .map(|id| store.get_post(*id))
                .collect::<crate::Result<Vec<_>>>()?;
            let posts = match lang {
                Some(lang) => in_language(store, posts, *lang)?,
                None => posts,
            };
            let digest = Digest {
                posts,
                intro: intro.clone(),
                subject: subject.clone().filter(|s| !s.trim().is_empty()),
                lang: *lang,
                date: Local::now().date_naive(),
            };
            digest_email(store, &digest, &options)
        }
    }
}

/// What the Email tab and the digest builder show: images inlined so the
/// preview works offline.
#[tauri::command(async)]
pub fn email_preview(state: State<'_, AppState>, source: EmailSource) -> IpcResult<EmailPreview> {
    let store = state.store.lock().map_err(|_| IpcError::poisoned())?;
    let parts = build(&store, &source, ImageMode::Inline)?;
    Ok(EmailPreview {
        subject: parts.subject,
        preheader: parts.preheader,
        html: parts.html,
        text: parts.text,
        warnings: parts.warnings.iter().map(EmailWarning::of).collect(),
    })
}

/// "Copy for email": rich HTML and plain text on the clipboard, images
/// linked from the site, so a paste into an ESP editor or Gmail keeps the
/// formatting.
#[tauri::command(async)]
pub fn copy_email(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    source: EmailSource,
) -> IpcResult<()> {
    use tauri_plugin_clipboard_manager::ClipboardExt;
    let parts = {
        let store = state.store.lock().map_err(|_| IpcError::poisoned())?;
        build(&store, &source, ImageMode::Linked)?
    };
    app.clipboard()
        .write_html(parts.html, Some(parts.text))
        .map_err(|e| {
            crate::Error::invalid("clipboard", format!("The email could not be copied: {e}")).into()
        })
}

/// "Save .eml…": images embedded as cid: parts, written where the system's
/// save dialog says (the webview names no path); `None` back means it was
/// cancelled, else the path saved, for the status line.
#[tauri::command(async)]
pub fn save_eml(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    source: EmailSource,
) -> IpcResult<Option<String>> {
    let (parts, name) = {
        let store = state.store.lock().map_err(|_| IpcError::poisoned())?;
        let parts = build(&store, &source, ImageMode::Embedded)?;
        let name = match &source {
            EmailSource::Post { id } => format!("{}.eml", store.get_post(*id)?.slug),
            EmailSource::Digest { .. } => format!("digest-{}.eml", Local::now().format("%Y-%m-%d")),
        };
        (parts, name)
    };
    let Some(path) = state
        .dialogs
        .save_file(&app, &name, ("Email message", &["eml"]))
    else {
        return Ok(None);
    };
    let bytes = parts.to_eml(Utc::now())?;
    crate::util::atomic_file::write_atomic(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

/// The digest as it was left, so the digest builder survives a restart.
#[tauri::command(async)]
pub fn digest_draft(state: State<'_, AppState>) -> IpcResult<DigestDraft> {
    with_store(&state, |s| digest_draft::load(s))
}

/// Keep the digest as it is now.
#[tauri::command(async)]
pub fn save_digest_draft(state: State<'_, AppState>, draft: DigestDraft) -> IpcResult<()> {
    with_store(&state, |s| digest_draft::save(s, &draft))
}

//! One-line commands over the core (the GitButler/Yaak pattern): each takes
//! the store, calls one core function, and maps the error to `{code, message}`.

use tauri::State;

use super::AppState;
use crate::diff::VersionDiff;
use crate::ipc::{IpcError, IpcResult, PostImage, SaveKind};
use crate::markdown::live::{LivePreview, LiveText};
use crate::model::{Asset, ListFilter, Post, PostPatch, PostSummary, Revision, SearchHit};
use crate::store::{EditKind, Store};

pub(super) fn with_store<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Store) -> crate::Result<T>,
) -> IpcResult<T> {
    let mut store = state.store.lock().map_err(|_| IpcError::poisoned())?;
    f(&mut store).map_err(IpcError::from)
}

#[tauri::command(async)]
pub fn list_posts(state: State<'_, AppState>, filter: ListFilter) -> IpcResult<Vec<PostSummary>> {
    static FIRST: std::sync::Once = std::sync::Once::new();
    FIRST.call_once(|| super::startup_mark("first list query"));
    let list = with_store(&state, |s| s.list_posts(&filter));
    if let Ok(posts) = &list {
        static LISTED: std::sync::Once = std::sync::Once::new();
        LISTED.call_once(|| {
            super::startup_mark(&format!("first list answered ({} posts)", posts.len()))
        });
    }
    list
}

#[tauri::command(async)]
pub fn search_posts(state: State<'_, AppState>, query: String) -> IpcResult<Vec<SearchHit>> {
    with_store(&state, |s| s.search(&query, 50))
}

#[tauri::command(async)]
pub fn get_post(state: State<'_, AppState>, id: i64) -> IpcResult<Post> {
    with_store(&state, |s| s.get_post(id))
}

#[tauri::command(async)]
pub fn all_tags(state: State<'_, AppState>) -> IpcResult<Vec<(String, i64)>> {
    with_store(&state, |s| s.all_tags())
}

#[tauri::command(async)]
pub fn templates() -> Vec<crate::templates::Template> {
    crate::templates::TEMPLATES.to_vec()
}

#[tauri::command(async)]
pub fn create_post(state: State<'_, AppState>, template: Option<String>) -> IpcResult<Post> {
    with_store(&state, |s| {
        s.create_post(crate::templates::new_post_by_me(s, template.as_deref())?)
    })
}

#[tauri::command(async)]
pub fn duplicate_post(state: State<'_, AppState>, id: i64) -> IpcResult<Post> {
    with_store(&state, |s| s.duplicate_post(id))
}

#[tauri::command(async)]
pub fn create_translation(state: State<'_, AppState>, id: i64) -> IpcResult<Post> {
    with_store(&state, |s| s.create_translation(id))
}

#[tauri::command(async)]
pub fn update_post(
    state: State<'_, AppState>,
    id: i64,
    patch: PostPatch,
    kind: SaveKind,
    based_on: Option<chrono::DateTime<chrono::Utc>>,
) -> IpcResult<Post> {
    let kind = match kind {
        SaveKind::Autosave => EditKind::Autosave,
        SaveKind::Save => EditKind::Save,
    };
    state
        .save(id, patch, kind, based_on)
        .map_err(IpcError::from)
}

#[tauri::command(async)]
pub fn trash_post(state: State<'_, AppState>, id: i64) -> IpcResult<Post> {
    with_store(&state, |s| s.trash_post(id))
}

#[tauri::command(async)]
pub fn restore_post(state: State<'_, AppState>, id: i64) -> IpcResult<Post> {
    with_store(&state, |s| s.restore_post(id))
}

#[tauri::command(async)]
pub fn empty_trash(state: State<'_, AppState>) -> IpcResult<usize> {
    with_store(&state, |s| s.empty_trash())
}

#[tauri::command(async)]
pub fn list_revisions(state: State<'_, AppState>, id: i64) -> IpcResult<Vec<Revision>> {
    with_store(&state, |s| s.revisions(id))
}

#[tauri::command(async)]
pub fn save_revision(state: State<'_, AppState>, id: i64) -> IpcResult<Option<Revision>> {
    with_store(&state, |s| s.save_revision(id))
}

#[tauri::command(async)]
pub fn restore_revision(state: State<'_, AppState>, id: i64, revision: i64) -> IpcResult<Post> {
    with_store(&state, |s| s.restore_revision(id, revision))
}

/// The revision against the saved post (title, teaser, body): both read
/// under the store lock, the lock released, then compared (bounded in size
/// and time by `diff.rs`), so a huge paste never holds up saves.
#[tauri::command(async)]
pub fn revision_diff(state: State<'_, AppState>, id: i64, revision: i64) -> IpcResult<VersionDiff> {
    let (old, now) = with_store(&state, |s| Ok((s.revision(id, revision)?, s.get_post(id)?)))?;
    Ok(crate::diff::version_diff((&old).into(), (&now).into()))
}

/// An image pasted or dropped into the editor, as base64 from the UI.
#[tauri::command(async)]
pub fn add_asset(
    state: State<'_, AppState>,
    file_name: String,
    data_base64: String,
) -> IpcResult<Asset> {
    let data = crate::util::data_url::decode_base64(&data_base64).map_err(|_| {
        IpcError::from(crate::Error::invalid(
            "image",
            "The image could not be read.",
        ))
    })?;
    with_store(&state, |s| s.add_asset(&file_name, &data))
}

/// A library image with the address its thumbnail loads from.
fn post_image(asset: crate::model::Asset) -> PostImage {
    PostImage {
        url: super::assets::asset_url(&asset.reference).unwrap_or_default(),
        reference: asset.reference,
        file_name: asset.file_name,
    }
}

/// The featured image picker: the images the post uses.
#[tauri::command(async)]
pub fn post_images(state: State<'_, AppState>, id: i64) -> IpcResult<Vec<PostImage>> {
    with_store(&state, |s| s.post_images(id)).map(|v| v.into_iter().map(post_image).collect())
}

/// The featured image picker's "Choose a file…": the system's open dialog
/// asks for an image, which is stored in the library (`None`: cancelled).
#[tauri::command(async)]
pub fn choose_image_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<PostImage>> {
    let filter = ("Images", &["png", "jpg", "jpeg", "gif", "webp", "avif"][..]);
    let Some(file) = state.dialogs.open_file(&app, filter) else {
        return Ok(None);
    };
    with_store(&state, |s| s.add_asset_file(&file)).map(|a| Some(post_image(a)))
}

/// One call per keystroke: apply the editor's changes (or whole text) to
/// the open post's document in the core and answer with the splice of the
/// preview's blocks (`reset`: the view holds none). With `stage`, the edit is
/// kept so a close writes it: `fields` (the other changed fields) now, the
/// body from the document when it is written, guarded by `based_on` (the
/// `updated_at` of the copy the editor started from, as for `update_post`). A `resync` answer applied
/// nothing: the UI sends the whole text.
#[tauri::command(async)]
pub fn live_edit(
    state: State<'_, AppState>,
    id: i64,
    text: LiveText,
    fields: PostPatch,
    stage: bool,
    reset: bool,
    based_on: Option<chrono::DateTime<chrono::Utc>>,
) -> IpcResult<LivePreview> {
    let request = super::live_path::LiveEditRequest {
        id,
        text,
        fields,
        stage,
        reset,
        based_on,
    };
    request.run(&state, super::Wait::Yes)
}

#[tauri::command(async)]
pub fn preview_shell(lang: crate::model::Lang) -> String {
    crate::preview::preview_shell(lang)
}

/// The Listing tab's words in the post's language.
#[tauri::command(async)]
pub fn listing_labels(lang: crate::model::Lang) -> crate::ipc::ListingLabels {
    crate::ipc::ListingLabels::for_lang(lang)
}

/// Open a link from the preview in the system browser or mail client.
#[tauri::command(async)]
pub fn open_link(app: tauri::AppHandle, url: String) -> IpcResult<()> {
    use tauri_plugin_opener::OpenerExt;
    if !crate::util::links::is_openable_link(&url) {
        return Err(crate::Error::invalid(
            "link",
            "Only web and email links open outside Postdesk.",
        )
        .into());
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        crate::Error::invalid("link", format!("The link could not be opened: {e}")).into()
    })
}

/// The page is editable and painted: turn on what its first paint does not
/// need, once per run. Loading the spelling dictionaries holds the main
/// thread ~100 ms; at start-up that was while WebKit's web process was
/// starting, which needs the main thread too.
#[tauri::command(async)]
pub fn window_ready(app: tauri::AppHandle) {
    use tauri::Manager;
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        super::startup_mark("the page reports its window painted and editable (window_ready)");
        let handle = app.clone();
        let queued = app.run_on_main_thread(move || {
            if let Some(window) = handle.get_webview_window("main") {
                super::spellcheck::enable(&window);
            }
        });
        if let Err(e) = queued {
            tracing::warn!(error = %e, "could not turn spell checking on");
        }
    });
}

/// Quit (Ctrl+Q): write anything typed but not yet saved, then exit.
#[tauri::command(async)]
pub fn quit(app: tauri::AppHandle, state: State<'_, AppState>) {
    state.flush();
    app.exit(0);
}

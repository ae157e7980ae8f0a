//! One-line commands over the core (the GitButler/Yaak pattern).

use serde::Serialize;
use tauri::State;

use super::error::{IpcError, IpcResult};
use super::AppState;
use crate::markdown::Heading;
use crate::model::{ListFilter, Post, PostSummary, SearchHit};
use crate::store::Store;

fn with_store<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Store) -> crate::Result<T>,
) -> IpcResult<T> {
    let mut store = state.store.lock().map_err(|_| IpcError::poisoned())?;
    f(&mut store).map_err(IpcError::from)
}

#[tauri::command(async)]
pub fn list_posts(state: State<'_, AppState>, filter: ListFilter) -> IpcResult<Vec<PostSummary>> {
    with_store(&state, |s| s.list_posts(&filter))
}

#[tauri::command(async)]
pub fn search_posts(state: State<'_, AppState>, query: String) -> IpcResult<Vec<SearchHit>> {
    with_store(&state, |s| s.search(&query, 50))
}

#[tauri::command(async)]
pub fn get_post(state: State<'_, AppState>, id: i64) -> IpcResult<Post> {
    with_store(&state, |s| s.get_post(id))
}

/// The preview: the same renderer and page the exports use.
#[derive(Serialize)]
pub struct Preview {
    pub document: String,
    pub word_count: usize,
    pub reading_minutes: u32,
    pub teaser: String,
    pub outline: Vec<Heading>,
}

#[tauri::command(async)]
pub fn preview_post(state: State<'_, AppState>, id: i64) -> IpcResult<Preview> {
    with_store(&state, |s| {
        let post = s.get_post(id)?;
        let rendered = crate::preview::render_post(s, &post)?;
        Ok(Preview {
            document: crate::preview::preview_document(s, &post)?,
            word_count: rendered.word_count,
            reading_minutes: rendered.reading_minutes,
            teaser: rendered.teaser,
            outline: rendered.outline,
        })
    })
}

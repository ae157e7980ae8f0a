//! The desktop shell: Tauri setup and thin commands over the core. No
//! business rule lives here; every command is one call into the core.

mod assets;
mod commands;
mod dialogs;
mod export;
mod live_path;
mod newsletter;
mod publish;
mod recovery;
mod settings;
mod spellcheck;
mod team;
mod webview;

#[cfg(target_os = "linux")]
pub use webview::has_gpu;

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::{Manager, RunEvent, WindowEvent};

use crate::markdown::live::{LiveDocument, LivePreview, LiveText};
use crate::model::{Post, PostPatch};
use crate::store::{EditKind, StagedEdit, StagedEdits, Store};

/// Whether a live edit may wait for the document or cost a whole render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    Yes,
    /// On the main thread while the page waits (the quick path): answer
    /// [`crate::Error::Busy`] instead of waiting for a lock another request
    /// holds, or of rendering a document that renders whole on every edit;
    /// the page then sends the edit by the command, off the main thread.
    No,
}

/// The post whose document the live preview holds.
#[derive(Default)]
struct OpenDocument {
    post: Option<i64>,
    doc: LiveDocument,
}

/// What the commands share: the one store, and the edits typed but not yet
/// written (the autosave timer has not fired), so closing the window can
/// write them.
pub struct AppState {
    pub store: Mutex<Store>,
    staged: Mutex<StagedEdits>,
    /// The open post's document for the live preview (one per window).
    live: Mutex<OpenDocument>,
    /// The system's dialogs and the folders chosen through them: the only
    /// source of the paths commands write to or show.
    pub dialogs: dialogs::Dialogs,
}

impl AppState {
    fn new(store: Store) -> AppState {
        AppState {
            store: Mutex::new(store),
            staged: Mutex::new(StagedEdits::default()),
            live: Mutex::new(OpenDocument::default()),
            dialogs: dialogs::Dialogs::from_env(),
        }
    }

    /// Apply a live edit to post `id`'s document (a new one when another
    /// post was open: changes to it are refused, the UI sends the text).
    pub fn live_edit(
        &self,
        id: i64,
        text: LiveText,
        opts: &crate::markdown::RenderOptions,
        reset: bool,
        wait: Wait,
    ) -> crate::Result<LivePreview> {
        let mut live = match wait {
            Wait::Yes => self.live.lock().map_err(|_| crate::Error::LockPoisoned)?,
            Wait::No => match self.live.try_lock() {
                Ok(live) => live,
                Err(std::sync::TryLockError::WouldBlock) => return Err(crate::Error::Busy),
                Err(std::sync::TryLockError::Poisoned(_)) => {
                    return Err(crate::Error::LockPoisoned)
                }
            },
        };
        if wait == Wait::No && live.post == Some(id) && live.doc.renders_whole() {
            return Err(crate::Error::Busy);
        }
        if live.post != Some(id) {
            *live = OpenDocument {
                post: Some(id),
                doc: LiveDocument::default(),
            };
            if matches!(text, LiveText::Changes { .. }) {
                return Ok(LivePreview {
                    resync: true,
                    ..LivePreview::default()
                });
            }
        }
        Ok(live.doc.edit(text, opts, reset))
    }

    /// Remember the latest unsaved edit of a post (replaces the previous
    /// one), with the `updated_at` of the copy the editor started from. Its
    /// body is read from the open document when it is written.
    pub fn stage(
        &self,
        id: i64,
        patch: PostPatch,
        based_on: Option<chrono::DateTime<chrono::Utc>>,
    ) -> crate::Result<()> {
        let mut staged = self.staged.lock().map_err(|_| crate::Error::LockPoisoned)?;
        staged.stage(id, StagedEdit { patch, based_on });
        Ok(())
    }

    /// Write an edit and forget the staged copy (not one staged while it
    /// was being written: see [`StagedEdits::written`]). `based_on`: the post's
    /// `updated_at` the editor's copy was read at; a post written since (by a
    /// team sync) is not overwritten ([`crate::Error::PostChangedMeanwhile`]).
    pub fn save(
        &self,
        id: i64,
        patch: PostPatch,
        kind: EditKind,
        based_on: Option<chrono::DateTime<chrono::Utc>>,
    ) -> crate::Result<Post> {
        let mut store = self.store.lock().map_err(|_| crate::Error::LockPoisoned)?;
        let mark = self.staged.lock().map(|s| s.mark()).unwrap_or(u64::MAX);
        let saved = store.save_edit(id, patch, kind, based_on);
        if let Ok(mut staged) = self.staged.lock() {
            match &saved {
                Ok(post) => staged.written(id, based_on, post, mark),
                Err(crate::Error::PostChangedMeanwhile { .. }) => staged.refused(id, mark),
                Err(_) => {}
            }
        }
        saved
    }

    /// Write every staged edit (window closing, app exiting), guarded like
    /// an autosave: a post a team sync wrote since the editor read it keeps
    /// the newer copy, and the editor's words are kept as a revision.
    pub fn flush(&self) {
        let mut pending: Vec<(i64, StagedEdit)> = match self.staged.lock() {
            Ok(mut staged) => staged.take_all(),
            Err(_) => return,
        };
        tracing::info!(edits = pending.len(), "writing staged edits");
        if pending.is_empty() {
            return;
        }
        if let Ok(live) = self.live.lock() {
            for (id, edit) in &mut pending {
                if live.post == Some(*id) {
                    edit.patch.body = Some(live.doc.text().to_owned());
                }
            }
        }
        let Ok(mut store) = self.store.lock() else {
            tracing::error!("could not write the last edits on close: the library is locked");
            return;
        };
        for (id, outcome) in store.write_staged(pending) {
            match outcome {
                Ok(_) => {}
                Err(crate::Error::PostChangedMeanwhile { .. }) => tracing::warn!(
                    post = id,
                    "a team sync changed the post before the close: its newer copy stays, \
                     the last edit is kept as a revision in History"
                ),
                Err(e) => {
                    tracing::error!(post = id, error = %e, "could not write the last edit on close")
                }
            }
        }
    }
}

/// Open the library (seeding the default one on first run) and run the window.
/// A damaged library still opens the window, which offers its newest good
/// backup (`recovery`).
pub fn run(db: Option<PathBuf>) -> crate::Result<()> {
    startup_mark("Rust run() entered");
    let location = crate::library_location::resolve(db)?;
    // Open the library (checks, migrations, the daily backup) on a thread
    // while GTK, the window and WebKit's processes start: neither waits for
    // the other. The commands' state is added in `setup`, once the window
    // exists and the library is open, before the event loop serves anything.
    let opening = std::thread::spawn({
        let location = location.clone();
        move || {
            let opened = crate::library_location::open_library(&location);
            startup_mark("library opened (on its own thread)");
            opened
        }
    });
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        // Tauri creates the window (and WebKit starts its processes) just
        // before this runs, on the event loop's first turn: only now wait
        // for the library, which opened meanwhile. No command, page or
        // scheme request is served before this returns.
        .setup(move |app| {
            match app.get_webview_window("main") {
                Some(window) => {
                    startup_mark("window and webview exist (setup)");
                    webview::lighten(&window);
                    // Spell checking: once the page is painted (`window_ready`).
                }
                None => tracing::warn!("no main window at setup: webview settings unchanged"),
            }
            let (store, problem) = match library_for_window(opening) {
                Ok(opened) => opened,
                Err(e) => {
                    // As `main` reports any other start-up error; the event
                    // loop is running, so there is no returning from `run`.
                    eprintln!("postdesk: {e}");
                    std::process::exit(1);
                }
            };
            tracing::info!(path = %location.path().display(), "opened library");
            startup_mark("library ready for the window");
            app.manage(AppState::new(store));
            app.manage(recovery::Recovery::new(
                location.path().to_path_buf(),
                problem,
            ));
            watch_signals(app.handle().clone());
            recovery::watch_daily_backup(app.handle().clone());
            Ok(())
        })
        .manage(team::Background::default())
        .register_uri_scheme_protocol(assets::SCHEME, |ctx, request| {
            let state = ctx.app_handle().state::<AppState>();
            let response = match state.store.lock() {
                Ok(store) => assets::respond(&store, request.uri().path()),
                Err(_) => tauri::http::Response::new(Vec::new()),
            };
            response
        })
        .register_uri_scheme_protocol(live_path::SCHEME, |ctx, request| {
            let app = ctx.app_handle();
            let page = app
                .get_webview_window(ctx.webview_label())
                .and_then(|w| w.url().ok())
                .and_then(|url| live_path::origin_of(&url));
            let state = app.try_state::<AppState>();
            live_path::respond(state.as_deref(), page.as_deref(), &request)
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { .. } | WindowEvent::Destroyed = event {
                tracing::info!(?event, "window closing");
                if let Some(state) = window.try_state::<AppState>() {
                    state.flush();
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_posts,
            commands::search_posts,
            commands::get_post,
            commands::all_tags,
            commands::templates,
            commands::create_post,
            commands::duplicate_post,
            commands::create_translation,
            commands::update_post,
            commands::trash_post,
            commands::restore_post,
            commands::empty_trash,
            commands::list_revisions,
            commands::save_revision,
            commands::restore_revision,
            commands::revision_diff,
            commands::add_asset,
            commands::live_edit,
            commands::preview_shell,
            commands::listing_labels,
            commands::open_link,
            commands::quit,
            commands::window_ready,
            newsletter::email_preview,
            newsletter::copy_email,
            newsletter::save_eml,
            newsletter::digest_draft,
            newsletter::save_digest_draft,
            commands::post_images,
            commands::choose_image_file,
            export::pick_folder,
            export::export_site_to,
            export::show_in_folder,
            recovery::library_problem,
            recovery::restore_newest_backup,
            settings::list_settings,
            settings::set_setting,
            settings::welcome,
            settings::finish_welcome,
            team::team_status,
            team::team_connect,
            team::team_connect_folder,
            team::sync_now,
            team::list_conflicts,
            team::resolve_conflict,
            team::post_changed_by,
            team::teammate_versions,
            team::waiting_for_my_review,
            team::teammate_diff,
            team::resolve_post_conflict,
            publish::wordpress_settings,
            publish::save_wordpress_settings,
            publish::publish_wordpress,
            publish::wordpress_remote_status,
            publish::wordpress_link,
            publish::publish_site,
            publish::set_publish_repo,
            publish::import_wordpress_file,
        ])
        .build(tauri::generate_context!())
        .map_err(|e| {
            crate::Error::invalid("app", format!("The window could not be opened: {e}"))
        })?;
    startup_mark("Tauri app built (the window is created as it runs)");
    app.run(|handle, event| {
        if let RunEvent::ExitRequested { .. } | RunEvent::Exit = event {
            tracing::info!(?event, "exiting");
            handle.state::<AppState>().flush();
        }
    });
    Ok(())
}

/// The library opened on its own thread, or an empty one when it is
/// damaged (the window then offers its newest good backup: `recovery`).
fn library_for_window(
    opening: std::thread::JoinHandle<crate::Result<Store>>,
) -> crate::Result<(Store, Option<crate::Error>)> {
    let opened = opening.join().unwrap_or_else(|_| {
        Err(crate::Error::invalid(
            "library",
            "The library could not be opened: restart Postdesk.",
        ))
    });
    match opened {
        Ok(store) => Ok((store, None)),
        Err(e @ crate::Error::Damaged { .. }) => {
            tracing::error!(error = %e, "the library is damaged");
            Ok((Store::open_in_memory()?, Some(e)))
        }
        Err(e) => Err(e),
    }
}

/// When this process started, as seconds since boot (Linux: `/proc`).
#[cfg(target_os = "linux")]
fn process_start_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let ticks: f64 = stat
        .rsplit(')')
        .next()?
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()?;
    // SAFETY: sysconf only reads a configuration value.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    (hz > 0.0).then(|| ticks / hz)
}

#[cfg(not(target_os = "linux"))]
fn process_start_secs() -> Option<f64> {
    None
}

/// Log a start-up milestone with the milliseconds since the process
/// started (the e2e figures test prints these lines).
pub(crate) fn startup_mark(what: &str) {
    #[cfg(not(target_os = "linux"))]
    let uptime: Option<f64> = None;
    #[cfg(target_os = "linux")]
    let uptime = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok());
    if let (Some(now), Some(start)) = (uptime, process_start_secs()) {
        tracing::info!(
            "start-up: {what} at {:.0} ms after process start",
            (now - start) * 1000.0
        );
    }
}

/// A session logout or `kill` sends SIGTERM (SIGHUP when the terminal goes,
/// SIGINT for Ctrl+C): write what was typed, then quit like a window close.
#[cfg(unix)]
fn watch_signals(handle: tauri::AppHandle) {
    use tokio::signal::unix::{signal, SignalKind};
    tauri::async_runtime::spawn(async move {
        let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
            signal(SignalKind::hangup()),
        ) else {
            tracing::warn!("could not watch for termination signals");
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
            _ = hup.recv() => {}
        }
        handle.state::<AppState>().flush();
        handle.exit(0);
    });
}

#[cfg(not(unix))]
fn watch_signals(_handle: tauri::AppHandle) {}

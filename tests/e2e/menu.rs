//! The native menu bar, for real: `xdotool` presses X keys on the app's
//! window under Xvfb, so GTK (not the page) sees them first: a menu
//! accelerator, F10 to open the menu bar, arrows and Enter to choose an item.
//! WebDriver's keys cannot show this: they reach the page, not the menu.

use std::time::Duration;

use serde_json::Value;

use crate::harness::{self, library, press, App};

async fn posts_listed(app: &App) -> u64 {
    app.js("return document.querySelectorAll('#posts li[data-id]').length")
        .await
        .as_u64()
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn menu_accelerators_and_the_keyboard_reach_the_menu_bar() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        crate::support::post(s, "Rally on Friday", "Intro paragraph.");
    });
    let app = App::launch(&db, dir.path()).await;
    app.wait_js(
        "return document.documentElement.dataset.menu === 'ready'",
        10,
    )
    .await;
    let pid = app.app_pid().expect("the app's process").to_string();
    let window = harness::app_window(&pid);
    let before = posts_listed(&app).await;
    assert_eq!(before, 1);

    // Edit → Undo's accelerator undoes typing in a field outside the editor
    // (GTK gives Ctrl+Z to the menu, which asks the focused field to undo).
    app.type_into("#meta [name=title]", " now").await;
    app.wait_js(
        "return document.querySelector('#meta [name=title]').value === 'Rally on Friday now'",
        5,
    )
    .await;
    press(&window, &["ctrl+z"]);
    app.wait_js(
        "return document.querySelector('#meta [name=title]').value !== 'Rally on Friday now'",
        5,
    )
    .await;

    // File → New post's accelerator: exactly one new post (the menu and the
    // page's own Ctrl+N handler do not both act).
    press(&window, &["ctrl+n"]);
    app.wait_js(
        "return document.querySelectorAll('#posts li[data-id]').length === 2",
        10,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        posts_listed(&app).await,
        2,
        "Ctrl+N made more than one post"
    );

    // F10 opens the menu bar on File; Down, Enter choose its first item, New post.
    press(&window, &["F10", "Down", "Return"]);
    app.wait_js(
        "return document.querySelectorAll('#posts li[data-id]').length === 3",
        10,
    )
    .await;

    // View → Zoom in / Actual size through their accelerators: the page
    // gets fewer CSS pixels across, then its width back; the level is kept.
    let width = app.js("return window.innerWidth").await;
    press(&window, &["ctrl+equal"]);
    app.wait_js(
        &format!(
            "return window.innerWidth < {width} && localStorage.getItem('postdesk.zoom') === '1.1'"
        ),
        10,
    )
    .await;
    press(&window, &["ctrl+0"]);
    app.wait_js(&format!("return window.innerWidth === {width}"), 10)
        .await;

    // Help → Keyboard shortcuts (F1).
    press(&window, &["F1"]);
    app.wait_js("return document.getElementById('help-dialog').open", 10)
        .await;
    app.js("document.getElementById('help-dialog').close()")
        .await;
    assert_eq!(
        app.js("return document.getElementById('help')").await,
        Value::Null,
        "the toolbar's Shortcuts button is gone: the Help menu has it"
    );
    app.quit().await;
}

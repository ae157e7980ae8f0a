//! Publish… and Import… in the real window: a post published to a real
//! WordPress (`support::wordpress`, on 127.0.0.1) from the Publish dialog,
//! read back through the REST API, published again as an update of the same
//! remote post; a WordPress export file imported through the (test stand-in
//! for the) open dialog; the site repository chosen with Choose…, never typed.

use crate::harness::{dialog_dir, library, App};
use crate::support::wordpress::WordPress;
use postdesk::model::{PostPatch, Status};
use postdesk::publish::wordpress::credentials::PASSWORD_ENV;
use postdesk::store::{EditKind, Store};

#[tokio::test(flavor = "multi_thread")]
async fn publish_to_wordpress_from_the_dialog_then_again_updates_the_same_post() {
    let Some(wp) = WordPress::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut id = 0;
    let db = library(dir.path(), |s| {
        id = crate::post(
            s,
            "Crossing guards return",
            "Guards are back at **six** schools.",
        );
        s.update_post(
            id,
            PostPatch {
                status: Some(Status::Published),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
        postdesk::library_settings::set(s, "wordpress.url", &wp.url).unwrap();
        postdesk::library_settings::set(s, "wordpress.user", &wp.user).unwrap();
    });
    let app = App::launch_with_env(&db, dir.path(), &[(PASSWORD_ENV, &wp.app_password)]).await;
    // Not yet on the site: no "Open on site" in the details.
    assert_eq!(
        app.js("return document.getElementById('remote-copy').hidden")
            .await,
        true
    );
    app.click("#open-publish").await;
    app.wait_js(
        "return document.getElementById('publish-dialog').open \
           && !document.getElementById('publish-wp-box').hidden \
           && document.getElementById('publish-wp').checked \
           && document.getElementById('publish-site-box').hidden",
        10,
    )
    .await;
    app.click("#publish-go").await;
    app.wait_js(
        "return document.getElementById('publish-result').textContent.length > 0",
        30,
    )
    .await;
    let result = app
        .js("return document.getElementById('publish-result').textContent")
        .await;
    assert!(
        result
            .as_str()
            .unwrap_or_default()
            .starts_with("Published “Crossing guards return”"),
        "{result}"
    );
    let link = app
        .js("return document.getElementById('publish-link').textContent")
        .await;
    let link = link.as_str().unwrap_or_default().to_string();
    assert!(!app
        .js("return document.getElementById('publish-open-site').hidden")
        .await
        .as_bool()
        .unwrap_or(true));
    let found = wp.rest_get("/wp/v2/posts&slug=crossing-guards-return&status=any&context=edit");
    let remote = &found[0];
    assert_eq!(remote["title"]["raw"], "Crossing guards return", "{found}");
    assert_eq!(remote["status"], "publish");
    assert_eq!(
        remote["link"],
        link.as_str(),
        "the dialog shows the remote link"
    );
    let remote_id = remote["id"].as_i64().expect("a remote id");
    // The details now offer "Open on site".
    app.wait_js("return !document.getElementById('remote-copy').hidden", 10)
        .await;

    // Publish again: an update of the same remote post.
    app.js("document.getElementById('publish-result').textContent = ''; return true")
        .await;
    app.click("#publish-go").await;
    app.wait_js(
        "return document.getElementById('publish-result').textContent.length > 0",
        30,
    )
    .await;
    let again = app
        .js("return document.getElementById('publish-result').textContent")
        .await;
    assert!(
        again.as_str().unwrap_or_default().starts_with("Updated"),
        "{again}"
    );
    let same = wp.rest_get("/wp/v2/posts&slug=crossing-guards-return&status=any&context=edit");
    assert_eq!(
        same.as_array().map(Vec::len),
        Some(1),
        "no duplicate: {same}"
    );
    assert_eq!(
        same[0]["id"].as_i64(),
        Some(remote_id),
        "the same remote post"
    );
    app.quit().await;
    let store = Store::open(&db).unwrap();
    assert_eq!(
        postdesk::publish::wordpress::remote_copy(&store, id).unwrap(),
        Some((remote_id, link))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wordpress_export_is_imported_and_the_site_repository_is_chosen_not_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        crate::post(s, "Existing post", "Already here.");
    });
    let folder = dialog_dir(dir.path());
    std::fs::create_dir_all(&folder).unwrap();
    // The file the "open dialog" answers with: a real WordPress's own export.
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/wxr/wordpress-export.xml"
    );
    std::fs::copy(fixture, folder.join("site-export.xml")).unwrap();
    // The same folder is what "Choose…" answers with: make it a git clone.
    let git = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(&folder)
        .status()
        .expect("git");
    assert!(git.success());

    let app = App::launch(&db, dir.path()).await;
    app.click("#open-import").await;
    app.wait_js("return document.getElementById('import-dialog').open", 5)
        .await;
    app.click("#import-go").await;
    app.wait_js(
        "return /post\\(s\\) from WordPress/.test(document.getElementById('import-result').textContent)",
        20,
    )
    .await;
    let summary = app
        .js("return document.getElementById('import-result').textContent")
        .await;
    assert!(
        summary.as_str().unwrap_or_default().contains(" new"),
        "{summary}"
    );
    // The library list shows an imported post.
    app.wait_js(
        "return [...document.querySelectorAll('#posts li strong')].some(e => e.textContent === 'Spring river cleanup')",
        10,
    )
    .await;
    app.click("#import-dialog button[value=close]").await;

    // A path typed in the webview is refused…
    let typed = app
        .js("return window.__TAURI_INTERNALS__.invoke('set_setting', { key: 'publish.repo', value: '/tmp' }).then(() => 'accepted', e => e.message)")
        .await;
    assert!(
        typed.as_str().unwrap_or_default().contains("Choose"),
        "{typed}"
    );
    // …the folder dialog sets it.
    app.click("#open-settings").await;
    app.wait_js("return !!document.getElementById('publish-repo-choose')", 5)
        .await;
    app.wait_js(
        "return document.querySelector('[name=\"publish.repo\"]').readOnly && !!document.querySelector('[name=\"wordpress.password\"]')",
        5,
    )
    .await;
    app.click("#publish-repo-choose").await;
    let real = std::fs::canonicalize(&folder).unwrap();
    app.wait_js(
        &format!(
            "return document.querySelector('[name=\"publish.repo\"]').value === {:?}",
            real.to_str().unwrap()
        ),
        10,
    )
    .await;
    app.quit().await;
    let store = Store::open(&db).unwrap();
    assert_eq!(
        postdesk::library_settings::get(&store, "publish.repo").unwrap(),
        real.to_str().unwrap()
    );
    assert!(store
        .all_posts()
        .unwrap()
        .iter()
        .any(|p| p.title == "Spring river cleanup"));
}

//! The Settings window and the first-run welcome, in the real window.

use crate::harness::{library, App};
use postdesk::library_settings;

/// Tab: leaving a field is what saves it.
const TAB: &str = "\u{E004}";

#[tokio::test(flavor = "multi_thread")]
async fn settings_are_checked_saved_and_the_welcome_can_be_skipped() {
    let dir = tempfile::tempdir().unwrap();
    // A freshly seeded library asks for the welcome.
    let db = library(dir.path(), |s| postdesk::seed::seed(s).unwrap());
    let app = App::launch(&db, dir.path()).await;
    app.wait_js(
        "const d = document.getElementById('welcome-dialog'); \
         return d.open && !!d.querySelector('[name=\"site.base_url\"]')",
        10,
    )
    .await;
    app.type_into(
        "#welcome-dialog [name='org.address']",
        "100 Main St, Ottawa ON",
    )
    .await;
    app.type_into("#welcome-dialog [name='org.address']", TAB)
        .await;
    app.click("#welcome-dialog button[value=skip]").await;
    app.wait_js("return !document.getElementById('welcome-dialog').open", 5)
        .await;

    app.click("#open-settings").await;
    app.wait_js(
        "return document.querySelectorAll('#settings-fields fieldset').length >= 4",
        5,
    )
    .await;
    let url = "#settings-fields [name='site.base_url']";
    app.js(&format!("document.querySelector(\"{url}\").value = ''"))
        .await;
    app.type_into(url, "not a web address").await;
    app.type_into(url, TAB).await;
    // Refused: the core's sentence under the field, the field marked invalid.
    app.wait_js(
        "const i = document.querySelector(\"#settings-fields [name='site.base_url']\"); \
         const e = document.getElementById(i.id + '-error'); \
         return i.getAttribute('aria-invalid') === 'true' && e.textContent.includes('https://')",
        5,
    )
    .await;
    app.js(&format!("document.querySelector(\"{url}\").value = ''"))
        .await;
    app.type_into(url, "https://safestreets.example").await;
    app.type_into(url, TAB).await;
    app.wait_js(
        "const i = document.querySelector(\"#settings-fields [name='site.base_url']\"); \
         return !i.hasAttribute('aria-invalid')",
        5,
    )
    .await;
    app.click("#settings-dialog button[value=close]").await;
    app.quit().await;

    let store = postdesk::store::Store::open(&db).unwrap();
    assert_eq!(
        library_settings::get(&store, "site.base_url").unwrap(),
        "https://safestreets.example"
    );
    assert_eq!(
        library_settings::get(&store, "org.address").unwrap(),
        "100 Main St, Ottawa ON"
    );
    assert!(
        library_settings::welcome(&store).unwrap().is_empty(),
        "skipped once, never asked again"
    );
}

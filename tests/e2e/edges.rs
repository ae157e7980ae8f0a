//! Rough edges of issue #12 in the real window: an email warning opens
//! Settings at the field it names (and what is set there changes the email), the details' translation button opens
//! the other version, and the digest being built survives a restart.

use crate::harness::{library, App};
use crate::post;

/// WebDriver's Tab key (leaving a field saves it).
const TAB: &str = "\u{E004}";

#[tokio::test(flavor = "multi_thread")]
async fn an_email_warning_opens_settings_at_the_field_it_names() {
    let dir = tempfile::tempdir().unwrap();
    // No postal address and the plain preset: the footer warns about both.
    let db = library(dir.path(), |s| {
        post(s, "Bike lanes", "Ride safely.");
    });
    let app = App::launch(&db, dir.path()).await;
    app.click("#toolbar [data-tab=email]").await;
    app.wait_js(
        "const w = document.getElementById('email-warnings'); \
         return [...w.querySelectorAll('button')].some(b => b.textContent.includes('Postal address')) \
           && !w.textContent.includes('org.address')",
        10,
    )
    .await;
    app.js("[...document.querySelectorAll('#email-warnings button')].find(b => b.textContent.includes('Postal address')).click(); return true")
        .await;
    app.wait_js(
        "return document.getElementById('settings-dialog').open \
           && document.activeElement && document.activeElement.name === 'org.address'",
        10,
    )
    .await;
    // Settings change the email: the footer's postal address and the links
    // to the site follow what is typed there.
    let address = "#settings-fields [name='org.address']";
    app.type_into(address, "12 Rue Principale, Gatineau QC J8X 1A1")
        .await;
    app.type_into(address, TAB).await;
    let url = "#settings-fields [name='site.base_url']";
    app.js(&format!("document.querySelector(\"{url}\").value = ''"))
        .await;
    app.type_into(url, "https://velo.example").await;
    app.type_into(url, TAB).await;
    app.click("#settings-dialog button[value=close]").await;
    app.wait_js(
        "const f = document.getElementById('email-frame').srcdoc; \
         return f.includes('12 Rue Principale, Gatineau QC J8X 1A1') \
           && f.includes('href=\"https://velo.example/') && !f.includes('https://example.org/') \
           && ![...document.querySelectorAll('#email-warnings button')].some(b => b.textContent.includes('Postal address'))",
        10,
    )
    .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_translation_button_opens_the_other_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        let en = post(s, "Rally on Friday", "Meet at noon.");
        s.create_translation(en).unwrap();
    });
    let app = App::launch(&db, dir.path()).await;
    // Both versions start with the same title: tell them apart by language.
    let first = app
        .js("return document.querySelector('#meta [name=lang]').value")
        .await;
    let other = if first == "en" { "French" } else { "English" };
    app.wait_js(
        &format!(
            "const b = document.getElementById('open-translation'); \
             return !!b && b.textContent.startsWith('Open the {other} version')"
        ),
        10,
    )
    .await;
    app.js("document.getElementById('open-translation').click(); return true")
        .await;
    app.wait_js(
        &format!(
            "return document.querySelector('#meta [name=lang]').value === '{}'",
            if other == "French" { "fr" } else { "en" }
        ),
        10,
    )
    .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_digest_being_built_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        post(s, "Winter plowing", "Bike lanes are cleared first.");
        post(s, "Town hall", "Join us on March 19.");
    });
    let app = App::launch(&db, dir.path()).await;
    app.click("#open-digest").await;
    app.wait_js(
        "return document.querySelectorAll('#digest-pool li').length === 2",
        10,
    )
    .await;
    app.js("for (const li of document.querySelectorAll('#digest-pool li')) if (li.textContent.startsWith('Town')) li.querySelector('button').click(); return true").await;
    app.type_into("#digest-intro", "Hello neighbours.").await;
    app.js("const l = document.getElementById('digest-lang'); l.value = 'fr'; l.dispatchEvent(new Event('input')); return true").await;
    app.wait_js(
        "return document.getElementById('digest-frame').srcdoc.includes('Lire la suite')",
        10,
    )
    .await;
    app.quit().await;
    let store = postdesk::store::Store::open(&db).unwrap();
    let kept = postdesk::export::email::digest_draft::load(&store).unwrap();
    assert_eq!(kept.intro, "Hello neighbours.");
    drop(store);

    let app = App::launch(&db, dir.path()).await;
    app.click("#open-digest").await;
    app.wait_js(
        "const c = document.querySelectorAll('#digest-chosen li'); \
         return c.length === 1 && c[0].textContent.startsWith('Town hall') \
           && document.getElementById('digest-intro').value === 'Hello neighbours.' \
           && document.getElementById('digest-lang').value === 'fr'",
        10,
    )
    .await;
    app.quit().await;
}

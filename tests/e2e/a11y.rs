//! Accessibility in the real window: axe-core (ui/node_modules/axe-core,
//! injected from here, never shipped) run on every view in the light and the
//! dark theme, with no `serious` or `critical` violation allowed; and the
//! editor marking a French post as French for the spell checker.
//!
//! The preview and email frames are left out (`iframes: false`): they show
//! the post and the email as the export builds them, not the app's own UI.

use serde_json::Value;

use crate::harness::{library, App};
use postdesk::model::{Lang, PostPatch};
use postdesk::store::EditKind;

const AXE: &str = include_str!("../../ui/node_modules/axe-core/axe.min.js");

/// Run axe on the page as it is; the violations as JSON values.
async fn axe(app: &App) -> Vec<Value> {
    if app.js("return typeof window.axe").await != "object" {
        app.js(&format!("{AXE}\n;return typeof window.axe")).await;
    }
    let out = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { iframes: false, resultTypes: ['violations'] })
               .then((r) => done(JSON.stringify(r.violations.map((v) => ({
                 id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ')),
               })))))
               .catch((e) => done('axe failed: ' + e));",
            vec![],
        )
        .await
        .expect("axe ran");
    let text = out.as_str().unwrap_or_default();
    serde_json::from_str(text).unwrap_or_else(|_| panic!("{text}"))
}

/// Check one view: print the counts, keep the serious and critical ones.
async fn check(app: &App, theme: &str, view: &str, bad: &mut Vec<String>) {
    let violations = axe(app).await;
    let count = |impact: &str| violations.iter().filter(|v| v["impact"] == impact).count();
    println!(
        "a11y {theme} {view}: critical {} serious {} moderate {} minor {}",
        count("critical"),
        count("serious"),
        count("moderate"),
        count("minor")
    );
    for v in &violations {
        let line = format!(
            "{theme} {view}: [{}] {} {}: {}",
            v["impact"], v["id"], v["help"], v["nodes"]
        );
        if v["impact"] == "serious" || v["impact"] == "critical" {
            bad.push(line);
        } else {
            println!("  {line}");
        }
    }
}

async fn close_dialog(app: &App, id: &str) {
    app.js(&format!("document.getElementById('{id}').close()"))
        .await;
}

/// Every view in one theme (`GTK_THEME` decides what WebKitGTK reports as
/// `prefers-color-scheme`).
async fn every_view(theme: &str, gtk_theme: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        let a = crate::support::post(
            s,
            "Rally on Friday",
            "Intro paragraph.\n\n## Why\n\nBecause.",
        )
        .id;
        crate::support::post(s, "Crossings update", "Raised crossings save lives.");
        s.update_post(
            a,
            PostPatch {
                body: Some("Intro paragraph, revised.".into()),
                ..Default::default()
            },
            EditKind::Save,
        )
        .unwrap();
    });
    let app = App::launch_with_env(&db, dir.path(), &[("GTK_THEME", gtk_theme)]).await;
    let dark = app
        .js("return matchMedia('(prefers-color-scheme: dark)').matches")
        .await;
    assert_eq!(
        dark,
        Value::Bool(theme == "dark"),
        "the {theme} theme was not applied ({gtk_theme})"
    );
    let mut bad = Vec::new();
    check(&app, theme, "library and editor", &mut bad).await;

    app.click("#show-revisions").await;
    app.wait_js("return !document.getElementById('revisions').hidden && document.querySelectorAll('#revision-list li').length > 0", 10).await;
    app.click("#revision-list li").await;
    check(&app, theme, "history", &mut bad).await;
    app.click("#close-revisions").await;

    app.click("#toolbar [data-tab=email]").await;
    app.wait_js("return !document.getElementById('email').hidden && document.getElementById('email-subject').textContent !== ''", 10).await;
    check(&app, theme, "email tab", &mut bad).await;
    app.click("#toolbar [data-tab=page]").await;

    app.click("#open-settings").await;
    app.wait_js(
        "return document.querySelectorAll('#settings-fields fieldset').length >= 4",
        10,
    )
    .await;
    check(&app, theme, "settings", &mut bad).await;
    close_dialog(&app, "settings-dialog").await;

    app.click("#open-export").await;
    app.wait_js("return document.getElementById('export-dialog').open", 10)
        .await;
    check(&app, theme, "export dialog", &mut bad).await;
    close_dialog(&app, "export-dialog").await;

    app.click("#open-digest").await;
    app.wait_js("return document.getElementById('digest-dialog').open && document.querySelectorAll('#digest-pool li').length > 0", 10).await;
    app.click("#digest-pool li button").await;
    app.wait_js(
        "return document.querySelectorAll('#digest-chosen li').length > 0",
        10,
    )
    .await;
    check(&app, theme, "digest", &mut bad).await;
    close_dialog(&app, "digest-dialog").await;

    app.click("#open-publish").await;
    app.wait_js("return document.getElementById('publish-dialog').open", 10)
        .await;
    check(&app, theme, "publish", &mut bad).await;
    close_dialog(&app, "publish-dialog").await;

    app.js("document.getElementById('help-dialog').showModal()")
        .await;
    check(&app, theme, "keyboard shortcuts", &mut bad).await;
    close_dialog(&app, "help-dialog").await;
    app.quit().await;
    bad
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_nothing_serious_in_any_view_light_and_dark() {
    let mut bad = every_view("light", "Adwaita").await;
    bad.extend(every_view("dark", "Adwaita:dark").await);
    assert!(
        bad.is_empty(),
        "serious or critical accessibility problems:\n{}",
        bad.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_french_post_is_spell_checked_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        let p = crate::support::post(
            s,
            "Une rue plus sûre",
            "Les traverses surélevées sauvent des vies.",
        );
        s.update_post(
            p.id,
            PostPatch {
                lang: Some(Lang::Fr),
                ..Default::default()
            },
            EditKind::Save,
        )
        .unwrap();
    });
    let app = App::launch(&db, dir.path()).await;
    app.wait_js(
        "const c = document.querySelector('.cm-content'); \
         return c.lang === 'fr' && c.getAttribute('spellcheck') === 'true' \
           && document.querySelector('#meta [name=title]').lang === 'fr'",
        10,
    )
    .await;
    // Switching the post to English moves the checker to English.
    app.js("const s = document.querySelector('#meta [name=lang]'); s.value = 'en'; \
            s.dispatchEvent(new Event('input', { bubbles: true })); s.dispatchEvent(new Event('change', { bubbles: true }))")
        .await;
    app.wait_js(
        "return document.querySelector('.cm-content').lang === 'en'",
        10,
    )
    .await;
    app.quit().await;
    // WebKitGTK loaded an English and a French dictionary (scripts/setup.sh installs them).
    let log = std::fs::read_to_string(dir.path().join("app.log")).unwrap_or_default();
    let line = log
        .lines()
        .find(|l| l.contains("spell checking: "))
        .unwrap_or_else(|| panic!("no spell checking line in the log:\n{log}"));
    println!("{line}");
    let langs = line.rsplit("spell checking: ").next().unwrap_or_default();
    assert!(langs.contains("en_") && langs.contains("fr_"), "{line}");
}

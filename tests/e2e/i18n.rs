//! The French interface in the real window: with `ui.language = fr`, every
//! view (library, editor, details, history, Email tab, digest, export,
//! settings with its Team section, publish, shortcuts) shows no tell-tale
//! English word in its visible text, labels, titles and placeholders (post
//! content, the preview and the emails built from posts are left out); and
//! one switch from English to French in Settings, seen without a restart.

use crate::harness::{library, App};
use postdesk::library_settings;
use postdesk::model::{Lang, NewPost, Status};
use serde_json::Value;

/// Words of the English interface that no French view may show. Matched as
/// whole words, case-sensitively (French shares "Page", "Format", "Site",
/// "Interface", "Introduction", so those are not here).
const ENGLISH: &[&str] = &[
    "Save",
    "Saved",
    "Settings",
    "Export",
    "Search",
    "Delete",
    "Cancel",
    "History",
    "Draft",
    "Published",
    "words",
    "min read",
    "characters",
    "Trash",
    "Close",
    "Preview",
    "Editor",
    "Details",
    "Duplicate",
    "Translate",
    "Restore",
    "Shortcuts",
    "Subject",
    "Choose",
    "Email",
    "Status",
    "Language",
    "Title",
    "Tags",
    "Author",
    "Team",
    "Sync",
    "Copy",
    "Posts",
    "Newsletter",
    "Open",
    "Import",
    "Digest",
    "New",
    "Folder",
    "Show",
    "Publish",
    "Layout",
    "Tag",
    "Sort",
    "Connect",
    "Repository",
    "Split",
    "Listing",
    "Width",
    "Part",
    "Text",
    "Template",
    "Blank",
    "Organisation",
    "Your",
    "name",
    "address",
    "the",
    "and",
    "or",
    "to",
    "of",
];

/// The visible words of the window and of its open dialogs, with the
/// aria-labels, titles and placeholders of visible elements; post content
/// (editor text, titles in lists, the preview, emails) is left out.
const COLLECT: &str = r#"
  const skip = '.cm-content, #listing, #email-text, #digest-text, #posts strong, #posts .snippet, '
    + '#digest-pool li > span, #digest-chosen li > span, #publish-post, #email-subject, #revision-diff';
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  let text = document.body.innerText;
  for (const el of document.querySelectorAll(skip)) {
    const t = el.innerText;
    if (t && t.trim()) text = text.split(t).join(' ');
  }
  const attrs = [];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!visible(el) || el.closest('.cm-content')) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) if (el.hasAttribute(a)) attrs.push(el.getAttribute(a));
  }
  return text + '\n' + attrs.join('\n');
"#;

/// The tell-tale English words in `text`, each with a little context.
fn english_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for word in ENGLISH {
        let mut from = 0;
        while let Some(at) = text[from..].find(word).map(|i| i + from) {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            // A word inside a key or a name ("user.name", "git_user") is not the interface's.
            let boundary =
                |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && !"’'._".contains(c));
            if boundary(before) && boundary(after) {
                let start = text[..at]
                    .char_indices()
                    .rev()
                    .nth(30)
                    .map_or(0, |(i, _)| i);
                let end = text[at..]
                    .char_indices()
                    .nth(40)
                    .map_or(text.len(), |(i, _)| at + i);
                found.push(format!(
                    "{word:?} in …{}…",
                    text[start..end].replace('\n', " ⏎ ")
                ));
            }
            from = at + word.len();
        }
    }
    found
}

async fn assert_french(app: &App, view: &str) {
    let Value::String(text) = app.js(COLLECT).await else {
        panic!("{view}: no text collected");
    };
    let found = english_in(&text);
    assert!(
        found.is_empty(),
        "{view} shows English:\n{}\n--- all the text ---\n{text}",
        found.join("\n")
    );
}

fn french_post(s: &mut postdesk::store::Store, title: &str, body: &str) -> i64 {
    s.create_post(NewPost {
        title: title.into(),
        body: body.into(),
        lang: Lang::Fr,
        // A draft: its Email tab (and the digest) warns that its link will
        // not work yet, and that warning must be in French too.
        status: Status::Draft,
        ..NewPost::default()
    })
    .unwrap()
    .id
}

#[tokio::test(flavor = "multi_thread")]
async fn with_ui_language_fr_no_view_shows_english() {
    // The test itself must notice English.
    assert_eq!(english_in("Enregistrer · Save now").len(), 1);
    assert!(english_in("Sauvegarde · Paramètres · user.name de git").is_empty());

    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        french_post(
            s,
            "Déneigement des trottoirs",
            "Les trottoirs seront **déneigés** dès 6 h.\n",
        );
        french_post(s, "Traverses scolaires", "Des brigadiers à six écoles.\n");
        for (k, v) in [
            ("ui.language", "fr"),
            // The organisation's own names (their defaults are English placeholders).
            ("site.name", "Rues sûres"),
            ("newsletter.name", "Nouvelles de Rues sûres"),
            ("site.base_url", "https://rues.example"),
            ("org.address", "100, rue Principale, Ottawa (Ontario)"),
            (
                "newsletter.unsubscribe_url",
                "https://rues.example/desabonnement",
            ),
        ] {
            library_settings::set(s, k, v).unwrap();
        }
    });
    let app = App::launch(&db, dir.path()).await;
    app.wait_js("return document.documentElement.lang === 'fr' && document.getElementById('st-time').textContent.includes('min de lecture')", 10)
        .await;
    // Library, editor, details, status bar.
    assert_french(&app, "library, editor and details").await;

    app.click("#show-revisions").await;
    app.wait_js("return !document.getElementById('revisions').hidden", 5)
        .await;
    assert_french(&app, "history").await;
    app.click("#close-revisions").await;

    app.click("#toolbar [data-tab=email]").await;
    app.wait_js(
        "return document.getElementById('email-frame').srcdoc.length > 0",
        10,
    )
    .await;
    app.wait_js(
        "return document.getElementById('email-warnings').textContent.includes('n’est pas encore publié (statut\u{a0}: Brouillon)')",
        5,
    )
    .await;
    assert_french(&app, "email tab").await;
    app.click("#toolbar [data-tab=page]").await;

    let close_dialogs =
        "document.querySelectorAll('dialog[open]').forEach(d => d.close()); return true";
    app.click("#open-digest").await;
    app.wait_js("return document.getElementById('digest-dialog').open && document.querySelectorAll('#digest-pool button').length > 0", 10)
        .await;
    app.click("#digest-pool button").await;
    app.wait_js(
        "return document.getElementById('digest-frame').srcdoc.length > 0",
        10,
    )
    .await;
    assert_french(&app, "digest").await;
    app.js(close_dialogs).await;

    app.click("#open-export").await;
    app.click("#export-go").await;
    app.wait_js(
        "return document.getElementById('export-result').textContent.length > 0",
        5,
    )
    .await;
    assert_french(&app, "export dialog").await;
    app.js(close_dialogs).await;

    app.click("#open-publish").await;
    app.wait_js("return document.getElementById('publish-dialog').open", 5)
        .await;
    assert_french(&app, "publish dialog").await;
    app.js(close_dialogs).await;

    app.click("#open-settings").await;
    app.wait_js("return !!document.querySelector('#settings-fields fieldset[data-group=team] #team-connect')", 10)
        .await;
    assert_french(&app, "settings and its team section").await;
    app.js(close_dialogs).await;

    // Help → Keyboard shortcuts (F1) in the menu bar opens this dialog.
    app.js("document.getElementById('help-dialog').showModal()")
        .await;
    assert_french(&app, "shortcuts").await;
    app.js(close_dialogs).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_to_french_in_settings_applies_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        crate::post(s, "Crossings update", "Two new crossings.\n");
        library_settings::set(s, "ui.language", "en").unwrap();
    });
    let app = App::launch(&db, dir.path()).await;
    app.wait_js("return document.getElementById('open-settings').textContent === 'Settings…' && document.getElementById('st-words').textContent.endsWith('words')", 10)
        .await;
    app.click("#open-settings").await;
    let select = "#settings-fields [name='ui.language']";
    app.wait_js(&format!("return !!document.querySelector(\"{select}\")"), 5)
        .await;
    app.js(&format!(
        "const s = document.querySelector(\"{select}\"); s.value = 'fr'; s.dispatchEvent(new Event('change')); return true"
    ))
    .await;
    // The toolbar, the status bar, the library and the Settings window itself.
    app.wait_js(
        "return document.getElementById('open-settings').textContent === 'Paramètres…' \
           && document.documentElement.lang === 'fr' \
           && document.getElementById('st-words').textContent.endsWith('mots') \
           && document.getElementById('st-time').textContent.endsWith('min de lecture') \
           && document.querySelector('#settings-fields fieldset[data-group=site] legend').textContent === 'Site' \
           && document.querySelector('#settings-fields fieldset[data-group=newsletter] legend').textContent === 'Infolettre' \
           && document.querySelector('#posts li small').textContent.startsWith('Brouillon')",
        10,
    )
    .await;
    assert_french(&app, "after the switch").await;
    app.js("document.querySelectorAll('dialog[open]').forEach(d => d.close()); return true")
        .await;
    app.quit().await;
    let store = postdesk::store::Store::open(&db).unwrap();
    assert_eq!(library_settings::get(&store, "ui.language").unwrap(), "fr");
}

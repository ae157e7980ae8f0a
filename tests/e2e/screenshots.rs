//! README screenshots from the real app (not a test: `#[ignore]`, run by
//! `scripts/screenshots.sh`). For each interface language (en, fr) and theme
//! (light, dark) it starts the release app on a sample library whose
//! settings are filled in, and saves the whole Xvfb screen (window with its
//! menu bar) with ImageMagick's `import`: the library + editor + preview, the
//! email tab, and Settings. Dark is GTK's dark Adwaita (`GTK_THEME` and
//! `gtk-application-prefer-dark-theme`), which WebKitGTK turns into
//! `prefers-color-scheme: dark` (checked: `GTK_THEME` alone is enough); the
//! run fails if the page does not see the theme asked for.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::harness::{library, App};
use postdesk::library_settings;
use postdesk::store::Store;

/// The settings a real organisation has filled in: no warning in the email tab.
const SETTINGS: &[(&str, &str)] = &[
    ("site.name", "Safe Streets Ottawa"),
    ("site.base_url", "https://safestreets.example"),
    ("newsletter.name", "Safe Streets News"),
    ("sender.name", "Safe Streets Ottawa"),
    ("sender.email", "news@safestreets.example"),
    ("newsletter.esp", "plain"),
    (
        "newsletter.unsubscribe_url",
        "https://safestreets.example/unsubscribe",
    ),
    ("org.address", "100 Main Street, Ottawa ON K1A 0A1"),
    ("author.name", "Ana Tremblay"),
    ("author.email", "ana@safestreets.example"),
];

/// The sample post shown in each language (from `seed.rs`).
fn sample_title(lang: &str) -> &'static str {
    if lang == "fr" {
        "Trajets sécuritaires : le comité dit oui"
    } else {
        "Safe routes to school: the committee says yes"
    }
}

/// The interface language: `library_settings::set` once `ui.language` exists;
/// until then written straight into the settings table, where the i18n
/// work reads it (and the English interface ignores it).
fn set_language(store: &mut Store, db: &Path, lang: &str) {
    if library_settings::set(store, "ui.language", lang).is_ok() {
        return;
    }
    let conn = rusqlite::Connection::open(db).expect("open the library");
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('ui.language', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [lang],
    )
    .expect("write ui.language");
}

/// The whole X screen as a PNG (`import` reads $DISPLAY).
fn save_screen(path: &Path) {
    let status = Command::new("import")
        .args(["-window", "root", "-strip"])
        .arg(path)
        .status()
        .expect("ImageMagick's import (scripts/setup.sh installs imagemagick)");
    assert!(status.success(), "import failed for {}", path.display());
    println!("screenshot: {}", path.display());
}

/// Let the last frame paint before a picture (WebKitGTK under Xvfb).
async fn settle() {
    tokio::time::sleep(Duration::from_millis(1200)).await;
}

async fn shots_for(out: &Path, lang: &str, theme: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        postdesk::seed::seed(s).unwrap();
        for (key, value) in SETTINGS {
            library_settings::set(s, key, value).unwrap();
        }
        library_settings::finish_welcome(s).unwrap();
    });
    {
        let mut store = Store::open(&db).unwrap();
        set_language(&mut store, &db, lang);
    }
    let locale = if lang == "fr" {
        "fr_CA.UTF-8"
    } else {
        "en_CA.UTF-8"
    };
    // GTK reads $XDG_CONFIG_HOME/gtk-3.0/settings.ini (the harness points
    // XDG_CONFIG_HOME into the test folder) as a desktop's settings daemon
    // would set them.
    let gtk = dir.path().join("config/gtk-3.0");
    std::fs::create_dir_all(&gtk).unwrap();
    std::fs::write(
        gtk.join("settings.ini"),
        format!(
            "[Settings]\ngtk-application-prefer-dark-theme={}\n",
            u8::from(theme == "dark")
        ),
    )
    .unwrap();
    let gtk_theme = if theme == "dark" {
        "Adwaita:dark"
    } else {
        "Adwaita"
    };
    let app = App::launch_with_env(
        &db,
        dir.path(),
        &[
            ("GTK_THEME", gtk_theme),
            ("LANG", locale),
            ("LANGUAGE", lang),
        ],
    )
    .await;
    let dark = app
        .js("return matchMedia('(prefers-color-scheme: dark)').matches")
        .await;
    assert_eq!(
        dark.as_bool(),
        Some(theme == "dark"),
        "GTK_THEME={gtk_theme} did not give the page the {theme} theme"
    );

    // The library, the sample post in this language in the editor, its preview.
    let title = sample_title(lang);
    app.js(&format!(
        "const li = [...document.querySelectorAll('#posts [role=option]')].find(e => e.textContent.includes({title:?})); \
         li?.click(); return !!li"
    ))
    .await;
    app.wait_js(
        &format!(
            "return document.querySelector('#meta [name=title]').value === {title:?} && \
             !!document.getElementById('preview').contentDocument?.querySelector('#pd-body p')"
        ),
        15,
    )
    .await;
    settle().await;
    save_screen(&out.join(format!("{lang}-{theme}-library.png")));

    app.click("#toolbar [data-tab=email]").await;
    app.wait_js(
        "const f = document.getElementById('email-frame'); \
         return !document.getElementById('email').hidden && f.srcdoc.includes('role=\"presentation\"')",
        15,
    )
    .await;
    settle().await;
    save_screen(&out.join(format!("{lang}-{theme}-email.png")));
    app.click("#toolbar [data-tab=page]").await;

    app.click("#open-settings").await;
    app.wait_js(
        "return document.getElementById('settings-dialog').open && \
         document.querySelectorAll('#settings-fields fieldset').length >= 4",
        10,
    )
    .await;
    settle().await;
    save_screen(&out.join(format!("{lang}-{theme}-settings.png")));
    app.click("#settings-dialog button[value=close]").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes README pictures: run scripts/screenshots.sh"]
async fn readme_screenshots() {
    let out = PathBuf::from(
        std::env::var_os("POSTDESK_SCREENSHOT_DIR").expect("POSTDESK_SCREENSHOT_DIR"),
    );
    std::fs::create_dir_all(&out).unwrap();
    for lang in ["en", "fr"] {
        for theme in ["light", "dark"] {
            shots_for(&out, lang, theme).await;
        }
    }
}

//! Spell checking in English and French. On Linux WebKitGTK checks spelling
//! only when the app turns it on and names the languages; it asks enchant,
//! which uses the hunspell dictionaries installed (Debian: `hunspell-en-ca`
//! or `hunspell-en-us`, `hunspell-fr`). A word is accepted when one of the
//! loaded dictionaries knows it. macOS (WKWebView) and Windows (WebView2)
//! use the system's own checker and need nothing here. The UI marks the
//! post's text with its `lang` (ui/src/spelling.ts).

/// For each language, the dictionaries to try, preferred first: Canadian
/// spelling where it is installed.
#[cfg(target_os = "linux")]
const LANGUAGES: [[&str; 2]; 2] = [["en_CA", "en_US"], ["fr_CA", "fr_FR"]];

/// Turn the checker on with one English and one French dictionary, and log
/// the languages WebKit actually loaded ("spell checking: en_CA, fr_CA";
/// the e2e tests read this line).
#[cfg(target_os = "linux")]
pub fn enable(window: &tauri::WebviewWindow) {
    let done = window.with_webview(|webview| {
        use webkit2gtk::{WebContextExt, WebViewExt};
        let Some(context) = webview.inner().context() else {
            tracing::warn!("spell checking: the webview has no context");
            return;
        };
        context.set_spell_checking_enabled(true);
        // WebKit keeps only the languages enchant has a dictionary for: try
        // the preferred one of each language, then the fallback where the
        // preferred one did not load.
        let preferred: Vec<&str> = LANGUAGES.iter().map(|l| l[0]).collect();
        context.set_spell_checking_languages(&preferred);
        let first = loaded_languages(&context);
        let wanted: Vec<&str> = LANGUAGES
            .iter()
            .map(|choices| {
                choices
                    .iter()
                    .find(|l| first.iter().any(|got| got.as_str() == **l))
                    .copied()
                    .unwrap_or(choices[1])
            })
            .collect();
        if wanted != preferred {
            context.set_spell_checking_languages(&wanted);
        }
        let loaded = loaded_languages(&context);
        if loaded.is_empty() {
            tracing::warn!(
                "spell checking: no English or French dictionary is installed (Debian: hunspell-en-ca, hunspell-fr)"
            );
        }
        tracing::info!("spell checking: {}", loaded.join(", "));
        super::startup_mark("spell checking on (dictionaries loaded)");
    });
    if let Err(e) = done {
        tracing::warn!(error = %e, "could not turn spell checking on");
    }
}

#[cfg(target_os = "linux")]
fn loaded_languages(context: &webkit2gtk::WebContext) -> Vec<String> {
    use webkit2gtk::WebContextExt;
    context
        .spell_checking_languages()
        .iter()
        .map(|l| l.to_string())
        .collect()
}

/// macOS and Windows check spelling with the system's checker by themselves.
#[cfg(not(target_os = "linux"))]
pub fn enable(_window: &tauri::WebviewWindow) {}

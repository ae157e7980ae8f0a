//! End-to-end tests: the real app binary (UI embedded) in a real WebKit
//! window under Xvfb, driven through WebDriver (tauri-driver + WebKitWebDriver).
//! Run by scripts/test.sh, which installs the tools and starts Xvfb.
//!
//! Over 400 lines on purpose: one scenario per test, each read top to bottom;
//! what they share lives in `harness.rs` and `tests/support`.

mod a11y;
mod edges;
mod harness;
mod i18n;
mod menu;
mod publish;
mod screenshots;
mod settings;
mod startup;
#[path = "../support/mod.rs"]
mod support;
mod team;

use std::time::Duration;

use harness::{dialog_dir, library, App};
use postdesk::model::PostPatch;
use postdesk::store::{EditKind, Store};

/// WebDriver's Enter key: WebKitWebDriver drops a literal "\n".
const ENTER: &str = "\u{E007}";
/// WebDriver's Control key (held until RELEASE).
const CTRL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";

/// A draft with this title and body; its id.
fn post(store: &mut Store, title: &str, body: &str) -> i64 {
    support::post(store, title, body).id
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_markdown_updates_the_preview_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        post(s, "Rally on Friday", "Intro paragraph.");
    });
    let app = App::launch(&db, dir.path()).await;
    app.wait_js("return document.getElementById('preview').contentDocument?.getElementById('pd-body')?.innerText.includes('Intro paragraph.') ?? false", 10).await;

    // A new post from the library's New button.
    app.click("#new-post").await;
    app.wait_js(
        "return document.querySelector('#meta [name=title]').value === 'Untitled post'",
        10,
    )
    .await;
    // The new post's title is selected, ready to be typed over.
    app.type_into("#meta [name=title]", "Crossings update")
        .await;
    app.click(".cm-content").await;
    app.type_into(
        ".cm-content",
        &format!("## Why it matters{ENTER}{ENTER}Raised **crossings** save lives."),
    )
    .await;
    app.wait_js(
        "const d = document.getElementById('preview').contentDocument; \
         return !!d.querySelector('#pd-body h2') && d.querySelector('#pd-body strong')?.textContent === 'crossings'",
        10,
    )
    .await;
    // Then type and close at once: less than a second between the last key and the close.
    app.type_and_quit(".cm-content", &format!(" Last words.{CTRL}q{RELEASE}"))
        .await;
    app.wait_exit().await;

    let store = Store::open(&db).unwrap();
    let posts = store.all_posts().unwrap();
    let log = std::fs::read_to_string(dir.path().join("app.log")).unwrap_or_default();
    let p = posts
        .iter()
        .find(|p| p.body.contains("Raised"))
        .unwrap_or_else(|| panic!("the new post was not saved: {posts:#?}\n{log}"));
    assert!(
        p.body.ends_with("Last words."),
        "the last words were lost: {:?}",
        p.body
    );
    assert_eq!(p.title, "Crossings update");
    drop(store);

    let app = App::launch(&db, dir.path()).await;
    app.wait_js("return [...document.querySelectorAll('#posts li strong')].some(e => e.textContent === 'Crossings update')", 10).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn text_typed_just_before_a_termination_signal_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        post(s, "Press release", "Draft.");
    });
    let app = App::launch(&db, dir.path()).await;
    assert_eq!(app.editor_text().await, "Draft.");
    app.click(".cm-content").await;
    app.type_into(".cm-content", " Embargoed until Monday.")
        .await;
    let typed = app.editor_text().await;
    // SIGTERM (logout, shutdown, `kill`) at once: well inside the autosave delay.
    let pid = app.app_pid().expect("app pid");
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    app.wait_exit().await;
    let store = Store::open(&db).unwrap();
    let body = &store.all_posts().unwrap()[0].body;
    let log = std::fs::read_to_string(dir.path().join("app.log")).unwrap_or_default();
    assert_eq!(
        body, "Draft. Embargoed until Monday.",
        "editor showed {typed:?}\n{log}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn library_search_finds_a_post_by_a_word_in_its_body() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        post(s, "Budget vote", "The council votes on Tuesday.");
        post(
            s,
            "Winter plowing",
            "Bike lanes are cleared within twelve hours of a snowstorm.",
        );
        post(s, "Événement à Montréal", "Une soirée d'information.");
    });
    let app = App::launch(&db, dir.path()).await;
    app.type_into("#search", "snowst").await;
    app.wait_js(
        "const items = [...document.querySelectorAll('#posts li[data-id]')]; \
         return items.length === 1 && items[0].querySelector('strong').textContent === 'Winter plowing' \
           && items[0].querySelector('.snippet mark')?.textContent === 'snowstorm'",
        10,
    )
    .await;
    // Accents are folded: "evenement" finds "Événement".
    app.js("const s = document.getElementById('search'); s.value = ''; return true")
        .await;
    app.type_into("#search", "evenement").await;
    app.wait_js(
        "const items = [...document.querySelectorAll('#posts li[data-id] strong')]; \
         return items.length === 1 && items[0].textContent === 'Événement à Montréal'",
        10,
    )
    .await;
    app.click("#posts li[data-id]").await;
    app.wait_js(
        "return document.querySelector('#meta [name=title]').value === 'Événement à Montréal'",
        10,
    )
    .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_older_revision_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut id = 0;
    let db = library(dir.path(), |s| {
        id = post(s, "Petition", "First version of the words.");
        s.update_post(
            id,
            PostPatch {
                body: Some("Second version, rewritten.".into()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    });
    let app = App::launch(&db, dir.path()).await;
    assert_eq!(app.editor_text().await, "Second version, rewritten.");
    app.click("#show-revisions").await;
    app.wait_js(
        "return document.querySelectorAll('#revision-list li').length === 2",
        10,
    )
    .await;
    // The oldest is last; its diff shows the line that will come back.
    app.click("#revision-list li:last-child").await;
    app.wait_js(
        "return [...document.querySelectorAll('#revision-diff .diff-removed')].some(d => d.textContent.includes('First version'))",
        10,
    )
    .await;
    app.click("#restore-revision").await;
    app.wait_js(
        "return [...document.querySelectorAll('.cm-content .cm-line')].map(l => l.textContent).join('\\n') === 'First version of the words.'",
        10,
    )
    .await;
    app.wait_js("return document.getElementById('preview').contentDocument.getElementById('pd-body').innerText.includes('First version')", 10).await;
    app.quit().await;
    let store = Store::open(&db).unwrap();
    assert_eq!(
        store.get_post(id).unwrap().body,
        "First version of the words."
    );
    let revs = store.revisions(id).unwrap();
    assert_eq!(
        revs[0].body, "Second version, rewritten.",
        "the replaced words are kept as a revision"
    );
}

/// A 4×4 PNG, base64.
const PNG_4X4: &str = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAFUlEQVQI12O8a2z8nwEJMDGgAcICAJUEAkpYMh7IAAAAAElFTkSuQmCC";

#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_image_is_stored_and_shown_in_the_preview() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        post(s, "Photo story", "Look at this:");
    });
    let app = App::launch(&db, dir.path()).await;
    // A real drop event with a real File, as the system sends when an image is dragged in.
    app.js(&format!(
        "const bytes = Uint8Array.from(atob('{PNG_4X4}'), c => c.charCodeAt(0)); \
         const file = new File([bytes], 'rally-photo.png', {{ type: 'image/png' }}); \
         const dt = new DataTransfer(); dt.items.add(file); \
         const target = document.querySelector('.cm-content'); \
         const r = target.getBoundingClientRect(); \
         target.dispatchEvent(new DragEvent('drop', {{ dataTransfer: dt, bubbles: true, cancelable: true, clientX: r.right - 5, clientY: r.bottom - 5 }})); \
         return true"
    ))
    .await;
    // Alt text is asked for, with a suggestion from the file name.
    app.wait_js("return document.getElementById('alt-dialog').open && document.getElementById('alt-input').value === 'rally photo'", 10).await;
    app.click("#alt-ok").await;
    app.wait_js(
        "const img = document.getElementById('preview').contentDocument.querySelector('#pd-body img'); \
         return !!img && img.complete && img.naturalWidth === 4 && img.alt === 'rally photo'",
        10,
    )
    .await;
    assert!(app.editor_text().await.contains("![rally photo](asset:"));
    // Autosave writes it about half a second later and says so quietly.
    app.wait_js(
        "return document.getElementById('st-save').textContent.startsWith('Saved')",
        10,
    )
    .await;
    app.quit().await;
    let store = Store::open(&db).unwrap();
    let body = store.all_posts().unwrap()[0].body.clone();
    let reference = body
        .split("](")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .unwrap();
    assert_eq!(store.asset(reference).unwrap().mime, "image/png");
}

#[tokio::test(flavor = "multi_thread")]
async fn script_payloads_never_run_and_the_preview_cannot_reach_the_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Payloads:\n\n<script>top.__pwned = 'script'</script>\n\n\
        <img src=\"x\" onerror=\"top.__pwned = 'onerror'\">\n\n\
        [click me](javascript:top.__pwned='link')\n\n\
        <a href=\"javascript:top.__pwned='raw-link'\" id=\"raw\">raw link</a>\n\n\
        <svg onload=\"top.__pwned='svg'\"></svg>\n\n\
        <iframe src=\"javascript:top.__pwned='iframe'\"></iframe>\n\n\
        <details open ontoggle=\"top.__pwned='toggle'\"><summary>x</summary></details>\n\nEnd.";
    let db = library(dir.path(), |s| {
        post(s, "Hostile", body);
    });
    let app = App::launch(&db, dir.path()).await;
    app.wait_js("return document.getElementById('preview').contentDocument.getElementById('pd-body').innerText.includes('End.')", 10).await;
    // Click every link in the preview, as a curious reader would.
    app.js("for (const a of document.getElementById('preview').contentDocument.querySelectorAll('a')) a.click(); return true").await;
    // Typing more payloads live goes through the same renderer.
    app.click(".cm-content").await;
    app.type_into(
        ".cm-content",
        &format!("{ENTER}{ENTER}<img src=y onerror=\"top.__pwned='typed'\">"),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let verdict = app
        .js("const f = document.getElementById('preview'); const d = f.contentDocument; \
             return { pwned: window.__pwned ?? null, \
                      scripts: d.querySelectorAll('script, iframe, svg, object, embed').length, \
                      handlers: [...d.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length, \
                      jsLinks: [...d.querySelectorAll('[href],[src]')].filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src'))).length, \
                      sandbox: f.getAttribute('sandbox'), \
                      frameIpc: typeof f.contentWindow.__TAURI_INTERNALS__, \
                      frameInvoke: typeof f.contentWindow.__TAURI__ }")
        .await;
    assert_eq!(
        verdict["pwned"],
        serde_json::Value::Null,
        "a payload ran: {verdict}"
    );
    assert_eq!(verdict["scripts"], 0, "{verdict}");
    assert_eq!(verdict["handlers"], 0, "{verdict}");
    assert_eq!(verdict["jsLinks"], 0, "{verdict}");
    assert_eq!(
        verdict["sandbox"], "allow-same-origin",
        "no allow-scripts: {verdict}"
    );
    assert_eq!(
        verdict["frameIpc"], "undefined",
        "the preview frame can see the IPC: {verdict}"
    );
    assert_eq!(verdict["frameInvoke"], "undefined", "{verdict}");
    // The page itself has no global Tauri object either (withGlobalTauri is off).
    assert_eq!(app.js("return typeof window.__TAURI__").await, "undefined");
    app.quit().await;
}

/// Deterministic prose of about `words` words in paragraphs and sections.
fn prose(words: usize) -> String {
    const W: &[&str] = support::CAMPAIGN_WORDS;
    let mut out = String::with_capacity(words * 8);
    for i in 0..words {
        if i % 600 == 0 {
            out.push_str(&format!("\n\n## Section {}\n\n", i / 600 + 1));
        } else if i % 60 == 0 {
            out.push_str(".\n\n");
        } else {
            out.push(' ');
        }
        out.push_str(W[(i * 7 + i / 13) % W.len()]);
    }
    out.push_str(".\n\nThe end.");
    out
}

/// Install the latency probe: each keydown's time is queued; when the
/// preview's DOM (inside the iframe) changes, the keys queued so far get
/// their keydown → DOM-changed time, and at the next animation frame (the
/// frame that paints the change) their keydown → painted time.
async fn install_probe(app: &App) {
    app.js(
        "const body = document.getElementById('preview').contentDocument.getElementById('pd-body'); \
         window.__lat = []; window.__dom = []; window.__keys = []; window.__toPaint = []; \
         window.__keysAll = []; window.__pdPhases = []; window.__frames = []; \
         if (!window.__latInstalled) { \
           window.__latInstalled = true; \
           document.addEventListener('keydown', () => { \
             const t = performance.now(); window.__keys.push(t); window.__keysAll.push(t); \
             const key = { t }; window.__frames.push(key); \
             requestAnimationFrame(() => { key.frame = performance.now() - t; }); \
             const ch = new MessageChannel(); ch.port1.onmessage = () => { key.free = performance.now() - t; }; ch.port2.postMessage(0); \
           }, true); \
         } \
         if (window.__obs) window.__obs.disconnect(); \
         window.__obs = new MutationObserver(() => { \
           const now = performance.now(); \
           const keys = window.__keys; window.__keys = []; \
           for (const t of keys) { window.__dom.push(now - t); window.__toPaint.push(t); } \
           if (window.__rafPending) return; \
           window.__rafPending = true; \
           requestAnimationFrame(() => { \
             window.__rafPending = false; \
             const painted = performance.now(); \
             for (const t of window.__toPaint) window.__lat.push(painted - t); \
             window.__toPaint = []; \
           }); \
         }); \
         window.__obs.observe(body, { childList: true, subtree: true, characterData: true }); \
         return true",
    )
    .await;
}

/// Keydown → DOM changed times of the keys measured so far.
async fn dom_latencies(app: &App) -> Vec<f64> {
    let v = app.js("return window.__dom").await;
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
        .unwrap_or_default()
}

/// Where the keys' time went, from the UI's phase marks (`ui/src/phases.ts`):
/// one row per step, each key's time from the step before it; then when the
/// page's first frame after the key began and when its main thread was free
/// again (a task queued at the keydown ran): an async answer (the command)
/// is only seen once the frame that paints the typed letter is done, which
/// is why single keystrokes take the quick path (`ui/src/livePath.ts`).
async fn phase_rows(app: &App) -> Vec<String> {
    let v = app
        .js("const ph = window.__pdPhases || []; const out = {editor: [], queued: [], invoke: [], ipc: [], patch: []}; \
             const next = (name, t) => { const e = ph.find(([n, at]) => n === name && at >= t); return e ? e[1] : null; }; \
             for (const k of window.__keysAll || []) { \
               const c = next('change', k); if (c === null) continue; \
               const s = next('send', c); if (s === null) continue; \
               const v = next('invoked', s); if (v === null) continue; \
               const b = next('back', v); if (b === null) continue; \
               const d = next('shown', b); if (d === null) continue; \
               out.editor.push(c - k); out.queued.push(s - c); out.invoke.push(v - s); out.ipc.push(b - v); out.patch.push(d - b); \
             } \
             out.frame = (window.__frames || []).map((f) => f.frame).filter((x) => x !== undefined); \
             out.requests = ph.filter(([n]) => n === 'send').length; out.quick = ph.filter(([n]) => n === 'quick').length; \
             out.free = (window.__frames || []).map((f) => f.free).filter((x) => x !== undefined); \
             return out")
        .await;
    let steps = [
        ("editor", "keydown → editor change"),
        ("queued", "editor change → request sent"),
        ("invoke", "request sent → returned (the quick path's whole round trip, or the command's hand-over)"),
        ("ipc", "returned → answer seen by the page (the command's IPC, core, and wait for the page's main thread; ~0 on the quick path)"),
        ("patch", "answer → preview patched"),
        ("frame", "keydown → the page's next frame begins (rAF)"),
        ("free", "keydown → the page's main thread first runs another task"),
    ];
    let mut rows: Vec<String> = steps
        .iter()
        .map(|(key, what)| {
            let vals: Vec<f64> = v[*key]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
                .unwrap_or_default();
            row(&format!("    {what}"), vals)
        })
        .collect();
    let (quick, requests) = (v["quick"].as_u64(), v["requests"].as_u64());
    rows.push(format!(
        "    preview requests answered by the quick path (the page waits for the core): {} of {}",
        quick.unwrap_or(0),
        requests.unwrap_or(0)
    ));
    // Single keystrokes are what the quick path is for: were it blocked (a
    // CSP, a webview without synchronous requests), every key would take the
    // command and the preview would lag a frame behind the letter again.
    assert!(
        quick.unwrap_or(0) * 2 >= requests.unwrap_or(0) && requests.unwrap_or(0) > 0,
        "the quick path answered {quick:?} of {requests:?} preview requests"
    );
    rows
}

async fn latencies(app: &App) -> Vec<f64> {
    let v = app.js("return window.__lat").await;
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
        .unwrap_or_default()
}

/// What the typing rows type: words of five x's, each of which the spell
/// checker marks as it is typed (its costliest case).
const NON_WORDS: &str = "xxxxx ";
/// Words the English dictionary knows: nothing for the spell checker to
/// mark, as in most of what staff type.
const REAL_WORDS: &str =
    "the campaign for fair housing continues with a town hall meeting next week ";

/// Type `keys` characters where the click put the caret, as real X key
/// events on the app's `window` (through GTK to the page, as a person's
/// keys go; WebDriver's synthesized keys take another path), one at a time,
/// and return keystroke → preview painted latencies in ms.
async fn typing_latencies(app: &App, window: &str, keys: usize) -> Vec<f64> {
    typing_text_latencies(app, window, NON_WORDS, keys).await
}

/// `typing_latencies`, typing `text` (letters and spaces) over and over.
async fn typing_text_latencies(app: &App, window: &str, text: &str, keys: usize) -> Vec<f64> {
    install_probe(app).await;
    app.click(".cm-content").await;
    harness::xdotool(&["windowfocus", "--sync", window]);
    for (i, c) in text.chars().cycle().take(keys).enumerate() {
        let key = if c == ' ' {
            "space".to_owned()
        } else {
            c.to_string()
        };
        harness::xdotool(&["key", &key]);
        app.wait_js(&format!("return window.__lat.length >= {}", i + 1), 30)
            .await;
    }
    latencies(app).await
}

/// Type `keys` characters as `typing_latencies` does, each after a pause of
/// 0.55–0.85 s: long enough for the autosave (500 ms after the last key)
/// and the library list's refresh that follows it, so a key can land while
/// that work runs, as a writer's first key after a pause does.
async fn paused_latencies(app: &App, window: &str, keys: usize) -> Vec<f64> {
    install_probe(app).await;
    app.click(".cm-content").await;
    harness::xdotool(&["windowfocus", "--sync", window]);
    for i in 0..keys {
        std::thread::sleep(Duration::from_millis(550 + (i as u64 * 37) % 300));
        harness::xdotool(&["key", "x"]);
        app.wait_js(&format!("return window.__lat.length >= {}", i + 1), 30)
            .await;
    }
    latencies(app).await
}

/// Bursts of 20 keys sent in one WebDriver call: returns each key's
/// keydown → preview painted latency (a key counts as painted with the
/// first preview change after it; the last keys of a burst are only painted
/// once the preview has caught up with them).
async fn burst_latencies(app: &App, bursts: usize) -> Vec<f64> {
    install_probe(app).await;
    app.click(".cm-content").await;
    for b in 0..bursts {
        let word: String = (0..20)
            .map(|i| char::from(b'a' + ((b * 7 + i) % 26) as u8))
            .collect();
        app.type_into(".cm-content", &word).await;
        app.wait_js(
            &format!("return window.__lat.length >= {}", (b + 1) * 20),
            30,
        )
        .await;
        // Let the preview settle (the last render after the last key).
        app.wait_js(
            &format!(
                "return document.getElementById('preview').contentDocument.getElementById('pd-body').textContent.includes('{word}')"
            ),
            30,
        )
        .await;
    }
    latencies(app).await
}

/// The preview page as the frame holds it, and a whole render of the saved
/// `body`, each serialized by the page's own HTML parser.
async fn preview_and_whole(app: &App, body: &str) -> (String, String) {
    let whole = postdesk::markdown::render(body, &Default::default()).html;
    let v = app
        .client
        .execute(
            "const blocks = [...document.getElementById('preview').contentDocument.querySelectorAll('#pd-body > .pd-block')]; \
             const t = document.createElement('template'); t.innerHTML = arguments[0]; \
             const u = document.createElement('template'); u.innerHTML = blocks.map(b => b.innerHTML).join(''); \
             return [u.innerHTML, t.innerHTML]",
            vec![serde_json::Value::String(whole)],
        )
        .await
        .expect("compare the preview");
    (
        v[0].as_str().unwrap_or_default().to_owned(),
        v[1].as_str().unwrap_or_default().to_owned(),
    )
}

fn row(what: &str, v: Vec<f64>) -> String {
    let n = v.len();
    let (p50, p95) = harness::percentiles(v.clone());
    let max = v.into_iter().fold(0.0, f64::max);
    format!("{what}: p50 {p50:.1} ms, p95 {p95:.1} ms, max {max:.1} ms ({n} keys)")
}

/// Open the post titled `title` from the library and wait for its preview.
async fn open_titled(app: &App, title: &str, last_words: &str) {
    app.js(&format!("for (const li of document.querySelectorAll('#posts li')) if (li.querySelector('strong')?.textContent === {title:?}) li.click(); return true")).await;
    app.wait_js(
        &format!("return document.querySelector('#meta [name=title]').value === {title:?}"),
        30,
    )
    .await;
    app.wait_js(&format!("return document.getElementById('preview').contentDocument.getElementById('pd-body').innerText.includes({last_words:?})"), 60).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn figures_typing_latency_startup_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let cited = support::with_footnotes(&prose(20_000), 40);
    let db = library(dir.path(), |s| {
        // A 1,000-post library: 996 ordinary posts and the four measured.
        for i in 0..996 {
            post(s, &format!("Campaign update {i}"), &prose(300 + i % 500));
        }
        post(s, "Myths and facts", &cited);
        post(s, "Long document", &prose(100_000));
        post(s, "Burst post", &prose(1_500));
        post(s, "Ordinary post", &prose(1_500));
    });
    let app = App::launch(&db, dir.path()).await;
    let startup = app.startup;
    let pid = app.app_pid().expect("app pid");
    app.wait_js("return document.getElementById('preview').contentDocument.getElementById('pd-body').innerText.includes('The end.')", 30).await;
    let marks = app
        .js("return performance.getEntriesByType('mark').map(m => `${m.name} ${m.startTime.toFixed(0)} ms`).join(', ')")
        .await;
    // When the page's document arrived (ms since navigation start; the app's
    // scheme answers it, and WebKit lists no resource timing for its assets).
    let loads = app
        .js("const n = performance.getEntriesByType('navigation')[0]; \
             return `document ${n.requestStart.toFixed(0)}–${n.responseEnd.toFixed(0)}, interactive ${n.domInteractive.toFixed(0)}`")
        .await;
    // The page's marks as epoch milliseconds, to set against the app process's start.
    let page_epoch = app
        .js("return [['navigation start', performance.timeOrigin], ...performance.getEntriesByType('mark').map(m => [m.name, performance.timeOrigin + m.startTime])]")
        .await;
    let app_start = harness::process_start_epoch_ms(pid);
    let since_start: Vec<(String, f64)> = page_epoch
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| Some((m[0].as_str()?.to_owned(), m[1].as_f64()? - app_start?)))
        .collect();
    // Every process the app runs: itself, WebKit's web process and its network process.
    let web = harness::children_named(pid, "WebKitWebProces");
    let network = harness::children_named(pid, "WebKitNetworkPr");
    let sum = |pids: &[u32], f: fn(u32) -> u64| pids.iter().map(|p| f(*p)).sum::<u64>();
    let (app_rss, web_rss, net_rss) = (
        harness::rss_kib(pid),
        sum(&web, harness::rss_kib),
        sum(&network, harness::rss_kib),
    );
    let (app_pss, web_pss, net_pss) = (
        harness::pss_kib(pid),
        sum(&web, harness::pss_kib),
        sum(&network, harness::pss_kib),
    );

    const KEYS: usize = 40;
    let window = harness::app_window(&pid.to_string());
    open_titled(&app, "Ordinary post", "The end.").await;
    // The floor under every keystroke: one call of a command that does nothing.
    let pings = app
        .js_async(
            "const done = arguments[arguments.length - 1]; (async () => { const out = []; \
             for (let i = 0; i < 40; i++) { const t = performance.now(); \
               await window.__TAURI_INTERNALS__.invoke('listing_labels', { lang: 'en' }); \
               out.push(performance.now() - t); await new Promise((r) => setTimeout(r, 20)); } \
             done(out); })()",
        )
        .await;
    let pings: Vec<f64> = pings
        .as_array()
        .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
        .unwrap_or_default();
    eprintln!(
        "e2e figures: {}",
        row(
            "IPC round trip of a command that does nothing (idle)",
            pings
        )
    );
    let short = typing_latencies(&app, &window, KEYS).await;
    eprintln!(
        "e2e figures: {}",
        row("keystroke → preview painted, 1,500 words", short.clone())
    );
    eprintln!(
        "e2e figures: {}",
        row(
            "  (same keys → preview DOM changed)",
            dom_latencies(&app).await
        )
    );
    for line in phase_rows(&app).await {
        eprintln!("e2e figures: {line}");
    }
    // The same post, typing words the spell checker accepts.
    let spelled = typing_text_latencies(&app, &window, REAL_WORDS, KEYS).await;
    eprintln!(
        "e2e figures: {}",
        row(
            "keystroke → preview painted, 1,500 words, typing real words (the rows above and below type xxxxx, which the spell checker marks)",
            spelled.clone()
        )
    );
    assert_eq!(spelled.len(), KEYS, "every keystroke updated the preview");
    // A post further down the list: each save moves its row to the top.
    open_titled(&app, "Campaign update 500", "The end.").await;
    let paused = paused_latencies(&app, &window, 20).await;
    eprintln!(
        "e2e figures: {}",
        row(
            "keystroke after a pause (an autosave and the list's refresh between keys), 300 words",
            paused.clone()
        )
    );
    assert_eq!(paused.len(), 20, "every keystroke updated the preview");
    // The refreshes kept the list whole: every post once, the saved one first.
    let rows = app
        .js("const ids = [...document.querySelectorAll('#posts li[data-id]')].map((li) => li.dataset.id); \
             return [ids.length, new Set(ids).size, document.querySelector('#posts li[data-id] strong').textContent]")
        .await;
    assert_eq!(
        rows,
        serde_json::json!([1000, 1000, "Campaign update 500"]),
        "the list after the saves"
    );
    open_titled(&app, "Long document", "The end.").await;
    let long = typing_latencies(&app, &window, KEYS).await;
    eprintln!(
        "e2e figures: {}",
        row("keystroke → preview painted, 100,000 words", long.clone())
    );
    eprintln!(
        "e2e figures: {}",
        row(
            "  (same keys → preview DOM changed)",
            dom_latencies(&app).await
        )
    );
    for line in phase_rows(&app).await {
        eprintln!("e2e figures: {line}");
    }
    // The typed words reached the long document's preview (where the click put the caret).
    app.wait_js("return document.getElementById('preview').contentDocument.getElementById('pd-body').innerText.includes('xxxxx xxxxx xxxxx')", 30).await;
    assert!(cited.contains("[^src-40]: Source 40"), "40 footnotes");
    open_titled(&app, "Myths and facts", "Source 40, Annual report").await;
    let footnoted = typing_latencies(&app, &window, KEYS).await;
    eprintln!(
        "e2e figures: {}",
        row(
            "keystroke → preview painted, 20,000 words, 40 footnotes + reference links",
            footnoted.clone()
        )
    );
    eprintln!(
        "e2e figures: {}",
        row(
            "  (same keys → preview DOM changed)",
            dom_latencies(&app).await
        )
    );
    for line in phase_rows(&app).await {
        eprintln!("e2e figures: {line}");
    }
    open_titled(&app, "Burst post", "The end.").await;
    const BURSTS: usize = 5;
    let burst = burst_latencies(&app, BURSTS).await;
    eprintln!(
        "e2e figures: {}",
        row(
            "  (bursts: keys → preview DOM changed)",
            dom_latencies(&app).await
        )
    );
    assert_eq!(short.len(), KEYS, "every keystroke updated the preview");
    assert_eq!(long.len(), KEYS, "every keystroke updated the preview");
    assert_eq!(footnoted.len(), KEYS, "every keystroke updated the preview");
    assert_eq!(burst.len(), BURSTS * 20, "no key of a burst was dropped");
    // The burst's final preview equals a whole render of what was saved.
    app.wait_js(
        "return document.getElementById('st-save').textContent.startsWith('Saved')",
        10,
    )
    .await;
    let saved = Store::open(&db)
        .unwrap()
        .all_posts()
        .unwrap()
        .into_iter()
        .find(|p| p.title == "Burst post")
        .unwrap()
        .body;
    let (shown, whole) = preview_and_whole(&app, &saved).await;
    assert!(
        shown == whole,
        "the preview after the bursts differs from a whole render"
    );
    let last_word: String = (0..20)
        .map(|i| char::from(b'a' + (((BURSTS - 1) * 7 + i) % 26) as u8))
        .collect();
    assert!(saved.contains(&last_word), "every key reached the text");

    let log = std::fs::read_to_string(dir.path().join("app.log")).unwrap_or_default();
    for line in log.lines().filter(|l| l.contains("start-up:")) {
        eprintln!(
            "e2e figures: {}",
            line.split("start-up:").nth(1).unwrap_or("").trim()
        );
    }
    eprintln!("e2e figures: page marks (ms since the page's navigation start): {marks}");
    eprintln!("e2e figures: page loads (ms since the page's navigation start): {loads}");
    eprintln!(
        "e2e figures: page marks (ms since the app process started, ±10 ms): {}",
        since_start
            .iter()
            .map(|(name, ms)| format!("{name} {ms:.0} ms"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let editable = since_start
        .iter()
        .find(|(name, _)| name == "editable-painted")
        .map_or(f64::NAN, |(_, ms)| *ms);
    eprintln!(
        "e2e figures: process start → editable window painted, 1,000-post library: {editable:.0} ms"
    );
    eprintln!(
        "e2e figures: (driver spawned → the test saw the editable window, WebDriver start-up included: {:.0} ms)",
        startup.as_secs_f64() * 1000.0
    );
    eprintln!(
        "e2e figures: resident memory, 1,000-post library: app {} MiB + web process {} MiB = {} MiB (+ network process {} MiB = {} MiB)",
        app_rss / 1024,
        web_rss / 1024,
        (app_rss + web_rss) / 1024,
        net_rss / 1024,
        (app_rss + web_rss + net_rss) / 1024
    );
    eprintln!(
        "e2e figures: the same as proportional memory (PSS: shared library pages counted once): app {} MiB + web process {} MiB + network process {} MiB = {} MiB",
        app_pss / 1024,
        web_pss / 1024,
        net_pss / 1024,
        (app_pss + web_pss + net_pss) / 1024
    );
    let (short_p50, short_p95) = harness::percentiles(short.clone());
    eprintln!(
        "e2e figures: {}",
        row("keystroke → preview painted, 1,500 words", short)
    );
    eprintln!(
        "e2e figures: {}",
        row(
            "keystroke → preview painted, 1,500 words, typing real words",
            spelled
        )
    );
    eprintln!(
        "e2e figures: {}",
        row(
            "keystroke after a pause (an autosave and the list's refresh between keys), 300 words",
            paused
        )
    );
    eprintln!(
        "e2e figures: {}",
        row("keystroke → preview painted, 100,000 words", long)
    );
    eprintln!(
        "e2e figures: {}",
        row(
            "keystroke → preview painted, 20,000 words, 40 footnotes + reference links",
            footnoted
        )
    );
    eprintln!(
        "e2e figures: {} — no key dropped, final preview equals a whole render",
        row(
            "bursts of 20 keys in one call, each key → preview painted",
            burst
        )
    );
    app.quit().await;
    // The floor under the typing rows, with the app closed: the app's own
    // editor alone in a bare WebKitGTK window, the same text, keys and probe.
    let floor = startup::editor_floor(dir.path(), &prose(1_500));
    eprintln!(
        "e2e figures: keystroke → next frame in Postdesk's editor alone (MiniBrowser: CodeMirror with \
         the app's extensions, font and styles, nothing else of the app; 1,500 words, {KEYS} keys): {}",
        floor.describe()
    );
    let (floor_p50, floor_p95) = (floor.frame[0], floor.frame[1]);
    eprintln!(
        "e2e figures: keystroke → preview painted, 1,500 words, against the editor alone: \
         p50 {short_p50:.0} / {floor_p50:.0} ms (ratio {:.2}), p95 {short_p95:.0} / {floor_p95:.0} ms (ratio {:.2})",
        short_p50 / floor_p50,
        short_p95 / floor_p95
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_email_tab_shows_the_newsletter_export_of_the_post() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        post(
            s,
            "Événement à Montréal",
            "Join us on **Tuesday**. [Read the plan](https://example.org/plan).",
        );
    });
    let app = App::launch(&db, dir.path()).await;
    app.click("#toolbar [data-tab=email]").await;
    app.wait_js(
        "const f = document.getElementById('email-frame'); \
         return f.srcdoc.includes('role=\"presentation\"') && f.srcdoc.includes('Tuesday') && !f.srcdoc.includes('<script')",
        10,
    )
    .await;
    assert_eq!(
        app.js("return document.getElementById('email-subject').textContent")
            .await,
        "Événement à Montréal"
    );
    app.click("#email [data-width='375']").await;
    assert_eq!(
        app.js("return document.getElementById('email-frame').getBoundingClientRect().width")
            .await,
        375
    );
    app.click("#email [data-part=text]").await;
    app.wait_js(
        "const t = document.getElementById('email-text'); \
         return !t.hidden && t.textContent.includes('https://example.org/plan') && t.textContent.split('\\n').every(l => l.length <= 78)",
        10,
    )
    .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_export_dialog_writes_the_site_and_asks_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        let id = post(s, "Council vote", "The vote is on **Tuesday**.");
        s.update_post(
            id,
            PostPatch {
                status: Some(postdesk::model::Status::Published),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    });
    // The folder "Choose…" answers with (the test stand-in for the dialog).
    let site = dialog_dir(dir.path());
    // A file Postdesk did not write, where the export wants to write.
    let foreign = site.join("content/posts/council-vote/index.md");
    std::fs::create_dir_all(foreign.parent().unwrap()).unwrap();
    std::fs::write(&foreign, "mine").unwrap();

    let app = App::launch(&db, dir.path()).await;
    app.click("#open-export").await;
    // Without a chosen folder, nothing is exported.
    app.click("#export-go").await;
    app.wait_js(
        "return document.getElementById('export-result').textContent.startsWith('Choose a folder')",
        5,
    )
    .await;
    app.click("#export-choose").await;
    app.wait_js(
        &format!(
            "return document.getElementById('export-dir').value === {:?}",
            site.to_str().unwrap()
        ),
        10,
    )
    .await;
    app.click("#export-go").await;
    app.wait_js("return !document.getElementById('export-force').hidden", 10)
        .await;
    let msg = app
        .js("return document.getElementById('export-result').textContent")
        .await;
    assert!(
        msg.as_str().unwrap_or_default().contains("index.md"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read_to_string(&foreign).unwrap(),
        "mine",
        "nothing overwritten without asking"
    );
    app.click("#export-force").await;
    app.wait_js(
        "return document.getElementById('export-result').textContent.startsWith('Exported 1 post')",
        20,
    )
    .await;
    app.wait_js("const p = document.getElementById('export-progress'); return !p.hidden && p.value === p.max", 5).await;
    assert!(std::fs::read_to_string(&foreign)
        .unwrap()
        .contains("title: Council vote"));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_digest_builder_previews_copies_and_saves_an_eml() {
    let dir = tempfile::tempdir().unwrap();
    let db = library(dir.path(), |s| {
        post(
            s,
            "Crossings funded",
            "The council funded **twelve** crossings.",
        );
        post(s, "Winter plowing", "Bike lanes are cleared first.");
        post(s, "Town hall", "Join us on March 19.");
    });
    let app = App::launch(&db, dir.path()).await;
    app.click("#open-digest").await;
    app.wait_js(
        "return document.querySelectorAll('#digest-pool li').length === 3",
        10,
    )
    .await;
    // Pick two posts (the list shows Town hall first), then move Winter plowing up.
    app.js("for (const li of document.querySelectorAll('#digest-pool li')) { const t = li.querySelector('span').textContent; if (t.startsWith('Winter') || t.startsWith('Town')) li.querySelector('button').click(); } return true").await;
    app.wait_js(
        "return document.querySelectorAll('#digest-chosen li').length === 2",
        10,
    )
    .await;
    app.js("document.querySelectorAll('#digest-chosen li')[1].querySelector('button[title=\"Move up\"]').click(); return true").await;
    app.type_into("#digest-intro", "Hello **neighbours**.")
        .await;
    app.wait_js(
        "const h = document.getElementById('digest-frame').srcdoc; \
         const a = h.indexOf('Winter plowing'), b = h.indexOf('Town hall'); \
         return a > 0 && b > a && h.includes('neighbours') && !h.includes('Crossings funded')",
        10,
    )
    .await;
    app.click("#digest-copy").await;
    app.wait_js(
        "return document.getElementById('digest-status').textContent.startsWith('Copied')",
        10,
    )
    .await;
    // What an ESP editor or Gmail would get on paste: rich HTML, and plain text.
    let clip = |target: &str| {
        std::process::Command::new("xclip")
            .args(["-selection", "clipboard", "-t", target, "-o"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .expect("xclip (installed by scripts/setup.sh)")
    };
    let html = clip("text/html");
    assert!(
        html.contains("role=\"presentation\"") && html.contains("Winter plowing"),
        "clipboard HTML: {html:.200}"
    );
    assert!(clip("UTF8_STRING").contains("Winter plowing"));
    // Save .eml: the command takes no path; in this test build the "dialog"
    // answers with the dialog folder and the name the app suggests.
    let ids = app.js("return [...document.querySelectorAll('#digest-chosen li')].map(li => Number(li.dataset.id))").await;
    let script = format!(
        "return window.__TAURI_INTERNALS__.invoke('save_eml', {{ source: {{ kind: 'digest', ids: {ids}, intro: 'Hello', subject: 'Nouvelles : été', esp: 'mailchimp' }} }})"
    );
    let saved = app.js(&script).await;
    app.quit().await;
    let saved = std::path::PathBuf::from(saved.as_str().expect("the saved path"));
    assert_eq!(saved.parent(), Some(dialog_dir(dir.path()).as_path()));
    let name = saved
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    assert!(
        name.starts_with("digest-") && name.ends_with(".eml"),
        "{name}"
    );
    let bytes = std::fs::read(&saved).expect("the .eml was written");
    let msg = mail_parser::MessageParser::default()
        .parse(&bytes)
        .expect("a MIME message");
    assert_eq!(msg.subject(), Some("Nouvelles : été"));
    let html = msg.body_html(0).expect("an HTML part");
    assert!(
        html.find("Winter plowing") < html.find("Town hall"),
        "the chosen order"
    );
    assert!(html.contains("*|UNSUB|*"));
    assert!(msg
        .body_text(0)
        .expect("a text part")
        .contains("Winter plowing"));
}

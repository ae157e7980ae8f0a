//! Two app windows on two libraries shared through one bare repository: a
//! paragraph typed in one reaches the other with "Sync now", and a clash on
//! the same field is settled in the side-by-side view (issue #10).

use crate::harness::{dialog_dir, library, App};
use crate::support::git;
use postdesk::store::Store;

/// Clear an input and type `text` into it, then leave it (a change event).
async fn retype(app: &App, css: &str, text: &str) {
    app.js(&format!(
        "const i = document.querySelector(\"{css}\"); i.value = ''; i.focus(); return true"
    ))
    .await;
    app.type_into(css, text).await;
    app.type_into(css, "\u{E004}").await;
}

async fn sync_and_wait(app: &App) {
    app.wait_js(
        "const b = document.getElementById('sync-now'); return !b.hidden && !b.disabled",
        30,
    )
    .await;
    app.click("#sync-now").await;
    app.wait_js("const b = document.getElementById('sync-now'); return !b.disabled && b.textContent === 'Sync now'", 30)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_windows_share_a_paragraph_and_settle_a_clash_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let (home_a, home_b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(dialog_dir(&home_a)).unwrap();
    std::fs::create_dir_all(&home_b).unwrap();
    // The team's repository is a bare one on this disk; laptop A chooses it
    // with the folder dialog (in e2e builds the dialog answers this folder).
    let remote = dialog_dir(&home_a);
    git(&remote, &["init", "-q", "--bare", "-b", "main"]);

    let db_a = library(&home_a, |s| {
        postdesk::library_settings::set(s, "author.name", "Ana").unwrap();
        crate::post(s, "Spring appeal", "First paragraph.");
    });
    let a = App::launch(&db_a, &home_a).await;
    a.click("#open-settings").await;
    a.wait_js(
        "return !!document.getElementById('team-connect-folder')",
        10,
    )
    .await;
    a.click("#team-connect-folder").await;
    a.wait_js("return !document.getElementById('sync-now').hidden && document.getElementById('st-team').textContent.includes('synced')", 30)
        .await;
    a.click("#settings-dialog button[value=close]").await;

    // Laptop B joins the team: its library brings in the team's posts.
    let db_b = library(&home_b, |s| {
        postdesk::library_settings::set(s, "author.name", "Bo").unwrap();
        postdesk::sync::connect(s, &remote.to_string_lossy(), None).unwrap();
    });
    let b = App::launch(&db_b, &home_b).await;
    assert!(b.editor_text().await.contains("First paragraph."));

    // A types a paragraph and shares it; B syncs and sees it in its editor.
    a.click(".cm-content").await;
    a.js("document.querySelector('.cm-content').focus(); return true")
        .await;
    a.type_into(".cm-content", "\u{E010}\u{E007}\u{E007}Added by Ana.")
        .await;
    sync_and_wait(&a).await;
    sync_and_wait(&b).await;
    b.wait_js("return [...document.querySelectorAll('.cm-line')].some(l => l.textContent.includes('Added by Ana.'))", 15)
        .await;

    // B's History lists Ana's shared version beside the local revisions, with its diff.
    b.click("#show-revisions").await;
    b.wait_js("return !!document.querySelector('#revision-list .history-heading') && !!document.querySelector('#revision-list li[data-commit]')", 10)
        .await;
    b.click("#revision-list li[data-commit]").await;
    b.wait_js(
        "return document.getElementById('revision-diff').textContent.includes(\"Ana's version\")",
        10,
    )
    .await;
    b.click("#close-revisions").await;

    // Both change the title; A shares first, so B's sync finds a clash.
    retype(&a, "#meta [name=title]", "Spring appeal: Ana's title").await;
    sync_and_wait(&a).await;
    retype(&b, "#meta [name=title]", "Spring appeal: Bo's title").await;
    sync_and_wait(&b).await;
    b.wait_js("const c = document.getElementById('show-conflicts'); return !c.hidden && c.textContent.includes('1 post')", 15)
        .await;
    // The post is flagged in the library until it is settled.
    b.wait_js("return [...document.querySelectorAll('#posts .flag')].some(f => f.textContent === 'To settle')", 10)
        .await;
    b.click("#show-conflicts").await;
    b.wait_js(
        "const p = document.querySelector('#conflicts-list .conflict-part[data-field=title]'); \
         return !!p && p.querySelector('.mine pre').textContent.includes(\"Bo's\") && p.querySelector('.theirs pre').textContent.includes(\"Ana's\")",
        10,
    )
    .await;
    b.click("#conflicts-list .conflict-part[data-field=title] button[data-take=theirs]")
        .await;
    // A chosen part stays shown, marked, until every part has a choice. The
    // slug follows a draft's title, so it clashes too: take theirs for it.
    b.wait_js(
        "return document.querySelector(\"#conflicts-list .conflict-part[data-field=title] button[data-take=theirs]\")?.getAttribute('aria-pressed') === 'true'",
        10,
    )
    .await;
    b.js("document.querySelector(\"#conflicts-list .conflict-part[data-field=slug] button[data-take=theirs]\")?.click(); return true")
        .await;
    b.wait_js(
        "return document.querySelector('#conflicts-list .empty') !== null",
        10,
    )
    .await;
    b.click("#conflicts-dialog button[value=close]").await;
    b.wait_js("return document.querySelector('#meta [name=title]').value === \"Spring appeal: Ana's title\"", 10)
        .await;
    sync_and_wait(&b).await;
    b.wait_js("return document.getElementById('show-conflicts').hidden && document.getElementById('st-team').textContent.startsWith('All shared')", 15)
        .await;
    a.quit().await;
    b.quit().await;

    // Both libraries end with the same post; the repository has no marker.
    let (sa, sb) = (Store::open(&db_a).unwrap(), Store::open(&db_b).unwrap());
    let pa = sa
        .all_posts()
        .unwrap()
        .into_iter()
        .find(|p| p.title.starts_with("Spring appeal"))
        .unwrap();
    let pb = sb
        .all_posts()
        .unwrap()
        .into_iter()
        .find(|p| p.title.starts_with("Spring appeal"))
        .unwrap();
    assert_eq!(pa.title, "Spring appeal: Ana's title");
    assert_eq!(pb.title, pa.title);
    assert!(pb.body.contains("Added by Ana."), "{}", pb.body);
}

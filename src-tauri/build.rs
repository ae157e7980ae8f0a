fn main() {
    #[cfg(feature = "desktop")]
    desktop();
}

/// Generate one `allow-<command>` permission per app command, so the main
/// window's capability (capabilities/main.json) can grant exactly the
/// commands the UI uses and nothing else.
#[cfg(feature = "desktop")]
fn desktop() {
    let manifest = tauri_build::AppManifest::new().commands(&[
        "list_posts",
        "search_posts",
        "get_post",
        "preview_post",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed: check tauri.conf.json and capabilities/");
}

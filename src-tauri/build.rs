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
        "all_tags",
        "templates",
        "create_post",
        "duplicate_post",
        "create_translation",
        "update_post",
        "trash_post",
        "restore_post",
        "empty_trash",
        "list_revisions",
        "save_revision",
        "restore_revision",
        "revision_diff",
        "add_asset",
        "live_edit",
        "preview_shell",
        "listing_labels",
        "open_link",
        "quit",
        "window_ready",
        "email_preview",
        "copy_email",
        "save_eml",
        "pick_folder",
        "export_site_to",
        "show_in_folder",
        "library_problem",
        "restore_newest_backup",
        "list_settings",
        "set_setting",
        "welcome",
        "finish_welcome",
        "team_status",
        "team_connect",
        "team_connect_folder",
        "sync_now",
        "list_conflicts",
        "resolve_conflict",
        "post_changed_by",
        "teammate_versions",
        "waiting_for_my_review",
        "teammate_diff",
        "resolve_post_conflict",
        "wordpress_settings",
        "save_wordpress_settings",
        "publish_wordpress",
        "wordpress_remote_status",
        "wordpress_link",
        "publish_site",
        "set_publish_repo",
        "import_wordpress_file",
        "digest_draft",
        "save_digest_draft",
        "post_images",
        "choose_image_file",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed: check tauri.conf.json and capabilities/");
}

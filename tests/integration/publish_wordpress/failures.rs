//! What must change nothing: a post changed on the site (refused with the
//! difference until forced), a wrong password, a REST API that is off or
//! blocked, a site that cannot be reached, settings that are missing. Each
//! checks the remote post and the local record are as they were.

use std::time::{Duration, Instant};

use postdesk::model::{PostPatch, Status};
use postdesk::publish::wordpress::{self, PublishOptions};
use postdesk::store::EditKind;
use serde_json::json;

use super::Site;

/// A published post whose local text then changed: a publish would send something.
fn published_then_edited(site: &mut Site, title: &str) -> (i64, i64) {
    let post = site.new_post(title, "First words.\n", Status::Published);
    let out = wordpress::publish_post(&mut site.store, post.id, PublishOptions::default()).unwrap();
    site.store
        .update_post(
            post.id,
            PostPatch {
                body: Some("Second words.\n".into()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    (post.id, out.wordpress_id)
}

fn media_count(site: &Site) -> usize {
    site.wp
        .rest_get("/wp/v2/media&per_page=100")
        .as_array()
        .map_or(0, Vec::len)
}

pub fn a_change_made_on_the_site_is_refused_until_forced(site: &mut Site) {
    let (post_id, remote_id) = published_then_edited(site, "Budget vote moved");
    // WordPress keeps `modified_gmt` to the second.
    std::thread::sleep(Duration::from_millis(1100));
    site.wp.rest_post(
        &format!("/wp/v2/posts/{remote_id}"),
        &json!({ "content": "<p>Edited on the site by the webmaster.</p>" }),
    );
    let record = site.store.wordpress_copy(post_id).unwrap();

    let status = wordpress::remote_status(&site.store, post_id).unwrap();
    assert!(
        status.changed_on_site && !status.deleted_on_site,
        "{status:?}"
    );

    let err =
        wordpress::publish_post(&mut site.store, post_id, PublishOptions::default()).unwrap_err();
    assert_eq!(err.code(), "remote_changed", "{err}");
    let message = err.to_string();
    assert!(message.contains("changed on the site"), "{message}");
    assert!(
        message.contains("- Edited on the site by the webmaster."),
        "{message}"
    );
    assert!(message.contains("+ Second words."), "{message}");
    let remote = site.remote_post(remote_id);
    assert!(remote["content"]["raw"]
        .as_str()
        .unwrap()
        .contains("Edited on the site"));
    assert_eq!(
        site.store.wordpress_copy(post_id).unwrap(),
        record,
        "record unchanged"
    );

    // The command line says the same and --force overwrites.
    let slug = site.store.get_post(post_id).unwrap().slug;
    let out = site.cli(&["publish", "wordpress", &slug]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    let out = site.cli(&["publish", "wordpress", &slug, "--force"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Changes made on the site were overwritten."),
        "the command line says what --force did: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let remote = site.remote_post(remote_id);
    assert!(remote["content"]["raw"]
        .as_str()
        .unwrap()
        .contains("Second words."));
    let status = wordpress::remote_status(&site.store, post_id).unwrap();
    assert!(!status.changed_on_site, "{status:?}");
}

pub fn a_wrong_password_changes_nothing(site: &mut Site) {
    let (post_id, remote_id) = published_then_edited(site, "Parking minimums dropped");
    let image = site
        .store
        .add_asset("wrong.png", &super::images::png(8, [9, 9, 9]))
        .unwrap();
    site.store
        .update_post(
            post_id,
            PostPatch {
                body: Some(format!("Third words.\n\n![A lot]({})\n", image.reference)),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let before_remote = site.remote_post(remote_id);
    let before_record = site.store.wordpress_copy(post_id).unwrap();
    let before_media = media_count(site);
    let before_post = site.store.get_post(post_id).unwrap();

    let wrong = "abcd efgh ijkl mnop qrst uvwx";
    let out = site.cli_with_password(&["publish", "wordpress", &before_post.slug], wrong);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("refused the user name or the application password"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(wrong) && !stderr.contains("abcd"),
        "{stderr}"
    );

    assert_eq!(
        site.remote_post(remote_id)["modified_gmt"],
        before_remote["modified_gmt"]
    );
    assert_eq!(
        site.remote_post(remote_id)["content"],
        before_remote["content"]
    );
    assert_eq!(media_count(site), before_media, "no image uploaded");
    let store = site.lib.open();
    assert_eq!(store.wordpress_copy(post_id).unwrap(), before_record);
    assert_eq!(store.get_post(post_id).unwrap(), before_post);
}

pub fn a_disabled_or_blocked_rest_api_changes_nothing(site: &mut Site) {
    let (post_id, remote_id) = published_then_edited(site, "Bus lane pilot extended");
    let before_remote = site.remote_post(remote_id);
    let before_record = site.store.wordpress_copy(post_id).unwrap();
    let plugins = [
        (
            "postdesk-test-block-rest",
            "<?php add_filter('rest_authentication_errors', function () {\n\
             return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', ['status' => 403]); });\n",
            "publish_blocked",
            "The REST API is disabled on this site.",
        ),
        (
            "postdesk-test-no-routes",
            "<?php add_filter('rest_endpoints', function () { return []; });\n",
            "publish_blocked",
            "does not offer its REST API",
        ),
        (
            "postdesk-test-html",
            "<?php add_action('rest_api_init', function () {\n\
             header('Content-Type: text/html'); echo '<html><body>Access denied</body></html>'; exit; });\n",
            "publish_blocked",
            "web page instead of data",
        ),
    ];
    for (name, php, code, words) in plugins {
        site.wp.add_mu_plugin(name, php);
        let result = wordpress::publish_post(&mut site.store, post_id, PublishOptions::default());
        site.wp.remove_mu_plugin(name);
        let err = result.unwrap_err();
        assert_eq!(err.code(), code, "{name}: {err}");
        assert!(err.to_string().contains(words), "{name}: {err}");
        assert!(
            err.to_string().contains("Nothing was changed"),
            "{name}: {err}"
        );
        assert_eq!(
            site.store.wordpress_copy(post_id).unwrap(),
            before_record,
            "{name}"
        );
        let remote = site.remote_post(remote_id);
        assert_eq!(
            remote["modified_gmt"], before_remote["modified_gmt"],
            "{name}"
        );
        assert_eq!(remote["content"], before_remote["content"], "{name}");
    }
}

pub fn an_unreachable_site_is_a_network_error(site: &mut Site) {
    let post = site.new_post("Nowhere to go", "Text.\n", Status::Published);
    let port = std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    postdesk::library_settings::set(
        &mut site.store,
        "wordpress.url",
        &format!("http://127.0.0.1:{port}"),
    )
    .unwrap();
    let started = Instant::now();
    let err =
        wordpress::publish_post(&mut site.store, post.id, PublishOptions::default()).unwrap_err();
    postdesk::library_settings::set(&mut site.store, "wordpress.url", &site.wp.url).unwrap();
    assert_eq!(err.code(), "network", "{err}");
    assert!(err.to_string().contains("Could not reach"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(site.store.wordpress_copy(post.id).unwrap().is_none());
}

pub fn missing_settings_are_named(site: &mut Site) {
    let lib = crate::common::Library::new();
    let mut store = lib.open();
    let post = crate::common::post(&mut store, "Unsent", "Body.\n");
    let err = wordpress::publish_post(&mut store, post.id, PublishOptions::default()).unwrap_err();
    assert_eq!(err.code(), "publish_not_configured");
    assert!(err.to_string().contains("site address is not set"), "{err}");
    postdesk::library_settings::set(&mut store, "wordpress.url", &site.wp.url).unwrap();
    let err = wordpress::publish_post(&mut store, post.id, PublishOptions::default()).unwrap_err();
    assert!(err.to_string().contains("user name is not set"), "{err}");
}

pub fn login_without_a_keychain_says_what_to_do(site: &mut Site) {
    let secret = "Zq9x Zq9x Zq9x Zq9x Zq9x Zq9x";
    let run = |db: &std::path::Path| {
        let mut child = std::process::Command::new(crate::common::bin())
            .arg("--db")
            .arg(db)
            .args(["wordpress", "login"])
            .env_remove("POSTDESK_DB")
            .env_remove(postdesk::publish::wordpress::credentials::PASSWORD_ENV)
            // No Secret Service: never the real keychain of whoever runs the tests.
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                "unix:path=/nonexistent/postdesk-test-bus",
            )
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn postdesk");
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        writeln!(stdin, "{secret}").expect("write stdin");
        drop(stdin);
        child.wait_with_output().expect("wait")
    };
    let out = run(&site.lib.path);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("keychain") && text.contains("POSTDESK_WORDPRESS_PASSWORD"),
        "{text}"
    );
    assert!(
        !text.contains("Zq9x"),
        "the password is never printed: {text}"
    );
    // Without a site address, login says that first.
    let lib = crate::common::Library::new();
    drop(lib.open());
    let out = run(&lib.path);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("site address is not set"), "{text}");
}

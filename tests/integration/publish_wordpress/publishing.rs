//! Publishing again updates the same remote post; a French twin is its own
//! post (and, without Polylang, the outcome says they are not linked); a
//! future date schedules; the command line prints the link and `show --json`
//! carries the remote id and link.

use chrono::{Duration, Utc};
use postdesk::model::{PostPatch, Status};
use postdesk::publish::wordpress::{self, PublishNote, PublishOptions, WordPressStatus};
use postdesk::store::EditKind;

use super::images::png;
use super::Site;

pub fn publishing_again_updates_the_same_post(site: &mut Site) {
    postdesk::library_settings::set(&mut site.store, "wordpress.category", "Campaigns").unwrap();
    let image = site
        .store
        .add_asset("map.png", &png(16, [1, 2, 3]))
        .unwrap();
    let post = site.new_post(
        "Ward 5 survey results",
        &format!(
            "Most residents want slower streets.\n\n![Survey map]({})\n",
            image.reference
        ),
        Status::Published,
    );
    let first =
        wordpress::publish_post(&mut site.store, post.id, PublishOptions::default()).unwrap();
    site.store
        .update_post(
            post.id,
            PostPatch {
                title: Some("Ward 5 survey: final results".into()),
                body: Some(format!(
                    "Nine in ten residents want slower streets.\n\n![Survey map]({})\n",
                    image.reference
                )),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let second =
        wordpress::publish_post(&mut site.store, post.id, PublishOptions::default()).unwrap();
    assert_eq!(
        second.wordpress_id, first.wordpress_id,
        "an update, not a new post"
    );
    assert!(!second.created);
    assert_eq!((second.images_uploaded, second.images_reused), (0, 1));
    let remote = site.remote_post(first.wordpress_id);
    assert_eq!(remote["title"]["raw"], "Ward 5 survey: final results");
    assert!(remote["content"]["raw"]
        .as_str()
        .unwrap()
        .contains("Nine in ten residents"));
    let same_slug = site.wp.rest_get(&format!(
        "/wp/v2/posts&slug={}&status=any&context=edit",
        post.slug
    ));
    assert_eq!(
        same_slug.as_array().map(Vec::len),
        Some(1),
        "no duplicate: {same_slug}"
    );
}

pub fn a_french_twin_is_a_separate_unlinked_post(site: &mut Site) {
    let en = site.new_post(
        "Transit fares frozen",
        "The fare freeze holds until June.\n",
        Status::Published,
    );
    let fr = site.store.create_translation(en.id).unwrap();
    let fr = site
        .store
        .update_post(
            fr.id,
            PostPatch {
                title: Some("Tarifs du transport gelés".into()),
                body: Some("Le gel des tarifs tient jusqu’en juin.\n".into()),
                status: Some(Status::Published),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let en_out =
        wordpress::publish_post(&mut site.store, en.id, PublishOptions::default()).unwrap();
    let fr_out =
        wordpress::publish_post(&mut site.store, fr.id, PublishOptions::default()).unwrap();
    assert_ne!(en_out.wordpress_id, fr_out.wordpress_id, "two posts");
    assert!(
        fr_out.notes.contains(&PublishNote::NoPolylang),
        "{:?}",
        fr_out.notes
    );
    let remote = site.remote_post(fr_out.wordpress_id);
    assert_eq!(remote["title"]["raw"], "Tarifs du transport gelés");
}

pub fn a_future_date_schedules_the_post(site: &mut Site) {
    let when = (Utc::now() + Duration::days(10)).with_nanosecond_zero();
    let post = site.new_post(
        "Rally on the 12th",
        "Meet at city hall.\n",
        Status::Scheduled,
    );
    site.store
        .update_post(
            post.id,
            PostPatch {
                publish_at: Some(Some(when)),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    // The app's way: the library behind a lock, unlocked while the network works.
    let shared = std::sync::Mutex::new(site.lib.open());
    let out = wordpress::publish_post_shared(&shared, post.id, PublishOptions::default()).unwrap();
    drop(shared);
    assert_eq!(out.status, "future");
    assert!(
        site.store.wordpress_copy(post.id).unwrap().is_some(),
        "recorded"
    );
    let remote = site.remote_post(out.wordpress_id);
    assert_eq!(remote["status"], "future");
    assert_eq!(
        remote["date_gmt"],
        when.format("%Y-%m-%dT%H:%M:%S").to_string()
    );
    // Asking for `future` without a future date is refused before anything is sent.
    let past = site.new_post("Old news", "Done.\n", Status::Published);
    let err = wordpress::publish_post(
        &mut site.store,
        past.id,
        PublishOptions {
            status: Some(WordPressStatus::Future),
            force: false,
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid", "{err}");
    assert!(site.store.wordpress_copy(past.id).unwrap().is_none());
}

pub fn the_command_line_prints_the_link_and_show_has_it(site: &mut Site) {
    let post = site.new_post(
        "Crosswalk at Elm and 4th",
        "Approved at last.\n",
        Status::Ready,
    );
    let out = site.cli(&["publish", "wordpress", &post.slug, "--status", "draft"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let link = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(link.starts_with(&site.wp.url), "{link}");
    assert!(
        !stderr.contains(&site.wp.app_password),
        "the password is never printed"
    );
    let show = site.cli(&["show", &post.slug, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&show.stdout).expect("show --json");
    let id = json["wordpress_id"].as_i64().expect("wordpress_id");
    assert_eq!(json["wordpress_link"], link.as_str());
    assert_eq!(site.remote_post(id)["status"], "draft");
    // A post never published shows nulls.
    let other = site.new_post("Not yet", "Later.\n", Status::Draft);
    let show = site.cli(&["show", &other.slug, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&show.stdout).expect("show --json");
    assert!(
        json["wordpress_id"].is_null() && json["wordpress_link"].is_null(),
        "{json}"
    );
}

trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl NoNanos for chrono::DateTime<Utc> {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).expect("valid time")
    }
}

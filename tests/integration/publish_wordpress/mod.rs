//! Publishing to a real WordPress (Debian's package, started by
//! `support::wordpress` on 127.0.0.1): one test runs every scenario in turn
//! on one site, so the suite starts WordPress once. Each scenario reads the
//! result back through the REST API and from the rendered pages.
//!
//! The application password reaches the core through
//! `POSTDESK_WORDPRESS_PASSWORD` (set once, before any scenario; no
//! keychain runs here); the wrong-password case runs the CLI with its own
//! environment instead of changing this process's.

mod failures;
mod images;
mod polylang;
mod publishing;
mod roundtrip;

use std::time::Instant;

use postdesk::model::{NewPost, Post, Status};
use postdesk::publish::wordpress::credentials::PASSWORD_ENV;
use postdesk::store::Store;
use serde_json::Value;

use crate::common::Library;
use crate::support::wordpress::WordPress;

/// What every scenario works on.
pub struct Site {
    pub wp: WordPress,
    pub lib: Library,
    pub store: Store,
}

impl Site {
    /// A remote post, `context=edit`.
    pub fn remote_post(&self, id: i64) -> Value {
        self.wp.rest_get(&format!("/wp/v2/posts/{id}&context=edit"))
    }

    /// A post created in the library.
    pub fn new_post(&mut self, title: &str, body: &str, status: Status) -> Post {
        self.store
            .create_post(NewPost {
                title: title.into(),
                body: body.into(),
                status,
                ..NewPost::default()
            })
            .expect("create post")
    }

    /// Run the CLI on this library with the right password.
    pub fn cli(&self, args: &[&str]) -> std::process::Output {
        self.cli_with_password(args, &self.wp.app_password)
    }

    pub fn cli_with_password(&self, args: &[&str], password: &str) -> std::process::Output {
        let mut cmd = std::process::Command::new(crate::common::bin());
        cmd.arg("--db")
            .arg(&self.lib.path)
            .args(args)
            .env_remove("POSTDESK_DB")
            // Every log line on: the password must still never appear.
            .env("POSTDESK_LOG", "trace")
            .env(PASSWORD_ENV, password);
        cmd.output().expect("run postdesk")
    }
}

#[test]
fn publishing_to_a_real_wordpress() {
    let Some(wp) = WordPress::start() else {
        return;
    };
    let lib = Library::new();
    let mut store = lib.open();
    postdesk::library_settings::set(&mut store, "wordpress.url", &wp.url).unwrap();
    postdesk::library_settings::set(&mut store, "wordpress.user", &wp.user).unwrap();
    // Set once, before any scenario reads it; never changed afterwards.
    std::env::set_var(PASSWORD_ENV, &wp.app_password);
    let mut site = Site { wp, lib, store };

    let started = Instant::now();
    images::five_images_hostile_body_and_the_rendered_page(&mut site);
    publishing::publishing_again_updates_the_same_post(&mut site);
    publishing::a_french_twin_is_a_separate_unlinked_post(&mut site);
    polylang::twins_are_linked_when_the_site_runs_polylang(&mut site);
    publishing::a_future_date_schedules_the_post(&mut site);
    publishing::the_command_line_prints_the_link_and_show_has_it(&mut site);
    failures::a_change_made_on_the_site_is_refused_until_forced(&mut site);
    failures::a_wrong_password_changes_nothing(&mut site);
    failures::a_disabled_or_blocked_rest_api_changes_nothing(&mut site);
    failures::an_unreachable_site_is_a_network_error(&mut site);
    failures::missing_settings_are_named(&mut site);
    failures::login_without_a_keychain_says_what_to_do(&mut site);
    roundtrip::twenty_posts_come_back_field_by_field(&mut site);
    eprintln!(
        "WordPress scenarios ran in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

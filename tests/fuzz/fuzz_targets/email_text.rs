//! A post's email (HTML and its plain-text alternative, html2text) never
//! panics, whatever its title and body. The input is `title NUL body`.
#![no_main]

use chrono::Utc;
use libfuzzer_sys::fuzz_target;
use postdesk::export::email::{post_email, EmailOptions};
use postdesk::model::{Post, Status};
use postdesk::store::Store;

thread_local! {
    static STORE: Store = Store::open_in_memory().expect("an in-memory library");
}

fuzz_target!(|text: &str| {
    let (title, body) = text.split_once('\0').unwrap_or(("Title", text));
    let now = Utc::now();
    let post = Post {
        id: 1,
        title: title.to_owned(),
        slug: postdesk::slug::slugify(title),
        body: body.to_owned(),
        status: Status::Published,
        created_at: now,
        updated_at: now,
        publish_at: Some(now),
        ..Post::default()
    };
    STORE.with(|store| {
        let options = EmailOptions::load(store).expect("default settings");
        let _ = post_email(store, &post, &options);
    });
});

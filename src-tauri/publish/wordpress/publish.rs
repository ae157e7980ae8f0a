//! [`publish_post`]: one post to the configured WordPress site, in three
//! steps so the app can keep the library unlocked while the network works
//! ([`publish_post_shared`]):
//!
//! 1. **read** (library): the post, the settings and password, the remote
//!    copy, the images' bytes and known media items, the twins;
//! 2. **send** (network only): check the login and the remote copy (nothing
//!    is sent when the password is wrong or the post was changed on the
//!    site), upload the images, then create or update the post in one
//!    request;
//! 3. **record** (library): the new media items (also after a failure, so a
//!    retry does not upload them again) and the remote copy.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::Utc;
use serde_json::{json, Map, Value};

use super::client::Client;
use super::media::{self, LibraryImage, MediaCounts};
use super::outgoing::{self, RemoteText};
use super::terms::{self, Taxonomy};
use super::{
    credentials, site_and_user, PublishNote, PublishOptions, PublishOutcome, WordPressStatus,
};
use crate::diff::{revision_diff, RevisionDiff};
use crate::error::{Error, Result};
use crate::library_settings;
use crate::model::{Lang, Post};
use crate::store::{Store, WordPressCopy};

/// Everything a publish needs from the library.
struct Plan {
    post: Post,
    status: WordPressStatus,
    client: Client,
    existing: Option<WordPressCopy>,
    images: Vec<LibraryImage>,
    categories: Vec<String>,
    /// Each twin's language and its remote id on this site, if published there.
    twins: Vec<(Lang, Option<i64>)>,
}

/// What a successful send leaves to record.
struct Sent {
    copy: WordPressCopy,
    outcome: PublishOutcome,
}

/// Publish (or update) a post on the configured WordPress site and remember
/// its remote copy. The status is `options.status`, else from the post:
/// published or scheduled posts go out published (scheduled, `future`, while
/// their date is ahead), anything else as a draft.
pub fn publish_post(
    store: &mut Store,
    post_id: i64,
    options: PublishOptions,
) -> Result<PublishOutcome> {
    let plan = read(store, post_id, options)?;
    let site = plan.client.site().to_string();
    let (counts, sent) = send(plan, options);
    record(store, &site, counts, sent)
}

/// [`publish_post`] for a library shared behind a lock (the app): the lock
/// is held only to read and to record, never while the network works.
pub fn publish_post_shared(
    store: &Mutex<Store>,
    post_id: i64,
    options: PublishOptions,
) -> Result<PublishOutcome> {
    let plan = read(
        &*store.lock().map_err(|_| Error::LockPoisoned)?,
        post_id,
        options,
    )?;
    let site = plan.client.site().to_string();
    let (counts, sent) = send(plan, options);
    record(
        &mut *store.lock().map_err(|_| Error::LockPoisoned)?,
        &site,
        counts,
        sent,
    )
}

fn read(store: &Store, post_id: i64, options: PublishOptions) -> Result<Plan> {
    let post = store.get_post(post_id)?;
    if post.deleted_at.is_some() {
        return Err(Error::invalid(
            "post",
            "This post is in the trash; restore it before publishing it.",
        ));
    }
    let status = outgoing::status(&post, options.status, Utc::now())?;
    let (site, user) = site_and_user(store)?;
    let password = credentials::password(&site, &user)?;
    let client = Client::new(&site, &user, &password);
    let existing = store
        .wordpress_copy(post_id)?
        .filter(|c| c.site_url == client.site());
    let images = outgoing::images(&post)
        .into_iter()
        .map(|(reference, alt)| LibraryImage::read(store, client.site(), &reference, &alt))
        .collect::<Result<Vec<_>>>()?;
    let mut twins = Vec::new();
    for twin_id in store.translation_twins(post_id)? {
        let lang = store.get_post(twin_id)?.lang;
        let remote = store
            .wordpress_copy(twin_id)?
            .filter(|c| c.site_url == client.site())
            .map(|c| c.remote_id);
        twins.push((lang, remote));
    }
    Ok(Plan {
        categories: categories_of(store, &post)?,
        post,
        status,
        client,
        existing,
        images,
        twins,
    })
}

fn send(plan: Plan, options: PublishOptions) -> (MediaCounts, Result<Sent>) {
    let mut counts = MediaCounts::default();
    let sent = send_counting(plan, options, &mut counts);
    (counts, sent)
}

fn record(
    store: &mut Store,
    site: &str,
    counts: MediaCounts,
    sent: Result<Sent>,
) -> Result<PublishOutcome> {
    for (hash, item) in &counts.new_items {
        store.save_wordpress_media(site, hash, item)?;
    }
    let sent = sent?;
    store.save_wordpress_copy(&sent.copy)?;
    Ok(sent.outcome)
}

fn send_counting(plan: Plan, options: PublishOptions, counts: &mut MediaCounts) -> Result<Sent> {
    let Plan {
        post,
        status,
        client,
        mut existing,
        images,
        categories,
        twins,
    } = plan;
    // The login first: a wrong password must stop us before any upload.
    client.get("/wp/v2/users/me", &[("context", "edit")])?;
    let mut notes = Vec::new();

    if let Some(copy) = existing.clone() {
        match read_remote(&client, copy.remote_id)? {
            None => {
                notes.push(PublishNote::DeletedOnSite {
                    link: copy.link.clone(),
                });
                existing = None;
            }
            Some(remote) => {
                if let Some(diff) = changed_on_site(&remote, &copy, &post) {
                    if !options.force {
                        return Err(Error::WordPressChangedOnSite {
                            link: copy.link,
                            diff,
                        });
                    }
                    notes.push(PublishNote::SiteChangesOverwritten);
                }
            }
        }
    }

    // Images, then the post.
    let mut urls: HashMap<String, (i64, String)> = HashMap::new();
    for image in &images {
        let item = media::ensure(&client, image, counts)?;
        urls.insert(image.reference.clone(), (item.media_id, item.source_url));
    }
    let rendered = outgoing::render(&post, &|r: &str| urls.get(r).map(|(_, u)| u.clone()));
    let featured = urls
        .get(post.featured_image.trim())
        .map(|(id, _)| *id)
        .unwrap_or(0);

    let tags = terms::ensure_all(&client, Taxonomy::Tags, &post.tags)?;
    let categories = terms::ensure_all(&client, Taxonomy::Categories, &categories)?;

    let mut body = Map::new();
    body.insert(
        "title".into(),
        json!(crate::util::html::escape(&post.title)),
    );
    body.insert("content".into(), json!(rendered.html));
    body.insert(
        "excerpt".into(),
        json!(crate::util::html::escape(&rendered.teaser)),
    );
    body.insert("slug".into(), json!(post.slug));
    body.insert("status".into(), json!(status.as_str()));
    body.insert("tags".into(), json!(tags));
    if !categories.is_empty() {
        body.insert("categories".into(), json!(categories));
    }
    body.insert("featured_media".into(), json!(featured));
    if let Some(date) = post.publish_at {
        body.insert("date_gmt".into(), json!(outgoing::date_gmt(date)));
    }
    translations(&client, &post, &twins, &mut body, &mut notes)?;

    let route = match &existing {
        Some(copy) => format!("/wp/v2/posts/{}", copy.remote_id),
        None => "/wp/v2/posts".to_string(),
    };
    let saved = client.post_json(&route, &Value::Object(body))?;
    let wordpress_id =
        saved
            .get("id")
            .and_then(Value::as_i64)
            .ok_or_else(|| Error::WordPressRejected {
                status: 200,
                message: "the site's answer has no post id".into(),
            })?;
    let text_of = |field: &str| {
        saved
            .get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let link = text_of("link");
    Ok(Sent {
        copy: WordPressCopy {
            post_id: post.id,
            site_url: client.site().to_string(),
            remote_id: wordpress_id,
            link: link.clone(),
            modified_gmt: text_of("modified_gmt"),
            content_hash: RemoteText::of(&saved).hash(),
            published_at: Utc::now(),
        },
        outcome: PublishOutcome {
            post_id: post.id,
            wordpress_id,
            link,
            status: text_of("status"),
            created: existing.is_none(),
            images_uploaded: counts.uploaded,
            images_reused: counts.reused,
            notes,
        },
    })
}

/// The remote post (`context=edit`), or `None` when it is gone from the site.
pub(super) fn read_remote(client: &Client, remote_id: i64) -> Result<Option<Value>> {
    client.get_if_exists(&format!("/wp/v2/posts/{remote_id}"), &[("context", "edit")])
}

/// The difference (site → Postdesk) when the remote post was changed on the
/// site since `copy` was recorded; `None` when it was not.
pub(super) fn changed_on_site(
    remote: &Value,
    copy: &WordPressCopy,
    post: &Post,
) -> Option<RevisionDiff> {
    let modified = remote
        .get("modified_gmt")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let text = RemoteText::of(remote);
    if modified == copy.modified_gmt || text.hash() == copy.content_hash {
        return None;
    }
    let ours = outgoing::render(post, &|_| None);
    let ours = outgoing::comparable(&post.title, &ours.teaser, &ours.html);
    Some(revision_diff(&text.comparable(), &ours))
}

/// Category names: the post's `categories` front-matter list, else the
/// `wordpress.category` setting, else none.
fn categories_of(store: &Store, post: &Post) -> Result<Vec<String>> {
    let from_post: Vec<String> = match post.extra.get("categories") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        Some(Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    };
    if !from_post.is_empty() {
        return Ok(from_post);
    }
    let default = library_settings::get(store, "wordpress.category")?;
    Ok(if default.trim().is_empty() {
        Vec::new()
    } else {
        vec![default]
    })
}

/// Polylang: send the language and link the twins already published; without
/// it, say that the twins stay separate, unlinked posts.
fn translations(
    client: &Client,
    post: &Post,
    twins: &[(Lang, Option<i64>)],
    body: &mut Map<String, Value>,
    notes: &mut Vec<PublishNote>,
) -> Result<()> {
    if !runs_polylang(client)? {
        if !twins.is_empty() {
            notes.push(PublishNote::NoPolylang);
        }
        return Ok(());
    }
    body.insert("lang".into(), json!(post.lang.as_str()));
    let mut linked = Map::new();
    for (lang, remote_id) in twins {
        match remote_id {
            Some(id) => {
                linked.insert(lang.as_str().into(), json!(id));
            }
            None => notes.push(PublishNote::TwinNotPublished { lang: *lang }),
        }
    }
    if !linked.is_empty() {
        body.insert("translations".into(), Value::Object(linked));
        notes.push(PublishNote::LinkedWithTranslation);
    }
    Ok(())
}

/// Whether the site runs Polylang: its `pll/v1` REST namespace, or a `lang`
/// argument of the posts route, in the API index.
fn runs_polylang(client: &Client) -> Result<bool> {
    let index = client.get("/", &[])?;
    let has_namespace = index
        .get("namespaces")
        .and_then(Value::as_array)
        .is_some_and(|n| n.iter().any(|v| v.as_str() == Some("pll/v1")));
    let lang_field = index
        .pointer("/routes/~1wp~1v2~1posts/endpoints")
        .and_then(Value::as_array)
        .is_some_and(|e| e.iter().any(|e| e.pointer("/args/lang").is_some()));
    Ok(has_namespace || lang_field)
}

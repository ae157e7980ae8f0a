//! The one context every site renderer is fed (as mdBook feeds its
//! renderers a `RenderContext`): the chosen posts, newest first, each
//! rendered once by the one Markdown renderer, with its images loaded and
//! given a file name, its teaser, its date and its translation.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use chrono::{DateTime, Utc};

use super::{Progress, Selection, SiteWarning, Step, StepKind};
use crate::error::{Error, Result};
use crate::export::urls;
use crate::library_settings;
use crate::markdown::{self, RenderOptions};
use crate::model::{Lang, Post, Status};
use crate::slug;
use crate::store::{self, Store, ASSET_SCHEME};

/// Everything a renderer needs, and nothing from the store.
pub(crate) struct SiteContext {
    /// The `site.name` setting.
    pub site_name: String,
    /// The `site.base_url` setting, without a trailing slash.
    pub base_url: String,
    /// The chosen posts, newest first.
    pub posts: Vec<PostEntry>,
    /// True when the export is the whole site (published or all posts): only
    /// then are listing pages written and files of posts no longer exported
    /// removed. Exporting a few posts leaves the rest of the folder as it is.
    pub whole_site: bool,
    /// Things worth telling the author that did not stop the export.
    pub warnings: Vec<SiteWarning>,
}

/// One post, ready to be written in any format.
pub(crate) struct PostEntry {
    pub post: Post,
    /// The slug, checked safe as a path segment (see [`safe_slug`]).
    pub slug: String,
    /// The date the post is shown with: its publish date, else its creation date.
    pub date: DateTime<Utc>,
    /// How the site is told to treat it.
    pub release: Release,
    /// Plain text: the summary, else the first paragraph.
    pub teaser: String,
    /// The body as sanitized HTML, images pointing at their file beside the page.
    pub html: String,
    /// Every image the post uses (body and featured image), once each.
    pub images: Vec<Rc<ImageFile>>,
    pub featured: Option<Featured>,
    /// Shared by a post and its translation (Hugo's `translationKey`).
    pub translation_key: String,
    /// The index in [`SiteContext::posts`] of the translation, when it is exported too.
    pub translation: Option<usize>,
    /// Links in the body written as site paths (`/posts/other/`).
    pub site_links: Vec<String>,
}

/// How a post goes out to a static site generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Release {
    /// Live on the next build.
    Published,
    /// Not a draft, dated at its publish date: Hugo and Jekyll leave a post
    /// dated in the future out of the site until a build after that date
    /// (unless built with `--buildFuture` / `--future`).
    Scheduled,
    /// Left out of the built site (Hugo `draft: true`, Jekyll `published: false`).
    Draft,
}

impl Release {
    /// A scheduled post without a publish date has no date the site could
    /// honour, so it goes out as a draft (with a warning, see [`load`]).
    pub fn of(post: &Post) -> Release {
        match post.status {
            Status::Published => Release::Published,
            Status::Scheduled if post.publish_at.is_some() => Release::Scheduled,
            _ => Release::Draft,
        }
    }
}

/// An image from the library, with the file name it is exported under.
pub(crate) struct ImageFile {
    /// `asset:<16 hex>`.
    pub reference: String,
    /// `<name>-<8 hex>.<ext>`: the hex part keeps two different images with the
    /// same original name apart when they land in one folder.
    pub file_name: String,
    pub data: Vec<u8>,
}

/// The post's featured image: one from the library, or an address kept as written.
pub(crate) enum Featured {
    Asset(Rc<ImageFile>),
    Url(String),
}

impl PostEntry {
    /// The file name an asset reference is exported under, if the post has that image.
    pub fn image_file(&self, reference: &str) -> Option<&str> {
        self.images
            .iter()
            .find(|i| i.reference == reference)
            .map(|i| i.file_name.as_str())
    }
}

/// Load and render the chosen posts. With `with_scheduled` (a site generator
/// that honours future dates), [`Selection::Published`] also takes the
/// scheduled posts that have a publish date, exported dated then.
pub(crate) fn load(
    store: &Store,
    selection: &Selection,
    with_scheduled: bool,
    progress: Progress<'_>,
) -> Result<SiteContext> {
    let all = store.all_posts()?;
    let keys = translation_keys(&all);
    let mut chosen = choose(store, &all, selection, with_scheduled)?;
    chosen.sort_by(|a, b| date_of(b).cmp(&date_of(a)).then(b.id.cmp(&a.id)));

    let mut ctx = SiteContext {
        site_name: library_settings::get(store, "site.name")?,
        base_url: library_settings::get(store, "site.base_url")?
            .trim_end_matches('/')
            .to_string(),
        posts: Vec::with_capacity(chosen.len()),
        whole_site: matches!(selection, Selection::Published | Selection::All),
        warnings: Vec::new(),
    };
    ctx.warnings
        .extend(undated_scheduled(&all, &chosen, selection, with_scheduled));
    let mut images = ImageCache::default();
    let total = chosen.len();
    for (i, post) in chosen.into_iter().enumerate() {
        progress(i, total, &Step::new(StepKind::Preparing, &post.title));
        let entry = prepare(store, post, &keys, &mut images, &mut ctx.warnings)?;
        ctx.posts.push(entry);
    }
    progress(total, total, &Step::new(StepKind::Prepared, ""));
    link_translations(&mut ctx.posts);
    if ctx.whole_site {
        let broken = broken_links(&ctx.posts);
        ctx.warnings.extend(broken);
    }
    Ok(ctx)
}

fn choose(
    store: &Store,
    all: &[Post],
    selection: &Selection,
    with_scheduled: bool,
) -> Result<Vec<Post>> {
    let by_status = |s: Status| all.iter().filter(|p| p.status == s).cloned().collect();
    Ok(match selection {
        Selection::Published if with_scheduled => all
            .iter()
            .filter(|p| matches!(Release::of(p), Release::Published | Release::Scheduled))
            .cloned()
            .collect(),
        Selection::Published => by_status(Status::Published),
        Selection::Status(s) => by_status(*s),
        Selection::All => all.to_vec(),
        Selection::Posts(ids) => {
            let mut posts: Vec<Post> = Vec::with_capacity(ids.len());
            for id in ids {
                let post = store.get_post(*id)?;
                if post.deleted_at.is_some() {
                    return Err(Error::invalid(
                        "selection",
                        format!(
                            "\u{201c}{}\u{201d} is in the trash; restore it to export it.",
                            post.title
                        ),
                    ));
                }
                if !posts.iter().any(|p| p.id == post.id) {
                    posts.push(post);
                }
            }
            posts
        }
    })
}

/// A warning for each scheduled post without a publish date the export
/// would have taken: left out of the site, or exported as a draft.
fn undated_scheduled(
    all: &[Post],
    chosen: &[Post],
    selection: &Selection,
    with_scheduled: bool,
) -> Vec<SiteWarning> {
    let undated = |p: &&Post| p.status == Status::Scheduled && p.publish_at.is_none();
    let as_drafts = chosen
        .iter()
        .filter(undated)
        .map(|p| SiteWarning::ScheduledAsDraft {
            title: p.title.clone(),
        });
    let site = matches!(selection, Selection::Published) && with_scheduled;
    let left_out =
        all.iter()
            .filter(undated)
            .filter(|_| site)
            .map(|p| SiteWarning::ScheduledLeftOut {
                title: p.title.clone(),
            });
    as_drafts.chain(left_out).collect()
}

fn date_of(p: &Post) -> DateTime<Utc> {
    p.publish_at.unwrap_or(p.created_at)
}

fn prepare(
    store: &Store,
    post: Post,
    keys: &HashMap<i64, String>,
    cache: &mut ImageCache,
    warnings: &mut Vec<SiteWarning>,
) -> Result<PostEntry> {
    let slug = safe_slug(&post.slug);
    if slug != post.slug {
        warnings.push(SiteWarning::UnsafeSlug {
            title: post.title.clone(),
            slug: post.slug.clone(),
            exported_as: slug.clone(),
        });
    }
    let mut images: Vec<Rc<ImageFile>> = Vec::new();
    let mut wanted = markdown::asset_refs(&post.body);
    let featured_ref = post.featured_image.trim().to_string();
    if featured_ref.starts_with(ASSET_SCHEME) && !wanted.contains(&featured_ref) {
        wanted.push(featured_ref.clone());
    }
    for reference in &wanted {
        match cache.get(store, reference)? {
            Some(img) => images.push(img),
            None => warnings.push(SiteWarning::ImageNotInLibrary {
                title: post.title.clone(),
                reference: reference.clone(),
            }),
        }
    }
    let featured = if featured_ref.is_empty() {
        None
    } else if featured_ref.starts_with(ASSET_SCHEME) {
        images
            .iter()
            .find(|i| i.reference == featured_ref)
            .cloned()
            .map(Featured::Asset)
    } else {
        Some(Featured::Url(featured_ref))
    };
    let resolve = |url: &str| -> Option<String> {
        images
            .iter()
            .find(|i| i.reference == url)
            .map(|i| i.file_name.clone())
    };
    let rendered = markdown::render(
        &post.body,
        &RenderOptions {
            resolve_asset: Some(&resolve),
            summary: &post.summary,
        },
    );
    Ok(PostEntry {
        slug,
        date: date_of(&post),
        release: Release::of(&post),
        teaser: rendered.teaser,
        html: rendered.html,
        images,
        featured,
        translation_key: keys
            .get(&post.id)
            .cloned()
            .unwrap_or_else(|| format!("post-{}", post.id)),
        translation: None,
        site_links: rendered
            .links
            .into_iter()
            .map(|l| l.url)
            .filter(|u| u.starts_with('/') && !u.starts_with("//"))
            .collect(),
        post,
    })
}

/// The slug as stored when it is a safe path segment (the store only keeps
/// such slugs); otherwise made safe, so a damaged library cannot steer a path.
pub(crate) fn safe_slug(s: &str) -> String {
    if slug::is_valid(s) {
        s.to_string()
    } else {
        slug::slugify(s)
    }
}

/// For each post the smaller stable uid of it and its translation (its own
/// uid when it has none), so Hugo's `translationKey` is the same on every
/// laptop of a team whatever the local ids. The store links a translation
/// one way (`translation_of`), so both directions are looked at.
fn translation_keys(all: &[Post]) -> HashMap<i64, String> {
    let uid_of: HashMap<i64, &str> = all.iter().map(|p| (p.id, p.uid.as_str())).collect();
    let key_of = |id: i64| match uid_of.get(&id) {
        Some(u) if !u.is_empty() => u.to_string(),
        _ => format!("post-{id}"),
    };
    let mut low: HashMap<i64, String> = HashMap::new();
    for p in all {
        if let Some(t) = p.translation_of.filter(|t| uid_of.contains_key(t)) {
            let k = key_of(p.id).min(key_of(t));
            for id in [p.id, t] {
                let v = low.entry(id).or_insert_with(|| k.clone());
                if k < *v {
                    *v = k.clone();
                }
            }
        }
    }
    all.iter()
        .map(|p| {
            (
                p.id,
                low.get(&p.id).cloned().unwrap_or_else(|| key_of(p.id)),
            )
        })
        .collect()
}

fn link_translations(posts: &mut [PostEntry]) {
    let index: HashMap<(String, Lang), usize> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| ((p.translation_key.clone(), p.post.lang), i))
        .collect();
    for post in posts.iter_mut() {
        let other = crate::lang::other(post.post.lang);
        post.translation = index.get(&(post.translation_key.clone(), other)).copied();
    }
}

/// Links to a post page of the site (`/posts/<slug>/`, `/fr/posts/<slug>/`)
/// whose post is not in the export: on the built site they would lead nowhere.
fn broken_links(posts: &[PostEntry]) -> Vec<SiteWarning> {
    let pages: HashSet<String> = posts
        .iter()
        .map(|p| urls::post_path(p.post.lang, &p.slug))
        .collect();
    let mut warnings = Vec::new();
    for p in posts {
        for link in &p.site_links {
            let path = link.split(['#', '?']).next().unwrap_or_default();
            let path = if path.ends_with('/') {
                path.to_string()
            } else {
                format!("{path}/")
            };
            let slug = path
                .strip_prefix("/fr/posts/")
                .or_else(|| path.strip_prefix("/posts/"))
                .and_then(|rest| rest.strip_suffix('/'));
            let is_post_page = slug.is_some_and(|s| !s.is_empty() && !s.contains('/'));
            if is_post_page && !pages.contains(&path) {
                warnings.push(SiteWarning::BrokenLink {
                    title: p.post.title.clone(),
                    link: link.clone(),
                });
            }
        }
    }
    warnings
}

/// Images loaded once per export, however many posts use them.
#[derive(Default)]
struct ImageCache {
    /// `None`: the reference is not in the library.
    loaded: HashMap<String, Option<Rc<ImageFile>>>,
}

impl ImageCache {
    /// The image, `None` when the library has no such image; other errors
    /// (the library could not be read) stop the export.
    fn get(&mut self, store: &Store, reference: &str) -> Result<Option<Rc<ImageFile>>> {
        if let Some(found) = self.loaded.get(reference) {
            return Ok(found.clone());
        }
        let found = match (store.asset(reference), store.asset_data(reference)) {
            (Ok(asset), Ok(data)) => Some(Rc::new(ImageFile {
                file_name: image_file_name(&asset.file_name, &asset.reference, &asset.mime),
                reference: asset.reference,
                data,
            })),
            (Err(Error::AssetNotFound(_)), _) | (_, Err(Error::AssetNotFound(_))) => None,
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        self.loaded.insert(reference.to_string(), found.clone());
        Ok(found)
    }
}

/// `<slugified stem, at most 40 bytes>-<first 8 hex of the reference>.<ext>`.
fn image_file_name(original: &str, reference: &str, mime: &str) -> String {
    let stem = original.rsplit_once('.').map_or(original, |(s, _)| s);
    let mut stem = slug::slugify(stem);
    if stem.len() > 40 {
        stem.truncate(40);
        while stem.ends_with('-') {
            stem.pop();
        }
    }
    let hex: String = reference
        .trim_start_matches(ASSET_SCHEME)
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    format!("{stem}-{hex}.{}", store::extension(mime))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_names_are_safe_and_distinct() {
        let a = image_file_name(
            "../../Rally Photo.PNG",
            "asset:0123456789abcdef",
            "image/png",
        );
        assert_eq!(a, "rally-photo-01234567.png");
        let b = image_file_name("CON.jpg", "asset:fedcba9876543210", "image/jpeg");
        assert_eq!(b, "con-post-fedcba98.jpg");
        let long = image_file_name(&"x".repeat(300), "asset:0000000000000000", "image/gif");
        assert!(long.len() <= 60, "{long}");
    }

    #[test]
    fn unsafe_slugs_are_made_safe() {
        assert_eq!(safe_slug("budget-2024"), "budget-2024");
        assert_eq!(safe_slug("../../x"), "x");
        assert_eq!(safe_slug("CON"), "con-post");
    }
}

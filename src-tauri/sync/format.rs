//! The shared file format (the public contract, docs/REPOSITORY-FORMAT.md):
//! one Markdown file per post with YAML front matter in a fixed key order,
//! LF line endings, UTF-8, and no field that changes on every save.
//!
//! A file read from the repository is hostile input: [`parse`] never panics
//! and says which file is wrong and why.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Lang, Post, Status};
use crate::store::rules::{clean_title, normalize_tags};

/// Largest post file accepted from the repository.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// A post as the team shares it: the fields of [`Post`] that travel, with
/// the twin named by its uid. Trashed posts are not shared (absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedPost {
    pub uid: String,
    pub title: String,
    pub slug: String,
    pub lang: Lang,
    pub status: Status,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reviewer: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preview_text: String,
    pub created: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub canonical_url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub featured_image: String,
    /// The uid of the same post in the other language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
    #[serde(skip)]
    pub body: String,
}

impl SharedPost {
    /// The shared form of a live local post (`None` for a trashed one).
    pub fn from_local(post: &Post, twin_uid: Option<String>) -> Option<SharedPost> {
        if post.deleted_at.is_some() {
            return None;
        }
        Some(SharedPost {
            uid: post.uid.clone(),
            title: post.title.clone(),
            slug: post.slug.clone(),
            lang: post.lang,
            status: post.status,
            author: post.author.clone(),
            reviewer: post.reviewer.clone(),
            tags: post.tags.clone(),
            summary: post.summary.clone(),
            preview_text: post.preview_text.clone(),
            created: post.created_at,
            publish_at: post.publish_at,
            canonical_url: post.canonical_url.clone(),
            featured_image: post.featured_image.clone(),
            translation: twin_uid,
            extra: post.extra.clone(),
            body: normalize_eol(&post.body),
        })
    }

    /// The local post fields this shared post sets (ids and times are the store's).
    pub fn to_post(&self) -> Post {
        Post {
            uid: self.uid.clone(),
            title: self.title.clone(),
            slug: self.slug.clone(),
            summary: self.summary.clone(),
            preview_text: self.preview_text.clone(),
            body: self.body.clone(),
            lang: self.lang,
            status: self.status,
            tags: self.tags.clone(),
            author: self.author.clone(),
            reviewer: self.reviewer.clone(),
            created_at: self.created,
            updated_at: self.created,
            publish_at: self.publish_at,
            canonical_url: self.canonical_url.clone(),
            featured_image: self.featured_image.clone(),
            extra: self.extra.clone(),
            ..Post::default()
        }
    }
}

fn normalize_eol(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

/// The file's text: `---`, the front matter in field order, `---`, the body.
pub fn render(post: &SharedPost) -> Result<String> {
    let yaml = serde_yaml::to_string(post).map_err(|e| {
        Error::invalid(
            "shared file",
            format!("\"{}\" could not be written for sharing: {e}", post.title),
        )
    })?;
    let mut out = String::with_capacity(yaml.len() + post.body.len() + 16);
    out.push_str("---\n");
    out.push_str(&yaml);
    if !yaml.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("---\n");
    out.push_str(&post.body);
    Ok(out)
}

/// Read a file from the repository; `path` names it in errors.
pub fn parse(path: &str, bytes: &[u8]) -> Result<SharedPost> {
    let bad = |message: String| Error::Import {
        path: path.into(),
        message,
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(bad(format!(
            "the file is larger than {} MB",
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| bad("the file is not UTF-8 text".into()))?;
    let text = normalize_eol(text);
    let rest = text
        .strip_prefix("---\n")
        .ok_or_else(|| bad("the file does not start with front matter (---)".into()))?;
    let end = if rest.starts_with("---\n") {
        0
    } else {
        rest.find("\n---\n")
            .map(|i| i + 1)
            .ok_or_else(|| bad("the front matter is not closed by ---".into()))?
    };
    let yaml = &rest[..end];
    let body = &rest[end + 4..];
    let mut post: SharedPost = serde_yaml::from_str(yaml)
        .map_err(|e| bad(format!("the front matter is not valid: {e}")))?;
    post.body = body.to_string();
    check(&post).map_err(bad)?;
    Ok(post)
}

/// What a file from a teammate must satisfy before it touches the library.
fn check(p: &SharedPost) -> std::result::Result<(), String> {
    if !is_uid(&p.uid) {
        return Err(format!("\"{}\" is not a post id", p.uid));
    }
    if let Some(t) = &p.translation {
        if !is_uid(t) || *t == p.uid {
            return Err(format!("\"{t}\" is not a valid translation id"));
        }
    }
    match clean_title(&p.title) {
        Ok(t) if t == p.title => {}
        _ => return Err("the title is empty, too long or not on one line".into()),
    }
    if p.slug.is_empty() || crate::slug::slugify(&p.slug) != p.slug {
        return Err(format!("\"{}\" is not a valid slug", p.slug));
    }
    if normalize_tags(&p.tags) != p.tags {
        return Err("the tags are not in the form Postdesk writes".into());
    }
    for (name, v) in [
        ("author", &p.author),
        ("reviewer", &p.reviewer),
        ("summary", &p.summary),
        ("canonical_url", &p.canonical_url),
        ("featured_image", &p.featured_image),
    ] {
        if v.trim() != v.as_str() || v.chars().count() > 5000 {
            return Err(format!("the {name} has surrounding spaces or is too long"));
        }
    }
    Ok(())
}

/// A uid: 8 to 64 lowercase hex digits (Postdesk makes 32).
pub fn is_uid(s: &str) -> bool {
    (8..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Where a post's file lives under the shared folder: `posts/<uid>/index.md`;
/// a French post whose English twin links back to it shares the English
/// post's folder as `index.fr.md`; any other French post is
/// `posts/<uid>/index.fr.md` in its own folder.
pub fn rel_path(post: &SharedPost, twin_links_back: Option<&str>) -> String {
    let name = match post.lang {
        Lang::En => "index.md",
        Lang::Fr => "index.fr.md",
    };
    let folder = match (post.lang, twin_links_back) {
        (Lang::Fr, Some(english)) => english,
        _ => post.uid.as_str(),
    };
    format!("posts/{folder}/{name}")
}

/// True when `rel` (relative to the shared folder) looks like a post file.
pub fn is_post_path(rel: &str) -> bool {
    let mut parts = rel.split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("posts"), Some(dir), Some("index.md" | "index.fr.md"), None) if is_uid(dir)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SharedPost {
        SharedPost::from_local(
            &Post {
                uid: "0123456789abcdef0123456789abcdef".into(),
                title: "Spring: appeal".into(),
                slug: "spring-appeal".into(),
                body: "First.\r\n\r\nSecond: \"quoted\"\n".into(),
                tags: vec!["news".into(), "appeal".into()],
                ..Post::default()
            },
            None,
        )
        .expect("live post")
    }

    #[test]
    fn render_then_parse_gives_the_same_post_and_lf_only() {
        let p = sample();
        let text = render(&p).expect("renders");
        assert!(!text.contains('\r'));
        assert!(text.starts_with("---\nuid: 0123456789abcdef0123456789abcdef\ntitle:"));
        assert_eq!(parse("x/index.md", text.as_bytes()).expect("parses"), p);
        assert_eq!(render(&p).expect("renders"), text, "deterministic");
    }

    #[test]
    fn hostile_files_are_typed_errors_naming_the_file() {
        let good = render(&sample()).expect("renders");
        for bad in [
            b"\xff\xfe".to_vec(),
            b"no front matter".to_vec(),
            b"---\ntitle: x\n".to_vec(),
            good.replace("uid: 0123", "uid: ../../").into_bytes(),
            good.replace("slug: spring-appeal", "slug: ../etc")
                .into_bytes(),
            good.replace("lang: en", "lang: de").into_bytes(),
            good.replace("title:", "unknown: 1\ntitle:").into_bytes(),
            b"---\n&a [*a]\n---\n".to_vec(),
            vec![b'a'; MAX_FILE_BYTES + 1],
        ] {
            let e = parse("posts/x/index.md", &bad).expect_err("refused");
            assert!(e.to_string().starts_with("posts/x/index.md"), "{e}");
        }
    }
}

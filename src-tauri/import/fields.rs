//! Step three: give the front matter's keys their meaning and check it, the
//! way Zola turns its raw front matter into typed page fields. Keys are matched
//! without regard to case, `_` or `-` (`canonicalURL` is `canonical_url`);
//! everything not understood goes to `extra` unchanged.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::date::{parse_date, ACCEPTED};
use super::filename::FileInfo;
use super::frontmatter::{describe, Entries};
use super::split::{take_heading, Format};
use crate::model::{Lang, NewPost, Status};

/// The title of a post with no title, heading or usable file name.
const UNTITLED: &str = "Untitled";

/// `canonicalURL`, `canonical_url` and `Canonical-URL` are the same key.
fn normalise_key(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

struct Keys {
    entries: Entries,
    format: Option<Format>,
}

impl Keys {
    /// Remove the first key that is one of `names` (given normalised).
    fn take(&mut self, names: &[&str]) -> Option<(String, Value)> {
        let i = self
            .entries
            .iter()
            .position(|(k, _)| names.contains(&normalise_key(k).as_str()))?;
        Some(self.entries.remove(i))
    }

    /// How the key is written with a text value, for error messages.
    fn example(&self, key: &str, value: &str) -> String {
        match self.format {
            Some(Format::Toml) => format!("{key} = \"{value}\""),
            _ => format!("{key}: \"{value}\""),
        }
    }

    /// A text value: numbers and true/false are taken as written, empty is none.
    fn text(&self, key: &str, value: Value) -> Result<Option<String>, String> {
        let text = match value {
            Value::Null => return Ok(None),
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            other => {
                return Err(format!(
                    "`{key}` must be text, but it is {}; write it as {}",
                    describe(&other),
                    self.example(key, "…")
                ))
            }
        };
        let text = text.trim();
        Ok((!text.is_empty()).then(|| text.to_string()))
    }

    fn date(&self, key: &str, value: Value) -> Result<Option<DateTime<Utc>>, String> {
        match value {
            Value::Null => Ok(None),
            Value::String(s) if s.trim().is_empty() => Ok(None),
            Value::String(s) => parse_date(&s).map(Some).ok_or_else(|| {
                format!(
                    "the date \"{}\" in `{key}` is not a date Postdesk can read; write it as {ACCEPTED}",
                    s.trim()
                )
            }),
            other => Err(format!(
                "`{key}` is {}, not a date; write it as {ACCEPTED}",
                describe(&other)
            )),
        }
    }
}

/// `true`, `false`, and the words YAML 1.1 sites use for them.
fn flag(key: &str, value: &Value) -> Result<Option<bool>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" => Ok(Some(true)),
            "false" | "no" | "off" => Ok(Some(false)),
            _ => Err(format!("`{key}` must be true or false, not \"{s}\"")),
        },
        other => Err(format!(
            "`{key}` must be true or false, but it is {}",
            describe(other)
        )),
    }
}

/// Tags from a list, or from a string separated by commas (or else spaces, as Jekyll does).
fn words(key: &str, value: Value, out: &mut Vec<String>) -> Result<(), String> {
    let not_words = |v: &Value| {
        format!(
            "`{key}` must be a list of words, but it holds {}; write it as {key}: [one, two]",
            describe(v)
        )
    };
    match value {
        Value::Null => {}
        Value::String(s) if s.contains(',') => out.extend(s.split(',').map(str::to_string)),
        Value::String(s) => out.extend(s.split_whitespace().map(str::to_string)),
        Value::Number(n) => out.push(n.to_string()),
        Value::Bool(b) => out.push(b.to_string()),
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Null => {}
                    Value::String(s) => out.push(s),
                    Value::Number(n) => out.push(n.to_string()),
                    Value::Bool(b) => out.push(b.to_string()),
                    other => return Err(not_words(&other)),
                }
            }
        }
        other => return Err(not_words(&other)),
    }
    Ok(())
}

/// The value of the first key of `map` named one of `names` (normalised) that is text.
fn text_in(map: &Map<String, Value>, names: &[&str]) -> Option<(String, String)> {
    map.iter().find_map(|(k, v)| match v {
        Value::String(s) if names.contains(&normalise_key(k).as_str()) && !s.trim().is_empty() => {
            Some((k.clone(), s.trim().to_string()))
        }
        _ => None,
    })
}

/// An author from a string, a list (its first) or a map (its `name`). The
/// flag says that something was left out, so the original goes to `extra`.
fn person(value: &Value) -> Option<(String, bool)> {
    match value {
        Value::String(s) => Some((s.trim().to_string(), false)),
        Value::Number(n) => Some((n.to_string(), false)),
        Value::Array(items) => {
            let (name, lossy) = person(items.first()?)?;
            Some((name, lossy || items.len() > 1))
        }
        Value::Object(map) => {
            let (_, name) = text_in(map, &["name"])?;
            Some((name, map.len() > 1))
        }
        _ => None,
    }
    .filter(|(name, _)| !name.is_empty())
}

/// An image from a string, a list (its first) or a map (`image`, `src`,
/// `path` or `url`, as in Hugo's `cover.image` or jekyll-seo-tag's `image.path`).
fn image(value: &Value) -> Option<(String, bool)> {
    match value {
        Value::String(s) => Some((s.trim().to_string(), false)),
        Value::Array(items) => {
            let (src, lossy) = image(items.first()?)?;
            Some((src, lossy || items.len() > 1))
        }
        Value::Object(map) => {
            let (_, src) = text_in(map, &["image", "src", "path", "url"])?;
            Some((src, map.len() > 1))
        }
        _ => None,
    }
    .filter(|(src, _)| !src.is_empty())
}

/// Turn parsed front matter, the file's name and the body into a post.
/// `now` decides whether a dated post is published or scheduled.
pub(crate) fn build(
    entries: Entries,
    format: Option<Format>,
    file: &FileInfo,
    body: &str,
    now: DateTime<Utc>,
) -> Result<NewPost, String> {
    let mut keys = Keys { entries, format };
    let mut extra = Map::new();

    // Title: front matter, else the first heading, else the file name.
    let title = match keys.take(&["title"]) {
        None | Some((_, Value::Null)) => None,
        Some((_, Value::String(s))) => {
            Some(s.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|s| !s.is_empty())
        }
        Some((key, other)) => {
            let shown = match &other {
                Value::Number(_) | Value::Bool(_) => other.to_string(),
                _ => "My post".to_string(),
            };
            return Err(format!(
                "the title must be text, but `{key}` is {}; put it in double quotes, as in {}",
                describe(&other),
                keys.example(&key, &shown)
            ));
        }
    };
    let (title, body) = match title {
        Some(title) => (title, body),
        None => match take_heading(body) {
            Some((heading, rest)) => (heading, rest),
            None => (
                file.title.clone().unwrap_or_else(|| UNTITLED.to_string()),
                body,
            ),
        },
    };

    // Dates. Hugo's `publishDate` (alias `pubdate`, or `published` when it is a
    // date) is when it went out; `date` when it was written.
    let date = match keys.take(&["date"]) {
        Some((k, v)) => keys.date(&k, v)?,
        None => None,
    };
    let mut publish_date = match keys.take(&["publishdate", "pubdate"]) {
        Some((k, v)) => keys.date(&k, v)?,
        None => None,
    };
    // Jekyll's `published: false` keeps a post off the site.
    let mut published = None;
    if let Some((k, v)) = keys.take(&["published"]) {
        match flag(&k, &v) {
            Ok(f) => published = f,
            Err(_) => publish_date = publish_date.or(keys.date(&k, v)?),
        }
    }
    let draft = match keys.take(&["draft"]) {
        Some((k, v)) => flag(&k, &v)?,
        None => None,
    };
    let created_at = date.or(publish_date).or(file.date);
    let publish_at = publish_date.or(date).or(file.date);
    let status = if draft == Some(true) || published == Some(false) || file.in_drafts {
        Status::Draft
    } else {
        match publish_at {
            Some(at) if at > now => Status::Scheduled,
            Some(_) => Status::Published,
            None => Status::Draft,
        }
    };

    let slug = match keys.take(&["slug"]) {
        Some((k, v)) => keys.text(&k, v)?,
        None => None,
    }
    .or_else(|| file.slug.clone());

    // Tags, then categories merged in, without repeats.
    let mut tags = Vec::new();
    for names in [&["tags", "tag"], &["categories", "category"]] {
        while let Some((k, v)) = keys.take(names) {
            words(&k, v, &mut tags)?;
        }
    }
    let mut seen = std::collections::HashSet::new();
    let tags: Vec<String> = tags
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .collect();

    // The first of summary, description, excerpt; the others kept when they differ.
    let mut summaries = Vec::new();
    for name in ["summary", "description", "excerpt"] {
        if let Some((k, v)) = keys.take(&[name]) {
            if let Some(text) = keys.text(&k, v)? {
                summaries.push((k, text));
            }
        }
    }
    let summary = summaries
        .first()
        .map(|(_, s)| s.clone())
        .unwrap_or_default();
    for (k, text) in summaries.into_iter().skip(1) {
        if text != summary {
            extra.insert(k, Value::String(text));
        }
    }

    let lang = match keys.take(&["lang", "language", "locale"]) {
        Some((k, v)) => match keys.text(&k, v)? {
            Some(code) => Some(code.parse::<Lang>().map_err(|_| {
                format!("the language \"{code}\" in `{k}` is not supported; use en or fr")
            })?),
            None => None,
        },
        None => None,
    };
    let lang = match (lang, &file.lang) {
        (Some(lang), _) => lang,
        (None, Some((_, Some(lang)))) => *lang,
        (None, Some((code, None))) => {
            return Err(format!(
                "the language \"{code}\" in the file name is not supported; use en or fr \
                 (rename the file to end in .en.md or .fr.md, or set lang in the front matter)"
            ))
        }
        (None, None) => Lang::default(),
    };

    let mut author = String::new();
    if let Some((k, v)) = keys.take(&["author"]).or_else(|| keys.take(&["authors"])) {
        match person(&v) {
            Some((name, lossy)) => {
                author = name;
                if lossy {
                    extra.insert(k, v);
                }
            }
            None if v.is_null() => {}
            None => {
                extra.insert(k, v);
            }
        }
    }

    let canonical_url = match keys.take(&["canonicalurl", "canonical"]) {
        Some((k, v)) => keys.text(&k, v)?.unwrap_or_default(),
        None => String::new(),
    };
    let preview_text = match keys.take(&["previewtext", "preheader"]) {
        Some((k, v)) => keys.text(&k, v)?.unwrap_or_default(),
        None => String::new(),
    };

    let mut featured_image = String::new();
    for name in ["featuredimage", "image", "images", "cover"] {
        let Some((k, v)) = keys.take(&[name]) else {
            continue;
        };
        match image(&v) {
            Some((src, lossy)) => {
                featured_image = src;
                if lossy {
                    extra.insert(k, v);
                }
                break;
            }
            // Not an image after all (say, `cover: {hidden: true}`): kept as it was.
            None => keys.entries.push((k, v)),
        }
    }

    for (k, v) in keys.entries {
        extra.entry(k).or_insert(v);
    }

    Ok(NewPost {
        title,
        slug,
        summary,
        preview_text,
        body: body.to_string(),
        lang,
        translation_of: None,
        status,
        tags,
        author,
        created_at,
        publish_at,
        canonical_url,
        featured_image,
        extra,
        ..NewPost::default()
    })
}

//! What a file's name and place say about the post, as Hugo and Jekyll read
//! them: `_posts/2024-03-05-budget-vote.md` (date and slug),
//! `content/posts/my-post/index.fr.md` (slug from the bundle folder, language
//! from the suffix), `_drafts/idea.md` (a draft).

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::Lang;

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct FileInfo {
    /// Jekyll's `YYYY-MM-DD-` prefix.
    pub date: Option<DateTime<Utc>>,
    /// The name without the date prefix, language suffix and extension (the
    /// folder's name for a Hugo bundle's `index.md`).
    pub slug: Option<String>,
    /// `slug` as words, for a post with no title anywhere else.
    pub title: Option<String>,
    /// The language suffix (`post.fr.md`) as written, with what it means.
    pub lang: Option<(String, Option<Lang>)>,
    /// Inside a Jekyll `_drafts` folder.
    pub in_drafts: bool,
    /// The same for all the translations of one post (`post.md`,
    /// `post.fr.md`): the folder and the name without the language suffix.
    pub translation_key: PathBuf,
}

/// Whether `s` looks like a language code Hugo puts before the extension:
/// `fr`, `en`, `pt-br`, `fr_CA`.
fn looks_like_lang(s: &str) -> bool {
    let (base, region) = match s.split_once(['-', '_']) {
        Some((b, r)) => (b, Some(r)),
        None => (s, None),
    };
    base.len() == 2
        && base.chars().all(|c| c.is_ascii_alphabetic())
        && region.is_none_or(|r| {
            (2..=4).contains(&r.len()) && r.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// `2024-03-05-budget-vote` → (2024-03-05, `budget-vote`).
fn jekyll_date(name: &str) -> Option<(DateTime<Utc>, &str)> {
    let (date, rest) = (name.get(..10)?, name.get(10..)?);
    let rest = rest.strip_prefix('-')?;
    if !date.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return None;
    }
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some((day.and_hms_opt(0, 0, 0)?.and_utc(), rest))
}

/// `budget-vote` → `Budget vote`.
fn humanise(name: &str) -> Option<String> {
    let words = name
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = words.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

pub(crate) fn file_info(path: &Path) -> FileInfo {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (base, lang) = match stem.rsplit_once('.') {
        Some((base, suffix)) if !base.is_empty() && looks_like_lang(suffix) => (
            base.to_string(),
            Some((suffix.to_string(), suffix.parse::<Lang>().ok())),
        ),
        _ => (stem.clone(), None),
    };
    let parent = path.parent().unwrap_or(Path::new(""));
    let translation_key = parent.join(&base);
    // A Hugo bundle is named by its folder.
    let name = if base == "index" || base == "_index" {
        parent
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        base
    };
    let (date, rest) = match jekyll_date(&name) {
        Some((date, rest)) => (Some(date), rest.to_string()),
        None => (None, name),
    };
    let rest = rest.trim().to_string();
    FileInfo {
        date,
        title: humanise(&rest),
        slug: (!rest.is_empty()).then_some(rest),
        lang,
        in_drafts: path.components().any(|c| c.as_os_str() == "_drafts"),
        translation_key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn jekyll_post_names() {
        let f = file_info(Path::new("site/_posts/2024-03-05-budget-vote.md"));
        assert_eq!(
            f.date,
            Some(Utc.with_ymd_and_hms(2024, 3, 5, 0, 0, 0).unwrap())
        );
        assert_eq!(f.slug.as_deref(), Some("budget-vote"));
        assert_eq!(f.title.as_deref(), Some("Budget vote"));
        assert_eq!(f.lang, None);
        assert!(!f.in_drafts);
    }

    #[test]
    fn a_date_that_is_not_a_date_stays_in_the_name() {
        let f = file_info(Path::new("2024-13-05-x.md"));
        assert_eq!(f.date, None);
        assert_eq!(f.slug.as_deref(), Some("2024-13-05-x"));
    }

    #[test]
    fn hugo_bundles_and_language_suffixes() {
        let f = file_info(Path::new("content/posts/a-bundle/index.fr.md"));
        assert_eq!(f.slug.as_deref(), Some("a-bundle"));
        assert_eq!(f.lang, Some(("fr".to_string(), Some(Lang::Fr))));
        assert_eq!(f.translation_key, Path::new("content/posts/a-bundle/index"));
        let en = file_info(Path::new("content/posts/a-bundle/index.md"));
        assert_eq!(en.translation_key, f.translation_key);
        assert_eq!(en.lang, None);

        let de = file_info(Path::new("post.de.md"));
        assert_eq!(de.lang, Some(("de".to_string(), None)));
        assert_eq!(de.slug.as_deref(), Some("post"));
        let ca = file_info(Path::new("post.fr-CA.md"));
        assert_eq!(ca.lang, Some(("fr-CA".to_string(), Some(Lang::Fr))));
        // Not language suffixes.
        assert_eq!(file_info(Path::new("v1.2.md")).lang, None);
        assert_eq!(file_info(Path::new("notes.draft.md")).lang, None);
        assert_eq!(file_info(Path::new(".fr.md")).lang, None);
    }

    #[test]
    fn drafts_folder() {
        let f = file_info(Path::new("site/_drafts/idea.md"));
        assert!(f.in_drafts);
        assert_eq!(f.date, None);
        assert_eq!(f.slug.as_deref(), Some("idea"));
    }
}

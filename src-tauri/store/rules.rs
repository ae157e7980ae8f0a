//! The rules a post follows, kept apart from the SQL that stores it: how a
//! title is cleaned, when a draft's slug follows its title, how tags are
//! normalised, which revision an edit cuts and when an autosave is due, how
//! long the trash keeps posts, and what a copy or a translation starts from.
//!
//! Everything here is plain data in, plain data out: no connection, no
//! transaction. The store's SQL modules ask these functions what to do.

use chrono::{DateTime, Duration, Utc};

use crate::error::{Error, Result};
use crate::model::{RevisionReason, Status};
use crate::slug;

/// How long trashed posts are kept before they are purged.
pub const TRASH_DAYS: i64 = 30;
/// The shortest gap between two automatic revisions of one post.
pub const AUTO_REVISION_MINUTES: i64 = 5;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 500;

/// How an edit was made, which decides whether it cuts a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// The author asked to save (Ctrl+S in the app, the `edit` command): always a revision.
    Save,
    /// Autosave while typing: a revision at most every [`AUTO_REVISION_MINUTES`] minutes.
    Autosave,
}

/// Which revision an update cuts, decided by [`revision_for_update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisionPlan {
    /// Always snapshot, even when the words did not change.
    Always(RevisionReason),
    /// Snapshot unless the words are those of the latest revision.
    IfChanged(RevisionReason),
    /// Snapshot when the words changed and the latest revision is old enough
    /// (see [`auto_revision_due`]).
    AutoIfDue,
}

/// A status change always cuts a revision; otherwise an explicit save cuts
/// one when the words changed, and an autosave only every few minutes.
pub fn revision_for_update(status_changed: bool, kind: EditKind) -> RevisionPlan {
    if status_changed {
        return RevisionPlan::Always(RevisionReason::Status);
    }
    match kind {
        EditKind::Save => RevisionPlan::IfChanged(RevisionReason::Save),
        EditKind::Autosave => RevisionPlan::AutoIfDue,
    }
}

/// While autosaving: a revision is due when the latest one is at least
/// [`AUTO_REVISION_MINUTES`] old, or there is none.
pub fn auto_revision_due(latest: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match latest {
        Some(t) => t + Duration::minutes(AUTO_REVISION_MINUTES) <= now,
        None => true,
    }
}

/// Trashed before this moment means expired: purged when a library opens.
pub fn trash_expiry_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(TRASH_DAYS)
}

/// Emptying the trash now takes everything trashed up to this moment.
pub fn empty_trash_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::seconds(1)
}

/// Titles are one line: control characters (newlines, which could end up in
/// an email Subject) become spaces, runs of spaces one space. Empty and
/// over-long titles are refused.
pub fn clean_title(title: &str) -> Result<String> {
    let t: String = title
        .split(|c: char| c.is_control())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Err(Error::invalid("title", "A post needs a title."));
    }
    if t.chars().count() > MAX_TITLE_CHARS {
        return Err(Error::invalid(
            "title",
            "The title is longer than 500 characters; shorten it.",
        ));
    }
    Ok(t)
}

/// The slug a new post starts from: the one asked for, else the title's.
pub fn base_slug(wanted: Option<&str>, title: &str) -> String {
    slug::slugify(wanted.filter(|s| !s.trim().is_empty()).unwrap_or(title))
}

/// A draft's slug follows its title until someone sets it by hand (a
/// published post keeps its URL): true when a retitled post should get the
/// new title's slug.
pub fn slug_follows_title(
    old_title: &str,
    old_slug: &str,
    status: Status,
    new_title: &str,
) -> bool {
    new_title != old_title && status == Status::Draft && old_slug == slug::slugify(old_title)
}

/// A tag as stored: runs of whitespace become one space (empty means none).
pub fn normalize_tag(tag: &str) -> String {
    tag.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The tags as stored: normalised, empty ones dropped, case-insensitive
/// repeats dropped, in the order given.
pub fn normalize_tags(tags: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for t in tags
        .iter()
        .map(|t| normalize_tag(t))
        .filter(|t| !t.is_empty())
    {
        if !kept.iter().any(|s| s.eq_ignore_ascii_case(&t)) {
            kept.push(t);
        }
    }
    kept
}

/// The title of a duplicate.
pub fn copy_title(title: &str) -> String {
    format!("Copy of {title}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_one_line_and_not_empty() {
        assert_eq!(clean_title("  A\nB\t c ").unwrap(), "A B c");
        assert!(clean_title(" \n ").is_err());
        assert!(clean_title(&"x".repeat(MAX_TITLE_CHARS + 1)).is_err());
        assert!(clean_title(&"é".repeat(MAX_TITLE_CHARS)).is_ok());
    }

    #[test]
    fn only_a_draft_with_its_title_slug_follows_a_new_title() {
        assert!(slug_follows_title("Old", "old", Status::Draft, "New"));
        assert!(!slug_follows_title("Old", "custom", Status::Draft, "New"));
        assert!(!slug_follows_title("Old", "old", Status::Published, "New"));
        assert!(!slug_follows_title("Old", "old", Status::Draft, "Old"));
    }

    #[test]
    fn tags_drop_blanks_and_case_repeats() {
        let tags = ["  Bike   lanes ", "", "bike lanes", "Winter"].map(String::from);
        assert_eq!(normalize_tags(&tags), ["Bike lanes", "Winter"]);
    }

    #[test]
    fn revisions_follow_the_cadence() {
        let now = Utc::now();
        assert_eq!(
            revision_for_update(true, EditKind::Autosave),
            RevisionPlan::Always(RevisionReason::Status)
        );
        assert_eq!(
            revision_for_update(false, EditKind::Save),
            RevisionPlan::IfChanged(RevisionReason::Save)
        );
        assert!(auto_revision_due(None, now));
        assert!(auto_revision_due(Some(now - Duration::minutes(5)), now));
        assert!(!auto_revision_due(Some(now - Duration::minutes(4)), now));
    }
}

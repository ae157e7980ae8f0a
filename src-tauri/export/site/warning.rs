//! The warnings a site export gives, as a closed set of kinds each with its
//! values (as the email's [`crate::export::email::EmailNotice`]): the CLI
//! prints the English sentence ([`fmt::Display`]), the app gets the kind and
//! its values too, so its interface can word the warning in its own
//! language (`ui/src/exportText.ts`).

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

use super::safe_body::Removed;

/// Something worth telling the author that did not stop the export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SiteWarning {
    /// A scheduled post without a publish date, exported as a draft.
    ScheduledAsDraft { title: String },
    /// A scheduled post without a publish date, left out of the site.
    ScheduledLeftOut { title: String },
    /// The post's slug is not safe as a file name; it went out as `exported_as`.
    UnsafeSlug {
        title: String,
        slug: String,
        exported_as: String,
    },
    /// An image the post uses (`asset:…`) is not in the library.
    ImageNotInLibrary { title: String, reference: String },
    /// What was removed from the post's page (the preview did not show it either).
    ContentRemoved {
        title: String,
        removed: Vec<Removed>,
    },
    /// The post links to a post page that is not in the export.
    BrokenLink { title: String, link: String },
    /// The folder's manifest (file name `manifest`) was not written by this library.
    ForeignManifest { manifest: String },
    /// A file of an earlier export, no longer part of the site, was changed
    /// by hand; it was left in place.
    StaleFileChanged { path: String },
    /// A file of an earlier export could not be checked; `detail` is the
    /// error's sentence.
    StaleFileUnreadable { path: String, detail: String },
}

/// The English sentence (the CLI's, and the app's in English).
impl fmt::Display for SiteWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteWarning::ScheduledAsDraft { title } => write!(
                f,
                "\u{201c}{title}\u{201d} is scheduled but has no publish date, so it was exported as a draft; set its date."
            ),
            SiteWarning::ScheduledLeftOut { title } => write!(
                f,
                "\u{201c}{title}\u{201d} is scheduled but has no publish date, so it was left out; set its date."
            ),
            SiteWarning::UnsafeSlug {
                title,
                slug,
                exported_as,
            } => write!(
                f,
                "\u{201c}{title}\u{201d}: the slug \"{slug}\" is not safe as a file name; exported as \"{exported_as}\"."
            ),
            SiteWarning::ImageNotInLibrary { title, reference } => write!(
                f,
                "\u{201c}{title}\u{201d}: the image {reference} is not in the library; it was left out."
            ),
            SiteWarning::ContentRemoved { title, removed } => {
                let what: Vec<&str> = removed.iter().map(|r| r.describe()).collect();
                write!(
                    f,
                    "\u{201c}{title}\u{201d}: removed {} from the exported page; the preview did not show it either.",
                    what.join("; ")
                )
            }
            SiteWarning::BrokenLink { title, link } => write!(
                f,
                "\u{201c}{title}\u{201d} links to {link}, which is not a published post of this export."
            ),
            SiteWarning::ForeignManifest { manifest } => write!(
                f,
                "{manifest} in this folder was not written by this library (it came with a copy of the site, from another library or from an older Postdesk): files already there are overwritten only when forced, none are removed, and it is replaced by this library's record."
            ),
            SiteWarning::StaleFileChanged { path } => write!(
                f,
                "{path} is no longer part of the site but was changed since it was exported; it was left in place."
            ),
            SiteWarning::StaleFileUnreadable { detail, .. } => f.write_str(detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same sentences as ui/src/exportText.test.ts pins for the English catalogue.
    #[test]
    fn english_sentences() {
        let title = || "Été".to_string();
        let cases = [
            (
                SiteWarning::ScheduledAsDraft { title: title() },
                "\u{201c}Été\u{201d} is scheduled but has no publish date, so it was exported as a draft; set its date.",
            ),
            (
                SiteWarning::ContentRemoved {
                    title: title(),
                    removed: vec![Removed::Html, Removed::LinkAddress],
                },
                "\u{201c}Été\u{201d}: removed HTML the preview does not show (scripts, event handlers, forms, comments\u{2026}); a link address the preview does not allow from the exported page; the preview did not show it either.",
            ),
            (
                SiteWarning::StaleFileUnreadable {
                    path: "a.md".into(),
                    detail: "Could not read a.md.".into(),
                },
                "Could not read a.md.",
            ),
        ];
        for (warning, english) in cases {
            assert_eq!(warning.to_string(), english);
        }
    }

    #[test]
    fn the_interface_gets_the_kind_and_its_values() {
        let w = SiteWarning::UnsafeSlug {
            title: "T".into(),
            slug: "../x".into(),
            exported_as: "x".into(),
        };
        assert_eq!(
            serde_json::to_value(&w).ok(),
            Some(
                serde_json::json!({"kind": "unsafe_slug", "title": "T", "slug": "../x", "exported_as": "x"})
            )
        );
        let removed = SiteWarning::ContentRemoved {
            title: "T".into(),
            removed: vec![Removed::MailtoFields],
        };
        assert_eq!(
            serde_json::to_value(&removed).ok(),
            Some(
                serde_json::json!({"kind": "content_removed", "title": "T", "removed": ["mailto_fields"]})
            )
        );
    }
}

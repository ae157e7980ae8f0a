//! The commit of a publish: which posts it is about, and its message.

use super::PublishScope;
use crate::error::Result;
use crate::store::Store;

/// The posts the commit is about: those chosen, or (whole site) those with a
/// file written or removed, recognised by their slug in the path.
pub(super) fn post_titles(
    store: &Store,
    scope: &PublishScope,
    written: &[String],
    removed: &[String],
) -> Result<Vec<String>> {
    match scope {
        PublishScope::Posts(ids) => ids
            .iter()
            .map(|id| store.get_post(*id).map(|p| p.title))
            .collect(),
        PublishScope::Site => {
            // Scheduled posts go into the site too, dated in the future.
            let posts = store.list_posts(&crate::model::ListFilter::default())?;
            let touched = |slug: &str| {
                written.iter().chain(removed).any(|p| {
                    p.contains(&format!("/{slug}/")) || p.ends_with(&format!("-{slug}.md"))
                })
            };
            Ok(posts
                .into_iter()
                .filter(|p| {
                    use crate::model::Status;
                    matches!(p.status, Status::Published | Status::Scheduled)
                })
                .filter(|p| touched(&p.slug))
                .map(|p| p.title)
                .collect())
        }
    }
}

/// "Publish “A”, “B” and 3 more" + one line per post.
pub(super) fn commit_message(posts: &[String]) -> String {
    let quoted: Vec<String> = posts
        .iter()
        .map(|t| format!("\u{201c}{t}\u{201d}"))
        .collect();
    let subject = match quoted.as_slice() {
        [] => "Update the site".to_string(),
        [one] => format!("Publish {one}"),
        [a, b] => format!("Publish {a} and {b}"),
        [a, b, rest @ ..] => format!("Publish {a}, {b} and {} more", rest.len()),
    };
    let mut message = format!("{subject}\n\nWritten by Postdesk.\n");
    if posts.len() > 1 {
        message.push('\n');
        for t in posts {
            message += &format!("- {t}\n");
        }
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_messages_name_the_posts() {
        assert_eq!(
            commit_message(&["A".into()]),
            "Publish \u{201c}A\u{201d}\n\nWritten by Postdesk.\n"
        );
        assert!(commit_message(&["A".into(), "B".into(), "C".into()])
            .starts_with("Publish \u{201c}A\u{201d}, \u{201c}B\u{201d} and 1 more\n"));
    }
}

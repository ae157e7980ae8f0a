//! Line diffs between a revision and the current text, for the revision
//! history panel. The UI only paints what this returns.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// `"same"`, `"added"` (only in the newer text) or `"removed"` (only in the older).
    pub kind: &'static str,
    pub text: String,
}

/// The lines of `old` → `new`, unchanged ones included.
pub fn lines(old: &str, new: &str) -> Vec<DiffLine> {
    TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|c| DiffLine {
            kind: match c.tag() {
                ChangeTag::Equal => "same",
                ChangeTag::Insert => "added",
                ChangeTag::Delete => "removed",
            },
            text: c.value().trim_end_matches(['\n', '\r']).to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn marks_added_and_removed_lines() {
        let d = super::lines("a\nb\nc\n", "a\nB\nc\n");
        let kinds: Vec<_> = d.iter().map(|l| (l.kind, l.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                ("same", "a"),
                ("removed", "b"),
                ("added", "B"),
                ("same", "c")
            ]
        );
    }
}

//! Line diffs between a revision and the current text, for the revision
//! history panel. The UI only paints what this returns.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use ts_rs::TS;

/// Where a line of a diff comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    /// In both texts.
    Same,
    /// Only in the newer text.
    Added,
    /// Only in the older text.
    Removed,
}

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffLine {
    pub kind: DiffKind,
    pub text: String,
}

/// The lines of `old` → `new`, unchanged ones included.
pub fn lines(old: &str, new: &str) -> Vec<DiffLine> {
    TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|c| DiffLine {
            kind: match c.tag() {
                ChangeTag::Equal => DiffKind::Same,
                ChangeTag::Insert => DiffKind::Added,
                ChangeTag::Delete => DiffKind::Removed,
            },
            text: c.value().trim_end_matches(['\n', '\r']).to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::DiffKind::{Added, Removed, Same};

    #[test]
    fn marks_added_and_removed_lines() {
        let d = super::lines("a\nb\nc\n", "a\nB\nc\n");
        let kinds: Vec<_> = d.iter().map(|l| (l.kind, l.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![(Same, "a"), (Removed, "b"), (Added, "B"), (Same, "c")]
        );
    }

    #[test]
    fn kinds_cross_ipc_as_lowercase_words() {
        let d = super::lines("a\n", "b\n");
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            json,
            r#"[{"kind":"removed","text":"a"},{"kind":"added","text":"b"}]"#
        );
    }
}

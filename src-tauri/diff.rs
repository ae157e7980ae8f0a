//! Line diffs between a revision and the current text, for the revision
//! history panel. The UI only paints what this returns.
//!
//! Bounded, so a huge paste cannot freeze the app: the lines both texts share
//! at the start and the end are set aside first (linear); when what is left
//! is still too big ([`MAX_COMPARED_LINES`], [`MAX_COMPARED_BYTES`]) nothing
//! is compared and the panel says so in plain words; otherwise the comparison
//! runs under a [`DIFF_TIMEOUT`] deadline, past which `similar` finishes with
//! a coarser (still correct) diff and the panel says that too. A long diff
//! folds its long unchanged stretches into one [`DiffKind::Skipped`] line.

use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffTag};
use ts_rs::TS;

/// How long the line comparison may run before it settles for a coarser diff.
pub const DIFF_TIMEOUT: Duration = Duration::from_millis(500);
/// The most lines (both texts together, shared start and end set aside) compared.
pub const MAX_COMPARED_LINES: usize = 20_000;
/// The most bytes (both texts together, shared start and end set aside) compared.
pub const MAX_COMPARED_BYTES: usize = 2 * 1024 * 1024;
/// Above this many lines, unchanged stretches are folded around the changes.
pub const MAX_SHOWN_LINES: usize = 5_000;
/// Unchanged lines kept on each side of a change when folding.
pub const CONTEXT_LINES: usize = 3;

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
    /// Unchanged lines left out of a long diff; the text says how many.
    Skipped,
}

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffLine {
    pub kind: DiffKind,
    pub text: String,
}

/// A revision compared with the current text, as the History panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RevisionDiff {
    pub lines: Vec<DiffLine>,
    /// Why the lines are not a whole line-by-line diff; `None` for a whole diff.
    pub notice: Option<DiffNotice>,
}

/// Why a comparison is not a whole line-by-line diff. Typed, so the window
/// words it in its own language (ui/src/versionDiff.ts); `Display` is English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DiffNotice {
    /// Too large to compare line by line (no lines are given): about
    /// `removed + added` lines changed.
    TooLarge { removed: usize, added: usize },
    /// The comparison took too long and was simplified: some unchanged
    /// lines may show as removed and added again.
    Simplified,
}

impl std::fmt::Display for DiffNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge { removed, added } => write!(
                f,
                "These versions are too large to compare line by line: about {} lines changed ({removed} in this version, {added} in the current text).",
                removed + added
            ),
            Self::Simplified => f.write_str(
                "This comparison took too long and was simplified: some unchanged lines may show as removed and added again.",
            ),
        }
    }
}

/// A field other than the body that differs between two versions of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DiffField {
    Title,
    /// The teaser written by hand (empty: the first paragraph is used).
    Summary,
}

/// A field's value in the older and in the newer version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldChange {
    pub field: DiffField,
    pub old: String,
    pub new: String,
}

/// Two versions of a post compared: the title and teaser that changed
/// (whole: they are short), then the body line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VersionDiff {
    pub fields: Vec<FieldChange>,
    pub body: RevisionDiff,
}

/// What of a version of a post is compared.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
}

impl<'a> From<&'a crate::model::Revision> for Version<'a> {
    fn from(r: &'a crate::model::Revision) -> Version<'a> {
        Version {
            title: &r.title,
            summary: &r.summary,
            body: &r.body,
        }
    }
}

impl<'a> From<&'a crate::model::Post> for Version<'a> {
    fn from(p: &'a crate::model::Post) -> Version<'a> {
        Version {
            title: &p.title,
            summary: &p.summary,
            body: &p.body,
        }
    }
}

/// `old` → `new`: the changed title and teaser, and the body's diff.
pub fn version_diff(old: Version<'_>, new: Version<'_>) -> VersionDiff {
    let fields = [
        (DiffField::Title, old.title, new.title),
        (DiffField::Summary, old.summary, new.summary),
    ]
    .into_iter()
    .filter(|(_, a, b)| a.trim() != b.trim())
    .map(|(field, a, b)| FieldChange {
        field,
        old: a.to_string(),
        new: b.to_string(),
    })
    .collect();
    VersionDiff {
        fields,
        body: revision_diff(old.body, new.body),
    }
}

/// `old` → `new` line by line, within the bounds above.
pub fn revision_diff(old: &str, new: &str) -> RevisionDiff {
    diff_within(old, new, DIFF_TIMEOUT)
}

/// [`revision_diff`] with its time bound given (tests use a tiny one).
fn diff_within(old: &str, new: &str, timeout: Duration) -> RevisionDiff {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let start = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let end = old_lines[start..]
        .iter()
        .rev()
        .zip(new_lines[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_changed = &old_lines[start..old_lines.len() - end];
    let new_changed = &new_lines[start..new_lines.len() - end];

    let changed_bytes: usize = old_changed.iter().chain(new_changed).map(|l| l.len()).sum();
    if old_changed.len() + new_changed.len() > MAX_COMPARED_LINES
        || changed_bytes > MAX_COMPARED_BYTES
    {
        return RevisionDiff {
            lines: Vec::new(),
            notice: Some(DiffNotice::TooLarge {
                removed: old_changed.len(),
                added: new_changed.len(),
            }),
        };
    }

    let began = Instant::now();
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Myers,
        old_changed,
        new_changed,
        Some(began + timeout),
    );
    let cut_short = began.elapsed() >= timeout;

    let mut marked: Vec<(DiffKind, &str)> =
        Vec::with_capacity(old_lines.len().max(new_lines.len()));
    marked.extend(old_lines[..start].iter().map(|l| (DiffKind::Same, *l)));
    for op in &ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let (old_kind, new_kind) = match tag {
            DiffTag::Equal => (Some(DiffKind::Same), None),
            DiffTag::Delete => (Some(DiffKind::Removed), None),
            DiffTag::Insert => (None, Some(DiffKind::Added)),
            DiffTag::Replace => (Some(DiffKind::Removed), Some(DiffKind::Added)),
        };
        if let Some(kind) = old_kind {
            marked.extend(old_changed[old_range].iter().map(|l| (kind, *l)));
        }
        if let Some(kind) = new_kind {
            marked.extend(new_changed[new_range].iter().map(|l| (kind, *l)));
        }
    }
    marked.extend(
        old_lines[old_lines.len() - end..]
            .iter()
            .map(|l| (DiffKind::Same, *l)),
    );

    let lines = if marked.len() > MAX_SHOWN_LINES {
        fold_unchanged(&marked)
    } else {
        marked
            .iter()
            .map(|&(kind, text)| line(kind, text))
            .collect()
    };
    RevisionDiff {
        lines,
        notice: cut_short.then_some(DiffNotice::Simplified),
    }
}

fn line(kind: DiffKind, text: &str) -> DiffLine {
    DiffLine {
        kind,
        text: text.trim_end_matches(['\n', '\r']).to_string(),
    }
}

/// Keep [`CONTEXT_LINES`] unchanged lines around each change and replace
/// every longer unchanged stretch by one `Skipped` line.
fn fold_unchanged(marked: &[(DiffKind, &str)]) -> Vec<DiffLine> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < marked.len() {
        if marked[i].0 != DiffKind::Same {
            out.push(line(marked[i].0, marked[i].1));
            i += 1;
            continue;
        }
        let run_end = marked[i..]
            .iter()
            .position(|(kind, _)| *kind != DiffKind::Same)
            .map_or(marked.len(), |n| i + n);
        let keep_before = if i == 0 { 0 } else { CONTEXT_LINES };
        let keep_after = if run_end == marked.len() {
            0
        } else {
            CONTEXT_LINES
        };
        let run = &marked[i..run_end];
        if run.len() > keep_before + keep_after + 1 {
            out.extend(run[..keep_before].iter().map(|&(k, t)| line(k, t)));
            let skipped = run.len() - keep_before - keep_after;
            out.push(DiffLine {
                kind: DiffKind::Skipped,
                text: format!("{skipped} unchanged lines"),
            });
            out.extend(
                run[run.len() - keep_after..]
                    .iter()
                    .map(|&(k, t)| line(k, t)),
            );
        } else {
            out.extend(run.iter().map(|&(k, t)| line(k, t)));
        }
        i = run_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::DiffKind::{Added, Removed, Same, Skipped};
    use super::*;

    fn kinds(d: &RevisionDiff) -> Vec<(DiffKind, &str)> {
        d.lines.iter().map(|l| (l.kind, l.text.as_str())).collect()
    }

    /// The texts a whole diff stands for: old from Same+Removed, new from Same+Added.
    fn sides(d: &RevisionDiff) -> (Vec<&str>, Vec<&str>) {
        let pick = |other: DiffKind| {
            d.lines
                .iter()
                .filter(|l| l.kind == Same || l.kind == other)
                .map(|l| l.text.as_str())
                .collect()
        };
        (pick(Removed), pick(Added))
    }

    #[test]
    fn marks_added_and_removed_lines() {
        let d = revision_diff("a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(
            kinds(&d),
            vec![(Same, "a"), (Removed, "b"), (Added, "B"), (Same, "c")]
        );
        assert_eq!(d.notice, None);
    }

    #[test]
    fn a_normal_edit_keeps_every_line_of_both_texts() {
        let old = "# Title\n\nOne.\nTwo.\nThree.\n\nEnd";
        let new = "# New title\n\nOne.\nThree.\nFour.\n\nEnd\n";
        let d = revision_diff(old, new);
        let (o, n) = sides(&d);
        assert_eq!(o, old.lines().collect::<Vec<_>>());
        assert_eq!(n, new.lines().collect::<Vec<_>>());
        assert!(d.lines.iter().all(|l| l.kind != Skipped));
        assert_eq!(d.notice, None);
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(
            kinds(&revision_diff("a\nb", "a\nb")),
            vec![(Same, "a"), (Same, "b")]
        );
        assert_eq!(kinds(&revision_diff("", "x\n")), vec![(Added, "x")]);
        assert_eq!(kinds(&revision_diff("x", "")), vec![(Removed, "x")]);
        assert!(revision_diff("", "").lines.is_empty());
    }

    #[test]
    fn kinds_cross_ipc_as_lowercase_words() {
        let d = revision_diff("a\n", "b\n");
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"lines":[{"kind":"removed","text":"a"},{"kind":"added","text":"b"}],"notice":null}"#
        );
    }

    #[test]
    fn a_five_megabyte_paste_is_not_compared_and_says_so_quickly() {
        let old = "Intro.\n\nBody.\n";
        let paste: String = (0..100_000)
            .map(|i| format!("pasted line number {i:>30}\n"))
            .collect();
        assert!(paste.len() >= 5_000_000);
        let new = format!("Intro.\n\n{paste}Body.\n");
        let began = Instant::now();
        let d = revision_diff(old, &new);
        assert!(
            began.elapsed() < Duration::from_secs(2),
            "{:?}",
            began.elapsed()
        );
        assert!(d.lines.is_empty());
        let notice = d.notice.map(|n| n.to_string()).unwrap_or_default();
        assert!(notice.contains("too large to compare"), "{notice}");
        assert!(notice.contains("about 100000 lines changed"), "{notice}");
    }

    #[test]
    fn a_five_megabyte_single_line_is_not_compared() {
        let d = revision_diff("short", &"x".repeat(5 * 1024 * 1024));
        assert!(d.lines.is_empty());
        assert_eq!(
            d.notice,
            Some(DiffNotice::TooLarge {
                removed: 1,
                added: 1
            })
        );
    }

    #[test]
    fn a_slow_comparison_stops_at_the_deadline_and_stays_correct() {
        // Within the size caps, but Myers needs over a second on this in a
        // debug build: many short lines from a small set, in unrelated orders.
        let text = |mul: u64, shift: u32| -> String {
            (0..9_999u64)
                .map(|i| format!("{}\n", (i.wrapping_mul(mul) >> shift) % 20))
                .collect()
        };
        let (old, new) = (text(2_654_435_761, 7), text(40_503, 5));
        let timeout = Duration::from_millis(1);
        let began = Instant::now();
        let d = diff_within(&old, &new, timeout);
        assert!(
            began.elapsed() < Duration::from_millis(800),
            "{:?}",
            began.elapsed()
        );
        assert_eq!(d.notice, Some(DiffNotice::Simplified));
        // Coarser, still a diff of these two texts: nothing lost or made up.
        assert!(d.lines.iter().all(|l| l.kind != Skipped));
        let (o, n) = sides(&d);
        assert_eq!(o, old.lines().collect::<Vec<_>>());
        assert_eq!(n, new.lines().collect::<Vec<_>>());
    }

    #[test]
    fn a_small_change_in_a_long_text_folds_the_unchanged_stretches() {
        let old: String = (0..20_000).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 10000\n", "line ten thousand\n");
        let d = revision_diff(&old, &new);
        assert_eq!(d.notice, None);
        assert_eq!(
            kinds(&d),
            vec![
                (Skipped, "9997 unchanged lines"),
                (Same, "line 9997"),
                (Same, "line 9998"),
                (Same, "line 9999"),
                (Removed, "line 10000"),
                (Added, "line ten thousand"),
                (Same, "line 10001"),
                (Same, "line 10002"),
                (Same, "line 10003"),
                (Skipped, "9996 unchanged lines"),
            ]
        );
    }
}

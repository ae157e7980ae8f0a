//! One step of a site export, as the progress callback reports it: a kind
//! the app words in its own language, what it is about (a file's path or a
//! post's title), and the English sentence the CLI and the English
//! interface show (`Display`).

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

/// What an export is doing at a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Rendering a post; the subject is its title.
    Preparing,
    /// Every chosen post is rendered.
    Prepared,
    /// Comparing a file with the folder; the subject is its path.
    Checking,
    /// Writing a file; the subject is its path.
    Writing,
    /// Removing a file of an earlier export; the subject is its path.
    Removing,
    /// The export is written.
    Done,
}

/// A step of an export: its kind and what it is about (empty for
/// `Prepared` and `Done`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step<'a> {
    pub kind: StepKind,
    pub subject: &'a str,
}

impl<'a> Step<'a> {
    pub fn new(kind: StepKind, subject: &'a str) -> Self {
        Step { kind, subject }
    }
}

/// The English sentence: `Checking posts/a/index.md`, `Preparing “Title”`.
impl fmt::Display for Step<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.subject;
        match self.kind {
            StepKind::Preparing => write!(f, "Preparing \u{201c}{s}\u{201d}"),
            StepKind::Prepared => f.write_str("Prepared"),
            StepKind::Checking => write!(f, "Checking {s}"),
            StepKind::Writing => write!(f, "Writing {s}"),
            StepKind::Removing => write!(f, "Removing {s}"),
            StepKind::Done => f.write_str("Done"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_sentences() {
        let line = |kind, subject| Step::new(kind, subject).to_string();
        assert_eq!(
            line(StepKind::Preparing, "Hi"),
            "Preparing \u{201c}Hi\u{201d}"
        );
        assert_eq!(line(StepKind::Prepared, ""), "Prepared");
        assert_eq!(line(StepKind::Checking, "a/b.md"), "Checking a/b.md");
        assert_eq!(line(StepKind::Writing, "a/b.md"), "Writing a/b.md");
        assert_eq!(line(StepKind::Removing, "old.md"), "Removing old.md");
        assert_eq!(line(StepKind::Done, ""), "Done");
    }
}

//! Refusing YAML anchors (`&name`) and aliases (`*name`) in front matter.
//! An alias repeats the value its anchor names, and aliases of aliases
//! repeat it again ("billion laughs"): a few hundred bytes can expand into
//! gigabytes. Front matter has no need of them, so they are refused before
//! the parser expands anything.
//!
//! This is a scanner, not a parser: it follows quoted text, comments, block
//! text (`|`, `>`) and flow lists and groups just well enough to know where
//! a value can begin, and reports an `&` or `*` there. An `&` inside text
//! (`title: Tom & Jerry`) is not where a value begins and is let through. It
//! errs on the side of refusing: a value starting with `&` or `*` on a
//! continuation line is refused too, and the message says to quote it.

/// The message for front matter with an anchor or alias, on `line` of the
/// file when known.
pub(crate) fn refusal(line: Option<usize>) -> String {
    let on_line = line.map(|n| format!(" on line {n}")).unwrap_or_default();
    format!(
        "the YAML front matter uses an anchor or alias (`&name` or `*name`){on_line}, which \
         Postdesk does not expand, so that a small file cannot grow into a huge one; write the \
         value out in full, or if the `&` or `*` is part of the text, put the whole value in double quotes"
    )
}

/// Where a quoted value or a block of text is, carried from line to line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// The lines of a `|` or `>` block: those indented more than `parent`.
    Block {
        parent: usize,
    },
}

/// The line (1-based, within `text`) of the first anchor or alias, if any.
pub(crate) fn first_anchor_or_alias(text: &str) -> Option<usize> {
    let mut state = State::Plain;
    let mut flow_depth = 0usize;
    for (index, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let State::Block { parent } = state {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            state = State::Plain;
        }
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        // Whether a value (or key) may begin at the next character.
        let mut expect_node = true;
        // The column of the key or `-` entry the current value belongs to.
        let mut entry_col = indent;
        let mut i = 0;
        while i < chars.len() {
            let (col, c) = chars[i];
            let next = chars.get(i + 1).map(|&(_, c)| c);
            let space_or_end = next.is_none_or(|n| n == ' ' || n == '\t');
            i += 1;
            match state {
                State::SingleQuoted => {
                    if c == '\'' {
                        if next == Some('\'') {
                            i += 1;
                        } else {
                            state = State::Plain;
                        }
                    }
                    continue;
                }
                State::DoubleQuoted => {
                    if c == '\\' {
                        i += 1;
                    } else if c == '"' {
                        state = State::Plain;
                    }
                    continue;
                }
                State::Block { .. } | State::Plain => {}
            }
            let after_space = col == 0 || line[..col].ends_with([' ', '\t']);
            if c == ' ' || c == '\t' {
                continue;
            }
            if c == '#' && after_space {
                break;
            }
            if expect_node {
                match c {
                    '&' | '*' => return Some(index + 1),
                    '-' | '?' | ':' if space_or_end => {
                        if c == '-' && flow_depth == 0 {
                            entry_col = col;
                        }
                    }
                    '!' => {
                        // A tag: skip to the end of it; a value may follow.
                        while i < chars.len() && !matches!(chars[i].1, ' ' | '\t') {
                            i += 1;
                        }
                    }
                    '"' | '\'' => {
                        state = if c == '"' {
                            State::DoubleQuoted
                        } else {
                            State::SingleQuoted
                        };
                        if flow_depth == 0 {
                            entry_col = col;
                        }
                        expect_node = false;
                    }
                    '[' | '{' => flow_depth += 1,
                    ']' | '}' => {
                        flow_depth = flow_depth.saturating_sub(1);
                        expect_node = false;
                    }
                    ',' if flow_depth > 0 => {}
                    '|' | '>' if flow_depth == 0 => {
                        state = State::Block { parent: entry_col };
                        break;
                    }
                    _ => {
                        if flow_depth == 0 {
                            entry_col = col;
                        }
                        expect_node = false;
                    }
                }
            } else {
                match c {
                    ':' if space_or_end || flow_depth > 0 => expect_node = true,
                    ',' if flow_depth > 0 => expect_node = true,
                    ']' | '}' if flow_depth > 0 => flow_depth -= 1,
                    _ => {}
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<usize> {
        first_anchor_or_alias(text)
    }

    #[test]
    fn anchors_and_aliases_are_found_where_values_begin() {
        assert_eq!(found("a: &x 1\nb: *x\n"), Some(1));
        assert_eq!(found("a: 1\nb: *x\n"), Some(2));
        assert_eq!(found("list:\n  - one\n  - &x two\n"), Some(3));
        assert_eq!(found("- *x\n"), Some(1));
        assert_eq!(found("tags: [a, *x]\n"), Some(1));
        assert_eq!(found("tags: [a,*x]\n"), Some(1));
        assert_eq!(found("p: {k: &x v}\n"), Some(1));
        assert_eq!(found("p: {\"k\":*x}\n"), Some(1));
        assert_eq!(found("a: !!str &x v\n"), Some(1));
        assert_eq!(found("&x a: 1\n"), Some(1));
        assert_eq!(found("? &x a\n: 1\n"), Some(1));
        assert_eq!(found("a:\n  &x\n  b: 1\n"), Some(2));
        assert_eq!(found("a: |\n  text\nb: *x\n"), Some(3));
        assert_eq!(found("- k: |\n    text\n  j: *x\n"), Some(3));
        assert_eq!(found("a: \"multi\n line\"\nb: *x\n"), Some(3));
        assert_eq!(found("a: 'it''s'\nb: &x 1\n"), Some(2));
        assert_eq!(found("a: [\n  1,\n  *x\n]\n"), Some(3));
    }

    #[test]
    fn ampersands_and_stars_in_text_are_not_anchors() {
        for text in [
            "title: Tom & Jerry\n",
            "title: 5 * 3 = 15\n",
            "title: \"*Breaking* & news\"\n",
            "title: '&amp; *x'\n",
            "url: https://example.org/?a=1&b=*\n",
            "title: A # comment with &x and *y\n",
            "# &x\ntitle: A\n",
            "body: |\n  &x and\n  *y at the start of lines\nnext: 1\n",
            "body: >-\n  *x\n\n  &y\n",
            "- k: |\n    *x\n",
            "tags: [Tom & Jerry, a*b]\n",
            "title: \"say \\\"&x\\\"\"\n",
            "title: it's & so\n",
            "a: b:&c\n",
        ] {
            assert_eq!(found(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_refusal_names_the_line_and_the_fix() {
        let m = refusal(Some(4));
        assert!(
            m.contains("anchor or alias (`&name` or `*name`) on line 4"),
            "{m}"
        );
        assert!(m.ends_with("put the whole value in double quotes"), "{m}");
    }
}

//! Step one: cut a document into its front matter and its body, as Zola's
//! `split_content` does, before anything is parsed.

/// The language the front matter is written in, told by its fence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Between `---` lines (Jekyll, Hugo).
    Yaml,
    /// Between `+++` lines (Hugo).
    Toml,
}

impl Format {
    pub(crate) fn fence(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
        }
    }
}

/// The front matter as written, before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FrontMatter<'a> {
    pub format: Format,
    /// The lines between the fences.
    pub text: &'a str,
    /// The line of the file (1-based) where `text` starts, so that parse
    /// errors can point at the line as the author sees it in an editor.
    pub first_line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    pub front: Option<FrontMatter<'a>>,
    pub body: &'a str,
}

/// A byte-order mark is dropped and CRLF line endings become LF, so that the
/// rest of the importer (and the stored body) only ever sees `\n`.
pub(crate) fn normalise(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
}

/// A line without its line ending and trailing spaces or tabs.
fn trimmed(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r', ' ', '\t'])
}

/// Whether the line holds nothing but whitespace.
fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Drop the blank lines at the start of `text`, keeping the indentation of
/// the first line that has something on it.
pub(crate) fn skip_blank_lines(text: &str) -> &str {
    let mut rest = text;
    while let Some(end) = rest.find('\n') {
        if is_blank(&rest[..end]) {
            rest = &rest[end + 1..];
        } else {
            return rest;
        }
    }
    if is_blank(rest) {
        ""
    } else {
        rest
    }
}

/// Split `text` (already [`normalise`]d). The front matter is recognised only
/// when its opening fence is the first line that is not blank. Jekyll also
/// closes YAML with `...`, so that is accepted too.
///
/// The error is the message for an opening fence that is never closed.
pub(crate) fn split(text: &str) -> Result<Split<'_>, String> {
    let mut offset = 0;
    let mut line_no = 0;
    let mut lines = text.split_inclusive('\n');
    let format = loop {
        let Some(line) = lines.next() else {
            return Ok(Split {
                front: None,
                body: text,
            });
        };
        line_no += 1;
        offset += line.len();
        if is_blank(line) {
            continue;
        }
        match trimmed(line) {
            "---" => break Format::Yaml,
            "+++" => break Format::Toml,
            _ => {
                return Ok(Split {
                    front: None,
                    body: skip_blank_lines(text),
                })
            }
        }
    };
    let opening_line = line_no;
    let start = offset;
    for line in lines {
        let fence = trimmed(line);
        if fence == format.fence() || (format == Format::Yaml && fence == "...") {
            return Ok(Split {
                front: Some(FrontMatter {
                    format,
                    text: &text[start..offset],
                    first_line: opening_line + 1,
                }),
                body: skip_blank_lines(&text[offset + line.len()..]),
            });
        }
        offset += line.len();
    }
    let fence = format.fence();
    Err(format!(
        "the front matter opens with `{fence}` on line {opening_line} but the closing `{fence}` line was not found; \
         add a line with only `{fence}` after the last front matter line"
    ))
}

/// Take a level-one heading (`# Title`, or `Title` underlined with `===`)
/// from the first line of `body` that is not blank. Returns the heading's
/// text and the body without it.
pub(crate) fn take_heading(body: &str) -> Option<(String, &str)> {
    let body = skip_blank_lines(body);
    let (first, rest) = body.split_once('\n').unwrap_or((body, ""));
    let indent = first.len() - first.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let first = first.trim();
    if let Some(after) = first.strip_prefix('#') {
        // `# Title`, `#` alone or `# Title #`; `##` is a lower level and `#Title` is not a heading.
        if !(after.is_empty() || after.starts_with([' ', '\t'])) {
            return None;
        }
        let text = after.trim();
        let text = match text.trim_end_matches('#') {
            t if t.is_empty() || t.ends_with([' ', '\t']) => t.trim(),
            _ => text,
        };
        if text.is_empty() {
            return None;
        }
        return Some((text.to_string(), skip_blank_lines(rest)));
    }
    // A setext heading: the line under the text is only `=` (up to three spaces before).
    let (second, after) = rest.split_once('\n').unwrap_or((rest, ""));
    let underline = second.trim_end();
    let under_indent = underline.len() - underline.trim_start_matches(' ').len();
    let underline = underline.trim_start();
    if !first.is_empty()
        && under_indent <= 3
        && !underline.is_empty()
        && underline.chars().all(|c| c == '=')
    {
        return Some((first.to_string(), skip_blank_lines(after)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_cut_from_the_body() {
        let s = split("---\ntitle: A\n---\n\nBody\n").unwrap();
        let fm = s.front.unwrap();
        assert_eq!(fm.format, Format::Yaml);
        assert_eq!(fm.text, "title: A\n");
        assert_eq!(fm.first_line, 2);
        assert_eq!(s.body, "Body\n");
    }

    #[test]
    fn toml_fences_and_trailing_spaces_and_leading_blank_lines() {
        let s = split("\n+++  \ntitle = \"A\"\n+++\t\nBody").unwrap();
        let fm = s.front.unwrap();
        assert_eq!(fm.format, Format::Toml);
        assert_eq!(fm.text, "title = \"A\"\n");
        assert_eq!(fm.first_line, 3);
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn yaml_may_close_with_dots_and_be_empty() {
        let s = split("---\n...\nBody").unwrap();
        assert_eq!(s.front.unwrap().text, "");
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn no_fence_means_no_front_matter() {
        let s = split("\n\n# Title\n---\n").unwrap();
        assert_eq!(s.front, None);
        assert_eq!(s.body, "# Title\n---\n");
        assert_eq!(split("").unwrap().front, None);
    }

    #[test]
    fn an_unclosed_fence_is_an_error_naming_the_fence() {
        let e = split("---\ntitle: A\nBody\n").unwrap_err();
        assert!(e.contains("closing `---` line was not found"), "{e}");
        let e = split("+++\ntitle = 'A'").unwrap_err();
        assert!(e.contains("closing `+++` line"), "{e}");
    }

    #[test]
    fn bom_and_crlf_are_normalised() {
        assert_eq!(normalise("\u{feff}---\r\na: 1\r\n"), "---\na: 1\n");
    }

    #[test]
    fn headings() {
        assert_eq!(
            take_heading("\n# Hello world #\n\nText"),
            Some(("Hello world".to_string(), "Text"))
        );
        assert_eq!(
            take_heading("Hello\n=====\nText"),
            Some(("Hello".to_string(), "Text"))
        );
        assert_eq!(take_heading("# C#\nx"), Some(("C#".to_string(), "x")));
        assert_eq!(take_heading("## Second level\n"), None);
        assert_eq!(take_heading("#hashtag\n"), None);
        assert_eq!(take_heading("Intro\n\n# Later\n"), None);
        assert_eq!(take_heading("    # code\n"), None);
    }
}

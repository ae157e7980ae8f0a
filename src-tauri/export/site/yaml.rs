//! YAML front matter for Hugo and Jekyll, serialized by serde_yaml (never by
//! pasting strings together), so any title stays one valid YAML string.
//!
//! serde_yaml writes YAML 1.2, but Jekyll (Ruby's Psych) and Hugo 0.111
//! (go-yaml v2) read YAML 1.1, where a bare `yes`, `on`, `no`, `2024-03-05`
//! or `12:30` is a boolean, a date or a number. So after serializing, a plain
//! scalar that a YAML 1.1 reader could take for anything but a string is put
//! in single quotes (those scalars hold no quote, so nothing needs escaping),
//! and the result is parsed back and compared with the value, which catches
//! any mistake here before a file is written.

use serde::Serialize;

use crate::error::{Error, Result};

/// The front matter block, `---` lines included.
pub(crate) fn front_matter<T: Serialize>(value: &T) -> Result<String> {
    let yaml = serde_yaml::to_string(value).map_err(yaml_error)?;
    let quoted: String = yaml.lines().map(|line| quote_line(line) + "\n").collect();
    let back: serde_yaml::Value = serde_yaml::from_str(&quoted).map_err(yaml_error)?;
    if back != serde_yaml::to_value(value).map_err(yaml_error)? {
        return Err(Error::invalid(
            "front matter",
            "The front matter did not survive a round trip through YAML.",
        ));
    }
    Ok(format!("---\n{quoted}---\n"))
}

fn yaml_error(e: serde_yaml::Error) -> Error {
    Error::invalid("front matter", format!("Could not write front matter: {e}"))
}

/// Quote the value of a top-level `key: value` or `- value` line when a
/// YAML 1.1 reader would not read it as a string. Indented lines (there are
/// none in our flat front matter) are left alone.
fn quote_line(line: &str) -> String {
    let (head, value) = if let Some(v) = line.strip_prefix("- ") {
        ("- ", v)
    } else {
        match line.split_once(": ") {
            Some((k, v))
                if !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
            {
                (&line[..k.len() + 2], v)
            }
            _ => return line.to_string(),
        }
    };
    if is_plain(value) && ambiguous_in_yaml11(value) && is_yaml12_string(value) {
        format!("{head}'{value}'")
    } else {
        line.to_string()
    }
}

/// A scalar written without quotes or indicators.
fn is_plain(v: &str) -> bool {
    !v.is_empty() && !v.starts_with(['\'', '"', '|', '>', '[', '{', '&', '*', '!'])
}

/// serde_yaml quotes every string YAML 1.2 would read as something else, so
/// a plain `false` or `12` it wrote is a real boolean or number: left alone.
fn is_yaml12_string(v: &str) -> bool {
    matches!(
        serde_yaml::from_str::<serde_yaml::Value>(v),
        Ok(serde_yaml::Value::String(_))
    )
}

/// True for what YAML 1.1 (or Psych) reads as a boolean, null, number,
/// date, symbol or merge key.
fn ambiguous_in_yaml11(v: &str) -> bool {
    const WORDS: &[&str] = &[
        "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~",
    ];
    if WORDS.iter().any(|w| w.eq_ignore_ascii_case(v)) || v == "=" || v == "<<" {
        return true;
    }
    // Ruby's Psych reads `:word` as a Symbol, which Jekyll then refuses to load.
    if v.starts_with(':') {
        return true;
    }
    // Numbers (1_000, Psych's 1,000, 0b1, 0x1f, 1:20 in base 60, .inf) and
    // dates all start with a digit, a sign or a dot and hold nothing outside this set.
    v.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c))
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+-.:, ".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Fm<'a> {
        title: &'a str,
        tags: Vec<&'a str>,
    }

    #[test]
    fn real_booleans_and_numbers_stay_plain() {
        #[derive(Serialize)]
        struct Typed {
            draft: bool,
            weight: i32,
            title: &'static str,
        }
        let fm = front_matter(&Typed {
            draft: false,
            weight: 12,
            title: "false",
        })
        .unwrap();
        assert_eq!(fm, "---\ndraft: false\nweight: 12\ntitle: 'false'\n---\n");
    }

    #[test]
    fn yaml11_lookalikes_are_quoted() {
        let fm = front_matter(&Fm {
            title: "yes",
            tags: vec!["on", "2024-03-05", "12:30", "plain words", ":sym", "1,000"],
        })
        .unwrap();
        assert!(fm.contains("title: 'yes'\n"), "{fm}");
        assert!(fm.contains("- 'on'\n"), "{fm}");
        assert!(fm.contains("- '2024-03-05'\n"), "{fm}");
        assert!(fm.contains("- '12:30'\n"), "{fm}");
        assert!(fm.contains("- plain words\n"), "{fm}");
        assert!(fm.contains("- ':sym'\n"), "{fm}");
        assert!(fm.contains("- '1,000'\n"), "{fm}");
    }

    #[test]
    fn hostile_titles_stay_one_string() {
        for title in [
            "---",
            "+++",
            "*anchor",
            "&a",
            "!tag",
            "a: b",
            "# no",
            "{x",
            "[x",
            "| x",
            "> x",
            "'quoted'",
            "\"dq\"",
            "%TAG",
            "@x",
            "`x",
            "multi\nline",
            "nul\0byte",
            "\u{200f}rtl",
            "🎉",
            "...",
            "- item",
            "? key",
        ] {
            let fm = front_matter(&Fm {
                title,
                tags: vec![],
            })
            .unwrap();
            let body = fm
                .strip_prefix("---\n")
                .and_then(|s| s.strip_suffix("---\n"))
                .unwrap();
            let v: serde_yaml::Value = serde_yaml::from_str(body).unwrap();
            assert_eq!(v["title"].as_str(), Some(title), "{fm}");
            assert!(!body.lines().any(|l| l == "---" || l == "..."), "{fm}");
        }
    }
}

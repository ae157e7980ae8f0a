//! Step two: parse the front matter (YAML or TOML) into plain JSON values,
//! keeping the order the keys were written in (YAML; TOML tables are sorted).
//! TOML datetimes become their text, which [`super::date`] reads back.
//! Front matter over [`super::limits`] (size, nesting) and YAML with anchors
//! or aliases ([`super::yaml_anchors`]) are refused before they are parsed.

use serde_json::Value;

use super::limits;
use super::split::{Format, FrontMatter};
use super::yaml_anchors;

/// The keys and values of the front matter, in order.
pub(crate) type Entries = Vec<(String, Value)>;

/// Parse the front matter. The error is the message for the person.
pub(crate) fn parse(front: &FrontMatter<'_>) -> Result<Entries, String> {
    limits::check_size(front)?;
    let entries = match front.format {
        Format::Yaml => parse_yaml(front),
        Format::Toml => parse_toml(front),
    }?;
    limits::check_nesting(&entries)?;
    Ok(entries)
}

fn parse_yaml(front: &FrontMatter<'_>) -> Result<Entries, String> {
    if let Some(line) = yaml_anchors::first_anchor_or_alias(front.text) {
        return Err(yaml_anchors::refusal(Some(front.first_line + line - 1)));
    }
    // Blank lines in place of what came before the front matter make the
    // parser's line numbers those of the file.
    let padded = "\n".repeat(front.first_line.saturating_sub(1)) + front.text;
    let mut value: serde_yaml::Value = serde_yaml::from_str(&padded).map_err(|e| {
        let message = e.to_string();
        if limits::is_parser_recursion_limit(&message) {
            return limits::too_deep();
        }
        if message.contains("repetition limit") {
            return yaml_anchors::refusal(None);
        }
        // Where the construct that failed began (`while scanning a quoted
        // scalar at line 2 column 8`) names the key better than where it failed.
        let line = context_line(&message).or_else(|| e.location().map(|l| l.line()));
        format!(
            "the YAML front matter is not valid: {message}; {}",
            yaml_hint(&message, &padded, line)
        )
    })?;
    value.apply_merge().map_err(|e| {
        format!("the YAML front matter is not valid: {e}; check the `<<` merge keys")
    })?;
    match value {
        serde_yaml::Value::Null => Ok(Vec::new()),
        serde_yaml::Value::Mapping(map) => Ok(map
            .into_iter()
            .map(|(k, v)| (yaml_key(k), yaml_to_json(v)))
            .collect()),
        other => Err(format!(
            "the front matter is {}, not `key: value` lines; write it as lines such as `title: My post`",
            describe(&yaml_to_json(other))
        )),
    }
}

/// The line in the `while … at line N` part of a YAML error message.
fn context_line(message: &str) -> Option<usize> {
    let context = &message[message.find(", while ")?..];
    let after = &context[context.find(" at line ")? + " at line ".len()..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// A suggestion for the commonest YAML mistakes, naming the key on the line
/// the parser stopped at (or the nearest one above it).
fn yaml_hint(message: &str, text: &str, line: Option<usize>) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let key = line.and_then(|n| {
        lines[..n.min(lines.len())]
            .iter()
            .rev()
            .find_map(|l| yaml_line_key(l))
    });
    let value_of = key
        .as_deref()
        .map(|k| format!("the value of `{k}`"))
        .unwrap_or_else(|| "the value".to_string());
    let indented = line
        .and_then(|n| lines.get(n.wrapping_sub(1)))
        .is_some_and(|l| l.starts_with([' ', '\t']));
    if message.contains("mapping values are not allowed") && indented {
        format!(
            "if {value_of} contains a colon, put the whole value in double quotes; \
             otherwise check the indentation of that line"
        )
    } else if message.contains("mapping values are not allowed") {
        format!("if {value_of} contains a colon, put the whole value in double quotes")
    } else if message.contains("quoted scalar") {
        format!("check that the quotes around {value_of} are closed")
    } else if message.contains("cannot start any token")
        || message.contains("did not find expected")
    {
        format!("put {value_of} in double quotes")
    } else if let Some(rest) = message.split_once("duplicate entry with key \"") {
        let key = rest.1.split('"').next().unwrap_or_default();
        format!("remove one of the two lines that set `{key}`")
    } else {
        "check the quotes, colons and indentation on that line".to_string()
    }
}

/// The key of a `key: value` line, if the line looks like one.
fn yaml_line_key(line: &str) -> Option<String> {
    let (key, _) = line.trim_start().trim_start_matches("- ").split_once(':')?;
    let key = key.trim().trim_matches(['"', '\'']);
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'));
    plain.then(|| key.to_string())
}

fn yaml_key(key: serde_yaml::Value) -> String {
    match key {
        serde_yaml::Value::String(s) => s,
        other => match yaml_to_json(other) {
            Value::String(s) => s,
            v => v.to_string(),
        },
    }
}

fn yaml_to_json(value: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map(Value::Number)
                    .unwrap_or_else(|| Value::String(n.to_string()))
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (yaml_key(k), yaml_to_json(v)))
                .collect(),
        ),
        Y::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn parse_toml(front: &FrontMatter<'_>) -> Result<Entries, String> {
    let table: toml::Table = front.text.parse().map_err(|e: toml::de::Error| {
        if limits::is_parser_recursion_limit(e.message()) {
            return limits::too_deep();
        }
        let message = e
            .message()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        let at = e
            .span()
            .map(|span| {
                let before = &front.text[..span.start.min(front.text.len())];
                let line = front.first_line + before.matches('\n').count();
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!(" at line {line} column {column}")
            })
            .unwrap_or_default();
        format!(
            "the TOML front matter is not valid: {message}{at}; \
             text values need double quotes, as in title = \"My post\""
        )
    })?;
    Ok(table
        .into_iter()
        .map(|(k, v)| (k, toml_to_json(v)))
        .collect())
}

fn toml_to_json(value: toml::Value) -> Value {
    use toml::Value as T;
    match value {
        T::String(s) => Value::String(s),
        T::Integer(i) => Value::from(i),
        T::Float(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(f.to_string())),
        T::Boolean(b) => Value::Bool(b),
        T::Datetime(d) => Value::String(d.to_string()),
        T::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        T::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// What kind of value this is, in words, for error messages.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "empty".to_string(),
        Value::Bool(b) => format!("true or false ({b})"),
        Value::Number(n) => format!("a number ({n})"),
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a group of keys".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn yaml(text: &str, first_line: usize) -> Result<Entries, String> {
        parse(&FrontMatter {
            format: Format::Yaml,
            text,
            first_line,
        })
    }

    fn toml(text: &str, first_line: usize) -> Result<Entries, String> {
        parse(&FrontMatter {
            format: Format::Toml,
            text,
            first_line,
        })
    }

    #[test]
    fn yaml_keeps_order_and_types() {
        let e = yaml(
            "title: A\ndate: 2024-03-05\ncount: 3\nok: true\ntags: [a, b]\n",
            2,
        )
        .unwrap();
        let keys: Vec<&str> = e.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["title", "date", "count", "ok", "tags"]);
        assert_eq!(e[1].1, json!("2024-03-05"));
        assert_eq!(e[2].1, json!(3));
        assert_eq!(e[3].1, json!(true));
        assert_eq!(e[4].1, json!(["a", "b"]));
    }

    #[test]
    fn yaml_errors_give_the_file_line_and_a_fix() {
        // The front matter starts on line 2 of the file; the bad line is line 3.
        let e = yaml("layout: post\ntitle: Budget: the vote\n", 2).unwrap_err();
        assert!(
            e.starts_with("the YAML front matter is not valid: mapping values are not allowed"),
            "{e}"
        );
        assert!(e.contains("line 3 column"), "{e}");
        assert!(e.contains("the value of `title`"), "{e}");
        assert!(e.contains("double quotes"), "{e}");
    }

    #[test]
    fn yaml_hints_name_the_key_where_the_value_began() {
        let e = yaml("title: \"unclosed\nx: 1\n", 2).unwrap_err();
        assert!(
            e.ends_with("check that the quotes around the value of `title` are closed"),
            "{e}"
        );
        let e = yaml("title: a\n  bad: indent\n", 2).unwrap_err();
        assert!(
            e.ends_with("otherwise check the indentation of that line"),
            "{e}"
        );
        let e = yaml("title: `x`\n", 2).unwrap_err();
        assert!(
            e.ends_with("put the value of `title` in double quotes"),
            "{e}"
        );
        let e = yaml("title: a\ntitle: b\n", 2).unwrap_err();
        assert!(
            e.ends_with("remove one of the two lines that set `title`"),
            "{e}"
        );
    }

    #[test]
    fn yaml_must_be_a_mapping() {
        let e = yaml("- a\n- b\n", 2).unwrap_err();
        assert!(e.contains("is a list, not `key: value` lines"), "{e}");
        assert_eq!(yaml("", 2).unwrap(), Vec::new());
        assert_eq!(yaml("# only a comment\n", 2).unwrap(), Vec::new());
    }

    #[test]
    fn yaml_merge_keys_and_odd_keys() {
        let e = yaml(
            "base: 1\npost:\n  <<: {author: Ana}\n  x: 1\n2024: year\n",
            2,
        )
        .unwrap();
        assert_eq!(e[1].1, json!({"author": "Ana", "x": 1}));
        assert_eq!(e[2].0, "2024");
    }

    #[test]
    fn yaml_anchors_and_aliases_are_refused_with_the_file_line() {
        // Merging through an alias was accepted before issue #9; aliases can
        // expand a small file into a huge one, so all of them are refused.
        let e = yaml("base: &b {author: Ana}\npost:\n  <<: *b\n", 2).unwrap_err();
        assert!(
            e.contains("anchor or alias (`&name` or `*name`) on line 2"),
            "{e}"
        );
        let e = yaml("title: T\nauthor: *who\n", 5).unwrap_err();
        assert!(e.contains("on line 6"), "{e}");
    }

    #[test]
    fn front_matter_over_the_size_cap_is_refused_before_parsing() {
        let big = format!(
            "title: T\nnote: \"{}\"\n",
            "a".repeat(limits::MAX_FRONT_MATTER_BYTES)
        );
        let e = yaml(&big, 2).unwrap_err();
        assert!(
            e.starts_with("the front matter is 65 KiB, more than the 64 KiB Postdesk reads"),
            "{e}"
        );
        assert!(e.ends_with("after the closing `---` line"), "{e}");
        let big = format!(
            "title = \"{}\"\n",
            "a".repeat(limits::MAX_FRONT_MATTER_BYTES)
        );
        assert!(toml(&big, 2)
            .unwrap_err()
            .ends_with("after the closing `+++` line"));
    }

    #[test]
    fn deep_nesting_is_refused_in_both_formats() {
        let deep =
            |open: &str, close: &str, n: usize| format!("{}1{}", open.repeat(n), close.repeat(n));
        for n in [limits::MAX_NESTING, 200, 10_000] {
            let e = yaml(&format!("a: {}\n", deep("[", "]", n)), 2).unwrap_err();
            assert_eq!(e, limits::too_deep(), "yaml {n}");
            let e = toml(&format!("a = {}\n", deep("[", "]", n)), 2).unwrap_err();
            assert_eq!(e, limits::too_deep(), "toml {n}");
            let e = toml(&format!("a = {}\n", deep("{b = ", "}", n)), 2).unwrap_err();
            assert_eq!(e, limits::too_deep(), "toml table {n}");
        }
        let dotted = format!("{} = 1\n", vec!["k"; 5_000].join("."));
        assert_eq!(toml(&dotted, 2).unwrap_err(), limits::too_deep());
        let ok = format!("a: {}\n", deep("[", "]", limits::MAX_NESTING - 1));
        assert!(yaml(&ok, 2).is_ok());
    }

    #[test]
    fn toml_datetimes_become_text() {
        let e = toml(
            "title = \"A\"\ndate = 2024-03-05T09:30:00-05:00\nday = 2024-03-05\n",
            2,
        )
        .unwrap();
        let get = |k: &str| e.iter().find(|(key, _)| key == k).unwrap().1.clone();
        assert_eq!(get("date"), json!("2024-03-05T09:30:00-05:00"));
        assert_eq!(get("day"), json!("2024-03-05"));
    }

    #[test]
    fn toml_errors_give_the_file_line_and_a_fix() {
        let e = toml("title = \"A\"\nauthor = Ana\n", 2).unwrap_err();
        assert!(e.starts_with("the TOML front matter is not valid: "), "{e}");
        assert!(e.contains("at line 3 column"), "{e}");
        assert!(e.contains("double quotes"), "{e}");
        assert!(!e.contains('\n'), "{e}");
    }
}

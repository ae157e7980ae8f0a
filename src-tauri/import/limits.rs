//! Bounds on front matter, checked before and after parsing, so that a
//! hostile file can neither make the parser work without end nor build a
//! value so deep that walking it overflows the stack. Front matter holds a
//! title, dates and a few lists: these bounds are far above any real site's.

use serde_json::Value;

use super::frontmatter::Entries;
use super::read::size_in_words;
use super::split::FrontMatter;

/// The largest front matter read: 64 KiB (the text between the fences).
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// The deepest front matter read: a key's value is level 1, a list or group
/// of keys in it level 2, and so on.
pub const MAX_NESTING: usize = 20;

/// Refuse front matter longer than [`MAX_FRONT_MATTER_BYTES`], before parsing.
pub(crate) fn check_size(front: &FrontMatter<'_>) -> Result<(), String> {
    if front.text.len() <= MAX_FRONT_MATTER_BYTES {
        return Ok(());
    }
    Err(format!(
        "the front matter is {}, more than the {} Postdesk reads; \
         move long text out of it into the body, after the closing `{}` line",
        size_in_words(front.text.len() as u64),
        size_in_words(MAX_FRONT_MATTER_BYTES as u64),
        front.format.fence()
    ))
}

/// The message for front matter nested deeper than [`MAX_NESTING`], whether
/// this module or the parser's own recursion limit found it.
pub(crate) fn too_deep() -> String {
    format!(
        "the front matter is nested more than {MAX_NESTING} levels deep (lists or groups of keys \
         inside each other); Postdesk reads up to {MAX_NESTING} levels, so flatten it"
    )
}

/// Whether a parser's error is its own guard against deep nesting
/// (yaml_serde: "recursion limit exceeded"; toml: "recursion limit",
/// "cannot recurse further").
pub(crate) fn is_parser_recursion_limit(message: &str) -> bool {
    message.contains("recursion limit") || message.contains("cannot recurse further")
}

/// Refuse parsed front matter nested deeper than [`MAX_NESTING`]. Walks
/// with a stack rather than recursion.
pub(crate) fn check_nesting(entries: &Entries) -> Result<(), String> {
    let mut stack: Vec<(&Value, usize)> = entries.iter().map(|(_, v)| (v, 1)).collect();
    while let Some((value, depth)) = stack.pop() {
        if depth > MAX_NESTING {
            return Err(too_deep());
        }
        match value {
            Value::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            Value::Object(map) => stack.extend(map.values().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn nested(levels: usize) -> Value {
        (1..levels).fold(json!("x"), |inner, _| json!([inner]))
    }

    #[test]
    fn nesting_up_to_the_limit_is_read() {
        let entries = vec![("a".to_string(), nested(MAX_NESTING))];
        assert_eq!(check_nesting(&entries), Ok(()));
        let entries = vec![("a".to_string(), nested(MAX_NESTING + 1))];
        assert_eq!(check_nesting(&entries), Err(too_deep()));
    }
}

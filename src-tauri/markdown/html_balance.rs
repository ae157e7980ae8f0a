//! Whether the raw HTML of one top-level block is self-contained: every
//! element it opens it also closes, in order, and nothing in it (an unclosed
//! `<script>`, `<textarea>` or comment, a `<b>` left open, a stray `</div>`)
//! can change how the HTML of the following blocks is read.
//!
//! The block-incremental preview ([`super::blocks`]) sanitizes each block on
//! its own; a whole render sanitizes the document at once. The two agree
//! only when no block's raw HTML reaches into the next, so a document with a
//! block that is not self-contained is rendered whole. The check errs on the
//! side of "not self-contained": a wrong "no" only costs speed.

/// Elements without an end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content or effect the HTML parser treats specially (raw
/// text, foreign content, document structure, `<image>` read as `<img>`):
/// a block holding one is never called self-contained.
const SPECIAL: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "template",
    "svg",
    "math",
    "html",
    "head",
    "body",
    "frameset",
    "image",
    "select",
    "table",
    "caption",
    "colgroup",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
];

/// True when `raw` (the raw HTML of one block, in order) opens and closes
/// its elements in order, with no special element, unterminated tag, or
/// comment that is not plainly `<!-- … -->`.
pub(crate) fn is_self_contained(raw: &str) -> bool {
    let mut open: Vec<String> = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            match comment_end(comment) {
                Some(end) => rest = &comment[end..],
                None => return false,
            }
            continue;
        }
        let (closing, tag) = match after.strip_prefix('/') {
            Some(tag) => (true, tag),
            None => (false, after),
        };
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            if closing || tag.starts_with(['!', '?']) {
                // `</>`, `</3`, `<!DOCTYPE`, `<![CDATA[`, `<?xml`: bogus
                // comments and declarations.
                return false;
            }
            rest = after;
            continue;
        }
        let name_len = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(tag.len());
        let name = tag[..name_len].to_ascii_lowercase();
        let Some(end) = attributes_end(&tag[name_len..]) else {
            return false;
        };
        rest = &tag[name_len + end..];
        if SPECIAL.contains(&name.as_str()) {
            return false;
        }
        if VOID.contains(&name.as_str()) {
            if closing {
                // `</br>` is read as `<br>`, `</img>` ignored: not worth it.
                return false;
            }
            continue;
        }
        if closing {
            if open.pop().as_deref() != Some(name.as_str()) {
                return false;
            }
        } else {
            open.push(name);
        }
    }
    open.is_empty()
}

/// The length of `comment` (what follows `<!--`) up to and including `-->`,
/// or `None` for an unterminated or irregular comment (`<!-->`, `--!>`).
fn comment_end(comment: &str) -> Option<usize> {
    if comment.starts_with('>') || comment.starts_with("->") {
        return None;
    }
    let end = comment.find("-->")?;
    if comment[..end].contains("--!>") {
        return None;
    }
    Some(end + 3)
}

/// The length of `attrs` (what follows a tag name) up to and including the
/// `>` that ends the tag, honouring quoted attribute values; `None` when the
/// tag never ends.
fn attributes_end(attrs: &str) -> Option<usize> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i + 1),
            b'"' | b'\'' if after_equals => {
                let quote = bytes[i];
                let close = bytes[i + 1..].iter().position(|&b| b == quote)?;
                i += close + 2;
                after_equals = false;
                continue;
            }
            b'=' => after_equals = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::is_self_contained;

    #[test]
    fn balanced_inline_and_block_html_is_self_contained() {
        assert!(is_self_contained(""));
        assert!(is_self_contained(
            "<b>bold</b> <kbd>Ctrl</kbd><br><img src=x alt='a>b'>"
        ));
        assert!(is_self_contained(
            "<div class=\"x\">\n<p>a <span>b</span></p>\n</div>\n"
        ));
        assert!(is_self_contained("<!-- a note -->"));
        assert!(is_self_contained("1 < 2 and <3"));
    }

    #[test]
    fn html_that_reaches_into_later_blocks_is_not() {
        for raw in [
            "<b>bold",
            "<div>\n",
            "</div>",
            "<script>alert(1)</script>",
            "<textarea>",
            "<!-- open comment",
            "<!-->",
            "<img src=\"x",
            "<b><i></b></i>",
            "</br>",
            "<!DOCTYPE html>",
            "</ 3>",
            "<svg><circle/></svg>",
        ] {
            assert!(!is_self_contained(raw), "{raw}");
        }
    }
}

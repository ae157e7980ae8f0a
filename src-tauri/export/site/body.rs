//! The Markdown body of a Hugo or Jekyll post: the author's Markdown made
//! safe (`safe_body`), with its `asset:` references pointed at the exported
//! image files, and the byte sequences a static site generator would read
//! as its own template syntax made inert (Hugo shortcodes, Jekyll Liquid). The Markdown is not rendered here (Hugo and Jekyll render it); the
//! references are found with the one Markdown parser, so an `asset:` that is
//! only text in a code block is left as it is.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use crate::markdown;

/// `markdown` with every link, image and reference-definition destination
/// that is one of the post's asset references replaced by `url(reference)`.
/// References `url` does not know are left as written.
pub(crate) fn rewrite_assets(md: &str, url: &dyn Fn(&str) -> Option<String>) -> String {
    let refs = markdown::asset_refs(md);
    if refs.is_empty() {
        return md.to_string();
    }
    let parser = markdown::parser(md);
    let mut spans: Vec<Range<usize>> = parser
        .reference_definitions()
        .iter()
        .filter(|(_, def)| refs.iter().any(|r| *r == *def.dest))
        .map(|(_, def)| def.span.clone())
        .collect();
    for (event, range) in parser.into_offset_iter() {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            if refs.iter().any(|r| *r == *dest_url) {
                spans.push(range);
            }
        }
    }
    // Where each reference is written inside those spans, by start offset
    // (a link around an image gives overlapping spans: counted once).
    let mut edits: BTreeMap<usize, (usize, String)> = BTreeMap::new();
    for span in spans {
        let Some(text) = md.get(span.clone()) else {
            continue;
        };
        for r in &refs {
            let Some(new) = url(r) else { continue };
            for (at, _) in text.match_indices(r.as_str()) {
                let end = at + r.len();
                // `asset:` + 16 hex: a longer run of hex is some other text.
                if text[end..].starts_with(|c: char| c.is_ascii_hexdigit()) {
                    continue;
                }
                edits.insert(span.start + at, (r.len(), new.clone()));
            }
        }
    }
    let mut out = String::with_capacity(md.len());
    let mut pos = 0;
    for (start, (len, new)) in edits {
        if start < pos {
            continue;
        }
        out.push_str(&md[pos..start]);
        out.push_str(&new);
        pos = start + len;
    }
    out.push_str(&md[pos..]);
    out
}

/// Make a body safe to append after front matter: no byte-order mark, no
/// NUL (CommonMark reads it as U+FFFD anyway), and a final newline.
pub(crate) fn clean(md: &str) -> String {
    let mut s = md.trim_start_matches('\u{feff}').replace('\0', "\u{fffd}");
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Hugo runs shortcodes (`{{< x >}}`, `{{% x %}}`) before Markdown, even in
/// code blocks, and fails the build on one it does not know. Hugo's own
/// escape, `{{</* x */>}}`, makes it print them as written.
pub(crate) fn escape_hugo_shortcodes(md: &str) -> String {
    if !md.contains("{{<") && !md.contains("{{%") {
        return md.to_string();
    }
    md.replace("{{<", "{{</*")
        .replace(">}}", "*/>}}")
        .replace("{{%", "{{%/*")
        .replace("%}}", "*/%}}")
}

/// Jekyll runs Liquid over a post before Markdown, and Jekyll 3 (GitHub
/// Pages) ignores `render_with_liquid: false`. So the body is wrapped in
/// `{% raw %}…{% endraw %}`, which both versions honour, and every `{%` in it
/// (which could close the raw block early, `{%- endraw -%}` included) is
/// printed by Liquid itself instead.
pub(crate) fn liquid_raw(md: &str) -> String {
    const OPEN: &str = "{% raw %}";
    const CLOSE: &str = "{% endraw %}";
    const LITERAL: &str = "{% endraw %}{{ '{%' }}{% raw %}";
    let mut out = String::with_capacity(md.len() + 32);
    out.push_str(OPEN);
    out.push_str(&md.replace("{%", LITERAL));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(CLOSE);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(r: &str) -> Option<String> {
        (r == "asset:0123456789abcdef").then(|| "photo-01234567.png".to_string())
    }

    #[test]
    fn inline_and_reference_images_are_rewritten() {
        let md = "![A](asset:0123456789abcdef)\n\n[see][p]\n\n[p]: asset:0123456789abcdef\n";
        let out = rewrite_assets(md, &map);
        assert_eq!(
            out,
            "![A](photo-01234567.png)\n\n[see][p]\n\n[p]: photo-01234567.png\n"
        );
    }

    #[test]
    fn code_and_unknown_references_are_left_alone() {
        let md = "`asset:0123456789abcdef`\n\n![B](asset:ffffffffffffffff)\n\n[![A](asset:0123456789abcdef)](asset:0123456789abcdef)\n";
        let out = rewrite_assets(md, &map);
        assert!(out.starts_with("`asset:0123456789abcdef`"), "{out}");
        assert!(out.contains("![B](asset:ffffffffffffffff)"), "{out}");
        assert!(
            out.contains("[![A](photo-01234567.png)](photo-01234567.png)"),
            "{out}"
        );
    }

    #[test]
    fn shortcodes_and_bom_are_made_inert() {
        assert_eq!(
            escape_hugo_shortcodes("{{< youtube x >}} {{% n %}}"),
            "{{</* youtube x */>}} {{%/* n */%}}"
        );
        assert_eq!(clean("\u{feff}a\0b"), "a\u{fffd}b\n");
    }

    #[test]
    fn liquid_never_runs_and_endraw_cannot_escape() {
        let body = liquid_raw("{{ site.x }} {% endraw %}{%- endraw -%}{% include x %}\n");
        assert!(body.starts_with("{% raw %}{{ site.x }} "), "{body}");
        assert!(body.ends_with("\n{% endraw %}\n"));
        // The only raw/endraw tags are ours, alternating.
        let outside = body.replace("{{ '{%' }}", "");
        let tags: Vec<&str> = outside
            .match_indices("{%")
            .map(|(i, _)| &outside[i..i + 8])
            .collect();
        assert!(
            tags.chunks(2)
                .all(|p| p[0] == "{% raw %" && p.get(1).is_none_or(|c| *c == "{% endra")),
            "{body}"
        );
        assert!(!body.contains("{% include") && !body.contains("{%- endraw"));
    }
}

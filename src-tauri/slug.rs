//! The one slug rule set, for post slugs and heading anchors alike.
//!
//! [`base_slug`] is the shared core: accents transliterated (`Été` gives
//! `ete`), ASCII letters and digits lowercased, every run of anything else
//! one `-`. The two uses then differ only where they must:
//!
//! | rule                 | post slug ([`slugify`])         | heading anchor (`markdown::anchors`) |
//! |----------------------|---------------------------------|--------------------------------------|
//! | length               | at most [`MAX_LEN`] bytes, cut at a word (a file name) | unbounded (a URL fragment) |
//! | empty result         | `post`                          | `section`                            |
//! | Windows device names | `con` → `con-post`              | allowed (never a file)               |
//! | uniqueness           | `-2`, `-3`… per language, by the store ([`with_suffix`]) | `-1`, `-2`… per document |

/// The longest slug we produce, in bytes (all ASCII). Leaves room for a
/// `YYYY-MM-DD-` prefix, a `-NN` suffix and an extension inside the 255-byte
/// file-name limit, and keeps Windows paths short.
pub const MAX_LEN: usize = 80;

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The shared core of every slug: `deunicode` transliteration, ASCII
/// lowercase letters and digits, every run of other characters (French
/// elisions such as `l'été` included) turned into one `-`, no leading or
/// trailing `-`. May be empty, and has no length bound.
pub fn base_slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    let mut pending_hyphen = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    out
}

/// Turn any text (a title, or a slug typed by hand) into a post slug: the
/// [`base_slug`], at most [`MAX_LEN`] bytes, never empty, never a reserved
/// device name.
///
/// ```
/// assert_eq!(postdesk::slug::slugify("Événement à Montréal"), "evenement-a-montreal");
/// assert_eq!(postdesk::slug::slugify("../../etc/passwd"), "etc-passwd");
/// assert_eq!(postdesk::slug::slugify("CON"), "con-post");
/// ```
pub fn slugify(text: &str) -> String {
    let mut out = base_slug(text);
    truncate(&mut out, MAX_LEN);
    if out.is_empty() {
        out.push_str("post");
    }
    if is_reserved(&out) {
        out.push_str("-post");
    }
    out
}

/// The slug with a numeric suffix (`-2`, `-3`, …) that keeps within [`MAX_LEN`].
pub fn with_suffix(slug: &str, n: u32) -> String {
    let suffix = format!("-{n}");
    let mut base = slug.to_string();
    truncate(&mut base, MAX_LEN.saturating_sub(suffix.len()));
    if base.is_empty() {
        base.push_str("post");
    }
    base + &suffix
}

/// True for Windows device names (`con`, `nul`, `com1`…), whatever the case.
pub fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem))
}

/// True when `slug` is exactly what [`slugify`] would keep: safe to use as a path segment.
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_LEN
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && !is_reserved(slug)
}

/// Cut to at most `max` bytes, preferring a word boundary, never leaving a trailing hyphen.
fn truncate(s: &mut String, max: usize) {
    if s.len() > max {
        // All ASCII here, so any byte index is a char boundary.
        let cut = match s[..max].rfind('-') {
            Some(i) if i >= max / 2 => i,
            _ => max,
        };
        s.truncate(cut);
    }
    while s.ends_with('-') {
        s.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_slugs_transliterate_and_collapse() {
        assert_eq!(base_slug("Qu’est-ce que l’été ?"), "qu-est-ce-que-l-ete");
        assert_eq!(base_slug("  Hello,   World!  "), "hello-world");
        assert_eq!(base_slug("Ça coûte 3 €"), "ca-coute-3-eur");
        assert_eq!(base_slug("—"), "");
        assert_eq!(base_slug("CON"), "con");
    }

    #[test]
    fn french_titles_are_transliterated() {
        assert_eq!(slugify("L'été à Trois-Rivières"), "l-ete-a-trois-rivieres");
        assert_eq!(slugify("Œuvres & ça"), "oeuvres-ca");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let s = slugify(&"mot ".repeat(100));
        assert!(s.len() <= MAX_LEN, "{s}");
        assert!(!s.ends_with('-'));
        assert!(is_valid(&s));
    }

    #[test]
    fn suffix_keeps_the_bound() {
        let long = "a".repeat(MAX_LEN);
        let s = with_suffix(&long, 12);
        assert!(s.len() <= MAX_LEN);
        assert!(s.ends_with("-12"));
    }
}

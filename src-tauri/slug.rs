//! Slugs: derived from titles with accents transliterated, safe as a file or
//! folder name on Windows, macOS and Linux, and bounded in length.

/// The longest slug we produce, in bytes (all ASCII). Leaves room for a
/// `YYYY-MM-DD-` prefix, a `-NN` suffix and an extension inside the 255-byte
/// file-name limit, and keeps Windows paths short.
pub const MAX_LEN: usize = 80;

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Turn any text (a title, or a slug typed by hand) into a slug: lowercase
/// ASCII letters, digits and single hyphens, never empty, never a reserved
/// device name, at most [`MAX_LEN`] bytes.
///
/// ```
/// assert_eq!(postdesk::slug::slugify("Événement à Montréal"), "evenement-a-montreal");
/// assert_eq!(postdesk::slug::slugify("../../etc/passwd"), "etc-passwd");
/// assert_eq!(postdesk::slug::slugify("CON"), "con-post");
/// ```
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len().min(MAX_LEN + 8));
    let mut pending_hyphen = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else {
            // Anything else, French elisions (l'été) included, separates words.
            pending_hyphen = true;
        }
    }
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

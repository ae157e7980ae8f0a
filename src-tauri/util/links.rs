//! Which links the app hands to the operating system.

/// Links the app may hand to the system browser or mail client: web pages and
/// email addresses only, never `file:`, `javascript:` or app-internal schemes.
pub fn is_openable_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::is_openable_link;

    #[test]
    fn only_web_and_mail_links_open() {
        assert!(is_openable_link("https://example.org/a?b=c"));
        assert!(is_openable_link("MAILTO:team@example.org"));
        assert!(!is_openable_link("file:///etc/passwd"));
        assert!(!is_openable_link("javascript:alert(1)"));
        assert!(!is_openable_link("pdasset://1"));
        assert!(!is_openable_link("https://example.org/a b"));
    }
}

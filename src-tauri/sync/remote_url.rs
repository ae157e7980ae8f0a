//! What the app's Settings → Team accepts as a repository address typed in
//! the window: a network address only (`https://`, `ssh://`, `git://` or
//! `user@host:path`). A folder on this computer is chosen with the system's
//! folder dialog instead, so no path typed in the webview reaches git.

use crate::error::{Error, Result};

/// The address, trimmed, or a sentence saying what to type instead.
pub fn network_remote(url: &str) -> Result<String> {
    let url = url.trim();
    let refuse = |why: &str| Err(Error::invalid("repository address", why.to_string()));
    if url.is_empty() {
        return refuse("Enter the team repository's address, e.g. https://github.com/our-org/posts.git or git@github.com:our-org/posts.git.");
    }
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return refuse("A repository address has no spaces or line breaks.");
    }
    let lower = url.to_ascii_lowercase();
    if ["https://", "ssh://", "git://", "http://"]
        .iter()
        .any(|s| lower.starts_with(s) && url.len() > s.len())
    {
        return Ok(url.to_string());
    }
    // scp-like `user@host:path` (what GitHub, GitLab and Gitea show for SSH).
    if let Some((user_host, path)) = url.split_once(':') {
        let host_ok = user_host.contains('@')
            && !user_host.starts_with('-')
            && !user_host.contains('/')
            && user_host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "@.-_".contains(c));
        if host_ok && !path.is_empty() && !path.starts_with('-') {
            return Ok(url.to_string());
        }
    }
    refuse("That is not a repository address. Type one such as https://github.com/our-org/posts.git or git@github.com:our-org/posts.git; for a folder on this computer, use Choose folder….")
}

#[cfg(test)]
mod tests {
    use super::network_remote;

    #[test]
    fn network_addresses_pass_and_paths_and_tricks_do_not() {
        for ok in [
            "https://github.com/org/posts.git",
            "ssh://git@gitea.example.org:2222/org/posts.git",
            "git@github.com:org/posts.git",
            "  https://gitlab.com/org/posts  ",
        ] {
            assert!(network_remote(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "/srv/git/posts.git",
            "../posts",
            "~/posts",
            "file:///srv/git/posts.git",
            "ext::sh -c touch% /tmp/pwned",
            "--upload-pack=touch /tmp/pwned",
            "-oProxyCommand=evil:x",
            "https://",
            "git@host:",
            "C:\\posts",
        ] {
            assert!(network_remote(bad).is_err(), "{bad}");
        }
    }
}

//! The WordPress application password: kept in the OS keychain (macOS
//! Keychain, Windows Credential Manager, the Secret Service on Linux) through
//! the `keyring` crate, one entry per site and user. Where no keychain runs
//! (CI, a server), `POSTDESK_WORDPRESS_PASSWORD` supplies it, and it wins
//! when set. Never written to the library, a log or an error message.

use crate::error::{Error, Result};

/// The environment variable that supplies the password (and wins when set).
pub const PASSWORD_ENV: &str = "POSTDESK_WORDPRESS_PASSWORD";
/// The keychain service name of Postdesk's WordPress passwords.
const SERVICE: &str = "org.postdesk.desktop.wordpress";

/// The keychain entry of `user` on `site` (the site is part of the name, so
/// two sites with the same user name keep two passwords).
fn entry(site: &str, user: &str) -> Result<keyring::Entry> {
    let account = format!("{user}@{}", site.trim_end_matches('/'));
    keyring::Entry::new(SERVICE, &account).map_err(keychain_error)
}

fn keychain_error(e: keyring::Error) -> Error {
    let detail = match e {
        keyring::Error::NoStorageAccess(_) => "it is locked or not running".to_string(),
        keyring::Error::PlatformFailure(inner) => inner.to_string(),
        other => other.to_string(),
    };
    Error::Keychain { detail }
}

/// The password from the environment, when set and not blank.
fn from_env() -> Option<String> {
    std::env::var(PASSWORD_ENV)
        .ok()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
}

/// The application password of `user` on `site`.
pub fn password(site: &str, user: &str) -> Result<String> {
    if let Some(p) = from_env() {
        return Ok(p);
    }
    match entry(site, user)?.get_password() {
        Ok(p) => Ok(p),
        Err(keyring::Error::NoEntry) => Err(Error::WordPressNoPassword {
            user: user.to_string(),
        }),
        Err(e) => Err(keychain_error(e)),
    }
}

/// Whether a password is available (environment or keychain), without
/// saying what it is.
pub fn has_password(site: &str, user: &str) -> bool {
    password(site, user).is_ok()
}

/// Store the application password in the keychain.
pub fn store_password(site: &str, user: &str, password: &str) -> Result<()> {
    let password = password.trim();
    if password.is_empty() {
        return Err(Error::invalid(
            "password",
            "The application password is empty; paste the one WordPress showed (Users → Profile → Application Passwords).",
        ));
    }
    entry(site, user)?
        .set_password(password)
        .map_err(keychain_error)
}

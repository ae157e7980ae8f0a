//! The WordPress REST API over HTTPS: one blocking `ureq` agent with short
//! timeouts, HTTP Basic auth with an application password, and every route
//! reached as `/?rest_route=/wp/v2/…`, which works with and without pretty
//! permalinks. Failures are sorted into the typed errors the UI tells apart
//! (wrong password, REST API off, blocked, unreachable, refused); the
//! password never appears in them.

use std::time::Duration;

use base64::Engine;
use serde_json::Value;

use crate::error::{Error, Result};

/// How long to wait for a connection before calling the site unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(8);
/// How long one request (an image upload included) may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// The largest JSON answer read.
const MAX_JSON_BYTES: u64 = 32 * 1024 * 1024;

/// A logged-in connection to one site.
pub(crate) struct Client {
    agent: ureq::Agent,
    /// The site's address without a trailing slash.
    site: String,
    authorization: String,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the authorization header.
        f.debug_struct("Client").field("site", &self.site).finish()
    }
}

impl Client {
    pub(crate) fn new(site: &str, user: &str, password: &str) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(REQUEST_TIMEOUT))
            .http_status_as_error(false)
            .user_agent(concat!("Postdesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Client {
            agent,
            site: site.trim_end_matches('/').to_string(),
            authorization: format!("Basic {token}"),
        }
    }

    /// The site's address, as errors name it.
    pub(crate) fn site(&self) -> &str {
        &self.site
    }

    /// The URL of a REST route (`/wp/v2/posts`) with query parameters.
    fn url(&self, route: &str, query: &[(&str, &str)]) -> String {
        let mut url = format!("{}/?rest_route={}", self.site, encode(route));
        for (k, v) in query {
            url.push('&');
            url.push_str(&encode(k));
            url.push('=');
            url.push_str(&encode(v));
        }
        url
    }

    /// GET a route; the JSON answer, or the typed error.
    pub(crate) fn get(&self, route: &str, query: &[(&str, &str)]) -> Result<Value> {
        let response = self
            .agent
            .get(&self.url(route, query))
            .header("Authorization", &self.authorization)
            .header("Accept", "application/json")
            .call();
        self.answer(response)
    }

    /// GET a route that may be gone: `None` when the site answers 404/410
    /// for the item (deleted on the site), not for the API itself.
    pub(crate) fn get_if_exists(
        &self,
        route: &str,
        query: &[(&str, &str)],
    ) -> Result<Option<Value>> {
        let response = self
            .agent
            .get(&self.url(route, query))
            .header("Authorization", &self.authorization)
            .header("Accept", "application/json")
            .call();
        let (status, json) = self.read(response)?;
        let code = json.get("code").and_then(Value::as_str).unwrap_or_default();
        if matches!(status, 404 | 410) && code != "rest_no_route" {
            return Ok(None);
        }
        self.check(status, json).map(Some)
    }

    /// POST a JSON object to a route.
    pub(crate) fn post_json(&self, route: &str, body: &Value) -> Result<Value> {
        let bytes = serde_json::to_vec(body).map_err(std::io::Error::from)?;
        let response = self
            .agent
            .post(&self.url(route, &[]))
            .header("Authorization", &self.authorization)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json; charset=utf-8")
            .send(&bytes[..]);
        self.answer(response)
    }

    /// POST a file (a media upload) to a route.
    pub(crate) fn post_file(
        &self,
        route: &str,
        query: &[(&str, &str)],
        file_name: &str,
        mime: &str,
        data: &[u8],
    ) -> Result<Value> {
        let response = self
            .agent
            .post(&self.url(route, query))
            .header("Authorization", &self.authorization)
            .header("Accept", "application/json")
            .header("Content-Type", mime)
            .header(
                "Content-Disposition",
                format!(
                    "attachment; filename=\"{}\"",
                    file_name.replace(['"', '\\'], "")
                ),
            )
            .send(data);
        self.answer(response)
    }

    /// Sort an answer into JSON or a typed error.
    fn answer(
        &self,
        response: std::result::Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Value> {
        let (status, json) = self.read(response)?;
        self.check(status, json)
    }

    fn check(&self, status: u16, json: Value) -> Result<Value> {
        if (200..300).contains(&status) {
            Ok(json)
        } else {
            Err(self.api_error(status, &json))
        }
    }

    /// The status and JSON of an answer; a web page or no answer is an error.
    fn read(
        &self,
        response: std::result::Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<(u16, Value)> {
        let mut response = response.map_err(|e| self.transport_error(e))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_JSON_BYTES)
            .lossy_utf8(true)
            .read_to_string()
            .map_err(|e| self.transport_error(e))?;
        let json: Option<Value> = serde_json::from_str(&text).ok();
        let Some(json) = json else {
            return Err(Error::WordPressRestDisabled {
                site: self.site.clone(),
                detail: format!(
                    "it answered with a web page instead of data, HTTP {status}; a security plugin or the server may be blocking it"
                ),
            });
        };
        Ok((status, json))
    }

    /// A WordPress error object (`{code, message, data: {status}}`) as a typed error.
    fn api_error(&self, status: u16, json: &Value) -> Error {
        let code = json.get("code").and_then(Value::as_str).unwrap_or_default();
        let message = strip_tags(
            json.get("message")
                .and_then(Value::as_str)
                .unwrap_or_default(),
        );
        let site = self.site.clone();
        match (status, code) {
            // Every request carries the login, so "not logged in" means it was
            // not accepted: WordPress 6.1 answers a wrong application password
            // that way when it checks the login before it knows the request is
            // a REST one.
            (
                _,
                "incorrect_password"
                | "invalid_username"
                | "invalid_email"
                | "authentication_failed",
            )
            | (401, "rest_not_logged_in") => Error::WordPressAuth { site },
            (404, "rest_no_route") => Error::WordPressRestDisabled {
                site,
                detail: format!("HTTP 404 {code}: {message}"),
            },
            (401 | 403, _) => Error::WordPressBlocked {
                site,
                detail: if message.is_empty() {
                    format!("HTTP {status} {code}")
                } else {
                    format!("HTTP {status} {code}: {message}")
                },
            },
            _ => Error::WordPressRejected {
                status,
                message: if message.is_empty() {
                    code.to_string()
                } else {
                    format!("{code}: {message}")
                },
            },
        }
    }

    fn transport_error(&self, e: ureq::Error) -> Error {
        let detail = match &e {
            ureq::Error::HostNotFound => "the address was not found".to_string(),
            ureq::Error::ConnectionFailed => "the connection was refused".to_string(),
            ureq::Error::Timeout(_) => "the site did not answer in time".to_string(),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                "the connection was refused".to_string()
            }
            ureq::Error::BodyExceedsLimit(_) => "the answer was too large".to_string(),
            other => other.to_string(),
        };
        Error::WordPressUnreachable {
            site: self.site.clone(),
            detail,
        }
    }
}

/// Percent-encode a query component (RFC 3986 unreserved kept, `/` kept for routes).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// WordPress messages may hold `<strong>Error:</strong>`; keep the words.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    crate::util::html::unescape(out.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_and_values_are_encoded_as_query_components() {
        let c = Client::new("https://example.org/", "u", "p");
        assert_eq!(
            c.url("/wp/v2/tags", &[("search", "a&b é")]),
            "https://example.org/?rest_route=/wp/v2/tags&search=a%26b%20%C3%A9"
        );
    }

    #[test]
    fn the_password_is_not_in_debug_output() {
        let c = Client::new("https://example.org", "editor", "s3cret pass");
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn error_objects_become_typed_errors() {
        let c = Client::new("https://example.org", "u", "p");
        let e = c.api_error(401, &serde_json::json!({"code": "incorrect_password", "message": "<strong>Error:</strong> bad"}));
        assert!(matches!(e, Error::WordPressAuth { .. }), "{e:?}");
        let e = c.api_error(401, &serde_json::json!({"code": "rest_not_logged_in", "message": "You are not currently logged in."}));
        assert!(matches!(e, Error::WordPressAuth { .. }), "{e:?}");
        let e = c.api_error(
            404,
            &serde_json::json!({"code": "rest_no_route", "message": "No route"}),
        );
        assert!(matches!(e, Error::WordPressRestDisabled { .. }), "{e:?}");
        let e = c.api_error(403, &serde_json::json!({"code": "rest_cannot_create", "message": "Sorry, you are not allowed"}));
        assert!(matches!(e, Error::WordPressBlocked { .. }), "{e:?}");
        let e = c.api_error(
            400,
            &serde_json::json!({"code": "rest_invalid_param", "message": "Invalid"}),
        );
        assert!(
            matches!(e, Error::WordPressRejected { status: 400, .. }),
            "{e:?}"
        );
        assert_eq!(
            strip_tags("<strong>Error:</strong> a &amp; b"),
            "Error: a & b"
        );
    }
}

//! The live preview's two paths into the core, one request shape.
//!
//! - The `live_edit` command (async, on a worker thread): long texts, large
//!   pastes, and whenever the quick path cannot answer.
//! - The quick path, `pdlive://localhost/edit`: a synchronous XHR answered on
//!   the main thread while the page waits. A keystroke's change set costs the
//!   core ~0.1 ms, but an async answer is only handled after the page's next
//!   frame (the one that paints the typed letter), so the preview lagged one
//!   frame behind the letter. Answered while the page waits, the preview is
//!   patched before that frame and both paint together. Opening a short
//!   post (its whole text) takes it too: the text and its preview appear in
//!   the same frame.
//!
//! The quick path never waits for a lock (a whole render in progress answers
//! `busy` and the page uses the command), takes only requests of a bounded
//! size (`ui/src/livePath.ts` decides, this checks), and answers only the
//! app's own page (its `Origin`): the sandboxed preview frame has no origin
//! and runs no script.

use serde::Deserialize;
use tauri::http::{header, Method, Request, Response, StatusCode};

use super::{AppState, Wait};
use crate::ipc::{IpcError, IpcResult};
use crate::markdown::live::{LivePreview, LiveText};
use crate::markdown::RenderOptions;
use crate::model::PostPatch;

pub const SCHEME: &str = "pdlive";

/// The most text a quick request may carry (bytes of JSON): larger edits
/// (a paste, a long post's whole text) take the command, so the page never
/// waits on a long render.
pub const MAX_QUICK_BYTES: usize = 16 * 1024;

/// One live edit, as both paths receive it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveEditRequest {
    pub id: i64,
    pub text: LiveText,
    pub fields: PostPatch,
    pub stage: bool,
    pub reset: bool,
    pub based_on: Option<chrono::DateTime<chrono::Utc>>,
}

impl LiveEditRequest {
    /// The live preview after this edit; with `stage`, the edit is kept so a
    /// close writes it (see the `live_edit` command).
    pub fn run(self, state: &AppState, wait: Wait) -> IpcResult<LivePreview> {
        let summary = self.fields.summary.clone().unwrap_or_default();
        let resolve = |url: &str| super::assets::asset_url(url);
        let opts = RenderOptions {
            resolve_asset: Some(&resolve),
            summary: &summary,
        };
        let preview = state
            .live_edit(self.id, self.text, &opts, self.reset, wait)
            .map_err(IpcError::from)?;
        if self.stage && !preview.resync {
            state
                .stage(self.id, self.fields, self.based_on)
                .map_err(IpcError::from)?;
        }
        Ok(preview)
    }
}

/// `scheme://host[:port]` of the page that may use the quick path; None for
/// a page without a host (about:blank, data:), whose requests say `null`,
/// as every sandboxed frame's do.
pub fn origin_of(url: &tauri::Url) -> Option<String> {
    let host = url.host_str().filter(|h| !h.is_empty())?;
    Some(match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    })
}

/// Answer one quick request. `page_origin`: the origin of the app's page
/// (None: no page yet, nothing is answered).
pub fn respond(
    state: Option<&AppState>,
    page_origin: Option<&str>,
    request: &Request<Vec<u8>>,
) -> Response<Vec<u8>> {
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok());
    let Some(allowed) = page_origin.filter(|page| origin == Some(*page)) else {
        return plain(StatusCode::FORBIDDEN, None);
    };
    if request.method() != Method::POST || request.uri().path() != "/edit" {
        return plain(StatusCode::NOT_FOUND, Some(allowed));
    }
    if request.body().len() > MAX_QUICK_BYTES {
        return plain(StatusCode::PAYLOAD_TOO_LARGE, Some(allowed));
    }
    let edit = match serde_json::from_slice::<LiveEditRequest>(request.body()) {
        Ok(edit) => edit,
        Err(e) => {
            tracing::warn!(error = %e, "a quick live edit could not be read");
            return plain(StatusCode::BAD_REQUEST, Some(allowed));
        }
    };
    let Some(state) = state else {
        return plain(StatusCode::SERVICE_UNAVAILABLE, Some(allowed));
    };
    let answer = edit.run(state, Wait::No);
    match answer {
        Ok(preview) => json(StatusCode::OK, &preview, allowed),
        Err(e) => json(StatusCode::CONFLICT, &e, allowed),
    }
}

fn json<T: serde::Serialize>(status: StatusCode, body: &T, origin: &str) -> Response<Vec<u8>> {
    match serde_json::to_vec(body) {
        Ok(bytes) => with_headers(status, bytes, Some(origin), "application/json"),
        Err(_) => plain(StatusCode::INTERNAL_SERVER_ERROR, Some(origin)),
    }
}

fn plain(status: StatusCode, origin: Option<&str>) -> Response<Vec<u8>> {
    with_headers(status, Vec::new(), origin, "text/plain")
}

fn with_headers(
    status: StatusCode,
    body: Vec<u8>,
    origin: Option<&str>,
    content_type: &str,
) -> Response<Vec<u8>> {
    let mut builder = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "no-store");
    if let Some(origin) = origin {
        builder = builder.header(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    builder
        .body(body)
        .unwrap_or_else(|_| Response::new(Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(origin: Option<&str>, path: &str, body: &str) -> Request<Vec<u8>> {
        let mut builder = Request::builder()
            .method(Method::POST)
            .uri(format!("pdlive://localhost{path}"));
        if let Some(origin) = origin {
            builder = builder.header(header::ORIGIN, origin);
        }
        builder.body(body.as_bytes().to_vec()).expect("request")
    }

    const PAGE: &str = "tauri://localhost";
    /// A short post's whole text, as opening it sends it.
    const WHOLE: &str = r#"{"id":1,"text":{"kind":"whole","text":"Other."},"fields":{},"stage":false,"reset":true,"basedOn":null}"#;

    /// A quick request's body: insert `insert` at the start of version `base` of post 1, staged.
    fn edit(base: u32, insert: &str) -> String {
        serde_json::json!({
            "id": 1,
            "text": {"kind": "changes", "base": base, "changes": [{"from": 0, "to": 0, "insert": insert}]},
            "fields": {}, "stage": true, "reset": false, "basedOn": null,
        })
        .to_string()
    }

    /// Send `body` to `path` from the app's own page.
    fn from_page(state: Option<&AppState>, path: &str, body: &str) -> Response<Vec<u8>> {
        respond(state, Some(PAGE), &request(Some(PAGE), path, body))
    }

    /// The answer is the core's `busy`: the page sends the edit by the command.
    fn assert_busy(r: &Response<Vec<u8>>) {
        assert_eq!(r.status(), StatusCode::CONFLICT);
        let error: serde_json::Value = serde_json::from_slice(r.body()).expect("json");
        assert_eq!(error["code"], "busy");
    }

    fn app_state() -> AppState {
        AppState::new(crate::store::Store::open_in_memory().expect("store"))
    }

    /// Open post 1 in the live document with `text`, as the command does.
    fn whole_text(state: &AppState, text: &str) -> LivePreview {
        let open = LiveEditRequest {
            id: 1,
            text: LiveText::Whole { text: text.into() },
            fields: PostPatch::default(),
            stage: false,
            reset: true,
            based_on: None,
        };
        open.run(state, Wait::Yes).expect("whole text")
    }

    /// The page decides by the same bound which path an edit takes
    /// (ui/src/livePath.ts): a page with a larger one would send edits the
    /// core refuses, and every such edit would pay a request for nothing.
    #[test]
    fn the_page_bounds_quick_requests_as_the_core_does() {
        let ts = include_str!("../../ui/src/livePath.ts");
        let line = ts
            .lines()
            .find_map(|l| l.strip_prefix("export const MAX_QUICK_BYTES = "))
            .expect("livePath.ts exports MAX_QUICK_BYTES");
        let page: usize = line
            .trim_end_matches(';')
            .split('*')
            .map(|n| n.trim().parse::<usize>().expect("a product of numbers"))
            .product();
        assert_eq!(page, MAX_QUICK_BYTES);
    }

    #[test]
    fn only_the_apps_page_is_answered() {
        let body = edit(0, "x");
        for origin in [None, Some("null"), Some("https://example.com")] {
            let r = respond(None, Some(PAGE), &request(origin, "/edit", &body));
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "origin {origin:?}");
            assert!(r
                .headers()
                .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
                .is_none());
        }
        let r = respond(None, None, &request(Some(PAGE), "/edit", &body));
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "no page yet");
    }

    #[test]
    fn wrong_shapes_are_refused_and_the_answer_names_the_pages_origin() {
        let big = edit(0, &"a".repeat(MAX_QUICK_BYTES));
        let ok = edit(0, "x");
        // No state: a request that gets as far as the core is answered 503.
        let cases = [
            ("/other", "{}", StatusCode::NOT_FOUND),
            ("/edit", big.as_str(), StatusCode::PAYLOAD_TOO_LARGE),
            ("/edit", "not json", StatusCode::BAD_REQUEST),
            ("/edit", ok.as_str(), StatusCode::SERVICE_UNAVAILABLE),
            ("/edit", WHOLE, StatusCode::SERVICE_UNAVAILABLE),
        ];
        for (path, body, status) in cases {
            let r = from_page(None, path, body);
            assert_eq!(r.status(), status, "{path} {body:.20}");
            assert_eq!(
                r.headers()
                    .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
                    .and_then(|v| v.to_str().ok()),
                Some(PAGE)
            );
        }
    }

    #[test]
    fn a_keystroke_is_answered_and_staged_but_a_busy_document_is_never_waited_for() {
        let state = app_state();
        let first = whole_text(&state, "Hello.\n\nWorld.");
        let r = from_page(Some(&state), "/edit", &edit(first.version, "x"));
        assert_eq!(r.status(), StatusCode::OK);
        let answer: serde_json::Value = serde_json::from_slice(r.body()).expect("json");
        assert_eq!(answer["version"], first.version + 1);
        assert_eq!(answer["splice"]["html"][0], "<p>xHello.</p>\n");
        assert_eq!(state.staged.lock().expect("staged").take_all().len(), 1);

        // A whole render in progress holds the document: answered at once, as busy.
        let held = state.live.lock().expect("live");
        let r = from_page(Some(&state), "/edit", &edit(first.version + 1, "x"));
        drop(held);
        assert_busy(&r);
        assert!(state.staged.lock().expect("staged").take_all().is_empty());
    }

    #[test]
    fn a_short_posts_whole_text_is_answered_in_full() {
        let state = app_state();
        whole_text(&state, "Hello.");
        let r = from_page(Some(&state), "/edit", WHOLE);
        assert_eq!(r.status(), StatusCode::OK);
        let answer: serde_json::Value = serde_json::from_slice(r.body()).expect("json");
        assert_eq!(answer["splice"]["html"][0], "<p>Other.</p>\n");
        assert_eq!(state.live.lock().expect("live").doc.text(), "Other.");
        // Opening is not an edit: nothing is staged for a close to write.
        assert!(state.staged.lock().expect("staged").take_all().is_empty());
    }

    #[test]
    fn origin_keeps_scheme_host_and_port_and_a_page_without_a_host_has_none() {
        let url = |s: &str| tauri::Url::parse(s).expect("url");
        let origin = |s: &str| origin_of(&url(s));
        assert_eq!(
            origin("tauri://localhost/index.html").as_deref(),
            Some(PAGE)
        );
        assert_eq!(
            origin("http://tauri.localhost/").as_deref(),
            Some("http://tauri.localhost")
        );
        assert_eq!(
            origin("http://localhost:1420/x").as_deref(),
            Some("http://localhost:1420")
        );
        assert_eq!(origin("about:blank"), None);
        assert_eq!(origin("data:text/html,x"), None);
    }

    #[test]
    fn refused_shapes_leave_the_document_and_the_staged_edits_alone() {
        let state = app_state();
        let first = whole_text(&state, "Hello.");
        let big = edit(first.version, &"a".repeat(MAX_QUICK_BYTES));
        let long = WHOLE.replace("Other.", &"a".repeat(MAX_QUICK_BYTES));
        for body in [big, long] {
            let r = from_page(Some(&state), "/edit", &body);
            assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
        }
        let live = state.live.lock().expect("live");
        assert_eq!(live.doc.version(), first.version);
        assert_eq!(live.doc.text(), "Hello.");
        drop(live);
        assert!(state.staged.lock().expect("staged").take_all().is_empty());
    }

    #[test]
    fn a_document_rendered_whole_on_every_edit_is_left_to_the_command() {
        let state = app_state();
        // A bare carriage return: the document cannot be cut into blocks.
        let first = whole_text(&state, "One.\rTwo.\n\nThree.");
        assert!(state.live.lock().expect("live").doc.renders_whole());
        assert_busy(&from_page(Some(&state), "/edit", &edit(first.version, "x")));
        assert_eq!(
            state.live.lock().expect("live").doc.version(),
            first.version
        );
    }
}

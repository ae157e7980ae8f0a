//! Library images for the preview, served by a custom URI scheme so the
//! preview never carries megabytes of base64 on each keystroke.

use tauri::http::{Response, StatusCode};

use crate::store::{Store, ASSET_SCHEME};

pub const SCHEME: &str = "pdasset";

/// `asset:<hex>` → the URL the webview loads it from.
pub fn asset_url(url: &str) -> Option<String> {
    let hex = url.strip_prefix(ASSET_SCHEME)?;
    if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    // Windows' WebView2 serves custom schemes as http://<scheme>.localhost.
    if cfg!(windows) {
        Some(format!("http://{SCHEME}.localhost/{hex}"))
    } else {
        Some(format!("{SCHEME}://localhost/{hex}"))
    }
}

/// Answer one request for `pdasset://localhost/<hex>`.
pub fn respond(store: &Store, path: &str) -> Response<Vec<u8>> {
    let hex = path.trim_start_matches('/');
    let reference = format!("{ASSET_SCHEME}{hex}");
    let found = store
        .asset(&reference)
        .and_then(|a| store.asset_data(&reference).map(|d| (a, d)));
    let response = match found {
        Ok((asset, data)) => Response::builder()
            .status(StatusCode::OK)
            .header("Content-Type", asset.mime)
            .header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "max-age=31536000, immutable")
            .body(data),
        Err(_) => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Vec::new()),
    };
    response.unwrap_or_else(|_| Response::new(Vec::new()))
}

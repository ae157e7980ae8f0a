//! Rendering any text never panics, and what it renders carries no script.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postdesk::markdown::{plain_text, render, RenderOptions};

fuzz_target!(|text: &str| {
    let resolve = |url: &str| {
        url.strip_prefix("asset:")
            .map(|id| format!("media/{id}.png"))
    };
    let rendered = render(
        text,
        &RenderOptions {
            resolve_asset: Some(&resolve),
            summary: "",
        },
    );
    assert!(!rendered.html.contains("<script"), "{:?}", rendered.html);
    let _ = plain_text(text);
});

//! Differential: the block-incremental preview shows what a whole render
//! shows. The input is a sequence of versions of one document separated by
//! NUL bytes, rendered in turn through ONE incremental renderer, as the
//! desktop renders every keystroke; the page is assembled the way the UI
//! does (each key's HTML, in order, from every block sent so far).
#![no_main]

use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;
use postdesk::markdown::blocks::IncrementalRenderer;
use postdesk::markdown::{render, RenderOptions};

fuzz_target!(|text: &str| {
    let opts = RenderOptions::default();
    let mut renderer = IncrementalRenderer::default();
    let mut view: HashMap<String, String> = HashMap::new();
    for version in text.split('\0') {
        let preview = renderer.render(version, &opts);
        let whole = render(version, &opts);
        view.extend(preview.html);
        let page: String = preview
            .keys
            .iter()
            .map(|k| view.get(k).map_or("<MISSING>", String::as_str))
            .collect();
        assert_eq!(page, whole.html, "page of {version:?}");
        assert_eq!(preview.outline, whole.outline, "outline of {version:?}");
        assert_eq!(preview.word_count, whole.word_count, "words of {version:?}");
        assert_eq!(preview.teaser, whole.teaser, "teaser of {version:?}");
    }
});

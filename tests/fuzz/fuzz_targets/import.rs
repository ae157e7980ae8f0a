//! Import parsing (front matter in YAML or TOML, file-name dates, titles)
//! never panics on any file content. The first byte picks the file path.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 4] = [
    "post.md",
    "_posts/2024-03-05-budget-vote.md",
    "content/posts/my-post/index.fr.md",
    "_drafts/idea.markdown",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let path = PATHS[usize::from(first) % PATHS.len()];
    let _ = postdesk::import::parse_document(Path::new(path), text);
});

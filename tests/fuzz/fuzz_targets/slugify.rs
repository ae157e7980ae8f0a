//! Slugs of any text: no panic, and always a valid, safe path segment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postdesk::slug::{base_slug, is_valid, slugify, with_suffix};

fuzz_target!(|text: &str| {
    let slug = slugify(text);
    assert!(is_valid(&slug), "{slug:?} from {text:?}");
    assert!(is_valid(&with_suffix(&slug, 12)), "suffixed {slug:?}");
    let base = base_slug(text);
    assert!(!base.starts_with('-') && !base.ends_with('-') && !base.contains("--"));
});

//! Images stored as blobs with a stable reference that the preview resolves.

use postdesk::model::PostPatch;
use postdesk::store::EditKind;

use crate::common::{post, Library};

/// A real 1×1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[test]
fn the_same_image_twice_has_one_stable_reference() {
    let lib = Library::new();
    let mut store = lib.open();
    let a = store.add_asset("Photo du rassemblement.PNG", PNG).unwrap();
    let b = store.add_asset("copy.png", PNG).unwrap();
    assert_eq!(a, b);
    assert!(a.reference.starts_with("asset:"));
    assert_eq!(a.reference.len(), "asset:".len() + 16);
    assert_eq!(a.mime, "image/png");
    assert_eq!(a.file_name, "photo-du-rassemblement.png");
    assert_eq!(store.asset_data(&a.reference).unwrap(), PNG);
    drop(store);
    assert_eq!(lib.open().asset(&a.reference).unwrap().hash.len(), 64);
}

#[test]
fn non_images_and_svg_are_refused() {
    let lib = Library::new();
    let mut store = lib.open();
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>"#;
    assert!(store.add_asset("x.svg", svg).is_err());
    assert!(store
        .add_asset("x.png", b"<script>alert(1)</script>")
        .is_err());
    assert!(store.asset("asset:0000000000000000").is_err());
}

#[test]
fn the_preview_shows_a_stored_image() {
    let lib = Library::new();
    let mut store = lib.open();
    let a = store.add_asset("rally.png", PNG).unwrap();
    let p = post(&mut store, "Rally", "");
    let p = store
        .update_post(
            p.id,
            PostPatch {
                body: Some(format!("Look:\n\n![The rally]({})\n", a.reference)),
                ..PostPatch::default()
            },
            EditKind::Autosave,
        )
        .unwrap();
    let html = postdesk::preview::preview_document(&store, &p).unwrap();
    assert!(
        html.contains("src=\"data:image/png;base64,iVBORw0KGgo"),
        "image not resolved: {html}"
    );
    assert!(html.contains("alt=\"The rally\""), "{html}");
}

/// The featured image picker: the post's images, and a file chosen in the dialog.
#[test]
fn the_featured_image_picker_offers_the_posts_images_and_takes_a_chosen_file() {
    let lib = Library::new();
    let mut store = lib.open();
    // A second, different image: the 1×1 PNG with another colour byte.
    let mut other = PNG.to_vec();
    other[0x29] ^= 0x01;
    let red = store.add_asset("red.png", PNG).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Rally banner.png");
    std::fs::write(&file, &other).unwrap();
    let chosen = store.add_asset_file(&file).unwrap();
    assert_eq!(chosen.file_name, "rally-banner.png");
    assert_ne!(chosen.reference, red.reference);
    assert_eq!(store.asset_data(&chosen.reference).unwrap(), other);

    let p = post(
        &mut store,
        "Rally",
        &format!(
            "![A]({r})\n\n![B](asset:ffffffffffffffff)\n\n![A again]({r})\n",
            r = red.reference
        ),
    );
    let refs = |store: &postdesk::store::Store| -> Vec<String> {
        store
            .post_images(p.id)
            .unwrap()
            .into_iter()
            .map(|a| a.reference)
            .collect()
    };
    assert_eq!(
        refs(&store),
        std::slice::from_ref(&red.reference),
        "missing ones left out, once each"
    );
    store
        .update_post(
            p.id,
            PostPatch {
                featured_image: Some(chosen.reference.clone()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    assert_eq!(
        refs(&store),
        [red.reference.clone(), chosen.reference.clone()]
    );

    // Not an image, or not a regular file: refused with a sentence.
    let text = dir.path().join("notes.png");
    std::fs::write(&text, "hello").unwrap();
    assert!(store.add_asset_file(&text).is_err());
    assert!(store.add_asset_file(dir.path()).is_err());
}

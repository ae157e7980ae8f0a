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

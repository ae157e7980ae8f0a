//! Broken and hostile WXR files refused with nothing imported.

use super::*;

fn assert_refused(bytes: &[u8], why: &str) {
    let lib = Library::new();
    let path = lib.dir.path().join("broken.xml");
    fs::write(&path, bytes).unwrap();
    let mut store = lib.open();
    let err = wxr::import_wxr(&mut store, &path, &WxrOptions::default())
        .expect_err(&format!("{why}: refused"));
    assert!(matches!(err, Error::Import { .. }), "{why}: {err:?}");
    assert!(
        err.to_string().contains("broken.xml"),
        "{why}: the error names the file: {err}"
    );
    assert_eq!(err.code(), "import_failed");
    assert!(all_posts(&store).is_empty(), "{why}: nothing imported");
}

#[test]
fn broken_files_are_refused_and_nothing_is_imported() {
    let real = fs::read(export_file()).unwrap();
    // Cut in the middle of the posts: the earlier posts are NOT imported.
    let cut = real.len() * 2 / 3;
    assert_refused(&real[..cut], "truncated");
    // Garbled: invalid UTF-8 in the middle.
    let mut garbled = real.clone();
    garbled[cut] = 0xFF;
    garbled[cut + 1] = 0xFE;
    assert_refused(&garbled, "invalid UTF-8");
    // Markup broken in the middle.
    let text = String::from_utf8(real.clone()).unwrap();
    assert_refused(
        text.replacen("</wp:post_type>", "</wp:post_typo>", 5)
            .as_bytes(),
        "mismatched tags",
    );
    // Entity expansion ("billion laughs") is never attempted.
    let bomb = text.replacen(
        "<rss",
        "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<rss",
        1,
    );
    let bomb = bomb.replacen(
        "<title>Friends of the River</title>",
        "<title>&b;</title>",
        1,
    );
    assert_refused(bomb.as_bytes(), "entity expansion");
    // An undefined entity.
    assert_refused(
        text.replacen("Spring river cleanup]]>", "]]>&lol;", 1)
            .as_bytes(),
        "undefined entity",
    );
}

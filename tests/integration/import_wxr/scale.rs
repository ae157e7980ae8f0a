//! The time to import a 1,000-post WXR made from the real export's posts.

use super::*;

/// The fixture's posts replicated into `n` items with distinct ids, guids and slugs.
fn replicated(n: usize) -> String {
    let text = fs::read_to_string(export_file()).unwrap();
    let start = text.find("<item>").unwrap();
    let end = text.rfind("</channel>").unwrap();
    let items: Vec<&str> = text[start..end]
        .split("</item>")
        .map(str::trim)
        .filter(|i| i.contains("<wp:post_type><![CDATA[post]]></wp:post_type>"))
        .collect();
    let mut out = String::from(&text[..start]);
    for i in 0..n {
        let item = items[i % items.len()];
        let id = 100_000 + i;
        let item = replace_between(
            item,
            "<guid isPermaLink=\"false\">",
            "</guid>",
            &format!("http://127.0.0.1:8093/?p={id}"),
        );
        let item = replace_between(&item, "<wp:post_id>", "</wp:post_id>", &id.to_string());
        let item = replace_between(
            &item,
            "<wp:post_name><![CDATA[",
            "]]></wp:post_name>",
            &format!("replica-{i}"),
        );
        out += &item;
        out += "</item>\n";
    }
    out += &text[end..];
    out
}

fn replace_between(s: &str, open: &str, close: &str, with: &str) -> String {
    let a = s.find(open).expect(open) + open.len();
    let b = a + s[a..].find(close).expect(close);
    format!("{}{with}{}", &s[..a], &s[b..])
}

#[test]
fn a_thousand_posts_import_in_one_go() {
    let lib = Library::new();
    let path = lib.dir.path().join("big.xml");
    fs::write(&path, replicated(1000)).unwrap();
    let mut store = lib.open();
    let started = Instant::now();
    let report = import(&mut store, &path, Some(&fixture("uploads")));
    let took = started.elapsed();
    println!(
        "import of a 1,000-post WXR ({} KiB): {:.2} s",
        fs::metadata(&path).unwrap().len() / 1024,
        took.as_secs_f64()
    );
    assert_eq!(report.created.len(), 1000);
    assert_eq!(all_posts(&store).len(), 1000);
    let started = Instant::now();
    let again = import(&mut store, &path, Some(&fixture("uploads")));
    println!(
        "re-import of the same file: {:.2} s",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(again.unchanged.len(), 1000);
}

#[test]
fn an_item_twice_in_the_file_is_imported_once_and_the_report_says_so() {
    let lib = Library::new();
    let text = fs::read_to_string(export_file()).unwrap();
    let start = text.find("<item>").unwrap();
    let end = start + text[start..].find("</item>").unwrap() + "</item>".len();
    let item = &text[start..end];
    assert!(item.contains("<wp:post_type><![CDATA[post]]></wp:post_type>"));
    let doubled = format!("{}{item}\n{}", &text[..end], &text[end..]);
    let path = lib.dir.path().join("doubled.xml");
    fs::write(&path, doubled).unwrap();
    let mut store = lib.open();
    let once = import(&mut store, &export_file(), None);
    let lib2 = Library::new();
    let mut store2 = lib2.open();
    let twice = import(&mut store2, &path, None);
    assert_eq!(twice.created.len(), once.created.len());
    let duplicates: Vec<_> = twice
        .notes
        .iter()
        .filter(|n| matches!(n, WxrNote::Duplicate { .. }))
        .collect();
    assert_eq!(duplicates.len(), 1, "{:?}", twice.notes);
    assert!(duplicates[0].to_string().contains("appears twice"));
}

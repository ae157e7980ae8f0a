//! What `markdown::render` reports besides the HTML: word count and
//! reading time, links and images (with `asset:` references resolved), the
//! teaser, asset references and plain text. The HTML itself is checked in
//! `render.rs`.

use super::render::{resolve, CAT, PDF};
use postdesk::markdown::{asset_refs, plain_text, render, Image, Link, RenderOptions, Rendered};

/// Fifteen words once the markup is gone: the image alt text, the emphasis,
/// the link, the code span and French punctuation standing alone are not
/// words of their own.
const FIFTEEN_WORDS: &str =
    "The **quick** brown fox ![alt text here](fox.png) [jumps](https://example.com) \
     over l'été, aujourd'hui --- « peut-être » 42 *time*s! And `code` too, ok.";

// ------------------------------------------------------ words and time

#[test]
fn a_known_text_has_its_word_count_and_reading_time() {
    let markdown: String = (0..100).map(|_| format!("{FIFTEEN_WORDS}\n\n")).collect();
    let rendered = render(&markdown, &RenderOptions::default());
    assert_eq!(rendered.word_count, 1500);
    assert_eq!(rendered.reading_minutes, 7); // 1500 / 230 = 6.52…

    // plain_text agrees with the count.
    let text = plain_text(&markdown);
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    assert_eq!(words, 1500);
}

#[test]
fn word_count_ignores_markup_and_counts_visible_text() {
    let count = |markdown: &str| render(markdown, &RenderOptions::default()).word_count;
    assert_eq!(count(""), 0);
    assert_eq!(count("   \n\n  "), 0);
    assert_eq!(count("<div class=\"x\"></div>"), 0);
    assert_eq!(count("![many words of alt text](x.png)"), 0);
    assert_eq!(count("**bold**er text"), 2);
    assert_eq!(
        count("# Title\n\nOne two.\n\n| a | b |\n|---|---|\n| c | d |"),
        7
    );
    assert_eq!(count("Qu’est-ce que c’est ? C’est l’été !"), 5);
    assert_eq!(count("```\nlet x = 1;\n```"), 3);
}

#[test]
fn reading_time_is_zero_only_for_empty_text() {
    let minutes = |markdown: &str| render(markdown, &RenderOptions::default()).reading_minutes;
    assert_eq!(minutes(""), 0);
    assert_eq!(minutes("Word"), 1);
    assert_eq!(minutes(&"word ".repeat(230)), 1);
    assert_eq!(minutes(&"word ".repeat(231)), 2);
}

// ------------------------------------------------------ links and images

#[test]
fn links_and_images_are_collected_with_assets_resolved() {
    let markdown = format!(
        "See [the *docs*](https://docs.example \"Docs\") and <hello@example.com>.\n\n\
         ![A cat]({CAT} \"The cat\") ![Lost](asset:ffffffffffffffff) ![remote](https://x.example/a.png)\n\n\
         [![Logo](logo.png)](https://home.example) [PDF]({PDF}) [ref][r]\n\n[r]: https://ref.example\n"
    );
    let resolver = resolve;
    let opts = RenderOptions {
        resolve_asset: Some(&resolver),
        summary: "",
    };
    let rendered = render(&markdown, &opts);

    let link = |url: &str, text: &str| Link {
        url: url.to_owned(),
        text: text.to_owned(),
    };
    assert_eq!(
        rendered.links,
        vec![
            link("https://docs.example", "the docs"),
            link("mailto:hello@example.com", "hello@example.com"),
            link("https://home.example", "Logo"),
            link(PDF, "PDF"),
            link("https://ref.example", "ref"),
        ]
    );
    let image = |src: &str, url: &str, alt: &str, title: &str| Image {
        src: src.to_owned(),
        url: url.to_owned(),
        alt: alt.to_owned(),
        title: title.to_owned(),
    };
    assert_eq!(
        rendered.images,
        vec![
            image(CAT, "media/cat.png", "A cat", "The cat"),
            image(
                "asset:ffffffffffffffff",
                "asset:ffffffffffffffff",
                "Lost",
                ""
            ),
            image(
                "https://x.example/a.png",
                "https://x.example/a.png",
                "remote",
                ""
            ),
            image("logo.png", "logo.png", "Logo", ""),
        ]
    );
    // The HTML uses the resolved URLs.
    assert!(rendered
        .html
        .contains("<img src=\"media/cat.png\" alt=\"A cat\" title=\"The cat\">"));
    assert!(rendered
        .html
        .contains("<a href=\"media/guide.pdf\" rel=\"noopener noreferrer\">PDF</a>"));
    assert!(rendered.html.contains("src=\"asset:ffffffffffffffff\""));
}

#[test]
fn the_resolver_is_asked_only_about_asset_urls() {
    let asked = std::cell::RefCell::new(Vec::new());
    let resolver = |url: &str| {
        asked.borrow_mut().push(url.to_owned());
        Some(format!("data:image/png;base64,{}", &url[6..]))
    };
    let opts = RenderOptions {
        resolve_asset: Some(&resolver),
        summary: "",
    };
    let rendered = render(
        &format!("![a]({CAT}) ![b](b.png) ![c](asset:short) [d](https://d.example)"),
        &opts,
    );
    assert_eq!(*asked.borrow(), vec![CAT.to_owned()]);
    assert!(rendered
        .html
        .contains("<img src=\"data:image/png;base64,0123456789abcdef\""));
}

// ---------------------------------------------------------------- teaser

#[test]
fn teaser_is_the_explicit_summary_when_there_is_one() {
    let opts = RenderOptions {
        resolve_asset: None,
        summary: "  The summary, as written.  \n",
    };
    assert_eq!(
        render("First paragraph.", &opts).teaser,
        "The summary, as written."
    );
}

#[test]
fn teaser_is_the_first_paragraph_with_text() {
    let markdown = "# A heading\n\n![only an image](x.png)\n\n\
                    The *first*   real\nparagraph, with a [link](https://l.example) and `code`[^n].\n\n\
                    Second paragraph.\n\n[^n]: A note.\n";
    let teaser = |summary: &str| {
        render(
            markdown,
            &RenderOptions {
                resolve_asset: None,
                summary,
            },
        )
        .teaser
    };
    let first = "The first real paragraph, with a link and code.";
    assert_eq!(teaser(""), first);
    assert_eq!(teaser(" \n\t"), first, "a blank summary is no summary");
    assert_eq!(
        render("# Only a heading", &RenderOptions::default()).teaser,
        ""
    );
    assert_eq!(
        render("- item\n\nAfter the list.", &RenderOptions::default()).teaser,
        "After the list."
    );
    // French no-break spaces are content, not whitespace to collapse.
    assert_eq!(
        render(
            "«\u{A0}Bonjour\u{A0}»,\n  dit-il\u{202F}!",
            &RenderOptions::default()
        )
        .teaser,
        "«\u{A0}Bonjour\u{A0}», dit-il\u{202F}!"
    );
}

// ------------------------------------------------------------ asset refs

#[test]
fn asset_refs_are_deduplicated_in_order() {
    let markdown = format!(
        "![a]({CAT}) [b]({PDF}) ![again]({CAT})\n\n\
         [c][ref] ![d](https://x.example/d.png) ![e](asset:nothex0123456789) `asset:1111111111111111`\n\n\
         [ref]: asset:2222222222222222\n"
    );
    assert_eq!(
        asset_refs(&markdown),
        vec![
            CAT.to_owned(),
            PDF.to_owned(),
            "asset:2222222222222222".to_owned()
        ]
    );
    assert!(asset_refs("No assets here.").is_empty());
}

// ------------------------------------------------------------ plain text

#[test]
fn plain_text_has_no_markup_and_separates_blocks() {
    let markdown = "# Title\n\nSome *emphasis*\nand a [link](https://x.example).\n\n\
                    - one\n- two\n\n<div>raw</div>\n\n| a | b |\n|---|---|\n| c | d |\n\n\
                    ![alt](x.png)\n\n```\ncode  here\n```\n";
    assert_eq!(
        plain_text(markdown),
        "Title\n\nSome emphasis and a link.\n\none\n\ntwo\n\na b\n\nc d\n\ncode here"
    );
    assert_eq!(plain_text(""), "");
}

// ------------------------------------------------------------ the struct

#[test]
fn rendered_serializes_with_its_field_names() {
    let rendered: Rendered = render("# T\n\n[l](https://l.example)", &RenderOptions::default());
    let json = serde_json::to_value(&rendered).unwrap();
    for field in [
        "html",
        "outline",
        "word_count",
        "reading_minutes",
        "links",
        "images",
        "teaser",
    ] {
        assert!(json.get(field).is_some(), "missing {field} in {json}");
    }
    assert_eq!(json["outline"][0]["anchor"], "t");
    assert_eq!(json["links"][0]["url"], "https://l.example");
}

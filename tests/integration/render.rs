//! The Markdown renderer: fixture cases (`tests/fixtures/render/<case>/`
//! `input.md` rendered must equal `expected.html`, as mdBook's tests do) and
//! focused checks of sanitization, outline, counts, links, images, teaser and
//! asset references.
//!
//! To regenerate the expected HTML after a deliberate change, run with
//! `POSTDESK_UPDATE_FIXTURES=1` and review the diff by eye: the fixtures are
//! the specification.
//!
//! Over 400 lines on purpose: every rule about what the HTML may and may not
//! contain (sanitization, anchors, footnotes, tables) in one place; what
//! `render` reports besides the HTML is in `render_facts.rs`.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use postdesk::markdown::blocks::IncrementalRenderer;
use postdesk::markdown::{render, sanitize, Heading, RenderOptions};

pub(super) const CAT: &str = "asset:0123456789abcdef";
pub(super) const PDF: &str = "asset:00000000000000aa";

/// The resolver the fixtures use: two known assets, the rest unknown.
pub(super) fn resolve(url: &str) -> Option<String> {
    match url {
        CAT => Some("media/cat.png".to_owned()),
        PDF => Some("media/guide.pdf".to_owned()),
        _ => None,
    }
}

fn html(markdown: &str) -> String {
    render(markdown, &RenderOptions::default()).html
}

// ---------------------------------------------------------------- fixtures

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render")
}

/// Where `expected` and `actual` first differ, line by line, for the
/// failure message.
fn first_difference(expected: &str, actual: &str) -> String {
    let (expected, actual): (Vec<_>, Vec<_>) =
        (expected.lines().collect(), actual.lines().collect());
    let line = (0..expected.len().max(actual.len()))
        .find(|&i| expected.get(i) != actual.get(i))
        .unwrap_or(0);
    format!(
        "first difference at line {}:\n- expected: {:?}\n+ actual:   {:?}",
        line + 1,
        expected.get(line).unwrap_or(&"<end of file>"),
        actual.get(line).unwrap_or(&"<end of file>"),
    )
}

#[test]
fn fixtures_render_as_expected() {
    let update = std::env::var_os("POSTDESK_UPDATE_FIXTURES").is_some();
    let mut cases: Vec<PathBuf> = fs::read_dir(fixture_dir())
        .expect("the fixture folder exists")
        .map(|entry| entry.expect("a readable fixture entry").path())
        .filter(|path| path.join("input.md").is_file())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 11,
        "expected at least 11 fixture cases, found {}",
        cases.len()
    );

    let resolver = resolve;
    let opts = RenderOptions {
        resolve_asset: Some(&resolver),
        summary: "",
    };
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy();
        let input = fs::read_to_string(case.join("input.md")).unwrap();
        let actual = render(&input, &opts).html;
        let expected_path = case.join("expected.html");
        if update {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{name}: missing expected.html"));
        if expected.trim_end() != actual.trim_end() {
            failures.push(format!(
                "case `{name}`: {}\n--- full actual output ---\n{actual}",
                first_difference(&expected, &actual)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

// ------------------------------------------------------------ sanitization

#[test]
fn script_is_removed_with_its_content() {
    for markdown in [
        "<script>alert(1)</script>",
        "Text <script>alert(1)</script> inline.",
        "<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT>",
    ] {
        let out = html(markdown);
        assert!(
            !out.to_lowercase().contains("script"),
            "{markdown:?} gave {out:?}"
        );
        assert!(!out.contains("alert"), "{markdown:?} gave {out:?}");
    }
    assert_eq!(
        html("Text <script>alert(1)</script> inline."),
        "<p>Text  inline.</p>\n"
    );
}

#[test]
fn event_handler_attributes_are_removed() {
    let out = html("<img src=x onerror=alert(1)>");
    assert!(out.contains("<img src=\"x\">"), "{out}");
    assert!(!out.contains("onerror") && !out.contains("alert"), "{out}");

    for markdown in [
        "<p onclick=\"alert(1)\">x</p>",
        "<a href=\"https://a.example\" onmouseover=\"alert(1)\">x</a>",
        "<details ontoggle=alert(1) open>x</details>",
        "<svg onload=alert(1)>",
    ] {
        let out = html(markdown);
        assert!(
            !out.contains("alert") && !out.contains(" on"),
            "{markdown:?} gave {out:?}"
        );
    }
}

#[test]
fn dangerous_link_schemes_lose_their_href() {
    for markdown in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;vascript:alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](<java script:alert(1)>)",
        "[x](%20javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](data:image/png;base64,AAAA)",
        "[x](file:///etc/passwd)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\" &#14; javascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
    ] {
        let out = html(markdown);
        assert!(
            out.contains("<a rel=\"noopener noreferrer\">x</a>"),
            "{markdown:?} kept a link target: {out:?}"
        );
        assert!(!out.contains("href"), "{markdown:?} gave {out:?}");
    }
}

#[test]
fn safe_link_schemes_keep_their_href() {
    for (markdown, href) in [
        (
            "[x](https://example.com/a?b=c#d)",
            "https://example.com/a?b=c#d",
        ),
        ("[x](http://example.com)", "http://example.com"),
        ("[x](mailto:a@example.com)", "mailto:a@example.com"),
        ("[x](tel:+33123456789)", "tel:+33123456789"),
        ("[x](../other-post/)", "../other-post/"),
        ("[x](#section)", "#section"),
        ("[x](asset:0123456789abcdef)", "asset:0123456789abcdef"),
    ] {
        let out = html(markdown);
        let expected = format!("<a href=\"{href}\" rel=\"noopener noreferrer\">x</a>");
        assert!(out.contains(&expected), "{markdown:?} gave {out:?}");
    }
}

#[test]
fn dangerous_elements_are_removed() {
    for (markdown, forbidden) in [
        (
            "<iframe src=\"https://evil.example\">inner</iframe>",
            &["iframe", "evil", "inner"][..],
        ),
        (
            "<object data=\"x.swf\">inner</object>",
            &["object", "x.swf", "inner"],
        ),
        ("<embed src=\"x.swf\">", &["embed", "x.swf"]),
        (
            "<form action=\"https://evil.example\"><p>field</p></form>",
            &["form", "action", "evil"],
        ),
        (
            "<style>body { display: none }</style>",
            &["style", "display"],
        ),
        (
            "<svg onload=alert(1)><circle r=\"1\"/></svg>",
            &["svg", "circle", "onload"],
        ),
        ("<math><mi>x</mi></math>", &["math", "<mi"]),
        ("<base href=\"https://evil.example/\">", &["base", "evil"]),
        (
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            &["meta", "refresh", "evil"],
        ),
        (
            "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
            &["<link", "evil"],
        ),
        ("<button>Click</button>", &["button", "Click"]),
        ("<textarea>text</textarea>", &["textarea", "text"]),
        (
            "<select><option>one</option></select>",
            &["select", "option", "one"],
        ),
        ("<p style=\"color: red\">red</p>", &["style", "color"]),
        (
            "<span style=\"position:fixed\">x</span>",
            &["style", "position"],
        ),
        ("<!-- a comment -->", &["<!--", "comment"]),
    ] {
        let out = html(markdown);
        for word in forbidden {
            assert!(!out.contains(word), "{markdown:?} kept {word:?}: {out:?}");
        }
    }
    // The text of a form's ordinary content is kept, only the form goes.
    assert_eq!(
        html("<form action=\"/x\"><p>field</p></form>"),
        "<p>field</p>"
    );
}

#[test]
fn only_checkbox_inputs_survive() {
    for markdown in [
        "<input type=\"text\" name=\"q\" value=\"v\">",
        "<input type=\"password\">",
        "<input type=\"submit\" formaction=\"https://evil.example\">",
        "<input>",
    ] {
        let out = html(markdown);
        assert!(
            out.contains("type=\"checkbox\""),
            "{markdown:?} gave {out:?}"
        );
        for word in ["text", "password", "submit", "name", "value", "formaction"] {
            assert!(!out.contains(word), "{markdown:?} kept {word:?}: {out:?}");
        }
    }
}

#[test]
fn data_urls_are_allowed_only_for_raster_images() {
    let png = "data:image/png;base64,iVBORw0KGgo=";
    let out = html(&format!("![dot]({png})"));
    assert!(
        out.contains(&format!("<img src=\"{png}\" alt=\"dot\">")),
        "{out}"
    );

    let jpeg = "data:image/jpeg;base64,/9j/4AAQ";
    assert!(html(&format!("<img src=\"{jpeg}\">")).contains(jpeg));

    for src in [
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "data:text/html;base64,PHNjcmlwdD4=",
        "DATA:TEXT/HTML,x",
    ] {
        let out = html(&format!("<img src=\"{src}\" alt=\"a\">"));
        assert!(out.contains("<img alt=\"a\">"), "{src:?} gave {out:?}");
        assert!(!out.contains("data:"), "{src:?} gave {out:?}");
    }
    let out = html(&format!("[link]({png})"));
    assert!(!out.contains("data:"), "a data: link survived: {out}");
}

#[test]
fn links_get_noopener() {
    let out = html("<a href=\"https://a.example\" rel=\"opener\" target=\"_blank\">x</a>");
    assert_eq!(
        out,
        "<p><a href=\"https://a.example\" rel=\"noopener noreferrer\">x</a></p>\n"
    );
}

#[test]
fn sanitizing_rendered_html_again_changes_nothing() {
    let markdown = fs::read_to_string(fixture_dir().join("footnotes/input.md")).unwrap()
        + &fs::read_to_string(fixture_dir().join("tables/input.md")).unwrap()
        + &fs::read_to_string(fixture_dir().join("task_lists/input.md")).unwrap()
        + &fs::read_to_string(fixture_dir().join("raw_html/input.md")).unwrap();
    let once = html(&markdown);
    assert_eq!(sanitize(&once), once);
}

// ------------------------------------------------ extensions kept intact

#[test]
fn tables_keep_structure_and_alignment() {
    let out = html("| a | b |\n|:-|-:|\n| 1 | 2 |\n");
    assert_eq!(
        out,
        "<table><thead><tr><th align=\"left\">a</th><th align=\"right\">b</th></tr></thead><tbody>\n\
         <tr><td align=\"left\">1</td><td align=\"right\">2</td></tr>\n</tbody></table>\n"
    );
    // An align attribute written by hand must be a real alignment.
    let out = html("<table><tr><td align=\"javascript:x\">1</td></tr></table>");
    assert!(!out.contains("align"), "{out}");
}

/// Every `href="#x"` in `html` has a matching `id="x"`.
fn assert_fragments_resolve(html: &str) {
    let values = |attribute: &str| -> Vec<String> {
        html.split(attribute)
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().to_owned())
            .collect()
    };
    let ids: HashSet<String> = values(" id=\"").into_iter().collect();
    let targets = values(" href=\"#");
    assert!(!targets.is_empty(), "no fragment links in {html}");
    for target in targets {
        assert!(ids.contains(&target), "#{target} has no element in {html}");
    }
}

#[test]
fn footnotes_link_both_ways() {
    let markdown = "One[^a] and two[^b], one again[^a].\n\n[^a]: First.\n\n[^b]: Second.\n";
    let out = html(markdown);
    assert!(out.contains("<sup class=\"footnote-reference\" id=\"fnref-1\"><a href=\"#fn-1\" rel=\"noopener noreferrer\">1</a></sup>"), "{out}");
    assert!(out.contains("<sup class=\"footnote-reference\" id=\"fnref-2\"><a href=\"#fn-2\" rel=\"noopener noreferrer\">2</a></sup>"), "{out}");
    // The second reference to the same note has no id, so ids stay unique.
    assert!(out.contains("again<sup class=\"footnote-reference\"><a href=\"#fn-1\" rel=\"noopener noreferrer\">1</a></sup>"), "{out}");
    assert!(out.contains("<div class=\"footnote-definition\" id=\"fn-1\"><sup class=\"footnote-definition-label\">1</sup>"), "{out}");
    assert!(out.contains("<p>First. <a href=\"#fnref-1\" class=\"footnote-backref\" rel=\"noopener noreferrer\">↩</a></p>"), "{out}");
    assert_fragments_resolve(&out);
    assert_eq!(out.matches(" id=\"fnref-1\"").count(), 1);
}

/// A reference and its definition match as the parser matches them
/// (Unicode case folding, so `ß` matches `SS`): one number, links both ways.
#[test]
fn footnote_labels_fold_case_as_the_parser_does() {
    let out = html("Street[^Straße] and road[^Road].\n\n[^STRASSE]: Folded.\n\n[^road]: Lower.\n");
    assert!(
        out.contains("Street<sup class=\"footnote-reference\" id=\"fnref-1\"><a href=\"#fn-1\""),
        "{out}"
    );
    assert!(out.contains("<div class=\"footnote-definition\" id=\"fn-1\"><sup class=\"footnote-definition-label\">1</sup>\n<p>Folded. <a href=\"#fnref-1\""), "{out}");
    assert!(out.contains("id=\"fn-2\"><sup class=\"footnote-definition-label\">2</sup>\n<p>Lower. <a href=\"#fnref-2\""), "{out}");
    assert!(!out.contains("fn-3"), "{out}");
    assert_fragments_resolve(&out);
}

#[test]
fn footnote_ending_in_a_list_gets_its_backref_after_the_list() {
    let out =
        html("Text[^l] and [^other].\n\n[^l]: Intro.\n\n    - a\n    - b\n\n[^other]: Plain.\n");
    assert!(
        out.contains("<p>Intro.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n <a href=\"#fnref-1\""),
        "{out}"
    );
    assert_eq!(out.matches("footnote-backref").count(), 2, "{out}");
    assert_fragments_resolve(&out);
}

#[test]
fn footnote_defined_before_its_reference_has_no_dangling_backref() {
    let out = html("[^n]: The note.\n\nText[^n].\n");
    assert!(out.contains("id=\"fn-1\""), "{out}");
    assert!(!out.contains("#fnref-1"), "{out}");
    assert_fragments_resolve(&out);
}

#[test]
fn task_lists_keep_disabled_checkboxes() {
    let out = html("- [x] done\n- [ ] todo\n");
    assert_eq!(
        out,
        "<ul>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\">\ndone</li>\n\
         <li><input disabled=\"\" type=\"checkbox\">\ntodo</li>\n</ul>\n"
    );
}

// ------------------------------------------------------------- outline

#[test]
fn outline_lists_every_heading_with_working_anchors() {
    let markdown = "# Introduction\n\nText.\n\n## Intro\n\n## Intro\n\n### Details {#own-id}\n\n\
                    ## L’été à *Paris*\n\nSetext heading\n--------------\n";
    let rendered = render(markdown, &RenderOptions::default());
    let expected = [
        (1, "Introduction", "introduction"),
        (2, "Intro", "intro"),
        (2, "Intro", "intro-1"),
        (3, "Details", "own-id"),
        (2, "L’été à Paris", "l-ete-a-paris"),
        (2, "Setext heading", "setext-heading"),
    ]
    .map(|(level, text, anchor)| Heading {
        level,
        text: text.to_owned(),
        anchor: anchor.to_owned(),
    });
    assert_eq!(rendered.outline, expected);
    for heading in &rendered.outline {
        let tag = format!("<h{} id=\"{}\">", heading.level, heading.anchor);
        assert!(
            rendered.html.contains(&tag),
            "missing {tag} in {}",
            rendered.html
        );
    }
}

#[test]
fn many_identical_headings_get_distinct_anchors() {
    let markdown = "## Same\n\n".repeat(500);
    let rendered = render(&markdown, &RenderOptions::default());
    let anchors: HashSet<&str> = rendered.outline.iter().map(|h| h.anchor.as_str()).collect();
    assert_eq!(anchors.len(), 500);
    assert_eq!(rendered.outline[499].anchor, "same-499");
}

/// The live preview renders block by block, yet must hand out the ids a
/// whole render does: repeated headings in different blocks, every fixture.
#[test]
fn block_preview_anchors_equal_the_whole_render() {
    let mut documents = vec!["## Same\n\n".repeat(40)];
    for case in fs::read_dir(fixture_dir()).expect("the fixture folder exists") {
        let input = case.expect("a fixture entry").path().join("input.md");
        if input.is_file() {
            documents.push(fs::read_to_string(input).expect("a readable input.md"));
        }
    }
    let anchors =
        |outline: &[Heading]| -> Vec<String> { outline.iter().map(|h| h.anchor.clone()).collect() };
    let mut blocks = IncrementalRenderer::default();
    for markdown in &documents {
        let whole = render(markdown, &RenderOptions::default());
        let preview = blocks.render(markdown, &RenderOptions::default());
        assert_eq!(
            anchors(&preview.outline),
            anchors(&whole.outline),
            "{markdown}"
        );
    }
}

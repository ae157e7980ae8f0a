//! Import errors name the file, the line and the fix.

use super::*;

#[test]
fn invalid_yaml_names_the_line_and_the_fix() {
    let m = import_error(fixture("broken/invalid-yaml.md"), "invalid-yaml.md");
    assert!(
        m.starts_with("the YAML front matter is not valid: mapping values are not allowed"),
        "{m}"
    );
    assert!(m.contains("at line 3 column"), "the file's line: {m}");
    assert!(
        m.ends_with(
            "if the value of `title` contains a colon, put the whole value in double quotes"
        ),
        "{m}"
    );
}

#[test]
fn unterminated_front_matter_says_the_closing_fence_is_missing() {
    let m = import_error(fixture("broken/unterminated.md"), "unterminated.md");
    assert!(m.contains("the closing `---` line was not found"), "{m}");
    assert!(m.contains("on line 1"), "{m}");
    let m = import_error(doc("t.md", "+++\ntitle = \"T\"\n"), "t.md");
    assert!(m.contains("the closing `+++` line was not found"), "{m}");
}

#[test]
fn a_bad_date_names_the_value_and_the_accepted_forms() {
    let m = import_error(fixture("broken/bad-date.md"), "bad-date.md");
    assert_eq!(
        m,
        "the date \"next Tuesday\" in `date` is not a date Postdesk can read; \
         write it as 2024-03-05, 2024-03-05 09:30:00 -0500 or 2024-03-05T09:30:00Z"
    );
    let m = import_error(doc("n.md", "---\ntitle: T\ndate: 2024\n---\n"), "n.md");
    assert!(m.contains("a number (2024), not a date"), "{m}");
}

#[test]
fn an_unknown_language_says_use_en_or_fr() {
    let m = import_error(fixture("broken/unknown-language.md"), "unknown-language.md");
    assert_eq!(
        m,
        "the language \"de\" in `lang` is not supported; use en or fr"
    );
    let m = import_error(doc("post.de.md", "# Beitrag\n"), "post.de.md");
    assert!(
        m.starts_with("the language \"de\" in the file name is not supported; use en or fr"),
        "{m}"
    );
}

#[test]
fn a_title_that_is_not_text_is_refused_with_the_fix() {
    let m = import_error(doc("t.md", "---\ntitle: 2024\n---\n"), "t.md");
    assert_eq!(
        m,
        "the title must be text, but `title` is a number (2024); put it in double quotes, as in title: \"2024\""
    );
    let m = import_error(doc("t.md", "+++\ntitle = [\"a\"]\n+++\n"), "t.md");
    assert!(
        m.contains("is a list") && m.contains("title = \"My post\""),
        "{m}"
    );
}

#[test]
fn other_wrong_types_are_refused() {
    let m = import_error(doc("t.md", "---\ntitle: T\ndraft: maybe\n---\n"), "t.md");
    assert_eq!(m, "`draft` must be true or false, not \"maybe\"");
    let m = import_error(doc("t.md", "---\ntitle: T\ntags: {a: 1}\n---\n"), "t.md");
    assert!(m.starts_with("`tags` must be a list of words"), "{m}");
    let m = import_error(doc("t.md", "---\ntitle: T\nsummary: [a]\n---\n"), "t.md");
    assert!(
        m.starts_with("`summary` must be text, but it is a list"),
        "{m}"
    );
    let m = import_error(doc("t.md", "---\n- a list\n---\n"), "t.md");
    assert!(m.contains("not `key: value` lines"), "{m}");
}

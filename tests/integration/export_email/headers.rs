//! The `.eml` headers read by a strict reader (issue #9). mail-parser is
//! lenient: it decodes an encoded word inside quotes or glued to other text,
//! as many clients do, and those are what let a display name read one way
//! in a client and another way in a filter. No maintained Rust crate checks
//! RFC 2047's placement rules, so the check is written here:
//!
//! * header lines are ASCII and at most 78 characters (RFC 5322 2.1.1);
//! * an encoded word is at most 75 characters, and stands alone, separated
//!   by white space from any other text or encoded word (RFC 2047 2, 5);
//! * in the From display name (a phrase), an encoded word is never inside a
//!   quoted string, a `Q` word uses only the characters RFC 2047 5 (3)
//!   allows, and everything else is an atom or a quoted string: no bare
//!   `,` `<` `"` `@` that would change the address list;
//! * the values decode (mail-parser) to the text given, less bidi controls
//!   (an `=?` look-alike keeps an invisible joiner that stops it decoding).

use postdesk::model::Lang;

use super::{date, email, library, parse, publish};

/// The header block, unfolded: `(name, value)`, after checking line rules.
fn headers(eml: &[u8]) -> Vec<(String, String)> {
    let text = std::str::from_utf8(eml).expect("ASCII message");
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        assert!(line.is_ascii(), "non-ASCII header line {line:?}");
        assert!(
            line.len() <= 78,
            "line of {} characters: {line:?}",
            line.len()
        );
        if line.starts_with([' ', '\t']) {
            let last = out.last_mut().expect("a folded line follows a header");
            last.1.push_str(line);
        } else {
            let (name, value) = line.split_once(':').expect("name: value");
            out.push((name.to_string(), value.to_string()));
        }
    }
    out
}

fn header<'h>(all: &'h [(String, String)], name: &str) -> &'h str {
    let found: Vec<&(String, String)> = all.iter().filter(|(n, _)| n == name).collect();
    assert_eq!(found.len(), 1, "one {name} header: {all:?}");
    &found[0].1
}

/// Check one encoded word (the whole token): form, length, characters.
/// `in_phrase`: the stricter Q alphabet of RFC 2047 5 (3).
fn check_encoded_word(word: &str, in_phrase: bool) {
    assert!(
        word.len() <= 75,
        "encoded word of {} chars: {word}",
        word.len()
    );
    let inner = word
        .strip_prefix("=?")
        .and_then(|w| w.strip_suffix("?="))
        .unwrap_or_else(|| panic!("{word:?} is not one whole encoded word"));
    let fields: Vec<&str> = inner.split('?').collect();
    assert_eq!(fields.len(), 3, "charset?encoding?text: {word}");
    let (charset, encoding, text) = (fields[0], fields[1], fields[2]);
    assert!(
        !charset.is_empty()
            && charset
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c)),
        "{word}"
    );
    assert!(!text.is_empty(), "{word}");
    match encoding {
        "B" | "b" => assert!(
            text.len() % 4 == 0
                && text
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c)),
            "bad base64 in {word}"
        ),
        "Q" | "q" => {
            let allowed = |c: char| {
                if in_phrase {
                    c.is_ascii_alphanumeric() || "!*+-/=_".contains(c)
                } else {
                    c.is_ascii_graphic() && c != '?'
                }
            };
            assert!(text.chars().all(allowed), "bad Q text in {word}");
        }
        _ => panic!("unknown encoding in {word}"),
    }
}

/// An unstructured header (Subject): any token holding `=?` is one whole
/// encoded word, separated from its neighbours by white space.
fn check_unstructured(value: &str) {
    for token in value.split([' ', '\t']).filter(|t| !t.is_empty()) {
        if token.contains("=?") {
            check_encoded_word(token, false);
        }
    }
}

/// `From: phrase <addr-spec>`: the phrase made of atoms, quoted strings (with
/// no encoded word inside) and whole encoded words, then one angle address.
fn check_mailbox(value: &str) {
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
    let mut rest = value.trim_start_matches([' ', '\t']);
    let mut words = 0;
    while !rest.starts_with('<') {
        assert!(!rest.is_empty(), "no <address> in {value:?}");
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut end = None;
            let mut escaped = false;
            for (i, c) in quoted.char_indices() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let end = end.unwrap_or_else(|| panic!("unclosed quoted string in {value:?}"));
            let inside = &quoted[..end];
            assert!(
                !inside.contains("=?"),
                "an encoded word inside a quoted string: {value:?}"
            );
            rest = &quoted[end + 1..];
        } else {
            let len = rest.find(|c: char| !atext(c)).unwrap_or(rest.len());
            assert!(len > 0, "a special character in the phrase: {value:?}");
            let atom = &rest[..len];
            if atom.contains("=?") {
                check_encoded_word(atom, true);
            }
            rest = &rest[len..];
        }
        words += 1;
        // Words are separated by white space, or a quoted string follows
        // directly; an encoded word must not touch anything.
        let trimmed = rest.trim_start_matches([' ', '\t']);
        if trimmed.len() == rest.len() {
            assert!(
                rest.starts_with(['"', '<']) || rest.is_empty(),
                "words glued together in {value:?}"
            );
        }
        rest = trimmed;
    }
    assert!(words > 0, "a display name in {value:?}");
    let addr = rest
        .strip_prefix('<')
        .and_then(|r| r.trim_end().strip_suffix('>'))
        .unwrap_or_else(|| panic!("one <address> at the end of {value:?}"));
    assert!(
        !addr.contains(['<', '>', ',', ' ', '"']) && addr.matches('@').count() == 1,
        "{value:?}"
    );
}

/// What a reader should see: the text as given, less bidi controls, on one
/// line (the joiner that breaks an `=?` look-alike is invisible).
fn without_bidi(s: &str) -> String {
    s.replace("=?", "=\u{200D}?")
        .chars()
        .filter(|c| {
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const HOSTILE: &[&str] = &[
    "Doe, John \"JD\" <admin@evil.example>",
    "Équipe \"Vélo\", Montréal <x@y.example>",
    "\u{202E}gnp.exe \u{2066}Équipe\u{2069} Vélo\u{200F}",
    "\u{202E}fdp.exe ASCII only",
    "=?utf-8?B?SGk=?= looks encoded",
    "Été =?utf-8?Q?x?= à \"Montréal\"",
    "a\\b \"c\\\"d\" ; : @ [e] (f)",
    "東京の自転車 ニュース 「特集」, <b>",
    "",
];

fn long_values() -> Vec<String> {
    vec![
        "Très longue réunion du conseil, avec \"guillemets\" et virgules, ".repeat(6),
        "A".repeat(200),
        format!("{}é", "x".repeat(90)),
        "Noël ".repeat(40),
    ]
}

#[test]
fn hostile_subjects_and_from_names_are_encoded_by_the_rules() {
    let (_lib, mut store) = library(&[]);
    let post = publish(&mut store, "Base", "Text.", Lang::Fr);
    let base = email(&store, &post);
    let values: Vec<String> = HOSTILE
        .iter()
        .map(|s| s.to_string())
        .chain(long_values())
        .collect();
    for value in &values {
        let mut parts = base.clone();
        parts.subject = value.clone();
        parts.sender.name = if value.is_empty() {
            "Org".into()
        } else {
            value.clone()
        };
        let eml = parts.to_eml(date()).expect("eml");
        let all = headers(&eml);
        check_unstructured(header(&all, "Subject"));
        check_mailbox(header(&all, "From"));

        let message = parse(&eml);
        assert_eq!(
            message.subject().unwrap_or_default(),
            without_bidi(value),
            "Subject of {value:?}"
        );
        let from = message.from().and_then(|a| a.first()).expect("From");
        assert_eq!(
            from.name.as_deref().unwrap_or_default(),
            without_bidi(&parts.sender.name),
            "From of {value:?}"
        );
        assert_eq!(from.address.as_deref(), Some(parts.sender.email.as_str()));
        assert_eq!(
            message.from().map(|a| a.iter().count()),
            Some(1),
            "one sender"
        );
    }
}

#[test]
fn the_strict_reader_refuses_what_lenient_ones_accept() {
    // The checks are only worth something if they fail on the classic
    // mistakes; each of these is read "fine" by mail-parser.
    let bad_from = [
        "\"=?utf-8?B?w4l0w6k=?=\" <a@b.example>",
        "=?utf-8?B?w4l0w6k=?=x <a@b.example>",
        "Doe, John <a@b.example>",
        "=?utf-8?Q?a,b?= <a@b.example>",
    ];
    for from in bad_from {
        assert!(
            std::panic::catch_unwind(|| check_mailbox(from)).is_err(),
            "{from}"
        );
    }
    let long_word = format!("=?utf-8?B?{}?=", "QUFB".repeat(20));
    for subject in ["a=?utf-8?Q?x?=", long_word.as_str()] {
        assert!(
            std::panic::catch_unwind(|| check_unstructured(subject)).is_err(),
            "{subject}"
        );
    }
    check_mailbox(" \"Doe, John\" =?utf-8?Q?=C3=89t=C3=A9?= <a@b.example>");
    check_unstructured(" Hello =?utf-8?B?w4l0w6k=?= world");
}

//! Reading a WXR file (RSS 2.0 with WordPress's `wp:`, `content:`,
//! `excerpt:` and `dc:` namespaces) with quick-xml's streaming reader, into
//! plain [`WxrItem`]s. Element names are matched by NAMESPACE, whatever
//! prefix the file gives it (declared on the root `rss` element, as
//! WordPress does). Hostile input: a DTD is refused (no entity of the file's
//! own is ever expanded), only the five XML entities and character
//! references are resolved, and every text field has a size cap.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The namespace WordPress exports in (`http://wordpress.org/export/1.2/`).
const WP_NS_PREFIX: &str = "http://wordpress.org/export/";
const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
/// The largest text of one field (a post's HTML body): as for one Markdown file.
const MAX_FIELD_BYTES: usize = crate::import::MAX_FILE_BYTES as usize;
/// Deeper than any WXR file nests.
const MAX_DEPTH: usize = 64;

/// A `<category>` of an item: a tag (`post_tag`), a category, or other.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Term {
    pub domain: String,
    pub name: String,
}

/// One `<item>`, fields as written (text, CDATA and references resolved).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WxrItem {
    pub title: String,
    pub link: String,
    pub guid: String,
    pub creator: String,
    pub content: String,
    pub excerpt: String,
    pub post_id: String,
    pub post_date: String,
    pub post_date_gmt: String,
    pub post_name: String,
    pub status: String,
    pub post_type: String,
    pub terms: Vec<Term>,
}

/// The whole file: the site, its authors (login → display name) and its items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WxrFile {
    pub base_site_url: String,
    pub language: String,
    pub authors: HashMap<String, String>,
    pub items: Vec<WxrItem>,
}

/// True when `head` (the first bytes of a file) is a WXR file: its root
/// element is `rss` and declares WordPress's export namespace.
pub fn looks_like_wxr(head: &[u8]) -> bool {
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // A cut in the middle of a character at the end of the sample.
        Err(e) if e.error_len().is_none() => match std::str::from_utf8(&head[..e.valid_up_to()]) {
            Ok(t) => t,
            Err(_) => return false,
        },
        Err(_) => return false,
    };
    let mut reader = Reader::from_str(text.trim_start_matches('\u{feff}'));
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                return e.name().as_ref() == "rss"
                    && namespaces(&e)
                        .is_ok_and(|ns| ns.values().any(|v| v.starts_with(WP_NS_PREFIX)))
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// `xmlns:prefix` → namespace, as declared on `e`.
fn namespaces(e: &BytesStart<'_>) -> Result<HashMap<String, String>, String> {
    let mut map = HashMap::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| format!("an attribute is not valid XML ({err})"))?;
        if let Some(prefix) = attr.key.as_ref().strip_prefix("xmlns:") {
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| format!("a namespace is not valid XML ({err})"))?;
            map.insert(prefix.to_string(), value.into_owned());
        }
    }
    Ok(map)
}

/// Element names by namespace: `wp:`, `content:`, `excerpt:`, `dc:` as
/// WordPress writes them, whatever the file's own prefixes.
struct Names(HashMap<String, &'static str>);

impl Names {
    fn new(declared: &HashMap<String, String>) -> Names {
        let mut map = HashMap::new();
        for (prefix, ns) in declared {
            let canonical = if ns.starts_with(WP_NS_PREFIX) && ns.ends_with("/excerpt/") {
                "excerpt"
            } else if ns.starts_with(WP_NS_PREFIX) {
                "wp"
            } else if ns == CONTENT_NS {
                "content"
            } else if ns == DC_NS {
                "dc"
            } else {
                continue;
            };
            map.insert(prefix.clone(), canonical);
        }
        Names(map)
    }

    /// `wp:post_type` for `wp:post_type` or `x:post_type` with x bound to WordPress.
    fn canonical(&self, raw: &str) -> String {
        match raw.split_once(':') {
            Some((prefix, local)) => match self.0.get(prefix) {
                Some(c) => format!("{c}:{local}"),
                None => format!("?:{local}"),
            },
            None => raw.to_string(),
        }
    }
}

/// Parse a whole WXR file. Errors are one sentence (without the file name)
/// saying what is wrong and where.
pub fn parse(text: &str) -> Result<WxrFile, String> {
    let mut reader = Reader::from_str(text.trim_start_matches('\u{feff}'));
    let mut file = WxrFile::default();
    let mut names = Names(HashMap::new());
    let mut path: Vec<String> = Vec::new();
    let mut item: Option<WxrItem> = None;
    let mut author: (String, String) = Default::default();
    let mut term_domain = String::new();
    let mut buf = String::new();
    let at = |reader: &Reader<&[u8]>| reader.buffer_position();
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "it is not well-formed XML near byte {}: {e}; export the file from WordPress again",
                reader.error_position()
            )
        })?;
        match event {
            Event::DocType(_) => {
                return Err("it declares a DTD, which a WordPress export never does \
                     (a DTD can define entities that expand a small file into a huge one)"
                    .into())
            }
            Event::Start(e) => {
                if path.is_empty() {
                    if e.name().as_ref() != "rss" {
                        return Err(
                            "it is not a WordPress export: its root element is not <rss>".into(),
                        );
                    }
                    names = Names::new(&namespaces(&e)?);
                }
                if path.len() >= MAX_DEPTH {
                    return Err(format!("its elements nest deeper than {MAX_DEPTH} levels"));
                }
                let name = names.canonical(e.name().as_ref());
                match name.as_str() {
                    "item" if path.last().is_some_and(|p| p == "channel") => {
                        item = Some(WxrItem::default())
                    }
                    "category" if item.is_some() => {
                        term_domain = String::new();
                        for attr in e.attributes().flatten() {
                            if attr.key.as_ref() == "domain" {
                                term_domain = attr
                                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .map(|v| v.into_owned())
                                    .unwrap_or_default();
                            }
                        }
                    }
                    _ => {}
                }
                path.push(name);
                buf.clear();
            }
            Event::Empty(_) => {}
            Event::Text(t) => push(&mut buf, &t.xml10_content())?,
            Event::CData(t) => push(&mut buf, &t.xml10_content())?,
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match r.xml10_content().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => {
                            return Err(format!(
                            "it uses the entity &{other}; near byte {}, which XML does not define",
                            at(&reader)
                        ))
                        }
                    },
                    Err(e) => {
                        return Err(format!(
                            "a character reference near byte {} is not valid: {e}",
                            at(&reader)
                        ))
                    }
                };
                push(&mut buf, &resolved)?;
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let value = std::mem::take(&mut buf);
                let parent = path.last().map(String::as_str).unwrap_or("");
                if let Some(it) = item.as_mut() {
                    match name.as_str() {
                        "item" => {
                            if let Some(done) = item.take() {
                                file.items.push(done);
                            }
                        }
                        "title" => it.title = value,
                        "link" => it.link = value,
                        "guid" => it.guid = value.trim().to_string(),
                        "dc:creator" => it.creator = value.trim().to_string(),
                        "content:encoded" => it.content = value,
                        "excerpt:encoded" => it.excerpt = value,
                        "wp:post_id" => it.post_id = value.trim().to_string(),
                        "wp:post_date" => it.post_date = value.trim().to_string(),
                        "wp:post_date_gmt" => it.post_date_gmt = value.trim().to_string(),
                        "wp:post_name" => it.post_name = value.trim().to_string(),
                        "wp:status" => it.status = value.trim().to_string(),
                        "wp:post_type" => it.post_type = value.trim().to_string(),
                        "category" if parent == "item" => it.terms.push(Term {
                            domain: std::mem::take(&mut term_domain),
                            name: value.trim().to_string(),
                        }),
                        _ => {}
                    }
                } else {
                    match name.as_str() {
                        "wp:base_site_url" => file.base_site_url = value.trim().to_string(),
                        "language" if parent == "channel" => {
                            file.language = value.trim().to_string()
                        }
                        "wp:author_login" => author.0 = value.trim().to_string(),
                        "wp:author_display_name" => author.1 = value.trim().to_string(),
                        "wp:author" => {
                            let (login, display) = std::mem::take(&mut author);
                            if !login.is_empty() {
                                file.authors.insert(login, display);
                            }
                        }
                        _ => {}
                    }
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if !path.is_empty() || item.is_some() {
        return Err(format!(
            "it ends before <{}> is closed: the file is cut short; export it from WordPress again",
            path.last().map(String::as_str).unwrap_or("item")
        ));
    }
    if file.items.is_empty() && file.base_site_url.is_empty() {
        return Err("it holds no WordPress export (no <wp:base_site_url> and no <item>)".into());
    }
    Ok(file)
}

/// Append to a field's text, refusing a field larger than one post may be.
fn push(buf: &mut String, text: &str) -> Result<(), String> {
    if buf.len() + text.len() > MAX_FIELD_BYTES {
        return Err(format!(
            "one of its fields is larger than the {} Postdesk imports for one post",
            crate::import::read::size_in_words(MAX_FIELD_BYTES as u64)
        ));
    }
    buf.push_str(text);
    Ok(())
}

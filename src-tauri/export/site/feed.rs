//! RSS 2.0 and Atom feeds of the published posts of one language, written
//! with the `rss` and `atom_syndication` crates. Every link is absolute,
//! built from the `site.base_url` setting and the shared URL scheme, so an
//! item links to exactly the page the site exports put there.
//!
//! Each item carries the teaser as its summary (Atom `summary` as text, RSS
//! `description` HTML-escaped, since readers take it for HTML) and the
//! post's HTML (from the one renderer) as its content, with site paths and images made absolute.
//! Feeds are built from the library alone, so they are the same every time
//! for the same posts: the channel's dates are the newest post's, not "now".

use std::str::FromStr;

use atom_syndication as atom;
use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::context::{self, PostEntry};
use super::html::rewrite::{rewrite_urls, site_path_to_absolute};
use super::{Selection, SiteFormat};
use crate::error::{Error, Result};
use crate::export::urls;
use crate::model::Lang;
use crate::store::Store;
use crate::util::html::escape;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedFormat {
    Rss,
    Atom,
}

impl FromStr for FeedFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<FeedFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rss" => Ok(FeedFormat::Rss),
            "atom" => Ok(FeedFormat::Atom),
            _ => Err(Error::invalid(
                "format",
                format!("\"{s}\" is not a feed format; use rss or atom"),
            )),
        }
    }
}

/// What feed to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedOptions {
    pub format: FeedFormat,
    pub lang: Lang,
    /// The format the site was exported in, which decides where images are
    /// (beside the page for Hugo and HTML, `/assets/images/` for Jekyll).
    pub site: SiteFormat,
}

/// A feed, ready to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub xml: String,
    /// Posts in it.
    pub items: usize,
}

/// Build the feed of the library's published posts in `opts.lang`, newest first.
pub fn feed(store: &Store, opts: &FeedOptions) -> Result<Feed> {
    let mut ctx = context::load(store, &Selection::Published, false, &mut |_, _, _| {})?;
    ctx.posts.retain(|p| p.post.lang == opts.lang);
    let base = ctx.base_url.clone();
    let items: Vec<Item> = ctx
        .posts
        .iter()
        .map(|e| Item::new(e, &base, opts.site))
        .collect();
    let channel = Channel {
        title: xml_safe(&ctx.site_name),
        link: format!("{base}{}", urls::listing_path(opts.lang)),
        description: match opts.lang {
            Lang::En => format!("The latest posts from {}", ctx.site_name),
            Lang::Fr => format!("Les derniers articles de {}", ctx.site_name),
        },
        lang: opts.lang,
        updated: items
            .iter()
            .map(|i| i.updated)
            .max()
            .unwrap_or_else(Utc::now),
    };
    let xml = match opts.format {
        FeedFormat::Rss => rss_xml(&channel, &items)?,
        FeedFormat::Atom => atom_xml(&channel, &items)?,
    };
    Ok(Feed {
        xml,
        items: items.len(),
    })
}

struct Channel {
    title: String,
    link: String,
    description: String,
    lang: Lang,
    updated: DateTime<Utc>,
}

/// One post as a feed item, every string already safe for XML.
struct Item {
    title: String,
    url: String,
    date: DateTime<Utc>,
    updated: DateTime<Utc>,
    summary: String,
    html: String,
    tags: Vec<String>,
}

impl Item {
    fn new(e: &PostEntry, base: &str, site: SiteFormat) -> Item {
        let lang = e.post.lang;
        let html = rewrite_urls(
            &e.html,
            &|u| match e.images.iter().find(|i| i.file_name == u) {
                Some(img) => Some(format!(
                    "{base}{}",
                    site.image_path(lang, &e.slug, &img.file_name)
                )),
                None => site_path_to_absolute(u, base),
            },
        );
        Item {
            title: xml_safe(&e.post.title),
            url: format!("{base}{}", urls::post_path(lang, &e.slug)),
            date: e.date,
            updated: e.post.updated_at.max(e.date),
            summary: xml_safe(&e.teaser),
            html: xml_safe(&html),
            tags: e.post.tags.iter().map(|t| xml_safe(t)).collect(),
        }
    }
}

fn rss_xml(ch: &Channel, items: &[Item]) -> Result<String> {
    let mut channel = rss::Channel::default();
    channel.set_title(ch.title.clone());
    channel.set_link(ch.link.clone());
    channel.set_description(xml_safe(&ch.description));
    channel.set_language(Some(ch.lang.as_str().to_string()));
    channel.set_generator(Some("Postdesk".to_string()));
    channel.set_last_build_date(Some(ch.updated.to_rfc2822()));
    channel.set_items(
        items
            .iter()
            .map(|i| {
                let mut item = rss::Item::default();
                item.set_title(Some(i.title.clone()));
                item.set_link(Some(i.url.clone()));
                item.set_guid(Some(rss::Guid {
                    value: i.url.clone(),
                    permalink: true,
                }));
                item.set_pub_date(Some(i.date.to_rfc2822()));
                // RSS readers read `description` as HTML: the plain-text
                // teaser goes in escaped, so it stays text.
                item.set_description(Some(escape(&i.summary)));
                item.set_content(Some(i.html.clone()));
                item.set_categories(
                    i.tags
                        .iter()
                        .map(|t| rss::Category {
                            name: t.clone(),
                            domain: None,
                        })
                        .collect::<Vec<_>>(),
                );
                item
            })
            .collect::<Vec<_>>(),
    );
    let bytes = channel
        .pretty_write_to(Vec::new(), b' ', 2)
        .map_err(|e| feed_error("RSS", e))?;
    to_xml_string(bytes)
}

fn atom_xml(ch: &Channel, items: &[Item]) -> Result<String> {
    let fixed = |t: DateTime<Utc>| -> DateTime<FixedOffset> { t.fixed_offset() };
    let mut feed = atom::Feed::default();
    feed.set_title(atom::Text::plain(ch.title.clone()));
    feed.set_id(ch.link.clone());
    feed.set_updated(fixed(ch.updated));
    feed.set_lang(Some(ch.lang.as_str().to_string()));
    feed.set_subtitle(Some(atom::Text::plain(xml_safe(&ch.description))));
    feed.set_authors(vec![person(&ch.title)]);
    feed.set_links(vec![link(&ch.link)]);
    feed.set_generator(Some(atom::Generator {
        value: "Postdesk".to_string(),
        ..atom::Generator::default()
    }));
    feed.set_entries(
        items
            .iter()
            .map(|i| {
                let mut entry = atom::Entry::default();
                entry.set_title(atom::Text::plain(i.title.clone()));
                entry.set_id(i.url.clone());
                entry.set_updated(fixed(i.updated));
                entry.set_published(Some(fixed(i.date)));
                entry.set_links(vec![link(&i.url)]);
                entry.set_summary(Some(atom::Text::plain(i.summary.clone())));
                entry.set_content(Some(atom::Content {
                    value: Some(i.html.clone()),
                    content_type: Some("html".to_string()),
                    ..atom::Content::default()
                }));
                entry.set_categories(
                    i.tags
                        .iter()
                        .map(|t| atom::Category {
                            term: t.clone(),
                            ..atom::Category::default()
                        })
                        .collect::<Vec<_>>(),
                );
                entry
            })
            .collect::<Vec<_>>(),
    );
    let bytes = feed
        .write_with_config(
            Vec::new(),
            atom::WriteConfig {
                write_document_declaration: true,
                indent_size: Some(2),
            },
        )
        .map_err(|e| feed_error("Atom", e))?;
    to_xml_string(bytes)
}

fn person(name: &str) -> atom::Person {
    atom::Person {
        name: name.to_string(),
        ..atom::Person::default()
    }
}

fn link(href: &str) -> atom::Link {
    atom::Link {
        href: href.to_string(),
        ..atom::Link::default()
    }
}

fn to_xml_string(bytes: Vec<u8>) -> Result<String> {
    let mut s = String::from_utf8(bytes).map_err(|e| feed_error("XML", e))?;
    s.push('\n');
    Ok(s)
}

fn feed_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::invalid("feed", format!("Could not write the {what} feed: {e}"))
}

/// Drop the characters XML 1.0 cannot carry at all, even escaped (NUL and
/// most control characters, U+FFFE, U+FFFF), which a post could hold.
fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_forbidden_characters_are_dropped() {
        assert_eq!(
            xml_safe("a\0b\u{1}c\u{fffe}\td\u{200f}é"),
            "abc\td\u{200f}é"
        );
    }

    #[test]
    fn formats_parse() {
        assert_eq!("RSS".parse::<FeedFormat>().unwrap(), FeedFormat::Rss);
        assert_eq!("atom".parse::<FeedFormat>().unwrap(), FeedFormat::Atom);
        assert!("json".parse::<FeedFormat>().is_err());
    }
}

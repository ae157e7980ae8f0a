//! Links and images: `asset:` URLs resolved, every link and image recorded.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::text::Collapsed;
use super::{AssetResolver, Image, Link};

/// The prefix of asset references: `asset:` followed by 16 hex digits.
const ASSET_SCHEME: &str = "asset:";
const ASSET_HEX_LEN: usize = 16;

/// Whether `url` is an asset reference, `asset:<16 hex digits>`.
pub(crate) fn is_asset_url(url: &str) -> bool {
    url.strip_prefix(ASSET_SCHEME)
        .is_some_and(|hex| hex.len() == ASSET_HEX_LEN && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Every `asset:<hex>` URL referenced by a Markdown image or link,
/// deduplicated, in order of first appearance.
pub fn asset_refs(markdown: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut refs = Vec::new();
    for event in super::parser(markdown) {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            if is_asset_url(&dest_url) && seen.insert(dest_url.clone()) {
                refs.push(dest_url.into_string());
            }
        }
    }
    refs
}

/// The links and images of a document.
#[derive(Debug, Default)]
pub(crate) struct Refs {
    pub(crate) links: Vec<Link>,
    pub(crate) images: Vec<Image>,
}

/// A link or image whose text is still being read.
enum Open {
    Link(usize, Collapsed),
    Image(usize, Collapsed),
}

impl Open {
    fn text(&mut self) -> &mut Collapsed {
        match self {
            Open::Link(_, text) | Open::Image(_, text) => text,
        }
    }
}

/// The link pass: rewrites `asset:` destinations through the resolver and
/// records each link (URL as written, text) and image (source as written,
/// resolved URL, alt text, title).
pub(crate) struct LinkPass<'a, 'r, I> {
    inner: I,
    resolve: Option<AssetResolver<'r>>,
    refs: &'r mut Refs,
    /// Links and images being read; an image can sit inside a link, or
    /// inside another image's alt text.
    open: Vec<Open>,
    _events: std::marker::PhantomData<Event<'a>>,
}

impl<'a, 'r, I: Iterator<Item = Event<'a>>> LinkPass<'a, 'r, I> {
    pub(crate) fn new(inner: I, resolve: Option<AssetResolver<'r>>, refs: &'r mut Refs) -> Self {
        LinkPass {
            inner,
            resolve,
            refs,
            open: Vec::new(),
            _events: std::marker::PhantomData,
        }
    }

    /// The resolved URL of an asset reference, if the resolver knows it.
    fn resolved(&self, url: &str) -> Option<String> {
        let resolve = self.resolve?;
        if is_asset_url(url) {
            resolve(url)
        } else {
            None
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for LinkPass<'a, '_, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let event = self.inner.next()?;
        Some(match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let url = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                let dest_url = match self.resolved(&dest_url) {
                    Some(resolved) => CowStr::from(resolved),
                    None => dest_url,
                };
                self.open
                    .push(Open::Link(self.refs.links.len(), Collapsed::inline()));
                self.refs.links.push(Link {
                    url,
                    text: String::new(),
                });
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let src = dest_url.to_string();
                let (dest_url, url) = match self.resolved(&dest_url) {
                    Some(resolved) => (CowStr::from(resolved.clone()), resolved),
                    None => (dest_url, src.clone()),
                };
                self.open
                    .push(Open::Image(self.refs.images.len(), Collapsed::inline()));
                self.refs.images.push(Image {
                    src,
                    url,
                    alt: String::new(),
                    title: title.to_string(),
                });
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                match self.open.pop() {
                    Some(Open::Link(i, text)) => self.refs.links[i].text = text.finish(),
                    Some(Open::Image(i, text)) => self.refs.images[i].alt = text.finish(),
                    None => {}
                }
                event
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                for open in &mut self.open {
                    open.text().text(text);
                }
                event
            }
            Event::SoftBreak | Event::HardBreak => {
                for open in &mut self.open {
                    open.text().space();
                }
                event
            }
            event => event,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_urls_have_sixteen_hex_digits() {
        assert!(is_asset_url("asset:0123456789abcdef"));
        assert!(is_asset_url("asset:0123456789ABCDEF"));
        assert!(!is_asset_url("asset:0123456789abcde"));
        assert!(!is_asset_url("asset:0123456789abcdefa"));
        assert!(!is_asset_url("asset:0123456789abcdeg"));
        assert!(!is_asset_url("Asset:0123456789abcdef"));
        assert!(!is_asset_url("https://example.com/asset:0123456789abcdef"));
    }
}

//! A post with five library images (one featured), tags and a hostile body:
//! media items with alt text, the body pointing at them, the files served,
//! the rendered pages showing the title and excerpt and no injected script.
//! Prints the time to publish it.

use std::time::Instant;

use postdesk::model::{PostPatch, Status};
use postdesk::publish::wordpress::{self, PublishOptions};
use postdesk::store::EditKind;
use serde_json::Value;

use super::Site;

/// A real `size`×`size` RGB PNG of one colour (stored deflate blocks).
pub fn png(size: u32, rgb: [u8; 3]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc32(&body).to_be_bytes());
    }
    // Each row: filter byte 0 (none), then the pixels.
    let mut row = vec![0u8];
    for _ in 0..size {
        row.extend(rgb);
    }
    let raw = row.repeat(size as usize);
    // zlib: header, stored blocks of at most 65535 bytes, Adler-32.
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend(len.to_le_bytes());
        z.extend((!len).to_le_bytes());
        z.extend(*block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend(((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(size.to_be_bytes());
    ihdr.extend(size.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The `src` of every `<img>` in some HTML.
pub fn img_sources(html: &str) -> Vec<String> {
    html.split("<img")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            let start = tag.find("src=\"")? + 5;
            let end = tag[start..].find('"')? + start;
            Some(tag[start..end].replace("&amp;", "&"))
        })
        .collect()
}

pub fn five_images_hostile_body_and_the_rendered_page(site: &mut Site) {
    let colours = [
        [200, 30, 30],
        [30, 200, 30],
        [30, 30, 200],
        [200, 200, 30],
        [30, 200, 200],
    ];
    let mut refs = Vec::new();
    for (i, rgb) in colours.iter().enumerate() {
        let asset = site
            .store
            .add_asset(&format!("rally photo {i}.png"), &png(48, *rgb))
            .expect("add image");
        refs.push(asset.reference);
    }
    let mut body = String::from(
        "Riders packed the council chamber on Tuesday to ask for protected bike lanes.\n\n",
    );
    for (i, r) in refs.iter().enumerate() {
        body.push_str(&format!("![Rally photo number {i}]({r})\n\n"));
    }
    body.push_str(
        "<script>document.title='pwned-by-body'</script>\n\n\
         <img src=\"x\" onerror=\"alert('pwned-onerror')\">\n\n\
         [click](javascript:alert('pwned-link'))\n",
    );
    let post = site.new_post("Council hears from 300 riders", &body, Status::Published);
    let post = site
        .store
        .update_post(
            post.id,
            PostPatch {
                summary: Some("Three hundred riders asked the council for protected lanes.".into()),
                tags: Some(vec!["Bike lanes".into(), "Council".into()]),
                featured_image: Some(refs[0].clone()),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .expect("edit post");

    let started = Instant::now();
    let outcome = wordpress::publish_post(&mut site.store, post.id, PublishOptions::default())
        .expect("publish");
    let took = started.elapsed();
    eprintln!(
        "time to publish a post with 5 images to WordPress: {:.0} ms",
        took.as_secs_f64() * 1000.0
    );
    assert!(outcome.created);
    assert_eq!((outcome.images_uploaded, outcome.images_reused), (5, 0));
    assert_eq!(outcome.status, "publish");

    let remote = site.remote_post(outcome.wordpress_id);
    assert_eq!(remote["title"]["raw"], "Council hears from 300 riders");
    assert_eq!(
        remote["excerpt"]["raw"],
        "Three hundred riders asked the council for protected lanes."
    );
    assert_eq!(remote["slug"], post.slug.as_str());
    assert_eq!(remote["link"], outcome.link.as_str());
    let content = remote["content"]["raw"].as_str().expect("content");
    for hostile in ["<script", "pwned-by-body", "onerror", "javascript:"] {
        assert!(
            !content.contains(hostile),
            "{hostile} reached the site: {content}"
        );
    }

    // Each image: a media item with its alt text, referenced by the body, served.
    let sources = img_sources(content);
    let media: Vec<Value> = (0..5)
        .map(|i| {
            let found = site
                .wp
                .rest_get(&format!("/wp/v2/media&search=rally-photo-{i}&context=edit"));
            assert_eq!(
                found.as_array().map(Vec::len),
                Some(1),
                "media {i}: {found}"
            );
            found[0].clone()
        })
        .collect();
    for (i, item) in media.iter().enumerate() {
        assert_eq!(
            item["alt_text"],
            format!("Rally photo number {i}"),
            "{item}"
        );
        let url = item["source_url"].as_str().expect("source_url");
        assert!(sources.iter().any(|s| s == url), "{url} not in {sources:?}");
        let (status, bytes) = site.wp.get(url);
        assert_eq!(status, 200, "{url}");
        assert_eq!(
            bytes,
            png(48, colours[i]),
            "{url} serves the uploaded image"
        );
    }
    assert_eq!(remote["featured_media"], media[0]["id"]);
    let tag_ids = remote["tags"].as_array().expect("tags").clone();
    let tag_names: Vec<String> = tag_ids
        .iter()
        .map(|id| {
            site.wp.rest_get(&format!("/wp/v2/tags/{id}"))["name"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(tag_names.len(), 2);
    assert!(
        tag_names.contains(&"Bike lanes".to_string()),
        "{tag_names:?}"
    );

    // The rendered post page: title, body, images that load, no injected script.
    let (status, page) = site.wp.get(&outcome.link);
    let page = String::from_utf8_lossy(&page);
    assert_eq!(status, 200);
    assert!(page.contains("Council hears from 300 riders"));
    assert!(page.contains("Riders packed the council chamber"));
    for hostile in ["pwned-by-body", "pwned-onerror", "pwned-link"] {
        assert!(!page.contains(hostile), "{hostile} is on the page");
    }
    let on_page: Vec<String> = img_sources(&page)
        .into_iter()
        .filter(|s| s.contains("/uploads/"))
        .collect();
    assert!(on_page.len() >= 5, "{on_page:?}");
    for src in &on_page {
        assert_eq!(site.wp.get(src).0, 200, "{src} loads");
    }
    // The home page lists the newest posts (the theme shows excerpts there).
    let (status, listing) = site.wp.get(&format!("{}/", site.wp.url));
    let listing = String::from_utf8_lossy(&listing);
    assert_eq!(status, 200, "{listing}");
    assert!(listing.contains("Council hears from 300 riders"));
    assert!(listing.contains("Three hundred riders asked the council for protected lanes."));
    assert!(!listing.contains("pwned"));
}

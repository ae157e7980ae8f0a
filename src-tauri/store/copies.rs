//! Copies of a post: a duplicate ("Copy of …") and the start of its
//! other-language version. Both go through [`Store::create_post`].

use super::rules::copy_title;
use super::Store;
use crate::error::{Error, Result};
use crate::model::{NewPost, Post, Status};

impl Store {
    /// A copy of a post as a new draft ("Copy of …"), tags included.
    pub fn duplicate_post(&mut self, id: i64) -> Result<Post> {
        let p = self.get_post(id)?;
        self.create_post(NewPost {
            title: copy_title(&p.title),
            summary: p.summary,
            preview_text: p.preview_text,
            body: p.body,
            lang: p.lang,
            status: Status::Draft,
            tags: p.tags,
            author: p.author,
            featured_image: p.featured_image,
            extra: p.extra,
            ..NewPost::default()
        })
    }

    /// Start the other-language version of a post: a draft with the same
    /// words to translate, linked both ways. Refused when one exists.
    pub fn create_translation(&mut self, id: i64) -> Result<Post> {
        let p = self.get_post(id)?;
        if let Some(existing) = p.translation_of.and_then(|t| self.get_post(t).ok()) {
            return Err(Error::invalid(
                "translation",
                format!(
                    "\"{}\" already has a translation: \"{}\".",
                    p.title, existing.title
                ),
            ));
        }
        self.create_post(NewPost {
            title: p.title,
            slug: Some(p.slug),
            summary: p.summary,
            preview_text: p.preview_text,
            body: p.body,
            lang: crate::lang::other(p.lang),
            translation_of: Some(p.id),
            status: Status::Draft,
            tags: p.tags,
            author: p.author,
            featured_image: p.featured_image,
            ..NewPost::default()
        })
    }
}

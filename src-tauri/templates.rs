//! Starting points for a new post in the organisation's genres.

use serde::Serialize;
use ts_rs::TS;

use crate::model::{NewPost, Status};

/// A template as the "New post" menu lists it (the UI reads `id` and `name`).
#[derive(Debug, Clone, Copy, Serialize, TS)]
pub struct Template {
    pub id: &'static str,
    pub name: &'static str,
    pub title: &'static str,
    pub tags: &'static [&'static str],
    pub body: &'static str,
}

pub const TEMPLATES: &[Template] = &[
    Template {
        id: "campaign-update",
        name: "Campaign update",
        title: "Campaign update: ",
        tags: &["campaign update"],
        body: "What happened, in one or two sentences.\n\n## What changed\n\n- \n\n## What is still missing\n\n\n## What comes next\n\n",
    },
    Template {
        id: "action-alert",
        name: "Action alert",
        title: "Action alert: ",
        tags: &["action alert"],
        body: "The decision, the date, and why it matters.\n\n## What we are asking\n\n1. \n2. \n\n[Take action](https://)\n\n## Talking points\n\n- \n",
    },
    Template {
        id: "media-release",
        name: "Media release",
        title: "",
        tags: &["media release"],
        body: "**FOR IMMEDIATE RELEASE**\n\nCITY — The news in one sentence.\n\n\"A quote,\" said NAME, ROLE.\n\n### About the organisation\n\n\n**Media contact:** NAME, EMAIL, PHONE\n",
    },
    Template {
        id: "myths-and-facts",
        name: "Myths and facts",
        title: "Myths and facts about ",
        tags: &["myths and facts"],
        body: "Why these questions come up.\n\n## Myth: \"…\"\n\n**Fact:** \n\n## Myth: \"…\"\n\n**Fact:** \n",
    },
];

/// A new post from a template (`None` or an unknown id: a blank post).
pub fn new_post(template: Option<&str>) -> NewPost {
    let t = template.and_then(|id| TEMPLATES.iter().find(|t| t.id == id));
    let title = match t {
        Some(t) if !t.title.is_empty() => format!("{}…", t.title),
        Some(t) => format!("New {}", t.name.to_lowercase()),
        None => "Untitled post".to_string(),
    };
    NewPost {
        title,
        body: t.map(|t| t.body.to_string()).unwrap_or_default(),
        tags: t
            .map(|t| t.tags.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default(),
        status: Status::Draft,
        ..NewPost::default()
    }
}

/// A new post from a template, by the writer named in Settings (`author.name`).
pub fn new_post_by_me(
    store: &crate::store::Store,
    template: Option<&str>,
) -> crate::error::Result<NewPost> {
    Ok(NewPost {
        author: crate::library_settings::get(store, "author.name")?,
        ..new_post(template)
    })
}

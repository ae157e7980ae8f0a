//! Starting points for a new post in the organisation's genres, in English
//! and in French. A template's language is the new post's language; the app
//! offers the templates of its interface language (a French interface makes
//! French posts, which are then checked and exported as French).

use serde::Serialize;
use ts_rs::TS;

use crate::model::{Lang, NewPost, Status};

/// A template as the "New post" menu lists it (the UI reads `id` and `name`).
#[derive(Debug, Clone, Copy, Serialize, TS)]
pub struct Template {
    pub id: &'static str,
    pub name: &'static str,
    /// The language it is written in, and the new post's.
    pub lang: Lang,
    pub title: &'static str,
    pub tags: &'static [&'static str],
    pub body: &'static str,
}

pub const TEMPLATES: &[Template] = &[
    Template {
        id: "campaign-update",
        name: "Campaign update",
        lang: Lang::En,
        title: "Campaign update: ",
        tags: &["campaign update"],
        body: "What happened, in one or two sentences.\n\n## What changed\n\n- \n\n## What is still missing\n\n\n## What comes next\n\n",
    },
    Template {
        id: "action-alert",
        name: "Action alert",
        lang: Lang::En,
        title: "Action alert: ",
        tags: &["action alert"],
        body: "The decision, the date, and why it matters.\n\n## What we are asking\n\n1. \n2. \n\n[Take action](https://)\n\n## Talking points\n\n- \n",
    },
    Template {
        id: "media-release",
        name: "Media release",
        lang: Lang::En,
        title: "",
        tags: &["media release"],
        body: "**FOR IMMEDIATE RELEASE**\n\nCITY — The news in one sentence.\n\n\"A quote,\" said NAME, ROLE.\n\n### About the organisation\n\n\n**Media contact:** NAME, EMAIL, PHONE\n",
    },
    Template {
        id: "myths-and-facts",
        name: "Myths and facts",
        lang: Lang::En,
        title: "Myths and facts about ",
        tags: &["myths and facts"],
        body: "Why these questions come up.\n\n## Myth: \"…\"\n\n**Fact:** \n\n## Myth: \"…\"\n\n**Fact:** \n",
    },
    Template {
        id: BLANK_FR,
        name: "Billet vierge",
        lang: Lang::Fr,
        title: "",
        tags: &[],
        body: "",
    },
    Template {
        id: "campaign-update-fr",
        name: "Suivi de campagne",
        lang: Lang::Fr,
        title: "Suivi de campagne : ",
        tags: &["suivi de campagne"],
        body: "Ce qui s’est passé, en une ou deux phrases.\n\n## Ce qui a changé\n\n- \n\n## Ce qui manque encore\n\n\n## La suite\n\n",
    },
    Template {
        id: "action-alert-fr",
        name: "Appel à l’action",
        lang: Lang::Fr,
        title: "Appel à l’action : ",
        tags: &["appel à l’action"],
        body: "La décision, la date, et pourquoi c’est important.\n\n## Ce que nous demandons\n\n1. \n2. \n\n[Passez à l’action](https://)\n\n## Arguments clés\n\n- \n",
    },
    Template {
        id: "media-release-fr",
        name: "Communiqué de presse",
        lang: Lang::Fr,
        title: "",
        tags: &["communiqué"],
        body: "**POUR DIFFUSION IMMÉDIATE**\n\nVILLE — La nouvelle en une phrase.\n\n« Une citation », a déclaré NOM, FONCTION.\n\n### À propos de l’organisme\n\n\n**Relations avec les médias :** NOM, COURRIEL, TÉLÉPHONE\n",
    },
    Template {
        id: "myths-and-facts-fr",
        name: "Mythes et réalités",
        lang: Lang::Fr,
        title: "Mythes et réalités : ",
        tags: &["mythes et réalités"],
        body: "Pourquoi ces questions reviennent.\n\n## Mythe : « … »\n\n**Réalité :** \n\n## Mythe : « … »\n\n**Réalité :** \n",
    },
];

/// The blank French post (the English one is no template at all).
pub const BLANK_FR: &str = "blank-fr";

/// A new post from a template (`None` or an unknown id: a blank post).
pub fn new_post(template: Option<&str>) -> NewPost {
    let t = template.and_then(|id| TEMPLATES.iter().find(|t| t.id == id));
    let lang = t.map(|t| t.lang).unwrap_or_default();
    let title = match t {
        Some(t) if !t.title.is_empty() => format!("{}…", t.title),
        Some(t) if t.id == BLANK_FR => "Billet sans titre".to_string(),
        Some(t) if t.lang == Lang::Fr => format!("Nouveau : {}", t.name.to_lowercase()),
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
        lang,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_french_template_makes_a_french_post_and_every_english_one_has_a_french_twin() {
        let p = new_post(Some("action-alert-fr"));
        assert_eq!(p.lang, Lang::Fr);
        assert!(p.title.starts_with("Appel à l’action"), "{}", p.title);
        assert_eq!(new_post(Some(BLANK_FR)).title, "Billet sans titre");
        assert_eq!(new_post(Some(BLANK_FR)).lang, Lang::Fr);
        assert_eq!(
            new_post(Some("media-release-fr")).title,
            "Nouveau : communiqué de presse"
        );
        assert_eq!(new_post(None).lang, Lang::En);
        assert_eq!(new_post(Some("action-alert")).lang, Lang::En);
        for en in TEMPLATES.iter().filter(|t| t.lang == Lang::En) {
            let twin = format!("{}-fr", en.id);
            assert!(
                TEMPLATES.iter().any(|t| t.id == twin && t.lang == Lang::Fr),
                "{twin}"
            );
        }
    }
}

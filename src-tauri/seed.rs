//! Sample posts for a new default library, so a newcomer sees a real library
//! rather than an empty window. Written in the organisation's genres.

use chrono::{Duration, Utc};

use crate::error::Result;
use crate::model::{Lang, NewPost, Status};
use crate::store::Store;

struct Sample {
    title: &'static str,
    summary: &'static str,
    preview_text: &'static str,
    body: &'static str,
    lang: Lang,
    status: Status,
    tags: &'static [&'static str],
    days_ago: i64,
}

const SAMPLES: &[Sample] = &[
    Sample {
        title: "Safe routes to school: the committee says yes",
        summary: "The transportation committee voted 7–2 to fund the first twelve raised crossings near schools. Here is what passed, what is missing, and what comes next.",
        preview_text: "Twelve crossings funded — and the vote that decides the rest.",
        body: include_str!("seed/campaign-update.md"),
        lang: Lang::En,
        status: Status::Published,
        tags: &["safe routes", "campaign update"],
        days_ago: 9,
    },
    Sample {
        title: "Action alert: write to your councillor before Monday",
        summary: "",
        preview_text: "Two minutes, one letter, twenty safer crossings.",
        body: include_str!("seed/action-alert.md"),
        lang: Lang::En,
        status: Status::Ready,
        tags: &["safe routes", "action alert"],
        days_ago: 2,
    },
    Sample {
        title: "New report maps 214 collisions near Montréal schools",
        summary: "Walking to School, released today, finds that four in five collisions involving children near schools happened where there was no raised crossing.",
        preview_text: "",
        body: include_str!("seed/media-release.md"),
        lang: Lang::En,
        status: Status::Published,
        tags: &["media release", "report"],
        days_ago: 20,
    },
    Sample {
        title: "Myths and facts about safer streets",
        summary: "Ambulances, shops, cost: the five worries we hear most about raised crossings and school streets, and what the evidence says.",
        preview_text: "",
        body: include_str!("seed/myths-and-facts.md"),
        lang: Lang::En,
        status: Status::Draft,
        tags: &["myths and facts", "safe routes"],
        days_ago: 1,
    },
    Sample {
        title: "Trajets sécuritaires : le comité dit oui",
        summary: "Le comité des transports a voté pour financer les douze premières traversées surélevées près des écoles. Voici ce qui a été adopté et ce qui manque.",
        preview_text: "Douze traversées financées — et le vote qui décidera du reste.",
        body: include_str!("seed/mise-a-jour-fr.md"),
        lang: Lang::Fr,
        status: Status::Published,
        tags: &["trajets sécuritaires", "mise à jour"],
        days_ago: 8,
    },
];

/// Fill an empty library with the sample posts. The French update is linked
/// as the translation of the English one.
pub fn seed(store: &mut Store) -> Result<()> {
    let now = Utc::now();
    let mut first_en = None;
    for s in SAMPLES {
        let date = now - Duration::days(s.days_ago);
        let post = store.create_post(NewPost {
            title: s.title.into(),
            summary: s.summary.into(),
            preview_text: s.preview_text.into(),
            body: s.body.into(),
            lang: s.lang,
            status: s.status,
            tags: s.tags.iter().map(|t| t.to_string()).collect(),
            author: "Communications team".into(),
            created_at: Some(date),
            publish_at: matches!(s.status, Status::Published).then_some(date),
            // The French update is the translation of the first English post.
            translation_of: if s.lang == Lang::Fr { first_en } else { None },
            ..NewPost::default()
        })?;
        if s.lang == Lang::En && first_en.is_none() {
            first_en = Some(post.id);
        }
    }
    crate::library_settings::set(store, "site.name", "Coalition for Safe Streets")?;
    crate::library_settings::set(store, "newsletter.name", "Safe Streets News")?;
    crate::library_settings::set(store, "sender.name", "Coalition for Safe Streets")?;
    crate::library_settings::ask_welcome(store)?;
    Ok(())
}

/// How many sample posts [`seed`] writes.
pub fn sample_count() -> usize {
    SAMPLES.len()
}

//! Where merged posts go: the folder of a French twin, and the slugs of
//! posts of one language that want the same slug (settled by uid, the same
//! way on every laptop).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::engine::Candidate;
use super::format::SharedPost;
use super::merge::Merged;
use crate::error::Result;
use crate::model::Lang;
use crate::store::Store;

/// The English post whose folder a French post shares: its twin, when the
/// twin is English and links back.
pub(super) fn french_folder(
    store: &Store,
    p: &SharedPost,
    results: &HashMap<&str, &SharedPost>,
) -> Result<Option<String>> {
    if p.lang != Lang::Fr {
        return Ok(None);
    }
    let Some(twin) = &p.translation else {
        return Ok(None);
    };
    let links_back = match results.get(twin.as_str()) {
        Some(t) => t.lang == Lang::En && t.translation.as_deref() == Some(p.uid.as_str()),
        None => match store.sync_local(twin)? {
            Some(l) => {
                l.post.lang == Lang::En
                    && l.post.deleted_at.is_none()
                    && l.twin_uid.as_deref() == Some(p.uid.as_str())
            }
            None => false,
        },
    };
    Ok(links_back.then(|| twin.clone()))
}

/// Two posts of one language wanting one slug: the smaller uid keeps it, the
/// others get `-2`, `-3`… in uid order, the same on every laptop.
pub(super) fn settle_slug_collisions(
    store: &Store,
    cands: &[Candidate],
    outcomes: &mut [Merged],
) -> Result<()> {
    let in_batch: BTreeSet<&str> = cands.iter().map(|c| c.uid.as_str()).collect();
    let mut wanted: BTreeMap<(Lang, String), Vec<(String, usize)>> = BTreeMap::new();
    for (i, o) in outcomes.iter().enumerate() {
        if let Merged::Clean(Some(p)) = o {
            wanted
                .entry((p.lang, p.slug.clone()))
                .or_default()
                .push((p.uid.clone(), i));
        }
    }
    let mut taken: BTreeSet<(Lang, String)> = wanted.keys().cloned().collect();
    for ((lang, slug), mut users) in wanted {
        // A post outside this batch holding the slug is settled too (it is shared already).
        let holder = store
            .sync_slug_owner(lang, &slug)?
            .filter(|u| !in_batch.contains(u.as_str()));
        if users.len() == 1 && holder.is_none() {
            continue;
        }
        // A holder outside the batch keeps its slug (renaming it would be a new edit).
        let mut all: Vec<String> = users.iter().map(|(u, _)| u.clone()).collect();
        all.sort();
        if let Some(h) = holder {
            all.insert(0, h);
        }
        users.sort();
        for (uid, i) in users {
            if all.first() == Some(&uid) {
                continue;
            }
            let mut n = 2;
            let free = loop {
                let candidate = crate::slug::with_suffix(&slug, n);
                let key = (lang, candidate.clone());
                let owner = store.sync_slug_owner(lang, &candidate)?;
                if !taken.contains(&key) && owner.as_deref().is_none_or(|o| o == uid) {
                    break candidate;
                }
                n += 1;
            };
            taken.insert((lang, free.clone()));
            if let Merged::Clean(Some(p)) = &mut outcomes[i] {
                p.slug = free;
            }
        }
    }
    Ok(())
}

//! Three-way merge of one post against its stored base, field by field:
//! a field changed on one side takes that side; tags merge as sets; the body
//! merges by lines where one Markdown paragraph (block between blank lines)
//! is one line, so two edits of the same paragraph are a conflict. An edit
//! beats a delete. What cannot be merged comes back as [`ConflictItem`]s
//! (per field, per body block) for a person to choose; nothing is dropped.
//!
//! The body merge uses `diffy` (a maintained diff3 implementation) over
//! *tokens*: each distinct paragraph becomes a token line such as `t12`, so
//! conflict markers in diffy's output can never be confused with a
//! paragraph that happens to start with `<<<<<<<`, and no marker can leak
//! into a merged text. A separator token between paragraphs keeps edits of
//! two neighbouring paragraphs apart (diff3 treats adjacent changed lines as
//! one conflict).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::format::SharedPost;

/// How to settle one conflict item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Take {
    /// This laptop's version.
    Mine,
    /// The version shared in the repository.
    Theirs,
    /// Both: for the body, summary and preview text both paragraphs (mine first);
    /// for other fields, mine.
    Both,
}

/// One field (or one body block) both sides changed differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictItem {
    /// `title`, `slug`, `status`, `body`… (the front-matter key).
    pub field: String,
    /// For the body: the conflict's number, in order; 0 for other fields.
    pub block: u32,
    pub base: String,
    pub mine: String,
    pub theirs: String,
    /// The choice made so far, if any.
    pub choice: Option<Take>,
}

/// The outcome of merging one post (short-lived, one per post of a sync,
/// so the size difference between the variants does not matter).
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Merged {
    /// Merged cleanly: the post, or `None` when it is deleted.
    Clean(Option<SharedPost>),
    /// Conflicts, some still without a choice (settled ones carry theirs);
    /// `partial` is the merge with mine where nothing was chosen.
    Conflict {
        items: Vec<ConflictItem>,
        partial: Box<SharedPost>,
    },
}

/// Merge `mine` and `theirs` against `base` (`None`: absent on that side),
/// applying any choices already made in `choices`.
pub fn merge(
    base: Option<&SharedPost>,
    mine: Option<&SharedPost>,
    theirs: Option<&SharedPost>,
    choices: &[ConflictItem],
) -> Merged {
    match (mine, theirs) {
        (None, None) => Merged::Clean(None),
        // Deleted on one side: the delete wins only if the other side did not edit.
        (None, Some(t)) => Merged::Clean(if Some(t) == base {
            None
        } else {
            Some(t.clone())
        }),
        (Some(m), None) => Merged::Clean(if Some(m) == base {
            None
        } else {
            Some(m.clone())
        }),
        (Some(m), Some(t)) if m == t => Merged::Clean(Some(m.clone())),
        (Some(m), Some(t)) => merge_fields(base, m, t, choices),
    }
}

/// The choice made for this item, only if the person saw exactly these two
/// texts: when either side changed since, the item is asked again (a stale
/// choice must never drop words nobody was shown).
fn choice_for(
    choices: &[ConflictItem],
    field: &str,
    block: u32,
    mine: &str,
    theirs: &str,
) -> Option<Take> {
    choices
        .iter()
        .find(|c| c.field == field && c.block == block && c.mine == mine && c.theirs == theirs)
        .and_then(|c| c.choice)
}

/// The scalar fields in front-matter order, as text.
const SCALARS: [&str; 13] = [
    "title",
    "slug",
    "lang",
    "status",
    "author",
    "reviewer",
    "summary",
    "preview_text",
    "created",
    "publish_at",
    "canonical_url",
    "featured_image",
    "translation",
];

fn get_field(p: &SharedPost, f: &str) -> String {
    match f {
        "title" => p.title.clone(),
        "slug" => p.slug.clone(),
        "lang" => p.lang.as_str().into(),
        "status" => p.status.as_str().into(),
        "author" => p.author.clone(),
        "reviewer" => p.reviewer.clone(),
        "summary" => p.summary.clone(),
        "preview_text" => p.preview_text.clone(),
        "created" => p.created.to_rfc3339(),
        "publish_at" => p.publish_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        "canonical_url" => p.canonical_url.clone(),
        "featured_image" => p.featured_image.clone(),
        "translation" => p.translation.clone().unwrap_or_default(),
        "extra" => serde_json::Value::Object(p.extra.clone()).to_string(),
        _ => String::new(),
    }
}

/// Copy field `f` from `src` into `dst` (typed, so nothing is parsed back).
fn copy_field(dst: &mut SharedPost, src: &SharedPost, f: &str) {
    match f {
        "title" => dst.title = src.title.clone(),
        "slug" => dst.slug = src.slug.clone(),
        "lang" => dst.lang = src.lang,
        "status" => dst.status = src.status,
        "author" => dst.author = src.author.clone(),
        "reviewer" => dst.reviewer = src.reviewer.clone(),
        "summary" => dst.summary = src.summary.clone(),
        "preview_text" => dst.preview_text = src.preview_text.clone(),
        "created" => dst.created = src.created,
        "publish_at" => dst.publish_at = src.publish_at,
        "canonical_url" => dst.canonical_url = src.canonical_url.clone(),
        "featured_image" => dst.featured_image = src.featured_image.clone(),
        "translation" => dst.translation = src.translation.clone(),
        "extra" => dst.extra = src.extra.clone(),
        _ => {}
    }
}

fn merge_fields(
    base: Option<&SharedPost>,
    m: &SharedPost,
    t: &SharedPost,
    choices: &[ConflictItem],
) -> Merged {
    let mut out = m.clone();
    let mut items = Vec::new();
    for f in SCALARS.iter().copied().chain(["extra"]) {
        let (mv, tv) = (get_field(m, f), get_field(t, f));
        let bv = base.map(|b| get_field(b, f));
        if mv == tv || bv.as_deref() == Some(tv.as_str()) {
            continue; // same, or only mine changed: `out` already has mine
        }
        if bv.as_deref() == Some(mv.as_str()) {
            copy_field(&mut out, t, f);
            continue;
        }
        let choice = choice_for(choices, f, 0, &mv, &tv);
        match choice {
            Some(Take::Theirs) => copy_field(&mut out, t, f),
            Some(Take::Both) if f == "summary" => out.summary = join_both(&mv, &tv),
            Some(Take::Both) if f == "preview_text" => out.preview_text = join_both(&mv, &tv),
            _ => {}
        }
        items.push(ConflictItem {
            field: f.into(),
            block: 0,
            base: bv.unwrap_or_default(),
            mine: mv,
            theirs: tv,
            choice,
        });
    }
    out.tags = merge_tags(base.map(|b| b.tags.as_slice()), &m.tags, &t.tags);
    let base_body = base.map(|b| b.body.as_str()).unwrap_or("");
    let (body, body_items) = merge_body(base_body, &m.body, &t.body, choices);
    out.body = body;
    items.extend(body_items);
    if items.iter().all(|i| i.choice.is_some()) {
        Merged::Clean(Some(out))
    } else {
        Merged::Conflict {
            items,
            partial: Box::new(out),
        }
    }
}

fn join_both(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.into(),
        (_, true) => a.into(),
        _ => format!("{a}\n\n{b}"),
    }
}

/// Tags as sets: each side's additions and removals both apply; mine's order first.
pub fn merge_tags(base: Option<&[String]>, mine: &[String], theirs: &[String]) -> Vec<String> {
    let has = |set: &[String], t: &str| set.iter().any(|x| x.eq_ignore_ascii_case(t));
    let base = base.unwrap_or(&[]);
    if mine == base {
        return theirs.to_vec();
    }
    if theirs == base || mine == theirs {
        return mine.to_vec();
    }
    let mut out: Vec<String> = mine
        .iter()
        .filter(|x| has(theirs, x) || !has(base, x))
        .cloned()
        .collect();
    for x in theirs {
        if !has(mine, x) && !has(base, x) && !has(&out, x) {
            out.push(x.clone());
        }
    }
    out
}

/// The body's blocks: paragraphs between blank lines, joined back losslessly.
pub fn blocks(body: &str) -> Vec<&str> {
    body.split("\n\n").collect()
}

/// Merge bodies block by block. Returns the body (mine where unresolved
/// conflicts remain) and every conflict, with the choice made if any.
pub fn merge_body(
    base: &str,
    mine: &str,
    theirs: &str,
    choices: &[ConflictItem],
) -> (String, Vec<ConflictItem>) {
    if mine == theirs || base == theirs {
        return (mine.into(), Vec::new());
    }
    if base == mine {
        return (theirs.into(), Vec::new());
    }
    let mut table: Vec<&str> = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    // Between two paragraph tokens an unchanging separator line `s`, so edits
    // of two neighbouring paragraphs are not adjacent lines (which diff3
    // would call a conflict); separators are dropped when mapping back.
    let mut toks = [String::new(), String::new(), String::new()];
    for (tok, text) in toks.iter_mut().zip([base, mine, theirs]) {
        for (i, b) in blocks(text).into_iter().enumerate() {
            let id = *ids.entry(b).or_insert_with(|| {
                table.push(b);
                table.len() - 1
            });
            if i > 0 {
                tok.push_str("s\n");
            }
            tok.push_str(&format!("t{id}\n"));
        }
    }
    let [bt, mt, tt] = toks;
    let back = |line: &str| -> Option<&str> {
        line.strip_prefix('t')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| table.get(n))
            .copied()
    };
    let merged = match diffy::merge(&bt, &mt, &tt) {
        Ok(clean) => clean,
        Err(marked) => marked,
    };
    let mut out: Vec<&str> = Vec::new();
    let mut items = Vec::new();
    let (mut side, mut hunk) = (0u8, [Vec::new(), Vec::new(), Vec::new()]);
    let mut hunk_no = 0u32;
    for line in merged.lines() {
        if line.starts_with("<<<<<<<") {
            side = 1;
        } else if line.starts_with("|||||||") && side == 1 {
            side = 3;
        } else if line.starts_with("=======") && side != 0 {
            side = 2;
        } else if line.starts_with(">>>>>>>") && side != 0 {
            let [m, t, b] = std::mem::take(&mut hunk);
            let block = hunk_no;
            hunk_no += 1;
            let (mine_text, theirs_text) = (m.join("\n\n"), t.join("\n\n"));
            let choice = choice_for(choices, "body", block, &mine_text, &theirs_text);
            match choice {
                Some(Take::Theirs) => out.extend(t.iter().copied()),
                Some(Take::Both) => {
                    out.extend(m.iter().copied());
                    out.extend(t.iter().copied());
                }
                Some(Take::Mine) | None => out.extend(m.iter().copied()),
            }
            items.push(ConflictItem {
                field: "body".into(),
                block,
                base: b.join("\n\n"),
                mine: mine_text,
                theirs: theirs_text,
                choice,
            });
            side = 0;
        } else if let Some(text) = back(line) {
            match side {
                0 => out.push(text),
                1 => hunk[0].push(text),
                2 => hunk[1].push(text),
                _ => hunk[2].push(text),
            }
        }
    }
    (out.join("\n\n"), items)
}

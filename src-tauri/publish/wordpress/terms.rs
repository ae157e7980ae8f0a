//! Tags and categories by name: the id of each on the site, created when
//! missing (WordPress answers `term_exists` with the id when another request
//! created it first).

use serde_json::{json, Value};

use super::client::Client;
use crate::error::{Error, Result};

/// Which kind of term.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Taxonomy {
    Tags,
    Categories,
}

impl Taxonomy {
    fn route(self) -> &'static str {
        match self {
            Taxonomy::Tags => "/wp/v2/tags",
            Taxonomy::Categories => "/wp/v2/categories",
        }
    }
}

/// The ids of `names` (blank names skipped, each once), created when missing.
pub(crate) fn ensure_all(
    client: &Client,
    taxonomy: Taxonomy,
    names: &[String],
) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let id = ensure(client, taxonomy, name)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

fn ensure(client: &Client, taxonomy: Taxonomy, name: &str) -> Result<i64> {
    let found = client.get(
        taxonomy.route(),
        &[("search", name), ("per_page", "100"), ("context", "edit")],
    )?;
    if let Some(id) = found.as_array().and_then(|terms| {
        terms.iter().find_map(|t| {
            let term_name = t.get("name").and_then(Value::as_str)?;
            let same =
                crate::util::html::unescape(term_name).trim().to_lowercase() == name.to_lowercase();
            same.then(|| t.get("id").and_then(Value::as_i64)).flatten()
        })
    }) {
        return Ok(id);
    }
    match client.post_json(taxonomy.route(), &json!({ "name": name })) {
        Ok(created) => {
            created
                .get("id")
                .and_then(Value::as_i64)
                .ok_or_else(|| Error::WordPressRejected {
                    status: 201,
                    message: format!("the site did not give an id for the new term \"{name}\""),
                })
        }
        Err(Error::WordPressRejected {
            status: 400,
            message,
        }) if message.starts_with("term_exists") => {
            // Created meanwhile (or a name WordPress folds differently): look it up by slug.
            let slug = crate::slug::slugify(name);
            let found = client.get(taxonomy.route(), &[("slug", &slug), ("context", "edit")])?;
            found
                .as_array()
                .and_then(|t| t.first())
                .and_then(|t| t.get("id"))
                .and_then(Value::as_i64)
                .ok_or(Error::WordPressRejected {
                    status: 400,
                    message,
                })
        }
        Err(e) => Err(e),
    }
}

//! Full-text search: FTS5 over title, summary and the body as plain text,
//! with French accents folded (`remove_diacritics 2`), bm25 ranking (title
//! weighs most), prefix and phrase queries, and highlighted snippets
//! (built only for the hits shown: see [`Store::search`]).

use rusqlite::{params, Transaction};

use super::Store;
use crate::error::Result;
use crate::model::SearchHit;

/// Marks SQLite puts around matches before the snippet is HTML-escaped.
const OPEN: &str = "\u{2}";
const CLOSE: &str = "\u{3}";

impl Store {
    /// Search live posts. The query is words (the last one also matches as a
    /// prefix, for search-as-you-type), `word*` prefixes and `"quoted phrases"`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        // Two phases. 1: rank every match by bm25 in the full-text index
        // alone (no post row is read: a row holds the whole body, and the
        // columns after it are read through its overflow pages), leaving out
        // trashed posts by their small index, and keep a margin over the
        // limit. 2: read the posts and build snippets for those few only,
        // breaking ties of score by the newest edit.
        let mut stmt = self.conn.prepare_cached(
            "WITH top AS (
                 SELECT rowid AS id, bm25(posts_fts, 10.0, 4.0, 1.0) AS score
                 FROM posts_fts
                 WHERE posts_fts MATCH ?1
                   AND rowid NOT IN (SELECT id FROM posts WHERE deleted_at IS NOT NULL)
                 ORDER BY score
                 LIMIT ?4 * 2 + 8
             )
             SELECT p.id, p.slug, p.title, p.status, p.lang,
                    snippet(posts_fts, -1, ?2, ?3, '…', 16), top.score
             FROM top
             JOIN posts p ON p.id = top.id
             JOIN posts_fts ON posts_fts.rowid = top.id
             WHERE posts_fts MATCH ?1
             ORDER BY top.score, p.updated_at DESC
             LIMIT ?4",
        )?;
        let rows = stmt
            .query_map(params![fts, OPEN, CLOSE, limit as i64], |r| {
                Ok(SearchHit {
                    id: r.get(0)?,
                    slug: r.get(1)?,
                    title: r.get(2)?,
                    status: r
                        .get::<_, String>(3)?
                        .parse()
                        .unwrap_or(crate::model::Status::Draft),
                    lang: r.get::<_, String>(4)?.parse().unwrap_or_default(),
                    snippet: highlight(&r.get::<_, String>(5)?),
                    rank: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// (Re)index one post inside a write transaction.
pub(crate) fn index_post(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let (title, summary, body): (String, String, String) = tx.query_row(
        "SELECT title, summary, body FROM posts WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let text = crate::markdown::plain_text(&body);
    tx.execute("DELETE FROM posts_fts WHERE rowid = ?1", [id])?;
    tx.execute(
        "INSERT INTO posts_fts (rowid, title, summary, body) VALUES (?1, ?2, ?3, ?4)",
        params![id, title, summary, text],
    )?;
    Ok(())
}

pub(crate) fn unindex_post(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.execute("DELETE FROM posts_fts WHERE rowid = ?1", [id])?;
    Ok(())
}

/// Migration step: index every post (used when upgrading a version-1 library).
pub(crate) fn reindex_all(tx: &Transaction<'_>) -> Result<()> {
    let ids: Vec<i64> = {
        let mut stmt = tx.prepare("SELECT id FROM posts")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids
    };
    for id in ids {
        index_post(tx, id)?;
    }
    Ok(())
}

/// Turn what a person typed into an FTS5 query that cannot be a syntax error:
/// every term is quoted, `word*` and the last bare word become prefix terms,
/// `"…"` stays a phrase. `None` when there is nothing to search for.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut rest = input;
    let mut last_bare = None;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            let phrase = words(&after[..end]);
            if !phrase.is_empty() {
                terms.push(format!("\"{}\"", phrase.join(" ")));
                last_bare = None;
            }
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            let prefix = token.ends_with('*');
            for w in words(token) {
                terms.push(format!("\"{w}\"{}", if prefix { "*" } else { "" }));
                last_bare = if prefix { None } else { Some(terms.len() - 1) };
            }
            rest = &rest[end..];
        }
    }
    if let Some(i) = last_bare {
        // Search as you type: "montr" should already find "Montréal".
        terms[i].push('*');
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Split into the words the tokenizer would see (letters and digits).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// HTML-escape a snippet and turn SQLite's marks into `<mark>` (the marks
/// are control characters, which escaping leaves alone).
fn highlight(raw: &str) -> String {
    crate::util::html::escape(raw)
        .replace(OPEN, "<mark>")
        .replace(CLOSE, "</mark>")
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn queries_are_quoted_and_the_last_word_is_a_prefix() {
        assert_eq!(
            fts_query("budget vote").as_deref(),
            Some("\"budget\" \"vote\"*")
        );
        assert_eq!(
            fts_query("\"climate plan\" city").as_deref(),
            Some("\"climate plan\" \"city\"*")
        );
        assert_eq!(
            fts_query("clim* \"a b").as_deref(),
            Some("\"clim\"* \"a b\"")
        );
        assert_eq!(fts_query("  \" ( ) * ").as_deref(), None);
        assert_eq!(
            fts_query("NEAR(a b) OR c").as_deref(),
            Some("\"NEAR\" \"a\" \"b\" \"OR\" \"c\"*")
        );
    }
}

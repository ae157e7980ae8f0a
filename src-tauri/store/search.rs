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
    ///
    /// Two phases. 1: choose the posts to show and their rank from the
    /// full-text index alone (no post row is read: a row holds the whole
    /// body, and the columns after it are read through its overflow pages),
    /// leaving out trashed posts by their small index. 2: read those few
    /// posts and build their snippets, in one statement.
    ///
    /// Phase 1 ranks every match by bm25 only when that order means
    /// something. When the query matches more than half the posts, bm25
    /// gives each of its words the floor weight (FTS5 sets a negative idf to
    /// 1e-6), so scoring every match would only sort by how often a word
    /// that is everywhere occurs; then the posts with every word in the
    /// title come first, then the others, each newest first, taken in index
    /// order and stopped after `limit` (see [`Store::common_matches`]).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let chosen = if self.matches_most_posts(&fts)? {
            self.common_matches(&fts, limit)?
        } else {
            self.ranked_matches(&fts, limit)?
        };
        let (Some(lo), Some(hi)) = (
            chosen.iter().map(|c| c.1).min(),
            chosen.iter().map(|c| c.1).max(),
        ) else {
            return Ok(Vec::new());
        };
        // One statement for every chosen post: run per post, FTS5 would
        // expand a prefix term over the whole index each time. The rowid
        // range is what FTS5 reads; `+rowid IN` only picks from it.
        let ids = format!(
            "[{}]",
            chosen
                .iter()
                .map(|c| c.1.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.slug, p.title, p.status, p.lang,
                    snippet(posts_fts, -1, ?2, ?3, '…', 16), p.updated_at
             FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid
             WHERE posts_fts MATCH ?1
               AND posts_fts.rowid BETWEEN ?4 AND ?5
               AND +posts_fts.rowid IN (SELECT value FROM json_each(?6))",
        )?;
        let mut hits = stmt
            .query_map(params![fts, OPEN, CLOSE, lo, hi, ids], |r| {
                let id: i64 = r.get(0)?;
                let hit = SearchHit {
                    id,
                    slug: r.get(1)?,
                    title: r.get(2)?,
                    status: r
                        .get::<_, String>(3)?
                        .parse()
                        .unwrap_or(crate::model::Status::Draft),
                    lang: r.get::<_, String>(4)?.parse().unwrap_or_default(),
                    snippet: highlight(&r.get::<_, String>(5)?),
                    rank: chosen.iter().find(|c| c.1 == id).map_or(f64::MAX, |c| c.0),
                };
                Ok((r.get::<_, String>(6)?, hit))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // Best rank first, ties broken by the newest edit.
        hits.sort_by(|(ua, a), (ub, b)| a.rank.total_cmp(&b.rank).then_with(|| ub.cmp(ua)));
        hits.truncate(limit);
        Ok(hits.into_iter().map(|(_, hit)| hit).collect())
    }

    /// Whether the query matches more than half the posts: counts matches
    /// in index order, without scoring, and stops at that half.
    fn matches_most_posts(&self, fts: &str) -> Result<bool> {
        let posts: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM posts")?
            .query_row([], |r| r.get(0))?;
        let half = posts / 2;
        let matched: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM posts_fts WHERE posts_fts MATCH ?1 LIMIT ?2)",
            )?
            .query_row(params![fts, half + 1], |r| r.get(0))?;
        Ok(posts > 0 && matched > half)
    }

    /// Phase 1 for a selective query: every match ranked by bm25 (title
    /// weighs most), the best `limit` and a margin for ties, as (score, id).
    fn ranked_matches(&self, fts: &str, limit: usize) -> Result<Vec<(f64, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, bm25(posts_fts, 10.0, 4.0, 1.0) AS score
             FROM posts_fts
             WHERE posts_fts MATCH ?1
               AND rowid NOT IN (SELECT id FROM posts WHERE deleted_at IS NOT NULL)
             ORDER BY score
             LIMIT ?2 * 2 + 8",
        )?;
        let rows = stmt
            .query_map(params![fts, limit as i64], |r| Ok((r.get(1)?, r.get(0)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Phase 1 for a query that matches most posts: the newest `limit`
    /// posts with every word in the title, then the newest others, read
    /// backwards through the index and stopped there, as (rank, id): the
    /// rank is the place in that order (lower is better, as bm25's).
    fn common_matches(&self, fts: &str, limit: usize) -> Result<Vec<(f64, i64)>> {
        let newest = |query: &str, skip: &[i64], n: usize| -> Result<Vec<i64>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid FROM posts_fts
                 WHERE posts_fts MATCH ?1
                   AND rowid NOT IN (SELECT id FROM posts WHERE deleted_at IS NOT NULL)
                 ORDER BY rowid DESC",
            )?;
            let mut rows = stmt.query([query])?;
            let mut ids = Vec::with_capacity(n);
            while ids.len() < n {
                let Some(row) = rows.next()? else { break };
                let id: i64 = row.get(0)?;
                if !skip.contains(&id) {
                    ids.push(id);
                }
            }
            Ok(ids)
        };
        let in_title = newest(&format!("{{title}} : ({fts})"), &[], limit)?;
        let others = newest(fts, &in_title, limit - in_title.len())?;
        Ok(in_title
            .into_iter()
            .chain(others)
            .enumerate()
            .map(|(place, id)| (place as f64, id))
            .collect())
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

//! Pencarian: full-text search over circulars' number, subject, body and
//! signatory, with filters: SQLite's FTS5 or PostgreSQL's text search, the
//! same query syntax (every word, the last as a prefix) and weights.

use serde::{Deserialize, Serialize};

use super::circulars::{summary, SUMMARY_COLUMNS, SUMMARY_WIDTH};
use super::Store;
use crate::circular::{CircularKind, CircularStatus};
use crate::db::Backend;
use crate::error::Result;
use crate::markup;
use crate::store::CircularSummary;

/// Marks around the matched words in [`SearchHit::snippet`].
pub const MATCH_START: char = '\u{2}';
pub const MATCH_END: char = '\u{3}';

/// Most results returned; the search is meant to be narrowed, not paged.
pub const SEARCH_LIMIT: u32 = 100;

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct SearchFilter {
    /// Year of issue (of the period's start for drafts).
    pub year: Option<i32>,
    pub status: Option<CircularStatus>,
    pub kind: Option<CircularKind>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SearchHit {
    #[serde(flatten)]
    pub summary: CircularSummary,
    /// Words around the match in the body, matches between
    /// [`MATCH_START`] and [`MATCH_END`], emphasis markers taken out.
    pub snippet: String,
}

/// The user's words as an FTS5 query: each word a quoted phrase (so `/`
/// and `-` in numbers keep their order), the last one as a prefix.
fn fts_query(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {last}*", rest.join(" ")),
        Some((last, _)) => format!("{last}*"),
        None => String::new(),
    }
}

/// The user's words as a PostgreSQL `tsquery`: a word's letter-and-digit
/// runs in order (`800/1` → `'800' <-> '1'`), words joined by `&`, the last
/// run a prefix; as the search table splits the text it indexes.
fn ts_query(text: &str) -> String {
    let words: Vec<Vec<String>> = text
        .split_whitespace()
        .map(|w| {
            w.split(|c: char| !c.is_alphanumeric())
                .filter(|r| !r.is_empty())
                .map(|r| format!("'{}'", r.to_lowercase()))
                .collect::<Vec<_>>()
        })
        .filter(|runs| !runs.is_empty())
        .collect();
    let mut query = words
        .iter()
        .map(|w| w.join(" <-> "))
        .collect::<Vec<_>>()
        .join(" & ");
    if !query.is_empty() {
        query.push_str(":*");
    }
    query
}

/// The matching part of the search (snippet, tables, condition, order),
/// `{filters}` standing for the filters; per backend.
const SQLITE_MATCH: &str = "snippet(circular_search, 2, char(2), char(3), '…', 16)
     FROM circular_search JOIN circular c ON c.id = circular_search.rowid
     WHERE circular_search MATCH ?1 AND {filters}
     ORDER BY bm25(circular_search, 10.0, 5.0, 1.0, 2.0), c.id DESC";
// The best 100 first, ranked on the index's matches; the headline (costly)
// only for those.
const POSTGRES_MATCH: &str = "ts_headline('simple', best.body, to_tsquery('simple', ?1),
         'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=2, FragmentDelimiter=\" … \"')
     FROM (SELECT c.id, s.body, ts_rank('{0.1, 0.2, 0.5, 1.0}', s.doc, to_tsquery('simple', ?1)) AS rank
           FROM circular_search s JOIN circular c ON c.id = s.id
           WHERE s.doc @@ to_tsquery('simple', ?1) AND {filters}
           ORDER BY rank DESC, c.id DESC LIMIT {limit}) best
     JOIN circular c ON c.id = best.id
     ORDER BY best.rank DESC, c.id DESC";

impl Store {
    /// Circulars matching `text` (all words, in any field) and the filters,
    /// best first; with no words, the latest circulars that pass the filters.
    pub fn search_circulars(&self, text: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>> {
        let (query, matching) = match self.conn.backend() {
            Backend::Sqlite => (fts_query(text), SQLITE_MATCH),
            Backend::Postgres => (ts_query(text), POSTGRES_MATCH),
        };
        let filters = "(?2 IS NULL OR CAST(substr(coalesce(c.issued_on, c.period_start), 1, 4) AS INTEGER) = ?2)
             AND (?3 IS NULL OR c.status = ?3) AND (?4 IS NULL OR c.kind = ?4)";
        let sql = if query.is_empty() {
            format!(
                "SELECT {SUMMARY_COLUMNS}, ''
                 FROM circular c WHERE ?1 = '' AND {filters} ORDER BY c.id DESC LIMIT {SEARCH_LIMIT}"
            )
        } else {
            format!(
                "SELECT {SUMMARY_COLUMNS}, {} LIMIT {SEARCH_LIMIT}",
                matching
                    .replace("{filters}", filters)
                    .replace("{limit}", &SEARCH_LIMIT.to_string())
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            crate::db::params![query, filter.year, filter.status, filter.kind],
            |r| {
                Ok(SearchHit {
                    summary: summary(r)?,
                    snippet: markup::plain_excerpt(
                        &r.get::<String>(SUMMARY_WIDTH)?.replace('\u{200B}', ""),
                    ),
                })
            },
        )?;
        Ok(rows.collect::<Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    fn demo_store() -> Store {
        let mut store = Store::for_test().unwrap();
        demo::fill(&mut store).unwrap();
        store
    }

    #[test]
    fn finds_by_number_subject_body_and_signatory_and_follows_edits() {
        let mut store = demo_store();
        let issued = store
            .circulars()
            .unwrap()
            .into_iter()
            .find(|c| c.number.is_some())
            .unwrap();
        let number = issued.number.clone().unwrap();
        let hits = store
            .search_circulars(&number, &SearchFilter::default())
            .unwrap();
        assert_eq!(
            hits[0].summary.id, issued.id,
            "the number finds its circular first"
        );
        assert!(!store
            .search_circulars("rusdi", &SearchFilter::default())
            .unwrap()
            .is_empty());
        // Prefix of the last word, any case, diacritics ignored.
        let body = store
            .search_circulars("tempat tinggal RUMA", &SearchFilter::default())
            .unwrap();
        assert!(!body.is_empty());
        assert!(body[0].snippet.contains(MATCH_START), "{}", body[0].snippet);

        let draft = store
            .circulars()
            .unwrap()
            .into_iter()
            .find(|c| c.status.editable())
            .unwrap();
        let mut doc = store.circular(draft.id).unwrap().document;
        doc.points[0].text = "Pegawai wajib mengisi laporan kinerja harian (zebrakuda).".into();
        store.save_draft(draft.id, &doc, "Rina").unwrap();
        let hits = store
            .search_circulars("zebrakuda", &SearchFilter::default())
            .unwrap();
        assert_eq!(
            hits.iter().map(|h| h.summary.id).collect::<Vec<_>>(),
            [draft.id]
        );

        doc.points[0].text = "Rapat dilaksanakan secara _daring_ melalui *zebrakuda*.".into();
        store.save_draft(draft.id, &doc, "Rina").unwrap();
        let hits = store
            .search_circulars("zebrakuda", &SearchFilter::default())
            .unwrap();
        assert!(
            hits[0]
                .snippet
                .contains("Rapat dilaksanakan secara daring melalui \u{2}zebrakuda\u{3}."),
            "{}",
            hits[0].snippet
        );
        store.delete_draft(draft.id).unwrap();
        assert!(store
            .search_circulars("zebrakuda", &SearchFilter::default())
            .unwrap()
            .is_empty());
    }

    #[test]
    fn filters_by_year_status_and_kind_and_tolerates_stray_quotes() {
        let store = demo_store();
        let all = store
            .search_circulars("", &SearchFilter::default())
            .unwrap();
        let drafts = store
            .search_circulars(
                "",
                &SearchFilter {
                    status: Some(CircularStatus::Draf),
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(!drafts.is_empty() && drafts.len() < all.len());
        assert!(drafts
            .iter()
            .all(|h| h.summary.status == CircularStatus::Draf));
        let none = store
            .search_circulars(
                "surat",
                &SearchFilter {
                    year: Some(1999),
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(none.is_empty());
        store
            .search_circulars("\" ( * AND", &SearchFilter::default())
            .unwrap();
    }
}

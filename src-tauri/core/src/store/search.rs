//! Pencarian: full-text search over circulars' number, subject, body and
//! signatory, with filters: SQLite's FTS5 or PostgreSQL's text search, the
//! same query syntax (every word, the last as a prefix) and weights.

use serde::{Deserialize, Serialize};

use super::circulars::{summary, SUMMARY_COLUMNS, SUMMARY_WIDTH};
use super::Store;
use crate::circular::{CircularKind, CircularStatus};
use crate::db::{Backend, ToValue, Value};
use crate::error::Result;
use crate::excerpt::{excerpt, phrases};
use crate::store::CircularSummary;

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
    /// Words around the match in the body, matches between `\u{2}` and
    /// `\u{3}`, emphasis markers taken out (`excerpt.rs`).
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
    let mut query = phrases(text)
        .iter()
        .map(|runs| {
            runs.iter()
                .map(|r| format!("'{}'", r.to_lowercase()))
                .collect::<Vec<_>>()
                .join(" <-> ")
        })
        .collect::<Vec<_>>()
        .join(" & ");
    if !query.is_empty() {
        query.push_str(":*");
    }
    query
}

/// How a backend's index finds and ranks: its query (from the user's
/// words), the index table's key, the match condition and the rank (lower
/// is better), all over the table `circular_search`.
struct Index {
    query: fn(&str) -> String,
    key: &'static str,
    matches: &'static str,
    rank: &'static str,
}

const SQLITE: Index = Index {
    query: fts_query,
    key: "rowid",
    matches: "circular_search MATCH ?1",
    rank: "bm25(circular_search, 10.0, 5.0, 1.0, 2.0)",
};
const POSTGRES: Index = Index {
    query: ts_query,
    key: "id",
    matches: "circular_search.doc @@ to_tsquery('simple', ?1)",
    rank: "-ts_rank('{0.1, 0.2, 0.5, 1.0}', circular_search.doc, to_tsquery('simple', ?1))",
};

impl Store {
    /// Circulars matching `text` (all words, in any field) and the filters,
    /// best first; with no words, the latest circulars that pass the filters.
    pub fn search_circulars(&self, text: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>> {
        let index = match self.conn.backend() {
            Backend::Sqlite => SQLITE,
            Backend::Postgres => POSTGRES,
        };
        let query = (index.query)(text);
        let mut values: Vec<Value> = Vec::new();
        if !query.is_empty() {
            values.push(query.to_value());
        }
        // Only the filters chosen: with none, the ranking reads the index alone.
        let mut filters = String::new();
        for (condition, value) in [
            (
                "CAST(substr(coalesce(c.issued_on, c.period_start), 1, 4) AS INTEGER)",
                filter.year.map(|y| y.to_value()),
            ),
            ("c.status", filter.status.map(|s| s.to_value())),
            ("c.kind", filter.kind.map(|k| k.to_value())),
        ] {
            if let Some(value) = value {
                values.push(value);
                filters.push_str(&format!(" AND {condition} = ?{}", values.len()));
            }
        }
        let sql = if query.is_empty() {
            format!(
                "SELECT {SUMMARY_COLUMNS}, '' FROM circular c WHERE 1 = 1{filters}
                 ORDER BY c.id DESC LIMIT {SEARCH_LIMIT}"
            )
        } else {
            let Index {
                key, matches, rank, ..
            } = index;
            let join = if filters.is_empty() {
                String::new()
            } else {
                format!("JOIN circular c ON c.id = circular_search.{key}")
            };
            // The best first, ranked on the index alone; the rest of their
            // record (and the body for the excerpt) only for those.
            format!(
                "SELECT {SUMMARY_COLUMNS}, s.body
                 FROM (SELECT circular_search.{key} AS id, {rank} AS rank FROM circular_search {join}
                       WHERE {matches}{filters} ORDER BY rank, id DESC LIMIT {SEARCH_LIMIT}) best
                 JOIN circular c ON c.id = best.id JOIN circular_search s ON s.{key} = best.id
                 ORDER BY best.rank, c.id DESC"
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(values, |r| {
            Ok(SearchHit {
                summary: summary(r)?,
                snippet: excerpt(&r.get::<String>(SUMMARY_WIDTH)?, text),
            })
        })?;
        Ok(rows.collect::<Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::excerpt::MATCH_START;

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
    fn a_database_indexed_before_excerpts_were_made_here_shows_the_same_excerpts() {
        let db = Store::empty_test_db().unwrap();
        super::super::migrations::migrate_to(&db, 14).unwrap();
        let doc =
            r#"{"points": [{"text": "Sesuai surat nomor 800/1/BKD tentang *kerja* dari rumah."}]}"#;
        db.execute(
            "INSERT INTO circular (kind, status, subject, document, updated_at)
             VALUES ('wfh_baru', 'draf', 'Sistem Kerja', ?1, '2020-03-20')",
            [doc],
        )
        .unwrap();
        let store = Store::setup(db).unwrap();
        let hits = store
            .search_circulars("800/1", &SearchFilter::default())
            .unwrap();
        assert_eq!(
            hits[0].snippet,
            "Sesuai surat nomor \u{2}800\u{3}/\u{2}1\u{3}/BKD tentang kerja dari rumah."
        );
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

//! The store (*penyimpanan*): one SQLite file per office, opened with WAL,
//! foreign keys and a busy timeout, migrated on open.

mod absences;
mod agencies;
mod backup;
mod calendar;
mod certificates;
mod checklist;
mod circulars;
mod drafting;
mod employees;
pub mod migrations;
mod office;
mod registers;
mod roster;
mod rules;
mod search;
mod settings;
mod signatories;
mod signed;
mod tracking;
mod transfer;
mod trash;
mod units;

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;

use crate::db::{ConnectionInfo, Db};
use crate::error::Result;

pub use crate::circular::CircularSummary;
pub use crate::excerpt::{MATCH_END, MATCH_START};
pub use crate::register::RegisterEntry;
pub use backup::{check_backup, BackupInfo, Restored, DAILY_KEPT};
pub use certificates::{CertificateRecord, RegisterMatch, TrustedRoot};
pub use checklist::Check;
pub use circulars::{AuditEntry, CircularRecord, Edited, Issue, Recording};
pub use drafting::{Derived, Extension};
pub use employees::{EmployeeFilter, EmployeePage};
pub use roster::{RosterReport, StatusRow};
pub use rules::{AgencyGrid, GridCell, GridDay, GridRow, NoticeRequest, RulesView};
pub use search::{SearchFilter, SearchHit};
pub use settings::DEFAULT_ALERT_WORKING_DAYS;
pub use signed::{SignedIssue, SrikandiCopy, Verification};
pub use tracking::{AHEAD_DAYS, HISTORY_DAYS};
pub use transfer::{check_server, copy_office, copy_office_to_server, Copied};
pub use trash::Deleted;

/// An open Edaran database.
pub struct Store {
    conn: Db,
}

impl Store {
    /// Opens the database `location` names and migrates it: a file's path
    /// (created if needed), or a `postgresql://` connection string naming
    /// the office's shared server (Edaran's tables created in an empty
    /// database).
    pub fn open(location: &Path) -> Result<Store> {
        if let Some(url) = location
            .to_str()
            .filter(|t| ConnectionInfo::is_connection_string(t))
        {
            return Self::setup(Db::connect(&ConnectionInfo::parse(url)?)?);
        }
        if let Some(dir) = location.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        Self::setup(Db::open_sqlite(location)?)
    }

    /// Opens the office's shared database on the server `info` names.
    pub fn connect(info: &ConnectionInfo) -> Result<Store> {
        Self::setup(Db::connect(info)?)
    }

    /// Closes the database file and opens it again, taking SQLite's file
    /// locks afresh. POSIX drops every lock a process holds on a file when
    /// any code in that process closes the file (a native file dialog
    /// sniffing the folder that holds `edaran.db-shm` does): another
    /// process, not seeing this one, could then reset the WAL under it.
    /// Nothing is lost: every change is committed before it returns. A
    /// server's connection has no such locks and is kept.
    pub fn reopen(&mut self) -> Result<()> {
        let Some(path) = self
            .conn
            .sqlite()
            .and_then(|c| c.path())
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
        else {
            return Ok(());
        };
        // The old connection's view of the WAL may be stale: it must not
        // checkpoint it into the database file as it closes. It closes
        // first, so the new one maps the WAL index and takes its locks anew
        // (SQLite shares both among one process's connections to a file).
        if let Some(c) = self.conn.sqlite() {
            c.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        }
        drop(std::mem::replace(&mut self.conn, Db::sqlite_in_memory()?));
        *self = Store::open(&path)?;
        Ok(())
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Db::sqlite_in_memory()?)
    }

    /// A new empty store for a test: SQLite in memory, or a fresh schema
    /// on the scratch PostgreSQL server when `EDARAN_TEST_DB=postgresql`
    /// (the store's suite runs on both backends, `scripts/test.sh`).
    #[cfg(test)]
    pub(crate) fn for_test() -> Result<Store> {
        Self::setup(Self::empty_test_db()?)
    }

    /// The database [`Store::for_test`] starts from, before any migration.
    #[cfg(test)]
    fn empty_test_db() -> Result<Db> {
        if std::env::var("EDARAN_TEST_DB").as_deref() != Ok("postgresql") {
            return Db::sqlite_in_memory();
        }
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let server = crate::db::scratch::ScratchServer::shared().expect("server PostgreSQL uji");
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let url = server
            .create_schema(&format!("t{}_{n}", std::process::id()))
            .unwrap();
        Db::connect(&ConnectionInfo::parse(&url)?)
    }

    fn setup(conn: Db) -> Result<Store> {
        migrations::migrate(&conn)?;
        let mut store = Store { conn };
        store.record_national_lists()?;
        Ok(store)
    }

    /// Where this store's database is (a file, or a server without its password).
    pub fn location(&self) -> crate::db::Location {
        self.conn.location()
    }

    /// True for the office's shared server, false for this computer's file.
    pub fn is_shared(&self) -> bool {
        self.conn.backend() == crate::db::Backend::Postgres
    }

    /// True until an office profile has been saved (a new, empty database).
    pub fn is_new(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM office)", [], |r| r.get(0))?)
    }

    /// Runs `work` as one transaction: all of it is saved, or none. Inside
    /// another transaction it becomes a savepoint of that one.
    pub fn in_transaction<T>(&mut self, work: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.begin()?;
        match work(self) {
            Ok(value) => match self.conn.commit() {
                Ok(()) => Ok(value),
                // A commit refused (busy) must not leave the transaction open.
                Err(e) => {
                    let _ = self.conn.rollback();
                    Err(e)
                }
            },
            // SQLite may have rolled back by itself (full disk): the work's
            // own error is the one to report.
            Err(e) => {
                let _ = self.conn.rollback();
                Err(e)
            }
        }
    }

    /// A mark that changes whenever a circular, the registers or the audit
    /// change (here or at another workstation): lists compare it to know
    /// when to read again. Cheap: four aggregates over indexed columns.
    pub fn data_stamp(&self) -> Result<String> {
        self.conn.query_row(
            "SELECT (SELECT count(*) FROM circular) || '.' || (SELECT coalesce(sum(version), 0) FROM circular)
                 || '.' || (SELECT coalesce(max(id), 0) FROM register_entry) || '.' || (SELECT coalesce(max(id), 0) FROM audit)",
            [],
            |r| r.get(0),
        )
    }

    /// Counts for the home page: what this database holds.
    pub fn overview(&self) -> Result<Overview> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Overview {
            agencies: count("agency")?,
            units: count("unit")?,
            employees: count("employee")?,
            signatories: count("signatory")?,
            holidays: self.holidays(None)?.len() as i64,
        })
    }
}

/// What the database holds, in numbers.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Overview {
    pub agencies: i64,
    pub units: i64,
    pub employees: i64,
    pub signatories: i64,
    pub holidays: i64,
}

/// `%text%` for LIKE, with the wildcard characters of `text` escaped (`ESCAPE '\'`).
fn like_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for c in text.trim().chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn migrating_twice_changes_nothing_and_marks_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("edaran.db");
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, migrations::LATEST);
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let synchronous: i64 = store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(synchronous, 2, "FULL: a commit is durable when it returns");
        assert!(store.is_new().unwrap());
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
        drop(conn);
        let err = Store::open(&path).err().expect("must refuse");
        assert!(matches!(err, Error::NewerSchema { found: 99, .. }));
        assert!(err.to_string().contains("lebih baru"));
        let conn = rusqlite::Connection::open(&path).unwrap();
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 1, "nothing was created in the newer database");
    }

    #[test]
    fn the_data_stamp_moves_with_every_change_of_a_circular_and_only_then() {
        let mut store = Store::for_test().unwrap();
        let doc = crate::exchange::from_json(include_str!(
            "../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap();
        let empty = store.data_stamp().unwrap();
        let id = store.create_circular(&doc, "Rina").unwrap();
        let created = store.data_stamp().unwrap();
        assert_ne!(created, empty);
        assert_eq!(
            store.data_stamp().unwrap(),
            created,
            "reading changes nothing"
        );
        store.save_draft(id, &doc, "Rina").unwrap();
        assert_ne!(store.data_stamp().unwrap(), created, "an edit moves it");
    }

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_pattern(" 50%_a "), "%50\\%\\_a%");
    }
}

//! The database seam (*basis data*): the store talks to one [`Db`], an
//! embedded SQLite file (the default) or an office's shared PostgreSQL
//! server. Queries are written once, in the SQL both understand with
//! SQLite's spelling (`?1` parameters, `COLLATE NOCASE`, `LIKE`); what
//! PostgreSQL spells otherwise is translated in `postgres.rs` and nowhere
//! else. Cells and parameters cross as [`Value`]s.

mod postgres;
pub mod scratch;
mod sqlite;
mod value;

use std::cell::Cell;

use crate::error::{DbError, Result};
pub use postgres::{ConnectionInfo, Location};
pub use value::{FromValue, ToValue, Value};

/// Which kind of database a [`Db`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One open connection.
pub struct Db {
    conn: Conn,
    /// Open transactions and savepoints (PostgreSQL does not say).
    depth: Cell<u32>,
}

enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(postgres::Server),
}

/// A row read: its cells in the order the query names them.
pub struct Row {
    values: Vec<Value>,
}

impl Row {
    /// The cell at `index` as `T`.
    pub fn get<T: FromValue>(&self, index: usize) -> Result<T> {
        let v = self.values.get(index).cloned().ok_or(DbError::Type {
            wanted: "kolom",
            found: "tidak ada",
        })?;
        Ok(T::from_value(v)?)
    }

    /// The cells, taken out.
    pub fn into_values(self) -> Vec<Value> {
        self.values
    }
}

/// What a query is given: `[a, b]`, `[]`, [`params!`] or a `Vec<Value>`.
pub trait Params {
    fn values(self) -> Vec<Value>;
}

impl Params for [&dyn ToValue; 0] {
    fn values(self) -> Vec<Value> {
        Vec::new()
    }
}

impl Params for &[&dyn ToValue] {
    fn values(self) -> Vec<Value> {
        self.iter().map(|v| v.to_value()).collect()
    }
}

impl Params for Vec<Value> {
    fn values(self) -> Vec<Value> {
        self
    }
}

macro_rules! arrays {
    ($($n:literal)*) => {$(
        impl<T: ToValue> Params for [T; $n] {
            fn values(self) -> Vec<Value> {
                self.iter().map(ToValue::to_value).collect()
            }
        }
    )*};
}
arrays!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);

/// Parameters of differing types: `params![id, name]`.
macro_rules! params {
    () => { &[] as &[&dyn $crate::db::ToValue] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::db::ToValue),+] as &[&dyn $crate::db::ToValue] };
}
pub(crate) use params;

/// A statement of a [`Db`], for the store's `prepare_cached(sql)?.query_map(…)` style.
pub struct Statement<'a> {
    db: &'a Db,
    sql: String,
}

impl Statement<'_> {
    /// Every row, each turned into a `T` by `f`.
    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<std::vec::IntoIter<Result<T>>> {
        let rows = self.db.rows(&self.sql, params.values())?;
        Ok(rows.iter().map(f).collect::<Vec<_>>().into_iter())
    }

    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.db.query_row(&self.sql, params, f)
    }

    pub fn execute(&mut self, params: impl Params) -> Result<usize> {
        self.db.execute(&self.sql, params)
    }
}

impl Db {
    /// Opens (creating) the SQLite file at `path`.
    pub fn open_sqlite(path: &std::path::Path) -> Result<Db> {
        Ok(Db::new(Conn::Sqlite(sqlite::open(path)?)))
    }

    /// A private SQLite database in memory.
    pub fn sqlite_in_memory() -> Result<Db> {
        Ok(Db::new(Conn::Sqlite(sqlite::in_memory()?)))
    }

    /// Connects to the PostgreSQL server `info` names.
    pub fn connect(info: &ConnectionInfo) -> Result<Db> {
        Ok(Db::new(Conn::Postgres(postgres::Server::connect(info)?)))
    }

    fn new(conn: Conn) -> Db {
        Db {
            conn,
            depth: Cell::new(0),
        }
    }

    pub fn backend(&self) -> Backend {
        match self.conn {
            Conn::Sqlite(_) => Backend::Sqlite,
            Conn::Postgres(_) => Backend::Postgres,
        }
    }

    /// The SQLite connection, for what only a file has (backups, the file's
    /// locks); `None` on a server.
    pub fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.conn {
            Conn::Sqlite(c) => Some(c),
            Conn::Postgres(_) => None,
        }
    }

    pub fn sqlite_mut(&mut self) -> Option<&mut rusqlite::Connection> {
        match &mut self.conn {
            Conn::Sqlite(c) => Some(c),
            Conn::Postgres(_) => None,
        }
    }

    /// Where the database is, for the clerk: the file's path or the server's
    /// `user@host/database` (never the password).
    pub fn location(&self) -> Location {
        match &self.conn {
            Conn::Sqlite(c) => Location::File(c.path().unwrap_or_default().into()),
            Conn::Postgres(s) => Location::Server(s.info().public()),
        }
    }

    /// The server's connection, opened again first if it was lost between
    /// transactions.
    fn revived<'a>(&self, server: &'a postgres::Server) -> Result<&'a postgres::Server> {
        server.revive(self.depth.get() == 0)?;
        Ok(server)
    }

    fn rows(&self, sql: &str, params: Vec<Value>) -> Result<Vec<Row>> {
        let values = match &self.conn {
            Conn::Sqlite(c) => sqlite::rows(c, sql, &params)?,
            Conn::Postgres(s) => self.revived(s)?.rows(sql, &params)?,
        };
        Ok(values.into_iter().map(|values| Row { values }).collect())
    }

    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        Ok(Statement {
            db: self,
            sql: sql.to_string(),
        })
    }

    /// The first row through `f`; [`DbError::NoRows`] when there is none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        let rows = self.rows(sql, params.values())?;
        match rows.first() {
            Some(row) => f(row),
            None => Err(DbError::NoRows.into()),
        }
    }

    /// Every row with the column names, for copying whole rows.
    pub fn query_named(&self, sql: &str, params: impl Params) -> Result<(Vec<String>, Vec<Row>)> {
        let (names, values) = match &self.conn {
            Conn::Sqlite(c) => sqlite::named(c, sql, &params.values())?,
            Conn::Postgres(s) => self.revived(s)?.named(sql, &params.values())?,
        };
        Ok((
            names,
            values.into_iter().map(|values| Row { values }).collect(),
        ))
    }

    /// Runs one statement; how many rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize> {
        match &self.conn {
            Conn::Sqlite(c) => Ok(sqlite::execute(c, sql, &params.values())?),
            Conn::Postgres(s) => Ok(self.revived(s)?.execute(sql, &params.values())?),
        }
    }

    /// Runs an `INSERT` into a table with an `id` key; the new row's id.
    pub fn insert(&self, sql: &str, params: impl Params) -> Result<i64> {
        match &self.conn {
            Conn::Sqlite(c) => {
                sqlite::execute(c, sql, &params.values())?;
                Ok(c.last_insert_rowid())
            }
            Conn::Postgres(s) => Ok(self.revived(s)?.insert(sql, &params.values())?),
        }
    }

    /// Runs statements without parameters, one after another.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.conn {
            Conn::Sqlite(c) => Ok(c.execute_batch(sql).map_err(DbError::from)?),
            Conn::Postgres(s) => Ok(self.revived(s)?.batch(sql)?),
        }
    }

    /// True outside any transaction.
    pub fn is_autocommit(&self) -> bool {
        match &self.conn {
            // SQLite may roll back by itself (a full disk): it knows best.
            Conn::Sqlite(c) => c.is_autocommit(),
            Conn::Postgres(_) => self.depth.get() == 0,
        }
    }

    /// Starts a transaction, or a savepoint inside one. A SQLite write
    /// transaction takes the file's write lock at once (`IMMEDIATE`), so
    /// two writers queue instead of failing half-way; PostgreSQL's writers
    /// queue on the rows they lock.
    pub fn begin(&self) -> Result<()> {
        let sql = match (self.is_autocommit(), self.backend()) {
            (true, Backend::Sqlite) => "BEGIN IMMEDIATE",
            (true, Backend::Postgres) => "BEGIN",
            (false, _) => "SAVEPOINT nested",
        };
        if self.is_autocommit() {
            self.depth.set(0);
        }
        self.execute_batch(sql)?;
        self.depth.set(self.depth.get() + 1);
        Ok(())
    }

    /// Ends what [`Db::begin`] started, keeping its work.
    pub fn commit(&self) -> Result<()> {
        let sql = if self.depth.get() > 1 {
            "RELEASE nested"
        } else {
            "COMMIT"
        };
        self.execute_batch(sql)?;
        self.depth.set(self.depth.get().saturating_sub(1));
        Ok(())
    }

    /// Ends what [`Db::begin`] started, undoing its work.
    pub fn rollback(&self) -> Result<()> {
        let sql = if self.depth.get() > 1 {
            "ROLLBACK TO nested; RELEASE nested"
        } else {
            "ROLLBACK"
        };
        self.depth.set(self.depth.get().saturating_sub(1));
        self.execute_batch(sql)
    }

    /// Foreign keys are checked when the transaction commits, not at each
    /// statement (rows put back in any order).
    pub fn defer_foreign_keys(&self) -> Result<()> {
        self.execute_batch(match self.backend() {
            Backend::Sqlite => "PRAGMA defer_foreign_keys = ON",
            Backend::Postgres => "SET CONSTRAINTS ALL DEFERRED",
        })
    }
}

impl Db {
    /// The schema version the database records (0 for an empty one).
    pub fn schema_version(&self) -> Result<i64> {
        match self.backend() {
            Backend::Sqlite => self.query_row("PRAGMA user_version", [], |r| r.get(0)),
            Backend::Postgres => {
                let exists: bool =
                    self.query_row("SELECT to_regclass('edaran_schema') IS NOT NULL", [], |r| {
                        r.get(0)
                    })?;
                if !exists {
                    return Ok(0);
                }
                self.query_row("SELECT version FROM edaran_schema", [], |r| r.get(0))
            }
        }
    }

    pub fn set_schema_version(&self, version: i64) -> Result<()> {
        match self.backend() {
            Backend::Sqlite => self.execute_batch(&format!("PRAGMA user_version = {version}")),
            Backend::Postgres => {
                self.execute("UPDATE edaran_schema SET version = ?1", [version])?;
                Ok(())
            }
        }
    }

    /// Holds off other connections' migrations until this transaction ends
    /// (SQLite's `BEGIN IMMEDIATE` already does).
    pub fn lock_schema(&self) -> Result<()> {
        if self.backend() == Backend::Postgres {
            self.query_row("SELECT pg_advisory_xact_lock(4242001)", [], |_| Ok(()))?;
        }
        Ok(())
    }

    /// True when the database already holds tables of its own.
    pub fn has_tables(&self) -> Result<bool> {
        let sql = match self.backend() {
            Backend::Sqlite => "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')",
            Backend::Postgres => {
                "SELECT EXISTS (SELECT 1 FROM information_schema.tables
                  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')"
            }
        };
        self.query_row(sql, [], |r| r.get(0))
    }
}

impl Db {
    /// The foreign keys pointing at `table`: (child table, its column, the
    /// parent's column, the `ON DELETE` action as SQL spells it).
    pub fn references_to(&self, table: &str) -> Result<Vec<(String, String, String, String)>> {
        let sql = match self.backend() {
            Backend::Sqlite => {
                "SELECT m.name, f.\"from\", coalesce(f.\"to\", 'rowid'), f.on_delete
                 FROM sqlite_master m, pragma_foreign_key_list(m.name) f
                 WHERE m.type = 'table' AND f.\"table\" = ?1"
            }
            Backend::Postgres => {
                "SELECT c.conrelid::regclass::text, a.attname::text, p.attname::text,
                     CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'NO ACTION' END
                 FROM pg_constraint c
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                 JOIN pg_attribute p ON p.attrelid = c.confrelid AND p.attnum = c.confkey[1]
                 WHERE c.contype = 'f' AND c.confrelid = to_regclass(?1)"
            }
        };
        self.prepare_cached(sql)?
            .query_map([table], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect()
    }
}

impl Db {
    /// Starts a read-only transaction that sees one moment of the database
    /// while others write.
    pub fn begin_snapshot(&self) -> Result<()> {
        self.execute_batch(match self.backend() {
            Backend::Sqlite => "BEGIN",
            Backend::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        })?;
        self.depth.set(1);
        Ok(())
    }

    /// Empties `tables` inside the open transaction, past the triggers that
    /// keep register entries and issued circulars (a restore replaces them all).
    pub fn clear_tables(&self, tables: &[&str]) -> Result<()> {
        match self.backend() {
            Backend::Sqlite => {
                // Only ever a fresh file (a backup being written): nothing
                // a trigger keeps is in it yet.
                for table in tables.iter().rev() {
                    self.execute(&format!("DELETE FROM {table}"), [])?;
                }
                Ok(())
            }
            Backend::Postgres => {
                self.execute_batch(&format!("TRUNCATE {} CASCADE", tables.join(", ")))
            }
        }
    }

    /// After rows were copied in with their ids: new rows' ids follow them,
    /// and the server's planner learns the tables' new contents at once.
    pub fn after_copy(&self, tables: &[&str]) -> Result<()> {
        if self.backend() == Backend::Postgres {
            for table in tables {
                self.execute_batch(&format!("ANALYZE {table}"))?;
                let has_id: bool = self.query_row(
                    "SELECT EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = current_schema() AND table_name = ?1 AND column_name = 'id')",
                    [*table],
                    |r| r.get(0),
                )?;
                if !has_id {
                    continue;
                }
                self.query_row(
                    &format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
                    ),
                    [],
                    |_| Ok(()),
                )?;
            }
        }
        Ok(())
    }
}

impl Db {
    /// Locks row `id` of `table` until the transaction ends, so a second
    /// workstation waits for it (SQLite's write transaction already holds
    /// the whole file).
    pub fn lock(&self, table: &str, id: i64) -> Result<()> {
        if self.backend() == Backend::Postgres {
            self.query_row(
                &format!(
                    "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE id = ?1 FOR UPDATE) locked"
                ),
                [id],
                |_| Ok(()),
            )?;
        }
        Ok(())
    }

    /// `user@workstation` on a shared server, for the audit log; `None`
    /// for this computer's own file.
    pub fn session(&self) -> Option<String> {
        match &self.conn {
            Conn::Sqlite(_) => None,
            Conn::Postgres(s) => Some(s.info().session()),
        }
    }
}

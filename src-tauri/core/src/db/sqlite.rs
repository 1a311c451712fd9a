//! The embedded backend: one SQLite file, opened with WAL, foreign keys and
//! a busy timeout.

use std::path::Path;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ToSql};

use super::{DbError, Value};

pub(super) fn open(path: &Path) -> Result<Connection, DbError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: a commit is on disk before it returns, so a power cut never
    // takes back an issued number or a signed PDF already handed out.
    conn.pragma_update(None, "synchronous", "FULL")?;
    setup(conn)
}

pub(super) fn in_memory() -> Result<Connection, DbError> {
    setup(Connection::open_in_memory()?)
}

fn setup(conn: Connection) -> Result<Connection, DbError> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

pub(super) fn named(
    conn: &Connection,
    sql: &str,
    params: &[Value],
) -> Result<(Vec<String>, Vec<Vec<Value>>), DbError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let width = names.len();
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(
            (0..width)
                .map(|i| row.get_ref(i).map(value))
                .collect::<rusqlite::Result<_>>()?,
        );
    }
    Ok((names, out))
}

pub(super) fn rows(
    conn: &Connection,
    sql: &str,
    params: &[Value],
) -> Result<Vec<Vec<Value>>, DbError> {
    Ok(named(conn, sql, params)?.1)
}

pub(super) fn execute(conn: &Connection, sql: &str, params: &[Value]) -> Result<usize, DbError> {
    Ok(conn
        .prepare_cached(sql)?
        .execute(rusqlite::params_from_iter(params))?)
}

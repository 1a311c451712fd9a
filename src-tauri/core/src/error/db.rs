//! What a database said went wrong, in one type for both backends.

use std::fmt;

/// A failure of the database itself (not of the office's data).
#[derive(Debug)]
pub enum DbError {
    Sqlite(rusqlite::Error),
    Postgres(postgres::Error),
    /// A query that must find a row found none.
    NoRows,
    /// A cell was not of the kind the code reads.
    Type {
        wanted: &'static str,
        found: &'static str,
    },
    /// The server was not reached (or the connection string is wrong).
    Connect(String),
    /// The server was reached and refused to let this user in: no password
    /// given where one is needed, or a wrong one.
    Login(String),
}

/// Which rule of the schema a change broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    ForeignKey,
    /// A unique column; `nip` when it is an employee's NIP.
    Unique {
        nip: bool,
    },
    PrimaryKey,
    Other,
}

impl DbError {
    /// Another connection holds what this one waits for, longer than it waits.
    pub fn is_busy(&self) -> bool {
        match self {
            DbError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => matches!(
                f.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ),
            // lock_not_available, deadlock_detected, serialization_failure
            DbError::Postgres(e) => e
                .code()
                .is_some_and(|c| matches!(c.code(), "55P03" | "40P01" | "40001")),
            _ => false,
        }
    }

    /// The server is gone (stopped, network down, connection cut).
    pub fn is_lost(&self) -> bool {
        match self {
            DbError::Postgres(e) => {
                e.is_closed()
                    || std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>())
                    // admin or crash shutdown, starting up, connection exceptions
                    || e.code().is_some_and(|c| c.code().starts_with("57P") || c.code().starts_with("08"))
            }
            DbError::Connect(_) => true,
            _ => false,
        }
    }

    /// The schema rule broken, when the change broke one.
    pub fn constraint(&self) -> Option<Constraint> {
        match self {
            DbError::Sqlite(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
            {
                let text = e.to_string();
                Some(if text.contains("FOREIGN KEY") {
                    Constraint::ForeignKey
                } else if text.contains(".nip") {
                    Constraint::Unique { nip: true }
                } else if text.contains(".id") || text.contains("PRIMARY KEY") {
                    Constraint::PrimaryKey
                } else if text.contains("UNIQUE") {
                    Constraint::Unique { nip: false }
                } else {
                    Constraint::Other
                })
            }
            DbError::Postgres(e) => {
                let db = e.as_db_error()?;
                let name = db.constraint().unwrap_or_default();
                match db.code().code() {
                    "23503" => Some(Constraint::ForeignKey),
                    "23505" if name.ends_with("_pkey") => Some(Constraint::PrimaryKey),
                    "23505" => Some(Constraint::Unique {
                        nip: name.contains("nip"),
                    }),
                    c if c.starts_with("23") => Some(Constraint::Other),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// What a trigger of the schema refused (`RAISE`), in its own words.
    fn raised(&self) -> Option<&str> {
        match self {
            DbError::Postgres(e) => e
                .as_db_error()
                .filter(|d| d.code().code() == "P0001")
                .map(|d| d.message()),
            _ => None,
        }
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = self.raised() {
            return f.write_str(text);
        }
        match self {
            DbError::Sqlite(e) => write!(f, "{e}"),
            DbError::Postgres(e) => match e.as_db_error() {
                Some(d) => write!(f, "{} ({})", d.message(), d.code().code()),
                None => write!(f, "{e}"),
            },
            DbError::NoRows => f.write_str("data yang dicari tidak ada"),
            DbError::Type { wanted, found } => {
                write!(
                    f,
                    "isi kolom berjenis {found}, padahal yang dibaca {wanted}"
                )
            }
            DbError::Connect(why) | DbError::Login(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => DbError::NoRows,
            e => DbError::Sqlite(e),
        }
    }
}

impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> Self {
        DbError::Postgres(e)
    }
}

//! The shared backend: an office's PostgreSQL server on the LAN, through
//! the synchronous `postgres` crate (the store is synchronous too) with
//! TLS by native-tls when the connection string asks for it
//! (`sslmode=require`: encrypted, the server's certificate not checked,
//! as libpq does; `prefer`, the default, falls back to plain).
//!
//! The one place PostgreSQL's spelling lives: [`translate`] turns the
//! store's SQL (SQLite's spelling) into PostgreSQL's, and [`Value`]s are
//! written as whatever type the server infers for a parameter.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error as StdError;
use std::mem::ManuallyDrop;
use std::str::FromStr;
use std::sync::LazyLock;
use std::time::Duration;

use postgres::types::{private::BytesMut, FromSql, IsNull, Kind, ToSql, Type};
use regex::Regex;

use super::{DbError, Value};

/// A parsed connection string (`postgresql://user@host/db?sslmode=require`
/// or `host=… user=… dbname=…`).
#[derive(Clone)]
pub struct ConnectionInfo {
    config: postgres::Config,
    /// The string as given, less any password: what a workstation remembers.
    address: String,
}

/// Where a database is, as shown to the clerk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(std::path::PathBuf),
    /// `user@host/database`, never the password.
    Server(String),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Server(at) => write!(f, "server PostgreSQL {at}"),
        }
    }
}

impl ConnectionInfo {
    /// True when `text` names a server rather than a file.
    pub fn is_connection_string(text: &str) -> bool {
        text.starts_with("postgresql://") || text.starts_with("postgres://")
    }

    /// Reads a connection string; a malformed one is refused at the
    /// `address` field with an example of the right form.
    pub fn parse(text: &str) -> crate::error::Result<ConnectionInfo> {
        const EXAMPLE: &str =
            "Contoh yang benar: postgresql://edaran@192.168.1.10/edaran?sslmode=require";
        let wrong = |why: String| {
            crate::error::Error::invalid(crate::ErrorCode::AlamatServerTidakSah, "address", why)
        };
        if !Self::is_connection_string(text) {
            return Err(wrong(format!(
                "Alamat basis data bersama harus diawali postgresql://. {EXAMPLE}"
            )));
        }
        let mut config = postgres::Config::from_str(text).map_err(|e| {
            wrong(format!(
                "Alamat basis data bersama tidak dapat dibaca ({e}). {EXAMPLE}"
            ))
        })?;
        if config.get_dbname().is_none() {
            return Err(wrong(format!(
                "Alamat basis data bersama tidak menyebut nama basis datanya (…/edaran di ujungnya). {EXAMPLE}"
            )));
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        config.keepalives_idle(Duration::from_secs(30));
        if config.get_application_name().is_none() {
            config.application_name(&format!("edaran@{}", workstation()));
        }
        // No JIT compilation: it pays off for long reports, while each of
        // the app's queries takes milliseconds, and a plan estimated costly
        // (a recursive chain) would otherwise spend far more compiling.
        let options = match config.get_options() {
            Some(given) => format!("{given} -c jit=off"),
            None => "-c jit=off".to_string(),
        };
        config.options(&options);
        // As libpq does: the password from the environment when none is given.
        if config.get_password().is_none() {
            if let Some(password) = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()) {
                config.password(password);
            }
        }
        Ok(ConnectionInfo {
            config,
            address: without_password(text),
        })
    }

    /// The connection string without its password, safe to write down.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// True when a password goes with the connection (given, typed or from
    /// `PGPASSWORD`).
    pub fn has_password(&self) -> bool {
        self.config.get_password().is_some()
    }

    /// The same server with the password the clerk typed (kept in memory only).
    pub fn with_password(mut self, password: &str) -> ConnectionInfo {
        if !password.is_empty() {
            self.config.password(password);
        }
        self
    }

    /// `user@workstation`, as the audit log names who did what.
    pub fn session(&self) -> String {
        format!("{}@{}", self.config.get_user().unwrap_or(""), workstation())
    }

    /// `user@host/database`, for messages; no password.
    pub fn public(&self) -> String {
        let host = self
            .config
            .get_hosts()
            .first()
            .map(|h| match h {
                postgres::config::Host::Tcp(name) => name.clone(),
                #[cfg(unix)]
                postgres::config::Host::Unix(path) => path.display().to_string(),
            })
            .unwrap_or_else(|| "localhost".into());
        format!(
            "{}@{}/{}",
            self.config.get_user().unwrap_or(""),
            host,
            self.config.get_dbname().unwrap_or("")
        )
    }
}

/// `text` (a connection string) with the password taken out of its user
/// part (`user:secret@host`) and its `password=` parameter.
fn without_password(text: &str) -> String {
    let (scheme, rest) = text.split_once("://").unwrap_or(("", text));
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => format!("{}@{host}", user.split(':').next().unwrap_or("")),
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|p| !p.starts_with("password="))
                .collect();
            match kept.is_empty() {
                true => path.to_string(),
                false => format!("{path}?{}", kept.join("&")),
            }
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// This computer's name, as the audit log shows it.
pub fn workstation() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "komputer ini".into())
}

/// Runs `work`, which waits on the synchronous client, outside the async
/// runtime the caller may be in (the app's async commands run on Tauri's):
/// the client drives its own runtime and may not start it inside another.
fn outside_async<T>(work: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(work)
        }
        _ => work(),
    }
}

/// One connection to the server, with its prepared statements.
pub(super) struct Server {
    /// Dropped by hand (`Drop`): closing also waits on the server.
    client: ManuallyDrop<RefCell<postgres::Client>>,
    prepared: RefCell<HashMap<String, postgres::Statement>>,
    info: ConnectionInfo,
}

impl Drop for Server {
    fn drop(&mut self) {
        // SAFETY: dropped once, here; never used again.
        outside_async(|| unsafe { ManuallyDrop::drop(&mut self.client) });
    }
}

impl Server {
    pub(super) fn connect(info: &ConnectionInfo) -> Result<Server, DbError> {
        Ok(Server {
            client: ManuallyDrop::new(RefCell::new(outside_async(|| Self::client(info))?)),
            prepared: RefCell::new(HashMap::new()),
            info: info.clone(),
        })
    }

    fn client(info: &ConnectionInfo) -> Result<postgres::Client, DbError> {
        use postgres::config::SslMode;
        match info.config.get_ssl_mode() {
            SslMode::Disable => info.config.connect(postgres::NoTls),
            _ => {
                let tls = native_tls::TlsConnector::builder()
                    .danger_accept_invalid_certs(true)
                    .danger_accept_invalid_hostnames(true)
                    .build()
                    .map_err(|e| DbError::Connect(format!("TLS tidak dapat disiapkan: {e}")))?;
                info.config
                    .connect(postgres_native_tls::MakeTlsConnector::new(tls))
            }
        }
        .map_err(|e| connect_error(info, e))
    }

    /// Connects again when the server went away (restarted, network back):
    /// only between transactions, so no half of one runs on a new session.
    pub(super) fn revive(&self, between_transactions: bool) -> Result<(), DbError> {
        if !between_transactions || !self.client.borrow().is_closed() {
            return Ok(());
        }
        outside_async(|| {
            let fresh = Self::client(&self.info)?;
            drop(std::mem::replace(&mut *self.client.borrow_mut(), fresh));
            self.prepared.borrow_mut().clear();
            Ok(())
        })
    }

    pub(super) fn info(&self) -> &ConnectionInfo {
        &self.info
    }

    fn statement(&self, sql: &str) -> Result<postgres::Statement, DbError> {
        if let Some(s) = self.prepared.borrow().get(sql) {
            return Ok(s.clone());
        }
        let translated = translate(sql);
        let statement = outside_async(|| self.client.borrow_mut().prepare(&translated))
            .inspect_err(|e| {
                if std::env::var_os("EDARAN_SQL_DEBUG").is_some() {
                    eprintln!("SQL PostgreSQL ditolak: {e}\n{translated}");
                }
            })?;
        self.prepared
            .borrow_mut()
            .insert(sql.to_string(), statement.clone());
        Ok(statement)
    }

    pub(super) fn named(
        &self,
        sql: &str,
        params: &[Value],
    ) -> Result<(Vec<String>, Vec<Vec<Value>>), DbError> {
        let statement = self.statement(sql)?;
        let names = statement
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        let rows = outside_async(|| self.client.borrow_mut().query(&statement, &refs))?;
        let values = rows
            .iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| row.try_get::<_, Cell>(i).map(|c| c.0))
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<_, _>>()?;
        Ok((names, values))
    }

    pub(super) fn rows(&self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, DbError> {
        Ok(self.named(sql, params)?.1)
    }

    pub(super) fn execute(&self, sql: &str, params: &[Value]) -> Result<usize, DbError> {
        let statement = self.statement(sql)?;
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        Ok(outside_async(|| self.client.borrow_mut().execute(&statement, &refs))? as usize)
    }

    pub(super) fn insert(&self, sql: &str, params: &[Value]) -> Result<i64, DbError> {
        let rows = self.rows(&format!("{sql} RETURNING id"), params)?;
        match rows.first().and_then(|r| r.first()) {
            Some(Value::Integer(id)) => Ok(*id),
            _ => Err(DbError::NoRows),
        }
    }

    pub(super) fn batch(&self, sql: &str) -> Result<(), DbError> {
        Ok(outside_async(|| {
            self.client.borrow_mut().batch_execute(&translate(sql))
        })?)
    }
}

fn connect_error(info: &ConnectionInfo, e: postgres::Error) -> DbError {
    let code = e.code().map(|c| c.code().to_string());
    let server = info.public();
    // The client gives up before asking when the server wants a password
    // and none was given; its words are the only sign.
    let said = StdError::source(&e)
        .map(|s| s.to_string())
        .unwrap_or_default();
    if said.contains("password missing") {
        return DbError::Login(format!(
            "Server basis data bersama {server} meminta kata sandi; isi kata sandi pengguna {}.",
            info.config.get_user().unwrap_or("")
        ));
    }
    if code.as_deref() == Some("28P01") {
        return DbError::Login(format!(
            "Server basis data bersama {server} menolak masuk: nama pengguna atau kata sandinya salah."
        ));
    }
    DbError::Connect(match code.as_deref() {
        Some("28000") => format!(
            "Server basis data bersama {server} tidak mengizinkan pengguna ini masuk dari komputer ini; pengelola server perlu menambahkannya di pg_hba.conf (lihat README, bagian Basis data bersama)."
        ),
        Some("3D000") => format!(
            "Basis data bersama {server} belum dibuat di servernya; buat dulu (lihat README, bagian Basis data bersama)."
        ),
        _ => format!(
            "Server basis data bersama {server} tidak dapat dihubungi: {e}. Periksa jaringan, alamat server, dan bahwa PostgreSQL berjalan."
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::{translate, without_password};

    #[test]
    fn a_remembered_address_never_holds_the_password() {
        for (given, kept) in [
            (
                "postgresql://edaran:rahasia@10.0.0.5/edaran",
                "postgresql://edaran@10.0.0.5/edaran",
            ),
            (
                "postgresql://edaran:r@h@sia@10.0.0.5:5433/edaran?sslmode=require&password=lagi",
                "postgresql://edaran@10.0.0.5:5433/edaran?sslmode=require",
            ),
            (
                "postgres://10.0.0.5/edaran?password=x",
                "postgres://10.0.0.5/edaran",
            ),
            (
                "postgresql://edaran@%2Ftmp%2Fpg/edaran",
                "postgresql://edaran@%2Ftmp%2Fpg/edaran",
            ),
        ] {
            assert_eq!(without_password(given), kept);
        }
    }

    #[test]
    fn the_store_sql_reads_as_postgresql() {
        assert_eq!(
            translate("SELECT a FROM t WHERE (?2 IS NULL OR CAST(substr(x, 1, 4) AS INTEGER) = ?2) AND b = ? AND c = '?'"),
            "SELECT a FROM t WHERE (CAST(substr(x, 1, 4) AS INTEGER) = $2 OR $2 IS NULL) AND b = $1 AND c = '?'"
        );
        assert_eq!(
            translate("SELECT id FROM agency WHERE name = ?1 COLLATE NOCASE ORDER BY a.name COLLATE NOCASE"),
            "SELECT id FROM agency WHERE lower(name) = lower($1) ORDER BY lower(a.name)"
        );
        assert_eq!(
            translate("INSERT OR IGNORE INTO s (a) VALUES (?1)"),
            "INSERT INTO s (a) VALUES ($1) ON CONFLICT DO NOTHING"
        );
        assert_eq!(
            translate("json_extract(c.document, '$.rules.picket') IS NOT NULL"),
            "(c.document::json #>> '{rules,picket}') IS NOT NULL"
        );
        assert_eq!(translate("x LIKE ?1 ESCAPE '\\'"), "x ILIKE $1 ESCAPE '\\'");
    }
}

static RULES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        // SQLite's = … COLLATE NOCASE compares ASCII letters case-blind.
        (
            r"(?i)([\w.]+) = (\$\d+) COLLATE NOCASE",
            "lower($1) = lower($2)",
        ),
        (r"(?i)([\w.]+) COLLATE NOCASE", "lower($1)"),
        // SQLite's LIKE ignores ASCII case.
        (r"\bLIKE\b", "ILIKE"),
        (
            r"(?is)\bINSERT OR IGNORE INTO\b(.*)$",
            "INSERT INTO$1 ON CONFLICT DO NOTHING",
        ),
        (r"(?i)\bgroup_concat\(", "string_agg("),
        // Tables without an integer key have an `id` column there.
        (r"\browid\b", "id"),
        (
            r"(?i)datetime\('now'\)",
            "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')",
        ),
    ]
    .into_iter()
    .map(|(from, to)| (Regex::new(from).expect("pola terjemahan SQL"), to))
    .collect()
});

/// The store's SQL in PostgreSQL's spelling: `?1` → `$1` (outside string
/// literals), then the few functions and operators spelled otherwise.
pub(crate) fn translate(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut chars = sql.chars().peekable();
    let mut quoted = false;
    let mut next = 0;
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    next += 1;
                    digits = next.to_string();
                }
                out.push('$');
                out.push_str(&digits);
            }
            _ => out.push(c),
        }
    }
    let out = json_paths(&typed_first(&out));
    RULES.iter().fold(out, |sql, (from, to)| {
        from.replace_all(&sql, *to).into_owned()
    })
}

/// `json_extract(doc, '$.a.b')` → `(doc::json #>> '{a,b}')`: the text at a
/// path of a JSON document, NULL when absent or JSON null (`json`, not
/// `jsonb`: read once, not rebuilt as a tree).
fn json_paths(sql: &str) -> String {
    static EXTRACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)json_extract\(([\w.]+), '\$\.([\w.]+)'\)").expect("pola json")
    });
    EXTRACT
        .replace_all(sql, |c: &regex::Captures| {
            format!("({}::json #>> '{{{}}}')", &c[1], c[2].replace('.', ","))
        })
        .into_owned()
}

/// `($1 IS NULL OR x = $1)` → `(x = $1 OR $1 IS NULL)`: PostgreSQL takes
/// a parameter's type from its first use, and `IS NULL` gives none.
fn typed_first(sql: &str) -> String {
    static OPTIONAL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\((\$\d+) IS NULL OR ").expect("pola parameter"));
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(found) = OPTIONAL.captures(rest) {
        let whole = found.get(0).expect("cocok");
        let param = &found[1];
        let tail = &rest[whole.end()..];
        let mut depth = 0;
        let Some(close) = tail.char_indices().find_map(|(i, c)| match c {
            '(' => {
                depth += 1;
                None
            }
            ')' if depth == 0 => Some(i),
            ')' => {
                depth -= 1;
                None
            }
            _ => None,
        }) else {
            break;
        };
        out.push_str(&rest[..whole.start()]);
        out.push_str(&format!("({} OR {param} IS NULL)", &tail[..close]));
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

fn base(ty: &Type) -> &Type {
    match ty.kind() {
        Kind::Domain(inner) => base(inner),
        _ => ty,
    }
}

type Boxed = Box<dyn StdError + Sync + Send>;

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Boxed> {
        let ty = base(ty);
        let text = |s: &str, out: &mut BytesMut| -> Result<IsNull, Boxed> {
            if *ty == Type::JSONB {
                out.extend_from_slice(&[1]);
            }
            out.extend_from_slice(s.as_bytes());
            Ok(IsNull::No)
        };
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Integer(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                _ => text(&i.to_string(), out),
            },
            Value::Real(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::INT8 if f.fract() == 0.0 => (*f as i64).to_sql(ty, out),
                _ => text(&f.to_string(), out),
            },
            Value::Text(s) => match *ty {
                Type::BYTEA => s.as_bytes().to_sql(ty, out),
                Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL | Type::FLOAT8 => {
                    Err(format!("teks '{s}' diberikan untuk kolom angka").into())
                }
                _ => text(s, out),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.as_slice().to_sql(ty, out),
                _ => Err("data biner diberikan untuk kolom bukan biner".into()),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A cell as read from the server.
struct Cell(Value);

impl<'a> FromSql<'a> for Cell {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
        let ty = base(ty);
        Ok(Cell(match *ty {
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Integer(i16::from_sql(ty, raw)?.into()),
            Type::OID => Value::Integer(u32::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Integer(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::NUMERIC => numeric(raw)?,
            Type::BYTEA => Value::Blob(raw.to_vec()),
            Type::JSONB => Value::Text(String::from_utf8(
                raw.get(1..).unwrap_or_default().to_vec(),
            )?),
            _ => Value::Text(String::from_utf8(raw.to_vec())?),
        }))
    }

    fn from_sql_null(_: &Type) -> Result<Self, Boxed> {
        Ok(Cell(Value::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// A NUMERIC (what `sum` of integers gives): an integer when it has no
/// fraction, else a real.
fn numeric(raw: &[u8]) -> Result<Value, Boxed> {
    let word = |i: usize| -> Result<i16, Boxed> {
        Ok(i16::from_be_bytes(
            raw.get(i * 2..i * 2 + 2)
                .ok_or("NUMERIC terpotong")?
                .try_into()?,
        ))
    };
    let (count, weight, sign, scale) = (word(0)?, word(1)?, word(2)? as u16, word(3)?);
    if sign == 0xC000 {
        return Ok(Value::Null);
    }
    let mut total = 0f64;
    for i in 0..count.max(0) as usize {
        total += f64::from(word(4 + i)?) * 10000f64.powi(i32::from(weight) - i as i32);
    }
    if sign == 0x4000 {
        total = -total;
    }
    Ok(if scale == 0 && total.abs() < 9e15 {
        Value::Integer(total as i64)
    } else {
        Value::Real(total)
    })
}

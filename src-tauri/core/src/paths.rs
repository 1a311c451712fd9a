//! Where the database lives: `--db PATH`, else `EDARAN_DB`, else the OS
//! app-data folder (`~/.local/share/edaran`, `%APPDATA%\Edaran\Edaran\data`, …).

use std::path::PathBuf;

/// `name` made safe as a file name anywhere: path separators and the marks
/// Windows reserves become `-` (`800/439/BKPSDM/2020` → `800-439-BKPSDM-2020`).
pub fn file_safe(name: &str) -> String {
    name.chars()
        .map(|ch| match ch {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            _ => ch,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Environment variable that overrides the database location.
pub const DB_ENV: &str = "EDARAN_DB";

/// The database path to use, given an optional `--db` value.
pub fn database_path(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os(DB_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(default_database_path)
}

/// `edaran.db` in the OS app-data folder (the working folder if none is known).
pub fn default_database_path() -> PathBuf {
    directories::ProjectDirs::from("id", "Edaran", "Edaran")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_default()
        .join("edaran.db")
}

/// The daily backups' folder: `cadangan` beside the database; for a shared
/// server, `cadangan-server` in this computer's app-data folder.
pub fn daily_backup_dir(database: &std::path::Path) -> PathBuf {
    if database
        .to_str()
        .is_some_and(crate::db::ConnectionInfo::is_connection_string)
    {
        return default_database_path().with_file_name("cadangan-server");
    }
    database
        .parent()
        .unwrap_or_else(|| std::path::Path::new("."))
        .join("cadangan")
}

/// The database as shown to the clerk: a file's path, or a server's
/// `user@host/database` without the password a connection string may hold.
pub fn shown(database: &std::path::Path) -> String {
    match database
        .to_str()
        .filter(|t| crate::db::ConnectionInfo::is_connection_string(t))
        .map(crate::db::ConnectionInfo::parse)
    {
        Some(Ok(info)) => crate::db::Location::Server(info.public()).to_string(),
        Some(Err(_)) => "server PostgreSQL (alamatnya tidak terbaca)".into(),
        None => database.display().to_string(),
    }
}

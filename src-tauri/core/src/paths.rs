//! Where the database lives: `--db PATH`, else `EDARAN_DB`, else the shared
//! server this computer was set to in Pengaturan, else the file in the OS
//! app-data folder (`~/.local/share/edaran`, `%APPDATA%\Edaran\Edaran\data`, …).

use std::path::{Path, PathBuf};

use crate::db::{ConnectionInfo, Location};

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
    .or_else(|| remembered_server(&server_choice_file()).map(PathBuf::from))
    .unwrap_or_else(default_database_path)
}

/// Where this computer remembers the office's shared server: a one-line
/// file in the OS config folder (`~/.config/edaran/server-bersama.txt`).
pub fn server_choice_file() -> PathBuf {
    directories::ProjectDirs::from("id", "Edaran", "Edaran")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .unwrap_or_default()
        .join("server-bersama.txt")
}

/// The server's address remembered in `file`, if any (a file that holds
/// anything else is ignored: the computer's own database is used).
pub fn remembered_server(file: &Path) -> Option<String> {
    use std::io::Read;
    // One address is a line; a file grown past a page is not one.
    let mut text = String::new();
    std::fs::File::open(file)
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    ConnectionInfo::parse(line)
        .ok()
        .map(|info| info.address().to_string())
}

/// Remembers `info`'s server in `file` for the next start, without its
/// password (asked at every start instead).
pub fn remember_server(file: &Path, info: &ConnectionInfo) -> crate::Result<()> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    Ok(std::fs::write(file, format!("{}\n", info.address()))?)
}

/// Forgets the remembered server: the next start opens this computer's file.
pub fn forget_server(file: &Path) -> crate::Result<()> {
    match std::fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// `edaran.db` in the OS app-data folder (the working folder if none is known).
pub fn default_database_path() -> PathBuf {
    directories::ProjectDirs::from("id", "Edaran", "Edaran")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_default()
        .join("edaran.db")
}

/// The daily backups' folder: `cadangan` beside the database file; for a
/// shared server, `cadangan-server` in this computer's app-data folder.
pub fn daily_backup_dir(database: &Location) -> PathBuf {
    match database {
        Location::File(path) => path
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join("cadangan"),
        Location::Server(_) => default_database_path().with_file_name("cadangan-server"),
    }
}

/// The database as shown to the clerk: a file's path, or a server's
/// `user@host/database` without the password a connection string may hold.
pub fn shown(database: &Path) -> String {
    match database
        .to_str()
        .filter(|t| ConnectionInfo::is_connection_string(t))
        .map(ConnectionInfo::parse)
    {
        Some(Ok(info)) => Location::Server(info.public()).to_string(),
        Some(Err(_)) => "server PostgreSQL (alamatnya tidak terbaca)".into(),
        None => database.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_server_comes_back_without_its_password_and_can_be_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("edaran").join("server-bersama.txt");
        assert_eq!(remembered_server(&file), None);
        let info = ConnectionInfo::parse("postgresql://tu:rahasia@10.1.2.3/edaran?sslmode=require")
            .unwrap();
        remember_server(&file, &info).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("rahasia"), "{text}");
        assert_eq!(
            remembered_server(&file).as_deref(),
            Some("postgresql://tu@10.1.2.3/edaran?sslmode=require")
        );
        forget_server(&file).unwrap();
        forget_server(&file).unwrap();
        assert_eq!(remembered_server(&file), None);
    }

    #[test]
    fn a_choice_file_holding_something_else_leaves_the_computer_on_its_own_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("server-bersama.txt");
        for junk in [
            "",
            "\n\n",
            "C:\\data\\edaran.db",
            "postgresql://tanpa-nama-basis-data",
        ] {
            std::fs::write(&file, junk).unwrap();
            assert_eq!(remembered_server(&file), None, "{junk:?}");
        }
        std::fs::write(&file, vec![0xff; 4096]).unwrap();
        assert_eq!(remembered_server(&file), None);
        // An address followed by a flood: only the first page is read.
        let mut long = b"postgresql://tu@10.1.2.3/edaran\n".to_vec();
        long.resize(50 << 20, b'x');
        std::fs::write(&file, long).unwrap();
        assert_eq!(
            remembered_server(&file).as_deref(),
            Some("postgresql://tu@10.1.2.3/edaran")
        );
    }
}

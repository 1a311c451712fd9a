//! Cadangan dan pemulihan: consistent copies of the database taken while
//! it is in use (SQLite online backup), restoring one after checking it,
//! and the daily rotation in the app-data folder.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::migrations::{self, LATEST};
use super::{transfer, Store};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::ErrorCode;

/// Daily backups kept in the rotation folder.
pub const DAILY_KEPT: usize = 7;

/// What a backup file holds, as checked before restoring it.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct BackupInfo {
    pub schema_version: i64,
    pub office: Option<String>,
    pub circulars: i64,
    pub employees: i64,
}

/// The outcome of a restore: what came in and where the replaced database went.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Restored {
    pub info: BackupInfo,
    pub replaced_copy: PathBuf,
}

fn refused(path: &Path, why: &str) -> Error {
    Error::Refused {
        code: ErrorCode::CadanganDitolak,
        message: format!("Berkas {} tidak dipulihkan: {why}", path.display()),
    }
}

/// One object of `sqlite_master`, its SQL normalised (comments dropped,
/// whitespace collapsed, case folded outside quotes).
#[derive(Debug, Clone, PartialEq)]
struct SchemaObject {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

impl SchemaObject {
    /// How the refusal names it: `trigger "mata_mata"`.
    fn described(&self) -> String {
        let kind = match self.kind.as_str() {
            "table" => "tabel",
            "index" => "indeks",
            "view" => "view",
            "trigger" => "trigger",
            _ => "objek",
        };
        let mut name: String = self.name.chars().take(60).collect();
        if name.len() < self.name.len() {
            name.push('…');
        }
        format!("{kind} \"{}\"", name.escape_debug())
    }
}

/// `sql` as compared: comments removed, runs of whitespace made one space
/// (none around brackets and commas), and letters outside quoted strings
/// and identifiers in lower case (SQLite ignores their case).
fn normalised(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut space = false;
    let push_space = |out: &mut String, space: &mut bool| {
        if *space && !out.is_empty() && !out.ends_with(['(', ',']) {
            out.push(' ');
        }
        *space = false;
    };
    while let Some(c) = chars.next() {
        match c {
            '-' if chars.peek() == Some(&'-') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                space = true;
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '\'' | '"' | '`' | '[' => {
                push_space(&mut out, &mut space);
                let close = if c == '[' { ']' } else { c };
                out.push(c);
                while let Some(q) = chars.next() {
                    out.push(q);
                    if q == close {
                        // A doubled quote is one quote inside the text.
                        if close != ']' && chars.peek() == Some(&close) {
                            out.push(chars.next().unwrap_or(close));
                            continue;
                        }
                        break;
                    }
                }
            }
            '(' | ')' | ',' => {
                space = false;
                out.push(c);
            }
            c => {
                push_space(&mut out, &mut space);
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// Every object of the schema of `conn`, in the order they were created.
fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut stmt =
        conn.prepare_cached("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        Ok(SchemaObject {
            kind: r.get(0)?,
            name: r.get(1)?,
            table: r.get(2)?,
            sql: r.get::<_, Option<String>>(3)?.map(|s| normalised(&s)),
        })
    })?;
    rows.collect()
}

/// The schema Edaran's migrations give a database of schema `version`.
fn schema_at(version: i64) -> Result<Vec<SchemaObject>> {
    let db = Db::sqlite_in_memory()?;
    migrations::migrate_to(&db, version)?;
    Ok(schema_of(db.sqlite().expect("SQLite in memory"))?)
}

/// The first object that differs between `found` and `expected`: one Edaran
/// did not make, one made differently, then one of Edaran's missing.
fn schema_difference(found: &[SchemaObject], expected: &[SchemaObject]) -> Option<String> {
    let named = |list: &[SchemaObject], name: &str| {
        list.iter().position(|o| o.name.eq_ignore_ascii_case(name))
    };
    for object in found {
        match named(expected, &object.name) {
            None => {
                return Some(format!(
                    "berisi {} yang tidak dibuat oleh Edaran",
                    object.described()
                ))
            }
            Some(i) if expected[i] != *object => {
                return Some(format!(
                    "{} berbeda dari yang dibuat oleh Edaran",
                    object.described()
                ))
            }
            Some(_) => {}
        }
    }
    expected
        .iter()
        .find(|o| named(found, &o.name).is_none())
        .map(|o| format!("{} milik Edaran tidak ada", o.described()))
}

/// Checks that `path` is an intact Edaran database this version can open.
pub fn check_backup(path: &Path) -> Result<BackupInfo> {
    open_checked(path).map(|(_, info)| info)
}

/// Opens the candidate at `path` read-only, defensively, and checks it: a
/// regular file, an SQLite database whose schema version is one Edaran
/// wrote, whose schema is exactly the one Edaran's migrations make at that
/// version, intact, and marked as Edaran's. The connection is returned in
/// a read transaction, so what is restored is what was checked.
fn open_checked(path: &Path) -> Result<(Connection, BackupInfo)> {
    match std::fs::metadata(path) {
        Err(_) => return Err(refused(path, "berkas tidak ditemukan.")),
        Ok(m) if !m.is_file() => {
            return Err(refused(
                path,
                "bukan berkas biasa (folder, pipa, atau perangkat); pilih berkas cadangan Edaran (.db).",
            ))
        }
        Ok(_) => {}
    }
    let not_db = |_| refused(path, "bukan basis data SQLite atau rusak.");
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(not_db)?;
    // Nothing in the candidate's schema may run functions with side
    // effects or write its own schema while it is being read.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.execute_batch("BEGIN")?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(not_db)?;
    if version < 0 {
        return Err(refused(
            path,
            &format!("versi skemanya {version} tidak sah (Edaran tidak pernah menulis versi negatif); bukan basis data Edaran."),
        ));
    }
    if version > LATEST {
        return Err(refused(
            path,
            &format!("dibuat oleh Edaran versi lebih baru (skema {version}, versi ini mengenal sampai {LATEST}); perbarui aplikasi lebih dahulu."),
        ));
    }
    let found = schema_of(&conn).map_err(not_db)?;
    if version == 0 || !found.iter().any(|o| o.name == "edaran_marker") {
        return Err(refused(path, "bukan basis data Edaran."));
    }
    if let Some(why) = schema_difference(&found, &schema_at(version)?) {
        return Err(refused(
            path,
            &format!("skemanya tidak sama dengan skema Edaran versi {version}: {why}. Berkas ini bukan cadangan yang dibuat Edaran atau telah diubah di luar Edaran."),
        ));
    }
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(not_db)?;
    if integrity != "ok" {
        return Err(refused(
            path,
            &format!("pemeriksaan keutuhan gagal ({integrity})."),
        ));
    }
    let marked: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM edaran_marker WHERE app = 'edaran')",
            [],
            |r| r.get(0),
        )
        .map_err(not_db)?;
    if !marked {
        return Err(refused(path, "bukan basis data Edaran."));
    }
    let count = |table: &str| -> Result<i64> {
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    let has_circulars = found.iter().any(|o| o.name == "circular");
    let info = BackupInfo {
        schema_version: version,
        office: conn
            .query_row("SELECT office_name FROM office", [], |r| r.get(0))
            .ok(),
        circulars: if has_circulars { count("circular")? } else { 0 },
        employees: count("employee")?,
    };
    Ok((conn, info))
}

impl Store {
    /// Writes a consistent copy of the database to `path` while it stays in
    /// use; the file appears only when complete.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let same = |live: &str| {
            let canon = |p: &Path| std::fs::canonicalize(p).ok();
            canon(path).is_some_and(|p| Some(p) == canon(Path::new(live)))
        };
        if self
            .conn
            .sqlite()
            .and_then(|c| c.path())
            .is_some_and(|live| !live.is_empty() && same(live))
        {
            return Err(Error::Refused {
                code: ErrorCode::CadanganMenimpa,
                message: format!(
                    "Cadangan tidak boleh ditulis ke {}: itu basis data yang sedang dipakai. Pilih nama atau folder lain.",
                    path.display()
                ),
            });
        }
        let partial = path.with_extension("sebagian");
        let _ = std::fs::remove_file(&partial);
        match self.conn.sqlite() {
            Some(live) => {
                let mut copy = Connection::open(&partial)?;
                // One step copies every page under one read transaction: a
                // snapshot, even while other connections write.
                let backup = Backup::new(live, &mut copy)?;
                backup.step(-1)?;
                drop(backup);
                copy.pragma_update(None, "journal_mode", "DELETE")?;
            }
            // A server's backup is the same kind of file, written row by row
            // from one snapshot: Pulihkan, and any Edaran, read it alike.
            None => {
                let copy = Db::open_sqlite(&partial)?;
                migrations::migrate(&copy)?;
                transfer::copy(&self.conn, &copy)?;
                copy.execute_batch("PRAGMA journal_mode = DELETE")?;
            }
        }
        std::fs::rename(&partial, path)?;
        Ok(())
    }

    /// Replaces this database with the backup at `path` after checking it;
    /// the database it replaces is first copied beside it
    /// (`edaran-sebelum-pulih-…db`). An older backup is migrated.
    pub fn restore_from(&mut self, path: &Path) -> Result<Restored> {
        let (source, info) = open_checked(path)?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
        let replaced_name = format!("edaran-sebelum-pulih-{stamp}.db");
        let Some(current) = self
            .conn
            .sqlite()
            .and_then(|c| c.path())
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
        else {
            // A server: the replaced data is kept beside the backup chosen.
            let replaced_copy = path.with_file_name(replaced_name);
            self.backup_to(&replaced_copy)?;
            drop(source);
            return self.restore_to_server(path, info, replaced_copy);
        };
        let replaced_copy = current.with_file_name(replaced_name);
        self.backup_to(&replaced_copy)?;
        // From the connection that was checked, still in its read
        // transaction: the file is not opened again by name.
        {
            let live = self.conn.sqlite_mut().expect("a file, checked above");
            let copy = Backup::new(&source, live)?;
            let mut busy = 0;
            loop {
                match copy.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => continue,
                    _ if busy < 3 => {
                        busy += 1;
                        std::thread::sleep(std::time::Duration::from_millis(100));
                    }
                    _ => {
                        return Err(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            None,
                        )
                        .into())
                    }
                }
            }
        }
        drop(source);
        migrations::migrate(&self.conn)?;
        Ok(Restored {
            info,
            replaced_copy,
        })
    }

    /// The checked backup at `path`, brought to this version in a private
    /// copy, replaces the server's data in one transaction.
    fn restore_to_server(
        &mut self,
        path: &Path,
        info: BackupInfo,
        replaced_copy: PathBuf,
    ) -> Result<Restored> {
        // A working copy beside it (`…db.pulih`), brought to this version.
        let work = replaced_copy.with_extension("pulih");
        std::fs::copy(path, &work)?;
        let restored = (|| {
            let candidate = Db::open_sqlite(&work)?;
            migrations::migrate(&candidate)?;
            transfer::copy(&candidate, &self.conn)
        })();
        let _ = std::fs::remove_file(&work);
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", work.display()));
        }
        restored?;
        Ok(Restored {
            info,
            replaced_copy,
        })
    }

    /// Today's backup in `dir` (`edaran-YYYY-MM-DD.db`) if not taken yet;
    /// keeps the newest [`DAILY_KEPT`]. Returns the file written, if any.
    pub fn daily_backup(&self, dir: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
        let file = dir.join(format!("edaran-{today}.db"));
        if file.exists() {
            return Ok(None);
        }
        self.backup_to(&file)?;
        let mut daily: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_prefix("edaran-")?.strip_suffix(".db"))
                    .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
            })
            .collect();
        daily.sort();
        let excess = daily.len().saturating_sub(DAILY_KEPT);
        for old in &daily[..excess] {
            std::fs::remove_file(old)?;
        }
        Ok(Some(file))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;
    use crate::calendar::{HolidayKind, NewHoliday};
    use rusqlite::MAIN_DB;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn decrees(path: &Path) -> usize {
        Store::open(path)
            .unwrap()
            .holiday_decrees(None)
            .unwrap()
            .len()
    }

    #[test]
    fn a_backup_taken_during_writes_is_whole_and_holds_every_committed_row() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("edaran.db");
        let store = Store::open(&db).unwrap();
        let committed = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let writer = {
            let (db, committed, stop) = (db.clone(), committed.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut store = Store::open(&db).unwrap();
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let holiday = NewHoliday {
                        date: day(2020, 1, 1),
                        name: format!("Hari {n}"),
                        kind: HolidayKind::LiburNasional,
                    };
                    store
                        .record_decree(2020, &format!("SKB {n}"), &[holiday])
                        .unwrap();
                    committed.store(n, Ordering::SeqCst);
                }
            })
        };
        while committed.load(Ordering::SeqCst) < 20 {
            std::thread::yield_now();
        }
        let mut copies = Vec::new();
        for i in 0..3 {
            let before = committed.load(Ordering::SeqCst);
            let copy = dir.path().join(format!("cadangan-{i}.db"));
            store.backup_to(&copy).unwrap();
            copies.push((copy, before));
        }
        stop.store(true, Ordering::SeqCst);
        writer.join().unwrap();
        for (copy, before) in copies {
            let info = check_backup(&copy).expect("intact Edaran database");
            assert_eq!(info.schema_version, LATEST);
            assert!(decrees(&copy) >= before, "{} < {before}", decrees(&copy));
        }
    }

    #[test]
    fn restore_refuses_foreign_newer_and_corrupt_files_and_keeps_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("edaran.db");
        let mut store = Store::open(&db).unwrap();
        crate::demo::fill(&mut store).unwrap();
        let circulars = store.circulars().unwrap().len();

        let foreign = dir.path().join("lain.db");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE x (a); INSERT INTO x VALUES (1);")
            .unwrap();
        let newer = dir.path().join("baru.db");
        store.backup_to(&newer).unwrap();
        Connection::open(&newer)
            .unwrap()
            .pragma_update(None, "user_version", LATEST + 1)
            .unwrap();
        let corrupt = dir.path().join("rusak.db");
        let mut bytes = std::fs::read(&newer).unwrap();
        bytes.truncate(bytes.len() / 3);
        bytes[100..4096].fill(0xAB);
        std::fs::write(&corrupt, bytes).unwrap();
        let text = dir.path().join("catatan.db");
        std::fs::write(&text, "bukan basis data").unwrap();

        // Edaran backups changed outside Edaran.
        let tampered = |name: &str, sql: &str| -> PathBuf {
            let file = dir.path().join(name);
            store.backup_to(&file).unwrap();
            Connection::open(&file).unwrap().execute_batch(sql).unwrap();
            file
        };
        let trigger = tampered(
            "pemicu.db",
            "CREATE TRIGGER mata_mata AFTER INSERT ON circular BEGIN UPDATE office SET place = 'x'; END;",
        );
        let view = tampered("view.db", "CREATE VIEW intip AS SELECT * FROM certificate;");
        let table = tampered("tabel.db", "ALTER TABLE office ADD COLUMN catatan TEXT;");
        let unfrozen = tampered(
            "beku.db",
            "DROP TRIGGER circular_frozen;
             CREATE TRIGGER circular_frozen BEFORE UPDATE ON circular BEGIN SELECT 1; END;",
        );
        let index = tampered("indeks.db", "DROP INDEX holiday_date;");
        let negative = tampered("negatif.db", "PRAGMA user_version = -1;");
        let fifo = dir.path().join("pipa.db");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());

        let live = fingerprint(&store, dir.path());
        let e = store.backup_to(&db).unwrap_err();
        assert!(e.to_string().contains("sedang dipakai"), "{e}");
        for (file, why) in [
            (&foreign, "bukan basis data Edaran."),
            (&newer, "versi lebih baru"),
            (&corrupt, "rusak"),
            (&text, "bukan basis data SQLite"),
            (
                &trigger,
                "berisi trigger \"mata_mata\" yang tidak dibuat oleh Edaran",
            ),
            (&view, "berisi view \"intip\" yang tidak dibuat oleh Edaran"),
            (
                &table,
                "tabel \"office\" berbeda dari yang dibuat oleh Edaran",
            ),
            (&unfrozen, "trigger \"circular_frozen\" berbeda"),
            (&index, "indeks \"holiday_date\" milik Edaran tidak ada"),
            (&negative, "versi skemanya -1 tidak sah"),
            (&fifo, "bukan berkas biasa"),
        ] {
            let e = store.restore_from(file).unwrap_err();
            assert_eq!(
                e.code(),
                ErrorCode::CadanganDitolak,
                "{}: {e}",
                file.display()
            );
            assert!(e.to_string().contains(why), "{}: {e}", file.display());
            assert!(e.to_string().starts_with("Berkas "), "{e}");
            let e = check_backup(file).unwrap_err();
            assert!(e.to_string().contains(why), "{}: {e}", file.display());
        }
        assert_eq!(store.circulars().unwrap().len(), circulars);
        assert_eq!(
            fingerprint(&store, dir.path()),
            live,
            "the live database changed"
        );
        assert!(!std::fs::read_dir(dir.path()).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("sebelum-pulih")));
    }

    /// The live database's content, page for page (a fresh backup's bytes).
    fn fingerprint(store: &Store, dir: &Path) -> Vec<u8> {
        let file = dir.join("sidik.db");
        store.backup_to(&file).unwrap();
        let bytes = std::fs::read(&file).unwrap();
        std::fs::remove_file(&file).unwrap();
        bytes
    }

    #[test]
    fn a_candidate_is_read_defensively_and_without_trusting_its_schema() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("edaran.db")).unwrap();
        let copy = dir.path().join("cadangan.db");
        store.backup_to(&copy).unwrap();
        let (conn, info) = open_checked(&copy).unwrap();
        assert_eq!(info.schema_version, LATEST);
        assert!(conn.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE).unwrap());
        let trusted: bool = conn
            .query_row("PRAGMA trusted_schema", [], |r| r.get(0))
            .unwrap();
        assert!(!trusted);
        assert!(conn.is_readonly(MAIN_DB).unwrap());
    }

    #[test]
    fn an_older_edaran_backup_matches_its_own_version_and_is_migrated_on_restore() {
        let dir = tempfile::tempdir().unwrap();
        let older = dir.path().join("lama.db");
        let conn = Db::open_sqlite(&older).unwrap();
        migrations::migrate_to(&conn, 3).unwrap();
        drop(conn);
        assert_eq!(check_backup(&older).unwrap().schema_version, 3);
        // Version 3's schema is not version 2's: the view of step 3 is extra there.
        let relabelled = dir.path().join("label.db");
        std::fs::copy(&older, &relabelled).unwrap();
        Connection::open(&relabelled)
            .unwrap()
            .pragma_update(None, "user_version", 2)
            .unwrap();
        let e = check_backup(&relabelled).unwrap_err();
        assert!(e.to_string().contains("skema Edaran versi 2"), "{e}");

        let mut store = Store::open(&dir.path().join("edaran.db")).unwrap();
        let restored = store.restore_from(&older).unwrap();
        assert_eq!(restored.info.schema_version, 3);
        let (_, info) = open_checked(&restored.replaced_copy).unwrap();
        assert_eq!(info.schema_version, LATEST);
        store.backup_to(&dir.path().join("baru.db")).unwrap();
        assert_eq!(
            check_backup(&dir.path().join("baru.db"))
                .unwrap()
                .schema_version,
            LATEST
        );
    }

    #[test]
    fn schema_sql_is_compared_without_comments_spacing_or_keyword_case() {
        assert_eq!(
            normalised("CREATE TABLE  t ( -- note\n a TEXT ,\n b /* x */ INT )"),
            normalised("create table t(a text, b int)")
        );
        assert_ne!(
            normalised("CHECK (status = 'draf')"),
            normalised("CHECK (status = 'DRAF')")
        );
        assert_ne!(normalised("SELECT 'a -- b'"), normalised("SELECT 'a '"));
    }

    #[test]
    fn restore_brings_back_the_copy_and_keeps_the_replaced_database_aside() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("edaran.db");
        let mut store = Store::open(&db).unwrap();
        crate::demo::fill(&mut store).unwrap();
        let copy = dir.path().join("cadangan.db");
        store.backup_to(&copy).unwrap();
        let before = store.circulars().unwrap().len();
        let draft = store
            .circulars()
            .unwrap()
            .into_iter()
            .find(|c| c.status.editable())
            .unwrap();
        store.delete_draft(draft.id).unwrap();

        let restored = store.restore_from(&copy).unwrap();
        assert_eq!(restored.info.circulars as usize, before);
        assert_eq!(store.circulars().unwrap().len(), before);
        assert_eq!(
            Store::open(&restored.replaced_copy)
                .unwrap()
                .circulars()
                .unwrap()
                .len(),
            before - 1
        );
    }

    #[test]
    fn daily_backups_rotate_keeping_seven() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("edaran.db")).unwrap();
        let rotation = dir.path().join("cadangan");
        for d in 1..=9 {
            assert!(store
                .daily_backup(&rotation, day(2026, 11, d))
                .unwrap()
                .is_some());
        }
        assert!(store
            .daily_backup(&rotation, day(2026, 11, 9))
            .unwrap()
            .is_none());
        let mut kept: Vec<String> = std::fs::read_dir(&rotation)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        kept.sort();
        assert_eq!(kept.len(), DAILY_KEPT);
        assert_eq!(kept[0], "edaran-2026-11-03.db");
    }
}

//! Cadangan dan pemulihan: consistent copies of the database taken while
//! it is in use (SQLite online backup), restoring one after checking it,
//! and the daily rotation in the app-data folder.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use serde::Serialize;

use super::migrations::{self, LATEST};
use super::Store;
use crate::error::{Error, Result};

/// Daily backups kept in the rotation folder.
pub const DAILY_KEPT: usize = 7;

/// What a backup file holds, as checked before restoring it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BackupInfo {
    pub schema_version: i64,
    pub office: Option<String>,
    pub circulars: i64,
    pub employees: i64,
}

/// The outcome of a restore: what came in and where the replaced database went.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Restored {
    pub info: BackupInfo,
    pub replaced_copy: PathBuf,
}

fn refused(path: &Path, why: &str) -> Error {
    Error::Refused {
        code: "cadangan_ditolak",
        message: format!("Berkas {} tidak dipulihkan: {why}", path.display()),
    }
}

/// Checks that `path` is an intact Edaran database this version can open.
pub fn check_backup(path: &Path) -> Result<BackupInfo> {
    if !path.is_file() {
        return Err(refused(path, "berkas tidak ditemukan."));
    }
    let not_db = |_| refused(path, "bukan basis data SQLite atau rusak.");
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(not_db)?;
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
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'edaran_marker')
                AND EXISTS (SELECT 1 FROM edaran_marker WHERE app = 'edaran')",
            [],
            |r| r.get(0),
        )
        .unwrap_or(false);
    if !marked {
        return Err(refused(path, "bukan basis data Edaran."));
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > LATEST {
        return Err(refused(
            path,
            &format!("dibuat oleh Edaran versi lebih baru (skema {version}, versi ini mengenal sampai {LATEST}); perbarui aplikasi lebih dahulu."),
        ));
    }
    let count = |table: &str| -> Result<i64> {
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    let has_circulars: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'circular')",
        [],
        |r| r.get(0),
    )?;
    Ok(BackupInfo {
        schema_version: version,
        office: conn
            .query_row("SELECT office_name FROM office", [], |r| r.get(0))
            .ok(),
        circulars: if has_circulars { count("circular")? } else { 0 },
        employees: count("employee")?,
    })
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
            .path()
            .is_some_and(|live| !live.is_empty() && same(live))
        {
            return Err(Error::Refused {
                code: "cadangan_menimpa",
                message: format!(
                    "Cadangan tidak boleh ditulis ke {}: itu basis data yang sedang dipakai. Pilih nama atau folder lain.",
                    path.display()
                ),
            });
        }
        let partial = path.with_extension("sebagian");
        let _ = std::fs::remove_file(&partial);
        {
            let mut copy = Connection::open(&partial)?;
            // One step copies every page under one read transaction: a
            // snapshot, even while other connections write.
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
            backup.step(-1)?;
            drop(backup);
            copy.pragma_update(None, "journal_mode", "DELETE")?;
        }
        std::fs::rename(&partial, path)?;
        Ok(())
    }

    /// Replaces this database with the backup at `path` after checking it;
    /// the database it replaces is first copied beside it
    /// (`edaran-sebelum-pulih-…db`). An older backup is migrated.
    pub fn restore_from(&mut self, path: &Path) -> Result<Restored> {
        let info = check_backup(path)?;
        let current = self
            .conn
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .ok_or_else(|| refused(path, "basis data yang terbuka tidak berupa berkas."))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
        let replaced_copy = current.with_file_name(format!("edaran-sebelum-pulih-{stamp}.db"));
        self.backup_to(&replaced_copy)?;
        self.conn
            .restore(MAIN_DB, path, None::<fn(rusqlite::backup::Progress)>)?;
        migrations::migrate(&mut self.conn)?;
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

        let e = store.backup_to(&db).unwrap_err();
        assert!(e.to_string().contains("sedang dipakai"), "{e}");
        for (file, why) in [
            (&foreign, "bukan basis data Edaran"),
            (&newer, "versi lebih baru"),
            (&corrupt, "rusak"),
            (&text, "bukan basis data SQLite"),
        ] {
            let e = store.restore_from(file).unwrap_err();
            assert!(e.to_string().contains(why), "{}: {e}", file.display());
        }
        assert_eq!(store.circulars().unwrap().len(), circulars);
        assert!(!std::fs::read_dir(dir.path()).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("sebelum-pulih")));
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

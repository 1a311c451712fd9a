//! Moving an office's data between databases of the same schema version:
//! `edaran db copy` (a SQLite office into an empty PostgreSQL database),
//! a server's backup (into a SQLite file, the one backup format) and its
//! restore. One transaction on the target; what arrived is counted again.

use super::Store;
use crate::db::{ConnectionInfo, Db, Location};
use crate::error::{Error, OptionalExtension, Result};
use crate::ErrorCode;

/// Every table of the schema, parents before children.
pub(crate) const TABLES: &[&str] = &[
    "edaran_marker",
    "office",
    "setting",
    "agency",
    "unit",
    "employee",
    "signatory",
    "holiday_decree",
    "holiday",
    "register",
    "circular",
    "register_entry",
    "audit",
    "certificate",
    "trusted_root",
    "signed_document",
    "roster_assignment",
    "roster_horizon",
    "signed_notice",
    "absence",
    "deleted",
];

/// What was copied: rows per table, and the last sequence per register and year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Copied {
    pub tables: Vec<(String, i64)>,
    pub sequences: Vec<(i64, i64, i64)>,
}

fn counts(db: &Db) -> Result<Copied> {
    let mut tables = Vec::new();
    for table in TABLES {
        let n: i64 = db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        tables.push((table.to_string(), n));
    }
    let sequences = db
        .prepare_cached(
            "SELECT register_id, year, max(sequence) FROM register_entry
             WHERE sequence IS NOT NULL GROUP BY register_id, year ORDER BY register_id, year",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_>>()?;
    Ok(Copied { tables, sequences })
}

/// The columns of `table` both databases have, quoted (a server's table
/// may carry an `id` SQLite keeps as its hidden rowid).
fn shared_columns(from: &Db, to: &Db, table: &str) -> Result<Vec<String>> {
    let sql = format!("SELECT * FROM {table} WHERE 1 = 0");
    let (theirs, _) = to.query_named(&sql, [])?;
    let (ours, _) = from.query_named(&sql, [])?;
    Ok(ours
        .into_iter()
        .filter(|c| theirs.contains(c))
        .map(|c| format!("\"{c}\""))
        .collect())
}

/// Replaces everything in `to` by what `from` holds, in one transaction of
/// `to` read from one snapshot of `from`; both at the same schema version.
pub(crate) fn copy(from: &Db, to: &Db) -> Result<Copied> {
    let (found, expected) = (from.schema_version()?, to.schema_version()?);
    if found != expected {
        return Err(Error::Refused {
            code: ErrorCode::SkemaTidakSah,
            message: format!(
                "Basis data sumber berversi skema {found}, tujuan {expected}: buka sumbernya sekali dengan Edaran versi ini agar diperbarui, lalu salin lagi."
            ),
        });
    }
    from.begin_snapshot()?;
    let copied = to_target(from, to);
    let _ = from.rollback();
    copied
}

fn to_target(from: &Db, to: &Db) -> Result<Copied> {
    let source = counts(from)?;
    to.begin()?;
    let written = (|| {
        to.defer_foreign_keys()?;
        to.clear_tables(TABLES)?;
        for table in TABLES {
            let columns = shared_columns(from, to, table)?;
            let (_, rows) =
                from.query_named(&format!("SELECT {} FROM {table}", columns.join(", ")), [])?;
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                columns.join(", "),
                vec!["?"; columns.len()].join(", ")
            );
            for row in rows {
                to.execute(&sql, row.into_values())?;
            }
        }
        to.after_copy(TABLES)?;
        let arrived = counts(to)?;
        if arrived != source {
            return Err(Error::Refused {
                code: ErrorCode::SalinanTidakCocok,
                message: format!(
                    "Salinan tidak cocok dengan sumbernya (jumlah baris atau nomor terakhir buku agenda berbeda); tidak ada yang disimpan. Sumber: {:?}; tujuan: {:?}.",
                    source, arrived
                ),
            });
        }
        Ok(arrived)
    })();
    match written {
        Ok(copied) => {
            to.commit()?;
            Ok(copied)
        }
        Err(e) => {
            let _ = to.rollback();
            Err(e)
        }
    }
}

/// Tables holding the office's own records: a target with any of them is
/// not empty (the national holiday lists and the default register every
/// new database has do not count).
const OFFICE_DATA: &[&str] = &[
    "office",
    "agency",
    "employee",
    "signatory",
    "circular",
    "register_entry",
    "certificate",
];

/// Moves a whole office: the database at `from` (a file that must exist)
/// copied into the empty one at `to` (typically `postgresql://…`) in one
/// transaction, then counted again. A target already holding an office's
/// records is refused untouched.
pub fn copy_office(from: &std::path::Path, to: &std::path::Path) -> Result<Copied> {
    if !crate::db::ConnectionInfo::is_connection_string(&from.to_string_lossy()) {
        crate::files::check_regular_file(from, "basis data sumber")?;
    }
    copy_into(
        &Store::open(from)?,
        &Store::open(to)?,
        &crate::paths::shown(to),
    )
}

/// As [`copy_office`], into the server `to` names (its password given apart).
pub fn copy_office_to_server(from: &std::path::Path, to: &ConnectionInfo) -> Result<Copied> {
    crate::files::check_regular_file(from, "basis data sumber")?;
    let target = Store::connect(to)?;
    copy_into(
        &Store::open(from)?,
        &target,
        &Location::Server(to.public()).to_string(),
    )
}

fn copy_into(source: &Store, target: &Store, shown: &str) -> Result<Copied> {
    for table in OFFICE_DATA {
        let rows: i64 =
            target
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        if rows > 0 {
            return Err(Error::Refused {
                code: ErrorCode::BasisDataBerisi,
                message: format!(
                    "Basis data tujuan {shown} sudah berisi data kantor ({rows} baris di tabel {table}); salinan hanya masuk ke basis data kosong agar tidak ada yang tertimpa. Tidak ada yang diubah."
                ),
            });
        }
    }
    copy(&source.conn, &target.conn)
}

/// What the clerk is told of a server before using it: reached or not, its
/// PostgreSQL version, and whether its database is empty, an Edaran office
/// or something else. Creates nothing.
pub fn check_server(info: &ConnectionInfo) -> Result<String> {
    let db = Db::connect(info)?;
    let version: String = db.query_row("SHOW server_version", [], |r| r.get(0))?;
    let at = Location::Server(info.public());
    let state = match db.schema_version()? {
        0 if db.has_tables()? => {
            "berisi tabel lain yang bukan milik Edaran: buat basis data kosong khusus untuk Edaran"
                .to_string()
        }
        0 => "kosong, siap diisi dengan “Salin kantor ini ke server”".to_string(),
        v if v > super::migrations::LATEST => {
            format!("dipakai Edaran versi lebih baru (skema {v}): perbarui aplikasi ini dulu")
        }
        _ => {
            let circulars: i64 = db.query_row("SELECT count(*) FROM circular", [], |r| r.get(0))?;
            let office: Option<String> = db
                .query_row("SELECT office_name FROM office", [], |r| r.get(0))
                .optional()?;
            match office {
                Some(name) => format!("sudah berisi kantor {name} ({circulars} surat edaran)"),
                None => "sudah disiapkan Edaran, belum berisi data kantor".to_string(),
            }
        }
    };
    Ok(format!(
        "Tersambung ke {at} (PostgreSQL {version}): basis datanya {state}."
    ))
}

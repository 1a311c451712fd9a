//! The employee CSV (read as [`crate::csvfile`] reads every CSV) as one
//! typed table.

use super::table::{Cell, Row, Table};
use crate::csvfile::{csv_text, reader};
use crate::error::{Error, Result, RowError};
use crate::ErrorCode;

/// Reads a CSV file into a table; `name` is the file's name for messages.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Table> {
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(Error::invalid(
            ErrorCode::BukanCsv,
            "file",
            format!("Berkas {name} bukan CSV (isinya biner). Simpan data pegawai sebagai CSV UTF-8 atau pilih berkas .xlsx."),
        ));
    }
    let text = csv_text(bytes)?;
    let mut reader = reader(text);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Error::invalid(
                ErrorCode::CsvRusak,
                "file",
                format!("Berkas {name}: baris 1 (judul kolom) tidak terbaca: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.len() == 1 && !headers[0].is_empty() {
        return Err(Error::invalid(
            ErrorCode::PemisahTidakDikenal,
            "file",
            format!(
                "Berkas {name} hanya terbaca satu kolom (\"{}\"): pemisah kolom tidak dikenali. Pisahkan kolom dengan koma, titik koma, tab atau garis tegak (|).",
                headers[0]
            ),
        ));
    }
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => rows.push(Row {
                line: record.position().map_or(0, |p| p.line() as usize),
                cells: record
                    .iter()
                    .map(|v| match v.trim() {
                        "" => Cell::Empty,
                        v => Cell::Text(v.to_string()),
                    })
                    .collect(),
            }),
            Err(e) => unreadable.push(RowError {
                line: e.position().map_or(0, |p| p.line() as usize),
                column: String::new(),
                message: format!("Baris tidak terbaca: {e}"),
            }),
        }
    }
    if !unreadable.is_empty() {
        return Err(Error::Import(unreadable));
    }
    Ok(Table { headers, rows })
}

//! XLSX workbooks, read with calamine: the sheet named like the data
//! (`pegawai`), else the first sheet; its first used row holds the headers.
//!
//! Formula cells are reported, never read: the cached result calamine would
//! give is whatever the last program to save the file wrote (often a
//! placeholder such as 0 from generators), so importing it could store a
//! wrong NIP or name silently.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};

use super::table::{Cell, Row, Table};
use crate::error::{Error, Result};

fn unreadable(name: &str, cause: impl std::fmt::Display) -> Error {
    Error::invalid(
        "xlsx_rusak",
        "file",
        format!("Berkas {name} bukan buku kerja XLSX yang utuh (rusak atau terpotong): {cause}. Buka di Excel lalu simpan ulang sebagai .xlsx."),
    )
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => match s.trim() {
            "" => Cell::Empty,
            t => Cell::Text(t.to_string()),
        },
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(at) if dt.is_datetime() => Cell::Date(at.date()),
            _ => Cell::Number(dt.as_f64()),
        },
        Data::Error(e) => Cell::Invalid(e.to_string()),
    }
}

/// Reads the data sheet of a workbook; `name` is the file's name for messages.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Table> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(name, e))?;
    let sheets = book.sheet_names();
    let sheet = sheets
        .iter()
        .find(|s| s.to_lowercase().contains("pegawai"))
        .or(sheets.first())
        .cloned()
        .ok_or_else(|| unreadable(name, "tidak ada lembar kerja"))?;
    let values = book
        .worksheet_range(&sheet)
        .map_err(|e| unreadable(name, e))?;
    let formulas = book
        .worksheet_formula(&sheet)
        .map_err(|e| unreadable(name, e))?;
    Ok(table(&values, &formulas))
}

fn table(values: &Range<Data>, formulas: &Range<String>) -> Table {
    let Some((top, left)) = values.start() else {
        return Table {
            headers: Vec::new(),
            rows: Vec::new(),
        };
    };
    let mut rows = values.rows();
    let headers = rows
        .next()
        .map(|r| {
            r.iter()
                .map(|d| cell(d).display().trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    let rows = rows
        .enumerate()
        .map(|(i, row)| {
            let r = top + 1 + i as u32;
            Row {
                line: r as usize + 1,
                cells: row
                    .iter()
                    .enumerate()
                    .map(|(j, d)| match formulas.get_value((r, left + j as u32)) {
                        Some(f) if !f.is_empty() => Cell::Formula(f.clone()),
                        _ => cell(d),
                    })
                    .collect(),
            }
        })
        .collect();
    Table { headers, rows }
}

//! Impor pegawai: employees from the civil-service data export, as CSV or
//! XLSX, through a column mapping the user confirms. All or nothing: a file
//! with any bad row writes nothing, and every bad row is reported with its
//! row number, column header and reason.

mod csv;
mod mapping;
mod placement;
mod row;
mod table;
#[cfg(test)]
mod tests;
mod xlsx;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

pub(crate) use self::csv::{csv_text, header, reader, records};
pub use mapping::{ColumnMapping, Field};
use placement::Placements;
use table::{Cell, Table};

use crate::error::{Error, Result, RowError};
use crate::store::{ImportSummary, Store};

/// Rows shown in a preview.
pub const SAMPLE_ROWS: usize = 5;

/// A date as spreadsheets write it: `25-05-2020`, `25/05/2020` or `2020-05-25`.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text.trim(), f).ok())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Csv,
    Xlsx,
}

impl FileKind {
    /// `.xlsx`/`.xlsm` are workbooks; anything else is read as CSV.
    pub fn of(name: &str) -> FileKind {
        let lower = name.to_lowercase();
        if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
            FileKind::Xlsx
        } else {
            FileKind::Csv
        }
    }
}

/// A file to import; its name appears in the messages about the file.
#[derive(Debug, Clone)]
pub struct ImportFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub kind: FileKind,
}

impl ImportFile {
    /// Reads `path`, its kind told by the extension; a path that is not a
    /// regular file, or a file over [`crate::files::MAX_IMPORT_BYTES`], is refused.
    pub fn read(path: &Path) -> Result<ImportFile> {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        Ok(ImportFile {
            kind: FileKind::of(&name),
            bytes: crate::files::read_limited(
                path,
                crate::files::MAX_IMPORT_BYTES,
                "berkas impor pegawai",
            )?,
            name,
        })
    }

    /// Headers and data rows; an empty or header-only file is refused.
    fn table(&self) -> Result<Table> {
        let mut table = match self.kind {
            FileKind::Csv => csv::read(&self.name, &self.bytes)?,
            FileKind::Xlsx => xlsx::read(&self.name, &self.bytes)?,
        };
        if table.headers.iter().all(|h| h.is_empty()) {
            return Err(Error::invalid(
                "berkas_kosong",
                "file",
                format!(
                    "Berkas {} kosong: tidak ada judul kolom maupun data.",
                    self.name
                ),
            ));
        }
        table.rows.retain(|r| !r.cells.iter().all(Cell::is_blank));
        if table.rows.is_empty() {
            return Err(Error::invalid(
                "tanpa_data",
                "file",
                format!(
                    "Berkas {} hanya berisi judul kolom, tanpa baris data pegawai.",
                    self.name
                ),
            ));
        }
        Ok(table)
    }
}

/// A field as the mapping step shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FieldInfo {
    pub field: Field,
    pub label: &'static str,
    pub required: bool,
}

/// What the mapping step shows before anything is written.
#[derive(Debug, Clone, Serialize)]
pub struct ImportPreview {
    pub kind: FileKind,
    pub headers: Vec<String>,
    /// The first [`SAMPLE_ROWS`] data rows, as text.
    pub sample: Vec<Vec<String>>,
    pub row_count: usize,
    /// The last mapping if it was made for these headers, else a guess.
    pub mapping: ColumnMapping,
    pub remembered: bool,
    pub fields: Vec<FieldInfo>,
}

/// Reads `file` for the mapping step.
pub fn preview_import(store: &Store, file: &ImportFile) -> Result<ImportPreview> {
    let table = file.table()?;
    let remembered = mapping::recall(store, &table.headers)?;
    Ok(ImportPreview {
        kind: file.kind,
        sample: table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|r| r.cells.iter().map(Cell::display).collect())
            .collect(),
        row_count: table.rows.len(),
        remembered: remembered.is_some(),
        mapping: remembered.unwrap_or_else(|| ColumnMapping::guess(&table.headers)),
        fields: Field::ALL
            .into_iter()
            .map(|field| FieldInfo {
                field,
                label: field.label(),
                required: field.required(),
            })
            .collect(),
        headers: table.headers,
    })
}

/// Checks every row of `file` under `mapping` and, only if all are good,
/// writes them in one transaction — with the agencies and units they name
/// when `create_missing` (the user confirmed), else those are row errors.
/// An existing NIP is updated, never duplicated. The mapping is remembered.
pub fn import_employees(
    store: &mut Store,
    file: &ImportFile,
    mapping: &ColumnMapping,
    create_missing: bool,
) -> Result<ImportSummary> {
    let table = file.table()?;
    let columns = mapping.columns(&table.headers)?;
    store.in_transaction(|store| {
        let mut placements = Placements::load(store, create_missing)?;
        let mut errors: Vec<RowError> = Vec::new();
        let mut good = Vec::with_capacity(table.rows.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        for row in &table.rows {
            match row::employee(store, &mut placements, &columns, row)? {
                Ok(v) => match v
                    .nip
                    .as_ref()
                    .and_then(|n| seen.insert(n.clone(), row.line))
                {
                    Some(first) => errors.push(RowError {
                        line: row.line,
                        column: columns.header(Field::Nip).to_string(),
                        message: format!(
                            "NIP {} sudah muncul di baris {first}.",
                            v.nip.as_deref().unwrap_or_default()
                        ),
                    }),
                    None => good.push(v),
                },
                Err(row_errors) => errors.extend(row_errors),
            }
        }
        if !errors.is_empty() {
            return Err(Error::Import(errors));
        }
        let mut summary = store.write_employees(&good)?;
        summary.agencies_created = placements.agencies_created;
        summary.units_created = placements.units_created;
        mapping::remember(store, &table.headers, mapping)?;
        Ok(summary)
    })
}

//! Impor pegawai: employees from the civil-service data export, as CSV or
//! XLSX, through a column mapping the user confirms. All or nothing: a file
//! with any bad row writes nothing, and every bad row is reported with its
//! row number, column header and reason. Rows of employees who are no
//! longer active (pensiun, meninggal, …) are not errors: they are skipped
//! and listed. Without an eselon column (the SIASN export has none) the
//! eselon comes from the position ([`eselon`]).

mod csv;
pub mod eselon;
mod mapping;
mod placement;
mod row;
pub mod sample;
mod table;
#[cfg(test)]
mod tests;
mod xlsx;

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

pub use mapping::{ColumnMapping, Field, KNOWN_UNUSED};
use placement::Placements;
use table::{Cell, Table};

use crate::error::{Error, Result, RowError};
use crate::office::RegionKind;
use crate::store::Store;

/// What an import did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    /// Agencies and units the import created (after the user confirmed).
    pub agencies_created: usize,
    pub units_created: usize,
    /// Rows not imported because the employee is not active (pensiun,
    /// meninggal, …): reported, distinct from errors, which stop the import.
    pub skipped: Vec<SkippedRow>,
    /// Positions whose eselon was taken from their name (no eselon column).
    pub inferred_eselon: Vec<InferredEselon>,
}
use crate::ErrorCode;

/// A row left out because the employee is not active (its *kedudukan
/// hukum*); the import goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SkippedRow {
    pub line: usize,
    pub nip: String,
    pub name: String,
    /// In Indonesian, e.g. `Sudah pensiun (kedudukan hukum "Pensiun"); tidak diimpor.`
    pub reason: String,
}

/// A position whose eselon the import took from its name, with how many
/// imported employees hold it: what the user is asked to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct InferredEselon {
    pub position: String,
    pub eselon: String,
    pub count: usize,
    /// The first row with this position.
    pub line: usize,
}

/// Whether the office is a province's (whose posts sit one eselon higher).
fn provinsi(store: &Store) -> Result<bool> {
    Ok(store
        .office()?
        .is_some_and(|o| o.region_kind == RegionKind::Provinsi))
}

/// Rows shown in a preview.
pub const SAMPLE_ROWS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
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
                ErrorCode::BerkasKosong,
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
                ErrorCode::TanpaData,
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
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct FieldInfo {
    pub field: Field,
    pub label: &'static str,
    pub required: bool,
}

/// What the mapping step shows before anything is written.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
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
    /// For each sample row, the eselon its position gives (`""` for none)
    /// when the guessed mapping has no eselon column but a position one;
    /// else empty. Shown as a column "Eselon (dari jabatan)" to confirm.
    pub sample_eselon: Vec<String>,
    /// Rows the guessed mapping would skip as not active (kedudukan hukum).
    pub inactive_rows: usize,
    /// Headers of columns Edaran knows from the national export but does not keep.
    pub unused_known: Vec<String>,
}

/// Reads `file` for the mapping step.
pub fn preview_import(store: &Store, file: &ImportFile) -> Result<ImportPreview> {
    let table = file.table()?;
    let remembered = mapping::recall(store, &table.headers)?;
    let mapping = remembered
        .clone()
        .unwrap_or_else(|| ColumnMapping::guess(&table.headers));
    let column = |field: Field| {
        mapping.0.get(&field).and_then(|h| {
            table
                .headers
                .iter()
                .position(|x| x.trim().eq_ignore_ascii_case(h.trim()))
        })
    };
    let text =
        |row: &table::Row, i: Option<usize>| i.map(|i| row.cell(i).display()).unwrap_or_default();
    let sample_eselon = match (column(Field::Eselon), column(Field::PositionName)) {
        (None, Some(name)) => {
            let kind = column(Field::PositionKind);
            let provinsi = provinsi(store)?;
            table
                .rows
                .iter()
                .take(SAMPLE_ROWS)
                .map(|r| {
                    eselon::infer(&text(r, kind), &text(r, Some(name)), provinsi)
                        .map_or(String::new(), |e| e.code().to_string())
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let inactive_rows = column(Field::LegalStatus).map_or(0, |i| {
        table
            .rows
            .iter()
            .filter(|r| row::inactive_reason(&r.cell(i).display()).is_some())
            .count()
    });
    let unused_known = table
        .headers
        .iter()
        .filter(|h| {
            !mapping
                .0
                .values()
                .any(|m| m.trim().eq_ignore_ascii_case(h.trim()))
                && KNOWN_UNUSED.contains(&mapping::normalise(h).as_str())
        })
        .cloned()
        .collect();
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
        mapping,
        sample_eselon,
        inactive_rows,
        unused_known,
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
/// writes them in one transaction (rows of employees not active are
/// skipped and listed in the summary, not errors) — with the agencies and units they name
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
    let provinsi = provinsi(store)?;
    store.in_transaction(|store| {
        let mut placements = Placements::load(store, create_missing)?;
        let mut errors: Vec<RowError> = Vec::new();
        let mut good = Vec::with_capacity(table.rows.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut skipped = Vec::new();
        let mut inferred: Vec<InferredEselon> = Vec::new();
        for row in &table.rows {
            match row::employee(store, &mut placements, &columns, row, provinsi)? {
                row::Outcome::Skipped(s) => skipped.push(s),
                row::Outcome::Bad(row_errors) => errors.extend(row_errors),
                row::Outcome::Good(v, eselon) => match v
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
                    None => {
                        if let Some(e) = eselon {
                            match inferred.iter_mut().find(|i| i.position == v.position_name) {
                                Some(i) => i.count += 1,
                                None => inferred.push(InferredEselon {
                                    position: v.position_name.clone(),
                                    eselon: e.code().into(),
                                    count: 1,
                                    line: row.line,
                                }),
                            }
                        }
                        good.push(v)
                    }
                },
            }
        }
        if !errors.is_empty() {
            return Err(Error::Import(errors));
        }
        let (created, updated) = store.write_employees(&good)?;
        mapping::remember(store, &table.headers, mapping)?;
        Ok(ImportSummary {
            created,
            updated,
            agencies_created: placements.agencies_created,
            units_created: placements.units_created,
            skipped,
            inferred_eselon: inferred,
        })
    })
}

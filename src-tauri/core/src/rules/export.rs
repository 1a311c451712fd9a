//! The roster as files a clerk hands on: CSV (semicolons, BOM, as Excel
//! expects under an Indonesian locale) and XLSX.

use rust_xlsxwriter::Workbook;

use super::{Engine, Roster};
use crate::error::Result;
use crate::spreadsheet::{excel_csv, sheet_with_header, write_row, xlsx_failed, Cell};
use crate::words;

/// The files a roster is handed on as; the app's choice and the CLI's file
/// name both come down to one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum RosterFormat {
    Xlsx,
    Csv,
    /// The lampiran of notices, as a PDF table.
    Pdf,
}

impl RosterFormat {
    /// The format a file name asks for by its extension (any case).
    pub fn of_file(path: &std::path::Path) -> Result<RosterFormat> {
        crate::files::output_kind(
            path,
            "jadwal piket",
            &[
                ("xlsx", RosterFormat::Xlsx),
                ("csv", RosterFormat::Csv),
                ("pdf", RosterFormat::Pdf),
            ],
            ".xlsx, .csv, atau .pdf",
        )
    }

    pub fn extension(self) -> &'static str {
        match self {
            RosterFormat::Xlsx => "xlsx",
            RosterFormat::Csv => "csv",
            RosterFormat::Pdf => "pdf",
        }
    }

    /// How a save dialog names files of this format.
    pub fn label(self) -> &'static str {
        match self {
            RosterFormat::Xlsx => "Buku kerja Excel",
            RosterFormat::Csv => "CSV",
            RosterFormat::Pdf => "PDF",
        }
    }
}

/// Column titles and XLSX widths.
const COLUMNS: [(&str, f64); 8] = [
    ("Tanggal", 12.0),
    ("Hari", 9.0),
    ("Perangkat Daerah", 40.0),
    ("Unit", 40.0),
    ("NIP", 21.0),
    ("Nama", 36.0),
    ("Kelompok", 12.0),
    ("Keterangan", 18.0),
];

/// The column titles, as the files and the CLI's table head them.
pub fn titles() -> [&'static str; 8] {
    COLUMNS.map(|(title, _)| title)
}

/// One row per duty (hand removals left out), in roster order; the shift
/// group when the picket rule has groups.
pub fn rows(engine: &Engine, roster: &Roster) -> Vec<[Cell; 8]> {
    roster
        .on_duty()
        .filter_map(|a| {
            let i = *engine.by_id.get(&a.employee_id)?;
            let e = &engine.workforce.employees[i];
            let group = engine
                .group_of(i)
                .map(|g| format!("Kelompok {}", g.name.trim()))
                .unwrap_or_default();
            let unit = a
                .unit_id
                .and_then(|u| engine.unit_index.get(&u))
                .map(|&i| engine.workforce.units[i].name.clone())
                .unwrap_or_default();
            Some([
                Cell::Date(a.date),
                Cell::Text(words::weekday(a.date).to_string()),
                Cell::Text(e.agency_name.clone()),
                Cell::Text(unit),
                Cell::Text(e.nip.clone().unwrap_or_default()),
                Cell::Text(e.full_name()),
                Cell::Text(group),
                Cell::Text(a.source.label().to_string()),
            ])
        })
        .collect()
}

pub fn to_csv(engine: &Engine, roster: &Roster) -> String {
    excel_csv(
        &titles(),
        rows(engine, roster)
            .iter()
            .map(|r| r.each_ref().map(Cell::text)),
    )
}

pub fn to_xlsx(engine: &Engine, roster: &Roster) -> Result<Vec<u8>> {
    let failed = xlsx_failed("jadwal piket");
    let mut book = Workbook::new();
    let sheet = sheet_with_header(&mut book, "Jadwal Piket", &COLUMNS).map_err(&failed)?;
    for (r, row) in rows(engine, roster).iter().enumerate() {
        write_row(sheet, r as u32 + 1, row).map_err(&failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

//! The outgoing-letter registers (*buku agenda surat keluar*) the office
//! keeps, and their entries as files a clerk hands on: CSV for any
//! spreadsheet (semicolons, as Excel expects them under an Indonesian
//! locale, with a BOM) and XLSX with real dates.

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::numbering::NumberTemplate;
use crate::spreadsheet::{excel_csv, sheet_with_header, write_row, xlsx_failed, Cell};
use crate::ErrorCode;

/// The office's own register: its template, classification and unit are
/// the office profile's.
pub const OWN: i64 = 1;

/// A register the office keeps: its own, or another one whose numbers its
/// circulars carry (the Setda's Bagian Organisasi, another office).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, ts_rs::TS)]
pub struct Register {
    #[serde(default)]
    pub id: i64,
    pub name: String,
    /// Empty for a register that only records numbers given elsewhere.
    #[serde(default)]
    pub numbering_template: String,
    #[serde(default)]
    pub classification: String,
    #[serde(default)]
    pub unit_code: String,
}

impl Register {
    /// Trimmed, with a readable name and a template that can number (or none).
    pub fn validated(&self) -> Result<Register> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::invalid(
                ErrorCode::WajibDiisi,
                "name",
                "Nama buku agenda wajib diisi, mis. Bagian Organisasi Setda.",
            ));
        }
        let template = self.numbering_template.trim();
        if !template.is_empty() {
            NumberTemplate::parse(template)?;
        }
        Ok(Register {
            id: self.id,
            name: name.to_string(),
            numbering_template: template.to_string(),
            classification: crate::classification::checked(&self.classification, "classification")?,
            unit_code: self.unit_code.trim().to_string(),
        })
    }

    /// The template numbers are given with; a register without one only records.
    pub fn template(&self) -> Result<NumberTemplate> {
        if self.numbering_template.trim().is_empty() {
            return Err(Error::invalid(
                ErrorCode::BukuAgendaTanpaTemplat,
                "register",
                format!(
                    "Buku agenda {} tidak punya templat nomor, jadi hanya dapat mencatat nomor yang diberikan di tempat lain; \
                     isi templatnya di Pengaturan atau pilih buku agenda lain.",
                    self.name
                ),
            ));
        }
        NumberTemplate::parse(&self.numbering_template)
    }
}

/// Column titles and XLSX widths.
const COLUMNS: [(&str, f64); 8] = [
    ("Buku Agenda", 24.0),
    ("Tahun", 8.0),
    ("No. Urut", 9.0),
    ("Nomor Surat", 24.0),
    ("Tanggal", 12.0),
    ("Perihal", 70.0),
    ("Status", 12.0),
    ("Keterangan", 40.0),
];

/// How an entry of `kind` (`terbit`/`dicatat`/`srikandi`) and `status` reads:
/// `Terpakai`, `Dicatat` (a number given elsewhere), `Dicatat dari SRIKANDI`
/// (numbered and signed there) or `Dibatalkan`.
pub fn status_label(kind: &str, status: &str) -> &'static str {
    match (status, kind) {
        ("dibatalkan", _) => "Dibatalkan",
        (_, "dicatat") => "Dicatat",
        (_, "srikandi") => "Dicatat dari SRIKANDI",
        _ => "Terpakai",
    }
}

/// The audit trail's word for a circular taking an entry of `kind`.
pub fn action(kind: &str) -> &'static str {
    match kind {
        "dicatat" => "dicatat",
        "srikandi" => "dicatat dari SRIKANDI",
        _ => "terbit",
    }
}

/// One line of a register.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct RegisterEntry {
    pub register_id: i64,
    pub register_name: String,
    pub year: i32,
    /// None for a recorded number that is not the register's own pattern.
    pub sequence: Option<u32>,
    pub number: String,
    pub circular_id: Option<i64>,
    pub subject: String,
    pub issued_on: NaiveDate,
    /// `terbit` (given here at issue), `dicatat` (recorded as given
    /// elsewhere) or `srikandi` (numbered and signed in SRIKANDI, recorded
    /// with its signed PDF).
    pub kind: String,
    /// `terpakai` (used) or `dibatalkan` (cancelled, never reused).
    pub status: String,
    /// `Terpakai`, `Dicatat`, `Dicatat dari SRIKANDI` or `Dibatalkan`.
    pub status_label: &'static str,
    pub note: String,
}

/// One register entry as typed cells; a recorded number has no sequence.
fn cells(e: &RegisterEntry) -> [Cell; 8] {
    [
        Cell::Text(e.register_name.clone()),
        Cell::Number(e.year.into()),
        e.sequence.map_or(Cell::Empty, |s| Cell::Number(s.into())),
        Cell::Text(e.number.clone()),
        Cell::Date(e.issued_on),
        Cell::Text(e.subject.clone()),
        Cell::Text(e.status_label.to_string()),
        Cell::Text(e.note.clone()),
    ]
}

/// The register as CSV text.
pub fn to_csv(entries: &[RegisterEntry]) -> String {
    excel_csv(
        &COLUMNS.map(|(title, _)| title),
        entries.iter().map(|e| cells(e).map(|c| c.text())),
    )
}

/// The register as an XLSX workbook.
pub fn to_xlsx(entries: &[RegisterEntry]) -> Result<Vec<u8>> {
    let failed = xlsx_failed("buku agenda");
    let mut book = Workbook::new();
    let sheet = sheet_with_header(&mut book, "Buku Agenda", &COLUMNS).map_err(&failed)?;
    for (i, e) in entries.iter().enumerate() {
        write_row(sheet, i as u32 + 1, &cells(e)).map_err(&failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<RegisterEntry> {
        vec![
            RegisterEntry {
                register_id: 1,
                register_name: "Buku Agenda BKPSDM".into(),
                year: 2020,
                sequence: Some(439),
                number: "800/439/BKPSDM/2020".into(),
                circular_id: Some(1),
                subject: "Perpanjangan; \"WFH\" ASN".into(),
                issued_on: NaiveDate::from_ymd_opt(2020, 5, 15).unwrap(),
                kind: "terbit".into(),
                status: "dibatalkan".into(),
                status_label: "Dibatalkan",
                note: "salah alamat".into(),
            },
            RegisterEntry {
                register_id: 2,
                register_name: "Bagian Organisasi Setda".into(),
                year: 2020,
                sequence: None,
                number: "800.1.11/77/ORG".into(),
                circular_id: Some(2),
                subject: "Sistem kerja".into(),
                issued_on: NaiveDate::from_ymd_opt(2020, 7, 28).unwrap(),
                kind: "dicatat".into(),
                status: "terpakai".into(),
                status_label: "Dicatat",
                note: String::new(),
            },
        ]
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_opens_in_excel() {
        let text = to_csv(&entries());
        assert!(text.starts_with('\u{feff}'));
        let mut lines = text.trim_start_matches('\u{feff}').lines();
        assert_eq!(
            lines.next().unwrap(),
            "Buku Agenda;Tahun;No. Urut;Nomor Surat;Tanggal;Perihal;Status;Keterangan"
        );
        assert_eq!(
            lines.next().unwrap(),
            "Buku Agenda BKPSDM;2020;439;800/439/BKPSDM/2020;15-05-2020;\"Perpanjangan; \"\"WFH\"\" ASN\";Dibatalkan;salah alamat"
        );
        assert_eq!(
            lines.next().unwrap(),
            "Bagian Organisasi Setda;2020;;800.1.11/77/ORG;28-07-2020;Sistem kerja;Dicatat;",
            "a recorded number has no sequence here"
        );
    }

    #[test]
    fn xlsx_reads_back_with_its_header_and_a_real_date() {
        use calamine::{Data, Reader, Xlsx};
        let bytes = to_xlsx(&entries()).unwrap();
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Buku Agenda").unwrap();
        assert_eq!(range.get((0, 3)), Some(&Data::String("Nomor Surat".into())));
        assert_eq!(
            range.get((1, 3)),
            Some(&Data::String("800/439/BKPSDM/2020".into()))
        );
        assert_eq!(range.get((1, 2)), Some(&Data::Float(439.0)));
        let Some(Data::DateTime(date)) = range.get((1, 4)) else {
            panic!("date cell")
        };
        assert_eq!(date.as_f64(), 43_966.0, "Excel day number of 15 May 2020");
        assert_eq!(range.get((1, 6)), Some(&Data::String("Dibatalkan".into())));
        assert_eq!(
            range.get((2, 0)),
            Some(&Data::String("Bagian Organisasi Setda".into()))
        );
        assert_eq!(range.get((2, 6)), Some(&Data::String("Dicatat".into())));
    }
}

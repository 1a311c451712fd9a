//! The outgoing-letter register (*buku agenda surat keluar*) as files a
//! clerk hands on: CSV for any spreadsheet (semicolons, as Excel expects
//! them under an Indonesian locale, with a BOM) and XLSX with real dates.

use rust_xlsxwriter::Workbook;

use crate::error::Result;
use crate::spreadsheet::{excel_csv, sheet_with_header, write_row, xlsx_failed, Cell};
use crate::store::RegisterEntry;

/// Column titles and XLSX widths.
const COLUMNS: [(&str, f64); 7] = [
    ("Tahun", 8.0),
    ("No. Urut", 9.0),
    ("Nomor Surat", 24.0),
    ("Tanggal", 12.0),
    ("Perihal", 70.0),
    ("Status", 12.0),
    ("Keterangan", 40.0),
];

fn status_label(status: &str) -> &str {
    match status {
        "dibatalkan" => "Dibatalkan",
        _ => "Terpakai",
    }
}

/// One register entry as typed cells.
fn cells(e: &RegisterEntry) -> [Cell; 7] {
    [
        Cell::Number(e.year.into()),
        Cell::Number(e.sequence.into()),
        Cell::Text(e.number.clone()),
        Cell::Date(e.issued_on),
        Cell::Text(e.subject.clone()),
        Cell::Text(status_label(&e.status).to_string()),
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
    use chrono::NaiveDate;

    fn entries() -> Vec<RegisterEntry> {
        vec![RegisterEntry {
            year: 2020,
            sequence: 439,
            number: "800/439/BKPSDM/2020".into(),
            circular_id: Some(1),
            subject: "Perpanjangan; \"WFH\" ASN".into(),
            issued_on: NaiveDate::from_ymd_opt(2020, 5, 15).unwrap(),
            status: "dibatalkan".into(),
            note: "salah alamat".into(),
        }]
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_opens_in_excel() {
        let text = to_csv(&entries());
        assert!(text.starts_with('\u{feff}'));
        let mut lines = text.trim_start_matches('\u{feff}').lines();
        assert_eq!(
            lines.next().unwrap(),
            "Tahun;No. Urut;Nomor Surat;Tanggal;Perihal;Status;Keterangan"
        );
        assert_eq!(
            lines.next().unwrap(),
            "2020;439;800/439/BKPSDM/2020;15-05-2020;\"Perpanjangan; \"\"WFH\"\" ASN\";Dibatalkan;salah alamat"
        );
    }

    #[test]
    fn xlsx_reads_back_with_its_header_and_a_real_date() {
        use calamine::{Data, Reader, Xlsx};
        let bytes = to_xlsx(&entries()).unwrap();
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Buku Agenda").unwrap();
        assert_eq!(range.get((0, 2)), Some(&Data::String("Nomor Surat".into())));
        assert_eq!(
            range.get((1, 2)),
            Some(&Data::String("800/439/BKPSDM/2020".into()))
        );
        assert_eq!(range.get((1, 1)), Some(&Data::Float(439.0)));
        let Some(Data::DateTime(date)) = range.get((1, 3)) else {
            panic!("date cell")
        };
        assert_eq!(date.as_f64(), 43_966.0, "Excel day number of 15 May 2020");
        assert_eq!(range.get((1, 5)), Some(&Data::String("Dibatalkan".into())));
    }
}

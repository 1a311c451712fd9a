//! The roster as files a clerk hands on: CSV (semicolons, BOM, as Excel
//! expects under an Indonesian locale) and XLSX.

use rust_xlsxwriter::{Format, FormatBorder, Workbook};

use super::{Engine, Roster};
use crate::error::{Error, Result};
use crate::words;

const COLUMNS: [&str; 7] = [
    "Tanggal",
    "Hari",
    "Perangkat Daerah",
    "Unit",
    "NIP",
    "Nama",
    "Keterangan",
];

/// One row per duty (hand removals left out), in roster order.
pub fn rows(engine: &Engine, roster: &Roster) -> Vec<[String; 7]> {
    roster
        .on_duty()
        .filter_map(|a| {
            let e = &engine.workforce.employees[*engine.by_id.get(&a.employee_id)?];
            let unit = a
                .unit_id
                .and_then(|u| engine.unit_index.get(&u))
                .map(|&i| engine.workforce.units[i].name.clone())
                .unwrap_or_default();
            Some([
                a.date.format("%d-%m-%Y").to_string(),
                words::weekday(a.date).to_string(),
                e.agency_name.clone(),
                unit,
                e.nip.clone().unwrap_or_default(),
                e.full_name(),
                a.source.label().to_string(),
            ])
        })
        .collect()
}

pub fn to_csv(engine: &Engine, roster: &Roster) -> String {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let _ = out.write_record(COLUMNS);
    for row in rows(engine, roster) {
        let _ = out.write_record(row);
    }
    let bytes = out.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

pub fn to_xlsx(engine: &Engine, roster: &Roster) -> Result<Vec<u8>> {
    let failed = |e: rust_xlsxwriter::XlsxError| Error::Refused {
        code: "xlsx_gagal",
        message: format!("Berkas XLSX jadwal piket tidak dapat dibuat: {e}"),
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Jadwal Piket").map_err(failed)?;
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
    for (col, (name, width)) in COLUMNS
        .iter()
        .zip([12.0, 9.0, 40.0, 40.0, 21.0, 36.0, 18.0])
        .enumerate()
    {
        sheet
            .write_string_with_format(0, col as u16, *name, &bold)
            .map_err(failed)?;
        sheet.set_column_width(col as u16, width).map_err(failed)?;
    }
    for (r, row) in rows(engine, roster).iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, cell)
                .map_err(failed)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    book.save_to_buffer().map_err(failed)
}

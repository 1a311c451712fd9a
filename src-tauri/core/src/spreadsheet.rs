//! Files a clerk opens in a spreadsheet: CSV as Excel expects it under an
//! Indonesian locale (semicolons, UTF-8 with a BOM) and XLSX sheets with a
//! bold header row and typed cells (dates Excel can sort and compute with).

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::ErrorCode;

/// `header` and `rows` as Excel-ready CSV text.
pub fn excel_csv<Row, Field>(header: &[&str], rows: impl IntoIterator<Item = Row>) -> String
where
    Row: IntoIterator<Item = Field>,
    Field: AsRef<[u8]>,
{
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(header).expect("in memory");
    for row in rows {
        out.write_record(row).expect("in memory");
    }
    String::from_utf8(out.into_inner().expect("in memory")).expect("UTF-8 in, UTF-8 out")
}

/// The error for an XLSX file about `what` (e.g. `buku agenda`) that could not be made.
pub fn xlsx_failed(what: &str) -> impl Fn(XlsxError) -> Error + '_ {
    move |e| Error::Refused {
        code: ErrorCode::XlsxGagal,
        message: format!("Berkas XLSX {what} tidak dapat dibuat: {e}"),
    }
}

/// Adds sheet `name` with a bold, bordered header row of `columns` (title,
/// width), frozen so it stays in view; data goes from row 1.
pub fn sheet_with_header<'a>(
    book: &'a mut Workbook,
    name: &str,
    columns: &[(&str, f64)],
) -> Result<&'a mut Worksheet, XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
    for (col, (title, width)) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &bold)?;
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

/// One value of an exported row, typed so that XLSX stores it as Excel
/// would: a date as Excel's day number shown `dd/mm/yyyy`, not as text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The value as CSV and plain tables write it (`15-05-2020`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%d-%m-%Y").to_string(),
        }
    }
}

/// Writes `cells` into row `row` of `sheet`, each as its type.
pub fn write_row(sheet: &mut Worksheet, row: u32, cells: &[Cell]) -> Result<(), XlsxError> {
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (col, cell) in cells.iter().enumerate() {
        let col = col as u16;
        match cell {
            Cell::Empty => continue,
            Cell::Text(t) => sheet.write_string(row, col, t)?,
            Cell::Number(n) => sheet.write_number(row, col, *n)?,
            Cell::Date(d) => {
                let day = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                sheet.write_datetime_with_format(row, col, &day, &date_format)?
            }
        };
    }
    Ok(())
}

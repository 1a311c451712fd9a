//! XLSX workbooks, read with calamine: the sheet named like the data
//! (`pegawai`), else the first sheet; its first used row holds the headers.
//!
//! Formula cells are reported, never read: the cached result calamine would
//! give is whatever the last program to save the file wrote (often a
//! placeholder such as 0 from generators), so importing it could store a
//! wrong NIP or name silently.

use std::io::{BufRead, BufReader, Cursor};

use calamine::{Data, Range, Reader, Xlsx};
use quick_xml::events::{BytesStart, Event};

use super::table::{Cell, Row, Table};
use crate::error::{Error, Result};
use crate::files::{group_digits as thousands_text, size, thousands};
use crate::ErrorCode;

/// Most cells a sheet may span, declared (`<dimension>`) or filled (the box
/// from the first to the last filled cell), and most shared strings: calamine
/// allocates one value per cell of that box (20,000 rows × 100 columns).
pub const MAX_XLSX_CELLS: u64 = 2_000_000;
/// Largest part of the workbook once decompressed (a sheet, the shared strings).
pub const MAX_XLSX_PART_BYTES: u64 = 100 * 1024 * 1024;
/// All parts together, decompressed.
pub const MAX_XLSX_TOTAL_BYTES: u64 = 300 * 1024 * 1024;
/// Most parts (files inside the zip) a workbook may have.
pub const MAX_XLSX_PARTS: usize = 10_000;
/// Excel's own sheet size: XFD1048576.
const EXCEL_ROWS: u32 = 1_048_576;
const EXCEL_COLUMNS: u32 = 16_384;

fn unreadable(name: &str, cause: impl std::fmt::Display) -> Error {
    Error::invalid(
        ErrorCode::XlsxRusak,
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
    check_parts(name, bytes)?;
    // The parts were checked above; this only keeps an unforeseen panic in
    // calamine (its debug build checks arithmetic) from ending the program.
    std::panic::catch_unwind(|| read_checked(name, bytes))
        .unwrap_or_else(|_| Err(unreadable(name, "isi lembar kerja tidak dapat diurai")))
}

fn read_checked(name: &str, bytes: &[u8]) -> Result<Table> {
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

/// Looks at every part of the workbook before calamine reads it: sizes from
/// the zip's central directory (the zip reader stops at the declared size, so
/// a part cannot inflate past it), then in each XML part the declared sheet
/// range, every cell and row reference, shared-formula indexes and the
/// shared-string count calamine reserves room for.
fn check_parts(name: &str, bytes: &[u8]) -> Result<()> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(name, e))?;
    if zip.len() > MAX_XLSX_PARTS {
        return Err(too_large(
            name,
            format!(
                "terdiri atas {} bagian; batasnya {} bagian",
                zip.len(),
                MAX_XLSX_PARTS
            ),
        ));
    }
    let mut total: u64 = 0;
    let mut xml_parts = Vec::new();
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| unreadable(name, e))?;
        let part_name = part.name().map_err(|e| unreadable(name, e))?.into_owned();
        if part.size() > MAX_XLSX_PART_BYTES {
            return Err(too_large(
                name,
                format!(
                    "memuat bagian {part_name} yang bila dibuka berukuran {}; batasnya {}",
                    size(part.size()),
                    size(MAX_XLSX_PART_BYTES)
                ),
            ));
        }
        total = total.saturating_add(part.size());
        if total > MAX_XLSX_TOTAL_BYTES {
            return Err(too_large(
                name,
                format!(
                    "bila dibuka berukuran lebih dari {}; batasnya {}",
                    size(total),
                    size(MAX_XLSX_TOTAL_BYTES)
                ),
            ));
        }
        if part_name.to_ascii_lowercase().ends_with(".xml") {
            xml_parts.push((i, part_name));
        }
    }
    for (i, part_name) in xml_parts {
        let part = zip.by_index(i).map_err(|e| unreadable(name, e))?;
        check_xml_part(name, &part_name, BufReader::new(part))?;
    }
    Ok(())
}

/// One XML part, streamed with the XML reader calamine uses (same settings).
/// An XML error ends the look without a verdict: calamine reports it if it
/// reads that part.
fn check_xml_part(name: &str, part: &str, source: impl BufRead) -> Result<()> {
    let mut xml = quick_xml::Reader::from_reader(source);
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut in_data = false;
    let (mut row, mut col) = (0u32, 0u32);
    let mut cell: Option<(u32, u32)> = None;
    let mut filled: Option<Bounds> = None;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match (in_data, e.local_name().as_ref()) {
                (false, "sst") => {
                    if let Some(count) = attr(&e, "uniqueCount") {
                        check_count(name, part, count)?;
                    }
                }
                (false, "dimension") => {
                    if let Some(text) = attr(&e, "ref") {
                        let range = parse_range(name, part, text)?;
                        if range.cells() > MAX_XLSX_CELLS {
                            return Err(too_large(
                                name,
                                format!(
                                    "menyatakan rentang lembar kerja {} ({} sel, bagian {part}); batasnya {} sel",
                                    range.text(),
                                    thousands(range.cells()),
                                    thousands(MAX_XLSX_CELLS)
                                ),
                            ));
                        }
                    }
                }
                (false, "sheetData") => in_data = true,
                (true, "row") => {
                    if let Some(r) = attr(&e, "r") {
                        row = parse_row(r).ok_or_else(|| bad_reference(name, part, r))?;
                    }
                }
                (true, "c") => {
                    let at = match attr(&e, "r") {
                        Some(r) => parse_cell(r).ok_or_else(|| bad_reference(name, part, r))?,
                        None => (row, col),
                    };
                    if at.0 >= EXCEL_ROWS || at.1 >= EXCEL_COLUMNS {
                        return Err(unreadable(
                            name,
                            format!("sel di luar batas lembar kerja Excel (bagian {part})"),
                        ));
                    }
                    col = at.1.saturating_add(1);
                    cell = Some(at);
                }
                (true, child) => {
                    if child == "f" {
                        check_formula(name, part, &e)?;
                    }
                    // A cell with a value, a formula or inline text is filled;
                    // an empty styled `<c/>` is not (calamine skips it).
                    if let Some(at) = cell.take() {
                        let b = filled.get_or_insert(Bounds { start: at, end: at });
                        b.start = (b.start.0.min(at.0), b.start.1.min(at.1));
                        b.end = (b.end.0.max(at.0), b.end.1.max(at.1));
                        if b.cells() > MAX_XLSX_CELLS {
                            return Err(too_large(
                                name,
                                format!(
                                    "memuat sel terisi dari {} sampai {} ({} sel, bagian {part}); batasnya {} sel",
                                    cell_name(b.start),
                                    cell_name(b.end),
                                    thousands(b.cells()),
                                    thousands(MAX_XLSX_CELLS)
                                ),
                            ));
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if in_data => match e.local_name().as_ref() {
                "row" => {
                    row = row.saturating_add(1);
                    col = 0;
                }
                "c" => cell = None,
                "sheetData" => return Ok(()),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

/// A shared formula's index (calamine sizes a table by it) and range.
fn check_formula(name: &str, part: &str, e: &BytesStart) -> Result<()> {
    if let Some(si) = attr(e, "si") {
        if si.parse::<u64>().map_or(true, |n| n >= MAX_XLSX_CELLS) {
            return Err(unreadable(
                name,
                format!("nomor rumus bersama tidak wajar (si=\"{si}\", bagian {part})"),
            ));
        }
    }
    if let Some(text) = attr(e, "ref") {
        parse_range(name, part, text)?;
    }
    Ok(())
}

fn check_count(name: &str, part: &str, count: &str) -> Result<()> {
    let digits = count.trim();
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.parse::<u64>().map_or(true, |n| n > MAX_XLSX_CELLS)
    {
        return Err(too_large(
            name,
            format!(
                "menyatakan {} teks bersama (bagian {part}); batasnya {}",
                thousands_text(digits),
                thousands(MAX_XLSX_CELLS)
            ),
        ));
    }
    Ok(())
}

/// An attribute's raw value, by its exact (unprefixed) name, as calamine reads it.
fn attr<'a>(e: &'a BytesStart, key: &str) -> Option<&'a str> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| match a.value {
            std::borrow::Cow::Borrowed(v) => Some(v),
            std::borrow::Cow::Owned(_) => None,
        })
}

/// A rectangle of cells, zero-based (row, column), both ends included.
struct Bounds {
    start: (u32, u32),
    end: (u32, u32),
}

impl Bounds {
    fn cells(&self) -> u64 {
        (u64::from(self.end.0 - self.start.0) + 1) * (u64::from(self.end.1 - self.start.1) + 1)
    }

    fn text(&self) -> String {
        format!("{}:{}", cell_name(self.start), cell_name(self.end))
    }
}

/// `A1` or `A1:B2`, within Excel's sheet, top-left first.
fn parse_range(name: &str, part: &str, text: &str) -> Result<Bounds> {
    let mut ends = text.split(':');
    let start = ends.next().and_then(parse_cell);
    let end = ends.next().map_or(start, parse_cell);
    match (start, end, ends.next()) {
        (Some(start), Some(end), None) if start.0 <= end.0 && start.1 <= end.1 => {
            Ok(Bounds { start, end })
        }
        _ => Err(bad_reference(name, part, text)),
    }
}

/// `B7` → (6, 1); letters then digits, within XFD1048576.
fn parse_cell(text: &str) -> Option<(u32, u32)> {
    let digits_at = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(digits_at);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let col = letters.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = parse_row(digits)?;
    (col <= EXCEL_COLUMNS).then_some((row, col - 1))
}

/// `7` → 6, within 1..=1048576.
fn parse_row(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 7 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let row: u32 = text.parse().ok()?;
    (1..=EXCEL_ROWS).contains(&row).then(|| row - 1)
}

fn cell_name((row, col): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

fn too_large(name: &str, what: String) -> Error {
    Error::invalid(
        ErrorCode::XlsxTerlaluBesar,
        "file",
        format!("Buku kerja {name} {what}. Salin hanya data pegawai ke buku kerja baru, simpan sebagai .xlsx, lalu impor lagi."),
    )
}

fn bad_reference(name: &str, part: &str, text: &str) -> Error {
    unreadable(
        name,
        format!("referensi sel tidak sah \"{text}\" (bagian {part})"),
    )
}

#[cfg(test)]
pub(crate) mod hostile {
    //! Workbooks built part by part, to say what the checks refuse.

    use std::io::Write;

    use zip::write::SimpleFileOptions;

    use super::*;

    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
    const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

    /// A workbook of one sheet `pegawai` with `sheet_data` inside
    /// `<sheetData>`, `dimension` as declared, and `shared` as the
    /// sharedStrings part (written by `shared`, so it may be large).
    pub(crate) fn workbook(
        dimension: &str,
        sheet_data: &str,
        shared: impl FnOnce(&mut dyn Write),
    ) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        let part = |zip: &mut zip::ZipWriter<Cursor<Vec<u8>>>, name: &str, text: &str| {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        };
        part(&mut zip, "[Content_Types].xml", CONTENT_TYPES);
        part(&mut zip, "_rels/.rels", RELS);
        part(&mut zip, "xl/workbook.xml", WORKBOOK);
        part(&mut zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
        part(
            &mut zip,
            "xl/worksheets/sheet1.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>"#
            ),
        );
        zip.start_file("xl/sharedStrings.xml", options).unwrap();
        shared(&mut zip);
        zip.finish().unwrap().into_inner()
    }

    fn shared_strings(out: &mut dyn Write) {
        out.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>NIP</t></si><si><t>Nama</t></si></sst>"#).unwrap();
    }

    fn refused(bytes: &[u8]) -> Error {
        read("uji.xlsx", bytes).expect_err("refused")
    }

    #[test]
    fn a_small_hand_built_workbook_is_read() {
        let data = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>198001012005011001</t></is></c><c r="B2" t="inlineStr"><is><t>Ani</t></is></c><c r="Z900" s="1"/></row>"#;
        let table = read("uji.xlsx", &workbook("A1:B2", data, shared_strings)).unwrap();
        assert_eq!(table.headers, ["NIP", "Nama"]);
        assert_eq!(table.rows.len(), 1);
    }

    #[test]
    fn a_declared_range_of_the_whole_sheet_is_refused_before_calamine_reads_it() {
        let data = r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#;
        let e = refused(&workbook("A1:XFD1048576", data, shared_strings));
        assert_eq!(e.code(), ErrorCode::XlsxTerlaluBesar);
        assert!(
            e.to_string().contains(
                "rentang lembar kerja A1:XFD1048576 (17.179.869.184 sel, bagian xl/worksheets/sheet1.xml); batasnya 2.000.000 sel"
            ),
            "{e}"
        );
    }

    #[test]
    fn filled_cells_far_apart_are_refused_even_under_a_small_declared_range() {
        let data = r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="ZZ900000"><f>1+1</f></c></row>"#;
        let e = refused(&workbook("A1:B2", data, shared_strings));
        assert_eq!(e.code(), ErrorCode::XlsxTerlaluBesar);
        assert!(
            e.to_string().contains("sel terisi dari A1 sampai ZZ900000"),
            "{e}"
        );
    }

    #[test]
    fn references_past_excels_sheet_or_inverted_are_refused_not_panicked_on() {
        for (dimension, data) in [
            ("B2:A1", ""),
            ("A1", r#"<row r="1"><c r="AAAAAAAAAAA1"><v>1</v></c></row>"#),
            ("A1", r#"<row r="99999999999"><c><v>1</v></c></row>"#),
            (
                "A1",
                r#"<row r="1"><c r="A1"><f t="shared" si="4000000000" ref="A1:A2">1</f></c></row>"#,
            ),
        ] {
            let e = refused(&workbook(dimension, data, shared_strings));
            assert_eq!(e.code(), ErrorCode::XlsxRusak, "{dimension} {data}: {e}");
        }
    }

    #[test]
    fn a_shared_string_count_calamine_would_reserve_is_checked_first() {
        let e = refused(&workbook("A1", "", |out| {
            out.write_all(br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="900000000000"></sst>"#).unwrap();
        }));
        assert_eq!(e.code(), ErrorCode::XlsxTerlaluBesar);
        assert!(
            e.to_string().contains("900.000.000.000 teks bersama"),
            "{e}"
        );
    }

    #[test]
    fn a_shared_strings_bomb_is_refused_by_its_declared_size() {
        let e = refused(&workbook("A1", "", |out| {
            out.write_all(b"<sst><si><t>").unwrap();
            let block = vec![b'a'; 1024 * 1024];
            for _ in 0..110 {
                out.write_all(&block).unwrap();
            }
            out.write_all(b"</t></si></sst>").unwrap();
        }));
        assert_eq!(e.code(), ErrorCode::XlsxTerlaluBesar);
        assert!(
            e.to_string().contains(
                "bagian xl/sharedStrings.xml yang bila dibuka berukuran 110 MB; batasnya 100 MB"
            ),
            "{e}"
        );
    }

    #[test]
    fn cell_names_and_thousands() {
        assert_eq!(cell_name((1_048_575, 16_383)), "XFD1048576");
        assert_eq!(cell_name((0, 25)), "Z1");
        assert_eq!(cell_name((0, 26)), "AA1");
        assert_eq!(parse_cell("xfd1048576"), Some((1_048_575, 16_383)));
        assert_eq!(parse_cell("XFE1"), None);
        assert_eq!(thousands(17_179_869_184), "17.179.869.184");
        assert_eq!(thousands(999), "999");
    }
}

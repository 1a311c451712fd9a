//! What the import targets share: the import run on an in-memory store,
//! and a workbook assembled around fuzzed XML parts.

use std::cell::RefCell;
use std::io::{Cursor, Write};

use edaran_core::import::{import_employees, preview_import, FileKind, ImportFile, SAMPLE_ROWS};
use edaran_core::Store;

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// Reads `bytes` as the import does (preview, then the all-or-nothing
/// import with the guessed mapping); errors are the expected outcome.
pub fn import(name: &str, kind: FileKind, bytes: Vec<u8>) {
    let file = ImportFile {
        name: name.into(),
        bytes,
        kind,
    };
    STORE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let store = cell.get_or_insert_with(|| Store::open_in_memory().expect("in-memory store"));
        let Ok(preview) = preview_import(store, &file) else {
            return;
        };
        assert!(preview.sample.len() <= SAMPLE_ROWS);
        assert!(preview.sample.len() <= preview.row_count);
        if import_employees(store, &file, &preview.mapping, true).is_ok() {
            // Something was written: start the next input from an empty store.
            *cell = None;
        }
    });
}

/// Separates the XML parts in a structured XLSX input (never valid UTF-8).
pub const PART_SEPARATOR: u8 = 0xFF;

/// The parts a structured input fills, in order.
pub const PARTS: [&str; 4] = [
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/workbook.xml",
    "xl/styles.xml",
];

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

/// A workbook (stored, uncompressed zip) whose sheet, shared strings,
/// workbook and styles parts are the `PART_SEPARATOR`-separated pieces of
/// `data`; a missing workbook part gets a default one naming the sheet.
pub fn workbook(data: &[u8]) -> Vec<u8> {
    let mut parts = data.split(|b| *b == PART_SEPARATOR);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    let mut put = |name: &str, bytes: &[u8]| {
        zip.start_file(name, stored).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    };
    put("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    put("_rels/.rels", RELS.as_bytes());
    put("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes());
    for name in PARTS {
        match parts.next() {
            Some(part) => put(name, part),
            None if name == "xl/workbook.xml" => put(name, WORKBOOK.as_bytes()),
            None => {}
        }
    }
    zip.finish().expect("zip finish").into_inner()
}

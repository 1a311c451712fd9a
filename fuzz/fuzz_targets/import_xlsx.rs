//! Employee import from XLSX. An input starting with `PK` is the workbook
//! file itself (zip structure, calamine's entry points); any other input is
//! the sheet / shared strings / workbook / styles XML (separated by 0xFF),
//! wrapped in a well-formed uncompressed workbook so mutations reach
//! calamine's XML readers and the import's own cell handling.
#![no_main]

use edaran_core::import::FileKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        edaran_fuzz::workbook(data)
    };
    edaran_fuzz::import("pegawai.xlsx", FileKind::Xlsx, bytes);
});

//! Employee import from CSV: delimiter sniffing, BOM, quotes, then the
//! preview and the all-or-nothing import (rows checked, placements made)
//! on an in-memory store.
#![no_main]

use edaran_core::import::FileKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    edaran_fuzz::import("pegawai.csv", FileKind::Csv, data.to_vec());
});

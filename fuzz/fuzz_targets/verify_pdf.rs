//! Offline PDF verification with no trusted roots: any bytes give a report
//! or an Indonesian error, never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = edaran_core::sign::verify_pdf(data, &[]);
});

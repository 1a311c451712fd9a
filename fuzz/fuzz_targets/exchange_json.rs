//! The JSON exchange file: `from_json` must refuse or accept, never panic;
//! what it accepts must survive `to_json` → `from_json` unchanged.
#![no_main]

use edaran_core::exchange::{from_json, to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(circular) = from_json(text) {
        let again = from_json(&to_json(&circular)).expect("a written exchange file reads back");
        assert_eq!(again, circular, "exchange round trip changed the circular");
    }
});

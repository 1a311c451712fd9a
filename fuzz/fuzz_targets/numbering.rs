//! Letter-number templates: any text is parsed (refused with a message or
//! accepted) and an accepted template renders any parts.
//! Input: template, classification and unit separated by NUL bytes, then
//! up to 12 bytes for sequence, year and month.
#![no_main]

use edaran_core::numbering::{roman_month, NumberParts, NumberTemplate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut fields = data.splitn(4, |b| *b == 0);
    let text = String::from_utf8_lossy(fields.next().unwrap_or_default());
    let classification = String::from_utf8_lossy(fields.next().unwrap_or_default());
    let unit = String::from_utf8_lossy(fields.next().unwrap_or_default());
    let mut numbers = [0u8; 12];
    let rest = fields.next().unwrap_or_default();
    numbers[..rest.len().min(12)].copy_from_slice(&rest[..rest.len().min(12)]);
    let sequence = u32::from_le_bytes(numbers[0..4].try_into().unwrap());
    let year = i32::from_le_bytes(numbers[4..8].try_into().unwrap());
    let month = u32::from_le_bytes(numbers[8..12].try_into().unwrap());

    match NumberTemplate::parse(&text) {
        Ok(template) => {
            let parts = NumberParts {
                classification: &classification,
                sequence,
                unit: &unit,
                year,
                month,
            };
            let number = template.render(&parts);
            assert!(
                number.contains(&sequence.to_string()),
                "{text:?} rendered {number:?} without the sequence {sequence}"
            );
            // Parsing is a function of the trimmed text.
            assert_eq!(NumberTemplate::parse(text.trim()).ok(), Some(template));
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
        }
    }
    let _ = roman_month(month);
});

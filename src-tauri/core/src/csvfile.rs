//! CSV files as spreadsheets export them, for every list a clerk brings
//! (employees, holidays, absences): any of `,` `;` `|` or tab as the
//! delimiter (sniffed from the header line), UTF-8 with or without a BOM,
//! quoted values, dates day first.

use chrono::NaiveDate;

use crate::error::{Error, Result, RowError};
use crate::ErrorCode;

const DELIMITERS: [u8; 4] = [b',', b';', b'|', b'\t'];

/// Picks the delimiter that splits the header line the most, quotes ignored.
pub(crate) fn delimiter(header_line: &str) -> u8 {
    let mut counts = [0usize; DELIMITERS.len()];
    let mut quoted = false;
    for b in header_line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if let Some(i) = DELIMITERS.iter().position(|d| *d == b).filter(|_| !quoted) {
            counts[i] += 1;
        }
    }
    (0..DELIMITERS.len())
        .max_by_key(|i| (counts[*i], std::cmp::Reverse(*i)))
        .map_or(b',', |i| DELIMITERS[i])
}

/// A reader over `text` with the delimiter sniffed from its first line;
/// rows may have fewer or more fields than the header.
pub(crate) fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter(text.lines().next().unwrap_or("")))
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The text of a CSV file: UTF-8, with or without a BOM.
pub(crate) fn csv_text(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|_| {
        Error::invalid(
            ErrorCode::BerkasBukanUtf8,
            "file",
            "Berkas CSV harus bersandi UTF-8 (simpan ulang sebagai \"CSV UTF-8\").",
        )
    })
}

/// The lower-cased header of a list file (holidays, absences) and the
/// position of each `required` column in it; a missing one is named with
/// what the file has.
pub(crate) fn header(
    reader: &mut csv::Reader<&[u8]>,
    required: &[&str],
) -> Result<(Vec<String>, Vec<usize>)> {
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Error::invalid(
                ErrorCode::CsvRusak,
                "file",
                format!("Baris 1 tidak terbaca: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let positions = required
        .iter()
        .map(|name| {
            headers.iter().position(|h| h == name).ok_or_else(|| {
                Error::invalid(
                    ErrorCode::KolomWajibHilang,
                    "file",
                    format!(
                        "Kolom \"{name}\" tidak ditemukan. Kolom yang diperlukan: {}; yang ada: {}.",
                        required.join(", "),
                        headers.join(", ")
                    ),
                )
            })
        })
        .collect::<Result<_>>()?;
    Ok((headers, positions))
}

/// The non-blank records of a list file with their line numbers; a record
/// that cannot be read goes to `errors` with its line.
pub(crate) fn records(
    reader: &mut csv::Reader<&[u8]>,
    errors: &mut Vec<RowError>,
) -> Vec<(usize, csv::StringRecord)> {
    let mut out = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) if r.iter().all(|v| v.trim().is_empty()) => {}
            Ok(r) => out.push((r.position().map_or(0, |p| p.line() as usize), r)),
            Err(e) => errors.push(RowError {
                line: e.position().map_or(0, |p| p.line() as usize),
                column: String::new(),
                message: format!("Baris tidak terbaca: {e}"),
            }),
        }
    }
    out
}

/// A date as spreadsheets write it: `25-05-2020`, `25/05/2020` or `2020-05-25`.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text.trim(), f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_sniffed_outside_quotes() {
        assert_eq!(delimiter("nip|nama|jabatan"), b'|');
        assert_eq!(delimiter("nip;nama,x;y"), b';');
        assert_eq!(delimiter("\"a,b,c\";nama"), b';');
        assert_eq!(delimiter("nip\tnama"), b'\t');
        assert_eq!(delimiter("nip"), b',');
    }
}

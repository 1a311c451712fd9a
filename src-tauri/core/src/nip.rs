//! NIP (*Nomor Induk Pegawai*): the 18-digit number of a civil servant.
//!
//! PNS layout: birth date `YYYYMMDD`, CPNS start `YYYYMM`, sex `1`/`2`,
//! serial `NNN`. PPPK numbers share the length and the birth date; their
//! middle part is not confirmed, so only those are checked.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::ErrorCode;

/// Which rule set a number is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NipKind {
    Pns,
    Pppk,
}

/// A number that passed validation, with what it tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nip {
    pub digits: String,
    pub birth_date: NaiveDate,
}

const FIELD: &str = "nip";

fn bad(code: ErrorCode, message: String) -> Error {
    Error::invalid(code, FIELD, message)
}

/// Checks `raw` (spaces ignored, a leading `'` from spreadsheets too).
pub fn parse(raw: &str, kind: NipKind) -> Result<Nip> {
    let digits: String = raw
        .trim()
        .trim_start_matches('\'')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if digits.is_empty() {
        return Err(bad(ErrorCode::NipKosong, "NIP wajib diisi.".into()));
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad(
            ErrorCode::NipBukanAngka,
            format!("NIP \"{digits}\" hanya boleh berisi angka."),
        ));
    }
    if digits.len() != 18 {
        return Err(bad(
            ErrorCode::NipPanjang,
            format!("NIP harus 18 digit, yang diisi {} digit.", digits.len()),
        ));
    }
    let num = |a: usize, b: usize| digits[a..b].parse::<u32>().unwrap_or(0);
    let birth_date = NaiveDate::from_ymd_opt(num(0, 4) as i32, num(4, 6), num(6, 8))
        .filter(|d| (1940..=2010).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| {
            bad(
                ErrorCode::NipTanggalLahir,
                format!(
                    "NIP {digits}: 8 digit pertama ({}) bukan tanggal lahir yang sah (format TTTTBBHH).",
                    &digits[0..8]
                ),
            )
        })?;
    if kind == NipKind::Pns {
        let (year, month) = (num(8, 12) as i32, num(12, 14));
        let start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(|| {
            bad(
                ErrorCode::NipTmtCpns,
                format!(
                    "NIP {digits}: digit 9–14 ({}) bukan bulan pengangkatan CPNS yang sah (format TTTTBB).",
                    &digits[8..14]
                ),
            )
        })?;
        let adult = birth_date
            .checked_add_months(chrono::Months::new(18 * 12))
            .unwrap_or(birth_date);
        if start < adult.with_day_one() {
            return Err(bad(
                ErrorCode::NipTmtCpns,
                format!(
                    "NIP {digits}: pengangkatan CPNS {:02}/{year} terjadi sebelum pegawai berusia 18 tahun.",
                    month
                ),
            ));
        }
        if !matches!(&digits[14..15], "1" | "2") {
            return Err(bad(
                ErrorCode::NipJenisKelamin,
                format!(
                    "NIP {digits}: digit ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan {}.",
                    &digits[14..15]
                ),
            ));
        }
        if &digits[15..18] == "000" {
            return Err(bad(
                ErrorCode::NipUrut,
                format!("NIP {digits}: nomor urut (3 digit terakhir) tidak boleh 000."),
            ));
        }
    }
    Ok(Nip { digits, birth_date })
}

trait DayOne {
    fn with_day_one(self) -> NaiveDate;
}

impl DayOne for NaiveDate {
    fn with_day_one(self) -> NaiveDate {
        chrono::Datelike::with_day(&self, 1).unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str, kind: NipKind) -> &'static str {
        parse(raw, kind).unwrap_err().code().as_str()
    }

    #[test]
    fn accepts_a_well_formed_pns_number() {
        let nip = parse("19780512 200312 1 004", NipKind::Pns).unwrap();
        assert_eq!(nip.digits, "197805122003121004");
        assert_eq!(
            nip.birth_date,
            NaiveDate::from_ymd_opt(1978, 5, 12).unwrap()
        );
        assert!(parse("'197805122003122004", NipKind::Pns).is_ok());
    }

    #[test]
    fn rejects_wrong_length_and_letters() {
        assert_eq!(code("19780512200312100", NipKind::Pns), "nip_panjang");
        assert_eq!(code("1978051220031210045", NipKind::Pppk), "nip_panjang");
        assert_eq!(code("19780512200312100A", NipKind::Pns), "nip_bukan_angka");
        assert_eq!(code("  ", NipKind::Pns), "nip_kosong");
    }

    #[test]
    fn rejects_impossible_birth_dates() {
        assert_eq!(
            code("197802302003121004", NipKind::Pns),
            "nip_tanggal_lahir"
        );
        assert_eq!(
            code("197813012003121004", NipKind::Pns),
            "nip_tanggal_lahir"
        );
        assert_eq!(
            code("190001012003121004", NipKind::Pns),
            "nip_tanggal_lahir"
        );
        assert_eq!(
            code("197802302003121004", NipKind::Pppk),
            "nip_tanggal_lahir"
        );
        // 29 February only in leap years.
        assert!(parse("198002292005012001", NipKind::Pns).is_ok());
        assert_eq!(
            code("198102292005012001", NipKind::Pns),
            "nip_tanggal_lahir"
        );
    }

    #[test]
    fn rejects_impossible_cpns_start() {
        assert_eq!(code("197805122003131004", NipKind::Pns), "nip_tmt_cpns");
        assert_eq!(code("197805122003001004", NipKind::Pns), "nip_tmt_cpns");
        assert_eq!(code("197805121990011004", NipKind::Pns), "nip_tmt_cpns");
    }

    #[test]
    fn checks_sex_digit_and_serial() {
        assert_eq!(
            code("197805122003123004", NipKind::Pns),
            "nip_jenis_kelamin"
        );
        assert_eq!(code("197805122003121000", NipKind::Pns), "nip_urut");
    }

    #[test]
    fn pppk_numbers_are_checked_by_length_and_birth_date_only() {
        // Middle part that would be no CPNS month, sex digit 9: fine for PPPK.
        assert!(parse("198501012021139001", NipKind::Pppk).is_ok());
        assert_eq!(code("198501012021139001", NipKind::Pns), "nip_tmt_cpns");
    }

    #[test]
    fn messages_are_indonesian_and_name_the_problem() {
        let e = parse("1978051220031210", NipKind::Pns).unwrap_err();
        assert_eq!(e.to_string(), "NIP harus 18 digit, yang diisi 16 digit.");
        assert_eq!(e.field(), Some("nip"));
    }
}

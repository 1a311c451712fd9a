//! *Ketidakhadiran*: days a person cannot be in the office whatever a
//! circular says — leave, sickness, official travel. Office data, not part
//! of a circular: every roster works around it and no hand edit overrides
//! it. Read one by one from a form or from a CSV
//! (`nip;mulai;selesai;alasan;keterangan`), like the holiday list.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::csvfile::{csv_text, header, parse_date, reader, records};
use crate::error::{Error, Result, RowError};
use crate::vocab::vocabulary;
use crate::words;
use crate::ErrorCode;

vocabulary!(
    /// Why someone is away.
    AbsenceReason, "Alasan ketidakhadiran" {
        Cuti => "cuti", "Cuti";
        Sakit => "sakit", "Sakit";
        DinasLuar => "dinas_luar", "Dinas luar";
        Lainnya => "lainnya", "Alasan lain";
    }
);

/// A stored absence of one employee, both ends inclusive.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Absence {
    pub id: i64,
    pub employee_id: i64,
    pub nip: Option<String>,
    pub name: String,
    pub agency: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: AbsenceReason,
    pub note: String,
}

impl Absence {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// `cuti, melahirkan (13 Mei 2020 s.d. 20 Mei 2020)`.
    pub fn describe(&self) -> String {
        let note = match self.note.trim() {
            "" => String::new(),
            n => format!(", {n}"),
        };
        let span = if self.from == self.to {
            words::date(self.from)
        } else {
            format!("{} s.d. {}", words::date(self.from), words::date(self.to))
        };
        format!("{}{note} ({span})", self.reason.label().to_lowercase())
    }
}

/// An absence as a form or a file gives it; the person by NIP; no last
/// day means the one day `from`.
#[derive(Debug, Clone, Deserialize, PartialEq, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct NewAbsence {
    pub nip: String,
    pub from: NaiveDate,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    pub reason: AbsenceReason,
    #[serde(default)]
    pub note: String,
}

impl NewAbsence {
    pub fn last_day(&self) -> NaiveDate {
        self.to.unwrap_or(self.from)
    }

    /// The checks that need no database.
    pub fn validate(&self) -> Result<()> {
        let to = self.last_day();
        if to < self.from {
            return Err(Error::invalid(
                ErrorCode::PeriodeTerbalik,
                "to",
                format!(
                    "“Sampai” ({}) sebelum “Mulai” ({}).",
                    words::date(to),
                    words::date(self.from)
                ),
            ));
        }
        if (to - self.from).num_days() > 366 {
            return Err(Error::invalid(
                ErrorCode::KetidakhadiranTerlaluPanjang,
                "to",
                "Ketidakhadiran paling lama satu tahun; catat yang lebih panjang sebagai beberapa baris.",
            ));
        }
        Ok(())
    }
}

const HEADER: [&str; 4] = ["nip", "mulai", "selesai", "alasan"];

/// The rows of an absence file: the good ones with their line numbers,
/// and what is wrong with each other row.
pub type AbsenceRows = (Vec<(usize, NewAbsence)>, Vec<RowError>);

/// Reads an absence CSV (a file without the columns is an error).
pub fn absences_from_csv(bytes: &[u8]) -> Result<AbsenceRows> {
    let text = csv_text(bytes)?;
    let mut reader = reader(text);
    let (headers, index) = header(&mut reader, &HEADER)?;
    let note = headers.iter().position(|h| h == "keterangan");
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for (line, record) in records(&mut reader, &mut errors) {
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let mut fail = |column: &str, message: String| {
            errors.push(RowError {
                line,
                column: column.into(),
                message,
            })
        };
        let nip = cell(index[0]);
        if nip.is_empty() {
            fail("nip", "NIP wajib diisi.".into());
        }
        let mut date = |column: usize, name: &str| {
            let d = parse_date(cell(index[column]));
            if d.is_none() {
                fail(
                    name,
                    format!(
                        "Tanggal \"{}\" tidak dikenal; tulis seperti 2020-05-25 atau 25-05-2020.",
                        cell(index[column])
                    ),
                );
            }
            d
        };
        let from = date(1, "mulai");
        // An empty last day is the one day of `mulai`.
        let to = if cell(index[2]).is_empty() {
            Some(None)
        } else {
            date(2, "selesai").map(Some)
        };
        let reason = AbsenceReason::require(cell(index[3]), "alasan");
        let (Some(from), Some(to), false) = (from, to, nip.is_empty()) else {
            if let Err(e) = reason {
                errors.push(row_error(line, "alasan", e));
            }
            continue;
        };
        let absence = reason.and_then(|reason| {
            let a = NewAbsence {
                nip: nip.into(),
                from,
                to,
                reason,
                note: note.map(|i| cell(i).to_string()).unwrap_or_default(),
            };
            a.validate().map(|()| a)
        });
        match absence {
            Ok(a) => rows.push((line, a)),
            Err(e) => {
                let column = if e.code() == ErrorCode::PilihanTidakDikenal {
                    "alasan"
                } else {
                    "selesai"
                };
                errors.push(row_error(line, column, e));
            }
        }
    }
    Ok((rows, errors))
}

fn row_error(line: usize, column: &str, e: Error) -> RowError {
    RowError {
        line,
        column: column.into(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_gives_rows_with_lines_and_every_bad_row_is_named() {
        let good = "nip;mulai;selesai;alasan;keterangan\n198001012005011001;2020-07-06;10-07-2020;cuti;tahunan\n198001012005011002;2020-07-08;;dinas luar;\n";
        let (rows, errors) = absences_from_csv(good.as_bytes()).unwrap();
        assert!(errors.is_empty());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[1].1.reason, AbsenceReason::DinasLuar);
        assert_eq!(rows[1].1.last_day(), rows[1].1.from);
        assert_eq!(rows[0].1.to, NaiveDate::from_ymd_opt(2020, 7, 10));

        let bad = "nip;mulai;selesai;alasan\n;2020-07-06;2020-07-07;cuti\n198001012005011001;6 Juli;2020-07-07;cuti\n198001012005011001;2020-07-09;2020-07-07;sakit\n198001012005011001;2020-07-06;2020-07-07;liburan\n";
        let (good, rows) = absences_from_csv(bad.as_bytes()).unwrap();
        assert!(good.is_empty());
        let at: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.column.as_str())).collect();
        assert_eq!(
            at,
            [(2, "nip"), (3, "mulai"), (4, "selesai"), (5, "alasan")]
        );
        assert!(
            rows[2].message.contains("sebelum “Mulai”"),
            "{}",
            rows[2].message
        );
        assert!(rows[3].message.contains("\"liburan\" tidak dikenal"));

        let missing = absences_from_csv(b"nip;tanggal\n").unwrap_err().to_string();
        assert!(
            missing.contains("Kolom \"mulai\" tidak ditemukan"),
            "{missing}"
        );
    }
}

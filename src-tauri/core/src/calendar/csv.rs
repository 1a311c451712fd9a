//! Holiday lists as CSV: `tanggal;nama;jenis;sumber`, one row per day off,
//! the decree named in `sumber`. Dates as `2020-05-25` or `25-05-2020`.

use chrono::Datelike;

use super::{Holiday, HolidayKind, NewHoliday};
use crate::csvfile::{csv_text, header, parse_date, reader, records};
use crate::error::{Error, Result, RowError};
use crate::ErrorCode;

const HEADER: [&str; 4] = ["tanggal", "nama", "jenis", "sumber"];

/// The days one decree sets for one year, as read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct DecreeDays {
    pub year: i32,
    pub title: String,
    pub days: Vec<NewHoliday>,
}

/// Reads a holiday CSV into decrees (rows grouped by year and `sumber`, in
/// the order they first appear). Every bad row is reported; none is kept.
pub fn holidays_from_csv(bytes: &[u8]) -> Result<Vec<DecreeDays>> {
    let text = csv_text(bytes)?;
    let mut reader = reader(text);
    let (_, index) = header(&mut reader, &HEADER)?;
    let mut errors = Vec::new();
    let mut decrees: Vec<DecreeDays> = Vec::new();
    for (line, record) in records(&mut reader, &mut errors) {
        let cell = |i: usize| record.get(index[i]).unwrap_or("").trim();
        let mut fail = |column: &str, message: String| {
            errors.push(RowError {
                line,
                column: column.into(),
                message,
            })
        };
        let date = parse_date(cell(0));
        if date.is_none() {
            fail(
                "tanggal",
                format!(
                    "Tanggal \"{}\" tidak dikenal; tulis seperti 2020-05-25 atau 25-05-2020.",
                    cell(0)
                ),
            );
        }
        if cell(1).is_empty() {
            fail("nama", "Nama hari libur wajib diisi.".into());
        }
        let kind = HolidayKind::parse(cell(2));
        if kind.is_none() {
            fail(
                "jenis",
                format!(
                    "Jenis \"{}\" tidak dikenal; pilihan: libur_nasional, cuti_bersama.",
                    cell(2)
                ),
            );
        }
        if cell(3).is_empty() {
            fail(
                "sumber",
                "Sumber (keputusan yang menetapkan) wajib diisi.".into(),
            );
        }
        let (Some(date), Some(kind)) = (date, kind) else {
            continue;
        };
        if cell(1).is_empty() || cell(3).is_empty() {
            continue;
        }
        let title = cell(3).to_string();
        let decree = match decrees
            .iter_mut()
            .position(|d| d.year == date.year() && d.title == title)
        {
            Some(i) => &mut decrees[i],
            None => {
                decrees.push(DecreeDays {
                    year: date.year(),
                    title,
                    days: Vec::new(),
                });
                decrees.last_mut().expect("just pushed")
            }
        };
        if decree.days.iter().any(|d| d.date == date) {
            fail(
                "tanggal",
                format!(
                    "Tanggal {} tercantum dua kali untuk keputusan yang sama.",
                    crate::words::date(date)
                ),
            );
            continue;
        }
        decree.days.push(NewHoliday {
            date,
            name: cell(1).into(),
            kind,
        });
    }
    if !errors.is_empty() {
        return Err(Error::Import(errors));
    }
    for (i, d) in decrees.iter().enumerate() {
        if let Some(other) = decrees[..i].iter().find(|o| o.year == d.year) {
            return Err(Error::invalid(
                ErrorCode::SumberGanda,
                "file",
                format!(
                    "Tahun {} memuat dua sumber (\"{}\" dan \"{}\"); satu keputusan menetapkan seluruh daftar setahun, jadi tulis satu sumber per tahun dalam satu berkas.",
                    d.year, other.title, d.title
                ),
            ));
        }
    }
    if decrees.is_empty() {
        return Err(Error::invalid(
            ErrorCode::BerkasKosong,
            "file",
            "Berkas tidak memuat satu pun hari libur.",
        ));
    }
    Ok(decrees)
}

/// Writes holidays as CSV (`;`, with a BOM for Excel), readable by
/// [`holidays_from_csv`].
pub fn holidays_to_csv(holidays: &[Holiday]) -> String {
    crate::spreadsheet::excel_csv(
        &HEADER,
        holidays.iter().map(|h| {
            [
                h.date.to_string(),
                h.name.clone(),
                h.kind.code().to_string(),
                h.source.clone(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn reads_rows_grouped_by_decree_in_either_date_style() {
        let file = "\u{feff}tanggal|nama|jenis|sumber\n\
            2020-05-24|Idul Fitri|libur_nasional|SKB 2020\n\
            25-05-2020|\"Idul Fitri, hari kedua\"|Libur Nasional|SKB 2020\n\
            2021-01-01|Tahun Baru|libur_nasional|SKB 2021\n";
        let decrees = holidays_from_csv(file.as_bytes()).unwrap();
        assert_eq!(decrees.len(), 2);
        assert_eq!(decrees[0].year, 2020);
        assert_eq!(decrees[0].days[1].name, "Idul Fitri, hari kedua");
        assert_eq!(
            decrees[0].days[1].date,
            NaiveDate::from_ymd_opt(2020, 5, 25).unwrap()
        );
        assert_eq!(decrees[1].title, "SKB 2021");
    }

    #[test]
    fn reports_every_bad_row_with_line_and_column() {
        let file = "tanggal;nama;jenis;sumber\n\
            2020-02-30;Tanggal mustahil;libur_nasional;SKB\n\
            2020-05-01;;cuti;SKB\n\
            2020-06-01;Pancasila;libur_nasional;\n\
            2020-08-17;HUT RI;libur_nasional;SKB\n\
            2020-08-17;HUT RI lagi;libur_nasional;SKB\n";
        let Err(Error::Import(rows)) = holidays_from_csv(file.as_bytes()) else {
            panic!("bad rows must be refused")
        };
        let at: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.column.as_str())).collect();
        assert_eq!(
            at,
            [
                (2, "tanggal"),
                (3, "nama"),
                (3, "jenis"),
                (4, "sumber"),
                (6, "tanggal")
            ]
        );
        assert!(
            rows[0].message.contains("2020-02-30"),
            "{}",
            rows[0].message
        );
        assert!(rows[4].message.contains("dua kali"), "{}", rows[4].message);
    }

    #[test]
    fn one_year_from_two_decrees_is_refused_rather_than_half_replaced() {
        let file = "tanggal;nama;jenis;sumber\n2021-01-01;Tahun Baru;libur_nasional;Keppres\n\
            2021-05-12;Cuti bersama Idul Fitri;cuti_bersama;SKB\n";
        let e = holidays_from_csv(file.as_bytes()).unwrap_err();
        assert!(
            e.to_string().contains("Tahun 2021 memuat dua sumber"),
            "{e}"
        );
    }

    #[test]
    fn a_file_without_the_columns_names_what_is_missing() {
        let e = holidays_from_csv(b"date,name\n2020-01-01,x\n").unwrap_err();
        assert!(e.to_string().contains("\"tanggal\""), "{e}");
    }
}

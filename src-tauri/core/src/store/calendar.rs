//! Holidays in the store, per decree: the latest recorded decree of a year
//! is in force; earlier ones stay as the year's history.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::calendar::{
    holidays_from_csv, DecreeDays, Holiday, HolidayDecree, NewHoliday, WorkCalendar,
};
use crate::error::{Error, Result};
use crate::words;

/// Holidays of the decrees in force (the latest per year).
const IN_FORCE: &str = "SELECT h.id, h.date, h.name, h.kind, d.title FROM holiday h
    JOIN holiday_decree d ON d.id = h.decree_id
    WHERE d.id = (SELECT max(id) FROM holiday_decree WHERE year = d.year)";

fn holiday(r: &rusqlite::Row) -> rusqlite::Result<Holiday> {
    Ok(Holiday {
        id: r.get(0)?,
        date: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        source: r.get(4)?,
    })
}

/// `+ 28 Desember 2020 Cuti bersama …` for each day added or renamed, `−`
/// for each dropped, against the previous list of the year.
fn changes(before: &[Holiday], after: &[Holiday]) -> Vec<String> {
    let line = |sign: char, h: &Holiday| format!("{sign} {} {}", words::date(h.date), h.name);
    let mut out: Vec<(NaiveDate, String)> = Vec::new();
    for h in after {
        if !before
            .iter()
            .any(|b| b.date == h.date && b.name == h.name && b.kind == h.kind)
        {
            out.push((h.date, line('+', h)));
        }
    }
    for b in before {
        if !after.iter().any(|h| h.date == b.date) {
            out.push((b.date, line('−', b)));
        }
    }
    out.sort();
    out.into_iter().map(|(_, l)| l).collect()
}

impl Store {
    /// Holidays and cuti bersama in force for one year (all years when
    /// `None`), by date.
    pub fn holidays(&self, year: Option<i32>) -> Result<Vec<Holiday>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{IN_FORCE} AND (?1 IS NULL OR d.year = ?1) ORDER BY h.date, h.id"
        ))?;
        let rows = stmt.query_map([year], holiday)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The calendar in force, for working-day arithmetic.
    pub fn work_calendar(&self) -> Result<WorkCalendar> {
        Ok(WorkCalendar::new(
            self.holidays(None)?.into_iter().map(|h| h.date),
        ))
    }

    fn decree_days(&self, decree: i64) -> Result<Vec<Holiday>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.id, h.date, h.name, h.kind, d.title FROM holiday h
             JOIN holiday_decree d ON d.id = h.decree_id WHERE d.id = ?1 ORDER BY h.date",
        )?;
        let rows = stmt.query_map([decree], holiday)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The years from `first` to `last` without a recorded holiday decree.
    pub fn years_without_holidays(&self, first: i32, last: i32) -> Result<Vec<i32>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM holiday_decree WHERE year = ?1)")?;
        let mut missing = Vec::new();
        for year in first..=last {
            if !stmt.query_row([year], |r| r.get::<_, bool>(0))? {
                missing.push(year);
            }
        }
        Ok(missing)
    }

    /// The decrees of a year (all years when `None`), newest first, each
    /// with what it changed against the one before it.
    pub fn holiday_decrees(&self, year: Option<i32>) -> Result<Vec<HolidayDecree>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, year, title, recorded_at FROM holiday_decree
             WHERE ?1 IS NULL OR year = ?1 ORDER BY year DESC, id",
        )?;
        let rows: Vec<(i64, i32, String, String)> = stmt
            .query_map([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        let mut previous: Option<(i32, Vec<Holiday>)> = None;
        for (i, (id, year, title, recorded_at)) in rows.iter().cloned().enumerate() {
            let days = self.decree_days(id)?;
            let before = match &previous {
                Some((y, list)) if *y == year => list.as_slice(),
                _ => &[],
            };
            let in_force = rows.get(i + 1).is_none_or(|next| next.1 != year);
            out.push(HolidayDecree {
                id,
                year,
                title,
                recorded_at,
                in_force,
                days: days.len(),
                changes: changes(before, &days),
            });
            previous = Some((year, days));
        }
        // Newest decree of each year first.
        out.sort_by(|a, b| b.year.cmp(&a.year).then(b.id.cmp(&a.id)));
        Ok(out)
    }

    /// Records a decree with the full list of days it sets for `year`; it
    /// supersedes the year's earlier decree. Recording the same decree with
    /// the same days again changes nothing and returns its id.
    pub fn record_decree(&mut self, year: i32, title: &str, days: &[NewHoliday]) -> Result<i64> {
        let title = title.trim();
        if title.is_empty() {
            return Err(Error::invalid(
                "wajib_diisi",
                "title",
                "Sebutkan keputusan yang menetapkan daftar ini (mis. SKB 3 Menteri Nomor … Tahun …).",
            ));
        }
        if days.is_empty() {
            return Err(Error::invalid(
                "wajib_diisi",
                "days",
                format!(
                    "Daftar hari libur {year} kosong; keputusan sedikitnya menetapkan satu hari."
                ),
            ));
        }
        for (i, day) in days.iter().enumerate() {
            let row = i + 1;
            if day.date.year() != year {
                return Err(Error::invalid(
                    "tahun_berbeda",
                    "days",
                    format!(
                        "Baris {row}: tanggal {} bukan tahun {year}.",
                        words::date(day.date)
                    ),
                ));
            }
            if day.name.trim().is_empty() {
                return Err(Error::invalid(
                    "wajib_diisi",
                    "days",
                    format!("Baris {row}: nama hari libur wajib diisi."),
                ));
            }
            if days[..i].iter().any(|d| d.date == day.date) {
                return Err(Error::invalid(
                    "tanggal_ganda",
                    "days",
                    format!(
                        "Baris {row}: tanggal {} sudah tercantum.",
                        words::date(day.date)
                    ),
                ));
            }
        }
        self.in_transaction(|store| {
            let existing: Option<i64> = store
                .conn
                .query_row(
                    "SELECT id FROM holiday_decree WHERE year = ?1 AND title = ?2",
                    params![year, title],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                let mut stored: Vec<(NaiveDate, String, &str)> = store
                    .decree_days(id)?
                    .into_iter()
                    .map(|h| (h.date, h.name, h.kind.code()))
                    .collect();
                let mut given: Vec<(NaiveDate, String, &str)> = days
                    .iter()
                    .map(|d| (d.date, d.name.trim().into(), d.kind.code()))
                    .collect();
                stored.sort();
                given.sort();
                if stored == given {
                    return Ok(id);
                }
                return Err(Error::invalid(
                    "keputusan_sudah_ada",
                    "title",
                    format!("Keputusan \"{title}\" untuk tahun {year} sudah tercatat dengan daftar yang berbeda; catat perubahan sebagai keputusan baru dengan judulnya sendiri."),
                ));
            }
            store.conn.execute(
                "INSERT INTO holiday_decree (year, title, recorded_at) VALUES (?1, ?2, ?3)",
                params![year, title, super::circulars::now()],
            )?;
            let id = store.conn.last_insert_rowid();
            let mut insert = store.conn.prepare_cached(
                "INSERT INTO holiday (date, name, kind, source, decree_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for day in days {
                insert.execute(params![day.date, day.name.trim(), day.kind, title, id])?;
            }
            Ok(id)
        })
    }

    /// Imports a holiday CSV: each (year, decree) in it is recorded as a
    /// decree; all of the file or nothing. Returns the decrees' ids.
    pub fn import_holidays_csv(&mut self, bytes: &[u8]) -> Result<Vec<i64>> {
        let decrees = holidays_from_csv(bytes)?;
        self.in_transaction(|store| {
            decrees
                .iter()
                .map(|DecreeDays { year, title, days }| store.record_decree(*year, title, days))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{holidays_to_csv, HolidayKind};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn off(date: NaiveDate, name: &str) -> NewHoliday {
        NewHoliday {
            date,
            name: name.into(),
            kind: HolidayKind::CutiBersama,
        }
    }

    #[test]
    fn an_amendment_supersedes_the_year_and_keeps_the_history() {
        let mut store = Store::open_in_memory().unwrap();
        let first = vec![
            off(day(2020, 5, 22), "Cuti bersama Idul Fitri"),
            off(day(2020, 12, 24), "Cuti bersama Natal"),
        ];
        store.record_decree(2020, "SKB awal", &first).unwrap();
        let mut second = first.clone();
        second.remove(0);
        second.push(off(day(2020, 12, 28), "Cuti bersama pengganti Idul Fitri"));
        store.record_decree(2020, "SKB perubahan", &second).unwrap();
        store
            .record_decree(2021, "SKB 2021", &[off(day(2021, 1, 1), "Tahun Baru")])
            .unwrap();

        let in_force: Vec<NaiveDate> = store
            .holidays(Some(2020))
            .unwrap()
            .iter()
            .map(|h| h.date)
            .collect();
        assert_eq!(in_force, [day(2020, 12, 24), day(2020, 12, 28)]);
        assert!(store
            .work_calendar()
            .unwrap()
            .is_working_day(day(2020, 5, 22)));
        let history = store.holiday_decrees(Some(2020)).unwrap();
        assert_eq!(history.len(), 2);
        assert!(history[0].in_force && history[0].title == "SKB perubahan");
        assert!(!history[1].in_force);
        assert_eq!(
            history[0].changes,
            [
                "− 22 Mei 2020 Cuti bersama Idul Fitri",
                "+ 28 Desember 2020 Cuti bersama pengganti Idul Fitri"
            ]
        );
        assert_eq!(store.holidays(None).unwrap().len(), 3);
    }

    #[test]
    fn the_same_decree_again_changes_nothing_but_a_different_list_under_its_title_is_refused() {
        let mut store = Store::open_in_memory().unwrap();
        let list = [off(day(2020, 12, 24), "Cuti bersama Natal")];
        let id = store.record_decree(2020, "SKB", &list).unwrap();
        assert_eq!(store.record_decree(2020, "SKB", &list).unwrap(), id);
        let e = store
            .record_decree(2020, "SKB", &[off(day(2020, 12, 31), "Lain")])
            .unwrap_err();
        assert_eq!(e.field(), Some("title"));
        let e = store
            .record_decree(2020, "SKB baru", &[off(day(2021, 1, 1), "Salah tahun")])
            .unwrap_err();
        assert!(e.to_string().contains("Baris 1"), "{e}");
        let e = store.record_decree(2020, "SKB kosong", &[]).unwrap_err();
        assert!(e.to_string().contains("kosong"), "{e}");
        assert_eq!(store.holiday_decrees(None).unwrap().len(), 1);
    }

    #[test]
    fn csv_round_trips_and_a_bad_file_writes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        crate::demo::fill(&mut store).unwrap();
        let csv = holidays_to_csv(&store.holidays(Some(2020)).unwrap());
        let mut other = Store::open_in_memory().unwrap();
        other.import_holidays_csv(csv.as_bytes()).unwrap();
        assert_eq!(
            other.holidays(Some(2020)).unwrap().len(),
            store.holidays(Some(2020)).unwrap().len()
        );
        // A good decree followed by a bad row: nothing of the file is kept.
        let bad = format!("{csv}2021-13-01;Bulan mustahil;libur_nasional;SKB 2021\n");
        assert!(other.import_holidays_csv(bad.as_bytes()).is_err());
        assert!(other.holidays(Some(2021)).unwrap().is_empty());
        assert_eq!(other.holiday_decrees(None).unwrap().len(), 1);
    }
}

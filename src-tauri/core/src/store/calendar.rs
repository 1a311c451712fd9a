//! Holidays in the store, per decree: the latest recorded decree of a year
//! is in force; earlier ones stay as the year's history.

use crate::db::params;
use crate::error::OptionalExtension;
use chrono::{Datelike, NaiveDate};

use super::Store;
use crate::calendar::{
    holidays_from_csv, national_lists, DecreeDays, Holiday, HolidayDecree, HolidayGap, NewHoliday,
    WorkCalendar,
};
use crate::circular::Circular;
use crate::error::{Error, Result};
use crate::office::PaperSize;
use crate::pdf::{self, Preview};
use crate::rules::horizon::default_horizon;
use crate::words;
use crate::ErrorCode;

/// Holidays of the decrees in force (the latest per year).
const IN_FORCE: &str = "SELECT h.id, h.date, h.name, h.kind, d.title FROM holiday h
    JOIN holiday_decree d ON d.id = h.decree_id
    WHERE d.id = (SELECT max(id) FROM holiday_decree WHERE year = d.year)";

fn holiday(r: &crate::db::Row) -> Result<Holiday> {
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
        Ok(rows.collect::<Result<_>>()?)
    }

    /// The calendar in force, for working-day arithmetic.
    pub fn work_calendar(&self) -> Result<WorkCalendar> {
        Ok(WorkCalendar::new(
            self.holidays(None)?.into_iter().map(|h| h.date),
        ))
    }

    /// The warning for a span reaching years without a recorded list.
    pub fn holiday_gap(&self, from: NaiveDate, to: NaiveDate) -> Result<Option<HolidayGap>> {
        Ok(self.work_calendar()?.holiday_gap(from, to))
    }

    /// The editor's preview of `circular`: its pages and warnings, with the
    /// years its period (an open one through its default roster horizon)
    /// reaches without a holiday list.
    pub fn circular_preview(
        &self,
        circular: &Circular,
        paper: PaperSize,
        max_pages: usize,
    ) -> Result<Preview> {
        let mut preview = pdf::preview(circular, paper, max_pages)?;
        if let Some(period) = circular.period {
            let end = period.end.unwrap_or_else(|| default_horizon(period.start));
            preview.holiday_gap = self.holiday_gap(period.start, end)?;
        }
        Ok(preview)
    }

    /// Records the shipped national list ([`national_lists`]) of each year
    /// that has no decree yet, on a new database and on one made by an
    /// earlier version alike. A year with a decree (the shipped one, an
    /// import, an amendment) is left as it is, so a second run writes
    /// nothing and an office's own amendment stays in force.
    pub(super) fn record_national_lists(&mut self) -> Result<()> {
        let listed: Vec<i32> = self
            .conn
            .prepare_cached("SELECT DISTINCT year FROM holiday_decree")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_>>()?;
        let missing: Vec<DecreeDays> = national_lists()
            .into_iter()
            .filter(|d| !listed.contains(&d.year))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        self.in_transaction(|store| {
            for d in &missing {
                store.record_decree(d.year, &d.title, &d.days)?;
            }
            Ok(())
        })
    }

    fn decree_days(&self, decree: i64) -> Result<Vec<Holiday>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.id, h.date, h.name, h.kind, d.title FROM holiday h
             JOIN holiday_decree d ON d.id = h.decree_id WHERE d.id = ?1 ORDER BY h.date",
        )?;
        let rows = stmt.query_map([decree], holiday)?;
        Ok(rows.collect::<Result<_>>()?)
    }

    /// The decrees of a year (all years when `None`), newest first, each
    /// with what it changed against the one before it.
    pub fn holiday_decrees(&self, year: Option<i32>) -> Result<Vec<HolidayDecree>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, year, title, recorded_at FROM holiday_decree
             WHERE (?1 IS NULL OR year = ?1) ORDER BY year DESC, id",
        )?;
        let rows: Vec<(i64, i32, String, String)> = stmt
            .query_map([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_>>()?;
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
                ErrorCode::WajibDiisi,
                "title",
                "Sebutkan keputusan yang menetapkan daftar ini (mis. SKB 3 Menteri Nomor … Tahun …).",
            ));
        }
        if days.is_empty() {
            return Err(Error::invalid(
                ErrorCode::WajibDiisi,
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
                    ErrorCode::TahunBerbeda,
                    "days",
                    format!(
                        "Baris {row}: tanggal {} bukan tahun {year}.",
                        words::date(day.date)
                    ),
                ));
            }
            if day.name.trim().is_empty() {
                return Err(Error::invalid(
                    ErrorCode::WajibDiisi,
                    "days",
                    format!("Baris {row}: nama hari libur wajib diisi."),
                ));
            }
            if days[..i].iter().any(|d| d.date == day.date) {
                return Err(Error::invalid(
                    ErrorCode::TanggalGanda,
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
                    ErrorCode::KeputusanSudahAda,
                    "title",
                    format!("Keputusan \"{title}\" untuk tahun {year} sudah tercatat dengan daftar yang berbeda; catat perubahan sebagai keputusan baru dengan judulnya sendiri."),
                ));
            }
                        let id = store.conn.insert(
                "INSERT INTO holiday_decree (year, title, recorded_at) VALUES (?1, ?2, ?3)",
                params![year, title, super::circulars::now()],
            )?;
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
        let mut store = Store::for_test().unwrap();
        let first = vec![
            off(day(2030, 5, 22), "Cuti bersama Idul Fitri"),
            off(day(2030, 12, 24), "Cuti bersama Natal"),
        ];
        store.record_decree(2030, "SKB awal", &first).unwrap();
        let mut second = first.clone();
        second.remove(0);
        second.push(off(day(2030, 12, 28), "Cuti bersama pengganti Idul Fitri"));
        store.record_decree(2030, "SKB perubahan", &second).unwrap();
        store
            .record_decree(2031, "SKB 2031", &[off(day(2031, 1, 1), "Tahun Baru")])
            .unwrap();

        let in_force: Vec<NaiveDate> = store
            .holidays(Some(2030))
            .unwrap()
            .iter()
            .map(|h| h.date)
            .collect();
        assert_eq!(in_force, [day(2030, 12, 24), day(2030, 12, 28)]);
        assert!(store
            .work_calendar()
            .unwrap()
            .is_working_day(day(2030, 5, 22)));
        let history = store.holiday_decrees(Some(2030)).unwrap();
        assert_eq!(history.len(), 2);
        assert!(history[0].in_force && history[0].title == "SKB perubahan");
        assert!(!history[1].in_force);
        assert_eq!(
            history[0].changes,
            [
                "− 22 Mei 2030 Cuti bersama Idul Fitri",
                "+ 28 Desember 2030 Cuti bersama pengganti Idul Fitri"
            ]
        );
        assert_eq!(store.holidays(Some(2031)).unwrap().len(), 1);
    }

    #[test]
    fn the_same_decree_again_changes_nothing_but_a_different_list_under_its_title_is_refused() {
        let mut store = Store::for_test().unwrap();
        let list = [off(day(2030, 12, 24), "Cuti bersama Natal")];
        let id = store.record_decree(2030, "SKB", &list).unwrap();
        assert_eq!(store.record_decree(2030, "SKB", &list).unwrap(), id);
        let e = store
            .record_decree(2030, "SKB", &[off(day(2030, 12, 31), "Lain")])
            .unwrap_err();
        assert_eq!(e.field(), Some("title"));
        let e = store
            .record_decree(2030, "SKB baru", &[off(day(2031, 1, 1), "Salah tahun")])
            .unwrap_err();
        assert!(e.to_string().contains("Baris 1"), "{e}");
        let e = store.record_decree(2030, "SKB kosong", &[]).unwrap_err();
        assert!(e.to_string().contains("kosong"), "{e}");
        assert_eq!(store.holiday_decrees(Some(2030)).unwrap().len(), 1);
    }

    #[test]
    fn csv_round_trips_and_a_bad_file_writes_nothing() {
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        let csv = holidays_to_csv(&store.holidays(Some(2020)).unwrap());
        let mut other = Store::for_test().unwrap();
        other.import_holidays_csv(csv.as_bytes()).unwrap();
        assert_eq!(
            other.holidays(Some(2020)).unwrap().len(),
            store.holidays(Some(2020)).unwrap().len()
        );
        // A good decree followed by a bad row: nothing of the file is kept.
        let decrees = other.holiday_decrees(None).unwrap().len();
        let bad = format!(
            "{csv}2031-01-01;Tahun Baru;libur_nasional;SKB 2031\n\
             2031-13-01;Bulan mustahil;libur_nasional;SKB 2031\n"
        );
        assert!(other.import_holidays_csv(bad.as_bytes()).is_err());
        assert!(other.holidays(Some(2031)).unwrap().is_empty());
        assert_eq!(other.holiday_decrees(None).unwrap().len(), decrees);
    }

    #[test]
    fn a_new_database_holds_the_national_lists_and_opening_again_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edaran.db");
        let store = Store::open(&path).unwrap();
        let decrees = store.holiday_decrees(None).unwrap();
        let years: Vec<i32> = decrees.iter().map(|d| d.year).collect();
        assert_eq!(years, [2026, 2025, 2024, 2023, 2022, 2021, 2020]);
        assert!(decrees.iter().all(|d| d.in_force));
        let calendar = store.work_calendar().unwrap();
        assert!(!calendar.is_working_day(day(2024, 4, 10)));
        assert!(!calendar.is_working_day(day(2026, 12, 25)));
        drop(store);
        let again = Store::open(&path).unwrap();
        assert_eq!(again.holiday_decrees(None).unwrap(), decrees);
    }

    #[test]
    fn an_older_database_gets_the_missing_years_and_keeps_its_own_decrees() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edaran.db");
        let mut store = Store::open(&path).unwrap();
        // As an earlier version left it: only 2020, and 2025 as the office
        // imported it under its own title.
        store
            .conn
            .execute_batch(
                "DELETE FROM holiday WHERE decree_id IN (SELECT id FROM holiday_decree WHERE year > 2020);
                 DELETE FROM holiday_decree WHERE year > 2020;",
            )
            .unwrap();
        store
            .record_decree(
                2025,
                "Impor kantor 2025",
                &[off(day(2025, 1, 2), "Libur daerah")],
            )
            .unwrap();
        drop(store);

        let store = Store::open(&path).unwrap();
        assert_eq!(store.holidays(Some(2024)).unwrap().len(), 29);
        let own = store.holidays(Some(2025)).unwrap();
        assert_eq!(own.len(), 1);
        assert_eq!(own[0].source, "Impor kantor 2025");
        assert_eq!(store.holiday_decrees(Some(2025)).unwrap().len(), 1);
    }

    #[test]
    fn an_amendment_supersedes_a_shipped_list() {
        let mut store = Store::for_test().unwrap();
        let mut days: Vec<NewHoliday> = store
            .holidays(Some(2026))
            .unwrap()
            .into_iter()
            .map(|h| NewHoliday {
                date: h.date,
                name: h.name,
                kind: h.kind,
            })
            .collect();
        days.push(off(day(2026, 12, 31), "Cuti bersama Tahun Baru"));
        store
            .record_decree(2026, "SKB perubahan 2026", &days)
            .unwrap();
        assert!(!store
            .work_calendar()
            .unwrap()
            .is_working_day(day(2026, 12, 31)));
        let history = store.holiday_decrees(Some(2026)).unwrap();
        assert_eq!(history.len(), 2);
        assert!(history[0].in_force && history[0].title == "SKB perubahan 2026");
        assert_eq!(
            history[0].changes,
            ["+ 31 Desember 2026 Cuti bersama Tahun Baru"]
        );
        // Opening again leaves the amendment in force.
        store.record_national_lists().unwrap();
        assert_eq!(store.holiday_decrees(Some(2026)).unwrap(), history);
    }

    #[test]
    fn beranda_and_the_editor_name_the_years_without_a_list() {
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        assert_eq!(store.dashboard(day(2026, 6, 1)).unwrap().holiday_gap, None);
        let gap = store
            .dashboard(day(2028, 3, 1))
            .unwrap()
            .holiday_gap
            .unwrap();
        assert_eq!(gap.years, [2028]);

        let id = store.circulars().unwrap()[0].id;
        let mut doc = store.circular(id).unwrap().document;
        doc.period = Some(crate::circular::Period {
            start: day(2027, 12, 1),
            end: Some(day(2028, 1, 31)),
        });
        let preview = store.circular_preview(&doc, PaperSize::F4, 1).unwrap();
        assert_eq!(preview.holiday_gap.unwrap().years, [2027, 2028]);
        doc.period = Some(crate::circular::Period {
            start: day(2026, 12, 1),
            end: None,
        });
        // Open-ended: counted through its default roster horizon (28 Feb 2027).
        let preview = store.circular_preview(&doc, PaperSize::F4, 1).unwrap();
        assert_eq!(preview.holiday_gap.unwrap().years, [2027]);
    }
}

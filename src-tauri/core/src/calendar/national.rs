//! The national lists shipped with Edaran: each year's *libur nasional* and
//! *cuti bersama* from 2020 to the latest year decided, as the decree in
//! force at release (its last amendment) set them, in the holiday CSV format.
//!
//! Checked against published copies of each SKB and its amendments; 2024
//! also holds the two polling days set by Keppres. 2027 is not listed: its
//! SKB had not been seen when this list was made. Years after the last
//! listed one are imported on the Kalender page, and Edaran warns until then.

use super::{holidays_from_csv, DecreeDays};

const NATIONAL_CSV: &str = include_str!("national.csv");

/// The shipped decrees, one per year, oldest first.
pub fn national_lists() -> Vec<DecreeDays> {
    holidays_from_csv(NATIONAL_CSV.as_bytes()).expect("the shipped holiday list reads")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::HolidayKind;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn every_year_from_2020_to_2026_has_one_decree_named_by_its_number() {
        let lists = national_lists();
        let years: Vec<i32> = lists.iter().map(|d| d.year).collect();
        assert_eq!(years, (2020..=2026).collect::<Vec<_>>());
        for decree in &lists {
            assert!(decree.days.iter().all(|d| d.date.year() == decree.year));
            if decree.year > 2020 {
                assert!(
                    decree.title.contains(&format!(
                        "Hari Libur Nasional dan Cuti Bersama Tahun {}",
                        decree.year
                    )) && decree.title.contains("Nomor"),
                    "{}",
                    decree.title
                );
            }
        }
    }

    #[test]
    fn idul_fitri_2024_and_christmas_2026_are_listed() {
        let lists = national_lists();
        let find = |y: i32, m: u32, d: u32| {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            lists
                .iter()
                .flat_map(|l| &l.days)
                .find(|h| h.date == date)
                .map(|h| (h.name.as_str(), h.kind))
        };
        assert_eq!(
            find(2024, 4, 10),
            Some((
                "Hari Raya Idul Fitri 1445 Hijriah",
                HolidayKind::LiburNasional
            ))
        );
        assert_eq!(
            find(2024, 4, 15).map(|h| h.1),
            Some(HolidayKind::CutiBersama)
        );
        assert_eq!(
            find(2026, 12, 25).map(|h| h.1),
            Some(HolidayKind::LiburNasional)
        );
        assert_eq!(
            find(2026, 12, 24).map(|h| h.1),
            Some(HolidayKind::CutiBersama)
        );
        // The 2025 amendment's extra day for the 80th Independence Day.
        assert_eq!(
            find(2025, 8, 18).map(|h| h.1),
            Some(HolidayKind::CutiBersama)
        );
    }
}

//! Working-day arithmetic: Monday to Friday, minus the holidays in force.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::HolidayGap;

/// The days off in force, asked "is this a working day?" and counted over.
#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    holidays: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> WorkCalendar {
        WorkCalendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.contains(&date)
    }

    pub fn is_weekend(date: NaiveDate) -> bool {
        matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !Self::is_weekend(date) && !self.is_holiday(date)
    }

    /// Working days from `from` to `to`, both included (0 when `to < from`).
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to < from {
            return 0;
        }
        let days = (to - from).num_days() + 1;
        let (weeks, rest) = (days / 7, days % 7);
        let mut count = weeks * 5;
        let mut day = from + Days::new((weeks * 7) as u64);
        for _ in 0..rest {
            count += i64::from(!Self::is_weekend(day));
            day = day + Days::new(1);
        }
        let off = self
            .holidays
            .range(from..=to)
            .filter(|d| !Self::is_weekend(**d))
            .count() as i64;
        (count - off) as u32
    }

    /// The `n`-th working day counting from `start` (itself counted when it
    /// is one); `n` is at least 1.
    pub fn nth_working_day(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut left = n.max(1);
        let mut day = start;
        loop {
            if self.is_working_day(day) {
                left -= 1;
                if left == 0 {
                    return day;
                }
            }
            day = day + Days::new(1);
        }
    }

    /// The years from `from` to `to` (both included) without a recorded
    /// list: a decree always sets at least one day, so a year without any
    /// day off has none.
    pub fn unlisted_years(&self, from: NaiveDate, to: NaiveDate) -> Vec<i32> {
        (from.year()..=to.year().max(from.year()))
            .filter(|&year| {
                let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January");
                let last = NaiveDate::from_ymd_opt(year, 12, 31).expect("31 December");
                self.holidays.range(first..=last).next().is_none()
            })
            .collect()
    }

    /// The warning for counting over years without a list, if any.
    pub fn holiday_gap(&self, from: NaiveDate, to: NaiveDate) -> Option<HolidayGap> {
        HolidayGap::of(self.unlisted_years(from, to))
    }

    /// `date`, or the first day after it that is not a holiday (weekends are
    /// allowed: a period may start on a Saturday, not on Idul Fitri).
    pub fn first_non_holiday(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while self.is_holiday(day) {
            day = day + Days::new(1);
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::national_lists;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn shipped() -> WorkCalendar {
        WorkCalendar::new(
            national_lists()
                .into_iter()
                .flat_map(|l| l.days)
                .map(|h| h.date),
        )
    }

    fn calendar_2020() -> WorkCalendar {
        WorkCalendar::new(shipped().holidays.into_iter().filter(|d| d.year() == 2020))
    }

    #[test]
    fn counts_working_days_across_the_idul_fitri_week_of_2020() {
        let cal = calendar_2020();
        // 18–29 May 2020: ten weekdays, minus Ascension (21st) and Idul Fitri
        // Monday (25th); the 24th is a Sunday anyway.
        assert_eq!(cal.working_days(day(2020, 5, 18), day(2020, 5, 29)), 8);
        assert_eq!(cal.working_days(day(2020, 5, 21), day(2020, 5, 25)), 1);
        assert_eq!(cal.working_days(day(2020, 5, 30), day(2020, 5, 29)), 0);
        assert!(!cal.is_working_day(day(2020, 5, 25)));
        assert!(cal.is_working_day(day(2020, 5, 26)));
    }

    #[test]
    fn counting_by_weeks_agrees_with_counting_day_by_day() {
        let cal = calendar_2020();
        let start = day(2020, 1, 1);
        for len in 0..400u64 {
            let end = start + Days::new(len);
            let slow = start
                .iter_days()
                .take_while(|d| *d <= end)
                .filter(|d| cal.is_working_day(*d))
                .count() as u32;
            assert_eq!(cal.working_days(start, end), slow, "until {end}");
        }
    }

    #[test]
    fn finds_the_nth_working_day_and_skips_holidays_for_a_start() {
        let cal = calendar_2020();
        // From Wednesday 20 May: 20, 22, 26, 27, 28 May.
        assert_eq!(cal.nth_working_day(day(2020, 5, 20), 5), day(2020, 5, 28));
        assert_eq!(cal.nth_working_day(day(2020, 5, 23), 1), day(2020, 5, 26));
        assert_eq!(cal.first_non_holiday(day(2020, 5, 24)), day(2020, 5, 26));
        assert_eq!(cal.first_non_holiday(day(2020, 5, 23)), day(2020, 5, 23));
        // Leap day 2024 is a Thursday and a working day.
        let plain = WorkCalendar::default();
        assert!(plain.is_working_day(day(2024, 2, 29)));
        assert_eq!(plain.nth_working_day(day(2024, 2, 28), 2), day(2024, 2, 29));
    }

    #[test]
    fn the_shipped_lists_keep_idul_fitri_2024_and_christmas_2026_off() {
        let cal = shipped();
        // Idul Fitri 1445 H: 10–11 April 2024, cuti bersama 8, 9, 12 and 15 April.
        for d in [8, 9, 10, 11, 12, 15] {
            assert!(!cal.is_working_day(day(2024, 4, d)), "{d} April 2024");
        }
        assert_eq!(cal.working_days(day(2024, 4, 8), day(2024, 4, 19)), 4);
        assert!(!cal.is_working_day(day(2026, 12, 25)));
        assert!(!cal.is_working_day(day(2026, 12, 24)));
        // 21 Dec 2026 – 8 Jan 2027: 15 weekdays, minus 24 and 25 Dec 2026;
        // 1 Jan 2027 still counts, 2027 having no list yet (hence the warning).
        assert_eq!(cal.working_days(day(2026, 12, 21), day(2027, 1, 8)), 13);
    }

    #[test]
    fn years_without_a_list_are_named_in_the_warning() {
        let cal = shipped();
        assert_eq!(cal.holiday_gap(day(2026, 1, 5), day(2026, 12, 31)), None);
        assert_eq!(
            cal.unlisted_years(day(2026, 12, 1), day(2028, 2, 1)),
            [2027, 2028]
        );
        let gap = cal.holiday_gap(day(2028, 3, 1), day(2028, 6, 30)).unwrap();
        assert_eq!(gap.years, [2028]);
        assert_eq!(
            gap.message,
            "Daftar hari libur tahun 2028 belum dicatat; hari kerja dihitung tanpa hari libur. \
             Impor daftar di halaman Kalender."
        );
        let two = cal.holiday_gap(day(2027, 12, 1), day(2028, 1, 31)).unwrap();
        assert!(
            two.message.contains("tahun 2027 dan 2028"),
            "{}",
            two.message
        );
    }
}

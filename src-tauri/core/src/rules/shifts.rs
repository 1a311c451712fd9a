//! Kerja bergiliran (shift): a picket rule's staff split into groups, each
//! in the office on the days of its pattern — "Kelompok A hari Senin, Rabu
//! dan Jumat; Kelompok B hari Selasa dan Kamis", odd/even dates, or
//! alternating weeks of the period.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::vocab::vocabulary;
use crate::words;
use crate::ErrorCode;

vocabulary!(
    /// A working day of the week.
    WorkDay, "Hari kerja" {
        Senin => "senin", "Senin";
        Selasa => "selasa", "Selasa";
        Rabu => "rabu", "Rabu";
        Kamis => "kamis", "Kamis";
        Jumat => "jumat", "Jumat";
    }
);

impl WorkDay {
    fn weekday(self) -> Weekday {
        match self {
            WorkDay::Senin => Weekday::Mon,
            WorkDay::Selasa => Weekday::Tue,
            WorkDay::Rabu => Weekday::Wed,
            WorkDay::Kamis => Weekday::Thu,
            WorkDay::Jumat => Weekday::Fri,
        }
    }
}

vocabulary!(
    /// Which days a group is in the office.
    DayPattern, "Pola hari" {
        HariTertentu => "hari_tertentu", "Hari tertentu setiap minggu";
        TanggalGanjil => "tanggal_ganjil", "Tanggal ganjil";
        TanggalGenap => "tanggal_genap", "Tanggal genap";
        MingguGanjil => "minggu_ganjil", "Minggu ganjil (minggu ke-1, ke-3, … periode)";
        MingguGenap => "minggu_genap", "Minggu genap (minggu ke-2, ke-4, … periode)";
    }
);

vocabulary!(
    /// How the staff of a picket unit are divided into the groups.
    Grouping, "Pembagian kelompok" {
        Bergantian => "bergantian", "Bergantian dalam setiap unit (menurut urutan NIP)";
        PerUnit => "per_unit", "Per unit kerja (seluruh pegawai unit dalam kelompok yang sama)";
    }
);

// The vocabulary macro declares the enum, so `#[default]` cannot be put on a variant.
#[allow(clippy::derivable_impls)]
impl Default for Grouping {
    fn default() -> Self {
        Grouping::Bergantian
    }
}

/// One shift group and the days it works in the office.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct ShiftGroup {
    /// `A`, `B`, `I`…: printed as "Kelompok A".
    pub name: String,
    pub pattern: DayPattern,
    /// The weekdays, for [`DayPattern::HariTertentu`] only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub weekdays: Vec<WorkDay>,
}

impl ShiftGroup {
    /// In the office on `day` of a period starting on `start`. Weeks count
    /// from the week (Monday to Sunday) holding the first day.
    pub fn works_on(&self, day: NaiveDate, start: NaiveDate) -> bool {
        let week = || {
            let monday = start - chrono::Days::new(start.weekday().num_days_from_monday().into());
            (day - monday).num_days().div_euclid(7) + 1
        };
        match self.pattern {
            DayPattern::HariTertentu => self.weekdays.iter().any(|w| w.weekday() == day.weekday()),
            DayPattern::TanggalGanjil => day.day() % 2 == 1,
            DayPattern::TanggalGenap => day.day().is_multiple_of(2),
            DayPattern::MingguGanjil => week() % 2 == 1,
            DayPattern::MingguGenap => week() % 2 == 0,
        }
    }

    /// `hari Senin, Rabu, dan Jumat`, `tanggal ganjil`, `minggu genap periode`.
    pub fn days_phrase(&self) -> String {
        match self.pattern {
            DayPattern::HariTertentu => {
                let days: Vec<&str> = self.weekdays.iter().map(|w| w.label()).collect();
                format!("hari {}", words::list(&days))
            }
            DayPattern::TanggalGanjil => "tanggal ganjil".into(),
            DayPattern::TanggalGenap => "tanggal genap".into(),
            DayPattern::MingguGanjil => "minggu ganjil (minggu ke-1, ke-3, dan seterusnya)".into(),
            DayPattern::MingguGenap => "minggu genap (minggu ke-2, ke-4, dan seterusnya)".into(),
        }
    }
}

/// Checks a picket rule's groups: named, each name once, days for
/// `hari_tertentu` and only for it.
pub fn validate(groups: &[ShiftGroup]) -> Result<()> {
    let bad = |code, message: String| Err(Error::invalid(code, "picket.groups", message));
    if groups.len() == 1 {
        return bad(
            ErrorCode::KelompokTunggal,
            "Kerja bergiliran memerlukan sedikitnya 2 (dua) kelompok.".into(),
        );
    }
    for (i, g) in groups.iter().enumerate() {
        let row = i + 1;
        if g.name.trim().is_empty() {
            return bad(
                ErrorCode::KelompokTanpaNama,
                format!("Kelompok ke-{row}: nama kelompok kosong (misalnya A atau B)."),
            );
        }
        if groups[..i]
            .iter()
            .any(|o| o.name.trim().eq_ignore_ascii_case(g.name.trim()))
        {
            return bad(
                ErrorCode::KelompokGanda,
                format!(
                    "Kelompok ke-{row}: nama \"{}\" sudah dipakai.",
                    g.name.trim()
                ),
            );
        }
        match (g.pattern, g.weekdays.is_empty()) {
            (DayPattern::HariTertentu, true) => {
                return bad(
                    ErrorCode::KelompokTanpaHari,
                    format!("Kelompok {}: pilih sedikitnya satu hari kerja.", g.name.trim()),
                )
            }
            (DayPattern::HariTertentu, false) | (_, true) => {}
            (p, false) => {
                return bad(
                    ErrorCode::KelompokHariBerlebih,
                    format!(
                        "Kelompok {}: pola \"{}\" tidak memakai daftar hari; kosongkan harinya atau pilih \"{}\".",
                        g.name.trim(),
                        p.label(),
                        DayPattern::HariTertentu.label()
                    ),
                )
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, m, d).unwrap()
    }

    fn group(pattern: DayPattern, weekdays: &[WorkDay]) -> ShiftGroup {
        ShiftGroup {
            name: "A".into(),
            pattern,
            weekdays: weekdays.to_vec(),
        }
    }

    #[test]
    fn patterns_pick_weekdays_dates_and_weeks_of_the_period() {
        let mwf = group(
            DayPattern::HariTertentu,
            &[WorkDay::Senin, WorkDay::Rabu, WorkDay::Jumat],
        );
        // 6 July 2020 is a Monday.
        let week: Vec<bool> = (6..=10)
            .map(|d| mwf.works_on(day(7, d), day(7, 6)))
            .collect();
        assert_eq!(week, [true, false, true, false, true]);
        assert_eq!(mwf.days_phrase(), "hari Senin, Rabu, dan Jumat");
        let odd = group(DayPattern::TanggalGanjil, &[]);
        assert!(odd.works_on(day(7, 7), day(7, 6)) && !odd.works_on(day(7, 8), day(7, 6)));
        // A period starting on Wednesday 8 July: its first week runs to 12 July.
        let first = group(DayPattern::MingguGanjil, &[]);
        let second = group(DayPattern::MingguGenap, &[]);
        assert!(first.works_on(day(7, 10), day(7, 8)));
        assert!(second.works_on(day(7, 13), day(7, 8)));
        assert!(first.works_on(day(7, 20), day(7, 8)));
    }

    #[test]
    fn groups_are_checked_with_their_position_and_name() {
        let a = group(DayPattern::TanggalGanjil, &[]);
        let message = |groups: &[ShiftGroup]| validate(groups).unwrap_err().to_string();
        assert!(message(std::slice::from_ref(&a)).contains("sedikitnya 2 (dua) kelompok"));
        assert!(
            message(&[a.clone(), a.clone()]).contains("Kelompok ke-2: nama \"A\" sudah dipakai")
        );
        let mut b = group(DayPattern::HariTertentu, &[]);
        b.name = "B".into();
        assert!(message(&[a.clone(), b.clone()]).contains("Kelompok B: pilih sedikitnya satu hari"));
        b.pattern = DayPattern::TanggalGenap;
        b.weekdays = vec![WorkDay::Senin];
        assert!(message(&[a.clone(), b.clone()]).contains("tidak memakai daftar hari"));
        b.weekdays.clear();
        assert!(validate(&[a, b]).is_ok());
    }
}

//! Kalender kerja: national holidays (*libur nasional*) and *cuti bersama*,
//! each a dated record of the decree that set it; amendments are new
//! decrees that supersede the year's earlier one.

mod csv;
mod national;
mod workdays;

pub use csv::{holidays_from_csv, holidays_to_csv, DecreeDays};
pub use national::national_lists;
pub use workdays::WorkCalendar;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::vocab::vocabulary;

vocabulary!(
    /// Why a day is off.
    HolidayKind, "Jenis hari libur" {
        LiburNasional => "libur_nasional", "Libur Nasional";
        CutiBersama => "cuti_bersama", "Cuti Bersama";
    }
);

/// A day off as a decree lists it (before it is stored).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct NewHoliday {
    pub date: NaiveDate,
    pub name: String,
    pub kind: HolidayKind,
}

/// A decree that set a year's holidays, and how it changed the list before it.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct HolidayDecree {
    pub id: i64,
    pub year: i32,
    pub title: String,
    pub recorded_at: String,
    /// The latest decree of its year: its list is the one in force.
    pub in_force: bool,
    pub days: usize,
    /// What it changed against the year's previous decree, e.g.
    /// `+ 28 Desember 2020 Cuti bersama …` / `− 22 Mei 2020 …`.
    pub changes: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Holiday {
    pub id: i64,
    pub date: NaiveDate,
    pub name: String,
    pub kind: HolidayKind,
    /// The decree that set it, e.g. the joint decree of three ministers.
    pub source: String,
}

/// Years of a span whose holidays are not recorded: their working days are
/// counted as if no day were off, so every page counting over them says so.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct HolidayGap {
    pub years: Vec<i32>,
    /// e.g. "Daftar hari libur tahun 2028 belum dicatat; …"
    pub message: String,
}

impl HolidayGap {
    /// `None` when every year has a list.
    pub fn of(years: Vec<i32>) -> Option<HolidayGap> {
        if years.is_empty() {
            return None;
        }
        let named: Vec<String> = years.iter().map(i32::to_string).collect();
        let message = format!(
            "Daftar hari libur tahun {} belum dicatat; hari kerja dihitung tanpa hari libur. \
             Impor daftar di halaman Kalender.",
            crate::words::list(&named)
        );
        Some(HolidayGap { years, message })
    }
}

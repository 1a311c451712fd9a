//! Kalender kerja: national holidays (*libur nasional*) and *cuti bersama*,
//! each a dated record of the decree that set it; amendments are new
//! decrees that supersede the year's earlier one.

mod csv;
mod workdays;

pub use csv::{holidays_from_csv, holidays_to_csv, DecreeDays};
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
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NewHoliday {
    pub date: NaiveDate,
    pub name: String,
    pub kind: HolidayKind,
}

/// A decree that set a year's holidays, and how it changed the list before it.
#[derive(Debug, Clone, Serialize, PartialEq)]
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

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Holiday {
    pub id: i64,
    pub date: NaiveDate,
    pub name: String,
    pub kind: HolidayKind,
    /// The decree that set it, e.g. the joint decree of three ministers.
    pub source: String,
}

/// Source recorded for the 2020 list shipped with the demo office.
pub const SOURCE_2020: &str =
    "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama Tahun 2020 (perubahan terakhir)";

/// The final 2020 list (after the year's four amendments): (month, day, name, kind).
pub const NATIONAL_2020: [(u32, u32, &str, HolidayKind); 21] = {
    use HolidayKind::{CutiBersama as C, LiburNasional as L};
    [
        (1, 1, "Tahun Baru 2020 Masehi", L),
        (1, 25, "Tahun Baru Imlek 2571 Kongzili", L),
        (3, 22, "Isra Mikraj Nabi Muhammad SAW", L),
        (3, 25, "Hari Suci Nyepi Tahun Baru Saka 1942", L),
        (4, 10, "Wafat Isa Almasih", L),
        (5, 1, "Hari Buruh Internasional", L),
        (5, 7, "Hari Raya Waisak 2564", L),
        (5, 21, "Kenaikan Isa Almasih", L),
        (5, 24, "Hari Raya Idul Fitri 1441 Hijriah", L),
        (5, 25, "Hari Raya Idul Fitri 1441 Hijriah", L),
        (6, 1, "Hari Lahir Pancasila", L),
        (7, 31, "Hari Raya Idul Adha 1441 Hijriah", L),
        (8, 17, "Hari Kemerdekaan Republik Indonesia", L),
        (8, 20, "Tahun Baru Islam 1442 Hijriah", L),
        (8, 21, "Cuti bersama Tahun Baru Islam", C),
        (10, 28, "Cuti bersama Maulid Nabi Muhammad SAW", C),
        (10, 29, "Maulid Nabi Muhammad SAW", L),
        (10, 30, "Cuti bersama Maulid Nabi Muhammad SAW", C),
        (12, 24, "Cuti bersama Hari Raya Natal", C),
        (12, 25, "Hari Raya Natal", L),
        (12, 31, "Cuti bersama pengganti Hari Raya Idul Fitri", C),
    ]
};

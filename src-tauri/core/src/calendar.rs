//! Kalender kerja: national holidays (*libur nasional*) and *cuti bersama*,
//! each a dated record with the decree it comes from.

use chrono::NaiveDate;
use serde::Serialize;

use crate::vocab::vocabulary;

vocabulary!(
    /// Why a day is off.
    HolidayKind, "Jenis hari libur" {
        LiburNasional => "libur_nasional", "Libur Nasional";
        CutiBersama => "cuti_bersama", "Cuti Bersama";
    }
);

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

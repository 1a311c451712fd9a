//! Aturan sistem kerja: the structured rules a circular attaches (who stays
//! in the office, the picket rotation, exempt agencies, personal
//! exceptions), and what follows from them — each employee's status on a
//! day with the deciding rule ([`status`]), the office roster ([`roster`]),
//! the conflicts to settle before issuing ([`conflicts`]) and the clause
//! text of each rule ([`clauses`]).

pub mod annexes;
pub mod clauses;
pub mod conflicts;
pub mod export;
pub mod horizon;
pub mod roster;
pub mod shifts;
pub mod status;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_attendance;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::absence::Absence;
use crate::agency::{Agency, AgencyKind, Unit, UnitKind};
use crate::employee::{Employee, EmploymentKind};
use crate::error::{Error, Result};
use crate::vocab::vocabulary;
use crate::words;
use crate::ErrorCode;

pub use conflicts::{Conflict, ConflictKind};

pub use annexes::{EXCEPTION_ANNEX, GROUPS_ANNEX, RULE_ANNEXES, SHARE_ANNEX};
pub use roster::{Assignment, AssignmentSource, PoolLoad, Roster, RosterEdit};
pub use shifts::{DayPattern, Grouping, ShiftGroup, WorkDay};
pub use status::{Decision, Engine, Status};

/// Every rule a circular carries; all parts are optional, so documents and
/// exchange files written before rules existed still load.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(default)]
pub struct Rules {
    /// The top N structural levels (eselon levels actually filled in each
    /// agency) stay in the office every working day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub top_levels: Option<u8>,
    /// Agency kind → eselon levels (2 = II, 3 = III, …) that stay in the office.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub eselon_by_kind: Vec<KindLevels>,
    /// A minimum head-count per unit per working day, filled by rotation.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub picket: Option<Picket>,
    /// At most this percentage of an agency's staff in the office on a day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub max_share_percent: Option<u8>,
    /// At least this percentage of an agency's staff in the office on a
    /// working day; the roster adds people from the rotation to reach it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub min_share_percent: Option<u8>,
    /// Agencies that keep normal office work, by id or name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub exempt_agencies: Vec<AgencyRef>,
    /// Agency kinds that keep normal office work (e.g. all Puskesmas).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub exempt_kinds: Vec<AgencyKind>,
    /// Individual people kept at home or kept in the office.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub exceptions: Vec<PersonalException>,
}

/// One row of the table *agency kind → eselon levels in the office*.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct KindLevels {
    pub kind: AgencyKind,
    /// Eselon levels: 2 (II), 3 (III), 4 (IV), 5 (V).
    pub levels: Vec<u8>,
}

/// The picket rule: every unit of the given kinds has at least `per_day`
/// of its staff (its own and its sub-units') in the office each working day.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct Picket {
    pub per_day: u32,
    /// Unit kinds the rule applies to; empty = every top-level unit.
    #[serde(default)]
    pub unit_kinds: Vec<UnitKind>,
    /// Staff categories that may be scheduled; empty = all.
    #[serde(default)]
    pub categories: Vec<EmploymentKind>,
    /// Agencies the rule applies to; empty = every agency not exempt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub agencies: Vec<AgencyRef>,
    /// Shift groups (*kerja bergiliran*): when given, each group of a unit
    /// is in the office on its pattern's days, and `per_day` is the least
    /// a unit may have on a day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub groups: Vec<ShiftGroup>,
    #[serde(default, skip_serializing_if = "is_default")]
    #[ts(as = "Option<_>", optional)]
    pub grouping: Grouping,
    /// Nobody is rostered more working days in a row than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub max_consecutive: Option<u32>,
}

fn is_default(g: &Grouping) -> bool {
    *g == Grouping::default()
}

/// An agency named by its id (local to one database) or its name (travels
/// in exchange files).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(untagged)]
pub enum AgencyRef {
    Id(i64),
    Name(String),
}

impl AgencyRef {
    pub fn matches(&self, agency: &Agency) -> bool {
        match self {
            AgencyRef::Id(id) => *id == agency.id,
            AgencyRef::Name(name) => {
                let name = name.trim();
                agency.name.eq_ignore_ascii_case(name)
                    || (!agency.short_name.is_empty()
                        && agency.short_name.eq_ignore_ascii_case(name))
            }
        }
    }
}

vocabulary!(
    /// Where a personal exception keeps someone.
    Placement, "Penempatan pengecualian" {
        DiRumah => "di_rumah", "Tetap di rumah";
        DiKantor => "di_kantor", "Tetap di kantor";
    }
);

vocabulary!(
    /// Why a person is kept at home or in the office.
    ExceptionReason, "Alasan pengecualian" {
        Komorbid => "komorbid", "memiliki penyakit penyerta (komorbid)";
        Hamil => "hamil", "sedang hamil";
        Usia50Sakit => "usia_50_sakit", "berusia di atas 50 tahun dan memiliki penyakit";
        Karantina => "karantina", "menjalani karantina";
        LayananEsensial => "layanan_esensial", "menjalankan layanan esensial";
        Lainnya => "lainnya", "alasan lain";
    }
);

/// A person kept at home or in the office, from `from` to `to` (inclusive;
/// open ends follow the circular's period).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct PersonalException {
    pub nip: String,
    pub placement: Placement,
    pub reason: ExceptionReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub to: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub note: String,
}

impl PersonalException {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }

    /// `tetap di rumah karena sedang hamil (13 Mei 2020 s.d. 20 Mei 2020)`.
    pub fn describe(&self) -> String {
        let span = match (self.from, self.to) {
            (None, None) => String::new(),
            (f, t) => format!(
                " ({} s.d. {})",
                f.map(words::date).unwrap_or_else(|| "awal periode".into()),
                t.map(words::date).unwrap_or_else(|| "akhir periode".into())
            ),
        };
        let note = if self.note.trim().is_empty() {
            String::new()
        } else {
            format!(", {}", self.note.trim())
        };
        format!(
            "{} karena {}{note}{span}",
            self.placement.label().to_lowercase(),
            self.reason.label()
        )
    }
}

impl Rules {
    pub fn is_empty(&self) -> bool {
        self == &Rules::default()
    }

    /// Checks values a form can get wrong; the first problem is returned.
    pub fn validate(&self) -> Result<()> {
        let bad = |code, message: String| Err(Error::invalid(code, "rules", message));
        if self.top_levels == Some(0) {
            return bad(
                ErrorCode::LevelNol,
                "Jumlah level struktural tertinggi sedikitnya 1 (satu).".into(),
            );
        }
        for row in &self.eselon_by_kind {
            if let Some(l) = row.levels.iter().find(|l| !(2..=5).contains(*l)) {
                return bad(
                    ErrorCode::EselonTidakDikenal,
                    format!(
                        "Level eselon {l} untuk {} tidak dikenal; pilihan 2 (II) sampai 5 (V).",
                        row.kind.label()
                    ),
                );
            }
        }
        if let Some(p) = &self.picket {
            if p.per_day == 0 {
                return bad(
                    ErrorCode::PiketNol,
                    "Jumlah pegawai piket per hari sedikitnya 1 (satu) orang.".into(),
                );
            }
            if p.max_consecutive == Some(0) {
                return bad(
                    ErrorCode::BerturutNol,
                    "Batas hari piket berturut-turut sedikitnya 1 (satu) hari.".into(),
                );
            }
            shifts::validate(&p.groups)?;
        }
        for (share, what) in [
            (self.max_share_percent, "paling banyak"),
            (self.min_share_percent, "paling sedikit"),
        ] {
            if let Some(share) = share.filter(|s| !(1..=100).contains(s)) {
                return bad(
                    ErrorCode::PersentaseTidakSah,
                    format!(
                        "Batas {what} pegawai di kantor {share}% tidak sah; pilih 1 sampai 100%."
                    ),
                );
            }
        }
        if let (Some(min), Some(max)) = (self.min_share_percent, self.max_share_percent) {
            if min > max {
                return bad(
                    ErrorCode::KuotaTerbalik,
                    format!("Batas paling sedikit ({min}%) melebihi batas paling banyak ({max}%) pegawai di kantor."),
                );
            }
        }
        for e in &self.exceptions {
            if let (Some(f), Some(t)) = (e.from, e.to) {
                if t < f {
                    return bad(
                        ErrorCode::PeriodeTerbalik,
                        format!(
                            "Pengecualian NIP {}: “Sampai” ({}) sebelum “Mulai” ({}).",
                            e.nip,
                            words::date(t),
                            words::date(f)
                        ),
                    );
                }
            }
        }
        self.no_double_exceptions()
    }

    /// The same person twice on a common day would leave one entry unused:
    /// refused with both rows (1-based, as the form lists them).
    fn no_double_exceptions(&self) -> Result<()> {
        let span = |e: &PersonalException| {
            (
                e.from.unwrap_or(NaiveDate::MIN),
                e.to.unwrap_or(NaiveDate::MAX),
            )
        };
        for (j, b) in self.exceptions.iter().enumerate() {
            let earlier = self.exceptions[..j].iter().position(|a| {
                let ((af, at), (bf, bt)) = (span(a), span(b));
                a.nip.trim() == b.nip.trim() && af <= bt && bf <= at
            });
            if let Some(i) = earlier {
                return Err(Error::invalid(
                    ErrorCode::NipGanda,
                    "exceptions",
                    format!(
                        "Pengecualian baris {} dan {}: NIP {} tercantum dua kali untuk hari yang sama; gabungkan keduanya atau bedakan tanggalnya.",
                        i + 1,
                        j + 1,
                        b.nip.trim()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Why `agency` is exempt, if it is: `Some(true)` by name, `Some(false)` by kind.
    pub fn exempt_by_name(&self, agency: &Agency) -> Option<bool> {
        if self.exempt_agencies.iter().any(|r| r.matches(agency)) {
            Some(true)
        } else if self.exempt_kinds.contains(&agency.kind) {
            Some(false)
        } else {
            None
        }
    }
}

/// The office as the rules see it: agencies, units and staff.
#[derive(Debug, Clone, Default)]
pub struct Workforce {
    pub agencies: Vec<Agency>,
    pub units: Vec<Unit>,
    pub employees: Vec<Employee>,
    /// Leave, sickness, official travel: days nobody may roster.
    pub absences: Vec<Absence>,
}

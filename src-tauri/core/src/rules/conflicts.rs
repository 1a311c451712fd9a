//! Konflik: what must be settled before a circular is issued — a unit too
//! small for the picket minimum, an agency exempt and targeted at once, an
//! exception outside the period, an agency left empty, fewer structural
//! levels than the rule asks for. Overlapping circulars are found by the
//! store, which sees the other circulars.

use chrono::NaiveDate;
use serde::Serialize;

use super::status::Standing;
use super::{Engine, Roster};
use crate::vocab::vocabulary;
use crate::words;

vocabulary!(
    /// Kind of conflict.
    ConflictKind, "Jenis konflik" {
        UnitKurangPegawai => "unit_kurang_pegawai", "Unit kekurangan pegawai piket";
        MelebihiBatas => "melebihi_batas_persentase", "Melebihi batas pegawai di kantor";
        KurangDariBatas => "kurang_dari_batas_persentase", "Kurang dari batas paling sedikit pegawai di kantor";
        DikecualikanDanDitugaskan => "dikecualikan_dan_ditugaskan", "Dikecualikan sekaligus ditugaskan";
        PengecualianDiLuarPeriode => "pengecualian_di_luar_periode", "Pengecualian di luar periode";
        NipTidakDikenal => "nip_tidak_dikenal", "NIP pengecualian tidak dikenal";
        KantorKosong => "kantor_kosong", "Tidak ada pegawai di kantor";
        LevelKurang => "level_struktural_kurang", "Level struktural kurang";
        TumpangTindih => "periode_tumpang_tindih", "Periode tumpang tindih";
    }
);

/// One conflict, located as precisely as the rules allow.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// What is wrong, in Indonesian.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agency_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit_id: Option<i64>,
    /// The days affected (working days), when the conflict is per day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub dates: Vec<NaiveDate>,
    /// How many people are missing on the worst day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub short: Option<u32>,
}

impl Conflict {
    pub(crate) fn new(kind: ConflictKind, message: String) -> Conflict {
        Conflict {
            kind,
            message,
            agency_id: None,
            unit_id: None,
            dates: Vec::new(),
            short: None,
        }
    }
}

/// `13 Mei 2020, 14 Mei 2020, dan 15 Mei 2020`: dates in full, as a list.
pub(crate) fn date_list(dates: &[NaiveDate]) -> String {
    let all: Vec<String> = dates.iter().map(|d| words::date(*d)).collect();
    words::list(&all)
}

impl Engine {
    /// Conflicts of the rules themselves and of `roster` (with the roster
    /// generation's own conflicts passed in `generated`).
    pub fn conflicts(&self, roster: &Roster, generated: Vec<Conflict>) -> Vec<Conflict> {
        let rules = self.rules();
        let mut out = generated;
        for a in &self.workforce.agencies {
            let exempt = rules.exempt_by_name(a).is_some();
            let named_for_picket = rules
                .picket
                .as_ref()
                .is_some_and(|p| p.agencies.iter().any(|r| r.matches(a)));
            let kind_in_table = rules.eselon_by_kind.iter().any(|r| r.kind == a.kind);
            if exempt && (named_for_picket || kind_in_table) {
                let mut c = Conflict::new(
                    ConflictKind::DikecualikanDanDitugaskan,
                    format!(
                        "{} dikecualikan (kerja normal), tetapi juga {}.",
                        a.name,
                        if named_for_picket {
                            "disebut dalam aturan piket"
                        } else {
                            "tercantum dalam tabel eselon per jenis perangkat daerah"
                        }
                    ),
                );
                c.agency_id = Some(a.id);
                out.push(c);
            }
            if let (Some(n), false) = (rules.top_levels, exempt) {
                let filled = self.filled_levels.get(&a.id).map_or(&[][..], Vec::as_slice);
                if filled.len() < n as usize && a.employee_count != 0 {
                    let have = filled
                        .iter()
                        .map(|l| words::roman((*l).into()))
                        .collect::<Vec<_>>();
                    let mut c = Conflict::new(
                        ConflictKind::LevelKurang,
                        format!(
                            "{} hanya memiliki {} level struktural terisi{}, padahal aturan meminta {} level tertinggi di kantor.",
                            a.name,
                            words::spelled(filled.len() as u64),
                            if have.is_empty() {
                                String::new()
                            } else {
                                format!(" (eselon {})", have.join(", "))
                            },
                            words::spelled(u64::from(n))
                        ),
                    );
                    c.agency_id = Some(a.id);
                    out.push(c);
                }
            }
        }
        for ex in &rules.exceptions {
            let Some(i) = self
                .workforce
                .employees
                .iter()
                .position(|e| e.nip.as_deref() == Some(ex.nip.trim()))
            else {
                out.push(Conflict::new(
                    ConflictKind::NipTidakDikenal,
                    format!(
                        "Pengecualian untuk NIP {}: tidak ada pegawai dengan NIP itu.",
                        ex.nip
                    ),
                ));
                continue;
            };
            let outside = ex.to.is_some_and(|t| t < self.period.start)
                || matches!((ex.from, self.period.end), (Some(f), Some(end)) if f > end);
            if outside {
                let e = &self.workforce.employees[i];
                let mut c = Conflict::new(
                    ConflictKind::PengecualianDiLuarPeriode,
                    format!(
                        "Pengecualian {} (NIP {}) {} berada di luar periode surat edaran ({}).",
                        e.full_name(),
                        ex.nip,
                        ex.describe(),
                        self.period.phrase()
                    ),
                );
                c.agency_id = Some(e.agency_id);
                out.push(c);
            }
        }
        out.extend(self.empty_agencies(roster));
        out
    }

    /// Agencies with staff but nobody in the office on some working day.
    fn empty_agencies(&self, roster: &Roster) -> Vec<Conflict> {
        let Ok(days) = self.working_days() else {
            return Vec::new();
        };
        let mut engine_days: Vec<Vec<NaiveDate>> = vec![Vec::new(); self.workforce.agencies.len()];
        let on_duty: std::collections::HashSet<(NaiveDate, i64)> =
            roster.on_duty().map(|a| (a.date, a.employee_id)).collect();
        for (ai, a) in self.workforce.agencies.iter().enumerate() {
            let staff: Vec<usize> = (0..self.workforce.employees.len())
                .filter(|&i| self.workforce.employees[i].agency_id == a.id)
                .collect();
            if staff.is_empty() {
                continue;
            }
            for &day in &days {
                let present = staff.iter().any(|&i| {
                    let id = self.workforce.employees[i].id;
                    on_duty.contains(&(day, id))
                        || match self.exception_on(i, day) {
                            Some(x) => {
                                self.rules().exceptions[x].placement == super::Placement::DiKantor
                            }
                            None => matches!(
                                self.standing[i],
                                Standing::Exempt(_) | Standing::InOffice(_)
                            ),
                        }
                });
                if !present {
                    engine_days[ai].push(day);
                }
            }
        }
        self.workforce
            .agencies
            .iter()
            .zip(engine_days)
            .filter(|(_, d)| !d.is_empty())
            .map(|(a, dates)| {
                let mut c = Conflict::new(
                    ConflictKind::KantorKosong,
                    format!(
                        "Tidak ada seorang pun pegawai {} di kantor pada {} hari kerja: {}.",
                        a.name,
                        words::spelled(dates.len() as u64),
                        date_list(&dates)
                    ),
                );
                c.agency_id = Some(a.id);
                c.dates = dates;
                c
            })
            .collect()
    }
}

//! The checklist before *Terbitkan*: what the core asks a clerk to look at
//! once more (paraf, rules, roster, holidays, emblem). Warnings may be
//! overridden on purpose; a blocking check is one the issue itself refuses.

use crate::db::params;
use serde::Serialize;

use super::Store;
use crate::circular::CircularStatus;
use crate::error::Result;
use crate::rules::horizon::default_horizon;

/// One line of the checklist.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Check {
    /// `paraf`, `isi`, `aturan`, `jadwal_piket`, `hari_libur`, `lambang`.
    pub code: &'static str,
    pub ok: bool,
    pub message: String,
    /// The issue is refused while it fails (otherwise a warning).
    pub blocking: bool,
}

impl Check {
    fn new(code: &'static str, ok: bool, message: impl Into<String>) -> Check {
        Check {
            code,
            ok,
            message: message.into(),
            blocking: false,
        }
    }
}

impl Store {
    /// What to check before issuing draft `id`, in the dialog's order.
    pub fn issue_checklist(&self, id: i64) -> Result<Vec<Check>> {
        let record = self.circular(id)?;
        let doc = &record.document;
        let mut checks = vec![self.paraf_check(id, record.summary.status)?];
        checks.push(match doc.validate() {
            Ok(()) => Check::new("isi", true, "Isi surat edaran lengkap."),
            Err(e) => Check {
                blocking: true,
                ..Check::new("isi", false, format!("Isi belum lengkap: {e}"))
            },
        });
        if doc.kind.sets_work_arrangements() {
            checks.push(if doc.rules.is_empty() {
                Check::new(
                    "aturan",
                    false,
                    "Belum ada aturan pengecualian dan piket: semua pegawai bekerja dari rumah, \
                     tanpa perangkat daerah yang dikecualikan. Atur di “Atur pengecualian & piket”.",
                )
            } else {
                Check::new("aturan", true, "Aturan pengecualian dan piket sudah diatur.")
            });
        }
        if doc.rules.picket.is_some() {
            checks.push(if self.roster_generated(id)? {
                Check::new("jadwal_piket", true, "Jadwal piket sudah disusun.")
            } else {
                Check::new(
                    "jadwal_piket",
                    false,
                    "Ada aturan piket, tetapi jadwal piketnya belum disusun. Susun di halaman Jadwal Piket.",
                )
            });
        }
        if let Some(period) = doc.period {
            let last = period.end.unwrap_or_else(|| default_horizon(period.start));
            checks.push(match self.holiday_gap(period.start, last)? {
                None => Check::new(
                    "hari_libur",
                    true,
                    "Hari libur masa berlakunya sudah tercatat.",
                ),
                Some(gap) => Check::new("hari_libur", false, gap.message),
            });
        }
        let warnings = doc.warnings();
        if warnings.is_empty() {
            checks.push(Check::new("lambang", true, "Kop berlambang."));
        }
        checks.extend(
            warnings
                .into_iter()
                .map(|w| Check::new("lambang", false, w)),
        );
        Ok(checks)
    }

    /// Initialled, initialled then changed, or never initialled.
    fn paraf_check(&self, id: i64, status: CircularStatus) -> Result<Check> {
        if status == CircularStatus::Diparaf {
            return Ok(Check::new("paraf", true, "Draf sudah diparaf."));
        }
        let withdrawn = self.audit(id)?.iter().any(|a| a.action == "diparaf");
        Ok(Check::new(
            "paraf",
            false,
            if withdrawn {
                "Paraf gugur karena isi berubah setelah diparaf; minta paraf lagi sebelum terbit."
            } else {
                "Draf ini belum pernah diparaf."
            },
        ))
    }

    /// Whether circular `id` has a stored roster.
    fn roster_generated(&self, id: i64) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM roster_horizon WHERE circular_id = ?1)
                 OR EXISTS (SELECT 1 FROM roster_assignment WHERE circular_id = ?1)",
            params![id],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::circular::{CircularKind, Period};
    use crate::rules::{Picket, Rules};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn failing(checks: &[Check]) -> Vec<&'static str> {
        checks.iter().filter(|c| !c.ok).map(|c| c.code).collect()
    }

    #[test]
    fn a_fresh_draft_warns_of_paraf_rules_and_unrecorded_holidays_and_clears_as_they_are_done() {
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        let id = store
            .create_from_template(CircularKind::WfhBaru, day(2026, 12, 20), "Rina")
            .unwrap();
        let checks = store.issue_checklist(id).unwrap();
        assert_eq!(
            failing(&checks),
            ["paraf", "aturan", "hari_libur", "lambang"],
            "{checks:#?}"
        );
        assert!(checks.iter().all(|c| !c.blocking));
        let paraf = &checks[0];
        assert_eq!(paraf.message, "Draf ini belum pernah diparaf.");
        let holidays = checks.iter().find(|c| c.code == "hari_libur").unwrap();
        // 21 December 2026 – 3 January 2027: 2027 has no recorded list.
        assert!(
            holidays
                .message
                .starts_with("Daftar hari libur tahun 2027 belum dicatat"),
            "{}",
            holidays.message
        );

        let rules = Rules {
            picket: Some(Picket {
                per_day: 1,
                ..Default::default()
            }),
            ..Default::default()
        };
        store.save_rules(id, rules, "Rina").unwrap();
        store.initial(id, "Budi").unwrap();
        let checks = store.issue_checklist(id).unwrap();
        assert_eq!(
            failing(&checks),
            ["jadwal_piket", "hari_libur", "lambang"],
            "{checks:#?}"
        );

        // Initialled, then changed: the paraf lapsed, and the list says why.
        let mut doc = store.circular(id).unwrap().document;
        doc.period = Some(Period {
            start: day(2020, 12, 1),
            end: Some(day(2020, 12, 14)),
        });
        crate::template::refresh(&mut doc);
        store.save_draft(id, &doc, "Rina").unwrap();
        store.generate_roster(id).unwrap();
        let checks = store.issue_checklist(id).unwrap();
        // The demo office has no emblem image: the kop's warning stays.
        assert_eq!(failing(&checks), ["paraf", "lambang"], "{checks:#?}");
        assert!(
            checks[0].message.starts_with("Paraf gugur"),
            "{}",
            checks[0].message
        );
    }

    #[test]
    fn an_incomplete_draft_blocks_and_a_revocation_needs_no_rules() {
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        let id = store
            .create_from_template(CircularKind::Pencabutan, day(2020, 6, 1), "Rina")
            .unwrap();
        let mut doc = store.circular(id).unwrap().document;
        doc.subject.clear();
        store.save_draft(id, &doc, "Rina").unwrap();
        let checks = store.issue_checklist(id).unwrap();
        let content = checks.iter().find(|c| c.code == "isi").unwrap();
        assert!(content.blocking && !content.ok);
        assert!(content.message.contains("Perihal"), "{}", content.message);
        assert!(!checks.iter().any(|c| c.code == "aturan"));
    }
}

//! The roster's horizon: how far the jadwal piket of an open-ended circular
//! (*sampai dengan dicabut atau dievaluasi lebih lanjut*) is drawn up.
//!
//! A period with an end is rostered to its end. An open-ended one is
//! rostered through a chosen day — by default the end of the second month
//! after its start — and extended on demand: days already rostered (and
//! every hand edit) stay as they are, only the days after the old horizon
//! are generated. A status after the horizon says it is not rostered yet.
//! When a later circular ends the arrangement, the period is cut the day
//! before it starts and roster days after that no longer count.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

use super::conflicts::Conflict;
use super::{Assignment, AssignmentSource, Engine, Roster};
use crate::error::{Error, Result};
use crate::words;
use crate::ErrorCode;

/// The horizon of an open-ended period nobody has chosen one for: the last
/// day of the second month after the month it starts in (5 June → 31 August).
pub fn default_horizon(start: NaiveDate) -> NaiveDate {
    start
        .with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(3)))
        .and_then(|next| next.checked_sub_days(Days::new(1)))
        .unwrap_or(NaiveDate::MAX)
}

/// How far a circular's roster reaches, as Jadwal Piket shows it.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Horizon {
    /// The last day the roster covers.
    pub until: NaiveDate,
    /// The period has no end, so the roster can be extended.
    pub open_ended: bool,
}

impl Engine {
    pub fn horizon(&self) -> Horizon {
        Horizon {
            until: self.horizon,
            open_ended: self.period.end.is_none(),
        }
    }

    /// Rosters through `until` (never past the period's end).
    pub fn set_horizon(&mut self, until: NaiveDate) -> Result<()> {
        if until < self.period.start {
            return Err(Error::invalid(
                ErrorCode::HorizonSebelumPeriode,
                "until",
                format!(
                    "Tanggal akhir jadwal piket ({}) sebelum periode surat edaran dimulai ({}).",
                    words::date(until),
                    words::date(self.period.start)
                ),
            ));
        }
        self.horizon = self.period.end.map_or(until, |end| until.min(end));
        Ok(())
    }

    /// Ends the arrangement the day before `successor_start`, when a later
    /// circular (an amendment or a revocation) took over from then.
    pub fn close_before(&mut self, successor_start: NaiveDate) {
        let last = successor_start.pred_opt().unwrap_or(successor_start);
        let end = self.period.end.map_or(last, |end| end.min(last));
        self.period.end = Some(end);
        self.horizon = self.horizon.min(end);
    }

    /// Extends the roster `kept` (drawn up through the current horizon) to
    /// `until`: its days stay as they are and the rotation carries on from
    /// them. With nothing kept it is simply the first roster through `until`.
    pub fn extend_roster(
        &mut self,
        kept: &Roster,
        until: NaiveDate,
    ) -> Result<(Roster, Vec<Conflict>)> {
        if let Some(end) = self.period.end {
            return Err(Error::invalid(
                ErrorCode::PeriodeBerakhir,
                "until",
                format!(
                    "Periode surat edaran berakhir {}; jadwal piketnya disusun untuk seluruh periode dan tidak diperpanjang.",
                    words::date(end)
                ),
            ));
        }
        let rostered = self.horizon;
        if !kept.entries.is_empty() && until <= rostered {
            return Err(Error::invalid(
                ErrorCode::HorizonTidakMaju,
                "until",
                format!(
                    "Jadwal piket sudah disusun sampai dengan {}; pilih tanggal sesudahnya untuk memperpanjang.",
                    words::date(rostered)
                ),
            ));
        }
        self.set_horizon(until)?;
        if kept.entries.is_empty() {
            return self.generate_roster(kept);
        }
        // Generated around the rostered days as if set by hand, so the
        // rotation counts them; they are then kept with their own source.
        let fixed = Roster {
            entries: kept
                .entries
                .iter()
                .filter(|a| a.date <= rostered)
                .map(|a| Assignment {
                    source: match a.source {
                        AssignmentSource::Otomatis => AssignmentSource::Manual,
                        other => other,
                    },
                    ..a.clone()
                })
                .collect(),
        };
        let (fresh, conflicts) = self.generate_roster(&fixed)?;
        // Both parts are sorted by date first, so the joined roster is too.
        let entries = kept
            .entries
            .iter()
            .filter(|a| a.date <= rostered)
            .cloned()
            .chain(fresh.entries.into_iter().filter(|a| a.date > rostered))
            .collect();
        Ok((Roster { entries }, conflicts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::circular::{Period, Relation};
    use crate::rules::{ConflictKind, RosterEdit, Status};
    use crate::tracking::AlertKind;
    use crate::{demo, exchange, Store};

    const MUBA: &str = include_str!("../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, m, d).unwrap()
    }

    /// The demo office with Muba's circular (two on picket per sekretariat
    /// and bidang) issued on 5 June 2020 for 8 June "until evaluated".
    fn open_ended() -> (Store, i64) {
        let mut store = Store::for_test().unwrap();
        demo::fill(&mut store).unwrap();
        let mut doc = exchange::from_json(MUBA).unwrap();
        doc.period = Some(Period {
            start: day(6, 8),
            end: None,
        });
        let id = store.create_circular(&doc, "Rina").unwrap();
        store
            .issue(id, &crate::store::Issue::on(day(6, 5)), "Rina")
            .unwrap();
        (store, id)
    }

    /// The status of the first employee on a picket rotation, on `date`.
    fn rotating_status(store: &Store, id: i64, date: NaiveDate) -> (Status, String) {
        let (engine, _) = store.rule_engine(id).unwrap();
        let i = (0..engine.workforce.employees.len())
            .find(|&i| engine.on_rotation(i))
            .unwrap();
        let decision = engine.decide(i, date);
        (decision.status, engine.reason(i, date, decision))
    }

    #[test]
    fn the_default_horizon_is_the_end_of_the_second_month_after_the_start() {
        assert_eq!(default_horizon(day(6, 8)), day(8, 31));
        assert_eq!(default_horizon(day(6, 30)), day(8, 31));
        let december = NaiveDate::from_ymd_opt(2020, 12, 15).unwrap();
        let february = NaiveDate::from_ymd_opt(2021, 2, 28).unwrap();
        assert_eq!(default_horizon(december), february);
    }

    #[test]
    fn an_open_period_has_statuses_through_its_horizon_and_says_so_beyond_it() {
        let (store, id) = open_ended();
        assert_eq!(
            store.roster_horizon(id).unwrap(),
            Horizon {
                until: day(8, 31),
                open_ended: true
            }
        );
        let rows = store.statuses(id, day(8, 31), None).unwrap();
        assert!(rows.iter().any(|r| r.status == Status::Piket));
        let (status, _) = rotating_status(&store, id, day(8, 31));
        assert!(matches!(status, Status::Piket | Status::Wfh), "{status:?}");
        let (status, reason) = rotating_status(&store, id, day(9, 1));
        assert_eq!(status, Status::BelumDijadwalkan);
        assert!(
            reason.contains("baru disusun sampai dengan 31 Agustus 2020"),
            "{reason}"
        );
        // Any later day of the period: those off the rotation keep their status.
        let rows = store
            .statuses(id, NaiveDate::from_ymd_opt(2021, 3, 1).unwrap(), None)
            .unwrap();
        assert!(rows.iter().any(|r| r.status == Status::Wfh));
        assert!(rows.iter().any(|r| r.status == Status::BelumDijadwalkan));
        assert!(!rows.iter().any(|r| r.status == Status::Piket));
    }

    #[test]
    fn extending_keeps_the_rostered_days_and_hand_edits_and_moves_the_horizon() {
        let (mut store, id) = open_ended();
        let first = store.generate_roster(id).unwrap().roster;
        assert_eq!(first.entries.last().unwrap().date, day(8, 31));
        // A hand swap on the first day.
        let on = first
            .on_duty()
            .find(|a| a.date == day(6, 8))
            .unwrap()
            .clone();
        let mate = first
            .on_duty()
            .filter(|a| a.unit_id == on.unit_id && a.employee_id != on.employee_id)
            .map(|a| a.employee_id)
            .find(|e| {
                !first
                    .on_duty()
                    .any(|a| a.date == day(6, 8) && a.employee_id == *e)
            })
            .unwrap();
        store
            .edit_roster(
                id,
                &RosterEdit {
                    date: day(6, 8),
                    employee_id: mate,
                    on_duty: true,
                    replaces: Some(on.employee_id),
                    force: false,
                },
            )
            .unwrap();
        let (_, before) = store.rule_engine(id).unwrap();
        let extended = store.extend_roster(id, day(11, 6)).unwrap().roster;
        let kept: Vec<_> = extended
            .entries
            .iter()
            .filter(|a| a.date <= day(8, 31))
            .cloned()
            .collect();
        assert_eq!(kept, before.roster.entries);
        assert!(extended.entries.iter().any(|a| a.date == day(6, 8)
            && a.employee_id == mate
            && a.source == AssignmentSource::Manual));
        assert!(extended.entries.iter().any(|a| a.date == day(11, 6)));
        assert!(extended.entries.iter().all(|a| a.date <= day(11, 6)));
        assert_eq!(store.roster_horizon(id).unwrap().until, day(11, 6));
        let (status, _) = rotating_status(&store, id, day(9, 1));
        assert!(matches!(status, Status::Piket | Status::Wfh), "{status:?}");
        // The rotation carries on fairly over both parts.
        let (_, report) = store.rule_engine(id).unwrap();
        let mut count: std::collections::HashMap<i64, i64> = Default::default();
        for a in report.roster.on_duty() {
            *count.entry(a.employee_id).or_default() += 1;
        }
        let unit = on.unit_id;
        let pool: Vec<i64> = report
            .roster
            .on_duty()
            .filter(|a| a.unit_id == unit)
            .map(|a| count[&a.employee_id])
            .collect();
        // Within one, give or take the hand swap.
        assert!(
            pool.iter().max().unwrap() - pool.iter().min().unwrap() <= 2,
            "{pool:?}"
        );
        // Only forward.
        let e = store.extend_roster(id, day(10, 1)).unwrap_err();
        assert_eq!(e.code(), ErrorCode::HorizonTidakMaju);
        assert!(e.to_string().contains("6 November 2020"), "{e}");
    }

    #[test]
    fn conflicts_are_checked_through_the_horizon() {
        let (mut store, id) = open_ended();
        let mut doc = store.circular(id).unwrap().document;
        doc.rules.picket.as_mut().unwrap().per_day = 60;
        doc.issued_on = None;
        doc.number = String::new();
        let draft = store.create_circular(&doc, "Rina").unwrap();
        let last_day = |store: &Store| {
            store
                .circular_conflicts(draft)
                .unwrap()
                .iter()
                .filter(|c| c.kind == ConflictKind::UnitKurangPegawai)
                .flat_map(|c| c.dates.clone())
                .max()
        };
        assert_eq!(last_day(&store), Some(day(8, 31)));
        store.extend_roster(draft, day(9, 30)).unwrap();
        assert_eq!(last_day(&store), Some(day(9, 30)));
    }

    #[test]
    fn the_dashboard_shows_it_until_evaluated_and_alerts_when_the_roster_runs_out() {
        let (mut store, id) = open_ended();
        let alerts = |store: &Store, at| -> Vec<String> {
            let board = store.dashboard(at).unwrap();
            board
                .alerts
                .iter()
                .filter(|a| a.circular_id == id && a.kind == AlertKind::JadwalHabis)
                .map(|a| a.message.clone())
                .collect()
        };
        let board = store.dashboard(day(7, 1)).unwrap();
        let shown = board
            .active
            .iter()
            .find(|a| a.link.circular.id == id)
            .unwrap();
        assert_eq!((shown.link.end, shown.working_days_left), (None, None));
        assert_eq!(shown.link.horizon, Some(day(8, 31)));
        assert!(alerts(&store, day(7, 1)).is_empty());
        // Within the alert threshold (3 working days by default).
        let soon = alerts(&store, day(8, 28));
        assert_eq!(soon.len(), 1, "{soon:?}");
        assert!(
            soon[0].contains("sampai dengan 31 Agustus 2020 (2 (dua) hari kerja lagi)"),
            "{}",
            soon[0]
        );
        let past = alerts(&store, day(9, 10));
        assert!(past[0].contains("sejak 1 September 2020"), "{}", past[0]);
        store.extend_roster(id, day(11, 6)).unwrap();
        assert!(alerts(&store, day(9, 10)).is_empty());
    }

    #[test]
    fn a_draft_whose_period_changes_is_rostered_to_its_new_end_or_default() {
        let (mut store, id) = open_ended();
        let mut doc = store.circular(id).unwrap().document;
        doc.issued_on = None;
        doc.number = String::new();
        let draft = store.create_circular(&doc, "Rina").unwrap();
        store.extend_roster(draft, day(9, 30)).unwrap();
        doc.period = Some(Period {
            start: day(10, 5),
            end: None,
        });
        store.save_draft(draft, &doc, "Rina").unwrap();
        assert_eq!(store.roster_horizon(draft).unwrap().until, day(12, 31));
        doc.period = Some(Period {
            start: day(10, 5),
            end: Some(day(10, 23)),
        });
        store.save_draft(draft, &doc, "Rina").unwrap();
        let horizon = store.roster_horizon(draft).unwrap();
        assert_eq!((horizon.until, horizon.open_ended), (day(10, 23), false));
    }

    #[test]
    fn a_revocation_closes_it_roster_alerts_and_all() {
        let (mut store, id) = open_ended();
        store.extend_roster(id, day(11, 6)).unwrap();
        let revocation = store
            .derive(id, Relation::Pencabutan, day(9, 14), "Rina")
            .unwrap()
            .id;
        store
            .issue(revocation, &crate::store::Issue::on(day(9, 14)), "Rina")
            .unwrap();
        assert_eq!(
            store.roster_horizon(id).unwrap(),
            Horizon {
                until: day(9, 14),
                open_ended: false
            }
        );
        let (_, report) = store.rule_engine(id).unwrap();
        assert!(report.roster.entries.iter().all(|a| a.date <= day(9, 14)));
        let (status, _) = rotating_status(&store, id, day(9, 21));
        assert_eq!(status, Status::DiLuarPeriode);
        let e = store.extend_roster(id, day(12, 31)).unwrap_err();
        assert_eq!(e.code(), ErrorCode::PeriodeBerakhir);
        let board = store.dashboard(day(9, 10)).unwrap();
        let shown = board
            .active
            .iter()
            .find(|a| a.link.circular.id == id)
            .unwrap();
        assert_eq!(shown.link.end, Some(day(9, 14)));
        assert!(!board
            .alerts
            .iter()
            .any(|a| a.kind == AlertKind::JadwalHabis));
    }
}

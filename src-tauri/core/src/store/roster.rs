//! The rule engine over the store: the office as the rules see it, the
//! persisted roster (*jadwal piket*), statuses and conflicts of a circular.

use crate::db::params;
use crate::error::OptionalExtension;
use chrono::NaiveDate;
use serde::Serialize;

use super::{EmployeeFilter, Store};
use crate::calendar::HolidayGap;
use crate::circular::CircularStatus;
use crate::error::Result;
use crate::office::PaperSize;
use crate::rules::export::{self, RosterFormat};
use crate::rules::horizon::Horizon;
use crate::rules::{
    Assignment, AssignmentSource, Conflict, ConflictKind, Engine, PoolLoad, Roster, RosterEdit,
    Status, Workforce,
};

/// One employee's status on a day, as `edaran status` prints it.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct StatusRow {
    pub nip: Option<String>,
    pub name: String,
    pub agency: String,
    pub unit: Option<String>,
    pub status: Status,
    pub reason: String,
}

/// A roster with the conflicts that kept parts of it from being generated.
#[derive(Debug, Clone, Serialize)]
pub struct RosterReport {
    pub roster: Roster,
    pub conflicts: Vec<Conflict>,
    /// How evenly each picket pool shares the office days.
    pub loads: Vec<PoolLoad>,
    /// How far the roster reaches.
    pub horizon: Horizon,
    /// Years it covers without a recorded holiday list.
    pub holiday_gap: Option<HolidayGap>,
}

/// Years an engine's days (its period's start to its horizon) reach without
/// a recorded holiday list.
fn holiday_gap(engine: &Engine) -> Option<HolidayGap> {
    engine
        .calendar
        .holiday_gap(engine.period.start, engine.horizon().until)
}

impl Store {
    /// Every agency, unit and employee.
    pub fn workforce(&self) -> Result<Workforce> {
        let agencies = self.agencies("")?;
        let mut units = Vec::new();
        for a in &agencies {
            units.extend(self.units(a.id)?);
        }
        let employees = self.employees(&EmployeeFilter::default())?.rows;
        Ok(Workforce {
            agencies,
            units,
            employees,
            absences: self.absences()?,
        })
    }

    /// Circular `id`'s rules applied to the office, over the days it rules:
    /// its period, ended the day before an issued amendment or revocation
    /// began, rostered to its end or (open-ended) through the stored
    /// horizon; with the stored roster (days after the horizon dropped).
    fn engine(&self, id: i64) -> Result<(Engine, Roster)> {
        let circular = self.circular(id)?.document;
        let mut engine = Engine::new(circular, self.work_calendar()?, self.workforce()?)?;
        let successor: Option<NaiveDate> = self.conn.query_row(
            "SELECT min(period_start) FROM circular WHERE parent_id = ?1
             AND relation IN ('perubahan', 'pencabutan') AND status NOT IN ('draf', 'diparaf', 'batal')",
            [id],
            |r| r.get(0),
        )?;
        let stored_horizon: Option<NaiveDate> = self
            .conn
            .query_row(
                "SELECT until FROM roster_horizon WHERE circular_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        // Only an open period keeps a chosen horizon (one left from before
        // a draft's period changed to start later is dropped).
        if let Some(until) =
            stored_horizon.filter(|&h| engine.period.end.is_none() && h >= engine.period.start)
        {
            engine.set_horizon(until)?;
        }
        if let Some(start) = successor {
            engine.close_before(start);
        }
        let mut stored = self.stored_roster(id)?;
        let last = engine.horizon().until;
        stored.entries.retain(|a| a.date <= last);
        Ok((engine, stored))
    }

    /// Circular `id`'s roster as a file of `format`, with its report (the
    /// conflicts and warnings to say beside it); a PDF lampiran on `paper`.
    pub fn roster_file(
        &self,
        id: i64,
        format: RosterFormat,
        paper: PaperSize,
    ) -> Result<(Vec<u8>, RosterReport)> {
        let (engine, report) = self.rule_engine(id)?;
        let bytes = match format {
            RosterFormat::Xlsx => export::to_xlsx(&engine, &report.roster)?,
            RosterFormat::Csv => export::to_csv(&engine, &report.roster).into_bytes(),
            RosterFormat::Pdf => {
                crate::notices::roster_pdf(&engine, &report.roster, paper, chrono::Utc::now())?
            }
        };
        Ok((bytes, report))
    }

    /// Circular `id`'s rules applied to the office, with its roster loaded:
    /// the stored one, or a generated one when none is stored yet.
    pub fn rule_engine(&self, id: i64) -> Result<(Engine, RosterReport)> {
        let (mut engine, stored) = self.engine(id)?;
        let (generated, conflicts) = engine.generate_roster(&stored)?;
        let roster = if stored
            .entries
            .iter()
            .any(|a| a.source == AssignmentSource::Otomatis)
        {
            stored
        } else {
            generated
        };
        engine.set_roster(&roster);
        let loads = engine.pool_loads(&roster);
        let horizon = engine.horizon();
        let holiday_gap = holiday_gap(&engine);
        Ok((
            engine,
            RosterReport {
                roster,
                conflicts,
                loads,
                horizon,
                holiday_gap,
            },
        ))
    }

    fn stored_roster(&self, id: i64) -> Result<Roster> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, employee_id, unit_id, source FROM roster_assignment
             WHERE circular_id = ?1 ORDER BY date, unit_id, employee_id",
        )?;
        let entries = stmt.query_map([id], |r| {
            Ok(Assignment {
                date: r.get(0)?,
                employee_id: r.get(1)?,
                unit_id: r.get(2)?,
                source: r.get(3)?,
            })
        })?;
        Ok(Roster {
            entries: entries.collect::<Result<_>>()?,
        })
    }

    /// How far circular `id`'s roster reaches (stored, or by default).
    pub fn roster_horizon(&self, id: i64) -> Result<Horizon> {
        Ok(self.engine(id)?.0.horizon())
    }

    /// Years circular `id`'s rostered days reach without a holiday list.
    pub fn roster_holiday_gap(&self, id: i64) -> Result<Option<HolidayGap>> {
        Ok(holiday_gap(&self.engine(id)?.0))
    }

    /// Stores `roster` as circular `id`'s, drawn up through `horizon`.
    fn write_roster(&mut self, id: i64, roster: &Roster, horizon: Horizon) -> Result<()> {
        self.in_transaction(|store| {
            store
                .conn
                .execute("DELETE FROM roster_assignment WHERE circular_id = ?1", [id])?;
            store.conn.execute(
                "INSERT INTO roster_horizon (circular_id, until) VALUES (?1, ?2)
                 ON CONFLICT (circular_id) DO UPDATE SET until = excluded.until",
                params![id, horizon.until],
            )?;
            let mut insert = store.conn.prepare_cached(
                "INSERT INTO roster_assignment (circular_id, date, employee_id, unit_id, source)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for a in &roster.entries {
                insert.execute(params![id, a.date, a.employee_id, a.unit_id, a.source])?;
            }
            Ok(())
        })
    }

    /// Generates circular `id`'s roster around its hand edits and stores it:
    /// through its period's end, or an open period's current horizon.
    pub fn generate_roster(&mut self, id: i64) -> Result<RosterReport> {
        let (mut engine, stored) = self.engine(id)?;
        if let Some(end) = engine.period.end {
            engine.set_horizon(end)?;
        }
        let generated = engine.generate_roster(&stored)?;
        self.keep_roster(id, &engine, generated)
    }

    /// Extends open-ended circular `id`'s roster through `until`, keeping
    /// the days already rostered and the hand edits.
    pub fn extend_roster(&mut self, id: i64, until: NaiveDate) -> Result<RosterReport> {
        let (mut engine, stored) = self.engine(id)?;
        let generated = engine.extend_roster(&stored, until)?;
        self.keep_roster(id, &engine, generated)
    }

    /// Stores a generated roster with its horizon and reports on it.
    fn keep_roster(
        &mut self,
        id: i64,
        engine: &Engine,
        (roster, conflicts): (Roster, Vec<Conflict>),
    ) -> Result<RosterReport> {
        let horizon = engine.horizon();
        self.write_roster(id, &roster, horizon)?;
        Ok(RosterReport {
            loads: engine.pool_loads(&roster),
            holiday_gap: holiday_gap(engine),
            roster,
            conflicts,
            horizon,
        })
    }

    /// Applies a hand edit to the stored roster (generated first if there is
    /// none); returns the warnings of a forced edit.
    pub fn edit_roster(&mut self, id: i64, edit: &RosterEdit) -> Result<Vec<String>> {
        let (engine, report) = self.rule_engine(id)?;
        let mut roster = report.roster;
        let warnings = engine.apply_edit(&mut roster, edit)?;
        self.write_roster(id, &roster, engine.horizon())?;
        Ok(warnings)
    }

    /// Everyone's status on `date` (one agency's staff when given).
    pub fn statuses(
        &self,
        id: i64,
        date: NaiveDate,
        agency: Option<i64>,
    ) -> Result<Vec<StatusRow>> {
        // An unknown agency is an error, not an empty list.
        if let Some(agency) = agency {
            self.agency(agency)?;
        }
        let (engine, _) = self.rule_engine(id)?;
        Ok(engine
            .workforce
            .employees
            .iter()
            .enumerate()
            .filter(|(_, e)| agency.is_none_or(|a| a == e.agency_id))
            .map(|(i, e)| {
                let decision = engine.decide(i, date);
                StatusRow {
                    nip: e.nip.clone(),
                    name: e.full_name(),
                    agency: e.agency_name.clone(),
                    unit: e.unit_name.clone(),
                    status: decision.status,
                    reason: engine.reason(i, date, decision),
                }
            })
            .collect())
    }

    /// Everything to settle before issuing circular `id`, including other
    /// issued circulars whose periods overlap it for the same agencies.
    pub fn circular_conflicts(&self, id: i64) -> Result<Vec<Conflict>> {
        let (engine, report) = self.rule_engine(id)?;
        let mut out = engine.conflicts(&report.roster, report.conflicts);
        let mine = engine.period;
        let covered = |rules: &crate::rules::Rules| -> Vec<i64> {
            engine
                .workforce
                .agencies
                .iter()
                .filter(|a| rules.exempt_by_name(a).is_none())
                .map(|a| a.id)
                .collect()
        };
        let my_agencies = covered(engine.rules());
        for other in self.circulars()? {
            if other.id == id || other.status != CircularStatus::Terbit {
                continue;
            }
            let doc = self.circular(other.id)?.document;
            let Some(theirs) = doc.period else { continue };
            let overlap = theirs.start <= mine.end.unwrap_or(NaiveDate::MAX)
                && mine.start <= theirs.end.unwrap_or(NaiveDate::MAX);
            let shared = covered(&doc.rules)
                .iter()
                .filter(|a| my_agencies.contains(a))
                .count();
            if overlap && shared > 0 {
                out.push(Conflict {
                    kind: ConflictKind::TumpangTindih,
                    message: format!(
                        "Periode ({}) tumpang tindih dengan surat edaran {} ({}) yang sudah terbit, untuk {} perangkat daerah yang sama.",
                        mine.phrase(),
                        other.number.clone().unwrap_or_else(|| format!("id {}", other.id)),
                        theirs.phrase(),
                        shared
                    ),
                    agency_id: None,
                    unit_id: None,
                    dates: Vec::new(),
                    short: None,
                });
            }
        }
        Ok(out)
    }
}

//! Jadwal piket: who of each picket unit is in the office on each working
//! day of the period.
//!
//! Generation is deterministic: each unit's pool is sorted by NIP (then
//! id); each day takes the available people with the fewest office days so
//! far, ties going to whoever was in the office longest ago, then pool
//! order — a round-robin, so office-day counts in a unit differ by at most
//! one unless exceptions take people out. Hand edits (`manual` on duty,
//! `dilepas` taken off) are kept and generation works around them. A unit
//! or agency-day that cannot meet the hard rules gets no generated
//! assignments that day and a conflict instead.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::conflicts::{date_list, Conflict, ConflictKind};
use super::status::{spelled, Standing};
use super::{Engine, Placement};
use crate::error::{Error, Result};
use crate::vocab::vocabulary;
use crate::words;

vocabulary!(
    /// Where a roster entry comes from.
    AssignmentSource, "Asal jadwal" {
        Otomatis => "otomatis", "Disusun otomatis";
        Manual => "manual", "Ditetapkan manual";
        Dilepas => "dilepas", "Dilepas manual";
    }
);

/// One roster entry: on duty (`otomatis`, `manual`) or taken off by hand (`dilepas`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Assignment {
    pub date: NaiveDate,
    pub employee_id: i64,
    /// The picket unit the duty counts for.
    pub unit_id: Option<i64>,
    pub source: AssignmentSource,
}

/// A circular's roster: entries sorted by date, unit, employee.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Roster {
    pub entries: Vec<Assignment>,
}

impl Roster {
    /// Entries that put someone in the office.
    pub fn on_duty(&self) -> impl Iterator<Item = &Assignment> {
        self.entries
            .iter()
            .filter(|a| a.source != AssignmentSource::Dilepas)
    }

    /// Only the hand edits, which survive regeneration.
    pub fn manual(&self) -> Roster {
        Roster {
            entries: self
                .entries
                .iter()
                .filter(|a| a.source != AssignmentSource::Otomatis)
                .cloned()
                .collect(),
        }
    }

    fn sort(&mut self) {
        self.entries
            .sort_by_key(|a| (a.date, a.unit_id, a.employee_id));
    }
}

/// A hand edit: put `employee_id` on duty on `date` (taking `replaces` off,
/// for a swap), or take them off when `on_duty` is false.
#[derive(Debug, Clone, Deserialize)]
pub struct RosterEdit {
    pub date: NaiveDate,
    pub employee_id: i64,
    #[serde(default = "yes")]
    pub on_duty: bool,
    #[serde(default)]
    pub replaces: Option<i64>,
    /// Accept an edit that breaks a rule; the breaches come back as warnings.
    #[serde(default)]
    pub force: bool,
}

fn yes() -> bool {
    true
}

impl Engine {
    /// The picket pools: unit index → employee indices, sorted by NIP then
    /// id; every unit the rule targets has one, even an empty one.
    fn pools(&self) -> Vec<(usize, Vec<usize>)> {
        let mut pools: HashMap<usize, Vec<usize>> = self
            .picket_targets
            .iter()
            .map(|&u| (u, Vec::new()))
            .collect();
        for (i, s) in self.standing.iter().enumerate() {
            if let Standing::Rotation(u) = s {
                pools.entry(*u).or_default().push(i);
            }
        }
        let mut pools: Vec<(usize, Vec<usize>)> = pools.into_iter().collect();
        pools.sort_by_key(|(u, _)| (self.workforce.units[*u].agency_id, *u));
        for (_, pool) in &mut pools {
            let people = &self.workforce.employees;
            pool.sort_by(|a, b| {
                (people[*a].nip.as_deref(), people[*a].id)
                    .cmp(&(people[*b].nip.as_deref(), people[*b].id))
            });
        }
        pools
    }

    /// In the office on `day` regardless of the roster (structural rules,
    /// exempt agency, or kept in the office by an exception).
    fn fixed_in_office(&self, i: usize, day: NaiveDate) -> bool {
        match self.exception_on(i, day) {
            Some(x) => self.rules().exceptions[x].placement == Placement::DiKantor,
            None => matches!(
                self.standing[i],
                Standing::Exempt(_) | Standing::InOffice(_)
            ),
        }
    }

    /// The most people of `agency_id` allowed in the office on a day.
    fn share_limit(&self, agency_id: i64) -> Option<usize> {
        let percent = self.rules().max_share_percent?;
        let staff = self
            .workforce
            .employees
            .iter()
            .filter(|e| e.agency_id == agency_id)
            .count();
        Some(staff * usize::from(percent) / 100)
    }

    /// Builds the roster for the period around the hand edits in `kept`,
    /// with the conflicts that stopped parts of it.
    pub fn generate_roster(&self, kept: &Roster) -> Result<(Roster, Vec<Conflict>)> {
        let days = self.working_days()?;
        let mut roster = kept.manual();
        let mut conflicts = Vec::new();
        let Some(per_day) = self.rules().picket.as_ref().map(|p| p.per_day as usize) else {
            return Ok((roster, conflicts));
        };
        let released: HashSet<(NaiveDate, i64)> = kept
            .entries
            .iter()
            .filter(|a| a.source == AssignmentSource::Dilepas)
            .map(|a| (a.date, a.employee_id))
            .collect();
        let mut manual: HashMap<(NaiveDate, i64), Vec<i64>> = HashMap::new();
        for a in roster.on_duty() {
            if let Some(u) = a.unit_id {
                manual.entry((a.date, u)).or_default().push(a.employee_id);
            }
        }
        // Generated duties per agency and day, dropped where the share limit breaks.
        let mut by_agency: HashMap<i64, Vec<Assignment>> = HashMap::new();
        for (u, pool) in self.pools() {
            let unit = &self.workforce.units[u];
            let mut count = vec![0u32; pool.len()];
            let mut last = vec![None::<usize>; pool.len()];
            let mut picks = Vec::new();
            let mut short_days = Vec::new();
            let mut worst = 0;
            for (d, &day) in days.iter().enumerate() {
                let fixed = manual.get(&(day, unit.id)).map_or(&[][..], Vec::as_slice);
                let mut free: Vec<usize> = (0..pool.len())
                    .filter(|&k| {
                        let e = &self.workforce.employees[pool[k]];
                        self.exception_on(pool[k], day).is_none()
                            && !released.contains(&(day, e.id))
                            && !fixed.contains(&e.id)
                    })
                    .collect();
                for k in (0..pool.len())
                    .filter(|&k| fixed.contains(&self.workforce.employees[pool[k]].id))
                {
                    count[k] += 1;
                    last[k] = Some(d);
                }
                let need = per_day.saturating_sub(fixed.len());
                if free.len() < need {
                    short_days.push(day);
                    worst = worst.max(need - free.len());
                    continue;
                }
                free.sort_by_key(|&k| (count[k], last[k], k));
                for &k in &free[..need] {
                    count[k] += 1;
                    last[k] = Some(d);
                    picks.push(Assignment {
                        date: day,
                        employee_id: self.workforce.employees[pool[k]].id,
                        unit_id: Some(unit.id),
                        source: AssignmentSource::Otomatis,
                    });
                }
            }
            by_agency.entry(unit.agency_id).or_default().extend(picks);
            if !short_days.is_empty() {
                let agency = self
                    .workforce
                    .agencies
                    .iter()
                    .find(|a| a.id == unit.agency_id)
                    .map_or("", |a| a.name.as_str());
                conflicts.push(Conflict {
                    kind: ConflictKind::UnitKurangPegawai,
                    message: format!(
                        "{} pada {agency} kekurangan paling banyak {} pegawai piket (perlu {}, ada {} yang dapat dijadwalkan) pada {} hari kerja: {}.",
                        unit.name,
                        spelled(worst as u64),
                        words::count(per_day as u64, "orang"),
                        spelled(pool.len() as u64),
                        spelled(short_days.len() as u64),
                        date_list(&short_days)
                    ),
                    agency_id: Some(unit.agency_id),
                    unit_id: Some(unit.id),
                    dates: short_days,
                    short: Some(worst as u32),
                });
            }
        }
        let mut agencies: Vec<i64> = by_agency.keys().copied().collect();
        agencies.sort_unstable();
        for agency_id in agencies {
            let mut picks = by_agency.remove(&agency_id).unwrap_or_default();
            if let Some(limit) = self.share_limit(agency_id) {
                let over = self.days_over_limit(agency_id, limit, &days, &picks, &roster);
                if !over.is_empty() {
                    picks.retain(|a| !over.iter().any(|(d, _)| *d == a.date));
                    conflicts.push(self.over_limit_conflict(agency_id, limit, &over));
                }
            }
            roster.entries.extend(picks);
        }
        roster.sort();
        Ok((roster, conflicts))
    }

    /// Days (with the head-count) on which `agency_id` would exceed `limit`.
    fn days_over_limit(
        &self,
        agency_id: i64,
        limit: usize,
        days: &[NaiveDate],
        picks: &[Assignment],
        kept: &Roster,
    ) -> Vec<(NaiveDate, usize)> {
        let staff: Vec<usize> = (0..self.workforce.employees.len())
            .filter(|&i| self.workforce.employees[i].agency_id == agency_id)
            .collect();
        let ids: HashSet<i64> = staff
            .iter()
            .map(|&i| self.workforce.employees[i].id)
            .collect();
        days.iter()
            .filter_map(|&day| {
                let mut present: HashSet<i64> = staff
                    .iter()
                    .filter(|&&i| self.fixed_in_office(i, day))
                    .map(|&i| self.workforce.employees[i].id)
                    .collect();
                present.extend(
                    picks
                        .iter()
                        .chain(kept.on_duty())
                        .filter(|a| a.date == day && ids.contains(&a.employee_id))
                        .map(|a| a.employee_id),
                );
                (present.len() > limit).then_some((day, present.len()))
            })
            .collect()
    }

    fn over_limit_conflict(
        &self,
        agency_id: i64,
        limit: usize,
        over: &[(NaiveDate, usize)],
    ) -> Conflict {
        let name = self
            .workforce
            .agencies
            .iter()
            .find(|a| a.id == agency_id)
            .map_or_else(String::new, |a| a.name.clone());
        let dates: Vec<NaiveDate> = over.iter().map(|(d, _)| *d).collect();
        let most = over.iter().map(|(_, n)| *n).max().unwrap_or(0);
        Conflict {
            kind: ConflictKind::MelebihiBatas,
            message: format!(
                "{name}: batas {}% berarti paling banyak {} di kantor, tetapi aturan menghendaki sampai {} pada {}.",
                self.rules().max_share_percent.unwrap_or(100),
                words::count(limit as u64, "orang"),
                words::count(most as u64, "orang"),
                date_list(&dates)
            ),
            agency_id: Some(agency_id),
            unit_id: None,
            short: None,
            dates,
        }
    }

    /// Checks a hand edit against the hard rules and applies it to `roster`.
    /// A breach refuses the edit with the reason, unless `force` is set: then
    /// the edit is applied and the breaches are returned as warnings.
    pub fn apply_edit(&self, roster: &mut Roster, edit: &RosterEdit) -> Result<Vec<String>> {
        if !self.in_period(edit.date) || !self.calendar.is_working_day(edit.date) {
            return Err(Error::Refused {
                code: "bukan_hari_kerja",
                message: format!(
                    "{} bukan hari kerja dalam periode surat edaran; jadwal piket hanya untuk hari kerja.",
                    words::date_with_weekday(edit.date)
                ),
            });
        }
        let index = |id: i64| {
            self.by_id
                .get(&id)
                .copied()
                .ok_or_else(|| Error::NotFound(format!("Pegawai dengan id {id}")))
        };
        let on_duty = |roster: &Roster, id: i64| {
            roster
                .on_duty()
                .any(|a| a.date == edit.date && a.employee_id == id)
        };
        let mut problems = Vec::new();
        let person = index(edit.employee_id)?;
        let name = |i: usize| self.workforce.employees[i].full_name();
        let (added, removed) = if edit.on_duty {
            (Some(person), edit.replaces.map(index).transpose()?)
        } else {
            (None, Some(person))
        };
        let unit_of = |i: usize| match self.standing[i] {
            Standing::Rotation(u) => Some(self.workforce.units[u].id),
            _ => None,
        };
        let mut unit = None;
        if let Some(r) = removed {
            if !on_duty(roster, self.workforce.employees[r].id) {
                return Err(Error::Refused {
                    code: "tidak_terjadwal",
                    message: format!(
                        "{} tidak terjadwal piket pada {}.",
                        name(r),
                        words::date(edit.date)
                    ),
                });
            }
            unit = roster
                .on_duty()
                .find(|a| a.date == edit.date && a.employee_id == self.workforce.employees[r].id)
                .and_then(|a| a.unit_id);
        }
        if let Some(a) = added {
            if on_duty(roster, edit.employee_id) {
                return Err(Error::Refused {
                    code: "sudah_terjadwal",
                    message: format!(
                        "{} sudah terjadwal piket pada {}.",
                        name(a),
                        words::date(edit.date)
                    ),
                });
            }
            let decision = self.decide(a, edit.date);
            match (decision.status, self.standing[a]) {
                (super::Status::TetapDiRumah | super::Status::TetapDiKantor, _) => {
                    problems.push(format!(
                        "{} tidak dapat dijadwalkan: {}",
                        name(a),
                        self.reason(a, edit.date, decision)
                    ))
                }
                (_, Standing::Rotation(_)) => {}
                _ => problems.push(format!(
                    "{} tidak termasuk pegawai yang dijadwalkan piket: {}",
                    name(a),
                    self.reason(a, edit.date, decision)
                )),
            }
            if let (Some(u), Some(own)) = (unit, unit_of(a)) {
                if u != own {
                    problems.push(format!(
                        "{} bukan anggota unit piket yang digantikan.",
                        name(a)
                    ));
                }
            }
            unit = unit.or(unit_of(a)).or(self.workforce.employees[a].unit_id);
        }
        let mut next = roster.clone();
        if let Some(r) = removed {
            let id = self.workforce.employees[r].id;
            next.entries
                .retain(|x| !(x.date == edit.date && x.employee_id == id));
            next.entries.push(Assignment {
                date: edit.date,
                employee_id: id,
                unit_id: unit,
                source: AssignmentSource::Dilepas,
            });
        }
        if added.is_some() {
            next.entries
                .retain(|x| !(x.date == edit.date && x.employee_id == edit.employee_id));
            next.entries.push(Assignment {
                date: edit.date,
                employee_id: edit.employee_id,
                unit_id: unit,
                source: AssignmentSource::Manual,
            });
        }
        if let (Some(p), Some(u)) = (&self.rules().picket, unit) {
            let left = next
                .on_duty()
                .filter(|x| x.date == edit.date && x.unit_id == Some(u))
                .count();
            if left < p.per_day as usize {
                let unit_name = self
                    .unit_index
                    .get(&u)
                    .map_or("", |&i| self.workforce.units[i].name.as_str());
                problems.push(format!(
                    "{unit_name} hanya akan memiliki {} piket pada {}, kurang dari minimal {}.",
                    words::count(left as u64, "orang"),
                    words::date(edit.date),
                    words::count(u64::from(p.per_day), "orang")
                ));
            }
        }
        let agency_id = self.workforce.employees[person].agency_id;
        if let Some(limit) = self.share_limit(agency_id) {
            if !self
                .days_over_limit(agency_id, limit, &[edit.date], &[], &next)
                .is_empty()
            {
                problems.push(format!(
                    "{} akan melebihi batas {}% pegawai di kantor ({}) pada {}.",
                    self.workforce.employees[person].agency_name,
                    self.rules().max_share_percent.unwrap_or(100),
                    words::count(limit as u64, "orang"),
                    words::date(edit.date)
                ));
            }
        }
        if !problems.is_empty() && !edit.force {
            return Err(Error::Refused {
                code: "piket_melanggar_aturan",
                message: format!("Perubahan jadwal ditolak: {}", problems.join(" ")),
            });
        }
        next.sort();
        *roster = next;
        Ok(problems)
    }
}

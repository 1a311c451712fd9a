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
use super::status::Standing;
use super::{Engine, Placement};
use crate::error::{Error, Result};
use crate::vocab::vocabulary;
use crate::words;
use crate::ErrorCode;

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

/// How evenly one picket pool shares the office days: the fewest and the
/// most days of its members (those with no absence or exception in the
/// period differ by at most one when nothing stopped the roster).
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct PoolLoad {
    pub unit_id: i64,
    pub unit: String,
    pub agency: String,
    pub members: usize,
    pub fewest: u32,
    pub most: u32,
}

/// A hand edit: put `employee_id` on duty on `date` (taking `replaces` off,
/// for a swap), or take them off when `on_duty` is false.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct RosterEdit {
    pub date: NaiveDate,
    pub employee_id: i64,
    #[serde(default = "yes")]
    pub on_duty: bool,
    #[serde(default)]
    pub replaces: Option<i64>,
    /// Accept an edit that breaks a rule; the breaches come back as warnings.
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub force: bool,
}

fn yes() -> bool {
    true
}

impl Engine {
    /// In the office on `day` regardless of the roster (structural rules,
    /// exempt agency, or kept in the office by an exception); never while away.
    fn fixed_in_office(&self, i: usize, day: NaiveDate) -> bool {
        if self.absence_on(i, day).is_some() {
            return false;
        }
        match self.exception_on(i, day) {
            Some(x) => self.rules().exceptions[x].placement == Placement::DiKantor,
            None => matches!(
                self.standing[i],
                Standing::Exempt(_) | Standing::InOffice(_)
            ),
        }
    }

    /// `percent` of `agency_id`'s staff, rounded down (a maximum) or up (a minimum).
    fn share(&self, agency_id: i64, percent: Option<u8>, round_up: bool) -> Option<usize> {
        let percent = usize::from(percent?);
        let staff = self
            .workforce
            .employees
            .iter()
            .filter(|e| e.agency_id == agency_id)
            .count();
        Some(if round_up {
            (staff * percent).div_ceil(100)
        } else {
            staff * percent / 100
        })
    }

    /// The most people of `agency_id` allowed in the office on a day.
    fn share_limit(&self, agency_id: i64) -> Option<usize> {
        self.share(agency_id, self.rules().max_share_percent, false)
    }

    /// Builds the roster for the period around the hand edits in `kept`,
    /// with the conflicts that stopped parts of it.
    pub fn generate_roster(&self, kept: &Roster) -> Result<(Roster, Vec<Conflict>)> {
        let days = self.working_days()?;
        let mut roster = kept.manual();
        let mut conflicts = Vec::new();
        let Some(picket) = self.rules().picket.as_ref() else {
            return Ok((roster, conflicts));
        };
        let per_day = picket.per_day as usize;
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
        let mut load = Load::new(self, picket.max_consecutive);
        // Generated duties per agency and day, dropped where the share limit breaks.
        let mut by_agency: HashMap<i64, Vec<Assignment>> = HashMap::new();
        for (u, pool) in &self.pools {
            let unit = &self.workforce.units[*u];
            let mut picks = Vec::new();
            let mut short_days = Vec::new();
            let mut worst = 0;
            for (d, &day) in days.iter().enumerate() {
                let fixed = manual.get(&(day, unit.id)).map_or(&[][..], Vec::as_slice);
                let mut free = Vec::new();
                for &i in pool {
                    let id = self.workforce.employees[i].id;
                    if fixed.contains(&id) {
                        load.take(i, d);
                    } else if self.absence_on(i, day).is_none()
                        && self.exception_on(i, day).is_none()
                        && !released.contains(&(day, id))
                        && load.may_take(i, d)
                    {
                        free.push(i);
                    }
                }
                let chosen: Vec<usize> = if picket.groups.is_empty() {
                    let need = per_day.saturating_sub(fixed.len());
                    if free.len() < need {
                        short_days.push(day);
                        worst = worst.max(need - free.len());
                        continue;
                    }
                    load.order(&mut free);
                    free.truncate(need);
                    free
                } else {
                    // The group of the day comes in whole; a short group is reported.
                    free.retain(|&i| {
                        self.group_of(i)
                            .is_some_and(|g| g.works_on(day, self.period.start))
                    });
                    let have = free.len() + fixed.len();
                    if have < per_day {
                        short_days.push(day);
                        worst = worst.max(per_day - have);
                    }
                    free
                };
                for i in chosen {
                    load.take(i, d);
                    picks.push(self.assignment(day, i, unit.id));
                }
            }
            by_agency.entry(unit.agency_id).or_default().extend(picks);
            if !short_days.is_empty() {
                conflicts.push(self.short_unit_conflict(*u, pool.len(), worst, short_days));
            }
        }
        self.fill_minimum(
            &days,
            &released,
            &roster,
            &mut by_agency,
            &mut load,
            &mut conflicts,
        );
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

    /// Office days per member of each picket pool under `roster`.
    pub fn pool_loads(&self, roster: &Roster) -> Vec<PoolLoad> {
        let mut days: HashMap<i64, u32> = HashMap::new();
        for a in roster.on_duty() {
            *days.entry(a.employee_id).or_default() += 1;
        }
        self.pools
            .iter()
            .map(|(u, pool)| {
                let unit = &self.workforce.units[*u];
                let counts = pool.iter().map(|&i| {
                    days.get(&self.workforce.employees[i].id)
                        .copied()
                        .unwrap_or(0)
                });
                PoolLoad {
                    unit_id: unit.id,
                    unit: unit.name.clone(),
                    agency: self.agency_name(unit.agency_id).to_string(),
                    members: pool.len(),
                    fewest: counts.clone().min().unwrap_or(0),
                    most: counts.max().unwrap_or(0),
                }
            })
            .collect()
    }

    fn assignment(&self, date: NaiveDate, i: usize, unit_id: i64) -> Assignment {
        Assignment {
            date,
            employee_id: self.workforce.employees[i].id,
            unit_id: Some(unit_id),
            source: AssignmentSource::Otomatis,
        }
    }

    fn short_unit_conflict(
        &self,
        u: usize,
        pool: usize,
        worst: usize,
        days: Vec<NaiveDate>,
    ) -> Conflict {
        let unit = &self.workforce.units[u];
        let picket = self.rules().picket.as_ref();
        let per_day = picket.map_or(0, |p| p.per_day);
        let (lead, need) = match picket.map_or(0, |p| p.groups.len()) {
            0 => (
                "",
                format!(
                    "perlu {}, ada {} yang dapat dijadwalkan",
                    words::count(u64::from(per_day), "orang"),
                    words::spelled(pool as u64)
                ),
            ),
            groups => (
                ": kelompok yang bertugas",
                format!(
                    "sedikitnya {} di kantor per hari kerja; unit ini {} orang untuk {} kelompok",
                    words::count(u64::from(per_day), "orang"),
                    words::spelled(pool as u64),
                    words::spelled(groups as u64)
                ),
            ),
        };
        let message = format!(
            "{} pada {}{lead} kekurangan paling banyak {} pegawai piket ({need}) pada {} hari kerja: {}.",
            unit.name,
            self.agency_name(unit.agency_id),
            words::spelled(worst as u64),
            words::spelled(days.len() as u64),
            date_list(&days)
        );
        Conflict {
            kind: ConflictKind::UnitKurangPegawai,
            message,
            agency_id: Some(unit.agency_id),
            unit_id: Some(unit.id),
            dates: days,
            short: Some(worst as u32),
        }
    }

    fn agency_name(&self, agency_id: i64) -> &str {
        self.workforce
            .agencies
            .iter()
            .find(|a| a.id == agency_id)
            .map_or("", |a| a.name.as_str())
    }

    /// Adds people from each agency's rotation, fewest office days first,
    /// until the minimum share is in the office each working day; an agency
    /// whose rotation cannot reach it that day gets a conflict.
    fn fill_minimum(
        &self,
        days: &[NaiveDate],
        released: &HashSet<(NaiveDate, i64)>,
        kept: &Roster,
        by_agency: &mut HashMap<i64, Vec<Assignment>>,
        load: &mut Load,
        conflicts: &mut Vec<Conflict>,
    ) {
        if self.rules().min_share_percent.is_none() {
            return;
        }
        let mut staff: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, e) in self.workforce.employees.iter().enumerate() {
            staff.entry(e.agency_id).or_default().push(i);
        }
        let mut rotation: HashMap<i64, Vec<(i64, usize)>> = HashMap::new();
        for (u, pool) in &self.pools {
            let unit = &self.workforce.units[*u];
            rotation
                .entry(unit.agency_id)
                .or_default()
                .extend(pool.iter().map(|&i| (unit.id, i)));
        }
        let kept_on: HashSet<(NaiveDate, i64)> =
            kept.on_duty().map(|a| (a.date, a.employee_id)).collect();
        for a in &self.workforce.agencies {
            let (Some(need), Some(people)) = (
                self.share(a.id, self.rules().min_share_percent, true),
                staff.get(&a.id),
            ) else {
                continue;
            };
            if self.rules().exempt_by_name(a).is_some() {
                continue;
            }
            let picks = by_agency.entry(a.id).or_default();
            let pool = rotation.get(&a.id).map_or(&[][..], Vec::as_slice);
            let mut short: Vec<(NaiveDate, usize)> = Vec::new();
            for (d, &day) in days.iter().enumerate() {
                let on: HashSet<i64> = picks
                    .iter()
                    .filter(|p| p.date == day)
                    .map(|p| p.employee_id)
                    .chain(
                        kept_on
                            .iter()
                            .filter(|(date, _)| *date == day)
                            .map(|(_, id)| *id),
                    )
                    .collect();
                let present = people
                    .iter()
                    .filter(|&&i| {
                        on.contains(&self.workforce.employees[i].id) || self.fixed_in_office(i, day)
                    })
                    .count();
                if present >= need {
                    continue;
                }
                let mut free: Vec<(i64, usize)> = pool
                    .iter()
                    .copied()
                    .filter(|&(_, i)| {
                        let id = self.workforce.employees[i].id;
                        !on.contains(&id)
                            && self.absence_on(i, day).is_none()
                            && self.exception_on(i, day).is_none()
                            && !released.contains(&(day, id))
                            && load.may_take(i, d)
                    })
                    .collect();
                free.sort_by_key(|&(_, i)| load.rank(i));
                let missing = need - present;
                if free.len() < missing {
                    short.push((day, missing - free.len()));
                }
                for (unit_id, i) in free.into_iter().take(missing) {
                    load.take(i, d);
                    picks.push(self.assignment(day, i, unit_id));
                }
            }
            if !short.is_empty() {
                let dates: Vec<NaiveDate> = short.iter().map(|(d, _)| *d).collect();
                let worst = short.iter().map(|(_, n)| *n).max().unwrap_or(0);
                conflicts.push(Conflict {
                    kind: ConflictKind::KurangDariBatas,
                    message: format!(
                        "{}: batas paling sedikit {}% berarti {} di kantor, tetapi kurang sampai {} pada {}.",
                        a.name,
                        self.rules().min_share_percent.unwrap_or(0),
                        words::count(need as u64, "orang"),
                        words::count(worst as u64, "orang"),
                        date_list(&dates)
                    ),
                    agency_id: Some(a.id),
                    unit_id: None,
                    dates,
                    short: Some(worst as u32),
                });
            }
        }
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
        let name = self.agency_name(agency_id);
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
                code: ErrorCode::BukanHariKerja,
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
                    code: ErrorCode::TidakTerjadwal,
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
            // Leave, sickness or travel is a fact, not a rule to force past.
            if let Some(x) = self.absence_on(a, edit.date) {
                return Err(Error::Refused {
                    code: ErrorCode::Berhalangan,
                    message: format!(
                        "{} tidak dapat dijadwalkan pada {}: {}.",
                        name(a),
                        words::date(edit.date),
                        self.workforce.absences[x].describe()
                    ),
                });
            }
            if on_duty(roster, edit.employee_id) {
                return Err(Error::Refused {
                    code: ErrorCode::SudahTerjadwal,
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
                code: ErrorCode::PiketMelanggarAturan,
                message: format!("Perubahan jadwal ditolak: {}", problems.join(" ")),
            });
        }
        next.sort();
        *roster = next;
        Ok(problems)
    }
}

/// Office days so far per employee (by index), for fair and bounded
/// rosters: fewest days first, then longest ago, then pool order; never
/// more working days in a row than the picket rule allows.
struct Load {
    count: Vec<u32>,
    /// The last working day (index) on duty.
    last: Vec<Option<usize>>,
    /// Working days in a row up to `last`.
    streak: Vec<u32>,
    max_streak: Option<u32>,
    /// Place in the pool (NIP order), the last tie-breaker.
    place: Vec<usize>,
}

impl Load {
    fn new(engine: &Engine, max_streak: Option<u32>) -> Load {
        let people = engine.workforce.employees.len();
        let mut place = vec![0; people];
        for (_, pool) in &engine.pools {
            for (k, &i) in pool.iter().enumerate() {
                place[i] = k;
            }
        }
        Load {
            count: vec![0; people],
            last: vec![None; people],
            streak: vec![0; people],
            max_streak,
            place,
        }
    }

    fn take(&mut self, i: usize, day: usize) {
        if self.last[i] == Some(day) {
            return;
        }
        self.streak[i] = if day > 0 && self.last[i] == Some(day - 1) {
            self.streak[i] + 1
        } else {
            1
        };
        self.count[i] += 1;
        self.last[i] = Some(day);
    }

    fn may_take(&self, i: usize, day: usize) -> bool {
        let run = if day > 0 && self.last[i] == Some(day - 1) {
            self.streak[i]
        } else {
            0
        };
        self.max_streak.is_none_or(|max| run < max)
    }

    fn rank(&self, i: usize) -> (u32, Option<usize>, usize) {
        (self.count[i], self.last[i], self.place[i])
    }

    /// Sorts candidates by [`Load::rank`].
    fn order(&self, people: &mut [usize]) {
        people.sort_by_key(|&i| self.rank(i));
    }
}

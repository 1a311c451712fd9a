//! Who works where on a day, and the rule that decided it.
//!
//! Precedence, first match wins:
//! 1. outside the circular's period → `di_luar_periode`;
//! 2. weekend or holiday in force → `libur`;
//! 3. recorded leave, sickness or official travel → `berhalangan`;
//! 4. a personal exception covering the day → `tetap_di_rumah` / `tetap_di_kantor`;
//! 5. an exempt agency (by name/id, then by kind) → `dikecualikan`;
//! 6. the top-N structural levels or the eselon table (both apply; the
//!    first that holds is named) → `wfo`;
//! 7. on the roster that day (picket or the person's shift group) → `piket`;
//!    on a rotation past the roster's horizon (an open-ended period drawn
//!    up only so far) → `belum_dijadwalkan`;
//! 8. everyone else → `wfh`.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Roster, Rules, Workforce};
use crate::calendar::WorkCalendar;
use crate::circular::{Circular, Period};
use crate::employee::PositionKind;
use crate::error::{Error, Result};
use crate::vocab::vocabulary;
use crate::words;
use crate::ErrorCode;

vocabulary!(
    /// An employee's work status on one day.
    Status, "Status kerja" {
        Wfo => "wfo", "Bekerja di kantor (WFO)";
        Wfh => "wfh", "Bekerja di rumah (WFH)";
        Piket => "piket", "Piket di kantor";
        Dikecualikan => "dikecualikan", "Dikecualikan (kerja normal di kantor)";
        TetapDiKantor => "tetap_di_kantor", "Pengecualian pribadi: tetap di kantor";
        TetapDiRumah => "tetap_di_rumah", "Pengecualian pribadi: tetap di rumah";
        Libur => "libur", "Libur";
        Berhalangan => "berhalangan", "Berhalangan (cuti, sakit, dinas luar)";
        DiLuarPeriode => "di_luar_periode", "Di luar periode";
        BelumDijadwalkan => "belum_dijadwalkan", "Jadwal piket belum disusun";
    }
);

impl Status {
    /// Present in the office that day.
    pub fn in_office(self) -> bool {
        matches!(
            self,
            Status::Wfo | Status::Piket | Status::Dikecualikan | Status::TetapDiKantor
        )
    }
}

/// The rule that decided a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    OutsidePeriod,
    Weekend,
    Holiday,
    /// Index into the workforce's absences.
    Absent(usize),
    /// Index into [`Rules::exceptions`].
    Exception(usize),
    ExemptByName,
    ExemptByKind,
    /// The employee's eselon level is among the agency's top N filled levels.
    TopLevel(u8),
    /// The eselon table lists the level for the agency's kind.
    EselonTable(u8),
    Picket,
    /// On a rotation, on a day after the roster's horizon.
    BeyondHorizon,
    Home,
}

/// A status and the rule behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub status: Status,
    pub rule: Rule,
}

/// What holds for an employee on every working day, before exceptions and
/// the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    Exempt(Rule),
    InOffice(Rule),
    /// On the rotation of the picket unit (index into the workforce's units).
    Rotation(usize),
    Home,
}

/// The rules of one circular applied to an office, ready to answer
/// "who works where" quickly for any day.
pub struct Engine {
    pub circular: Circular,
    pub calendar: WorkCalendar,
    pub workforce: Workforce,
    pub(crate) period: Period,
    /// The last day the roster covers: the period's end, or for an
    /// open-ended period the day it is drawn up to (see [`super::horizon`]).
    pub(crate) horizon: NaiveDate,
    pub(crate) standing: Vec<Standing>,
    /// Exceptions (indices) per employee index.
    pub(crate) exceptions: Vec<Vec<usize>>,
    /// Absences (indices into the workforce's) per employee index.
    pub(crate) absences: Vec<Vec<usize>>,
    /// The picket pools: unit index → employee indices sorted by NIP then
    /// id; every unit the rule targets has one, even an empty one.
    pub(crate) pools: Vec<(usize, Vec<usize>)>,
    /// The shift group (index into the picket rule's groups) per employee.
    pub(crate) group: Vec<Option<usize>>,
    /// Distinct eselon levels filled per agency, highest rank first.
    pub(crate) filled_levels: HashMap<i64, Vec<u8>>,
    /// Employee id → index.
    pub(crate) by_id: HashMap<i64, usize>,
    /// Unit id → index.
    pub(crate) unit_index: HashMap<i64, usize>,
    on_duty: HashSet<(NaiveDate, i64)>,
}

impl Engine {
    /// Prepares the circular's rules over `workforce`; the circular must
    /// have a period.
    pub fn new(circular: Circular, calendar: WorkCalendar, workforce: Workforce) -> Result<Engine> {
        let period = circular.period.ok_or_else(|| {
            Error::invalid(
                ErrorCode::PeriodeKosong,
                "period",
                "Surat edaran belum memiliki periode; status dan jadwal piket memerlukan periode.",
            )
        })?;
        circular.rules.validate()?;
        let rules = &circular.rules;
        let unit_index: HashMap<i64, usize> = workforce
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id, i))
            .collect();
        let agencies: HashMap<i64, usize> = workforce
            .agencies
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
        let mut filled_levels: HashMap<i64, Vec<u8>> = HashMap::new();
        for e in &workforce.employees {
            if let (PositionKind::Struktural, Some(es)) = (e.position_kind, e.eselon) {
                filled_levels
                    .entry(e.agency_id)
                    .or_default()
                    .push(es.level());
            }
        }
        for levels in filled_levels.values_mut() {
            levels.sort_unstable();
            levels.dedup();
        }
        let picket_unit = picket_units(rules, &workforce, &unit_index, &agencies);
        let standing: Vec<Standing> = workforce
            .employees
            .iter()
            .map(|e| {
                let agency = agencies.get(&e.agency_id).map(|&i| &workforce.agencies[i]);
                if let Some(by_name) = agency.and_then(|a| rules.exempt_by_name(a)) {
                    return Standing::Exempt(if by_name {
                        Rule::ExemptByName
                    } else {
                        Rule::ExemptByKind
                    });
                }
                if let (PositionKind::Struktural, Some(es)) = (e.position_kind, e.eselon) {
                    let level = es.level();
                    let top = rules.top_levels.is_some_and(|n| {
                        filled_levels[&e.agency_id]
                            .iter()
                            .take(n as usize)
                            .any(|l| *l == level)
                    });
                    if top {
                        return Standing::InOffice(Rule::TopLevel(level));
                    }
                    let listed = agency.is_some_and(|a| {
                        rules
                            .eselon_by_kind
                            .iter()
                            .any(|r| r.kind == a.kind && r.levels.contains(&level))
                    });
                    if listed {
                        return Standing::InOffice(Rule::EselonTable(level));
                    }
                }
                let categories_ok = rules.picket.as_ref().is_some_and(|p| {
                    p.categories.is_empty() || p.categories.contains(&e.employment)
                });
                match e.unit_id.and_then(|u| picket_unit[unit_index[&u]]) {
                    Some(unit) if categories_ok => Standing::Rotation(unit),
                    _ => Standing::Home,
                }
            })
            .collect();
        let by_id: HashMap<i64, usize> = workforce
            .employees
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
        let by_nip: HashMap<&str, usize> = workforce
            .employees
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.nip.as_deref().map(|n| (n, i)))
            .collect();
        let mut exceptions = vec![Vec::new(); workforce.employees.len()];
        for (x, ex) in rules.exceptions.iter().enumerate() {
            if let Some(&i) = by_nip.get(ex.nip.trim()) {
                exceptions[i].push(x);
            }
        }
        let mut absences = vec![Vec::new(); workforce.employees.len()];
        for (x, a) in workforce.absences.iter().enumerate() {
            if let Some(&i) = by_id.get(&a.employee_id) {
                absences[i].push(x);
            }
        }
        let picket_targets: Vec<usize> = (0..workforce.units.len())
            .filter(|&i| picket_unit[i] == Some(i))
            .collect();
        let pools = pools(&picket_targets, &standing, &workforce);
        let group = groups(rules, &pools, &workforce);
        Ok(Engine {
            horizon: period
                .end
                .unwrap_or_else(|| super::horizon::default_horizon(period.start)),
            period,
            standing,
            exceptions,
            absences,
            pools,
            group,
            filled_levels,
            by_id,
            unit_index,
            on_duty: HashSet::new(),
            circular,
            calendar,
            workforce,
        })
    }

    pub fn rules(&self) -> &Rules {
        &self.circular.rules
    }

    /// Uses `roster` for the `piket` status from now on.
    pub fn set_roster(&mut self, roster: &Roster) {
        self.on_duty = roster.on_duty().map(|a| (a.date, a.employee_id)).collect();
    }

    /// Employee `i` is on a picket rotation (their days can be edited).
    pub fn on_rotation(&self, i: usize) -> bool {
        matches!(self.standing[i], Standing::Rotation(_))
    }

    pub fn in_period(&self, date: NaiveDate) -> bool {
        self.period.start <= date && self.period.end.is_none_or(|end| date <= end)
    }

    /// The working days the roster covers: the period's, through the horizon.
    pub fn working_days(&self) -> Result<Vec<NaiveDate>> {
        Ok(self
            .period
            .start
            .iter_days()
            .take_while(|d| *d <= self.horizon)
            .filter(|d| self.calendar.is_working_day(*d))
            .collect())
    }

    /// The absence (index) covering employee `i` on `date`, if any.
    pub(crate) fn absence_on(&self, i: usize, date: NaiveDate) -> Option<usize> {
        self.absences[i]
            .iter()
            .copied()
            .find(|&x| self.workforce.absences[x].covers(date))
    }

    /// Employee `i`'s shift group, if the picket rule has groups.
    pub fn group_of(&self, i: usize) -> Option<&super::ShiftGroup> {
        let picket = self.circular.rules.picket.as_ref()?;
        self.group[i].map(|g| &picket.groups[g])
    }

    /// The personal exception (index) covering employee `i` on `date`, if any.
    pub(crate) fn exception_on(&self, i: usize, date: NaiveDate) -> Option<usize> {
        self.exceptions[i]
            .iter()
            .copied()
            .find(|&x| self.circular.rules.exceptions[x].covers(date))
    }

    /// The status of employee `i` (index into the workforce) on `date`.
    pub fn decide(&self, i: usize, date: NaiveDate) -> Decision {
        let d = |status, rule| Decision { status, rule };
        if !self.in_period(date) {
            return d(Status::DiLuarPeriode, Rule::OutsidePeriod);
        }
        if WorkCalendar::is_weekend(date) {
            return d(Status::Libur, Rule::Weekend);
        }
        if self.calendar.is_holiday(date) {
            return d(Status::Libur, Rule::Holiday);
        }
        if let Some(x) = self.absence_on(i, date) {
            return d(Status::Berhalangan, Rule::Absent(x));
        }
        if let Some(x) = self.exception_on(i, date) {
            let status = match self.circular.rules.exceptions[x].placement {
                super::Placement::DiRumah => Status::TetapDiRumah,
                super::Placement::DiKantor => Status::TetapDiKantor,
            };
            return d(status, Rule::Exception(x));
        }
        match self.standing[i] {
            Standing::Exempt(rule) => d(Status::Dikecualikan, rule),
            Standing::InOffice(rule) => d(Status::Wfo, rule),
            Standing::Rotation(_) if date > self.horizon => {
                d(Status::BelumDijadwalkan, Rule::BeyondHorizon)
            }
            _ if self
                .on_duty
                .contains(&(date, self.workforce.employees[i].id)) =>
            {
                d(Status::Piket, Rule::Picket)
            }
            _ => d(Status::Wfh, Rule::Home),
        }
    }

    /// The Indonesian sentence naming the rule behind `decision`.
    pub fn reason(&self, i: usize, date: NaiveDate, decision: Decision) -> String {
        let e = &self.workforce.employees[i];
        let agency = &e.agency_name;
        let day = words::date_with_weekday(date);
        match decision.rule {
            Rule::OutsidePeriod => format!(
                "{day} di luar periode surat edaran ({}).",
                self.period.phrase()
            ),
            Rule::Weekend => format!("{day} adalah akhir pekan."),
            Rule::Holiday => format!("{day} adalah hari libur nasional atau cuti bersama."),
            Rule::Absent(x) => format!(
                "Tidak hadir: {}; tidak dijadwalkan ke kantor.",
                self.workforce.absences[x].describe()
            ),
            Rule::Exception(x) => format!(
                "Pengecualian pribadi: {}.",
                self.circular.rules.exceptions[x].describe()
            ),
            Rule::ExemptByName => format!(
                "{agency} termasuk perangkat daerah yang dikecualikan dan tetap bekerja normal di kantor."
            ),
            Rule::ExemptByKind => {
                let kind = self
                    .workforce
                    .agencies
                    .iter()
                    .find(|a| a.id == e.agency_id)
                    .map_or("", |a| a.kind.label());
                format!(
                    "Seluruh perangkat daerah berjenis {kind} dikecualikan dan tetap bekerja normal di kantor."
                )
            }
            Rule::TopLevel(level) => format!(
                "Pejabat struktural eselon {}: termasuk {} level struktural tertinggi yang terisi di {agency}, yang tetap bekerja di kantor.",
                words::roman(level.into()),
                words::spelled(u64::from(self.circular.rules.top_levels.unwrap_or(0)))
            ),
            Rule::EselonTable(level) => format!(
                "Pejabat eselon {} pada perangkat daerah jenis ini tetap bekerja di kantor menurut tabel eselon per jenis perangkat daerah.",
                words::roman(level.into())
            ),
            Rule::Picket => {
                let unit = e.unit_name.as_deref().unwrap_or(agency);
                match self.group_of(i) {
                    Some(g) => format!(
                        "Kelompok {} bekerja di kantor pada {} ({unit}).",
                        g.name.trim(),
                        g.days_phrase()
                    ),
                    None => {
                        let per_day =
                            self.circular.rules.picket.as_ref().map_or(0, |p| p.per_day);
                        format!(
                            "Terjadwal piket di kantor pada {unit} ({} per unit per hari kerja).",
                            words::count(u64::from(per_day), "orang"),
                        )
                    }
                }
            }
            Rule::BeyondHorizon => format!(
                "Jadwal piket baru disusun sampai dengan {}; {day} belum dijadwalkan. Perpanjang jadwal piket sampai tanggal itu.",
                words::date(self.horizon)
            ),
            Rule::Home => match (self.standing[i], self.group_of(i)) {
                (Standing::Rotation(_), Some(g)) => format!(
                    "Bekerja di rumah: Kelompok {} bekerja di kantor pada {}, dan tidak dijadwalkan pada {day}.",
                    g.name.trim(),
                    g.days_phrase()
                ),
                (Standing::Rotation(_), None) => format!(
                    "Bekerja di rumah: tidak terjadwal piket pada {day}."
                ),
                _ => "Bekerja di rumah: tidak termasuk pejabat yang tetap di kantor maupun pegawai yang dijadwalkan piket.".into(),
            },
        }
    }
}

/// The picket pools: each target unit with its rotation's members, sorted
/// by NIP then id; units in agency order.
fn pools(
    targets: &[usize],
    standing: &[Standing],
    workforce: &Workforce,
) -> Vec<(usize, Vec<usize>)> {
    let mut pools: HashMap<usize, Vec<usize>> = targets.iter().map(|&u| (u, Vec::new())).collect();
    for (i, s) in standing.iter().enumerate() {
        if let Standing::Rotation(u) = s {
            pools.entry(*u).or_default().push(i);
        }
    }
    let mut pools: Vec<(usize, Vec<usize>)> = pools.into_iter().collect();
    pools.sort_by_key(|(u, _)| (workforce.units[*u].agency_id, *u));
    let people = &workforce.employees;
    for (_, pool) in &mut pools {
        pool.sort_by(|a, b| {
            (people[*a].nip.as_deref(), people[*a].id)
                .cmp(&(people[*b].nip.as_deref(), people[*b].id))
        });
    }
    pools
}

/// Each employee's shift group: in turn down each pool (`bergantian`), or
/// one group per unit in turn within each agency (`per_unit`).
fn groups(
    rules: &Rules,
    pools: &[(usize, Vec<usize>)],
    workforce: &Workforce,
) -> Vec<Option<usize>> {
    let mut group = vec![None; workforce.employees.len()];
    let Some(picket) = rules.picket.as_ref().filter(|p| !p.groups.is_empty()) else {
        return group;
    };
    let count = picket.groups.len();
    let mut agency = None;
    let mut unit_turn = 0;
    for (u, pool) in pools {
        let agency_id = workforce.units[*u].agency_id;
        if agency != Some(agency_id) {
            agency = Some(agency_id);
            unit_turn = 0;
        }
        for (k, &i) in pool.iter().enumerate() {
            group[i] = Some(match picket.grouping {
                super::Grouping::Bergantian => k % count,
                super::Grouping::PerUnit => unit_turn % count,
            });
        }
        unit_turn += 1;
    }
    group
}

/// For each unit (by index): the picket unit whose rotation its staff join
/// — itself or its nearest ancestor of a kind the picket rule names (a
/// top-level unit when it names none); `None` outside the rule.
fn picket_units(
    rules: &Rules,
    workforce: &Workforce,
    unit_index: &HashMap<i64, usize>,
    agencies: &HashMap<i64, usize>,
) -> Vec<Option<usize>> {
    let Some(picket) = &rules.picket else {
        return vec![None; workforce.units.len()];
    };
    let targeted = |i: usize| {
        let u = &workforce.units[i];
        let agency = agencies.get(&u.agency_id).map(|&a| &workforce.agencies[a]);
        let agency_ok = agency.is_some_and(|a| {
            rules.exempt_by_name(a).is_none()
                && (picket.agencies.is_empty() || picket.agencies.iter().any(|r| r.matches(a)))
        });
        agency_ok
            && if picket.unit_kinds.is_empty() {
                u.parent_id.is_none()
            } else {
                picket.unit_kinds.contains(&u.kind)
            }
    };
    (0..workforce.units.len())
        .map(|start| {
            let mut at = Some(start);
            // Bounded walk: a corrupt parent cycle cannot loop forever.
            for _ in 0..=workforce.units.len() {
                let i = at?;
                if targeted(i) {
                    return Some(i);
                }
                at = workforce.units[i]
                    .parent_id
                    .and_then(|p| unit_index.get(&p).copied());
            }
            None
        })
        .collect()
}

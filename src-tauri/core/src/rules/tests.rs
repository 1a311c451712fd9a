//! The rule kinds one by one, then combined as in the seed circulars, on the
//! demo office; then property tests over random small offices.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::status::Standing;
use super::*;
use crate::agency::{Agency, AgencyKind, Unit, UnitKind};
use crate::calendar::WorkCalendar;
use crate::circular::Period;
use crate::employee::{Employee, EmploymentKind, Eselon, PositionKind};
use crate::{demo, exchange, Store};

pub(crate) const MUBA: &str =
    include_str!("../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");

pub(crate) fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, m, d).unwrap()
}

pub(crate) fn demo_store() -> Store {
    let mut store = Store::for_test().unwrap();
    demo::fill(&mut store).unwrap();
    store
}

/// The Muba circular (13–29 May 2020) carrying `rules`, over the demo office.
pub(crate) fn engine(store: &Store, rules: Rules) -> Engine {
    let mut doc = exchange::from_json(MUBA).unwrap();
    doc.rules = rules;
    Engine::new(
        doc,
        store.work_calendar().unwrap(),
        store.workforce().unwrap(),
    )
    .unwrap()
}

/// Generates the roster, loads it, and checks every hard rule outside the
/// reported conflicts, and the fairness bound in units without conflicts.
pub(crate) fn rostered(mut engine: Engine) -> (Engine, Roster, Vec<Conflict>) {
    let (roster, conflicts) = engine.generate_roster(&Roster::default()).unwrap();
    engine.set_roster(&roster);
    check_hard_rules(&engine, &roster, &conflicts);
    (engine, roster, conflicts)
}

fn check_hard_rules(engine: &Engine, roster: &Roster, conflicts: &[Conflict]) {
    let days = engine.working_days().unwrap();
    let excused = |kind: ConflictKind, unit: Option<i64>, agency: Option<i64>, d: NaiveDate| {
        conflicts.iter().any(|c| {
            c.kind == kind
                && (unit.is_none() || c.unit_id == unit)
                && (agency.is_none() || c.agency_id == agency)
                && c.dates.contains(&d)
        })
    };
    let mut per_unit: HashMap<(NaiveDate, i64), usize> = HashMap::new();
    for a in roster.on_duty() {
        *per_unit.entry((a.date, a.unit_id.unwrap())).or_default() += 1;
        assert!(days.contains(&a.date), "duty on a non-working day {a:?}");
        let i = engine.by_id[&a.employee_id];
        assert!(matches!(engine.standing[i], Standing::Rotation(_)));
        assert!(
            engine.exception_on(i, a.date).is_none(),
            "{a:?} has an exception"
        );
        assert!(engine.absence_on(i, a.date).is_none(), "{a:?} is away");
    }
    let rules = engine.rules();
    let mut pools: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, s) in engine.standing.iter().enumerate() {
        if let Standing::Rotation(u) = s {
            pools.entry(*u).or_default().push(i);
        }
    }
    for (&u, pool) in &pools {
        let unit = &engine.workforce.units[u];
        let per_day = rules.picket.as_ref().unwrap().per_day as usize;
        let mut counts = vec![0usize; pool.len()];
        for &d in &days {
            let here = per_unit.get(&(d, unit.id)).copied().unwrap_or(0);
            let short = excused(ConflictKind::UnitKurangPegawai, Some(unit.id), None, d)
                || excused(ConflictKind::MelebihiBatas, None, Some(unit.agency_id), d);
            assert!(here >= per_day || short, "{} on {d}: {here}", unit.name);
            for (k, &i) in pool.iter().enumerate() {
                let id = engine.workforce.employees[i].id;
                counts[k] +=
                    usize::from(roster.on_duty().any(|a| a.date == d && a.employee_id == id));
            }
        }
        // Fair within each shift group (the whole pool when there are none).
        let mut free: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
        for k in (0..pool.len()).filter(|&k| {
            days.iter().all(|d| {
                engine.exception_on(pool[k], *d).is_none()
                    && engine.absence_on(pool[k], *d).is_none()
            })
        }) {
            free.entry(engine.group[pool[k]])
                .or_default()
                .push(counts[k]);
        }
        let clean = !conflicts
            .iter()
            .any(|c| c.unit_id == Some(unit.id) || c.agency_id == Some(unit.agency_id));
        for counts in free.values().filter(|_| clean) {
            let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
            assert!(hi - lo <= 1, "{}: counts {counts:?}", unit.name);
        }
    }
    if let Some(percent) = rules.min_share_percent {
        for a in engine
            .workforce
            .agencies
            .iter()
            .filter(|a| rules.exempt_by_name(a).is_none())
        {
            let staff: Vec<usize> = (0..engine.workforce.employees.len())
                .filter(|&i| engine.workforce.employees[i].agency_id == a.id)
                .collect();
            let need = (staff.len() * usize::from(percent)).div_ceil(100);
            for &d in &days {
                let present = staff
                    .iter()
                    .filter(|&&i| engine.decide(i, d).status.in_office())
                    .count();
                assert!(
                    present >= need
                        || excused(ConflictKind::KurangDariBatas, None, Some(a.id), d)
                        || excused(ConflictKind::MelebihiBatas, None, Some(a.id), d),
                    "{} on {d}: {present} < {need}",
                    a.name
                );
            }
        }
    }
    if let Some(percent) = rules.max_share_percent {
        for a in &engine.workforce.agencies {
            let staff: Vec<usize> = (0..engine.workforce.employees.len())
                .filter(|&i| engine.workforce.employees[i].agency_id == a.id)
                .collect();
            let limit = staff.len() * usize::from(percent) / 100;
            for &d in &days {
                let present = staff
                    .iter()
                    .filter(|&&i| engine.decide(i, d).status.in_office())
                    .count();
                assert!(
                    present <= limit
                        || excused(ConflictKind::MelebihiBatas, None, Some(a.id), d)
                        || rules.exempt_by_name(a).is_some(),
                    "{} on {d}: {present} > {limit}",
                    a.name
                );
            }
        }
    }
}

fn statuses(engine: &Engine, date: NaiveDate) -> Vec<Status> {
    (0..engine.workforce.employees.len())
        .map(|i| engine.decide(i, date).status)
        .collect()
}

#[test]
fn calendar_and_period_come_first() {
    let store = demo_store();
    let engine = engine(&store, Rules::default());
    let all = |d, s| assert!(statuses(&engine, d).iter().all(|x| *x == s), "{d}");
    all(day(5, 12), Status::DiLuarPeriode);
    all(day(5, 30), Status::DiLuarPeriode);
    all(day(5, 16), Status::Libur); // Saturday
    all(day(5, 21), Status::Libur); // Kenaikan Isa Almasih
    all(day(5, 13), Status::Wfh);
    let reason = engine.reason(0, day(5, 21), engine.decide(0, day(5, 21)));
    assert_eq!(
        reason,
        "Kamis, 21 Mei 2020 adalah hari libur nasional atau cuti bersama."
    );
    assert_eq!(engine.working_days().unwrap().len(), 11);
}

#[test]
fn top_levels_keep_the_highest_filled_posts_and_report_agencies_with_fewer() {
    let store = demo_store();
    let engine = engine(
        &store,
        Rules {
            top_levels: Some(2),
            ..Default::default()
        },
    );
    for (i, e) in engine.workforce.employees.iter().enumerate() {
        let d = engine.decide(i, day(5, 13));
        let levels = &engine.filled_levels.get(&e.agency_id);
        let top = e
            .eselon
            .is_some_and(|es| levels.is_some_and(|l| l.iter().take(2).any(|x| *x == es.level())));
        assert_eq!(
            d.status == Status::Wfo,
            top,
            "{} {:?}",
            e.position_name,
            e.eselon
        );
    }
    let kepala = engine
        .workforce
        .employees
        .iter()
        .position(|e| e.eselon == Some(Eselon::IIb))
        .unwrap();
    let d = engine.decide(kepala, day(5, 13));
    assert!(engine
        .reason(kepala, day(5, 13), d)
        .contains("2 (dua) level struktural tertinggi"));
    let conflicts = engine.conflicts(&Roster::default(), Vec::new());
    let fewer: Vec<&Conflict> = conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::LevelKurang)
        .collect();
    assert!(!fewer.is_empty());
    assert!(
        fewer
            .iter()
            .any(|c| c.message.contains("Puskesmas") && c.message.contains("1 (satu) level")),
        "{fewer:?}"
    );
}

#[test]
fn the_eselon_table_follows_agency_kinds() {
    let store = demo_store();
    let rules = Rules {
        eselon_by_kind: vec![KindLevels {
            kind: AgencyKind::Dinas,
            levels: vec![2, 3],
        }],
        ..Default::default()
    };
    let engine = engine(&store, rules);
    let kinds: HashMap<i64, AgencyKind> = engine
        .workforce
        .agencies
        .iter()
        .map(|a| (a.id, a.kind))
        .collect();
    for (i, e) in engine.workforce.employees.iter().enumerate() {
        let expected =
            kinds[&e.agency_id] == AgencyKind::Dinas && e.eselon.is_some_and(|x| x.level() <= 3);
        assert_eq!(
            engine.decide(i, day(5, 14)).status == Status::Wfo,
            expected,
            "{}",
            e.position_name
        );
    }
}

pub(crate) fn muba_picket() -> Picket {
    Picket {
        per_day: 2,
        unit_kinds: vec![UnitKind::Sekretariat, UnitKind::Bidang],
        categories: Vec::new(),
        agencies: Vec::new(),
        ..Default::default()
    }
}

#[test]
fn the_muba_picket_puts_two_in_every_sekretariat_and_bidang_fairly_and_stably() {
    let store = demo_store();
    let rules = Rules {
        picket: Some(muba_picket()),
        ..Default::default()
    };
    let (engine, roster, conflicts) = rostered(engine(&store, rules.clone()));
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let units: HashSet<Option<i64>> = roster.on_duty().map(|a| a.unit_id).collect();
    let targeted = engine
        .workforce
        .units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Sekretariat | UnitKind::Bidang))
        .count();
    assert_eq!(units.len(), targeted);
    assert_eq!(roster.on_duty().count(), targeted * 2 * 11);
    let (again, _) = self::engine(&store, rules)
        .generate_roster(&Roster::default())
        .unwrap();
    assert_eq!(again, roster, "same input, same roster");
    let piket = statuses(&engine, day(5, 13))
        .iter()
        .filter(|s| **s == Status::Piket)
        .count();
    assert_eq!(piket, targeted * 2);
}

#[test]
fn a_unit_too_small_is_reported_with_its_days_and_shortfall_not_rostered() {
    let store = demo_store();
    let rules = Rules {
        picket: Some(Picket {
            per_day: 6,
            ..muba_picket()
        }),
        ..Default::default()
    };
    let (_, roster, conflicts) = rostered(engine(&store, rules));
    let small: Vec<&Conflict> = conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::UnitKurangPegawai)
        .collect();
    assert!(!small.is_empty());
    for c in &small {
        assert_eq!(c.dates.len(), 11);
        assert!(c.short.unwrap() >= 1);
        assert!(
            !roster.on_duty().any(|a| a.unit_id == c.unit_id),
            "no wrong roster"
        );
    }
}

#[test]
fn the_share_limit_is_never_exceeded_and_impossible_days_are_reported() {
    let store = demo_store();
    let rules = Rules {
        top_levels: Some(2),
        picket: Some(muba_picket()),
        max_share_percent: Some(25),
        ..Default::default()
    };
    let (_, _, conflicts) = rostered(engine(&store, rules));
    assert!(
        conflicts
            .iter()
            .any(|c| c.kind == ConflictKind::MelebihiBatas),
        "{conflicts:?}"
    );
}

#[test]
fn exempt_agencies_by_kind_and_name_work_normally_and_clash_when_also_targeted() {
    let store = demo_store();
    let rules = Rules {
        exempt_kinds: vec![AgencyKind::Puskesmas, AgencyKind::Rsud],
        exempt_agencies: vec![AgencyRef::Name("Satpol PP".into())],
        eselon_by_kind: vec![KindLevels {
            kind: AgencyKind::Rsud,
            levels: vec![2],
        }],
        picket: Some(muba_picket()),
        ..Default::default()
    };
    let (engine, roster, generated) = rostered(engine(&store, rules));
    let conflicts = engine.conflicts(&roster, generated);
    let kinds: HashMap<i64, AgencyKind> = engine
        .workforce
        .agencies
        .iter()
        .map(|a| (a.id, a.kind))
        .collect();
    let mut exempt = 0;
    for (i, e) in engine.workforce.employees.iter().enumerate() {
        let k = kinds[&e.agency_id];
        let s = engine.decide(i, day(5, 20)).status;
        if matches!(
            k,
            AgencyKind::Puskesmas | AgencyKind::Rsud | AgencyKind::SatpolPp
        ) {
            assert_eq!(s, Status::Dikecualikan, "{}", e.agency_name);
            exempt += 1;
        } else {
            assert_ne!(s, Status::Dikecualikan);
        }
    }
    assert!(exempt > 50);
    assert!(conflicts
        .iter()
        .any(|c| c.kind == ConflictKind::DikecualikanDanDitugaskan));
}

#[test]
fn personal_exceptions_win_over_agency_rules_and_leave_the_rotation() {
    let store = demo_store();
    let workforce = store.workforce().unwrap();
    let nurse = workforce
        .employees
        .iter()
        .find(|e| e.agency_name.starts_with("Puskesmas") && e.nip.is_some())
        .unwrap();
    let staff = workforce
        .employees
        .iter()
        .find(|e| {
            e.unit_name.as_deref() == Some("Sekretariat") && e.eselon.is_none() && e.nip.is_some()
        })
        .unwrap();
    let exception = |nip: &str, placement, from, to| PersonalException {
        nip: nip.into(),
        placement,
        reason: ExceptionReason::Hamil,
        from,
        to,
        note: String::new(),
    };
    let rules = Rules {
        exempt_kinds: vec![AgencyKind::Puskesmas],
        picket: Some(muba_picket()),
        exceptions: vec![
            exception(
                nurse.nip.as_deref().unwrap(),
                Placement::DiRumah,
                Some(day(5, 14)),
                Some(day(5, 20)),
            ),
            exception(
                staff.nip.as_deref().unwrap(),
                Placement::DiRumah,
                None,
                Some(day(5, 29)),
            ),
            exception(
                staff.nip.as_deref().unwrap(),
                Placement::DiKantor,
                Some(day(6, 1)),
                None,
            ),
            exception("199001012020121001", Placement::DiKantor, None, None),
        ],
        ..Default::default()
    };
    let (engine, roster, generated) = rostered(engine(&store, rules));
    let conflicts = engine.conflicts(&roster, generated);
    let n = engine.by_id[&nurse.id];
    assert_eq!(engine.decide(n, day(5, 13)).status, Status::Dikecualikan);
    let d = engine.decide(n, day(5, 14));
    assert_eq!(d.status, Status::TetapDiRumah);
    assert_eq!(
        engine.reason(n, day(5, 14), d),
        "Pengecualian pribadi: tetap di rumah karena sedang hamil (14 Mei 2020 s.d. 20 Mei 2020)."
    );
    assert!(!roster.on_duty().any(|a| a.employee_id == staff.id));
    let kinds: Vec<ConflictKind> = conflicts.iter().map(|c| c.kind).collect();
    assert!(
        kinds.contains(&ConflictKind::PengecualianDiLuarPeriode),
        "{kinds:?}"
    );
    assert!(kinds.contains(&ConflictKind::NipTidakDikenal), "{kinds:?}");
}

#[test]
fn combined_seed_rules_hold_on_every_working_day() {
    let store = demo_store();
    // The seed fixtures carry their rules. Sumsel: the top two structural
    // levels plus scheduled staff; Pandeglang: picket staff in service
    // units, service agencies exempt, at most half in the office.
    let seed = |text: &str| exchange::from_json(text).unwrap().rules;
    let sumsel = seed(include_str!(
        "../../../../tests/fixtures/sumsel-2020-03.json"
    ));
    assert_eq!(sumsel.top_levels, Some(2));
    let pandeglang = seed(include_str!(
        "../../../../tests/fixtures/pandeglang-800-2688-bkd-2020.json"
    ));
    assert_eq!(
        pandeglang.exempt_kinds,
        [AgencyKind::Rsud, AgencyKind::Puskesmas]
    );
    let muba = exchange::from_json(MUBA).unwrap().rules;
    assert_eq!(muba.picket, Some(muba_picket()));
    for rules in [sumsel, pandeglang, muba] {
        let (engine, _, conflicts) = rostered(engine(&store, rules));
        for d in [day(5, 16), day(5, 17), day(5, 21), day(5, 22), day(5, 25)] {
            if d != day(5, 22) {
                assert!(statuses(&engine, d).iter().all(|s| *s == Status::Libur));
            }
        }
        assert!(
            conflicts
                .iter()
                .all(|c| c.kind != ConflictKind::MelebihiBatas),
            "{conflicts:?}"
        );
    }
}

#[test]
fn hand_edits_are_validated_forced_with_warnings_and_survive_regeneration() {
    let store = demo_store();
    let rules = Rules {
        picket: Some(muba_picket()),
        ..Default::default()
    };
    let (engine, mut roster, _) = rostered(engine(&store, rules));
    let on = roster
        .on_duty()
        .find(|a| a.date == day(5, 13))
        .unwrap()
        .clone();
    let unit = on.unit_id;
    let i = engine.by_id[&on.employee_id];
    let Standing::Rotation(u) = engine.standing[i] else {
        panic!()
    };
    let mate = (0..engine.workforce.employees.len())
        .find(|&k| {
            engine.standing[k] == Standing::Rotation(u)
                && !roster.on_duty().any(|a| {
                    a.date == day(5, 13) && a.employee_id == engine.workforce.employees[k].id
                })
        })
        .map(|k| engine.workforce.employees[k].id)
        .unwrap();
    let edit = |employee_id, on_duty, replaces, force| RosterEdit {
        date: day(5, 13),
        employee_id,
        on_duty,
        replaces,
        force,
    };
    // Taking one off alone leaves the unit short: refused, then forced with a warning.
    let refused = engine
        .apply_edit(
            &mut roster.clone(),
            &edit(on.employee_id, false, None, false),
        )
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::PiketMelanggarAturan);
    assert!(
        refused
            .to_string()
            .contains("kurang dari minimal 2 (dua) orang"),
        "{refused}"
    );
    let warnings = engine
        .apply_edit(
            &mut roster.clone(),
            &edit(on.employee_id, false, None, true),
        )
        .unwrap();
    assert_eq!(warnings.len(), 1);
    // A swap within the unit is fine, and generation keeps it.
    assert!(engine
        .apply_edit(&mut roster, &edit(mate, true, Some(on.employee_id), false))
        .unwrap()
        .is_empty());
    let (again, short) = engine.generate_roster(&roster).unwrap();
    assert!(short.is_empty(), "{short:?}");
    let that_day: Vec<i64> = again
        .on_duty()
        .filter(|a| a.date == day(5, 13) && a.unit_id == unit)
        .map(|a| a.employee_id)
        .collect();
    assert!(
        that_day.contains(&mate) && !that_day.contains(&on.employee_id),
        "{that_day:?}"
    );
    assert_eq!(
        that_day.len(),
        2,
        "{:?}",
        again
            .entries
            .iter()
            .filter(|a| a.date == day(5, 13) && a.unit_id == unit)
            .collect::<Vec<_>>()
    );
    // Weekends are never rostered.
    let e = engine
        .apply_edit(&mut roster, &edit(mate, true, None, true))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::SudahTerjadwal);
    let e = engine
        .apply_edit(
            &mut roster,
            &RosterEdit {
                date: day(5, 16),
                ..edit(mate, true, None, true)
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::BukanHariKerja);
}

#[test]
fn the_store_keeps_the_roster_and_finds_overlapping_circulars() {
    let mut store = demo_store();
    let mut doc = exchange::from_json(MUBA).unwrap();
    let first = store.create_circular(&doc, "uji").unwrap();
    let report = store.generate_roster(first).unwrap();
    assert!(report.conflicts.is_empty());
    let (_, loaded) = store.rule_engine(first).unwrap();
    assert_eq!(loaded.roster, report.roster);
    store.initial(first, "uji").unwrap();
    store
        .issue(first, &crate::store::Issue::on(day(5, 12)), "uji")
        .unwrap();
    doc.period = Some(Period {
        start: day(5, 25),
        end: Some(day(6, 5)),
    });
    let second = store.create_circular(&doc, "uji").unwrap();
    let conflicts = store.circular_conflicts(second).unwrap();
    assert!(
        conflicts
            .iter()
            .any(|c| c.kind == ConflictKind::TumpangTindih),
        "{conflicts:?}"
    );
    let rows = store.statuses(first, day(5, 13), None).unwrap();
    assert_eq!(
        rows.iter().filter(|r| r.status == Status::Piket).count(),
        report
            .roster
            .on_duty()
            .filter(|a| a.date == day(5, 13))
            .count()
    );
}

#[test]
fn every_rule_writes_its_clause() {
    let rules = Rules {
        top_levels: Some(2),
        picket: Some(muba_picket()),
        max_share_percent: Some(50),
        exempt_kinds: vec![AgencyKind::Puskesmas],
        ..Default::default()
    };
    let text = clauses::clauses(&rules);
    assert_eq!(text.len(), 4);
    assert!(text[1].starts_with(
        "Setiap Sekretariat dan Bidang pada Perangkat Daerah menugaskan 2 (dua) orang pegawai"
    ));
    assert!(text[0].contains("minimal 2 (dua) level"));
    assert!(text[2].contains("50% (lima puluh persen)"));
    assert!(text[3].contains("seluruh Puskesmas"));
}

/// A small office for property tests: one agency per entry of `units`, each
/// with units of the given staff sizes, a head at eselon II and unit heads at III.
pub(crate) fn office(units: &[Vec<u32>]) -> Workforce {
    let mut w = Workforce::default();
    let mut next = 1i64;
    let mut id = || {
        next += 1;
        next
    };
    for (a, sizes) in units.iter().enumerate() {
        let agency = Agency {
            id: a as i64 + 1,
            name: format!("Dinas {a}"),
            short_name: String::new(),
            kind: AgencyKind::Dinas,
            kind_label: "Dinas",
            unit_count: sizes.len() as i64,
            employee_count: 1,
        };
        let person = |id: i64, unit: Option<&Unit>, eselon: Option<Eselon>| Employee {
            id,
            nip: Some(format!("19800101200501{id:04}")),
            name: format!("Pegawai {id}"),
            front_title: String::new(),
            back_title: String::new(),
            employment: EmploymentKind::Pns,
            golongan: None,
            position_name: "Staf".into(),
            position_kind: if eselon.is_some() {
                PositionKind::Struktural
            } else {
                PositionKind::Pelaksana
            },
            eselon,
            agency_id: agency.id,
            agency_name: agency.name.clone(),
            unit_id: unit.map(|u| u.id),
            unit_name: unit.map(|u| u.name.clone()),
        };
        w.employees.push(person(id(), None, Some(Eselon::IIb)));
        for (k, &size) in sizes.iter().enumerate() {
            let unit = Unit {
                id: id(),
                agency_id: agency.id,
                parent_id: None,
                name: format!("Bidang {a}.{k}"),
                kind: UnitKind::Bidang,
                kind_label: "Bidang",
                employee_count: i64::from(size),
            };
            w.employees
                .push(person(id(), Some(&unit), Some(Eselon::IIIb)));
            for _ in 0..size {
                w.employees.push(person(id(), Some(&unit), None));
            }
            w.units.push(unit);
        }
        w.agencies.push(agency);
    }
    w
}

/// A circular over `period` with `rules`, for engines built without a store.
pub(crate) fn circular(
    rules: Rules,
    start: NaiveDate,
    end: NaiveDate,
) -> crate::circular::Circular {
    let mut doc = exchange::from_json(MUBA).unwrap();
    doc.period = Some(Period {
        start,
        end: Some(end),
    });
    doc.rules = rules;
    doc
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn a_roster_never_breaks_a_hard_rule_and_impossible_cases_are_conflicts(
            units in prop::collection::vec(prop::collection::vec(0u32..6, 1..4), 1..4),
            per_day in 1u32..4,
            top in prop::option::of(1u8..3),
            share in prop::option::of(prop::sample::select(vec![25u8, 50, 75])),
            away in prop::collection::vec((0usize..40, 0u32..10, 0u32..6), 0..6),
            length in 3u32..20,
        ) {
            let workforce = office(&units);
            let start = day(5, 4);
            let end = start + chrono::Days::new(u64::from(length));
            // One exception per person: the same NIP twice on a day is refused.
            let mut seen = HashSet::new();
            let exceptions = away
                .iter()
                .filter(|(who, _, _)| seen.insert(who % workforce.employees.len()))
                .map(|&(who, from, span)| PersonalException {
                    nip: workforce.employees[who % workforce.employees.len()].nip.clone().unwrap(),
                    placement: Placement::DiRumah,
                    reason: ExceptionReason::Karantina,
                    from: Some(start + chrono::Days::new(u64::from(from))),
                    to: Some(start + chrono::Days::new(u64::from(from + span))),
                    note: String::new(),
                })
                .collect();
            let rules = Rules {
                top_levels: top,
                picket: Some(Picket { per_day, unit_kinds: vec![UnitKind::Bidang], categories: Vec::new(), agencies: Vec::new(), ..Default::default() }),
                max_share_percent: share,
                exceptions,
                ..Default::default()
            };
            let calendar = WorkCalendar::new([day(5, 7), day(5, 21)]);
            let engine = Engine::new(circular(rules, start, end), calendar, workforce).unwrap();
            let (engine, roster, conflicts) = rostered(engine);
            // Every unit that cannot field `per_day` on a day is reported.
            for u in &engine.workforce.units {
                let index = engine.unit_index[&u.id];
                let size = engine.standing.iter().filter(|s| **s == Standing::Rotation(index)).count();
                if size < per_day as usize && !engine.working_days().unwrap().is_empty() {
                    prop_assert!(conflicts.iter().any(|c| c.unit_id == Some(u.id)), "{} not reported", u.name);
                    prop_assert!(!roster.on_duty().any(|a| a.unit_id == Some(u.id)));
                }
            }
        }
    }
}

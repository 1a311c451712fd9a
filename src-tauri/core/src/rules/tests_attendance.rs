//! Rules as later 2020 circulars combine them: structural levels and the
//! eselon table together, shift groups, a minimum share in the office,
//! consecutive-day limits and absences.

use std::collections::{HashMap, HashSet};

use super::tests::{circular, day, demo_store, engine, muba_picket, office, rostered};
use super::*;
use crate::absence::{Absence, AbsenceReason};
use crate::calendar::WorkCalendar;
use crate::employee::Eselon;
use crate::exchange;
use crate::rules::status::Rule;

#[test]
fn top_levels_and_the_eselon_table_apply_together_and_the_reason_names_which() {
    let store = demo_store();
    let rules = Rules {
        top_levels: Some(1),
        eselon_by_kind: vec![KindLevels {
            kind: AgencyKind::Dinas,
            levels: vec![3, 4],
        }],
        ..Default::default()
    };
    let engine = engine(&store, rules);
    let people = &engine.workforce.employees;
    let sekda = people
        .iter()
        .position(|e| e.agency_name == "Sekretariat Daerah" && e.eselon == Some(Eselon::IIa))
        .unwrap();
    let d = engine.decide(sekda, day(5, 13));
    assert_eq!((d.status, d.rule), (Status::Wfo, Rule::TopLevel(2)));
    assert!(engine
        .reason(sekda, day(5, 13), d)
        .contains("1 (satu) level struktural tertinggi"));
    let kinds: HashMap<i64, AgencyKind> = engine
        .workforce
        .agencies
        .iter()
        .map(|a| (a.id, a.kind))
        .collect();
    let dinas_iii = people
        .iter()
        .position(|e| {
            kinds[&e.agency_id] == AgencyKind::Dinas && e.eselon.is_some_and(|x| x.level() == 3)
        })
        .unwrap();
    let d = engine.decide(dinas_iii, day(5, 13));
    assert_eq!((d.status, d.rule), (Status::Wfo, Rule::EselonTable(3)));
    assert!(engine
        .reason(dinas_iii, day(5, 13), d)
        .contains("tabel eselon"));
    let badan_iv = people
        .iter()
        .position(|e| {
            kinds[&e.agency_id] == AgencyKind::Badan && e.eselon.is_some_and(|x| x.level() == 4)
        })
        .unwrap();
    assert_eq!(engine.decide(badan_iv, day(5, 13)).status, Status::Wfh);
}

fn shifts(grouping: Grouping) -> Picket {
    Picket {
        per_day: 1,
        groups: vec![
            ShiftGroup {
                name: "A".into(),
                pattern: DayPattern::HariTertentu,
                weekdays: vec![WorkDay::Senin, WorkDay::Rabu, WorkDay::Jumat],
            },
            ShiftGroup {
                name: "B".into(),
                pattern: DayPattern::HariTertentu,
                weekdays: vec![WorkDay::Selasa, WorkDay::Kamis],
            },
        ],
        grouping,
        ..muba_picket()
    }
}

#[test]
fn shift_groups_come_in_on_their_days_only_and_split_each_unit_evenly() {
    let store = demo_store();
    let rules = Rules {
        picket: Some(shifts(Grouping::Bergantian)),
        ..Default::default()
    };
    let (engine, roster, _) = rostered(engine(&store, rules));
    let on: HashSet<(NaiveDate, i64)> = roster.on_duty().map(|a| (a.date, a.employee_id)).collect();
    let mut checked = 0;
    for (_, pool) in &engine.pools {
        let sizes: Vec<usize> = (0..2)
            .map(|g| pool.iter().filter(|&&i| engine.group[i] == Some(g)).count())
            .collect();
        assert!(sizes[0].abs_diff(sizes[1]) <= 1, "{sizes:?}");
        for &i in pool {
            let group = engine.group_of(i).unwrap();
            for d in engine.working_days().unwrap() {
                let id = engine.workforce.employees[i].id;
                assert_eq!(on.contains(&(d, id)), group.works_on(d, day(5, 13)), "{d}");
                checked += 1;
            }
        }
    }
    assert!(checked > 1000);
    // Wednesday 13 May: group A is in, group B at home, each told why.
    let (a, b) = {
        let pool = &engine.pools.iter().find(|(_, p)| p.len() >= 2).unwrap().1;
        (pool[0], pool[1])
    };
    let d = engine.decide(a, day(5, 13));
    assert_eq!(d.status, Status::Piket);
    assert_eq!(
        engine.reason(a, day(5, 13), d).split(" (").next().unwrap(),
        "Kelompok A bekerja di kantor pada hari Senin, Rabu, dan Jumat"
    );
    let d = engine.decide(b, day(5, 13));
    assert_eq!(d.status, Status::Wfh);
    assert!(engine
        .reason(b, day(5, 13), d)
        .starts_with("Bekerja di rumah: Kelompok B bekerja di kantor pada hari Selasa dan Kamis"));
    let text = clauses::clauses(engine.rules());
    assert!(
        text.iter().any(|c| c.contains("Kelompok A pada hari Senin, Rabu, dan Jumat; dan Kelompok B pada hari Selasa dan Kamis")),
        "{text:?}"
    );
}

#[test]
fn grouping_by_unit_puts_a_whole_unit_in_one_group_and_alternates_units() {
    let workforce = office(&[vec![3, 3, 3, 3]]);
    let rules = Rules {
        picket: Some(Picket {
            unit_kinds: vec![UnitKind::Bidang],
            ..shifts(Grouping::PerUnit)
        }),
        ..Default::default()
    };
    let engine = Engine::new(
        circular(rules, day(7, 6), day(7, 17)),
        WorkCalendar::new([]),
        workforce,
    )
    .unwrap();
    let groups: Vec<Vec<Option<usize>>> = engine
        .pools
        .iter()
        .map(|(_, pool)| pool.iter().map(|&i| engine.group[i]).collect())
        .collect();
    assert_eq!(groups.len(), 4);
    for (u, g) in groups.iter().enumerate() {
        assert!(g.iter().all(|x| *x == Some(u % 2)), "unit {u}: {g:?}");
    }
}

#[test]
fn a_minimum_share_brings_people_from_the_rotation_or_is_reported() {
    let store = demo_store();
    let rules = Rules {
        top_levels: Some(1),
        picket: Some(muba_picket()),
        min_share_percent: Some(40),
        ..Default::default()
    };
    // rostered() checks every agency-day reaches 40 % or is reported.
    let (engine, roster, conflicts) = rostered(engine(&store, rules.clone()));
    let plain = rostered(self::engine(
        &store,
        Rules {
            min_share_percent: None,
            ..rules
        },
    ))
    .1;
    assert!(
        roster.on_duty().count() > plain.on_duty().count(),
        "the minimum adds duties"
    );
    let short: Vec<&Conflict> = conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::KurangDariBatas)
        .collect();
    for c in &short {
        assert!(
            c.message.contains("batas paling sedikit 40%"),
            "{}",
            c.message
        );
    }
    assert!(clauses::clauses(engine.rules())
        .iter()
        .any(|c| c.contains("paling sedikit 40% (empat puluh persen)")));
}

#[test]
fn nobody_is_rostered_more_days_in_a_row_than_allowed() {
    // Units of three with two a day: without a cap someone works every day.
    let workforce = office(&[vec![3, 4]]);
    let rules = Rules {
        picket: Some(Picket {
            per_day: 2,
            unit_kinds: vec![UnitKind::Bidang],
            max_consecutive: Some(2),
            ..Default::default()
        }),
        ..Default::default()
    };
    let engine = Engine::new(
        circular(rules, day(7, 6), day(7, 24)),
        WorkCalendar::new([]),
        workforce,
    )
    .unwrap();
    let (engine, roster, conflicts) = rostered(engine);
    let days = engine.working_days().unwrap();
    for e in &engine.workforce.employees {
        let mut run = 0;
        for d in &days {
            run = if roster
                .on_duty()
                .any(|a| a.date == *d && a.employee_id == e.id)
            {
                run + 1
            } else {
                0
            };
            assert!(run <= 2, "{} works {run} days in a row to {d}", e.name);
        }
    }
    // Three people, two a day, two days at most in a row: some days fall short.
    assert!(conflicts
        .iter()
        .all(|c| c.kind == ConflictKind::UnitKurangPegawai));
    let loads = engine.pool_loads(&roster);
    assert_eq!(loads.len(), 2);
    assert!(loads.iter().all(|l| l.most - l.fewest <= 1), "{loads:?}");
}

#[test]
fn an_absent_person_is_never_rostered_and_no_hand_edit_puts_them_in() {
    let store = demo_store();
    let mut workforce = store.workforce().unwrap();
    let mut doc = exchange::from_json(super::tests::MUBA).unwrap();
    doc.rules = Rules {
        picket: Some(muba_picket()),
        ..Default::default()
    };
    let probe = Engine::new(
        doc.clone(),
        store.work_calendar().unwrap(),
        workforce.clone(),
    )
    .unwrap();
    let (_, pool) = probe.pools.iter().find(|(_, p)| p.len() >= 4).unwrap();
    let away = pool[0];
    let person = workforce.employees[away].clone();
    workforce.absences.push(Absence {
        id: 1,
        employee_id: person.id,
        nip: person.nip.clone(),
        name: person.full_name(),
        agency: person.agency_name.clone(),
        from: day(5, 13),
        to: day(5, 29),
        reason: AbsenceReason::Cuti,
        note: "melahirkan".into(),
    });
    let engine = Engine::new(doc, store.work_calendar().unwrap(), workforce).unwrap();
    let (engine, mut roster, _) = rostered(engine);
    assert!(!roster.on_duty().any(|a| a.employee_id == person.id));
    let d = engine.decide(away, day(5, 14));
    assert_eq!(d.status, Status::Berhalangan);
    assert_eq!(
        engine.reason(away, day(5, 14), d),
        "Tidak hadir: cuti, melahirkan (13 Mei 2020 s.d. 29 Mei 2020); tidak dijadwalkan ke kantor."
    );
    let edit = RosterEdit {
        date: day(5, 14),
        employee_id: person.id,
        on_duty: true,
        replaces: None,
        force: false,
    };
    let e = engine.apply_edit(&mut roster, &edit).unwrap_err();
    assert!(e.to_string().contains("cuti, melahirkan"), "{e}");
}

#[test]
fn the_same_nip_twice_on_a_day_is_refused_with_both_rows() {
    let nip = "198001012005011001".to_string();
    let exception = |from: Option<NaiveDate>, to: Option<NaiveDate>| PersonalException {
        nip: nip.clone(),
        placement: Placement::DiRumah,
        reason: ExceptionReason::Hamil,
        from,
        to,
        note: String::new(),
    };
    let mut rules = Rules {
        exceptions: vec![
            exception(None, Some(day(5, 15))),
            exception(Some(day(5, 18)), None),
        ],
        ..Default::default()
    };
    rules.validate().unwrap();
    rules
        .exceptions
        .push(exception(Some(day(5, 20)), Some(day(5, 20))));
    let e = rules.validate().unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.field()),
        ("nip_ganda", Some("exceptions"))
    );
    assert!(
        e.to_string()
            .starts_with("Pengecualian baris 2 dan 3: NIP 198001012005011001 tercantum dua kali"),
        "{e}"
    );
}

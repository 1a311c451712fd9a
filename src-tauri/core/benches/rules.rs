//! The rule engine at regional-government scale: 20,000 employees in 400
//! picket units of 40 agencies, over a 31-day period (21 working days).

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use edaran_core::agency::{Agency, AgencyKind, Unit, UnitKind};
use edaran_core::calendar::{WorkCalendar, NATIONAL_2020};
use edaran_core::circular::Period;
use edaran_core::employee::{Employee, EmploymentKind, Eselon, PositionKind};
use edaran_core::exchange;
use edaran_core::rules::{
    Engine, ExceptionReason, PersonalException, Picket, Placement, Roster, Rules, Workforce,
};

const MUBA: &str = include_str!("../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, m, d).unwrap()
}

/// 40 agencies × 10 units × 50 people (a head at eselon III, 49 staff).
fn office() -> Workforce {
    let mut w = Workforce::default();
    let mut id = 0i64;
    for a in 0..40i64 {
        let agency = Agency {
            id: a + 1,
            name: format!("Dinas {a}"),
            short_name: String::new(),
            kind: AgencyKind::Dinas,
            kind_label: "Dinas",
            unit_count: 10,
            employee_count: 500,
        };
        for k in 0..10i64 {
            let unit = Unit {
                id: a * 100 + k,
                agency_id: agency.id,
                parent_id: None,
                name: format!("Bidang {k}"),
                kind: UnitKind::Bidang,
                kind_label: "Bidang",
                employee_count: 50,
            };
            for p in 0..50 {
                id += 1;
                let eselon = (p == 0).then_some(Eselon::IIIb);
                w.employees.push(Employee {
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
                    unit_id: Some(unit.id),
                    unit_name: Some(unit.name.clone()),
                });
            }
            w.units.push(unit);
        }
        w.agencies.push(agency);
    }
    w
}

fn engine() -> Engine {
    let workforce = office();
    let exceptions = (0..200)
        .map(|i| PersonalException {
            nip: workforce.employees[i * 97].nip.clone().unwrap(),
            placement: Placement::DiRumah,
            reason: ExceptionReason::Komorbid,
            from: Some(day(5, 4)),
            to: Some(day(5, 15)),
            note: String::new(),
        })
        .collect();
    let mut doc = exchange::from_json(MUBA).unwrap();
    doc.period = Some(Period {
        start: day(5, 1),
        end: Some(day(5, 31)),
    });
    doc.rules = Rules {
        top_levels: Some(1),
        picket: Some(Picket {
            per_day: 3,
            unit_kinds: vec![UnitKind::Bidang],
            categories: Vec::new(),
            agencies: Vec::new(),
        }),
        max_share_percent: Some(25),
        exceptions,
        ..Default::default()
    };
    let calendar = WorkCalendar::new(NATIONAL_2020.iter().map(|(m, d, ..)| day(*m, *d)));
    Engine::new(doc, calendar, workforce).unwrap()
}

fn rules(c: &mut Criterion) {
    let mut engine = engine();
    c.bench_function("roster 20000 pegawai, 400 unit, 31 hari", |b| {
        b.iter(|| engine.generate_roster(&Roster::default()).unwrap())
    });
    let (roster, conflicts) = engine.generate_roster(&Roster::default()).unwrap();
    assert!(conflicts.is_empty(), "{conflicts:?}");
    engine.set_roster(&roster);
    let days: Vec<NaiveDate> = day(5, 1).iter_days().take(31).collect();
    c.bench_function("status 20000 pegawai x 31 hari", |b| {
        b.iter(|| {
            let mut in_office = 0usize;
            for &d in &days {
                for i in 0..engine.workforce.employees.len() {
                    in_office += usize::from(engine.decide(i, d).status.in_office());
                }
            }
            in_office
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = rules
}
criterion_main!(benches);
